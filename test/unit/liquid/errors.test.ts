// Errors name the file and line the user must fix (inside an include: the include's), and the
// strictness switches of `liquid:` in _config.yml are honoured.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createLiquidEngine } from "../../../src/render/liquid/index.js";
import { BuildError } from "../../../src/errors.js";
import { goldenHost, siteDir } from "./golden-host.js";

const NOW = 1_796_083_200;
const site = { timezone: "UTC", baseurl: "", url: "https://example.com" };

function renderError(fn: () => unknown): BuildError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof BuildError, `expected a BuildError, got ${e}`);
    return e;
  }
  assert.fail("expected an error");
}

test("a render error names the file and its line, counting front matter lines", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  const t = engine.parse("line one\nline two\n{{ 1 | divided_by: 0 }}\n", "about.md", 4);
  const err = renderError(() => engine.render(t, {}));
  assert.equal(err.file, "about.md");
  assert.equal(err.line, 7);
  assert.match(err.message, /divided by 0/);
});

test("a syntax error names the file and line at parse time", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  const err = renderError(() => engine.parse("a\n{% if true %}\nunclosed\n", "page.html", 2));
  assert.equal(err.file, "page.html");
  assert.equal(err.line, 4);
  const err2 = renderError(() => engine.parse("{% nosuchtag %}", "page.html"));
  assert.equal(err2.line, 1);
});

test("an error inside an include names the include file and its line", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  const t = engine.parse("start\n{% include error.html %}\n", "index.html");
  const err = renderError(() => engine.render(t, {}));
  assert.equal(err.file, path.join("_includes", "error.html"));
  assert.equal(err.line, 2);
  // The message as Jekyll's: Liquid::Error#to_s names the include and its line.
  assert.match(err.format(), /^_includes\/error\.html:2:\d+: Liquid Exception: Liquid error \(_includes\/error\.html line 2\): divided by 0/);
  // And the page that included it, in Jekyll's words ("… divided by 0 included in index.html").
  assert.match(err.message, /divided by 0 included in index\.html$/);
});

test("a stray end tag or else says which block is missing, not that a plugin may define it", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  const err = renderError(() => engine.parse("---\n{% for x in (1..2) %}{% endfor %}\n{% endif %}\n", "page.md", 3));
  assert.equal(err.line, 6);
  // Jekyll's message counts from the end of the front matter: the template's third line.
  assert.match(err.message, /^Liquid Exception: Liquid syntax error \(line 3\): Unknown tag 'endif'/);
  assert.match(err.hint ?? "", /This \{% endif %\} closes nothing: no \{% if %\} is open/);
  const els = renderError(() => engine.parse("a {% else %} b", "page.md"));
  assert.match(els.hint ?? "", /outside the block it belongs to/);
  const plugin = renderError(() => engine.parse("{% frobnicate %}", "page.md"));
  assert.match(plugin.hint ?? "", /neither Liquid's nor Jekyll's/);
});

test("a tag or output with no closing braces says to close it", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  // online-cv forks' sidebar: `{% comment }` … `{% endcomment }`.
  const tag = renderError(() => engine.parse("a\n{% comment }\nb\n{% endcomment }\n", "sidebar.html"));
  assert.match(tag.message, /Tag '\{%' was not properly terminated/);
  assert.match(tag.hint ?? "", /A \{% at that line has no %\} of its own/);
  const output = renderError(() => engine.parse("a\n{{ page.title }\n", "page.html"));
  assert.match(output.hint ?? "", /A \{\{ at that line has no \}\} of its own/);
});

