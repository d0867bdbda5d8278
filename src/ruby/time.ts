// Ruby's Time and Date, as Jekyll hands them to Liquid.
//
// A JavaScript Date is an instant with no zone; Ruby's Time is an instant *with* a UTC offset,
// and that offset shows whenever Jekyll prints a time: `{{ page.date }}` writes
// `2025-05-30 00:00:00 +0800` in the site's `timezone`, and a front matter time written with its
// own offset (`2025-05-30 14:05:09 -0500`) keeps that offset. A YAML date without a time
// (`2025-05-30`) is a Ruby Date, which prints as `2025-05-30`.

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    offsetFormatters.set(zone, f);
    intlLoaded = true;
  }
  return f;
}

/** Throws a RangeError for a zone name the runtime does not know. */
export function assertValidZone(zone: string): void {
  if (UTC_ZONES.has(zone) || clockZones().has(zone)) return;
  posixZone(zone);
}

/**
 * A zone read from a POSIX TZ string: its standard time's `%Z` name and offset, and its
 * daylight-saving time when it has one ("EST5EDT,M3.2.0,M11.1.0", "CET-1CEST").
 */
export interface PosixZone {
  name: string;
  offsetMinutes: number;
  dst?: {
    name: string;
    offsetMinutes: number;
    /** When daylight saving time starts and ends; null: glibc's default rules (posixrules). */
    rules: { start: PosixRule; end: PosixRule } | null;
  };
}

/** A POSIX TZ transition: a day (`Jn`, `n` or `Mm.w.d`) and a local time of day in seconds. */
interface PosixRule {
  kind: "J" | "n" | "M";
  day: number;
  month: number;
  week: number;
  seconds: number;
}

const posixZones = new Map<string, PosixZone | null>();

// `std offset [dst [offset] [,start[/time],end[/time]]]`: a name is three or more letters, or
// three or more letters, digits, `+` and `-` in `<…>` (glibc's parse_tzname: a shorter one is
// no name, "<+3>-3" is UTC); an offset is [+-]hh[:mm[:ss]], west of UTC, of any number of
// digits; a rule's time may be negative or past 24 h (glibcRule).
const POSIX_NAME = /^(?:<([A-Za-z0-9+-]{3,})>|([A-Za-z]{3,}))/;
const POSIX_OFFSET = /^([+-]?)(\d+)(?::(\d+)(?::(\d+))?)?/;

/** Digits as sscanf's %hu stores them: an unsigned short, wrapped past 65535. */
function unsignedShort(digits: string): number {
  let value = 0;
  for (const d of digits) value = (value * 10 + Number(d)) % 65536;
  return value;
}

/**
 * The seconds west of UTC an offset says, as glibc's parse_offset and compute_offset read it:
 * each field an unsigned short, then hours past 24 and minutes or seconds past 59 taken as 24
 * and 59 ("ABC-100" is 24 hours east, "ABC-1:70" 1:59).
 */
function posixSeconds(m: RegExpExecArray, at: number): number {
  const seconds = Math.min(unsignedShort(m[at + 1]!), 24) * 3600 + Math.min(unsignedShort(m[at + 2] ?? "0"), 59) * 60 + Math.min(unsignedShort(m[at + 3] ?? "0"), 59);
  return m[at] === "-" ? -seconds : seconds;
}

/** A rule glibc has not read: its tz_rules entry as memset left it, day 0 (`n` form) at midnight. */
function unsetRule(): PosixRule {
  return { kind: "n", day: 0, month: 0, week: 0, seconds: 0 };
}

/** Unsigned digits at the start of `text` (sscanf's %hu, strtoul): the value and how many characters. */
function leadingNumber(text: string): { value: number; length: number } | null {
  const m = /^\d+/.exec(text);
  return m ? { value: Number(m[0]), length: m[0].length } : null;
}

/**
 * glibc's parse_rule (tzset.c, 2.36), read as leniently as it reads it: a `,` before the rule is
 * optional; on a malformed rule it stops with false, leaving in the rule the fields it had already
 * set (a month read before a bad week stays, the time of day stays 0), and tzset keeps using them
 * ("CET-1CEST,foo" has two unset rules, both Jan 1 at midnight: daylight time all year). Nothing
 * (the end of the string) is New York's rule of 2007 (M3.2.0 / M11.1.0). A month outside 1-12,
 * which glibc reads past its month table with, is refused (undefined).
 */
