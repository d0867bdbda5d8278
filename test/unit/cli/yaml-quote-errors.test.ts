// A quoted value left open on its line and closed by a quote on a later line (ERRORS.md case 92:
// an academic homepage's `email: "name@host` above `researchgate: "https://…"`), and a bad escape
// in a double-quoted value (case 93: `"C:\Users\me"`). Jekyll 4.3.1 stops on either in
// `_config.yml` with Psych's words at Psych's place (the collection waiting for its next key; the
// value's opening quote), and builds a page whose front matter has one without that front matter.
// build-site says the same words of the same place (the words and places of more inputs are pinned
// by test/golden/yaml-scalars), with a hint that names what is wrong.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

test("case 92: a quote left open in _config.yml: Psych's words at the waiting mapping, and where the value opened", () => {
  const files = {
    "_config.yml": "title: t\nauthor:\n  name: A\n  email: \"a@example.org\n  site: \"https://example.org\"\n  more: y\n",
    "index.html": "hi\n",
  };
  buildSiteCase("yaml-quote-errors-", files, (build) => {
    assertOutcome(build, "_config.yml:3:3: invalid YAML: did not find expected key while parsing a block mapping");
    assert.ok(build.out.includes("the value that opens with \" at line 4, column 10 runs on to the \" at line 5, column 9"), build.out);
  });
});

test("case 93: a bad escape in a double-quoted _config.yml value: Psych's words at its opening quote, and how to write a backslash", () => {
  buildSiteCase("yaml-quote-errors-", { "_config.yml": "title: t\npath: \"C:\\Users\\me\"\n", "index.html": "hi\n" }, (build) => {
    assertOutcome(build, "_config.yml:2:7: invalid YAML: did not find expected hexdecimal number while parsing a quoted scalar");
    assert.ok(build.out.includes("write \\\\ for a backslash"), build.out);
  });
});

test("cases 92 and 93 in front matter: the page is built without its front matter, as Jekyll does", () => {
  const files = {
    "_config.yml": "title: t\n",
    "a.md": "---\ntitle: \"x\nlayout: \"post\"\n---\nBody **a**\n",
    "b.md": "---\npath: \"x\\q\"\n---\nBody **b**\n",
  };
  buildSiteCase("yaml-quote-errors-", files, (build) => {
    assertOutcome(build, null);
    assert.ok(build.out.includes("a.md:2:1: invalid YAML: did not find expected key while parsing a block mapping"), build.out);
    assert.ok(build.out.includes("b.md:2:7: invalid YAML: found unknown escape character while parsing a quoted scalar"), build.out);
    assert.equal(fs.readFileSync(path.join(build.dest, "a.html"), "utf8"), "<p>Body <strong>a</strong></p>\n");
    assert.equal(fs.readFileSync(path.join(build.dest, "b.html"), "utf8"), "<p>Body <strong>b</strong></p>\n");
  });
});
