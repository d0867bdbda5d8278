// Settings of Jekyll 2-era sites that Jekyll 4.3.1 stops on. Each row was run with Debian's
// Jekyll 4.3.1 (`jekyll build` on the one-page site; test/conformance/ERRORS.md, cases 41 and 42):
// the exit status and the page it wrote.
//  - `markdown:` other than kramdown: the first Markdown conversion fails with "Invalid Markdown
//    processor given: NAME" (Converters::Markdown#setup); a site with no Markdown builds.
//  - `relative_permalinks:` anything Ruby calls true (0 and "" too): Site#render aborts.
//  - CodeRay as the highlighter (`highlighter: coderay`, `kramdown.syntax_highlighter: coderay`,
//    Jekyll 2's `kramdown.enable_coderay`): the converter's setup requires the gem
//    kramdown-syntax-coderay, which Debian does not have, and fails.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");
const MD = /invalid Markdown processor given: /;
const CR = /Dependency Error: the syntax highlighter 'coderay' is not available/;
const RP = /Since v3\.0, permalinks for pages in subfolders must be relative to the site source directory/;

const FENCE = "```ruby\nx = 1\n```\n";
const ROUGE = '<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code><span class="n">x</span> <span class="o">=</span> <span class="mi">1</span>\n</code></pre></div></div>\n';

const CASES: { config: string; file: string; body: string; jekyll: string | null; says: RegExp }[] = [
  // Jekyll 2's processors, still named by many old sites' _config.yml.
  { config: `markdown: "redcarpet"`, says: MD, file: "index.md", body: "*x*\n", jekyll: null },
  // Nothing to convert: setup never runs, the site builds.
  { config: `markdown: "redcarpet"`, says: MD, file: "index.html", body: "<p>x</p>\n", jekyll: "<p>x</p>\n" },
  // markdownify converts too.
  { config: `markdown: "redcarpet"`, says: MD, file: "index.html", body: '{{ "*x*" | markdownify }}\n', jekyll: null },
  // The name is compared downcased, not trimmed.
  { config: `markdown: "Kramdown"`, says: MD, file: "index.md", body: "*x*\n", jekyll: "<p><em>x</em></p>\n" },
  { config: `markdown: "kramdown "`, says: MD, file: "index.md", body: "*x*\n", jekyll: null },
  // GitHub Pages' jekyll-commonmark name.
  { config: `markdown: "GFM"`, says: MD, file: "index.md", body: "*x*\n", jekyll: null },
  // Not a string: Jekyll fails on `downcase`.
  { config: "markdown: 1", says: MD, file: "index.md", body: "*x*\n", jekyll: null },
  // Anything Ruby calls true stops the build; false and null do not.
  { config: "relative_permalinks: true", says: RP, file: "index.html", body: "x\n", jekyll: null },
  { config: "relative_permalinks: 0", says: RP, file: "index.html", body: "x\n", jekyll: null },
  { config: 'relative_permalinks: ""', says: RP, file: "index.html", body: "x\n", jekyll: null },
  { config: "relative_permalinks: false", says: RP, file: "index.html", body: "x\n", jekyll: "x\n" },
  { config: "relative_permalinks: null", says: RP, file: "index.html", body: "x\n", jekyll: "x\n" },
  // kramdown.syntax_highlighter when Ruby calls it true, else enable_coderay, else `highlighter`.
  { config: "highlighter: coderay", says: CR, file: "index.md", body: FENCE, jekyll: null },
  { config: "kramdown: {syntax_highlighter: coderay}", says: CR, file: "index.md", body: FENCE, jekyll: null },
  { config: "kramdown: {syntax_highlighter: null, enable_coderay: true}", says: CR, file: "index.md", body: FENCE, jekyll: null },
  { config: 'kramdown: {syntax_highlighter: "", enable_coderay: true}', says: CR, file: "index.md", body: FENCE, jekyll: '<pre><code class="language-ruby">x = 1\n</code></pre>\n' },
  { config: "highlighter: coderay\nkramdown: {syntax_highlighter: rouge}", says: CR, file: "index.md", body: FENCE, jekyll: ROUGE },
  { config: "kramdown: {enable_coderay: false}", says: CR, file: "index.md", body: FENCE, jekyll: ROUGE },
];

for (const c of CASES) {
  test(`${c.config} with ${c.file} ${c.jekyll === null ? "fails" : "builds"} as in Jekyll`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "legacy-config-"));
    try {
      const site = path.join(work, "site");
      fs.mkdirSync(site);
      fs.writeFileSync(path.join(site, "_config.yml"), `${c.config}\n`);
      fs.writeFileSync(path.join(site, c.file), `---\n---\n${c.body}`);
      const out = path.join(work, "_site");
      const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", out, "--disable-disk-cache"],
        { encoding: "utf8", env: { ...process.env, TZ: "UTC", JEKYLL_ENV: "development" } });
      const output = r.stdout + r.stderr;
      if (c.jekyll === null) {
        assert.notEqual(r.status, 0, output);
        assert.match(output, c.says, output);
        assert.equal(fs.existsSync(path.join(out, "index.html")), false);
      } else {
        assert.equal(r.status, 0, output);
        assert.equal(fs.readFileSync(path.join(out, "index.html"), "utf8"), c.jekyll);
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