function glibcRule(text: string, which: 0 | 1): { rule: PosixRule; ok: boolean; rest: string } | undefined {
  const rule = unsetRule();
  let i = text.startsWith(",") ? 1 : 0;
  const fail = () => ({ rule, ok: false, rest: text.slice(i) });
  const c = text[i];
  if (c === "J" || (c !== undefined && /\d/.test(c))) {
    rule.kind = c === "J" ? "J" : "n";
    if (c === "J") i++;
    const n = leadingNumber(text.slice(i));
    if (!n) return fail();
    if (n.value > 365 || (rule.kind === "J" && n.value === 0)) return fail();
    rule.day = n.value;
    i += n.length;
  } else if (c === "M") {
    rule.kind = "M";
    i++;
    // sscanf("M%hu.%hu.%hu"): each field is kept once read, before the ranges are checked.
    const fields: number[] = [];
    for (let f = 0; f < 3; f++) {
      if (f > 0) {
        if (text[i] !== ".") break;
        i++;
      }
      const n = leadingNumber(text.slice(i));
      if (!n) break;
      fields.push(n.value);
      i += n.length;
    }
    [rule.month = 0, rule.week = 0, rule.day = 0] = fields;
    if (rule.month < 1 || rule.month > 12) return undefined;
    if (fields.length < 3 || rule.week < 1 || rule.week > 5 || rule.day > 6) return fail();
  } else if (c === undefined) {
    Object.assign(rule, which === 0 ? { kind: "M", month: 3, week: 2, day: 0 } : { kind: "M", month: 11, week: 1, day: 0 });
  } else {
    return fail();
  }
  if (text[i] !== undefined && text[i] !== "/" && text[i] !== ",") return fail();
  if (text[i] === "/") {
    i++;
    if (text[i] === undefined) return fail();
    const negative = text[i] === "-";
    if (negative) i++;
    // sscanf("%hu:%hu:%hu") from a default of 2:00:00; what it cannot read is left unread.
    const time = [2, 0, 0];
    for (let f = 0; f < 3; f++) {
      const sep = f > 0 ? (text[i] === ":" ? 1 : -1) : 0;
      if (sep < 0) break;
      const n = leadingNumber(text.slice(i + sep));
      if (!n) break;
      time[f] = n.value;
      i += sep + n.length;
    }
    rule.seconds = (negative ? -1 : 1) * (time[0]! * 3600 + time[1]! * 60 + time[2]!);
  } else {
    rule.seconds = 7200;
  }
  return { rule, ok: true, rest: text.slice(i) };
}

/**
 * How glibc reads a `TZ` (Jekyll sets ENV["TZ"] to the site's `timezone`) that names no zone file:
 * as a POSIX TZ string, a name of three or more letters (or `<…>`) and an offset west of UTC:
 * "UTC+8" is 8 hours *behind* UTC, named UTC, and "UTC+05:30" -05:30. Where no offset follows the
 * name ("Nowhere/City") the zone is UTC under that name; with no name at all ("+08:00") it is UTC
 * with an empty name. A daylight-saving part follows: its name, its offset (one hour east of the
 * standard one by default) and the days it starts and ends ("EST5EDT,M3.2.0,M11.1.0":
 * second Sunday of March to first Sunday of November, at 02:00 local time by default); without
 * the days glibc takes New York's transitions from its posixrules file (see posixIsDst). null for
 * a zone ICU knows by name; a RangeError for what glibc would not read either.
 */
export function posixZone(zone: string): PosixZone | null {
  // (Names the clock or UTC_ZONES know are zone files: no Intl formatter is made for them here.)
  if (UTC_ZONES.has(zone) || clockZones().has(zone)) return null;
  let known = posixZones.get(zone);
  if (known !== undefined) return known;
  try {
    formatterFor(zone);
    known = null;
  } catch (e) {
    known = parsePosixZone(zone);
    if (known === undefined) throw e;
  }
  posixZones.set(zone, known);
  return known;
}

