// jekyll-paginate over `paginate:` values that give no positive number of posts per page.
// Pagination#paginate calls `site.config['paginate'].to_i` (NoMethodError for true, false, a list,
// a Hash, a Date) and Pager.calculate_pages is `(posts.size.to_f / per_page).ceil`, so a per_page
// of 0 (`0`, `"0"`, `0.5`, `"abc"`) is Infinity's (or, without posts, NaN's) FloatDomainError; a
// negative one builds with no pages. Each case was run with Debian's Jekyll 4.3.1 and
// jekyll-paginate 1.1.0 (test/conformance/ERRORS.md, case 56).
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const CASES: { value: string; posts?: boolean; error: string | null }[] = [
  { value: "0", error: "Infinity (FloatDomainError)" },
  { value: '"0"', error: "Infinity (FloatDomainError)" },
  { value: "0.5", error: "Infinity (FloatDomainError)" },
  { value: '"abc"', error: "Infinity (FloatDomainError)" },
  { value: "0", posts: false, error: "NaN (FloatDomainError)" },
  { value: "true", error: "undefined method `to_i' for true:TrueClass" },
  { value: "false", error: "undefined method `to_i' for false:FalseClass" },
  { value: "[2]", error: "undefined method `to_i' for [2]:Array" },
  { value: "{a: 1}", error: "undefined method `to_i' for {\"a\"=>1}:Hash" },
  { value: "2020-01-01", error: "undefined method `to_i' for #<Date: 2020-01-01 ((2458850j,0s,0n),+0s,2299161j)> (NoMethodError)" },
  { value: "-1", error: null },
  { value: "2.5", error: null },
  { value: '"3"', error: null },
];

for (const c of CASES) {
  test(`jekyll-paginate with paginate: ${c.value}${c.posts === false ? " and no posts" : ""} ${c.error ? "fails" : "builds"} as in Jekyll`, () => {
    buildSiteCase("paginate-values-", {
      "_config.yml": `plugins: [jekyll-paginate]\npaginate: ${c.value}\n`,
      "index.html": "---\n---\n{{ paginator.total_pages }}\n",
      ...(c.posts !== false ? { "_posts/2020-01-01-p.md": "---\ntitle: p\n---\nx\n" } : {}),
    }, (build) => assertOutcome(build, c.error));
  });
}
