// A Sass compile has a time limit (build_site.limits.sass_seconds; Dart Sass has none, nor has
// Jekyll): past it the Sass thread kills the compiler's process and answers, and the next compile
// gets a new process (serve goes on after the stylesheet is fixed).
import assert from "node:assert/strict";
import { test } from "node:test";
import { SassThread } from "../../../src/render/sass-thread.js";
import type { SassCompileOptions } from "../../../src/render/sass-protocol.js";

const OPTIONS: SassCompileOptions = { syntax: "scss", style: "expanded", loadPaths: [], readRoots: [], source: "/", sourceMap: false, quietDeps: true, silenceDeprecations: [] };
const ENDLESS = "$i: 1;\n@while $i > 0 { $i: $i + 1; }\n";

test("a compile past its time limit is stopped, and the next one compiles on a new process", () => {
  const thread = new SassThread();
  try {
    const stopped = thread.compile(ENDLESS, OPTIONS, 500);
    assert.ok(stopped, "the thread answered");
    assert.equal(stopped.ok, false);
    assert.equal(!stopped.ok && stopped.timedOut, true, JSON.stringify(stopped));
    const next = thread.compile("a { b { color: red; } }\n", OPTIONS, 60_000);
    assert.ok(next?.ok, JSON.stringify(next));
    assert.match(next.ok ? next.css : "", /a b \{\n  color: red;\n\}/);
  } finally {
    thread.dispose();
  }
});
