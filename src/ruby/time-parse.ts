// Ruby's Time.parse (time.rb of Ruby 3.1) on top of Date._parse (date-parse.ts): how the
// fields found in a string become a Time. What Jekyll's Utils.parse_date and Liquid's `date`
// filter rely on:
// - Missing leading fields come from "now": `10:00` is today at ten, `Aug 23` this year's; after
//   the first field that is given, missing ones are the smallest (month 1, day 1, 00:00:00).
// - A zone Time knows (a numeric `+hh:mm`/`+hhmm`/`+hh`, UTC/GMT/Z, the US and military letters
//   of RFC 822, or the local zone's own abbreviations) fixes the offset; any other zone text is
//   ignored and the time is local (`+5` and `JST` are local times in Ruby, though Date._parse
//   knows them).
// - Fields are checked as Time.utc/Time.local check them: month 1-12, day 1-31, hour 0-24
//   (24 only at 24:00:00), minute 0-59, second 0-60; a day past the month's end rolls into the
//   next month (2024-02-30 is March 1st) — so `2024-02-30 99:99:99` raises, it does not roll.
import { dateParse, DateParseLimitError, fractionDigits, type DateFields } from "./date-parse.js";
import { civilToMs, wallToEpochMs, zoneOffsetMinutes } from "./time.js";
import { zoneAbbreviation } from "./zone-names.js";
import { BuildError } from "../errors.js";

/** A Ruby Time: an instant and its UTC offset, local, UTC, or a fixed offset. */
export interface ParsedTime {
  epochMs: number;
  /** Seconds east of UTC. */
  offsetSeconds: number;
  /** A UTC Time (Time#utc?): prints its zone as `UTC`. */
  utc: boolean;
  /** A Time at a fixed offset other than the local zone's: it has no zone name (`%Z` is empty). */
  fixed: boolean;
  /** The fraction's digits past the milliseconds (JekyllTime#subMs); absent: none. */
  subMs?: string;
  /** 400-year cycles past `epochMs` (JekyllTime#cycles), for a year past a JavaScript Date's range. */
  cycles?: number;
}

/**
 * The years a Date holds with room to spare (its range is -271821 to 275760); a year past them is
 * read up to 400 years inside them.
 */
const FAR_FUTURE_YEAR = 275_000;
const FAR_PAST_YEAR = -271_000;
/** A year past this is no longer exact as a number (Ruby's Integer years have no limit). */
const MAX_EXACT_YEAR = 2 ** 53 - 400 * 700;

/** Time#zone: "UTC", the local zone's abbreviation, or null for a fixed offset. */
export function parsedZoneName(t: ParsedTime, localZone: string | undefined): string | null {
  if (t.utc) return "UTC";
  if (t.fixed) return null;
  return zoneAbbreviation(localZone, t.epochMs, t.offsetSeconds / 60);
}

/** Where Ruby raises ArgumentError: Jekyll turns it into "Invalid date", Liquid's `date` into "not a date". */
export class TimeParseError extends Error {}

const ZONE_HOURS: Record<string, number> = {
  UTC: 0, Z: 0, UT: 0, GMT: 0,
  EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7,
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9, K: 10, L: 11, M: 12,
  N: -1, O: -2, P: -3, Q: -4, R: -5, S: -6, T: -7, U: -8, V: -9, W: -10, X: -11, Y: -12,
};

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function monthDays(y: number, m: number): number | undefined {
  if (m < 1 || m > 12) return undefined;
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1];
}

/** Ruby's Integer#divmod: floored. */
function divmod(a: number, b: number): [number, number] {
  const q = Math.floor(a / b);
  return [q, a - q * b];
}

interface Wall {
  year: number; mon: number; day: number; hour: number; min: number; sec: number; ms: number;
}

function wallOf(epochMs: number, offsetSeconds: number): Wall & { yday: number } {
  const local = epochMs + offsetSeconds * 1000;
  const d = new Date(Math.floor(local / 1000) * 1000);
  const year = d.getUTCFullYear();
  return {
    year, mon: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds(),
    ms: local - Math.floor(local / 1000) * 1000,
    yday: (civilToMs(year, d.getUTCMonth() + 1, d.getUTCDate()) - civilToMs(year, 1, 1)) / 86400000 + 1,
  };
}

/** Time's zone_utc?: the zones that make a UTC Time rather than a local one. */
function isUtcZone(zone: string): boolean {
  return /^(?:-00:00|-0000|-00|UTC|Z|UT)$/i.test(zone);
}

