// `layouts_dir:` / `data_dir:` that YAML reads as no String. Measured with Debian's Jekyll 4.3.1
// (ERRORS.md, case 106): LayoutReader and DataReader join them to the source with
// PathManager.sanitize_and_join, which fails with ``undefined method `start_with?' for 5:Integer
// (NoMethodError)`` (a list, a mapping, true alike) at every build; an empty value (nil) and
// `includes_dir: [a]` (taken with `.to_s`) build. build-site had built on, without the layouts.
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

test("layouts_dir or data_dir that is no String stops the build with Ruby's words, naming _config.yml", () => {
  const cases: Array<[string, string | null]> = [
    ["layouts_dir: 5", "_config.yml: undefined method `start_with?' for 5:Integer (NoMethodError)"],
    ["layouts_dir: [a]", "_config.yml: undefined method `start_with?' for [\"a\"]:Array (NoMethodError)"],
    ["layouts_dir: true", "_config.yml: undefined method `start_with?' for true:TrueClass (NoMethodError)"],
    ["data_dir: {a: 1}", "_config.yml: undefined method `start_with?' for {\"a\"=>1}:Hash (NoMethodError)"],
    ["data_dir: 5", "_config.yml: undefined method `start_with?' for 5:Integer (NoMethodError)"],
    ["includes_dir: [a]", null],
  ];
  for (const [config, error] of cases) {
    buildSiteCase("bs-dir-types-", { "_config.yml": `${config}\n`, "index.md": "---\n---\nhi\n" }, (b) => {
      assertOutcome(b, error);
      if (error) assertOutcome(b, "names a folder of the site, as a String");
    });
  }
});

// `kramdown:` that is no mapping (ERRORS.md, case 106): Converters::SmartyPants#initialize, made
// at every site's setup, sets `[:input]` on `config["kramdown"].dup`, so every build stops, with
// or without Markdown; false and an empty value build.
test("kramdown: that is no mapping stops the build with Ruby's words, naming _config.yml", () => {
  const cases: Array<[string, string | null]> = [
    ["kramdown: 5", "_config.yml: undefined method `[]=' for 5:Integer (NoMethodError)"],
    ["kramdown: true", "_config.yml: undefined method `[]=' for true:TrueClass (NoMethodError)"],
    ["kramdown: GFM", "_config.yml: no implicit conversion of Symbol into Integer (TypeError)"],
    ["kramdown: [a]", "_config.yml: no implicit conversion of Symbol into Integer (TypeError)"],
    ["kramdown: false", null],
    ["kramdown:", null],
  ];
  for (const [config, error] of cases) {
    buildSiteCase("bs-kramdown-type-", { "_config.yml": `${config}\n`, "index.html": "---\n---\nhi\n" }, (b) => {
      assertOutcome(b, error);
      if (error) assertOutcome(b, "kramdown: holds kramdown's settings as a mapping");
    });
  }
});
