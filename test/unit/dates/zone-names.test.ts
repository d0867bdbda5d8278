// Zone abbreviations (`%Z`) and offsets as Ruby gives them with ENV["TZ"] set: every zone Node's
// Intl knows (and the tzdata links it calls by another ID: Asia/Kolkata, Atlantic/Faroe), at five instants from 1985 to 2026, against test/golden/zones/expected.json (from
// generate.rb, which also writes src/ruby/zone-abbreviations.ts from the same tzdata).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { localTime } from "../../../src/ruby/local-time.js";

const dir = path.resolve(fileURLToPath(import.meta.url), "../../../../../test/golden/zones");
const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as {
  instants: number[];
  zones: Record<string, Array<[string, number]>>;
};

test("every zone's name and offset at each instant, as Ruby's Time#zone and #utc_offset", () => {
  const failures: string[] = [];
  for (const [zone, want] of Object.entries(expected.zones)) {
    expected.instants.forEach((seconds, i) => {
      const t = localTime(seconds * 1000, zone);
      const got: [string, number] = [t.zoneName, Math.round(t.offsetMinutes * 60)];
      if (got[0] !== want[i]![0] || got[1] !== want[i]![1]) failures.push(`${zone} at ${seconds}: got ${JSON.stringify(got)}, want ${JSON.stringify(want[i])}`);
    });
  }
  assert.ok(Object.keys(expected.zones).length >= 550, "at least 400 zones and their links");
  assert.equal(failures.length, 0, `${failures.length} differences:\n${failures.slice(0, 30).join("\n")}`);
});
