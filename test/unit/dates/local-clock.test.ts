// Zone offsets without Intl (src/ruby/time.ts): UTC's other names are 0, and a named zone's offset
// read from V8's local clock with TZ switched to it. Both must give exactly what Intl gives, which
// every other date test pins to Ruby; and TZ must be left as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertValidZone, civilToMs, markIntlLoaded, useLocalClock, wallToEpochMs, zoneOffsetMinutes } from "../../../src/ruby/time.js";

/** Intl's offset in minutes, worked out here independently of time.ts ("GMT+05:45" → 345). */
function intlOffset(zone: string, epochMs: number): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(new Date(epochMs)).find((p) => p.type === "timeZoneName")!.value;
  const m = /^GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(name);
  assert.ok(m, `${zone}: unexpected offset name ${name}`);
  if (!m[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
  return m[1] === "-" ? -minutes : minutes;
}

/** Instants from 1973 to 2099, spread so that every month and hour of the day comes up. */
function instants(count: number, salt: number): number[] {
  const from = Date.UTC(1973, 0, 1);
  const span = Date.UTC(2100, 0, 1) - from;
  return Array.from({ length: count }, (_, i) => from + Math.floor(((i + ((salt * 7919) % 997) / 997) / count) * span));
}

test("UTC under its other names is 0 at every instant, without Intl, as Intl says", () => {
  useLocalClock(false);
  for (const zone of ["UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "GMT", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "GMT+0", "GMT-0", "Etc/Greenwich", "Greenwich"]) {
    assertValidZone(zone);
    for (const t of [Date.UTC(-271820, 0, 1), Date.UTC(1, 0, 1), Date.UTC(1800, 5, 1), 0, Date.UTC(2024, 6, 1), Date.UTC(9999, 11, 31)]) {
      assert.equal(zoneOffsetMinutes(zone, t), 0, `${zone} at ${t}`);
      assert.equal(intlOffset(zone, t), 0, `${zone} at ${t} (Intl)`);
    }
  }
});

test("the local clock gives Intl's offset for every named zone from 1973 to 2099", { skip: process.platform === "win32" && "the clock is not used on Windows" }, () => {
  const saved = process.env.TZ;
  useLocalClock(true, Infinity);
  try {
    const zones = Intl.supportedValuesOf("timeZone").filter((z) => /^[A-Za-z]+(?:\/[A-Za-z_-]+)+$/.test(z));
    assert.ok(zones.length > 300);
    zones.forEach((zone, n) => {
      assertValidZone(zone);
      for (const t of instants(40, n)) assert.equal(zoneOffsetMinutes(zone, t), intlOffset(zone, t), `${zone} at ${new Date(t).toISOString()}`);
    });
    assert.equal(process.env.TZ, saved, "TZ is put back");
  } finally {
    useLocalClock(false);
  }
});

test("daylight saving and TZ already set to the zone, read from the clock", { skip: process.platform === "win32" && "the clock is not used on Windows" }, () => {
  const saved = process.env.TZ;
  try {
    for (const tz of [undefined, "Asia/Tokyo", "America/New_York"]) {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
      useLocalClock(true, Infinity);
      // New York: EDT in July, EST in January; 02:30 on the spring-forward night is 03:30 EDT.
      assert.equal(zoneOffsetMinutes("America/New_York", Date.UTC(2024, 6, 1, 12)), -240);
      assert.equal(zoneOffsetMinutes("America/New_York", Date.UTC(2024, 0, 1, 12)), -300);
      assert.equal(wallToEpochMs(civilToMs(2024, 3, 10, 2, 30), "America/New_York"), Date.UTC(2024, 2, 10, 7, 30));
      // Shanghai had daylight saving from 1986 to 1991.
      assert.equal(zoneOffsetMinutes("Asia/Shanghai", Date.UTC(1988, 6, 1)), 540);
      assert.equal(zoneOffsetMinutes("Asia/Shanghai", Date.UTC(1988, 0, 1)), 480);
      // Kathmandu: +05:45.
      assert.equal(zoneOffsetMinutes("Asia/Kathmandu", Date.UTC(2020, 0, 1)), 345);
      assert.equal(process.env.TZ, tz);
    }
  } finally {
    useLocalClock(false);
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
});

test("outside 1973-2099 and for other names, Intl answers (local mean time has seconds)", () => {
  useLocalClock(true, Infinity);
  try {
    // New York before standard time: -4:56:02, which the local clock would round to minutes.
    assert.equal(zoneOffsetMinutes("America/New_York", Date.UTC(1800, 0, 1)), intlOffset("America/New_York", Date.UTC(1800, 0, 1)));
    assert.ok(!Number.isInteger(zoneOffsetMinutes("America/New_York", Date.UTC(1800, 0, 1))));
    // Monrovia kept -0:44:30 until 1972.
    assert.equal(zoneOffsetMinutes("Africa/Monrovia", Date.UTC(1971, 0, 1)), -44.5);
    // An alias and a fixed-offset name go to Intl.
    assert.equal(zoneOffsetMinutes("US/Eastern", Date.UTC(2024, 6, 1)), -240);
    assert.equal(zoneOffsetMinutes("Etc/GMT+5", Date.UTC(2024, 6, 1)), -300);
    // A name no zone file has is read as glibc reads a POSIX TZ string (config-timezone-posix,
    // config-timezone-unknown-name), daylight-saving part included (config-timezone-posix-dst);
    // a malformed rule is read as far as glibc reads it (posix.json), and only a month glibc
    // reads past its table with fails.
    assert.doesNotThrow(() => assertValidZone("Nowhere/Special"));
    assert.equal(zoneOffsetMinutes("Nowhere/Special", Date.UTC(2024, 6, 1)), 0);
    assert.equal(zoneOffsetMinutes("UTC+05:30", Date.UTC(2024, 6, 1)), -330);
    assert.doesNotThrow(() => assertValidZone("CET-1CEST"));
    assert.doesNotThrow(() => assertValidZone("CET-1CEST,foo"));
    assert.equal(zoneOffsetMinutes("CET-1CEST,foo", Date.UTC(2024, 0, 15)), 120);
    assert.throws(() => assertValidZone("CET-1CEST,M13.1.0,M10.5.0"), RangeError);
  } finally {
    useLocalClock(false);
  }
});

test("once Intl is loaded anyway, Intl answers: the clock's switches would only add cost", { skip: process.platform === "win32" && "the clock is not used on Windows" }, () => {
  const saved = process.env.TZ;
  const env = process.env;
  let switches = 0;
  // Count switches of TZ to the zone through a wrapper around process.env.
  const counting = new Proxy(env, { set: (t, k, v) => { if (k === "TZ" && v === "Asia/Tokyo") switches++; return Reflect.set(t, k, v); } });
  useLocalClock(true, Infinity);
  Object.defineProperty(process, "env", { value: counting, configurable: true, writable: true });
  try {
    zoneOffsetMinutes("Asia/Tokyo", Date.UTC(2020, 0, 1));
    assert.equal(switches, 1, "read from the clock");
    markIntlLoaded();
    assert.equal(zoneOffsetMinutes("Asia/Tokyo", Date.UTC(2020, 0, 2)), 540);
    assert.equal(switches, 1, "read from Intl");
  } finally {
    Object.defineProperty(process, "env", { value: env, configurable: true, writable: true });
    useLocalClock(false);
  }
  assert.equal(process.env.TZ, saved);
});
