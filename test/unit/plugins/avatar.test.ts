// jekyll-avatar against the real gem's output (golden/avatar.json), with and without a custom host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { avatarTag } from "../../../src/plugins/jekyll-avatar.js";
import { golden } from "./golden.js";

interface Case { markup: string; host: string; vars: Record<string, any>; expected: string }

const lookupIn = (vars: Record<string, any>) => (path: string[]) => {
  let v: any = vars;
  for (const k of path) v = v !== null && typeof v === "object" ? v[k] : undefined;
  return v;
};

const cases = golden<Case[]>("avatar.json");
test("golden cases exist", () => assert.ok(cases.length >= 30));
for (const c of cases) {
  test(`avatar ${JSON.stringify(c.markup)} host=${c.host || "default"}`, () => {
    assert.equal(avatarTag(c.markup, lookupIn(c.vars), c.host), c.expected);
  });
}
