// jekyll-scholar's subset (src/plugins/jekyll-scholar/): the site scholar/site (al-folio's shape:
// `plugins: [jekyll/scholar]`, a papers.bib with its custom fields, a `bib` layout as
// bibliography_template, a per-year loop with `-q @*[year={{y}}]*`, cite and --cited) must build to
// scholar/expected/.
//
// No Ruby golden: jekyll-scholar is not packaged by Debian (and CI has no Ruby). expected/ was
// written by build-site and checked by hand against jekyll-scholar 7's code (Utilities#optparse,
// #interpolate, #liquid_template, #bibliography_tag, #cite, BibliographyTag#render and
// bibtex-ruby's Element#matches?): the list and item tags and class, one item per line, the layout's
// content as the template with entry/index/page/site, the query operators, sort_by year descending
// with file order kept for equal years, cited keys per page, "(missing reference)". The reference
// and citation text is build-site's APA subset (apa.ts), not citeproc-ruby's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../../conformance/harness.js";
import { parseScholarArgs } from "../../../src/plugins/jekyll-scholar/options.js";
import { matchesQuery, sortEntries } from "../../../src/plugins/jekyll-scholar/query.js";
import { parseBibtex } from "../../../src/read/bibtex.js";

const CLI = path.join(ROOT, "bin", "build-site.js");
const FIXTURE = path.join(ROOT, "test", "unit", "plugins", "scholar");

function build(source: string, extraArgs: string[] = []) {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), "scholar-"));
  const r = spawnSync(process.execPath, [CLI, "build", "--source", source, "--destination", dest, ...extraArgs], { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  return { dest, code: r.status, err: r.stderr };
}

test("scholar/site builds to scholar/expected", () => {
  const { dest, code, err } = build(path.join(FIXTURE, "site"));
  try {
    assert.equal(code, 0, err);
    const expected = fs.readdirSync(path.join(FIXTURE, "expected")).sort();
    assert.deepEqual(fs.readdirSync(dest).sort(), expected);
    for (const f of expected) {
      assert.equal(fs.readFileSync(path.join(dest, f), "utf8"), fs.readFileSync(path.join(FIXTURE, "expected", f), "utf8"), f);
    }
  } finally {
    fs.rmSync(dest, { recursive: true, force: true });
  }
});

test("with build_site_extras: false the scholar tags are unknown, as in a Jekyll without the gem", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "scholar-off-"));
  try {
    fs.cpSync(path.join(FIXTURE, "site"), work, { recursive: true });
    fs.appendFileSync(path.join(work, "_config.yml"), "build_site_extras: false\n");
    const { dest, code, err } = build(work);
    fs.rmSync(dest, { recursive: true, force: true });
    assert.notEqual(code, 0);
    assert.match(err, /(cite|publications)\.md:\d+(:\d+)?: .*(bibliography|cite)/);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test("a missing bibliography file is a located error", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "scholar-missing-"));
  try {
    fs.cpSync(path.join(FIXTURE, "site"), work, { recursive: true });
    fs.writeFileSync(path.join(work, "extra.md"), "---\n---\nline 3\n{% bibliography -f nosuch %}\n");
    const { dest, code, err } = build(work);
    fs.rmSync(dest, { recursive: true, force: true });
    assert.notEqual(code, 0);
    assert.match(err, /extra\.md:4(:\d+)?: .*no bibliography file _bibliography\/nosuch\.bib/);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test("tag arguments are cut at each option, as jekyll-scholar's optparse cuts them", () => {
  assert.deepEqual(parseScholarArgs("-f papers -q @*[year={{y}}]*"), { files: ["papers"], query: "@*[year={{y}}]*", cited: false, citedInOrder: false });
  assert.deepEqual(parseScholarArgs("--file a --file b.bib --query @article[title~=Deep Learning] --max 3 -T bib --cited"),
    { files: ["a", "b.bib"], query: "@article[title~=Deep Learning]", max: 3, template: "bib", cited: true, citedInOrder: false });
  assert.deepEqual(parseScholarArgs("-q @*[title~=x-f] -C"), { files: [], query: "@*[title~=x-f]", cited: true, citedInOrder: true });
});

test("queries: bibtex-ruby's types, operators, || and &&, and sorting", () => {
  const entries = parseBibtex([
    "@article{a, title={Deep Nets}, year=2020, keywords={graphs, nlp}}",
    "@inproceedings{b, title={Shallow}, year=2019}",
    "@misc{c, title={Deep Again}, year=2021, type={preprint}}",
  ].join("\n"), "q.bib");
  const keys = (q: string) => entries.filter((e) => matchesQuery(e, q)).map((e) => e.key);
  assert.deepEqual(keys("@*"), ["a", "b", "c"]);
  assert.deepEqual(keys("@article"), ["a"]);
  assert.deepEqual(keys("!@article"), ["b", "c"]);
  assert.deepEqual(keys("@article, @misc"), ["a", "c"]);
  assert.deepEqual(keys("@*[year=2020]*"), ["a"]);
  assert.deepEqual(keys("@*[year!=2020]"), ["b", "c"]);
  assert.deepEqual(keys("@*[year>=2020]"), ["a", "c"]);
  assert.deepEqual(keys("@*[year<=2019]"), ["b"]);
  assert.deepEqual(keys("@*[title~=^Deep]"), ["a", "c"]);
  assert.deepEqual(keys("@*[title!~Deep]"), ["b"]);
  assert.deepEqual(keys("@*[title^=Sha]"), ["b"]);
  assert.deepEqual(keys("@*[keywords~=nlp]"), ["a"]);
  assert.deepEqual(keys("@*[type=preprint]"), ["c"], "type names the field called type");
  assert.deepEqual(keys("@*[title~=Deep, year=2021]"), ["c"]);
  assert.deepEqual(keys("@*[year=2019 || year=2021]"), ["b", "c"]);
  assert.deepEqual(keys("@*[title~=Deep && year=2020]"), ["a"]);
  assert.deepEqual(keys("@*[keywords]"), ["a"], "a bare field name: the entry has it");
  assert.deepEqual(keys("b"), ["b"], "a plain key");
  assert.deepEqual(sortEntries(entries, "year", "descending").map((e) => e.key), ["c", "a", "b"]);
  assert.deepEqual(sortEntries(entries, "none", "descending").map((e) => e.key), ["a", "b", "c"]);
  assert.deepEqual(sortEntries(entries, ["title"], "ascending").map((e) => e.key), ["c", "a", "b"]);
});
