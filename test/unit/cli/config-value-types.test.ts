// Core settings that YAML reads as the wrong type, where Jekyll stops: `limit_posts` (Site#reset
// asks `negative?`: NoMethodError for a String or true), `encoding` (merged_file_read_opts calls
// downcase on a truthy one; CSV.read's File.open takes only a String or nil, so `encoding: false`
// fails only once a CSV data file is read), `liquid: strict_variables/strict_filters` (on when
// Ruby calls them true: 0 and "" too). Each case was run with Debian's Jekyll 4.3.1
// (test/conformance/ERRORS.md, case 59); the settings that build are in fixture
// config-typed-exclude-limit.
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const CASES: { config: string; csv?: boolean; page?: string; error: string | null }[] = [
  { config: 'limit_posts: "2"', error: "undefined method `negative?' for \"2\":String" },
  { config: "limit_posts: true", error: "undefined method `negative?' for true:TrueClass" },
  { config: "limit_posts: 0.5", error: null },
  { config: "encoding: 5", error: "undefined method `downcase' for 5:Integer" },
  { config: "encoding: [a]", error: "undefined method `downcase' for [\"a\"]:Array" },
  { config: "encoding: false", error: null },
  { config: "encoding: false", csv: true, error: "no implicit conversion of false into String" },
  { config: "csv_reader: {encoding: 5}", csv: true, error: "no implicit conversion of Integer into String" },
  { config: "csv_reader: {encoding: null}\nencoding: false", csv: true, error: null },
  // Liquid's render! tests strict_variables/strict_filters the Ruby way: 0 and "" are on.
  { config: "liquid: {strict_variables: 0}", page: "{{ page.nokey }}", error: "undefined variable" },
  { config: 'liquid: {strict_variables: ""}', page: "{{ page.nokey }}", error: "undefined variable" },
  { config: "liquid: {strict_filters: 0}", page: "{{ 'x' | nofilter }}", error: "undefined filter nofilter" },
  { config: "liquid: {strict_variables: null}", page: "{{ page.nokey }}", error: null },
];

for (const c of CASES) {
  test(`config ${c.config.replace("\n", ", ")}${c.csv ? " with a CSV data file" : ""} ${c.error ? "fails" : "builds"} as in Jekyll`, () => {
    buildSiteCase("config-types-", {
      "_config.yml": `title: t\n${c.config}\n`,
      "index.md": `---\n---\n${c.page ?? "x"}\n`,
      ...(c.csv ? { "_data/d.csv": "a,b\n1,2\n" } : {}),
    }, (build) => assertOutcome(build, c.error));
  });
}
