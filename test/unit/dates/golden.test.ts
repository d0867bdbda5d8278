// Dates as Ruby reads them: every string of test/golden/dates/cases.json through our Date._parse,
// Time.parse, Jekyll's Utils.parse_date and Liquid's to_date, in four zones, and every YAML scalar
// through our Psych rules and Jekyll's front matter `date:` handling, compared with what Ruby 3.1,
// Psych 4 and Liquid 5.4 gave (expected.json, from generate.rb).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dateParse, isoFast, type DateFields } from "../../../src/ruby/date-parse.js";
import { parsedZoneName, timeParse, TimeParseError } from "../../../src/ruby/time-parse.js";
import { parseDate } from "../../../src/site/parse-date.js";
import { JekyllTime, useLocalClock, yearString } from "../../../src/ruby/time.js";
import { toDate } from "../../../src/render/liquid/filters/date.js";
import { RubyTime, zoneNameOf } from "../../../src/ruby/local-time.js";
import { RubyFloat } from "../../../src/ruby/values.js";
import { loadYaml } from "../../../src/read/yaml.js";
import type { LiquidHost } from "../../../src/render/liquid/host.js";

const dir = path.resolve(fileURLToPath(import.meta.url), "../../../../../test/golden/dates");

interface TimeRepr { t: string; off: number; zone: string | null; s: string }
type Outcome = TimeRepr | { error: string } | null;
interface StringCase {
  input: string;
  parse: Record<string, unknown> | { error: string };
  time: Record<string, Outcome>;
  jekyll: Record<string, Outcome>;
  liquid: Record<string, Outcome>;
}
interface YamlCase {
  input: string;
  value: Record<string, ({ class: string; s: string } & Partial<TimeRepr>) | { error: string }>;
  date: Record<string, Outcome>;
}
const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as {
  now_epoch: number; strings: StringCase[]; yaml: YamlCase[];
};
const cases = JSON.parse(fs.readFileSync(path.join(dir, "cases.json"), "utf8")) as { zones: string[]; strings: string[]; yaml: string[] };
const nowMs = expected.now_epoch * 1000;

// Where we knowingly differ, with the reason; each must still differ, so the list cannot go stale.
const KNOWN_DIFFERENCES: Record<string, string> = {};
// Liquid's `date` reads a string of digits as seconds since 1970 (Time.at), and Ruby's Time has no
// bound; ours reaches past a JavaScript Date (local-time.ts, localTimeAtSeconds) up to a year of
// 2^53, and beyond that says "not a date".
for (const digits of ["123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", "12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678"]) {
  for (const zone of ["UTC", "America/New_York", "Asia/Kolkata", "Europe/Berlin", "EST5EDT,M3.2.0,M11.1.0", "AEST-10AEDT,M10.1.0,M4.1.0/3"]) {
    KNOWN_DIFFERENCES[`liquid ${JSON.stringify(digits)} in ${zone}`] = "a year past 2^53";
  }
}

const p2 = (n: number) => String(n).padStart(2, "0");

/** Our time in the form generate.rb writes Ruby's. */
function repr(t: JekyllTime, zoneName: string | null): TimeRepr {
  const w = t.wall;
  return {
    t: `${yearString(w.year)}-${p2(w.month)}-${p2(w.day)} ${p2(w.hour)}:${p2(w.minute)}:${p2(w.second)}.${String(w.millisecond).padStart(3, "0")}`,
    off: Math.round(t.offsetMinutes * 60),
    zone: zoneName,
    s: t.toString(),
  };
}

/** Ruby's hash with Rationals as [n, d], as plain numbers (n / d) for comparison. */
function normalizeFields(h: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(h).sort()) {
    const v = h[k];
    out[k] = k === "offset" && Array.isArray(v) ? (v[0] as number) / (v[1] as number) : v;
  }
  return out;
}

function outcome(f: () => Outcome): Outcome {
  try {
    return f();
  } catch (e) {
    if (e instanceof TimeParseError) return { error: e.message };
    throw e;
  }
}

/** Errors compare as "an error" (Jekyll and Liquid never show Ruby's message). */
function same(got: Outcome, want: Outcome): boolean {
  if (want && "error" in want) return !!got && "error" in got;
  return JSON.stringify(got) === JSON.stringify(want);
}

