// jekyll-seo-tag over a site `logo` or a `locale`/`lang` that YAML reads as no String. Drop#logo
// asks UrlHelper#absolute_url? first, whose Addressable::URI.parse takes only a String
// ("Can't convert Integer into String."), and Drop#page_locale calls String#tr on
// `page.locale || site.locale || page.lang || site.lang || "en_US"` (NoMethodError): both stop the
// build. Each case was run with Debian's Jekyll 4.3.1 and jekyll-seo-tag 2.8.0
// (test/conformance/ERRORS.md, case 54); `locale: false` falls through to the next value and builds.
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const CASES: { config: string; page: string; error: string | null }[] = [
  { config: "logo: 5", page: "", error: "Can't convert Integer into String." },
  { config: "logo: true", page: "", error: "Can't convert TrueClass into String." },
  { config: "logo: [a]", page: "", error: "Can't convert Array into String." },
  { config: "logo: {a: b}", page: "", error: "Can't convert Hash into String." },
  { config: "logo: 2.5", page: "", error: "Can't convert Float into String." },
  { config: 'logo: "5"', page: "", error: null },
  { config: "", page: "locale: [l]", error: "undefined method `tr' for [\"l\"]:Array" },
  { config: "", page: "lang: 4", error: "undefined method `tr' for 4:Integer" },
  { config: "locale: 5", page: "", error: "undefined method `tr' for 5:Integer" },
  { config: "lang: true", page: "", error: "undefined method `tr' for true:TrueClass" },
  { config: "", page: "locale: false", error: null },
  { config: "lang: [en]", page: "locale: en-GB", error: null },
];

for (const c of CASES) {
  test(`jekyll-seo-tag with ${c.config || c.page} ${c.error ? "fails" : "builds"} as in Jekyll`, () => {
    buildSiteCase("seo-types-", {
      "_config.yml": `url: https://x.y\nplugins: [jekyll-seo-tag]\n${c.config}\n`,
      "_layouts/default.html": "{% seo %}",
      "index.md": `---\nlayout: default\n${c.page}\n---\nx\n`,
    }, (build) => assertOutcome(build, c.error));
  });
}
