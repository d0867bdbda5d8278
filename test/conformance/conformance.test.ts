// Every conformance fixture, built by build-site, must equal what Jekyll 4.3.1 wrote for it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fixtureNames, runFixture } from "./harness.js";

const names = fixtureNames();
let passed = 0;

for (const name of names) {
  test(`conformance: ${name}`, () => {
    const r = runFixture(name);
    if (r.ok) passed++;
    assert.ok(r.ok, `${name}: ${r.error ?? ""}\n  ${r.problems.join("\n  ")}`);
  });
}

test("conformance: score", () => {
  console.log(`conformance: ${passed}/${names.length} fixtures equal to Jekyll 4.3.1`);
  assert.ok(names.length >= 1);
});