function parsePosixZone(zone: string): PosixZone | undefined {
  const named = POSIX_NAME.exec(zone);
  if (!named) return { name: "", offsetMinutes: 0 };
  const name = named[1] ?? named[2]!;
  let rest = zone.slice(named[0].length);
  const offset = POSIX_OFFSET.exec(rest);
  if (!offset) return { name, offsetMinutes: 0 };
  const std: PosixZone = { name, offsetMinutes: -posixSeconds(offset, 1) / 60 };
  rest = rest.slice(offset[0].length);
  if (rest === "") return std;
  // glibc's __tzset_parse_tz: a daylight name, else an unnamed daylight time at UTC; its offset,
  // else (a sign alone is taken) one hour east of standard time; no rules after it: posixrules;
  // then the rules, as far as they read (glibcRule), the second only after the first.
  const dst = { name: "", offsetMinutes: 0, rules: null as { start: PosixRule; end: PosixRule } | null };
  const dstNamed = POSIX_NAME.exec(rest);
  if (dstNamed) {
    dst.name = dstNamed[1] ?? dstNamed[2]!;
    rest = rest.slice(dstNamed[0].length);
    const own = POSIX_OFFSET.exec(rest);
    if (own) {
      dst.offsetMinutes = -posixSeconds(own, 1) / 60;
      rest = rest.slice(own[0].length);
    } else {
      dst.offsetMinutes = std.offsetMinutes + 60;
      if (/^[+-]/.test(rest)) rest = rest.slice(1);
    }
    if (rest === "" || rest === ",") {
      std.dst = dst;
      return std;
    }
  }
  const start = glibcRule(rest, 0);
  const end = start?.ok ? glibcRule(start.rest, 1) : { rule: unsetRule() };
  if (!start || !end) return undefined;
  dst.rules = { start: start.rule, end: end.rule };
  std.dst = dst;
  return std;
}

/** The UTC instant (ms) a rule names in `year`, its time of day read at `offsetMinutes`. */
function posixTransition(rule: PosixRule, year: number, offsetMinutes: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  let dayOfYear: number;
  if (rule.kind === "J") dayOfYear = rule.day - 1 + (leap && rule.day >= 60 ? 1 : 0);
  else if (rule.kind === "n") dayOfYear = rule.day;
  else {
    // Day `day` (0 Sunday) of week `week` of the month; week 5 is the month's last such day.
    const first = civilToMs(year, rule.month, 1, 0, 0, 0);
    const firstWeekday = new Date(first).getUTCDay();
    const monthDays = new Date(Date.UTC(2000, rule.month, 0)).getUTCDate() + (rule.month === 2 && !leap ? -1 : 0);
    // (glibc's loop: the first such weekday, then a week more per week asked while the month lasts.)
    let day = rule.day - firstWeekday;
    if (day < 0) day += 7;
    for (let i = 1; i < rule.week && day + 7 < monthDays; i++) day += 7;
    dayOfYear = (first - civilToMs(year, 1, 1, 0, 0, 0)) / DAY_MS + day;
  }
  // glibc's compute_change counts the days from 1970 only for later years: a year before 1970
  // has its rule days added to 1970-01-01, so such an instant comes before both transitions
  // (never daylight time in the north, always in the south).
  const yearStart = year > 1970 ? civilToMs(year, 1, 1, 0, 0, 0) : 0;
  return yearStart + dayOfYear * DAY_MS + rule.seconds * 1000 - offsetMinutes * 60000;
}

/**
 * Whether a POSIX zone with a daylight part is in daylight saving time at `epochMs`, as glibc's
 * tzset decides: the transitions of the instant's (UTC) year, the start read in standard time and
 * the end in daylight time; southern zones (start after end) are in it outside [end, start).
 * Without rules ("CET-1CEST") glibc takes New York's transitions from its default rules file,
 * posixrules (Debian links it to America/New_York), and moves them, as measured with Jekyll's
 * Ruby (glibc 2.36, ENV["TZ"] set after the process has read a zone, as Jekyll does): each start
 * of daylight time by the difference of the two standard offsets (CET's comes 6 hours after New
 * York's, in UTC), each end by the daylight offset (CEST's 2 hours after New York's). New York's
 * offsets come from the runtime's zone data. Past the file's last transition see
 * POSIX_RULES_FOOTER.
 */
