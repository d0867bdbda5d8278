// Reading BibTeX (src/read/bibtex.ts) and turning entries into template data
// (src/read/publication.ts): LaTeX decoded, names split, located errors, and the fields
// jekyll-scholar templates and the homepage's pub-box read.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../../conformance/harness.js";
import { parseBibtex, type BibWarning } from "../../../src/read/bibtex.js";
import { publicationData } from "../../../src/read/publication.js";
import { BuildError } from "../../../src/errors.js";

const one = (src: string) => {
  const warnings: BibWarning[] = [];
  const entries = parseBibtex(src, "_bibliography/test.bib", (w) => warnings.push(w));
  return { entry: entries[0]!, entries, warnings };
};

test("LaTeX accents, braces, escapes and math become text", () => {
  // (A plain string: the TeX quotes are backticks.)
  const { entry } = one("@article{k,\n" +
    "  title = {{\\\"U}ber {\\'e}t{\\'{e}} {\\c c}a, Stra{\\ss}e and {GPU}s: $O(n^2)$ in 50\\% less -- ``quoted''},\n" +
    "  journal = {Journal of {\\v S}ome {\\AA}rea \\& More},\n" +
    "  year = 2024\n}");
  assert.equal(entry.fields.title, "Über été ça, Straße and GPUs: O(n²) in 50% less – “quoted”");
  assert.equal(entry.fields.journal, "Journal of Šome Årea & More");
  assert.equal(entry.fields.year, "2024");
  assert.equal(entry.type, "article");
  assert.equal(entry.key, "k");
});

test("formatting commands keep their text and lose their markup", () => {
  const { entry } = one(String.raw`@misc{k, title = {A \emph{new} \textbf{bold} \textit{idea}, see \url{https://example.org/a_b}}}`);
  assert.equal(entry.fields.title, "A new bold idea, see https://example.org/a_b");
});

test("names: both forms, von and Jr parts, braced literals, equal-contribution marks", () => {
  const { entry } = one(String.raw`@misc{k, author = {van der Berg, Jr., Jan and Marie Curie and {Microsoft Research} and Peng*, Houwen and M{\"u}ller, J{\"o}rg}}`);
  assert.deepEqual(entry.names.author, [
    { first: "Jan", last: "Berg", prefix: "van der", suffix: "Jr." },
    { first: "Marie", last: "Curie", prefix: "", suffix: "" },
    { first: "", last: "Microsoft Research", prefix: "", suffix: "" },
    { first: "Houwen", last: "Peng*", prefix: "", suffix: "" },
    { first: "Jörg", last: "Müller", prefix: "", suffix: "" },
  ]);
  assert.equal(entry.fields.author, "van der Berg, Jr., Jan and Curie, Marie and Microsoft Research and Peng*, Houwen and Müller, Jörg");
  const data = publicationData(entry);
  assert.deepEqual(data.authors, ["Jan van der Berg, Jr.", "Marie Curie", "Microsoft Research", "Houwen Peng*", "Jörg Müller"]);
  assert.deepEqual((data.author_array as unknown[])[1], { first: "Marie", last: "Curie", prefix: "", suffix: "" });
  assert.equal(data.author_1_last, "Curie");
});

test("@string macros, concatenation and month names", () => {
  const { entry } = one(String.raw`@string{icml = "International Conference on Machine Learning"}
@inproceedings{k, booktitle = "Proceedings of " # icml, month = jan, year = {2025}}`);
  assert.equal(entry.fields.booktitle, "Proceedings of International Conference on Machine Learning");
  assert.equal(publicationData(entry).date, "Jan 2025");
});

test("entries keep file order, their source text and the line they start on", () => {
  const { entries } = one("% a comment\n\n@misc{first, title={A}}\n\n\n@article{second,\n  title={B}\n}\n");
  assert.deepEqual(entries.map((e) => [e.key, e.line]), [["first", 3], ["second", 6]]);
  assert.equal(entries[1]!.source, "@article{second,\n  title={B}\n}");
});

