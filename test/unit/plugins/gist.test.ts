// jekyll-gist's markup handling against the real gem (golden/gist.json, `noscript: false`): ids
// with and without file names, variables, markups it keeps whole, and the syntax error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gistTag } from "../../../src/plugins/jekyll-gist.js";
import type { Site } from "../../../src/site/site.js";
import { golden } from "./golden.js";

interface Case { markup: string; expected?: string; error?: string }

const vars: Record<string, any> = { page: { gist_var: "mattr-/24081a1d93d2898ecf0f", file: "x.rb" } };
const lookup = (p: string[]) => p.reduce<any>((v, k) => (v == null ? undefined : v[k]), vars);

function site(noscript: boolean, warnings: string[] = []): Site {
  return { config: { gist: { noscript } }, logger: { warn: (t: string, m = "") => warnings.push(`${t}${m}`) } } as unknown as Site;
}

for (const c of golden<Case[]>("gist.json")) {
  test(`gist ${JSON.stringify(c.markup)}`, () => {
    if (c.error !== undefined) assert.throws(() => gistTag(site(false), c.markup, lookup), (e: Error) => e.message.startsWith(c.error!));
    else assert.equal(gistTag(site(false), c.markup, lookup), c.expected);
  });
}

test("without noscript: false, the output is Jekyll's offline one (a literal `true`), with its warning", () => {
  const warnings: string[] = [];
  assert.equal(gistTag(site(true, warnings), "parkr/1", lookup), 'true<script src="https://gist.github.com/parkr/1.js"> </script>');
  assert.match(warnings[0]!, /noscript> tag for your gist parkr\/1/);
});