test("a filter given nil says which method nil lacks and how to give a value", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  // jekyll-theme-yat's get_article_words called before `article` is assigned.
  const t = engine.parse("{% assign words = article | number_of_words %}", "page.html");
  const err = renderError(() => engine.render(t, {}));
  assert.match(err.message, /undefined method [`']split' for nil:NilClass/);
  assert.match(err.hint ?? "", /A filter got nil .* where it calls 'split'/);
});

test("a date filter given a non-date says so, not that the Liquid syntax is wrong", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  // A résumé's "2018-01" through date_to_string: Jekyll stops with Invalid Date too.
  const t = engine.parse('{{ "2018-01" | date_to_string }}', "cv.md");
  const err = renderError(() => engine.render(t, {}));
  assert.match(err.message, /Invalid Date: '"2018-01"' is not a valid datetime\./);
  assert.match(err.hint ?? "", /A date filter \(date_to_string.*got a value that is not a date/);
  assert.doesNotMatch(err.hint ?? "", /Liquid syntax/);
});

test("a comparison of a number with a string says which side to convert", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  // jekyll-anchor-headings given h_min="2": `{% if headerLevel >= minHeader %}` with 1 and "2".
  const t = engine.parse('{% assign level = 1 %}{% assign min = "2" %}{% if level >= min %}x{% endif %}', "page.html");
  const err = renderError(() => engine.render(t, {}));
  assert.match(err.message, /comparison of Integer with String failed/);
  assert.match(err.hint ?? "", /compares an Integer with a String.*h_min=2/);
});

test("a missing include is a BuildError naming the page and the include tag's line", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  const t = engine.parse("x\n\n{% include nope.html %}", "index.html", 3);
  const err = renderError(() => engine.render(t, {}));
  assert.equal(err.file, "index.html");
  assert.equal(err.line, 6);
  assert.match(err.message, /Could not locate the included file 'nope\.html' in any of \[".*_includes"\]/);
});

test("include names with `..` or odd characters are rejected with Jekyll's message", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  for (const name of ["../secret.html", "a//b.html", "x.html?y", "./x.html"]) {
    const err = renderError(() => engine.render(engine.parse(`{% include ${name} %}`, `t-${name}`), {}));
    assert.match(err.message, /Invalid syntax for include tag\. File contains invalid characters or sequences:\n\n {2}/);
  }
  const dynamic = engine.parse("{% include {{ page.inc }} %}", "dyn.html");
  const err = renderError(() => engine.render(dynamic, { page: { inc: "../../etc/passwd" } }));
  assert.match(err.message, /invalid characters or sequences:\n\n {2}\.\.\/\.\.\/etc\/passwd/);
});

test("strict_filters: an unknown filter is a BuildError; without it the input passes through", () => {
  const strict = createLiquidEngine(goldenHost({ ...site, liquid: { strict_filters: true } }, NOW));
  const err = renderError(() => strict.render(strict.parse("ok\n{{ 'x' | nosuchfilter }}", "f.html"), {}));
  assert.equal(err.file, "f.html");
  assert.equal(err.line, 2);
  assert.match(err.message, /nosuchfilter/);
  const lax = createLiquidEngine(goldenHost(site, NOW));
  assert.equal(lax.render(lax.parse("{{ 'x' | nosuchfilter | upcase }}", "f.html"), {}), "X");
});

test("strict_variables: an undefined variable is a BuildError", () => {
  const strict = createLiquidEngine(goldenHost({ ...site, liquid: { strict_variables: true } }, NOW));
  const err = renderError(() => strict.render(strict.parse("{{ page.title }}{{ nope }}", "v.html"), { page: { title: "T" } }));
  assert.match(err.message, /nope/);
  assert.equal(strict.render(strict.parse("{{ page.title }}", "v2.html"), { page: { title: "T" } }), "T");
});

test("templates are cached by file and source; invalidate drops them", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  const a = engine.parse("{{ 1 }}", "c.html");
  assert.equal(engine.parse("{{ 1 }}", "c.html"), a);
  const b = engine.parse("{{ 2 }}", "c.html");
  assert.notEqual(b, a);
  assert.equal(engine.render(b, {}), "2");
  engine.invalidate();
  assert.notEqual(engine.parse("{{ 2 }}", "c.html"), b);
  assert.ok(siteDir.length > 0);
});

test("the message names the line as Jekyll's does: from the end of the front matter, a block never closed at the end", () => {
  const engine = createLiquidEngine(goldenHost(site, NOW));
  // Jekyll 4.3.1: "Liquid error (line 2): divided by 0 in index.md" for the 8th line of a file whose
  // front matter (and the blank lines after it) take 6.
  const t = engine.parse("line1\n{{ 1 | divided_by: 0 }}\n", "index.md", 6);
  const err = renderError(() => engine.render(t, {}));
  assert.equal(err.line, 8);
  assert.equal(err.message, "Liquid Exception: Liquid error (line 2): divided by 0");
  // "Liquid syntax error (line 3): 'for' tag was never closed" for `a\n{% for x in y %}\n`.
  const open = renderError(() => engine.parse("a\n{% for x in y %}\n", "_layouts/default.html", 3));
  assert.equal(open.message, "Liquid Exception: Liquid syntax error (line 3): 'for' tag was never closed");
  // A comparison failing in a condition is a Liquid::ArgumentError too.
  const cmp = renderError(() => engine.render(engine.parse("a\n{% if 1 > \"a\" %}x{% endif %}", "c.md", 2), {}));
  assert.equal(cmp.message, "Liquid Exception: Liquid error (line 2): comparison of Integer with String failed");
  // An error that is no Liquid::Error reaches Jekyll's message as it is, with no line.
  const date = renderError(() => engine.render(engine.parse('\n{{ "x" | date_to_xmlschema }}', "d.md"), {}));
  assert.match(date.message, /^Liquid Exception: Invalid Date: /);
});
