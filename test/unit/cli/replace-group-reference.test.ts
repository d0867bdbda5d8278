// Liquid's replace and replace_first are Ruby's gsub and sub, which read `\k<name>` in the
// replacement as a named group (test/conformance/ERRORS.md, case 89), run with Debian's Jekyll
// 4.3.1: a String search has no groups, so replacing a match raises "undefined group name
// reference: name" (IndexError), and `\k<` without its `>` "invalid group name reference format"
// (RuntimeError); Jekyll stops with `Liquid Exception: … in index.html`. Where nothing matches,
// nothing is raised. The other backslash sequences are pinned by the Liquid goldens
// (replace-backslash-sequences).
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

test("a \\k<name> in replace's replacement stops the build at the page, with a hint", () => {
  buildSiteCase("replace-k-", { "index.html": "---\n---\nText.\n{{ 'a-b' | replace: '-', '\\k<x>' }}\n" }, (build) => {
    assertOutcome(build, "undefined group name reference: x");
    assert.ok(build.out.includes("index.html:4"), build.out);
    assert.ok(build.out.includes("Write the backslash twice"), build.out);
  });
  buildSiteCase("replace-k-", { "index.html": "---\n---\n{{ 'a-b' | replace_first: '-', '\\k<x' }}\n" }, (build) => {
    assertOutcome(build, "invalid group name reference format");
  });
});

test("a \\k<name> builds where the search matches nothing, and \\\\k is a backslash and k", () => {
  buildSiteCase("replace-k-", { "index.html": "---\n---\n{{ 'a-b' | replace: '+', '\\k<x>' }}|{{ 'a-b' | replace: '-', '\\\\k<x>' }}\n" }, (build) => {
    assertOutcome(build, null);
  });
});
