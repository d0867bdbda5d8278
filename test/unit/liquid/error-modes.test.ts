// `liquid.error_mode`: warn (Jekyll's default) reads what the strict parser refuses with the lax
// parser and prints Jekyll's "Liquid Warning:" line; lax does the same silently; strict stops at
// the first such markup with its file, line and column. The markups are the ones real themes ship
// (minimal-mistakes' read-time.html and author-profile.html, academicpages' tag list).
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createLiquidEngine } from "../../../src/render/liquid/index.js";
import { BuildError } from "../../../src/errors.js";
import { goldenHost, siteDir } from "./golden-host.js";

const NOW = 1_796_083_200;

function engine(mode: string | undefined, warnings: string[] = []) {
  const site: Record<string, any> = { timezone: "UTC", baseurl: "", url: "https://example.com" };
  if (mode) site.liquid = { error_mode: mode };
  return createLiquidEngine(goldenHost(site, NOW, { warn: (topic, message) => warnings.push(`${topic} ${message}`) }));
}

const scope = {
  site: { locale: "en", data: { "ui-text": { en: { undefined_wpm: "Undefined" } }, social: { twitter: { user: "jekyll" } } } },
  page_tags: "b,a,c",
  platform: "twitter",
};

const REAL = [
  ['{{ site.data.ui-text[site.locale].undefined_wpm | "Undefined parameter words_per_minute at _config.yml" }}', "Undefined"],
  ["{% assign tag_hashes = (page_tags | split: ',' | sort:0) %}{{ tag_hashes | join: ' ' }}", "a b c"],
  ["{% assign = data_social = site.data.social[platform] | default:site.data_social[platform] %}{{ data_social.user }}", "jekyll"],
];

test("warn (the default) renders what Ruby Liquid's lax parser reads, with Jekyll's warning naming file and line", () => {
  const warnings: string[] = [];
  const e = engine(undefined, warnings);
  // Two lines of front matter before the template: Jekyll's line counts in the template alone.
  for (const [template, want] of REAL) assert.equal(e.render(e.parse(template!, "page.md", 2), scope), want);
  assert.deepEqual(warnings, [
    `Liquid Warning: Liquid syntax error (line 1): Expected id but found string in "{{ site.data.ui-text[site.locale].undefined_wpm | "Undefined parameter words_per_minute at _config.yml" }}" in page.md`,
    `Liquid Warning: Liquid syntax error (line 1): Expected dotdot but found pipe in "{{(page_tags | split: ',' | sort:0) }}" in page.md`,
  ]);
});

test("lax renders the same without warnings", () => {
  const warnings: string[] = [];
  const e = engine("lax", warnings);
  for (const [template, want] of REAL) assert.equal(e.render(e.parse(template!, `lax-${want}.md`), scope), want);
  assert.deepEqual(warnings, []);
});

test("strict stops at the markup its parser refuses, with file, line and column", () => {
  const e = engine("strict");
  const cases: Array<[string, number, number, RegExp]> = [
    [`intro\n\n  ${REAL[0]![0]}`, 3, 53, /Expected id but found string in "\{\{ site\.data\.ui-text/],
    [`{% if true %}\nx\n{% elsif a == %}\n{% endif %}`, 3, 15, /\[:end_of_string\] is not a valid expression in "a =="/],
    [`{% for i in (1..3) limit %}{% endfor %}`, 1, 20, /Expected end_of_string but found id in "i in \(1\.\.3\) limit"/],
  ];
  for (const [template, line, column, message] of cases) {
    let error: unknown;
    try {
      e.parse(template, `strict-${line}-${column}.html`, 4);
    } catch (err) {
      error = err;
    }
    assert.ok(error instanceof BuildError, `${template}: expected a BuildError`);
    assert.equal(error.file, `strict-${line}-${column}.html`);
    assert.equal(error.line, line + 4, template);
    assert.equal(error.column, column, template);
    assert.match(error.message, message);
  }
  // `assign`'s syntax is one regex in every mode: `assign = x = 1` is not an error even here.
  assert.equal(e.render(e.parse("{% assign = x = 1 %}{{ x }}", "strict-assign.html"), {}), "1");
});

test("includes are read in the same mode; Jekyll prints no warning for them", () => {
  const warnings: string[] = [];
  const e = engine("warn", warnings);
  const out = e.render(e.parse("{% include lax.html %}", "page.html"), { page: { title: "T" } });
  assert.equal(out, "T\n");
  assert.deepEqual(warnings, []);
  assert.ok(path.isAbsolute(siteDir));
  const strict = engine("strict");
  assert.throws(() => strict.render(strict.parse("{% include lax.html %}", "page.html"), { page: { title: "T" } }),
    (err: unknown) => err instanceof BuildError && err.file === path.join("_includes", "lax.html") && err.line === 1);
});

test("a tag or output the tokenizer cannot close is an error in every mode", () => {
  for (const mode of ["warn", "lax", "strict"]) {
    const e = engine(mode);
    assert.throws(() => e.parse("a\n{{ page.title }", `unclosed-${mode}.html`), /Variable '\{\{ page\.title \}' was not properly terminated/);
    assert.throws(() => e.parse("{% if x %}", `never-${mode}.html`), /'if' tag was never closed/);
    assert.throws(() => e.parse("{% nosuch %}", `unknown-${mode}.html`), /Unknown tag 'nosuch'/);
    // Block::MAX_DEPTH: 100 nested blocks parse, 101 do not.
    const nested = (n: number) => "{% if true %}".repeat(n) + "x" + "{% endif %}".repeat(n);
    assert.equal(e.render(e.parse(nested(100), `deep-${mode}.html`), {}), "x");
    assert.throws(() => e.parse(nested(101), `deeper-${mode}.html`), /Nesting too deep/);
  }
});

test("highlighter: pygments warns at every highlight block, as Jekyll 4's render_pygments does, and still highlights", () => {
  const warnings: string[] = [];
  const site: Record<string, any> = { timezone: "UTC", baseurl: "", url: "https://example.com", highlighter: "pygments" };
  const e = createLiquidEngine(goldenHost(site, NOW, { warn: (topic, message) => warnings.push(`${topic}|${message}`) }));
  const out = e.render(e.parse("{% highlight text %}\nputs 1\n{% endhighlight %}{% highlight text %}x{% endhighlight %}", "post.md"), {});
  assert.match(out, /<figure class="highlight"><pre><code class="language-text" data-lang="text">/);
  const pair = ["Warning:|Highlight Tag no longer supports rendering with Pygments.", "|Using the default highlighter, Rouge, instead."];
  assert.deepEqual(warnings, [...pair, ...pair]);
});