/** Time.zone_offset, plus the local zone's own abbreviations in January and July of `year`. */
export function timeZoneOffset(zone: string, year: number, localZone: string | undefined): number | null {
  const z = zone.toUpperCase();
  let m = /^([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?$/.exec(z);
  if (m) return (m[1] === "-" ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[4])) * 60 + Number(m[5] ?? 0));
  m = /^([+-])(\d\d)$/.exec(z);
  if (m) return (m[1] === "-" ? -1 : 1) * Number(m[2]) * 3600;
  if (Object.prototype.hasOwnProperty.call(ZONE_HOURS, z)) return ZONE_HOURS[z]! * 3600;
  for (const month of [1, 7]) {
    const t = wallToEpochMs(civilToMs(year, month, 1), localZone);
    const offset = zoneOffsetMinutes(localZone, t);
    if (zoneAbbreviation(localZone, t, offset).toUpperCase() === z) return offset * 60;
  }
  return null;
}

/** Time.utc / Time.local's argument checks. */
function checkFields(w: Wall): void {
  if (w.mon < 1 || w.mon > 12) throw new TimeParseError("mon out of range");
  if (w.day < 1) throw new TimeParseError("mday out of range");
  if (w.day > 31 || w.hour < 0 || w.hour > 24) throw new TimeParseError("argument out of range");
  if (w.min < 0 || w.min > 59) throw new TimeParseError("min out of range");
  if (w.sec < 0 || w.sec > 60) throw new TimeParseError("sec out of range");
  if (w.hour === 24 && (w.min > 0 || w.sec > 0)) throw new TimeParseError("sec out of range");
}

/** Time's apply_offset: the wall clock at `off` seconds east, moved to UTC field by field. */
function applyOffset(w: Wall, off: number): Wall {
  let { year, mon, day, hour, min, sec } = w;
  let o: number;
  if (off < 0) {
    off = -off;
    [off, o] = divmod(off, 60);
    if (o !== 0) { sec += o; [o, sec] = divmod(sec, 60); off += o; }
    [off, o] = divmod(off, 60);
    if (o !== 0) { min += o; [o, min] = divmod(min, 60); off += o; }
    [off, o] = divmod(off, 24);
    if (o !== 0) { hour += o; [o, hour] = divmod(hour, 24); off += o; }
    if (off !== 0) {
      day += off;
      const days = monthDays(year, mon);
      if (days !== undefined && days < day) {
        mon += 1;
        if (mon > 12) { mon = 1; year += 1; }
        day = 1;
      }
    }
  } else if (off > 0) {
    [off, o] = divmod(off, 60);
    if (o !== 0) { sec -= o; [o, sec] = divmod(sec, 60); off -= o; }
    [off, o] = divmod(off, 60);
    if (o !== 0) { min -= o; [o, min] = divmod(min, 60); off -= o; }
    [off, o] = divmod(off, 24);
    if (o !== 0) { hour -= o; [o, hour] = divmod(hour, 24); off -= o; }
    if (off !== 0) {
      day -= off;
      if (day < 1) {
        mon -= 1;
        if (mon < 1) { year -= 1; mon = 12; }
        day = monthDays(year, mon)!;
      }
    }
  }
  return { year, mon, day, hour, min, sec, ms: w.ms };
}

interface Request {
  input: string;
  fields: DateFields;
  nowMs: number;
  localZone: string | undefined;
}

