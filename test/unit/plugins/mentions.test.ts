// jekyll-mentions on inputs the fixtures do not cover (libxml2's tree building and serialising,
// the mention pattern's edges, base URLs), against real jekyll-mentions + Nokogiri output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mentionBase, mentionify } from "../../../src/plugins/jekyll-mentions.js";
import { golden } from "./golden.js";

interface Case {
  input: string;
  expected: string;
  config?: Record<string, any>;
  data?: Record<string, any>;
}

const cases = golden<Case[]>("mentions.json");

test("golden cases exist", () => assert.ok(cases.length >= 30));

for (const [i, c] of cases.entries()) {
  test(`mentionify #${i}: ${JSON.stringify(c.input).slice(0, 60)}`, () => {
    const base = mentionBase(c.config ?? {}, c.data ?? {});
    assert.equal(mentionify(c.input, base), c.expected);
  });
}

test("a non-string, non-hash jekyll-mentions setting is an error", () => {
  assert.throws(() => mentionBase({ "jekyll-mentions": 3 }, {}), /string or a hash/);
});
