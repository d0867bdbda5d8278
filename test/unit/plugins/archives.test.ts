// jekyll-archives 2.2.1: permalink templates and titles (Archive#url, #relative_path, #name) and
// `enabled` values, against the real gem (golden/gen-archives.rb); the settings' errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { archiveEnabled, archiveRelativePath, archiveUrl, archivesConfig, type ArchiveType } from "../../../src/plugins/jekyll-archives.js";
import { golden } from "./golden.js";

interface UrlCase { template: string; type: ArchiveType; title: unknown; url: string; relative_path: string; name: string }
const data = golden<{ urls: UrlCase[]; enabled: Array<{ enabled: unknown; on: string[] }> }>("archives.json");

for (const c of data.urls) {
  test(`archive url: ${c.template} with ${JSON.stringify(c.title)}`, () => {
    const url = archiveUrl(c.template, c.type, c.title);
    assert.equal(url, c.url);
    const rel = archiveRelativePath(url);
    assert.equal(rel, c.relative_path);
    assert.equal(path.posix.basename(rel, path.posix.extname(rel)), c.name);
  });
}

for (const c of data.enabled) {
  test(`enabled: ${JSON.stringify(c.enabled)}`, () => {
    const config = archivesConfig({ "jekyll-archives": { enabled: c.enabled } });
    assert.deepEqual(["tags", "categories", "year", "month", "day"].filter((k) => archiveEnabled(config, k)), c.on);
  });
}

test("settings: defaults deep-merged, a nil value keeps the default, a non-mapping is an error", () => {
  const c = archivesConfig({ "jekyll-archives": { layout: null, permalinks: { tag: "/t/:name/" } } });
  assert.equal(c.layout, "archive");
  assert.equal(c.permalinks.tag, "/t/:name/");
  assert.equal(c.permalinks.category, "/category/:name/");
  assert.deepEqual(archivesConfig({}).enabled, []);
  assert.throws(() => archivesConfig({ "jekyll-archives": null }), /must be a mapping/);
  assert.throws(() => archivesConfig({ "jekyll-archives": "all" }), /must be a mapping/);
});

test("a missing permalink template is an error naming the setting", () => {
  assert.throws(() => archiveUrl(null, "tag", "x"), /Template "" provided is invalid/);
});
