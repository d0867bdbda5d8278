// jekyll-archives' `layouts:` of the wrong type. Archive#layout asks `@config["layouts"][type]`
// (type: "tag", "year"…): an Integer's or an Array's `[]` takes no String (TypeError), true and a
// Float have none (NoMethodError), so Jekyll stops; a String's `[]` is the type's name where the
// String holds it ("tag" makes tag archives use the layout `tag`), else nil and `layout:` is
// used. Each case was run with Debian's Jekyll 4.3.1 and jekyll-archives 2.2.1
// (test/conformance/ERRORS.md, case 68).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const CASES: { layouts: string; error: string | null; tag?: string; year?: string }[] = [
  { layouts: "5", error: "no implicit conversion of String into Integer (TypeError)" },
  { layouts: "[a]", error: "no implicit conversion of String into Integer (TypeError)" },
  { layouts: "true", error: "undefined method `[]' for true:TrueClass (NoMethodError)" },
  { layouts: "2.5", error: "undefined method `[]' for 2.5:Float (NoMethodError)" },
  { layouts: '"tag"', error: null, tag: "TAG tag", year: "A year" },
  { layouts: '"x"', error: null, tag: "A tag", year: "A year" },
  { layouts: "{tag: t}", error: null, tag: "T tag", year: "A year" },
];

for (const c of CASES) {
  test(`jekyll-archives with layouts: ${c.layouts} ${c.error ? "fails" : "builds"} as in Jekyll`, () => {
    buildSiteCase("archives-layouts-", {
      "_config.yml": `plugins: [jekyll-archives]\njekyll-archives:\n  enabled: [tags, year]\n  layouts: ${c.layouts}\n`,
      "_posts/2020-01-01-p.md": "---\ntags: [a]\n---\nhi\n",
      "_layouts/archive.html": "---\n---\nA {{ page.type }}\n",
      "_layouts/tag.html": "---\n---\nTAG {{ page.type }}\n",
      "_layouts/t.html": "---\n---\nT {{ page.type }}\n",
    }, (build) => {
      assertOutcome(build, c.error);
      if (c.error !== null) return;
      assert.equal(fs.readFileSync(path.join(build.dest, "tag", "a", "index.html"), "utf8").trim(), c.tag);
      assert.equal(fs.readFileSync(path.join(build.dest, "2020", "index.html"), "utf8").trim(), c.year);
    });
  });
}