function posixIsDst(zone: PosixZone, epochMs: number): boolean {
  const dst = zone.dst!;
  if (!dst.rules) {
    const startShift = (zone.offsetMinutes + 300) * 60000;
    const endShift = dst.offsetMinutes * 60000;
    const nyDst = (t: number) => zoneOffsetMinutes("America/New_York", t) === -240;
    // In daylight time over [start + startShift, end + endShift) of each New York summer.
    return startShift <= endShift ? nyDst(epochMs - startShift) || nyDst(epochMs - endShift) : nyDst(epochMs - startShift) && nyDst(epochMs - endShift);
  }
  const year = new Date(epochMs).getUTCFullYear();
  const start = posixTransition(dst.rules.start, year, zone.offsetMinutes);
  const end = posixTransition(dst.rules.end, year, dst.offsetMinutes);
  return start > end ? epochMs < end || epochMs >= start : epochMs >= start && epochMs < end;
}

/**
 * After the last transition of Debian's posixrules file (New York's, 2037-11-01 06:00 UTC) glibc
 * follows the file's own TZ string, names and offsets included: a zone without rules
 * ("CET-1CEST") is then New York's EST/EDT, as Jekyll prints it.
 */
const POSIX_RULES_END = Date.UTC(2037, 10, 1, 6);
const POSIX_RULES_FOOTER = "EST5EDT,M3.2.0,M11.1.0";

/** A POSIX zone's name, UTC offset and daylight-saving flag at an instant. */
export function posixZoneAt(zone: PosixZone, epochMs: number): { name: string; offsetMinutes: number; dst: boolean } {
  if (zone.dst && !zone.dst.rules && epochMs >= POSIX_RULES_END) return posixZoneAt(parsePosixZone(POSIX_RULES_FOOTER)!, epochMs);
  if (zone.dst && posixIsDst(zone, epochMs)) return { name: zone.dst.name, offsetMinutes: zone.dst.offsetMinutes, dst: true };
  return { name: zone.name, offsetMinutes: zone.offsetMinutes, dst: false };
}

// The first Intl.DateTimeFormat of a process costs 20-30 ms (ICU's locale data and pattern
// generator, whatever the zone: bench/PROFILE.md, "Cold builds"), a tenth of a small site's cold
// build. Two ways around it, both giving Intl's answers exactly:
// - zones that are UTC under another name have offset 0 at every instant;
// - for a named zone, V8's own local clock reads the same ICU zone data: with `TZ` set to the zone,
//   `Date#getTimezoneOffset` is the zone's offset (as Jekyll itself sets ENV["TZ"]). Switching
//   `TZ` costs ~55 us (libc's tzset, V8's date cache), so it is used for a few readings only —
//   a small site's — and Intl takes over after CLOCK_READINGS; and only between 1973 and 2100:
//   before 1973 some zones' offsets have seconds (local mean time, Monrovia until 1972), which
//   the local clock rounds to minutes. `TZ` is put back at once, synchronously.
// `TZ` is process-wide state: only the CLI's main thread uses the clock (useLocalClock), never a
// worker (a worker's process.env is its own copy, which V8's clock does not read) or a library
// caller that may run its own dates concurrently.
const UTC_ZONES = new Set([
  "UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "GMT", "Etc/GMT",
  "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "GMT+0", "GMT-0", "Etc/Greenwich", "Greenwich",
]);
const CLOCK_FROM = Date.UTC(1973, 0, 1);
const CLOCK_UNTIL = Date.UTC(2100, 0, 1);
const CLOCK_READINGS = 64;
let clockAllowed = false;
/**
 * An Intl.DateTimeFormat has been made since useLocalClock: ICU's data is loaded, another costs
 * ~0.4 ms, and the clock's switches of TZ would only add cost.
 */
let intlLoaded = false;
let clockReadings = 0;
let clockReadingsMax = CLOCK_READINGS;
let clockZoneNames: Set<string> | undefined;

/**
 * Lets zone offsets be read from V8's local clock (above); the CLI calls it on its main thread.
 * `readings`: how many switches of `TZ` before Intl takes over (tests raise it).
 */
