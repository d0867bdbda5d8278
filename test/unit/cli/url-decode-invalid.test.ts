// Liquid 5.4's url_decode raises Liquid::ArgumentError when the bytes its %-escapes decode to are
// no UTF-8 (test/conformance/ERRORS.md, case 90), run with Debian's Jekyll 4.3.1: `%E2%82` (a
// character cut short) or `%FF` stop the build with "Liquid error (line 1): invalid byte sequence in
// UTF-8". build-site had written U+FFFD. The decodings themselves are pinned by the Liquid goldens
// (url-decode-invalid-utf8).
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

test("url_decode of escapes that are no UTF-8 stops the build at the page, with a hint", () => {
  buildSiteCase("url-decode-", { "index.html": "---\n---\nText.\n{{ '%E2%82' | url_decode }}\n" }, (build) => {
    assertOutcome(build, "Liquid error (line 2): invalid byte sequence in UTF-8");
    assert.ok(build.out.includes("index.html:4"), build.out);
    assert.ok(build.out.includes("Fix the escapes"), build.out);
  });
});

test("url_decode of UTF-8 escapes builds", () => {
  buildSiteCase("url-decode-", { "index.html": "---\n---\n{{ '%E2%82%AC+%C3%A9' | url_decode }}\n" }, (build) => {
    assertOutcome(build, null);
  });
});
