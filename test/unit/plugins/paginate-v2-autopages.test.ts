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

// Real Jekyll 4.3.1 with jekyll-paginate-v2 3.0.0 and `autopages: {tags: {enabled: true}}` on a post
// with `tags: [C#, 2020]` stops with "undefined method `strip' for 2020:Integer (NoMethodError)"
// (Utils.ap_index_posts_by strips every entry); tags written as strings index as usual.
test("autopages: a tag YAML reads as a number stops the build, as in Jekyll", async () => {
  const { autopageIndex } = await import("../../../src/plugins/jekyll-paginate-v2-autopages.js");
  const doc = (data: Record<string, unknown>) => ({ data }) as any;
  assert.throws(() => autopageIndex([doc({ tags: ["C#", 2020] })], "tags"), /undefined method `strip' for 2020:Integer/);
  assert.throws(() => autopageIndex([doc({ locale: 5 })], "locale"), /undefined method `each' for 5:Integer/);
  assert.deepEqual([...autopageIndex([doc({ tags: ["C#", "2020"] }), doc({ tags: {} })], "tags")], [["c#", "C#"], ["2020", "2020"]]);
});

// An AutoPage whose layout file is missing (golden/paginate-v2-autopages-missing-layout: only
// autopage_tags.html, categories and collections on by default) is made all the same, empty, and
// paginated: Jekyll writes category/notes/index.html, its page2 and the collection's, all empty.
const missing = buildGoldenSite("paginate-v2-autopages-missing-layout");
test("autopages without their layout: the same files are written", () => {
  assert.deepEqual([...missing].filter(([, [a, b]]) => a === null || b === null).map(([f]) => f), []);
});
for (const [file, [actual, expected]] of missing) {
  test(`autopages without their layout: ${file}`, () => assert.equal(actual, expected));
}
