// A footnote that is used and whose definition leaves kramdown no element (test/conformance/ERRORS.md,
// case 78), run with Debian's Jekyll 4.3.1: kramdown's footnote_content asks for the type of the
// definition's last child, nil, and the conversion stops ("undefined method `type' for
// nil:NilClass"). Definitions holding only an IAL, an ALD, a link, abbreviation or footnote
// definition, `{::options /}` or a self-closed comment do so; one that is not used, or holds text,
// a comment with a body or nothing after its `]:` (a blank element), builds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createMarkdownConverter } from "../../../src/render/markdown/index.js";
import { BuildError } from "../../../src/errors.js";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const convert = (md: string) => createMarkdownConverter({ kramdown: {} }).convert(md);

test("a used footnote whose definition leaves no element stops the conversion, as kramdown's", () => {
  for (const def of ["[^2]: x", "[^1]: x", "{:.c}", "{:r: .c}", "[a]: /b", "*[a]: b", "{::options /}", "{::comment /}", "{::nomarkdown /}"]) {
    assert.throws(() => convert(`Text.\n\n[^1]: ${def}\n\nA note[^1].\n`),
      (e: unknown) => e instanceof BuildError && /undefined method `type' for nil:NilClass/.test(e.message) && e.line === 3 && /\[\^1\]/.test(e.hint ?? ""), def);
  }
  // (Inside an HTML element's Markdown: no line of the page to give.)
  assert.throws(() => convert('<div markdown="1">[^1]: {:.c}\n</div>\n\n[^1]\n'), (e: unknown) => e instanceof BuildError && e.line === undefined);
});

test("footnote definitions that leave an element, or are not used, convert", () => {
  assert.match(convert("[^1]:\n\n[^1]\n"), /<li id="fn:1"/);
  assert.match(convert("[^1]: {::comment}x{:/comment}\n\n[^1]\n"), /<!-- x -->/);
  assert.match(convert("[^1]: {:.c}\n\n    x\n\n[^1]\n"), /<p>x/);
  assert.equal(convert("[^1]: [^2]: x\n\n[^2]\n").includes('id="fn:2"'), true);
  assert.equal(convert("[^1]: {:.c}\n\nno reference\n"), "\n<p>no reference</p>\n");
});

test("the build stops at the page, naming it and the definition's line", () => {
  buildSiteCase("empty-footnote-", { "index.md": "---\ntitle: t\n---\nSome text.\n\n[^1]: [^2]: x\n\nA note[^1].\n" }, (build) => {
    assertOutcome(build, "undefined method `type' for nil:NilClass");
    assert.ok(build.out.includes("index.md:6"), build.out);
  });
  // (Where Liquid changed the text, its lines are not the file's: the file alone.)
  buildSiteCase("empty-footnote-", { "index.md": "---\ntitle: t\n---\n{% if true %}\n\nSome text.\n{% endif %}\n\n[^1]: {:.c}\n\nA note[^1].\n" }, (build) => {
    assertOutcome(build, "undefined method `type' for nil:NilClass");
    assert.ok(build.out.includes("index.md: Conversion error") && !/index\.md:\d/.test(build.out), build.out);
  });
});
