// `timezone:` values that are POSIX TZ strings with a daylight-saving part (src/ruby/time.ts,
// posixZone/posixZoneAt), against what Ruby (glibc) reads at each instant in
// test/golden/zones/posix.json (generate-posix.rb): the offset, `%Z` and Time#isdst.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { zoneOffsetMinutes } from "../../../src/ruby/time.js";
import { isDaylightSaving, zoneAbbreviation } from "../../../src/ruby/zone-names.js";

const golden = path.resolve(fileURLToPath(import.meta.url), "../../../../../test/golden/zones/posix.json");
const readings = JSON.parse(fs.readFileSync(golden, "utf8")) as Record<string, [number, number, string, boolean][]>;

for (const [zone, list] of Object.entries(readings)) {
  test(`POSIX TZ ${zone}: offset, %Z and isdst as glibc reads them`, () => {
    const wrong: string[] = [];
    for (const [seconds, offset, name, dst] of list) {
      const ms = seconds * 1000;
      const minutes = zoneOffsetMinutes(zone, ms);
      const got = [minutes * 60, zoneAbbreviation(zone, ms, minutes), isDaylightSaving(zone, ms, minutes)];
      if (got[0] !== offset || got[1] !== name || got[2] !== dst) wrong.push(`${new Date(ms).toISOString()}: Ruby ${offset} ${name} ${dst}, here ${got.join(" ")}`);
    }
    assert.deepEqual(wrong.slice(0, 5), [], `${wrong.length} of ${list.length} differ`);
  });
}

test("the Site says once per process how it reads a POSIX zone, not on every serve rebuild", async () => {
  const os = await import("node:os");
  const { loadConfig } = await import("../../../src/config/load.js");
  const { Site } = await import("../../../src/site/site.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "posix-zone-"));
  try {
    fs.writeFileSync(path.join(dir, "_config.yml"), 'timezone: "CET-1CEST,M3.5.0,M10.5.0/3"\n');
    const warnings: string[] = [];
    const logger = { info() {}, debug() {}, warn(topic: string, message?: string) { warnings.push(`${topic} ${message ?? ""}`); } };
    const overrides = { source: dir, destination: path.join(dir, "_site") };
    for (let i = 0; i < 3; i++) new Site(loadConfig(overrides).config, logger as never);
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.match(warnings[0]!, /1 hours ahead of UTC, named CET; in daylight saving time 2 hours ahead of UTC, named CEST/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