function liquidHost(zone: string): LiquidHost {
  return { timezone: zone, now: () => JekyllTime.at(nowMs, zone) } as unknown as LiquidHost;
}

test("the golden cases are the cases of cases.json", () => {
  assert.deepEqual(expected.strings.map((c) => c.input), cases.strings, "expected.json is stale: run ruby test/golden/dates/generate.rb");
  assert.deepEqual(expected.yaml.map((c) => c.input), cases.yaml, "expected.json is stale: run ruby test/golden/dates/generate.rb");
  assert.ok(new Set(cases.strings).size >= 150, "at least 150 distinct strings");
});

/**
 * Runs a check with zone offsets from Intl, then again read from V8's local clock (the CLI's way on
 * its main thread, ruby/time.ts), which must give the same answers.
 */
function inBothClocks(name: string, check: () => void): void {
  for (const clock of [false, true]) {
    test(`${name}${clock ? " (offsets from the local clock)" : ""}`, () => {
      useLocalClock(clock, Infinity);
      try {
        check();
      } finally {
        useLocalClock(false);
      }
    });
  }
}

inBothClocks("date strings read as Ruby reads them: Date._parse, Time.parse, Utils.parse_date, Liquid's to_date", () => {
  const failures: string[] = [];
  let checks = 0;
  let known = 0;
  const check = (key: string, got: unknown, want: unknown, equal: boolean) => {
    checks++;
    if (KNOWN_DIFFERENCES[key]) {
      if (equal) failures.push(`${key} now matches Ruby: remove it from KNOWN_DIFFERENCES`);
      else known++;
      return;
    }
    if (!equal) failures.push(`${key}\n      got  ${JSON.stringify(got)}\n      want ${JSON.stringify(want)}`);
  };
  for (const c of expected.strings) {
    const label = JSON.stringify(c.input);
    let fields: Record<string, unknown> | { error: string };
    try {
      fields = normalizeFields(dateParse(c.input) as DateFields as Record<string, unknown>);
    } catch (e) {
      fields = { error: (e as Error).message };
    }
    const wantFields = "error" in c.parse ? c.parse : normalizeFields(c.parse);
    check(`parse ${label}`, fields, wantFields, "error" in wantFields ? "error" in fields : JSON.stringify(fields) === JSON.stringify(wantFields));

    for (const zone of cases.zones) {
      const time = outcome(() => {
        const t = timeParse(c.input, nowMs, zone);
        const name = parsedZoneName(t, zone);
        return repr(new RubyTime(t.epochMs, t.offsetSeconds / 60, name ?? "", t.utc), name);
      });
      check(`time ${label} in ${zone}`, time, c.time[zone], same(time, c.time[zone]!));

      const jekyll = outcome(() => {
        const t = parseDate(c.input, zone, nowMs);
        return t ? repr(t, zoneNameOf(t, zone)) : { error: "invalid date" };
      });
      check(`jekyll ${label} in ${zone}`, jekyll, c.jekyll[zone], same(jekyll, c.jekyll[zone]!));

      const liquid = outcome(() => {
        const t = toDate(c.input, liquidHost(zone));
        return t ? repr(t, zoneNameOf(t, zone) || null) : null;
      });
      check(`liquid ${label} in ${zone}`, liquid, c.liquid[zone], same(liquid, c.liquid[zone]!));
    }
  }
  assert.ok(checks >= 150 * 13, `${checks} checks`);
  assert.equal(failures.length, 0, `${failures.length} of ${checks} differ from Ruby (${known} known):\n  ${failures.slice(0, 60).join("\n  ")}`);
});

/** Ruby's class name and to_s for what our YAML loader made of a scalar. */
function yamlValue(v: unknown, zone: string): Record<string, unknown> {
  if (v instanceof JekyllTime) {
    if (v.dateOnly) return { class: "Date", s: v.toString() };
    return { class: "Time", ...repr(v, v.utc ? "UTC" : zoneNameOf(v, zone) || null) };
  }
  if (v === null) return { class: "NilClass", s: "" };
  if (v instanceof RubyFloat) return { class: "Float", s: v.toString() };
  if (typeof v === "number") return Number.isInteger(v) ? { class: "Integer", s: String(v) } : { class: "Float", s: String(v) };
  if (typeof v === "boolean") return { class: v ? "TrueClass" : "FalseClass", s: String(v) };
  return { class: "String", s: String(v) };
}

