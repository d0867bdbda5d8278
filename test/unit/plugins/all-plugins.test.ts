// Fifteen GitHub Pages plugins on one site (golden/all-plugins, see gen.rb there), built by
// build-site and compared with real Jekyll 4.3.1 offline: their interplay (priorities, pages
// one plugin adds that another lists, redirects in the sitemap, titles and layouts added before
// rendering, mentions after it) must give the same files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildGoldenSite } from "./golden.js";

const outputs = buildGoldenSite("all-plugins", { PAGES_REPO_NWO: "octo/project", JEKYLL_BUILD_REVISION: "abc", NO_NETRC: "1" });
test("at least the pages of every plugin are written", () => assert.ok(outputs.size >= 18));
for (const [file, [actual, expected]] of outputs) {
  test(`all-plugins: ${file}`, () => assert.equal(actual, expected));
}
