// Filters and tags that hand their work to the host (Markdown, SmartyPants, Sass, Rouge): what
// they pass and how they wrap the answer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createLiquidEngine } from "../../../src/render/liquid/index.js";
import { goldenHost } from "./golden-host.js";

const NOW = 1_796_083_200;
const site = { timezone: "UTC", baseurl: "", url: "" };

function render(src: string, scope: Record<string, unknown> = {}, extra = {}) {
  const calls: unknown[][] = [];
  const engine = createLiquidEngine(goldenHost(site, NOW, {
    markdownify: (s: string) => { calls.push(["md", s]); return `<p>${s}</p>\n`; },
    smartify: (s: string) => { calls.push(["smart", s]); return `S(${s})`; },
    compileSass: (s: string, syntax: string) => { calls.push(["sass", s, syntax]); return "css"; },
    highlight: (code: string, lang: string, options: unknown) => { calls.push(["hl", code, lang, options]); return `<figure>${code}</figure>`; },
    ...extra,
  }));
  return { out: engine.render(engine.parse(src, "d.html"), scope), calls };
}

test("markdownify, smartify, sassify and scssify pass the string form of their input to the host", () => {
  assert.deepEqual(render("{{ x | markdownify }}", { x: "*a*" }), { out: "<p>*a*</p>\n", calls: [["md", "*a*"]] });
  assert.deepEqual(render("{{ n | markdownify }}", { n: 3 }).calls, [["md", "3"]]);
  assert.deepEqual(render("{{ nil | markdownify }}").calls, [["md", ""]]);
  assert.equal(render('{{ "it\'s" | smartify }}').out, "S(it's)");
  assert.deepEqual(render("{{ 'a' | sassify }}{{ 'b' | scssify }}").calls, [["sass", "a", "sass"], ["sass", "b", "scss"]]);
});

test("highlight: Liquid in the body is rendered, line breaks trimmed, options parsed as Jekyll does, the host writes the block", () => {
  const { out, calls } = render("{% highlight C++ linenos hl_lines=\"1 2\" %}\n\nint {{ v }};\n\n{% endhighlight %}", { v: "x" });
  assert.deepEqual(calls, [["hl", "int x;", "c++", { linenos: "inline", hl_lines: ["1", "2"] }]]);
  assert.equal(out, "<figure>int x;</figure>");
  const wrapped = render("{% highlight ruby %}a{% endhighlight %}", { highlighter_prefix: "<<", highlighter_suffix: ">>" });
  assert.equal(wrapped.out, "<<<figure>a</figure>>>");
});

test("highlight with another highlighter configured only escapes the code", () => {
  const engine = createLiquidEngine(goldenHost({ ...site, highlighter: "none" }, NOW));
  assert.equal(engine.render(engine.parse("{% highlight x %}\n <b> \n{% endhighlight %}", "h.html"), {}),
    '<figure class="highlight"><pre><code class="language-x" data-lang="x">&lt;b&gt;</code></pre></figure>');
});

test("link and post_url apply baseurl to the host's URL", () => {
  const engine = createLiquidEngine(goldenHost({ ...site, baseurl: "/b/" }, NOW));
  assert.equal(engine.render(engine.parse("{% link about.md %} {% post_url 2024-01-02-second %}", "l.html"), {}),
    "/b/about/ /b/2024/01/02/second.html");
});

test("plugins' tags and filters from the host are available", () => {
  const { out } = render("{% seo title=false %}|{{ ':smile:' | emojify }}|{{ 'x' | upcase }}", { page: { title: "T" } }, {
    customTags: { seo: (markup: string, lookup: (p: string[]) => unknown) => `<title>${lookup(["page", "title"])}</title>[${markup.trim()}]` },
    customFilters: { emojify: (input: unknown) => `<img alt="${input}">` },
  });
  assert.equal(out, '<title>T</title>[title=false]|<img alt=":smile:">|X');
});
