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
import { CYCLE_SECONDS, daysFromCivil, JekyllTime, zoneOffsetMinutes } from "./time.js";
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

/** Largest span of a JavaScript Date: 100,000,000 days either side of 1970 (about 273,790 years). */
const DATE_LIMIT_SECONDS = 8.64e12;
const CYCLE = Number(CYCLE_SECONDS);
/** Beyond this many cycles a year is past 2^53 and no longer exact as a number. */
const MAX_CYCLES = Math.floor(2 ** 53 / 400) - 1000;

/**
 * Time.at(seconds) in the site's zone. Ruby's Time has no limit; a Date stops at about 275,760
 * years either side of 1970. Past that (from its last 400 years on) the time is kept as the
 * instant whole 400-year cycles nearer, a cycle short of a Date's end (JekyllTime#cycles), and
 * read there. Ruby (and glibc)
 * get the same wall clock and offset: far in the future a zone follows its last, yearly rules
 * (glibc's TZ string; beyond what glibc reads, Ruby's guess_local_offset takes a year before 2038
 * with the same calendar), which repeat with the calendar; far in the past it keeps its first
 * (local mean) offset. null past a year of 2^53, which a number cannot hold exactly.
 */
export function localTimeAtSeconds(seconds: number | bigint, zone: string | undefined): RubyTime | null {
  const whole = typeof seconds === "bigint" ? seconds : BigInt(seconds);
  const abs = whole < 0n ? -whole : whole;
  // (Within a Date's last cycle the zone's name would be looked up at a wall clock past its end.)
  if (abs <= BigInt(DATE_LIMIT_SECONDS - CYCLE)) return localTime(Number(whole) * 1000, zone);
  // Cycles that bring the instant within a Date's range, a cycle short of its end.
  let cycles = (abs - BigInt(DATE_LIMIT_SECONDS - CYCLE)) / CYCLE_SECONDS + 1n;
  if (cycles > BigInt(MAX_CYCLES)) return null;
  if (whole < 0n) cycles = -cycles;
  const ms = Number(whole - cycles * CYCLE_SECONDS) * 1000;
  const year = new Date(ms).getUTCFullYear();
  let t: RubyTime;
  if (glibcYearOverflows(year + Number(cycles) * 400)) {
    // The zone's state on January 1st of the year, all year (see glibcYearOverflows).
    const january = Date.UTC(2000, 0, 1, 12) + (daysFromCivil(year, 1, 1) - daysFromCivil(2000, 1, 1)) * 86400000;
    const offset = zoneOffsetMinutes(zone, january);
    t = new RubyTime(ms, offset, zoneAbbreviation(zone, january, offset));
  } else t = localTime(ms, zone);
  t.cycles = Number(cycles);
  return t;
}

/** The last year glibc's localtime gives (its tm_year, an int, counts from 1900); Ruby guesses past it. */
const GLIBC_LAST_YEAR = 2 ** 31 - 1 + 1900;

/**
 * Whether glibc gets daylight saving time wrong in a UTC year, as Ruby's Time shows it: the day
 * count of January 1st from 1970 that tzset's compute_change works out for a zone's yearly rules
 * (a zone file's TZ string past its last transition, or a POSIX TZ) is an int and wraps from
 * about year 5,881,580 on, which puts both of the year's changes long before any instant of it.
 * The zone then stays all year as it is on January 1st: standard time in the north, daylight
 * time in the south (Australia/Sydney is AEDT in May of year 492937902). Past GLIBC_LAST_YEAR
 * Ruby's guess_local_offset reads a year before 2038 with the same calendar instead, and the
 * yearly rules hold again.
 */
function glibcYearOverflows(year: number): boolean {
  if (year <= 1970 || year > GLIBC_LAST_YEAR) return false;
  const y = year - 1;
  const days = (year - 1970) * 365 + (Math.floor(y / 4) - 492) - (Math.floor(y / 100) - 19) + (Math.floor(y / 400) - 4);
  return days > 2 ** 31 - 1;
}

/** Time#localtime: the same instant in the site's zone; a Date becomes local midnight of its day (Date#to_time). */
export function toLocal(t: JekyllTime, zone: string | undefined): RubyTime {
  if (t.dateOnly) {
    const w = t.wall;
    const m = JekyllTime.fromWallClock(w.year, w.month, w.day, 0, 0, 0, 0, zone);
    return localTime(m.epochMs, zone);
  }
  if (t.cycles !== 0) return localTimeAtSeconds(t.epochSeconds(), zone)!;
  const local = localTime(t.epochMs, zone);
  return local;
}

/**
 * A local wall clock far past a Date's range (parsed `time`, read in the cycles near a Date's
 * end) at the offset Ruby's Time.local gives it: the one localTimeAtSeconds finds at that instant,
 * which past glibc's day-count overflow is the zone's January offset all year.
 */
function farLocalTime(time: RubyTime, zone: string | undefined): RubyTime {
  let seen = localTimeAtSeconds(time.epochSeconds(), zone)!;
  if (seen.offsetMinutes === time.offsetMinutes) return time;
  const moved = new RubyTime(time.epochMs + (time.offsetMinutes - seen.offsetMinutes) * 60000, seen.offsetMinutes, seen.zoneName);
  moved.cycles = time.cycles;
  moved.subMs = time.subMs;
  seen = localTimeAtSeconds(moved.epochSeconds(), zone)!;
  return seen.offsetMinutes === moved.offsetMinutes ? moved : time;
}

/** Ruby's Time.parse (time-parse.ts) in the site's zone; null where Ruby raises. */
export function parseTime(s: string, zone: string | undefined, nowMs: number): RubyTime | null {
  try {
    const t = timeParse(s, nowMs, zone);
    const time = new RubyTime(t.epochMs, t.offsetSeconds / 60, parsedZoneName(t, zone) ?? "", t.utc);
    if (t.subMs) time.subMs = t.subMs;
    if (t.cycles) {
      time.cycles = t.cycles;
      if (!t.utc && !t.fixed) return farLocalTime(time, zone);
    }
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
