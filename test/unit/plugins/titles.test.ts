// jekyll-titles-from-headings' heading pattern against the real gem's (golden/titles.json): which
// heading is the title, and what strip_title leaves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rubyStrip } from "../../../src/ruby/strings.js";
import { TITLE_REGEX } from "../../../src/plugins/jekyll-titles-from-headings.js";
import { golden } from "./golden.js";

interface Case { input: string; title: string | null; stripped: string }

for (const c of golden<Case[]>("titles.json")) {
  test(`title of ${JSON.stringify(c.input)}`, () => {
    const m = TITLE_REGEX.exec(c.input);
    assert.equal(m ? (m[1] ?? m[2] ?? null) : null, c.title);
    assert.equal(rubyStrip(c.input.replace(TITLE_REGEX, "")), c.stripped);
  });
}