export function useLocalClock(allowed = true, readings = CLOCK_READINGS): void {
  clockAllowed = allowed && process.platform !== "win32";
  clockReadings = 0;
  clockReadingsMax = readings;
  intlLoaded = false;
  recentOffsets.clear();
}

/** Another Intl.DateTimeFormat was made (zone-names.ts: a zone whose abbreviation only ICU knows). */
export function markIntlLoaded(): void {
  intlLoaded = true;
}

const NO_ZONES: ReadonlySet<string> = new Set();

/** Zone names the local clock may be switched to: ICU's canonical names (letters, `/`, `_`, `-` only). */
function clockZones(): ReadonlySet<string> {
  if (!clockAllowed) return NO_ZONES;
  clockZoneNames ??= new Set(Intl.supportedValuesOf("timeZone").filter((z) => /^[A-Za-z]+(?:\/[A-Za-z_-]+)+$/.test(z)));
  return clockZoneNames;
}

/** The zone's offset in minutes read from the local clock, or undefined where Intl must answer. */
function clockOffsetMinutes(zone: string, epochMs: number): number | undefined {
  if (!clockAllowed || intlLoaded || epochMs < CLOCK_FROM || epochMs >= CLOCK_UNTIL) return undefined;
  const saved = process.env.TZ;
  // 0 - x, not -x: an offset of zero is +0, as Intl's arithmetic gives it.
  if (saved === zone) return 0 - new Date(epochMs).getTimezoneOffset();
  if (clockReadings >= clockReadingsMax || !clockZones().has(zone)) return undefined;
  clockReadings++;
  process.env.TZ = zone;
  try {
    return 0 - new Date(epochMs).getTimezoneOffset();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

const DAY_MS = 86400000;
/** Seconds in 400 Gregorian years, after which the calendar and the weekdays repeat. */
export const CYCLE_SECONDS = 146097n * 86400n;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date; a day past the month's end runs into the next
 * month (Ruby's Time.utc/Time.local accept days up to 31: 2024-02-30 is March 1st). Unlike
 * Date.UTC, years 0-99 are not taken for 1900-1999.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A wall-clock reading taken as UTC, in milliseconds since the epoch (overflowing fields carry). */
export function civilToMs(
  year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0,
): number {
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
}

/**
 * UTC offset in minutes (east positive) of `zone` at `epochMs`; no zone means the process's local
 * zone. Exact: before a zone's first standard time its local mean time has seconds
 * (New York: -4:56:02, a fractional number of minutes), as Ruby reports.
 */
export function zoneOffsetMinutes(zone: string | undefined, epochMs: number): number {
  if (!zone) return -new Date(epochMs).getTimezoneOffset();
  if (UTC_ZONES.has(zone)) return 0;
  // Reading a date asks for the same few instants several times (the parse, the Time it makes,
  // its zone name), and each answer costs an Intl call: the last answers are kept.
  const key = `${zone}|${epochMs}`;
  const known = recentOffsets.get(key);
  if (known !== undefined) return known;
  const posix = posixZone(zone);
  const offset = posix ? posixZoneAt(posix, epochMs).offsetMinutes : clockOffsetMinutes(zone, epochMs) ?? intlOffsetMinutes(zone, epochMs);
  if (recentOffsets.size >= 1024) recentOffsets.clear();
  recentOffsets.set(key, offset);
  return offset;
}

const recentOffsets = new Map<string, number>();

function intlOffsetMinutes(zone: string, epochMs: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const era = parts.find((p) => p.type === "era")?.value;
  // ICU writes years before 1 as a BC era year: 1 BC is year 0.
  const year = era === "BC" || era === "B" ? 1 - get("year") : get("year");
  const asUtc = civilToMs(year, get("month"), get("day"), get("hour"), get("minute"), get("second"));
  const whole = Math.floor(epochMs / 1000) * 1000;
  return (asUtc - whole) / 60000;
}

/**
 * The instant a wall-clock reading (`wallMs`, the reading taken as UTC) names in `zone`, the way
 * Ruby's Time.local settles it: in a daylight-saving gap the clock reading is taken with the offset
 * in force before the change (02:30 on a spring-forward night in New York is 03:30 EDT); a reading
 * that happens twice (autumn) is the later, standard-time one.
 */
export function wallToEpochMs(wallMs: number, zone: string | undefined): number {
  const before = zoneOffsetMinutes(zone, wallMs - 2 * DAY_MS);
  const after = zoneOffsetMinutes(zone, wallMs + 2 * DAY_MS);
  const candidates = before === after ? [before] : [before, after];
  let best: number | undefined;
  for (const offset of candidates) {
    const t = wallMs - offset * 60000;
    if (zoneOffsetMinutes(zone, t) === offset && (best === undefined || t > best)) best = t;
  }
  if (best !== undefined) return best;
  // Neither offset reproduces the reading: a gap, or a change of offset within the two days
  // that is not at this reading; settle on the offset found at the first guess.
  let t = wallMs - before * 60000;
  const found = zoneOffsetMinutes(zone, t);
  if (found !== before && before === after) t = wallMs - found * 60000;
  return t;
}

/** A year as Ruby's Time#to_s writes it: four digits at least, and a minus sign before 1 BC (year 0). */
export function yearString(year: number): string {
  return year < 0 ? `-${String(-year).padStart(4, "0")}` : String(year).padStart(4, "0");
}

/** Each JekyllTime's wall clock, once worked out (kept outside the instance, which stays a plain value for equality checks). */
const walls = new WeakMap<JekyllTime, Readonly<WallClock>>();

export class JekyllTime {
  /**
   * @param dateOnly a Ruby Date (prints without time); otherwise a Ruby Time
   * @param utc a Ruby UTC Time (YAML `…Z`): prints its zone as `UTC` instead of `+0000`
   */
  constructor(
    readonly epochMs: number,
    readonly offsetMinutes: number,
    readonly dateOnly = false,
    readonly utc = false,
  ) {}

  /**
   * The digits of the fraction of a second past the milliseconds, trailing zeros dropped: "456789"
   * for `07:08:09.123456789` (the 123 are in epochMs). Ruby's Time keeps its fraction exactly (a
   * Rational: Psych's parse_time and Time.parse take every digit written), and `%N`, `%6N`… and
   * `inspect` print it. Set once by the parsers that read such a fraction; "" for every other time.
   */
  subMs = "";

  /**
   * Whole Gregorian cycles of 400 years (146097 days, a whole number of weeks) this time lies past
   * `epochMs`, for a Time beyond a JavaScript Date's range (Time.at of a big Integer: Ruby's Time
   * has no limit). `epochMs` is then the instant as many cycles nearer 1970 and `wall` adds the
   * years back: the calendar and the weekdays repeat each cycle, and so does the zone's offset
   * that far out (see local-time.ts, localTimeAtSeconds). 0 for every other time.
   */
  cycles = 0;

  /** The instant `epochMs` seen in `zone` (the site's timezone, or the process's local zone). */
  static at(epochMs: number, zone?: string): JekyllTime {
    return new JekyllTime(epochMs, zoneOffsetMinutes(zone, epochMs));
  }

  static now(zone?: string): JekyllTime {
    return JekyllTime.at(Date.now(), zone);
  }

  /** A wall-clock reading in `zone` (what Ruby's Time.local does with ENV['TZ'] set). */
  static fromWallClock(
    year: number, month: number, day: number,
    hour = 0, minute = 0, second = 0, millisecond = 0,
    zone?: string,
  ): JekyllTime {
    const epochMs = wallToEpochMs(civilToMs(year, month, day, hour, minute, second, millisecond), zone);
    return new JekyllTime(epochMs, zoneOffsetMinutes(zone, epochMs));
  }

  /** A wall-clock reading with an explicit offset in minutes. */
  static withOffset(
    year: number, month: number, day: number,
    hour: number, minute: number, second: number, millisecond: number,
    offsetMinutes: number,
  ): JekyllTime {
    const utc = civilToMs(year, month, day, hour, minute, second, millisecond);
    return new JekyllTime(utc - offsetMinutes * 60000, offsetMinutes);
  }

  /** A Ruby Date: midnight of that day in `zone`, printed without a time. */
  static date(year: number, month: number, day: number, zone?: string): JekyllTime {
    const t = JekyllTime.fromWallClock(year, month, day, 0, 0, 0, 0, zone);
    return new JekyllTime(t.epochMs, t.offsetMinutes, true);
  }

  /** The same instant seen in another zone (Ruby's Time#getlocal after ENV['TZ'] changes). */
  inZone(zone?: string): JekyllTime {
    const t = new JekyllTime(this.epochMs, zoneOffsetMinutes(zone, this.epochMs), this.dateOnly);
    t.subMs = this.subMs;
    t.cycles = this.cycles;
    return t;
  }

  /** As a Ruby Time (Jekyll's Utils.parse_date turns front matter Dates into Times). */
  asTime(): JekyllTime {
    if (!this.dateOnly) return this;
    // (A Date has no fraction of a second.)
    const t = new JekyllTime(this.epochMs, this.offsetMinutes, false, this.utc);
    t.cycles = this.cycles;
    return t;
  }

  /** Whole seconds since the epoch, exact (a bigint) for a time past a Date's range. */
  epochSeconds(): number | bigint {
    const seconds = Math.floor(this.epochMs / 1000);
    return this.cycles === 0 ? seconds : BigInt(seconds) + BigInt(this.cycles) * CYCLE_SECONDS;
  }

  /**
   * The wall clock at this instant and offset. A JekyllTime never changes, and pages ask it again
   * and again (permalinks, `date` filters, `{{ page.date }}`), so it is worked out once; the
   * object is frozen because every caller shares it.
   */
  get wall(): Readonly<WallClock> {
    let w = walls.get(this);
    if (!w) walls.set(this, (w = Object.freeze(this.computeWall())));
    return w;
  }

  private computeWall(): WallClock {
    const d = new Date(this.epochMs + this.offsetMinutes * 60000);
    return {
      year: d.getUTCFullYear() + this.cycles * 400,
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    };
  }

  /** `+0800`, or with a colon: `+08:00` (an offset's seconds are not shown, as in Ruby). */
  offsetString(colon = false): string {
    const sign = this.offsetMinutes < 0 ? "-" : "+";
    const abs = Math.floor(Math.abs(this.offsetMinutes));
    const hh = String(Math.floor(abs / 60)).padStart(2, "0");
    const mm = String(abs % 60).padStart(2, "0");
    return colon ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
  }

  toDate(): Date {
    return new Date(this.epochMs);
  }

  /**
   * Time#<=>: -1, 0 or 1. Exact also for times past a Date's range, whose cycles may be counted
   * from different places (a parsed year, Time.at of a number).
   */
  static compare(a: JekyllTime, b: JekyllTime): number {
    if (a.cycles === 0 && b.cycles === 0) return a.epochMs < b.epochMs ? -1 : a.epochMs > b.epochMs ? 1 : 0;
    const at = (t: JekyllTime) => BigInt(Math.floor(t.epochMs)) + BigInt(t.cycles) * CYCLE_SECONDS * 1000n;
    const x = at(a), y = at(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  valueOf(): number {
    return this.cycles === 0 ? this.epochMs : this.epochMs + this.cycles * Number(CYCLE_SECONDS) * 1000;
  }

  /** Ruby's Time#to_s (`2025-05-30 14:05:09 +0800`), or Date#to_s (`2025-05-30`). */
  toString(): string {
    const w = this.wall;
    const p = (n: number, l = 2) => String(n).padStart(l, "0");
    const day = `${yearString(w.year)}-${p(w.month)}-${p(w.day)}`;
    if (this.dateOnly) return day;
    return `${day} ${p(w.hour)}:${p(w.minute)}:${p(w.second)} ${this.utc ? "UTC" : this.offsetString()}`;
  }

  /** Ruby's Time#xmlschema / Date#iso8601, which is what `jsonify` and `date_to_xmlschema` write. */
  toISO(): string {
    const w = this.wall;
    const p = (n: number, l = 2) => String(n).padStart(l, "0");
    const day = `${yearString(w.year)}-${p(w.month)}-${p(w.day)}`;
    if (this.dateOnly) return day;
    return `${day}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}${this.utc ? "Z" : this.offsetString(true)}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