function makeTime(r: Request, f: DateFields): ParsedTime {
  const { year, yday, mon, mday, hour, min, sec, sec_fraction: frac, zone } = f;
  if (year === undefined && yday === undefined && mon === undefined && mday === undefined &&
      hour === undefined && min === undefined && sec === undefined && frac === undefined) {
    throw new TimeParseError(`no time information in ${JSON.stringify(r.input)}`);
  }
  const nowLocalOffset = zoneOffsetMinutes(r.localZone, r.nowMs) * 60;
  const offYear = year ?? wallOf(r.nowMs, nowLocalOffset).year;
  let off = zone !== undefined ? timeZoneOffset(zone, offYear, r.localZone) : null;

  if (yday !== undefined) {
    if (yday < 1 || yday > 366) throw new TimeParseError(`yday ${yday} out of range`);
    let m = Math.floor((yday - 1) / 31) + 1;
    let d = ((yday - 1) % 31) + 1;
    const t = makeTime(r, { ...f, yday: undefined, mon: m, mday: d });
    const diff = yday - wallOf(t.epochMs, t.offsetSeconds).yday;
    if (diff === 0) return t;
    d += diff;
    const days = monthDays(offYear, m)!;
    if (d > 28 && d > days) {
      m += 1;
      if (m > 12) throw new TimeParseError(`yday ${yday} out of range`);
      d -= days;
    }
    return makeTime(r, { ...f, yday: undefined, mon: m, mday: d });
  }

  const now = wallOf(r.nowMs, off !== null ? off : nowLocalOffset);
  const w: Partial<Wall> = {};
  const digits = frac && fractionDigits(frac);
  let ms: number | undefined = digits !== undefined ? Number(digits.padEnd(3, "0").slice(0, 3))
    : frac ? Math.floor((frac[0] * 1000) / frac[1]) : undefined;
  // Fill from "now" every field before the first one given.
  fill: {
    if (year !== undefined) break fill; w.year = now.year;
    if (mon !== undefined) break fill; w.mon = now.mon;
    if (mday !== undefined) break fill; w.day = now.day;
    if (hour !== undefined) break fill; w.hour = now.hour;
    if (min !== undefined) break fill; w.min = now.min;
    if (sec !== undefined) break fill; w.sec = now.sec;
    if (frac !== undefined) break fill; ms = now.ms;
  }
  const wall: Wall = {
    year: year ?? w.year ?? 1970, mon: mon ?? w.mon ?? 1, day: mday ?? w.day ?? 1,
    hour: hour ?? w.hour ?? 0, min: min ?? w.min ?? 0, sec: sec ?? w.sec ?? 0, ms: ms ?? 0,
  };
  // Ruby's Time takes any year. One past a Date's range is read as the same day whole 400-year
  // cycles nearer 1970 (the calendar, the weekdays and a zone's yearly rules repeat with them) and
  // keeps the cycles (JekyllTime#cycles). A year a number cannot hold exactly stops the build
  // (a BuildError, not Ruby's ArgumentError: Ruby reads it) rather than print another year.
  if (wall.year > FAR_FUTURE_YEAR || wall.year < FAR_PAST_YEAR) {
    if (!Number.isSafeInteger(wall.year) || Math.abs(wall.year) > MAX_EXACT_YEAR) {
      throw new BuildError(`the year of ${JSON.stringify(r.input)} is past ${MAX_EXACT_YEAR}, more than build-site's dates hold exactly (Ruby's Time reads it)`, {
        hint: "Write a year build-site can hold (one below 2^53), or quote the text if it is no date.",
      });
    }
    // (Into a Date's last 400 years, where a zone follows only its yearly rules, as
    // local-time.ts's localTimeAtSeconds reads such a time.)
    const cycles = wall.year > 1970 ? Math.floor((wall.year - FAR_FUTURE_YEAR) / 400) + 1 : -(Math.floor((FAR_PAST_YEAR - wall.year) / 400) + 1);
    const t = makeTime(r, { ...f, year: wall.year - cycles * 400, mon: wall.mon, mday: wall.day, hour: wall.hour, min: wall.min, sec: wall.sec });
    return { ...t, cycles };
  }
  if (wall.year !== offYear) off = zone !== undefined ? timeZoneOffset(zone, wall.year, r.localZone) : null;

  if (off !== null) {
    const u = applyOffset(wall, off);
    checkFields(u);
    if (Math.abs(off) >= 86400) throw new TimeParseError("utc_offset out of range");
    const epochMs = civilToMs(u.year, u.mon, u.day, u.hour, u.min, u.sec, u.ms);
    if (isUtcZone(zone!)) return { epochMs, offsetSeconds: 0, utc: true, fixed: false };
    // Time prefers the local zone where its offset is the one asked for.
    const local = zoneOffsetMinutes(r.localZone, epochMs);
    return { epochMs, offsetSeconds: off, utc: false, fixed: local * 60 !== off };
  }
  checkFields(wall);
  const epochMs = wallToEpochMs(civilToMs(wall.year, wall.mon, wall.day, wall.hour, wall.min, wall.sec, wall.ms), r.localZone);
  return { epochMs, offsetSeconds: zoneOffsetMinutes(r.localZone, epochMs) * 60, utc: false, fixed: false };
}

/**
 * Time.parse(input, now): `nowMs` is "now" (the build's time), `localZone` the zone Ruby's local
 * time is in (the site's `timezone`; undefined: the process's). Throws TimeParseError where Ruby
 * raises ArgumentError.
 */
export function timeParse(input: string, nowMs: number, localZone: string | undefined): ParsedTime {
  let fields: DateFields;
  try {
    fields = dateParse(input, true);
  } catch (e) {
    if (e instanceof DateParseLimitError) throw new TimeParseError(e.message);
    throw e;
  }
  const t = makeTime({ input, fields, nowMs, localZone }, fields);
  const digits = fields.sec_fraction && fractionDigits(fields.sec_fraction);
  if (digits && digits.length > 3) t.subMs = subMillisecondDigits(digits);
  return t;
}

/** The digits of a second's fraction past the milliseconds, trailing zeros dropped ("123456700" → "4567"). */
export function subMillisecondDigits(digits: string): string {
  return digits.slice(3).replace(/0+$/, "");
}
