// jekyll-multiple-languages-plugin's failures (ERRORS.md cases 62-65), each run with Debian's
// Jekyll 4.3.1 and the gem (1.7.0): where Jekyll stops, build-site stops with Jekyll's message;
// where it builds, build-site builds the same files. The successful builds are the conformance
// fixtures plugin-multiple-languages and plugin-multiple-languages-subfolder.
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const CONFIG = 'plugins: [jekyll-multiple-languages-plugin]\nlanguages: [en]\nbaseurl: ""\n';
const STRINGS = "a: A\nn: 5\nl: [1]\nnested:\n  list: [x, y]\n";

function page(body: string, config = CONFIG, extra: Record<string, string> = {}): Record<string, string> {
  return { "_config.yml": config, "_i18n/en.yml": STRINGS, "index.html": `---\n---\n${body}\n`, ...extra };
}

const cases: Array<{ name: string; files: Record<string, string>; error: string | null }> = [
  // The gem prints this and calls `exit`: nothing is built.
  { name: "no languages", files: { "_config.yml": "plugins: [jekyll-multiple-languages-plugin]\n", "index.html": "---\n---\nx\n" }, error: 'You must provide at least one language using the "languages" setting' },
  // `output << translation`: a key in neither language is nil, a list is an Array.
  { name: "t of a missing key", files: page("{% t nope %}"), error: "no implicit conversion of nil into String" },
  { name: "t of a list", files: page("{% t l %}"), error: "no implicit conversion of Array into String" },
  // `translation.empty?` on an Integer.
  { name: "t of a number", files: page("{% t n %}"), error: "undefined method `empty?' for 5:Integer" },
  // Hash#access: `"A"["b"] || "A"[:b]`.
  { name: "t past a text", files: page("{% t a.b %}"), error: "no implicit conversion of Symbol into Integer" },
  { name: "t by index", files: page("[{% t nested.list.1 %}][{% t a.0 %}]"), error: null },
  // `ret[p.to_i]` finds the Integer key `12:` but not the String key `"12":`.
  { name: "t of an Integer key", files: { ...page("{% t months.12 %}"), "_i18n/en.yml": "months:\n  12: Dec\n" }, error: null },
  { name: "t of a quoted number key", files: { ...page("{% t months.12 %}"), "_i18n/en.yml": "months:\n  \"12\": Dec\n" }, error: "no implicit conversion of nil into String" },
  // `site.baseurl` is nil without `baseurl:`; `nil + permalink`.
  { name: "tl without baseurl", files: page("{% tl about %}", "plugins: [jekyll-multiple-languages-plugin]\nlanguages: [en]\n", { "about.md": "---\nnamespace: about\npermalink: /about/\n---\n" }), error: "undefined method `+' for nil:NilClass" },
  // `baseurl + permalink` with the page's permalink nil.
  { name: "tl of a page without permalink", files: page("{% tl about %}", CONFIG, { "about.md": "---\nnamespace: about\n---\n" }), error: "no implicit conversion of nil into String" },
  { name: "tf of a missing file", files: page("{% tf nope.md %}", CONFIG, { "_i18n/en/x.md": "x" }), error: "Included file 'nope.md' not found" },
  // The second language's strings are loaded at its pass's pre_render.
  { name: "a language without strings", files: page("x", 'plugins: [jekyll-multiple-languages-plugin]\nlanguages: [en, de]\nbaseurl: ""\n'), error: "No such file or directory" },
];

for (const c of cases) {
  test(`jekyll-multiple-languages-plugin: ${c.name}`, () => {
    buildSiteCase("mlp-case-", c.files, (build) => assertOutcome(build, c.error));
  });
}
