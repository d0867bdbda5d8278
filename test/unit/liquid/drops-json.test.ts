// Drops as data (src/render/drops.ts, src/ruby/values.ts): `jsonify`, `inspect`, `for … in` and
// `{{ }}` over a chain of posts with next/previous and a static file, against what Jekyll 4.3.1
// wrote for the same site (drops-json.golden.json, from drops-json.generate.mjs). `page | jsonify`
// used to follow next → previous → next … until the stack overflowed.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderWithDependencies, type Rendered } from "./render-with-deps.js";

// dist/test/unit/liquid → the source folder, where the golden file lives.
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../test/unit/liquid");
const golden = JSON.parse(fs.readFileSync(path.join(here, "drops-json.golden.json"), "utf8")) as {
  mtime: string; files: Record<string, string>; outputs: string[]; expected: Record<string, string>;
};

function writeSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-drops-json-"));
  const mtime = new Date(golden.mtime);
  for (const [rel, text] of Object.entries(golden.files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    fs.utimesSync(p, mtime, mtime);
  }
  return dir;
}

/** Renders the golden site; each output (by its destination path) with its dependency tokens. */
function render(): Map<string, Rendered> {
  return renderWithDependencies(writeSite(), (item) => (item.url.endsWith("/") ? `${item.url}index.html` : item.url).slice(1));
}

test("jsonify, inspect, for and {{ }} over document and static file drops equal Jekyll 4.3.1's", () => {
  const out = render();
  for (const name of golden.outputs) {
    assert.equal(out.get(name)?.output, golden.expected[name], name);
  }
});

test("jsonify of a page with neighbours depends on its collection, as reading them does", () => {
  const out = render();
  assert.ok(out.get("p3/index.html")!.deps.has("collection:posts"));
  assert.ok(out.get("p3/index.html")!.deps.has("content:posts"), "the neighbours' content and output are read");
});
