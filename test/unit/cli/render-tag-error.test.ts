// Liquid's {% render %} under Jekyll (test/conformance/ERRORS.md, case 91), run with Debian's
// Jekyll 4.3.1: Jekyll gives Liquid no file system, so the tag fails when it renders with
// Liquid::FileSystemError, a Liquid::Error written "Liquid error (line 3): This liquid context does
// not allow includes." (build-site had left out the "Liquid error (line N):" part).
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

test("{% render %} stops the build with Liquid's sentence, its line and a hint", () => {
  buildSiteCase("render-tag-", { "index.html": "---\n---\nA\n\n{% render \"x\" %}\n" }, (build) => {
    assertOutcome(build, "Liquid error (line 3): This liquid context does not allow includes.");
    assert.ok(build.out.includes("index.html:5"), build.out);
    assert.ok(build.out.includes("use {% include"), build.out);
  });
});

test("{% render %} in a branch that does not run builds", () => {
  buildSiteCase("render-tag-", { "index.html": "---\n---\n{% if false %}{% render \"x\" %}{% endif %}ok\n" }, (build) => {
    assertOutcome(build, null);
  });
});