test("a malformed entry stops with the file and the line it starts on", () => {
  const src = "@misc{ok, title={Fine}}\n\n@article{bad,\n  title = {Unclosed,\n  year = 2023\n}\n@misc{after, title={After}}\n";
  assert.throws(() => parseBibtex(src, "_bibliography/papers.bib"), (e: unknown) => {
    assert.ok(e instanceof BuildError);
    assert.equal(e.file, "_bibliography/papers.bib");
    assert.equal(e.line, 3);
    assert.match(e.message, /cannot read this BibTeX entry \(@article\{bad,\)/);
    assert.match(e.hint ?? "", /braces/);
    return true;
  });
  assert.throws(() => parseBibtex("@misc{x, title = undefinedmacro}\n", "f.bib"), /Unresolved @string reference/);
});

test("a duplicate key stops with both lines", () => {
  assert.throws(() => parseBibtex("@misc{a, title={1}}\n@misc{b, title={2}}\n@misc{a, title={3}}\n", "f.bib"),
    (e: unknown) => e instanceof BuildError && e.line === 3 && /duplicate BibTeX key 'a' \(first used on line 1\)/.test(e.message));
});

test("an unknown LaTeX command is left out with a located warning; common text commands are known", () => {
  const { entry, warnings } = one("\n@misc{k, title={The graph{\\rq}s \\foo{bar} nodes\\ here}}\n");
  assert.equal(entry.fields.title, "The graph’s bar nodes here");
  assert.deepEqual(warnings, [{ line: 2, message: "entry 'k': unknown LaTeX command \\foo left out of the text" }]);
});

test("publication data: al-folio's custom fields and the pub-box fields", () => {
  const { entry } = one(String.raw`@inproceedings{k,
  title = {T}, author = {Doe, Jane}, booktitle = {Proc. of X}, year = {2021}, month = {7},
  abbr = {X 2021}, arxiv = {2101.00001}, code = {https://github.com/j/k}, html = {https://j.example/k},
  pdf = {k.pdf}, preview = {k.png}, abstract = {Long abstract.}, doi = {https://doi.org/10.1000/XYZ.1}
}`);
  const d = publicationData(entry);
  assert.equal(d.venue, "Proc. of X");
  assert.equal(d.venue_badge, "X 2021");
  assert.equal(d.venue_icon, "fa fa-book");
  assert.equal(d.date, "Jul 2021");
  assert.equal(d.arxiv, "2101.00001");
  assert.equal(d.url, "https://arxiv.org/abs/2101.00001");
  assert.equal(d.doi, "10.1000/XYZ.1");
  assert.equal(d.project, "https://j.example/k");
  assert.equal(d.pdf, "/assets/pdf/k.pdf");
  assert.equal(d.image, "/assets/img/publication_preview/k.png");
  assert.equal(d.excerpt, "Long abstract.");
  assert.equal(d.key, "k");
  assert.equal(d.type, "inproceedings");
  assert.match(String(d.bibtex), /^@inproceedings\{k,/);

  const report = publicationData(one("@techreport{r, title={R}, eprint={2312.1}, archivePrefix={arXiv}, year=2023}").entry);
  assert.equal(report.venue, "Technical Report");
  assert.equal(report.venue_icon, "fa fa-file-alt");
  assert.equal(report.arxiv, "2312.1");
  const preprint = publicationData(one("@misc{p, title={P}, eprint={2401.2}, eprinttype={arxiv}, date={2024-02-03}}").entry);
  assert.equal(preprint.venue, "Preprint");
  assert.equal(preprint.date, "Feb 2024");
});

// Real al-folio .bib files from the corpus (../shared/corpus, absent in CI: skipped then).
const corpus = path.join(ROOT, "..", "shared", "corpus");
const corpusBibs = fs.existsSync(corpus)
  ? fs.readdirSync(corpus).flatMap((site) => {
    const dir = path.join(corpus, site, "src", "_bibliography");
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".bib")).map((f) => path.join(dir, f)) : [];
  })
  : [];
test("the corpus's al-folio .bib files read without errors", { skip: corpusBibs.length ? false : "no ../shared/corpus here" }, () => {
  for (const file of corpusBibs) {
    const warnings: BibWarning[] = [];
    const entries = parseBibtex(fs.readFileSync(file, "utf8"), file, (w) => warnings.push(w));
    assert.ok(entries.length > 5, file);
    for (const e of entries) assert.ok(e.fields.title && !/[{}\\]/.test(e.fields.title), `${file} ${e.key}: ${e.fields.title}`);
    assert.deepEqual(warnings, [], file);
  }
});