inBothClocks("unquoted YAML dates and times follow Psych, and a `date:` of each becomes Jekyll's Time", () => {
  const failures: string[] = [];
  let checks = 0;
  for (const c of expected.yaml) {
    const label = JSON.stringify(c.input);
    for (const zone of cases.zones) {
      const value = loadYaml(`v: ${c.input}\n`, { file: "case.yml", zone }) as Record<string, unknown>;
      const got = yamlValue(value.v, zone);
      const want = c.value[zone]!;
      checks++;
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`value ${label} in ${zone}\n      got  ${JSON.stringify(got)}\n      want ${JSON.stringify(want)}`);
      const date = outcome(() => {
        const t = parseDate(value.v, zone, nowMs);
        return t ? repr(t, zoneNameOf(t, zone)) : { error: "invalid date" };
      });
      checks++;
      if (!same(date, c.date[zone]!)) failures.push(`date ${label} in ${zone}\n      got  ${JSON.stringify(date)}\n      want ${JSON.stringify(c.date[zone])}`);
    }
  }
  assert.equal(failures.length, 0, `${failures.length} of ${checks} differ from Ruby:\n  ${failures.slice(0, 60).join("\n  ")}`);
});

test("every zone name Ruby's date library knows has Ruby's offset", () => {
  const zones = (expected as unknown as { zone_names: Record<string, unknown>[] }).zone_names;
  assert.ok(zones.length > 300);
  const failures: string[] = [];
  for (const z of zones) {
    for (const suffix of ["", " standard time", " daylight time", " dst"]) {
      const want = z[suffix];
      const got = dateParse(`10:00 ${z.name}${suffix}`).offset ?? null;
      const wantNumber = Array.isArray(want) ? (want[0] as number) / (want[1] as number) : want;
      if (got !== wantNumber) failures.push(`${JSON.stringify(`10:00 ${z.name}${suffix}`)}: got ${got}, want ${JSON.stringify(want)}`);
    }
  }
  assert.equal(failures.length, 0, failures.join("\n"));
});

// The fast path for ISO dates (date-parse.ts, isoFast) must give exactly what the general scanner
// gives: the same fields in the same order, for every date form it takes, and nothing for others.
test("ISO dates read by the fast path are what Date._parse gives", () => {
  const slow = (s: string) => dateParse(` ${s}`, true); // a leading space keeps it off the fast path
  const zones = ["", " Z", "Z", " UTC", " +0800", "+0800", " -05:00", "-05:00", " +1400", " -0000", " +0530"];
  let checked = 0;
  for (const year of [1970, 2000, 2025, 9999, 1]) {
    for (const [mon, mday] of [[1, 1], [2, 29], [2, 31], [12, 31], [6, 15]]) {
      const date = `${String(year).padStart(4, "0")}-${String(mon).padStart(2, "0")}-${String(mday).padStart(2, "0")}`;
      assert.equal(JSON.stringify(isoFast(date)), JSON.stringify(slow(date)), date);
      checked++;
      for (const time of ["00:00:00", "14:05:09", "23:59:59"]) {
        for (const sep of [" ", "T"]) {
          for (const zone of zones) {
            const s = `${date}${sep}${time}${zone}`;
            const fast = isoFast(s);
            assert.ok(fast, s);
            assert.equal(JSON.stringify(fast), JSON.stringify(slow(s)), s);
            checked++;
          }
        }
      }
    }
  }
  assert.ok(checked > 1000);
  // Out of the usual ranges, or other forms: the scanner decides.
  for (const s of ["2025-13-01", "2025-00-10", "2025-05-32", "2025-05-30 24:00:00", "2025-05-30 10:60:00", "2025-05-30 10:00:60", "25-05-30", "2025-05-30 10:00", "2025-05-30 10:00:00.5", "2025-05-30 10:00:00 PST", "2025/05/30"]) {
    assert.equal(isoFast(s), null, s);
  }
});
