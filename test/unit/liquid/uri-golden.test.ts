// Addressable as Jekyll 4.3.1 uses it (test/golden/uri, from generate.rb): URI#normalize, which
// relative_url and absolute_url end with, and normalize_component, the uri_escape filter, on
// paths with percent escapes, non-ASCII text (NFKC: `ﬁ` → fi, full-width `（` → `(`), queries,
// fragments, dot segments and bytes that are not UTF-8.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeUri, uriEscape } from "../../../src/ruby/uri.js";

const dir = path.resolve(fileURLToPath(import.meta.url), "../../../../../test/golden/uri");
const cases = JSON.parse(fs.readFileSync(path.join(dir, "cases.json"), "utf8")) as { uris: string[]; components: string[] };
type Row = { input: string; normalized: string | { error: string } };
const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as { uris: Row[]; components: Row[] };

test("the golden cases are the cases of cases.json", () => {
  assert.deepEqual(expected.uris.map((r) => r.input), cases.uris, "expected.json is stale: run ruby test/golden/uri/generate.rb");
  assert.deepEqual(expected.components.map((r) => r.input), cases.components, "expected.json is stale: run ruby test/golden/uri/generate.rb");
});

test("Addressable::URI#normalize and normalize_component, as Addressable 2.8.1 writes them", () => {
  const failures: string[] = [];
  for (const [rows, f, name] of [[expected.uris, normalizeUri, "normalize"], [expected.components, uriEscape, "normalize_component"]] as const) {
    for (const { input, normalized } of rows) {
      const got = f(input);
      if (got !== normalized) failures.push(`${name} ${JSON.stringify(input)}\n      got  ${JSON.stringify(got)}\n      want ${JSON.stringify(normalized)}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length} differences:\n${failures.join("\n")}`);
});
