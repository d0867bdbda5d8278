// jekyll-relative-links' rewriting against the real gem run on a small site (golden/relative-links.json):
// inline and reference links, fragments, titles, percent-encoded paths, ../ and absolute paths,
// and the links it must leave alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathFromRoot, rewriteLinks } from "../../../src/plugins/jekyll-relative-links.js";
import { golden } from "./golden.js";

interface Golden {
  config: Record<string, any>;
  targets: Record<string, string>;
  docs: Array<{ relative_path: string; input: string; expected: string }>;
}

const data = golden<Golden>("relative-links.json");
const find = (p: string) => (p in data.targets ? { relativePath: p, url: data.targets[p]! } : undefined);

for (const doc of data.docs) {
  test(`links in ${doc.relative_path} rewritten as the gem does`, () => {
    assert.equal(rewriteLinks(doc.input, doc.relative_path, find, data.config), doc.expected);
  });
}

test("paths resolve from the document's folder, or the root with a leading slash", () => {
  assert.equal(pathFromRoot("guide.md", "docs"), "docs/guide.md");
  assert.equal(pathFromRoot("../index.md", "docs/sub"), "docs/index.md");
  assert.equal(pathFromRoot("/other.html", "docs"), "other.html");
  assert.equal(pathFromRoot("./x.md", "."), "x.md");
  // Climbing out of the source matches nothing.
  assert.ok(!pathFromRoot("../../x.md", "docs").startsWith("x.md"));
});
