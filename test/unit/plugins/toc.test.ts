// jekyll-toc 0.18.0's parser on inputs the fixture does not cover (nesting quirks, duplicate and
// explicit ids, Unicode ids, excluded sections, every option), against the real gem + Nokogiri.
import { test } from "node:test";
import assert from "node:assert/strict";
import { TocParser, generateTocId, tocConfiguration } from "../../../src/plugins/jekyll-toc.js";
import { golden } from "./golden.js";

interface Case {
  html: string;
  config?: unknown;
  expected: Record<string, string | { error: string }>;
}

const cases = golden<Case[]>("toc.json");

test("golden cases exist", () => assert.ok(cases.length >= 25));

const methods: Record<string, (p: TocParser) => string> = {
  toc: (p) => p.toc(),
  toc_only: (p) => p.buildToc(),
  inject_anchors: (p) => p.injectAnchors(),
};

for (const [i, c] of cases.entries()) {
  for (const [method, want] of Object.entries(c.expected)) {
    test(`toc #${i} ${method}: ${JSON.stringify(c.html).slice(0, 50)}`, () => {
      const run = () => methods[method]!(new TocParser(c.html, c.config ?? {}));
      if (typeof want === "string") assert.equal(run(), want);
      else assert.throws(run, /jekyll-toc/);
    });
  }
}

test("generateTocId keeps alphabetic characters, marks, decimal digits and connector punctuation only", () => {
  // Measured with the gem: ² and ½ (other numbers) and zero-width joiners go, Ⅻ (a letter number) stays.
  assert.equal(generateTocId("x² ½ Ⅻ 3"), "x--%E2%85%BB-3");
  assert.equal(generateTocId("a\u200db\u200cc"), "abc");
  assert.equal(generateTocId("ΣΑΣ"), "%CF%83%CE%B1%CF%83");
  assert.equal(generateTocId("a‿b"), "a%E2%80%BFb");
});

test("a toc: setting that is not a hash means the defaults", () => {
  for (const v of [true, "x", [1], null]) assert.deepEqual(tocConfiguration(v), tocConfiguration({}));
  assert.deepEqual(tocConfiguration({ min_level: 2, max_level: 3 }).levels, [2, 3]);
});

test("an empty heading has nowhere to put an anchor: a clear error, as the gem fails there", () => {
  assert.throws(() => new TocParser("<h2></h2>").injectAnchors(), /empty heading <h2>/);
  assert.equal(new TocParser("<h2></h2>").buildToc(), '<ul id="toc" class="section-nav">\n<li class="toc-entry toc-h2"><a href="#"></a></li>\n</ul>');
});
