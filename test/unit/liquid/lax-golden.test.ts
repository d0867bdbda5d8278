// The malformed-markup golden (test/golden/liquid-lax/expected.json, from generate.rb): mutated
// markup that Ruby Liquid 5.4 accepts, rendered by our engine in each `liquid.error_mode` and
// compared with what real Jekyll 4.3.1 rendered:
// - warn: the same output (or an error where Ruby raised one while rendering) and the same
//   warnings, word for word (Liquid::SyntaxError#message);
// - lax: the same output, no warnings;
// - strict: an error located at file, line and column (at the character Ruby's strict parser
//   stopped at, in the markup that starts on Ruby's line), wherever that parser refused it.
// Cases Ruby rejects in every mode must be errors here too.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createLiquidEngine } from "../../../src/render/liquid/index.js";
import type { JekyllLiquid } from "../../../src/render/liquid/index.js";
import { BuildError } from "../../../src/errors.js";
import { decode, goldenHost, repoRoot } from "./golden-host.js";

type Mode = "warn" | "lax" | "strict";
interface Result { output?: string; error?: string; line?: number; warnings?: string[] }
interface Case { seed: number; kind: "malformed" | "regex-tag" | "rejected"; template: string; modes: Record<Mode, Result> }

// LAX_GOLDEN_FILE: another file from generate.rb (a bigger set made to hunt for differences).
const goldenFile = process.env.LAX_GOLDEN_FILE ?? path.join(repoRoot, "test", "golden", "liquid-lax", "expected.json");
const golden = JSON.parse(fs.readFileSync(goldenFile, "utf8")) as {
  now_epoch: number;
  site: Record<string, any>;
  context: Record<string, unknown>;
  cases: Case[];
};

const MODES: Mode[] = ["warn", "lax", "strict"];

function engineFor(mode: Mode, warnings: string[]): JekyllLiquid {
  const site = { ...golden.site, liquid: { error_mode: mode, strict_filters: false, strict_variables: false } };
  return createLiquidEngine(goldenHost(site, golden.now_epoch, {
    // Our warning is Ruby's message then " in <file>" (as Jekyll prints it); Ruby's alone is compared.
    warn: (_topic, message) => warnings.push(message.replace(/ in case-\d+\.html$/, "")),
  }));
}

interface Outcome { output?: string; error?: BuildError; warnings: string[] }

function render(engine: JekyllLiquid, warnings: string[], template: string, file: string): Outcome {
  warnings.length = 0;
  const scope = decode(golden.context, golden.site.timezone) as Record<string, any>;
  scope.site = { ...scope.site, baseurl: golden.site.baseurl ?? null, url: golden.site.url ?? null };
  try {
    const output = engine.render(engine.parse(template, file), scope);
    return { output, warnings: [...warnings] };
  } catch (e) {
    if (!(e instanceof BuildError)) throw e;
    return { error: e, warnings: [...warnings] };
  }
}

function compare(c: Case, mode: Mode, got: Outcome): string | null {
  const want = c.modes[mode];
  if (mode === "strict" && want.error?.startsWith("Liquid::SyntaxError")) {
    if (!got.error) return `want a syntax error (${want.error.split("\n")[0]}), got ${JSON.stringify(got.output)}`;
    if (got.error.line === undefined || got.error.column === undefined) return `error not located: ${got.error.format()}`;
    // Ruby names the line the markup starts on; we point at the character the strict parser
    // stopped at, which a markup spanning lines may put on a later one.
    // (Where a block is never closed Ruby names the line it reached; we name the block's.)
    const lines = c.template.split("\n").length - 1;
    if (c.kind !== "rejected" && want.line !== undefined && (got.error.line < want.line || got.error.line > want.line + lines)) {
      return `error on line ${got.error.line}, Ruby's markup starts on ${want.line}`;
    }
    return null;
  }
  if (want.error !== undefined) {
    return got.error ? null : `want error ${want.error.split("\n")[0]}, got ${JSON.stringify(got.output)}`;
  }
  if (got.error) return `want ${JSON.stringify(want.output)}, got error ${got.error.message.split("\n")[0]}`;
  if (got.output !== want.output) return `want ${JSON.stringify(want.output)}, got ${JSON.stringify(got.output)}`;
  if (mode === "warn" && want.warnings) {
    if (JSON.stringify(got.warnings) !== JSON.stringify(want.warnings)) {
      return `want warnings ${JSON.stringify(want.warnings)}, got ${JSON.stringify(got.warnings)}`;
    }
  } else if (got.warnings.length) return `no warnings expected in ${mode} mode, got ${JSON.stringify(got.warnings)}`;
  return null;
}

test("malformed markup Ruby Liquid accepts renders as Jekyll renders it, in warn, lax and strict mode", () => {
  const failures: string[] = [];
  const counts = { malformed: 0, "regex-tag": 0, rejected: 0 };
  let equal = 0;
  let n = 0;
  for (const mode of MODES) {
    const warnings: string[] = [];
    const engine = engineFor(mode, warnings);
    golden.cases.forEach((c, i) => {
      const problem = compare(c, mode, render(engine, warnings, c.template, `case-${++n}.html`));
      if (problem) failures.push(`#${i} [${c.kind}, ${mode}] ${JSON.stringify(c.template)}\n    ${problem}`);
      else if (mode === "warn") {
        equal++;
        counts[c.kind]++;
      }
    });
  }
  const malformed = golden.cases.filter((c) => c.kind === "malformed").length;
  console.log(`liquid lax golden: ${golden.cases.length} cases (${malformed} malformed, ${golden.cases.length - malformed} other), ` +
    `${equal} equal in warn mode; ${failures.length} mode results differ`);
  assert.ok(malformed >= 300, `at least 300 malformed cases (${malformed})`);
  assert.deepEqual(failures, [], `${failures.length} case(s) differ:\n${failures.join("\n")}`);
});
