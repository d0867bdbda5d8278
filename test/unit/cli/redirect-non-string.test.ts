// jekyll-redirect-from over `redirect_from`/`redirect_to` entries that YAML reads as no String.
// RedirectPage#set_paths runs Jekyll's ensure_leading_slash on each redirect_from entry
// (`input.empty? || input.start_with?("/")`: NoMethodError for a number, a boolean, a nested list
// or a Hash) and `%r!^https?://!.match?(to)` on redirect_to (TypeError). nil entries are dropped,
// `redirect_to: false` is no redirect, `redirect_from: ""` builds. Each case was run with
// Debian's Jekyll 4.3.1 and jekyll-redirect-from 0.16 (test/conformance/ERRORS.md, case 55).
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const CASES: { fm: string; error: string | null; files?: string[] }[] = [
  { fm: "redirect_from: 5", error: "undefined method `empty?' for 5:Integer" },
  { fm: "redirect_from: [/a, 5]", error: "undefined method `empty?' for 5:Integer" },
  { fm: "redirect_from: true", error: "undefined method `empty?' for true:TrueClass" },
  { fm: "redirect_from: false", error: "undefined method `empty?' for false:FalseClass" },
  { fm: "redirect_from: 2.5", error: "undefined method `empty?' for 2.5:Float" },
  { fm: "redirect_from: {a: b}", error: "undefined method `start_with?' for {\"a\"=>\"b\"}:Hash" },
  { fm: "redirect_from: [[/n1, /n2]]", error: "undefined method `start_with?' for [\"/n1\", \"/n2\"]:Array" },
  { fm: "redirect_from: [null, /z]", error: null, files: ["index.html", "redirects.json", "z.html"] },
  { fm: 'redirect_from: ""', error: null, files: ["index.html", "redirects.json"] },
  { fm: "redirect_to: 42", error: "no implicit conversion of Integer into String" },
  { fm: "redirect_to: {a: b}", error: "no implicit conversion of Hash into String" },
  { fm: "redirect_to: true", error: "no implicit conversion of true into String" },
  { fm: "redirect_to: false", error: null, files: ["index.html", "redirects.json"] },
  { fm: "redirect_to: [https://e.x/, https://f.x/]", error: null, files: ["index.html", "redirects.json"] },
];

for (const c of CASES) {
  test(`jekyll-redirect-from with ${c.fm} ${c.error ? "fails" : "builds"} as in Jekyll`, () => {
    buildSiteCase("redirect-types-", {
      "_config.yml": "url: https://x.y\nplugins: [jekyll-redirect-from]\n",
      "index.md": `---\n${c.fm}\n---\nx\n`,
    }, (build) => {
      assertOutcome(build, c.error);
      if (c.error === null) assert.deepEqual(fs.readdirSync(build.dest).sort(), c.files);
    });
  });
}
