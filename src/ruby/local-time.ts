// Ruby's Time as Liquid's `date` filter and Jekyll's date filters see it.
//
// - Liquid::Utils.to_date: a Time/Date passes through; "now"/"today" (any case) are Time.now,
//   which in a build is the site's time (host.now()); an all-digit string or an Integer is
//   Time.at(n) in the site's zone; any other string goes through Time.parse; anything else
//   (a Float, an array…) is not a date, and the filter returns its input.
// - Time.parse (time-parse.ts): a string without a zone is a wall-clock reading in the
//   site's timezone (so "2025-05-30" is local midnight, not UTC midnight as in liquidjs); with an
//   offset other than the local one the Time keeps that offset and has no zone name (`%Z` prints
//   nothing); "Z"/"UTC"/"UT"/"-00:00" give a UTC time whose `%Z` is "UTC".
import { parsedZoneName, timeParse, TimeParseError } from "./time-parse.js";
import { JekyllTime, zoneOffsetMinutes } from "./time.js";
import { isDstFlag, zoneAbbreviation } from "./zone-names.js";

/** A Time whose zone name (`%Z`) is known: "" for a bare numeric offset, "UTC", or the local abbreviation. */
export class RubyTime extends JekyllTime {
  constructor(epochMs: number, offsetMinutes: number, readonly zoneName: string, utc = false) {
    super(epochMs, offsetMinutes, false, utc);
  }
}
/** `%Z` of a time: its own zone name when known; a time in the site's zone at that instant is local. */
export function zoneNameOf(t: JekyllTime, siteZone: string | undefined): string {
  if (t instanceof RubyTime) return t.zoneName;
  if (t.dateOnly) return "+00:00";
  if (zoneOffsetMinutes(siteZone, t.epochMs) === t.offsetMinutes) return zoneAbbreviation(siteZone, t.epochMs, t.offsetMinutes);
  return "";
}

/** A Time.local in the site's zone, with its zone name. */
export function localTime(epochMs: number, zone: string | undefined): RubyTime {
  const offset = zoneOffsetMinutes(zone, epochMs);
  return new RubyTime(epochMs, offset, zoneAbbreviation(zone, epochMs, offset));
}

/** Time#localtime: the same instant in the site's zone; a Date becomes local midnight of its day (Date#to_time). */
export function toLocal(t: JekyllTime, zone: string | undefined): RubyTime {
  if (t.dateOnly) {
    const w = t.wall;
    const m = JekyllTime.fromWallClock(w.year, w.month, w.day, 0, 0, 0, 0, zone);
    return localTime(m.epochMs, zone);
  }
  return localTime(t.epochMs, zone);
}

/** Ruby's Time.parse (time-parse.ts) in the site's zone; null where Ruby raises. */
export function parseTime(s: string, zone: string | undefined, nowMs: number): RubyTime | null {
  try {
    const t = timeParse(s, nowMs, zone);
    const time = new RubyTime(t.epochMs, t.offsetSeconds / 60, parsedZoneName(t, zone) ?? "", t.utc);
    if (t.subMs) time.subMs = t.subMs;
    return time;
  } catch (e) {
    if (e instanceof TimeParseError) return null;
    throw e;
  }
}

/** Days before each month's first in a common year (Time#yday). */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * Time#to_a: `[sec, min, hour, day, month, year, wday, yday, isdst, zone]`, which is how Liquid's
 * InputIterator (Kernel#Array) walks a Time: `{{ page.date | join: "," }}` writes
 * "9,5,14,30,5,2025,5,150,true,EDT" in Jekyll. The zone is nil (and isdst false) for a Time with
 * a bare offset, "UTC" for a UTC Time, the local abbreviation for a Time in the site's zone
 * (zoneNameOf); isdst asks the site's zone.
 */
export function timeToA(t: JekyllTime, siteZone: string | undefined): unknown[] {
  const w = t.wall;
  const leap = w.month > 2 && w.year % 4 === 0 && (w.year % 100 !== 0 || w.year % 400 === 0);
  const yday = DAYS_BEFORE_MONTH[w.month - 1]! + w.day + (leap ? 1 : 0);
  const name = zoneNameOf(t, siteZone);
  const isdst = name !== "" && !t.utc && isDstFlag(siteZone, t.epochMs, t.offsetMinutes);
  return [w.second, w.minute, w.hour, w.day, w.month, w.year, w.weekday, yday, isdst, name === "" ? null : name];
}
