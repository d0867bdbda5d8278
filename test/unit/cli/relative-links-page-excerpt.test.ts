// jekyll-relative-links and a Markdown page that has an excerpt. The gem's
// replace_relative_links_excerpt! gives every document it rewrote `data["excerpt"] =
// Jekyll::Excerpt.new(document)` when it had one, pages included: a page's `excerpt:` (front
// matter or `defaults`), or its PageExcerpt under `page_excerpts: true`. Jekyll 4.3.1 cannot render
// such an excerpt for a page (Excerpt#render_with_liquid? asks the page for its private
// `yaml_file?`), and the page's Hash reads it, so the build stops (test/conformance/ERRORS.md,
// case 50). With `render_with_liquid: false` nothing asks and the page shows the new excerpt; an
// `excerpt: false` is no excerpt; an excluded page is left alone. build-site does the same.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

function build(config: string, frontMatter: string): { status: number | null; out: string; other?: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "relative-links-excerpt-"));
  try {
    const site = path.join(work, "site");
    fs.mkdirSync(path.join(site, "docs"), { recursive: true });
    fs.writeFileSync(path.join(site, "_config.yml"), `plugins: [jekyll-relative-links]\n${config}`);
    fs.writeFileSync(path.join(site, "index.md"), `---\n${frontMatter}---\n# T\n\nSee [other](docs/other.md) {{ page.title }}.\n`);
    fs.writeFileSync(path.join(site, "docs", "other.md"), "---\nrender_with_liquid: false\n---\nOther.\n");
    fs.writeFileSync(path.join(site, "list.html"), "---\n---\nL\n\n{% for p in site.pages %}{{ p.path }}={{ p.excerpt | strip }}|{% endfor %}\n");
    const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", path.join(work, "_site")], { encoding: "utf8" });
    const list = path.join(work, "_site", "list.html");
    return { status: r.status, out: r.stdout + r.stderr, other: fs.existsSync(list) ? fs.readFileSync(list, "utf8") : undefined };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const FAILS = 'undefined method `yaml_file?\' for #<Jekyll::Page @relative_path="index.md"> (NoMethodError)';

test("a front matter excerpt on a Markdown page: Jekyll stops", () => {
  const r = build("", 'excerpt: "given"\n');
  assert.equal(r.status, 1, r.out);
  assert.ok(r.out.includes(FAILS), r.out);
});

test("an excerpt from defaults counts too", () => {
  const r = build('defaults:\n  - scope: {path: "index.md"}\n    values: {excerpt: "d"}\n', "");
  assert.equal(r.status, 1, r.out);
  assert.ok(r.out.includes(FAILS), r.out);
});

test("page_excerpts: true: Markdown pages' excerpts are replaced, HTML pages' kept", () => {
  const r = build("page_excerpts: true\n", "render_with_liquid: false\n");
  assert.equal(r.status, 0, r.out);
  assert.equal(r.other, 'L\n\nindex.md=<h1 id="t">T</h1>|list.html=L|docs/other.md=<p>Other.</p>|\n');
});

test("render_with_liquid: false builds, the page showing the new excerpt", () => {
  const r = build("", 'excerpt: "given"\nrender_with_liquid: false\n');
  assert.equal(r.status, 0, r.out);
  assert.equal(r.other, 'L\n\nindex.md=<h1 id="t">T</h1>|list.html=|docs/other.md=|\n');
});

test("excerpt: false is no excerpt; an excluded page keeps its own", () => {
  const none = build("", "excerpt: false\n");
  assert.equal(none.status, 0, none.out);
  assert.equal(none.other, "L\n\nindex.md=false|list.html=|docs/other.md=|\n");
  const excluded = build("relative_links:\n  exclude: [index.md]\n", 'excerpt: "given"\n');
  assert.equal(excluded.status, 0, excluded.out);
  assert.equal(excluded.other, "L\n\nindex.md=given|list.html=|docs/other.md=|\n");
});
