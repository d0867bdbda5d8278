// The homepage's publications as BibTeX (fixtures/papers.bib, fixtures/reports.bib: the six
// entries of _data/publications.yml, written as a researcher's .bib would hold them) give the same
// pub-box HTML as the YAML: a site with the homepage's includes and data renders both lists, and
// the two pages must be byte-identical. Also: a malformed .bib stops the build with its location,
// and build_site_extras: false leaves _bibliography/ alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");
const FIXTURES = path.join(ROOT, "test", "unit", "bibtex", "fixtures");

function listPage(source: string): string {
  return `---\n---\n{% for pub in ${source}.papers %}{% include pub-box.html pub=pub %}{% endfor %}\n` +
    `{% for pub in ${source}.reports %}{% include pub-box.html pub=pub %}{% endfor %}\n`;
}

function makeSite(extraConfig = ""): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bibtex-pubbox-"));
  fs.cpSync(path.join(ROOT, "_includes"), path.join(dir, "_includes"), { recursive: true });
  fs.mkdirSync(path.join(dir, "_data"));
  for (const f of ["publications.yml", "images.json"]) fs.copyFileSync(path.join(ROOT, "_data", f), path.join(dir, "_data", f));
  fs.mkdirSync(path.join(dir, "_bibliography"));
  for (const f of ["papers.bib", "reports.bib"]) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, "_bibliography", f));
  fs.writeFileSync(path.join(dir, "_config.yml"), `author:\n  name: Ruizhe Wang\nkramdown:\n  input: GFM\n${extraConfig}`);
  fs.writeFileSync(path.join(dir, "yaml.md"), listPage("site.data.publications"));
  fs.writeFileSync(path.join(dir, "bib.md"), listPage("site.data.bibliography"));
  return dir;
}

function build(dir: string) {
  const r = spawnSync(process.execPath, [CLI, "build", "--source", dir, "--destination", path.join(dir, "_site")], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("BibTeX entries give the same pub-box HTML as the YAML data", () => {
  const dir = makeSite();
  try {
    const r = build(dir);
    assert.equal(r.code, 0, r.err);
    const yaml = fs.readFileSync(path.join(dir, "_site", "yaml.html"), "utf8");
    const bib = fs.readFileSync(path.join(dir, "_site", "bib.html"), "utf8");
    assert.equal((yaml.match(/<div class="pub-box">/g) ?? []).length, 6, "six publication cards from the YAML");
    assert.match(yaml, /<strong>Ruizhe Wang<\/strong>/);
    assert.match(yaml, /Houwen Peng\*, Kan Wu\*/);
    assert.match(yaml, /class="badge badge--arxiv" href="https:\/\/arxiv\.org\/abs\/2501\.17116"/);
    assert.match(yaml, /1\.75× training speedup/);
    assert.equal(bib, yaml);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a malformed .bib stops the build with its file and line, and _site is not written", () => {
  const dir = makeSite();
  try {
    fs.appendFileSync(path.join(dir, "_bibliography", "reports.bib"), "\n@misc{broken,\n  title = {no closing brace,\n  year = 2024\n}\n");
    const lines = fs.readFileSync(path.join(dir, "_bibliography", "reports.bib"), "utf8").split("\n");
    const line = lines.findIndex((l) => l.startsWith("@misc{broken")) + 1;
    const r = build(dir);
    assert.notEqual(r.code, 0);
    assert.match(r.err, new RegExp(`_bibliography/reports\\.bib:${line}: cannot read this BibTeX entry \\(@misc\\{broken,\\)`));
    assert.equal(fs.existsSync(path.join(dir, "_site")), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("build_site_extras: false: no site.data.bibliography, as in Jekyll", () => {
  const dir = makeSite("build_site_extras: false\n");
  try {
    fs.writeFileSync(path.join(dir, "bib.md"), "---\n---\n[{{ site.data.bibliography | size }}]\n");
    const r = build(dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(path.join(dir, "_site", "bib.html"), "utf8"), "<p>[0]</p>\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("pub-box: own badges from the link fields, shields.io image badges still drawn when written by hand", () => {
  const dir = makeSite();
  try {
    fs.writeFileSync(path.join(dir, "_data", "hand.yml"), [
      "- title: Hand-written badges",
      "  url: https://example.org/p",
      "  arxiv: \"2401.00001\"",
      "  doi: 10.1000/XYZ",
      "  pdf: https://example.org/p.pdf",
      "  project: https://example.org/",
      "  badges:",
      "    - url: https://github.com/o/r",
      "      image: https://img.shields.io/github/stars/o/r?style=for-the-badge",
      "      alt: GitHub stars",
      "",
    ].join("\n"));
    fs.writeFileSync(path.join(dir, "_data", "citations.json"), JSON.stringify({ updated: "2026-01-01T00:00:00.000Z", total: 9, works: { "doi:10.1000/xyz": { count: 9 } } }));
    fs.writeFileSync(path.join(dir, "hand.md"), "---\n---\n{% assign p = site.data.hand[0] %}{% include pub-box.html pub=p %}\n");
    const r = build(dir);
    assert.equal(r.code, 0, r.err);
    const html = fs.readFileSync(path.join(dir, "_site", "hand.html"), "utf8");
    const links = [...html.matchAll(/<a class="badge badge--(\w+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(links, [
      ["arxiv", "https://arxiv.org/abs/2401.00001"],
      ["doi", "https://doi.org/10.1000/XYZ"],
      ["pdf", "https://example.org/p.pdf"],
      ["project", "https://example.org/"],
      ["citations", "https://example.org/p"],
    ]);
    assert.match(html, /<span class="badge-value">9<\/span>/, "the count filed under the lower-cased DOI");
    assert.match(html, /<a href="https:\/\/github\.com\/o\/r"><img src="https:\/\/img\.shields\.io\/github\/stars\/o\/r\?style=for-the-badge" alt="GitHub stars" height="28" \/><\/a>/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
