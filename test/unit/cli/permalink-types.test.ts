// `permalink:` values that YAML reads as no String, where Jekyll stops: a page's (Renderer#
// permalink_ext calls end_with?), a document's or a collection's (URL#generate_url_from_drop's
// gsub), the site's (Site#config= and style_to_permalink call to_sym; false too), and a
// collection's `permalink:` key set to null or false (kept by Hash#fetch: URL.new gets neither
// template nor permalink, ArgumentError). `false` on a page or post and null on the site mean
// none. Each case was run with Debian's Jekyll 4.3.1 (test/conformance/ERRORS.md, case 58).
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertOutcome, buildSiteCase, listFiles } from "./site-case.js";

const CASES: { config?: string; page?: string; post?: string; error: string | null; files?: string[] }[] = [
  { page: "permalink: 2020", error: "undefined method `end_with?' for 2020:Integer" },
  { page: "permalink: [a]", error: "undefined method `end_with?' for [\"a\"]:Array" },
  { page: "permalink: false", error: null, files: ["./2020/01/01/p.html", "./p.html"] },
  { post: "permalink: 2020", error: "undefined method `gsub' for 2020:Integer" },
  { post: "permalink: true", error: "undefined method `gsub' for true:TrueClass" },
  { post: "permalink: false", error: null, files: ["./2020/01/01/p.html", "./p.html"] },
  { config: "permalink: 5", error: "undefined method `to_sym' for 5:Integer" },
  { config: "permalink: false", error: "undefined method `to_sym' for false:FalseClass" },
  { config: "permalink: null", error: null, files: ["./2020/01/01/p.html", "./p.html"] },
  { config: "collections: {docs: {output: true, permalink: 5}}", error: "undefined method `gsub' for 5:Integer" },
  { config: "collections: {docs: {output: true, permalink: null}}", error: "One of :template or :permalink must be supplied." },
  { config: "collections: {docs: {output: true, permalink: false}}", error: "One of :template or :permalink must be supplied." },
  { config: "collections: {docs: {output: true, permalink: false}}\ndefaults: [{scope: {type: docs}, values: {permalink: /d/}}]", error: null, files: ["./2020/01/01/p.html", "./d/index.html", "./p.html"] },
];

for (const c of CASES) {
  test(`permalink types: ${c.config ?? c.page ?? c.post} (${c.config ? "config" : c.page ? "page" : "post"}) ${c.error ? "fails" : "builds"} as in Jekyll`, () => {
    buildSiteCase("permalink-types-", {
      "_config.yml": `title: t\n${c.config ?? ""}\n`,
      "p.md": `---\n${c.page ?? ""}\n---\nx\n`,
      "_posts/2020-01-01-p.md": `---\n${c.post ?? ""}\n---\nx\n`,
      "_docs/d.md": "---\n---\nx\n",
    }, (build) => {
      assertOutcome(build, c.error);
      if (c.error === null) assert.deepEqual(listFiles(build.dest), c.files);
    });
  });
}
