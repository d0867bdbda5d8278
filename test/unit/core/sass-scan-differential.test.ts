// The import scan's soundness against Dart Sass itself (the compiler build-site runs): random
// SCSS texts built from directives, comments, strings, url(), custom properties and special
// functions, each compiled with an importer that records every URL Sass asks for. Wherever the
// scan says every load stays inside (so Dart Sass would load the files itself), Sass must never
// ask for the URL that leads outside. Seeded, so a failure names a reproducible text.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { importsStayInside } from "../../../src/render/sass-import-scan.js";

const EVIL = "../../../../evil";
const STATEMENTS = [
  '@import "good";', `@import "good" /* ; */, "${EVIL}";`, `@import "good" // ;\n, "${EVIL}";`, `--x: a // ; @import "${EVIL}";`,
  "--x: a // }\n;", `.a { --y: // b; @import "${EVIL}"; }`, ".a { b: url(//x); }", `a { b: expression(1 // ); @import "${EVIL}"; }`,
  ".b { c: d; }", '$v: "x//y";', `// note ; @import "${EVIL}";`, `/* @import "${EVIL}"; */`, "@media (min-width: 1px) { // x\n .a { b: c } }",
  "@supports (--x: //) { .a { b: c } }", `a { b: url( //x ); } @import "${EVIL}";`, "a { b: URL(//x) }", "a { b: -moz-url(//x) }",
  "x { y: f(1 // )\n); }", "@include m(// )\n1);", "@mixin m($a) { b: $a; }", "// don't\n", 'a { b: "#{1}//" }', `a { --z: #{1 // }\n}; @import "${EVIL}"; }`,
];
const PIECES = [
  '@import "good";', `@import "${EVIL}";`, "//", `// @import "${EVIL}";`, "/*", "*/", "/* ; */", "\n", " ", ";", "{", "}", "(", ")", "[", "]", '"', "'",
  '"a//b"', "'x;'", "url(", "url(//x)", 'url("//y")', "--x:", "a:", "b", ".c", "#{", "#{1}", "expression(", "element(", "calc(", "@supports",
  "\\", ",", "$v: 1;", "@if true {", "don't", `@use "${EVIL}";`, `@forward "${EVIL}";`, "-moz-url(", "progid:x(", "a//b", '"#{"',
];

test("wherever the scan lets Dart Sass load files itself, Sass asks for no URL leading out (1,500 random texts)", { timeout: 300_000 }, async () => {
  const sass = createRequire(import.meta.url)("sass-embedded") as typeof import("sass-embedded");
  const compiler = await sass.initAsyncCompiler();
  let seed = 20261207;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  let inside = 0;
  try {
    for (let k = 0; k < 1500; k++) {
      let text = "";
      for (let j = 1 + Math.floor(rnd() * 10); j > 0; j--) text += (rnd() < 0.6 ? pick(STATEMENTS) : pick(PIECES)) + (rnd() < 0.5 ? (rnd() < 0.5 ? "\n" : " ") : "");
      if (!importsStayInside(text, ["/nonexistent/a/b"], ["/nonexistent/a"])) continue;
      inside++;
      const asked: string[] = [];
      try {
        await compiler.compileStringAsync(text, {
          url: new URL("file:///nonexistent/a/b/entry.scss"),
          importers: [{ canonicalize: (u: string) => { asked.push(u); return new URL(`memory:${encodeURIComponent(u)}`); }, load: () => ({ contents: "", syntax: "scss" as const }) }],
          logger: sass.Logger.silent,
        });
      } catch {
        // a parse error: what matters is what was asked for before it
      }
      assert.deepEqual(asked.filter((u) => u.includes("evil")), [], `the scan said inside for ${JSON.stringify(text)}`);
    }
  } finally {
    await compiler.dispose();
  }
  assert.ok(inside > 100, `enough texts reach Sass (${inside})`);
});
