// jekyll-paginate-v2: a small site built by build-site must equal what real Jekyll 4.3.1 with
// jekyll-paginate-v2 3.0 wrote (golden/paginate-v2/expected, see gen.rb there): paginator keys
// and paths, trails, tag filter with offset, sort field, limit, permalink templates, titles.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGoldenSite } from "./golden.js";

const outputs = buildGoldenSite("paginate-v2");
test("the same files are written", () => assert.ok([...outputs.values()].every(([a, b]) => a !== null && b !== null), [...outputs.keys()].join(" ")));
for (const [file, [actual, expected]] of outputs) {
  test(`paginate-v2: ${file}`, () => assert.equal(actual, expected));
}
