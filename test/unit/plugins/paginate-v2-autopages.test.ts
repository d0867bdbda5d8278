// jekyll-paginate-v2 AutoPages (golden/paginate-v2-autopages, see gen.rb there): tag, category
// and collection pages made from layouts, paginated, with display names and slugify modes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGoldenSite } from "./golden.js";

const outputs = buildGoldenSite("paginate-v2-autopages");
test("the same files are written", () => {
  const missing = [...outputs].filter(([, [a, b]]) => a === null || b === null).map(([f]) => f);
  assert.deepEqual(missing, []);
});
for (const [file, [actual, expected]] of outputs) {
  test(`autopages: ${file}`, () => assert.equal(actual, expected));
}
