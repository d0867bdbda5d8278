// Time#strftime and Date#strftime as Ruby 3.1 writes them (test/golden/strftime, from
// generate.rb): every format of cases.json, flags, widths, colons, the E and O modifiers, text
// that is not a directive and formats Ruby refuses, at instants in five zones and on two Dates.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strftime, strftimeFields, StrftimeFormatError } from "../../../src/ruby/strftime.js";
import { localTime } from "../../../src/ruby/local-time.js";
import { JekyllTime } from "../../../src/ruby/time.js";

const dir = path.resolve(fileURLToPath(import.meta.url), "../../../../../test/golden/strftime");
type TimeSpec = { zone: string; ms: number } | { date: string };
const cases = JSON.parse(fs.readFileSync(path.join(dir, "cases.json"), "utf8")) as { times: TimeSpec[]; formats: string[] };
const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as {
  times: TimeSpec[];
  results: Array<{ format: string; outputs: Array<string | { error: string }> }>;
};

function fieldsOf(spec: TimeSpec) {
  if ("date" in spec) {
    const [y, m, d] = spec.date.split("-").map(Number) as [number, number, number];
    return strftimeFields(JekyllTime.date(y, m, d, "UTC"), "+00:00");
  }
  const t = localTime(spec.ms, spec.zone);
  return strftimeFields(t, t.zoneName);
}

test("the golden cases are the cases of cases.json", () => {
  assert.deepEqual(expected.results.map((r) => r.format), cases.formats, "expected.json is stale: run ruby test/golden/strftime/generate.rb");
  assert.deepEqual(expected.times, cases.times, "expected.json is stale: run ruby test/golden/strftime/generate.rb");
});

test("every format at every time, as Ruby writes it (or refuses it)", () => {
  const failures: string[] = [];
  const fields = expected.times.map(fieldsOf);
  for (const { format, outputs } of expected.results) {
    outputs.forEach((want, i) => {
      let got: string | { error: string };
      try {
        got = strftime(fields[i]!, format);
      } catch (e) {
        if (!(e instanceof StrftimeFormatError)) throw e;
        got = { error: e.message };
      }
      // Errors compare as "an error": Ruby's wording differs by class (ArgumentError, ERANGE).
      const ok = typeof want === "string" ? got === want : typeof got !== "string";
      if (!ok) failures.push(`${JSON.stringify(format)} at ${JSON.stringify(expected.times[i])}\n      got  ${JSON.stringify(got)}\n      want ${JSON.stringify(want)}`);
    });
  }
  assert.equal(failures.length, 0, `${failures.length} differences:\n${failures.slice(0, 40).join("\n")}`);
});

test("a width past 2^20 is refused rather than allocated", () => {
  const t = fieldsOf(expected.times[0]!);
  assert.throws(() => strftime(t, "%1048577Y"), StrftimeFormatError);
  assert.equal(strftime(t, "%1048576Y").length, 1048576);
});
