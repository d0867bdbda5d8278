// Jekyll's Markdown converter fills in `site.config["kramdown"]` when it first converts
// (KramdownParser#setup; the conformance fixture kramdown-config-setup pins one build). The
// converter lives as long as the Site, so in a `jekyll serve` rebuild every page, the first post
// too, sees the filled-in hash (measured with Jekyll 4.3.1: Site#process run twice); separate
// builds do not share it.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { buildSite } from "../../../src/build.js";
import { IncrementalBuilder } from "../../../src/serve/incremental.js";
import type { Logger } from "../../../src/logger.js";

const quiet: Logger = { info() {}, warn() {}, debug() {} };

function write(root: string, rel: string, text: string): string {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

function site(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kramdown-setup-"));
  write(dir, "_config.yml", "title: K\n");
  write(dir, "_posts/2021-01-01-a.md", "---\n---\nA: {{ site.kramdown.syntax_highlighter | inspect }}\n");
  write(dir, "_posts/2021-01-02-b.md", "---\n---\nB: {{ site.kramdown.syntax_highlighter | inspect }}\n");
  write(dir, "other.html", "---\n---\nother\n");
  return dir;
}

test("a serve rebuild keeps the filled-in kramdown config: the first post sees it too", () => {
  const dir = site();
  const builder = new IncrementalBuilder({ overrides: { source: dir, destination: path.join(dir, "_site") }, logger: quiet });
  const first = () => fs.readFileSync(path.join(dir, "_site/2021/01/01/a.html"), "utf8");
  try {
    builder.buildAll();
    assert.equal(first(), "<p>A: nil</p>\n");
    const other = write(dir, "other.html", "---\n---\nother, edited\n");
    builder.rebuild([other]);
    assert.equal(first(), "<p>A: \"rouge\"</p>\n");
    assert.equal(fs.readFileSync(path.join(dir, "_site/2021/01/02/b.html"), "utf8"), "<p>B: \"rouge\"</p>\n");
  } finally {
    builder.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("separate builds each start from the config as written", () => {
  const dir = site();
  try {
    for (let i = 0; i < 2; i++) {
      buildSite({ overrides: { source: dir, destination: path.join(dir, "_site") }, logger: quiet });
      assert.equal(fs.readFileSync(path.join(dir, "_site/2021/01/01/a.html"), "utf8"), "<p>A: nil</p>\n");
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
