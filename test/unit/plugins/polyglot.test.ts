// jekyll-polyglot: the link rewriting against the gem's own Site#process_documents on many link
// shapes and configs (golden/gen-polyglot-links.rb), its settings, and its tags' edge cases.
import { test } from "node:test";
import assert from "node:assert/strict";
import { documentUrlPattern, langFromPath, polyglotSettings, staticHref, type PolyglotSettings } from "../../../src/plugins/jekyll-polyglot.js";
import { linkPatterns, relinkOutput } from "../../../src/plugins/polyglot/links.js";
import { mergeData } from "../../../src/plugins/polyglot/data.js";
import { golden } from "./golden.js";

interface LinkCase {
  config: Record<string, any>;
  exclude: string[];
  exclude_from_localization: string[];
  results: Array<{ lang: string; output: string }>;
}
const links = golden<{ input: string; cases: LinkCase[] }>("polyglot-links.json");

for (const c of links.cases) {
  for (const r of c.results) {
    test(`links: ${JSON.stringify(c.config)} in ${r.lang}`, () => {
      const languages = [...new Set(c.config.languages as string[])];
      const settings: PolyglotSettings = {
        defaultLang: c.config.default_lang, languages, passes: [...new Set([...languages, c.config.default_lang])],
        parallel: true, langFromPath: false, langVars: [], excludeFromLocalization: c.exclude_from_localization,
      };
      const exclude = r.lang === settings.defaultLang ? c.exclude : [...c.exclude, ...c.exclude_from_localization];
      const patterns = linkPatterns({ ...c.config, exclude }, settings, r.lang);
      const got = relinkOutput(links.input, patterns).split("\n");
      const want = r.output.split("\n");
      for (let i = 0; i < want.length; i++) assert.equal(got[i], want[i], `line ${i + 1}`);
      assert.equal(got.length, want.length);
    });
  }
}

test("a long first path segment before `?` is rejected in linear time (the gem's pattern backtracks exponentially)", () => {
  const settings = polyglotSettings({ languages: ["en", "de"], default_lang: "en", source: "/nonexistent" });
  const patterns = linkPatterns({ exclude: [] }, settings, "de");
  const html = `<a href="/${"a".repeat(5000)}?x=1">x</a>`.repeat(20);
  assert.equal(relinkOutput(html, patterns), html);
});

test("an exclude entry that is no regular expression is a clear error (the gem fails on it too)", () => {
  const settings = polyglotSettings({ languages: ["en", "de"], source: "/nonexistent" });
  assert.throws(() => linkPatterns({ exclude: ["*.psd"] }, settings, "de"), /exclude` entry "\*\.psd" is not a valid regular expression/);
});

test("settings: Hash#fetch defaults, duplicates dropped, passes in order with the default last when missing", () => {
  const s = polyglotSettings({ languages: ["de", "fr", "de"], source: "/nonexistent" });
  assert.equal(s.defaultLang, "en");
  assert.deepEqual(s.languages, ["de", "fr"]);
  assert.deepEqual(s.passes, ["de", "fr", "en"]);
  assert.equal(s.parallel, true);
  assert.equal(polyglotSettings({ parallel_localization: null, source: "/x" }).parallel, false);
  assert.throws(() => polyglotSettings({ languages: "en", source: "/x" }), /`languages` must be a list/);
});

test("lang_from_path: a language folder at the top, or right inside an underscore folder", () => {
  assert.equal(langFromPath("de/about.md"), "de");
  assert.equal(langFromPath("_posts/pt-BR/2020-01-01-x.md"), "pt-BR");
  assert.equal(langFromPath("_posts/2020-01-01-x.md"), null);
  assert.equal(langFromPath("docs/x.md"), null);
  assert.equal(langFromPath("zh_Hant/x.md"), "zh_Hant");
  assert.equal(langFromPath("about.md"), null);
});

test("document URLs lose their language segments, even ones that are not folders", () => {
  const re = documentUrlPattern(["en", "de"]);
  assert.equal("/de/about/".replace(re, "/"), "/about/");
  assert.equal("/de.html".replace(re, "/"), "/html");
  assert.equal("/2020/01/01/hello.de/".replace(re, "/"), "/2020/01/01/hello/");
  assert.equal("/design/".replace(re, "/"), "/design/");
});

test("static_href: exactly href=\"…\" (Ruby's split drops trailing empty parts), else a syntax error", () => {
  assert.equal(staticHref(' href="/about/" '), 'ferh="/about/"');
  assert.equal(staticHref('href="/a"='), 'ferh="/a"');
  assert.throws(() => staticHref("href=/about/"), /static_href parameters must include/);
  assert.throws(() => staticHref('src="/x"'), /static_href parameters must include/);
  assert.throws(() => staticHref('href="/a?b=c"'), /static_href parameters must include/);
});

test("language data merges hash into hash; any other value replaces, nil too", () => {
  assert.deepEqual(mergeData({ a: { x: 1, y: 2 }, b: 1 }, { a: { y: 3 }, b: null, c: [1] }), { a: { x: 1, y: 3 }, b: null, c: [1] });
  assert.throws(() => mergeData({}, [1, 2]), /must be a folder of files or a mapping/);
});
