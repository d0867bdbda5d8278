// jekyll-feed edge cases beyond the conformance fixtures (golden/feed-edges, see gen.rb there).
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGoldenSite } from "./golden.js";

const outputs = buildGoldenSite("feed-edges");
test("the feeds are written", () => assert.ok([...outputs.keys()].filter((f) => f.endsWith(".xml")).length >= 5));
for (const [file, [actual, expected]] of outputs) {
  test(`feed-edges: ${file}`, () => assert.equal(actual, expected));
}
