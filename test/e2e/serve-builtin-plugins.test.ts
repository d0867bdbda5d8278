// `serve` with the plugins that reach beyond one page: jekyll-polyglot (a build in passes, one per
// language), jekyll-archives (pages made from every post, `site.archives` in the config) and
// jekyll-last-modified-at. After edits, the incremental rebuild must equal a clean build.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { buildSite } from "../../src/build.js";
import { IncrementalBuilder } from "../../src/serve/incremental.js";
import type { Logger } from "../../src/logger.js";
import { FIXTURES, readTree } from "../conformance/harness.js";

const quiet: Logger = { info() {}, warn() {}, debug() {} };

function clean(src: string, dest: string): Map<string, string> {
  buildSite({ overrides: { source: src, destination: dest }, logger: quiet });
  return readTree(dest);
}

function edit(file: string, from: string, to: string): string {
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(from, to));
  return file;
}

test("serve: jekyll-polyglot and jekyll-archives rebuild incrementally to what a clean build writes", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "serve-builtin-"));
  try {
    const src = path.join(work, "site");
    fs.cpSync(path.join(FIXTURES, "plugin-polyglot-sequential", "site"), src, { recursive: true });
    fs.appendFileSync(path.join(src, "_config.yml"), 'time: "2026-12-01 00:00:00 +0000"\nplugins: [jekyll-polyglot, jekyll-sitemap, jekyll-feed, jekyll-archives, jekyll-last-modified-at]\njekyll-archives: { enabled: [year, tags] }\n');
    fs.writeFileSync(path.join(src, "_layouts", "archive.html"), "{{ page.type }} {{ page.title }}: {% for p in page.posts %}{{ p.title }} {% endfor %}\n");
    const out = path.join(work, "out");
    const builder = new IncrementalBuilder({ overrides: { source: src, destination: out }, logger: quiet });
    try {
      builder.buildAll();
      assert.deepEqual(readTree(out), clean(src, path.join(work, "clean0")));
      const steps: Array<() => string> = [
        () => edit(path.join(src, "contact.md"), "English only", "English only, edited"),
        () => edit(path.join(src, "_posts", "2024-02-02-english-only.md"), "title: English only", "title: English only\ntags: [news]"),
        () => edit(path.join(src, "_data", "de", "t.yml"), "Hallo", "Servus"),
      ];
      for (const [i, step] of steps.entries()) {
        const report = builder.rebuild([step()]);
        assert.deepEqual(readTree(out), clean(src, path.join(work, `clean${i + 1}`)), `after edit ${i + 1} (${report.full ? "full" : "incremental"})`);
      }
    } finally {
      builder.dispose();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
