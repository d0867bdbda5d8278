// jekyll-seo-tag edge cases beyond the conformance fixtures (golden/seo-edges, see gen.rb there):
// authors from data files, arrays and hashes, author types the JSON-LD refuses, image hashes,
// empty values, `seo:` overrides, locales, time zones, a url with a trailing slash and a baseurl.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGoldenSite } from "./golden.js";

const outputs = buildGoldenSite("seo-edges");
test("every page is written", () => assert.ok(outputs.size >= 9));
for (const [file, [actual, expected]] of outputs) {
  test(`seo-edges: ${file}`, () => assert.equal(actual, expected));
}
