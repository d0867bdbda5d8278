// Every case of test/golden/liquid/cases.json rendered by our engine and compared with what real
// Jekyll 4.3.1 wrote (expected.json, from generate.rb). An expected error must be an error here
// too (a BuildError); its message is compared only where Jekyll's wording is part of the contract.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createLiquidEngine } from "../../../src/render/liquid/index.js";
import type { JekyllLiquid } from "../../../src/render/liquid/index.js";
import { BuildError } from "../../../src/errors.js";
import { decode, goldenDir, goldenHost } from "./golden-host.js";

interface Spec {
  sites: Record<string, Record<string, any>>;
  contexts: Record<string, Record<string, unknown>>;
  groups: { name: string; site?: string; context?: string; templates: string[] }[];
}
interface Result { group: string; index: number; template: string; output?: string; error?: string }

// LIQUID_GOLDEN_CASES and LIQUID_GOLDEN_OUT compare another pair written by generate.rb (a hunt).
const spec = JSON.parse(fs.readFileSync(process.env.LIQUID_GOLDEN_CASES ?? path.join(goldenDir, "cases.json"), "utf8")) as Spec;
const expected = JSON.parse(fs.readFileSync(process.env.LIQUID_GOLDEN_OUT ?? path.join(goldenDir, "expected.json"), "utf8")) as { now_epoch: number; results: Result[] };

// Messages whose wording Jekyll users see and search for.
const CHECKED_MESSAGES = [/comparison of \w+ with \S+ failed/, /Invalid syntax for include tag[^\n]*/, /Could not locate the included file '[^']*'/, /Could not find document '[^']*'/, /Could not find post "[^"]*"/,
  /\d+: -?\w+ not allowed in JSON/, /stack level too deep/];

// Cases where we knowingly differ from Jekyll, with the reason. Each must still differ, so the
// list cannot silently go stale.
const KNOWN_DIFFERENCES: Record<string, string> = {};

function maskAddresses(s: string | undefined): string | undefined {
  return s?.replace(/:0x[0-9a-f]{16} /g, ":0x… ");
}

test("liquid golden cases equal Jekyll 4.3.1's output", () => {
  const engines = new Map<string, JekyllLiquid>();
  const failures: string[] = [];
  let equal = 0;
  let known = 0;
  let i = 0;
  for (const group of spec.groups) {
    const siteName = group.site ?? "ny";
    const site = spec.sites[siteName]!;
    let engine = engines.get(siteName);
    if (!engine) engines.set(siteName, (engine = createLiquidEngine(goldenHost(site, expected.now_epoch))));
    group.templates.forEach((template, index) => {
      const want = expected.results[i++]!;
      assert.equal(want.template, template, "expected.json is stale: run ruby test/golden/liquid/generate.rb");
      const scope = decode(spec.contexts[group.context ?? "basic"], site.timezone) as Record<string, any>;
      scope.site = { ...(scope.site ?? {}), baseurl: site.baseurl ?? null, url: site.url ?? null };
      let got: string | undefined;
      let error: unknown;
      try {
        got = engine!.render(engine!.parse(template, `case-${group.name}-${index}.html`), scope);
      } catch (e) {
        error = e;
      }
      const label = `${group.name}#${index} ${JSON.stringify(template)}`;
      if (KNOWN_DIFFERENCES[`${group.name}#${index}`]) {
        assert.notEqual(got, want.output, `${label} now matches Jekyll: remove it from KNOWN_DIFFERENCES`);
        known++;
        return;
      }
      if (want.error !== undefined) {
        if (!(error instanceof BuildError)) {
          failures.push(`${label}\n    want error: ${want.error.split("\n")[0]}\n    got: ${JSON.stringify(got)}`);
          return;
        }
        for (const re of CHECKED_MESSAGES) {
          const m = re.exec(want.error);
          if (m && !error.message.includes(m[0])) {
            failures.push(`${label}\n    want message: ${m[0]}\n    got: ${error.message.split("\n")[0]}`);
            return;
          }
        }
        equal++;
        return;
      }
      if (error !== undefined) {
        failures.push(`${label}\n    want: ${JSON.stringify(want.output)}\n    got error: ${(error as Error).message.split("\n")[0]}`);
        return;
      }
      // An object's address in Ruby's heap (Object#inspect of a MethodLiteral) differs in every
      // Jekyll run: compared as any 16 hex digits.
      if (got !== want.output && maskAddresses(got) !== maskAddresses(want.output)) {
        failures.push(`${label}\n    want: ${JSON.stringify(want.output)}\n    got:  ${JSON.stringify(got)}`);
        return;
      }
      equal++;
    });
  }
  console.log(`liquid golden: ${equal}/${expected.results.length} equal (${known} known difference${known === 1 ? "" : "s"}, ${failures.length} failing)`);
  assert.equal(i, expected.results.length, "cases.json and expected.json differ in length");
  assert.deepEqual(failures, [], `${failures.length} golden case(s) differ:\n${failures.join("\n")}`);
});
