// `markdown:` other than kramdown: Jekyll 4.3.1 stops at the first Markdown conversion with
// "Invalid Markdown processor given: NAME" (Converters::Markdown#setup), and builds a site that
// has no Markdown to convert. Each row was run with Debian's Jekyll 4.3.1 (`jekyll build` on the
// one-page site; test/conformance/ERRORS.md, case 25): the exit status and the page it wrote.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

const CASES: { markdown: string; file: string; body: string; jekyll: string | null }[] = [
  // Jekyll 2's processors, still named by many old sites' _config.yml.
  { markdown: '"redcarpet"', file: "index.md", body: "*x*\n", jekyll: null },
  // Nothing to convert: setup never runs, the site builds.
  { markdown: '"redcarpet"', file: "index.html", body: "<p>x</p>\n", jekyll: "<p>x</p>\n" },
  // markdownify converts too.
  { markdown: '"redcarpet"', file: "index.html", body: '{{ "*x*" | markdownify }}\n', jekyll: null },
  // The name is compared downcased, not trimmed.
  { markdown: '"Kramdown"', file: "index.md", body: "*x*\n", jekyll: "<p><em>x</em></p>\n" },
  { markdown: '"kramdown "', file: "index.md", body: "*x*\n", jekyll: null },
  // GitHub Pages' jekyll-commonmark name.
  { markdown: '"GFM"', file: "index.md", body: "*x*\n", jekyll: null },
  // Not a string: Jekyll fails on `downcase`.
  { markdown: "1", file: "index.md", body: "*x*\n", jekyll: null },
];

for (const c of CASES) {
  test(`markdown: ${c.markdown} with ${c.file} ${c.jekyll === null ? "fails" : "builds"} as in Jekyll`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "markdown-processor-"));
    try {
      const site = path.join(work, "site");
      fs.mkdirSync(site);
      fs.writeFileSync(path.join(site, "_config.yml"), `markdown: ${c.markdown}\n`);
      fs.writeFileSync(path.join(site, c.file), `---\n---\n${c.body}`);
      const out = path.join(work, "_site");
      const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", out, "--disable-disk-cache"],
        { encoding: "utf8", env: { ...process.env, TZ: "UTC", JEKYLL_ENV: "development" } });
      const output = r.stdout + r.stderr;
      if (c.jekyll === null) {
        assert.notEqual(r.status, 0, output);
        assert.match(output, /invalid Markdown processor given: /, output);
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
