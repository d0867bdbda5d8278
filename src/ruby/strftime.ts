// Ruby's Time#strftime / Date#strftime in the C locale (Ruby's strftime.c), every directive Ruby
// knows, with its flags (`-` no padding, `_` spaces, `0` zeros, `^` upcase, `#` change case),
// widths (`%10A`, `%3N`), colons (`%:z`, `%::z`, `%:::z`) and the ignored locale modifiers E and O
// (`%Ey` is `%y`). What Ruby does not read as a directive is written as typed (`%Q`, `%5-d`), and
// a format that ends inside a directive (`%`, `100%`, `%-`, `%10`) is Ruby's ArgumentError
// "invalid format: …" (Liquid's `date` filter turns it into a Liquid error, fatal in Jekyll).
// Pinned by test/golden/dates (the "strftime" formats). Written for speed: each format is parsed
// once, no Intl, no Date objects beyond one for the wall clock.
import { daysFromCivil, type JekyllTime } from "./time.js";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export interface StrftimeTime {
  year: number; month: number; day: number;
  hour: number; minute: number; second: number; millisecond: number;
  /** The fraction's digits past the milliseconds (JekyllTime#subMs): `%N` prints them. */
  subMs: string;
  weekday: number;
  /** Seconds since the epoch (a bigint past a Date's range: JekyllTime#cycles). */
  epochSeconds: number | bigint;
  offsetMinutes: number;
  /** `%Z` */
  zoneName: string;
  /** A Ruby Date (Date#strftime, a dialect of its own), not a Time. */
  date: boolean;
}

export function strftimeFields(t: JekyllTime, zoneName: string): StrftimeTime {
  const w = t.wall;
  // Written out rather than spread: one object shape for every call (the date filter runs per page).
  if (t.dateOnly) {
    // A Ruby Date has no time and no zone: midnight, offset +00:00.
    const epoch = daysFromCivil(w.year, w.month, w.day) * 86400;
    return { year: w.year, month: w.month, day: w.day, hour: 0, minute: 0, second: 0, millisecond: 0, subMs: "", weekday: w.weekday, epochSeconds: epoch, offsetMinutes: 0, zoneName: "+00:00", date: true };
  }
  return {
    year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second, millisecond: w.millisecond, subMs: t.subMs,
    weekday: w.weekday, epochSeconds: t.epochSeconds(), offsetMinutes: t.offsetMinutes, zoneName, date: false,
  };
}

/**
 * The year as a year of the same place in the 400-year Gregorian cycle near 2000: day counts
 * within a year (and the weekdays) repeat with the cycle, and stay exact as numbers for a year
 * whose own day count from 1970 is not (a Time far past a Date's range, JekyllTime#cycles).
 */
function cycleYear(year: number): number {
  return 2000 + (((year % 400) + 400) % 400);
}

function dayOfYear(t: StrftimeTime): number {
  const y = cycleYear(t.year);
  return daysFromCivil(y, t.month, t.day) - daysFromCivil(y, 1, 1) + 1;
}

/** ISO 8601 week-based year and week number. */
function isoWeek(t: StrftimeTime): [number, number] {
  const wd = t.weekday === 0 ? 7 : t.weekday;
  const y = cycleYear(t.year);
  const thursday = daysFromCivil(y, t.month, t.day) + 4 - wd;
  // The Thursday's year: this one, or the one before or after near its ends.
  const shift = thursday < daysFromCivil(y, 1, 1) ? -1 : thursday >= daysFromCivil(y + 1, 1, 1) ? 1 : 0;
  return [t.year + shift, Math.floor((thursday - daysFromCivil(y + shift, 1, 1)) / 7) + 1];
}

function weekNumber(t: StrftimeTime, firstDay: 0 | 1): number {
  const yday = dayOfYear(t) - 1;
  const wd = (t.weekday - firstDay + 7) % 7;
  return Math.floor((yday + 7 - wd) / 7);
}


/** Ruby's ArgumentError for a format that ends inside a directive. */
export class StrftimeFormatError extends Error {
  /** The what-to-do line of the build error (render/liquid/errors.ts reads it). */
  readonly hint = "In a date format, % starts a directive (%Y, %b, %-d…) and needs its letter: write %% for a percent sign.";

  constructor(readonly format: string, detail = "") {
    super(`invalid format: ${format}${detail}`);
    this.name = "StrftimeFormatError";
  }
}

// strftime.c's flag bits: `-`, `#`, and the case each conversion settles on.
const LEFT = 1;
const CHCASE = 2;
const LOWER = 4;
const UPPER = 8;

/**
 * Widths are C ints in Ruby: past one it raises Errno::ERANGE, below it `%2147483647Y` allocates
 * 2 GB. A width past this one is refused, so a format cannot make a page of unbounded size.
 */
const MAX_WIDTH = 1 << 20;

interface Directive {
  conv: string;
  flags: number;
  /** "" (the conversion's own), " " or "0". */
  padding: string;
  /** The width; -1 when none was given (`-` makes it 0). */
  precision: number;
  colons: number;
}

/** A format split once into literal text and directives (sites use a handful of formats, per page). */
type Part = string | Directive;

// Date#strftime (ext/date's date_strftime.c) also knows %Q (milliseconds since 1970) and %+.
const TIME_CONVERSIONS = new Set("%aAbBhcdHIjmMpPsSUwWxXyYzZnDerRTklvCVuGgLNFt");
const DATE_CONVERSIONS = new Set([...TIME_CONVERSIONS, "Q", "+"]);
const AFTER_E = "cCxXyY";
const AFTER_O = "deHkIlmMSuUVwWy";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

const compiled = { time: new Map<string, Part[] | StrftimeFormatError>(), date: new Map<string, Part[] | StrftimeFormatError>() };

function compile(format: string, dialect: "time" | "date"): Part[] {
  const cache = compiled[dialect];
  let parts = cache.get(format);
  if (parts === undefined) {
    try {
      parts = parseWith(format, dialect === "date" ? scanForDate : scanForTime);
    } catch (e) {
      if (!(e instanceof StrftimeFormatError)) throw e;
      parts = e;
    }
    if (cache.size > 1000) cache.clear();
    cache.set(format, parts);
  }
  if (parts instanceof StrftimeFormatError) throw parts;
  return parts;
}

/** A width as a number, refused past MAX_WIDTH. */
function widthAt(format: string, from: number, to: number): number {
  const width = Number(format.slice(from, to));
  if (width > MAX_WIDTH) throw new StrftimeFormatError(format, ` (a width over ${MAX_WIDTH} is refused)`);
  return width;
}

/** What one directive's scan read: the directive, or null for text; `last`: where its reading ended. */
interface Scanned { directive: Directive | null; last: number }

/**
 * The scan both dialects share: text up to each `%`, then the dialect's reading of what follows
 * it; what the dialect does not take for a directive is text from `%` through where it stopped
 * (Ruby's `unknown`).
 */
function parseWith(format: string, scan: (format: string, start: number) => Scanned): Part[] {
  const parts: Part[] = [];
  const end = format.length;
  for (let f = 0; f < end; f++) {
    const percent = format.indexOf("%", f);
    const stop = percent < 0 ? end : percent;
    if (stop > f) parts.push(format.slice(f, stop));
    if (stop === end) break;
    const { directive, last } = scan(format, stop);
    parts.push(directive ?? format.slice(stop, last + 1));
    f = last;
  }
  return parts;
}

/** Time#strftime's reading of a directive (strftime.c's state machine). */
function scanForTime(format: string, start: number): Scanned {
  const end = format.length;
  let f = start;
  const d: Directive = { conv: "", flags: 0, padding: "", precision: -1, colons: 0 };
  let directive: Directive | null = null;
  scan: for (;;) {
    // Ruby reads on past the format's end here, and then refuses the format.
    if (++f >= end) throw new StrftimeFormatError(format);
    const c = format[f]!;
    switch (c) {
      case "-": case "^": case "#": case "_":
        // A flag after a width is not a directive (`%5-d` is text).
        if (d.precision > 0) break scan;
        if (c === "-") { d.flags |= LEFT; d.padding = ""; d.precision = 0; }
        else if (c === "^") d.flags |= UPPER;
        else if (c === "#") d.flags |= CHCASE;
        else d.padding = " ";
        continue;
      case ":": {
        // Colons only before `z`; a fourth one is read, then the `z` is text.
        let n = 1;
        for (; n <= 3; n++) {
          if (f + n >= end || (format[f + n] !== "z" && format[f + n] !== ":")) break scan;
          if (format[f + n] === "z") break;
        }
        d.colons = n;
        f += n - 1;
        continue;
      }
      case "E": case "O":
        // POSIX's locale modifiers, ignored before the conversions they apply to.
        if (f + 1 < end && (c === "E" ? AFTER_E : AFTER_O).includes(format[f + 1]!)) continue;
        break scan;
      default: {
        if (isDigit(c)) {
          if (c === "0") d.padding = "0";
          let j = f;
          while (isDigit(format[j])) j++;
          // Past a C int the digits are text.
          if (j - f > 10 || Number(format.slice(f, j)) > 2147483647) break scan;
          d.precision = widthAt(format, f, j);
          f = j - 1;
          continue;
        }
        if (!TIME_CONVERSIONS.has(c)) break scan;
        if (c === "z" && d.colons > 3) {
          f--;
          break scan;
        }
        d.conv = c;
        directive = d;
        break scan;
      }
    }
  }
  return { directive, last: f };
}

/**
 * Date#strftime's reading of a directive (date_strftime.c): a format that ends inside a
 * directive is text, `-` keeps the width, a flag after E, O or d.colons is text, and any number of
 * d.colons may stand before `z` (more than three make it text).
 */
function scanForDate(format: string, start: number): Scanned {
  const end = format.length;
  let f = start;
  const d: Directive = { conv: "", flags: 0, padding: "", precision: -1, colons: 0 };
  let modified = false;
  let directive: Directive | null = null;
  scan: for (;;) {
    if (++f >= end) {
      f--;
      break scan;
    }
    const c = format[f]!;
    switch (c) {
      case "-": case "^": case "#": case "_": case "0":
        if (d.precision > 0 || modified) break scan;
        if (c === "-") d.flags |= LEFT;
        else if (c === "^") d.flags |= UPPER;
        else if (c === "#") d.flags |= CHCASE;
        else if (c === "_") d.padding = " ";
        else {
          d.padding = "0";
          let j = f;
          while (isDigit(format[j])) j++;
          d.precision = widthAt(format, f, j);
          f = j - 1;
        }
        continue;
      case ":": {
        modified = true;
        let n = 0;
        while (format[f + n] === ":") n++;
        if (format[f + n] !== "z") break scan;
        if (n > 3) {
          f += n - 1;
          break scan;
        }
        d.colons = n;
        f += n - 1;
        continue;
      }
      case "E": case "O":
        modified = true;
        if (f + 1 < end && (c === "E" ? AFTER_E : AFTER_O).includes(format[f + 1]!)) continue;
        break scan;
      default: {
        if (isDigit(c)) {
          let j = f;
          while (isDigit(format[j])) j++;
          d.precision = widthAt(format, f, j);
          f = j - 1;
          continue;
        }
        if (!DATE_CONVERSIONS.has(c)) break scan;
        d.conv = c;
        directive = d;
        break scan;
      }
    }
  }
  return { directive, last: f };
}

export function strftime(t: StrftimeTime, format: string): string {
  let out = "";
  for (const p of compile(format, t.date ? "date" : "time")) out += typeof p === "string" ? p : convert(t, p);
  // Date#strftime writes into a buffer it doubles up to 1024 bytes per byte of the format, then
  // gives up with Errno::ERANGE (Time#strftime has no such limit).
  if (t.date && out.length >= 1024 && out.length >= dateBufferLimit(format.length)) throw new StrftimeFormatError(format, " (Numerical result out of range)");
  return out;
}

function dateBufferLimit(formatLength: number): number {
  let size = 1024;
  while (size < 1024 * formatLength) size *= 2;
  return size - 1;
}

/** `FMT(pad, precision, "d", value)`: a number at least `precision` digits wide (`-`: unpadded). */
function number(d: Directive, defPad: string, defPrecision: number, value: number | bigint): string {
  const width = d.flags & LEFT ? 1 : d.precision <= 0 ? defPrecision : d.precision;
  const digits = String(value);
  if (digits.length >= width) return digits;
  if (d.padding === "0" || (d.padding === "" && defPad === "0")) {
    return value < 0 ? "-" + digits.slice(1).padStart(width - 1, "0") : digits.padStart(width, "0");
  }
  return digits.padStart(width, " ");
}

/** case_conv(): only the UPPER and LOWER bits change a name's case (`#` is mapped to one of them first). */
function caseOf(text: string, flags: number): string {
  const c = flags & (UPPER | LOWER);
  return c === UPPER ? text.toUpperCase() : c === LOWER ? text.toLowerCase() : text;
}

/** A name (`%A`, `%p`, `%Z`): FILL_PADDING to the width unless `-`, then its case. */
function name(d: Directive, text: string, flags = d.flags): string {
  if (text === "") return "";
  const padded = !(d.flags & LEFT) && d.precision > text.length ? text.padStart(d.precision, d.padding || " ") : text;
  return caseOf(padded, flags);
}

/**
 * A combination (`%c`, `%F`…): its own format, then the case and the width. Time#strftime pads
 * it even after `-` (`%-30c`), and lowers it for `#`-mapped flags; Date#strftime only upcases.
 */
function combination(t: StrftimeTime, d: Directive, inner: string): string {
  const text = t.date ? (d.flags & UPPER ? strftime(t, inner).toUpperCase() : strftime(t, inner)) : caseOf(strftime(t, inner), d.flags);
  if (t.date && d.flags & LEFT) return text;
  return d.precision > text.length ? text.padStart(d.precision, d.padding || " ") : text;
}

/**
 * `%z`: the width counts the hours' digits after the sign, less what the minutes (and seconds)
 * take. Date#strftime keeps one digit for hours under ten after `-` (`+000`).
 */
function offset(t: StrftimeTime, d: Directive): string {
  let off = Math.round(t.offsetMinutes * 60);
  const negative = off < 0;
  if (negative) off = -off;
  const p = d.precision;
  // Digits the hours get by default, and what the rest of the offset takes of a width.
  const own = t.date && d.flags & LEFT && off < 36000 ? 1 : 2;
  const rest = d.colons === 0 ? 3 : d.colons === 1 ? 4 : d.colons === 2 ? 7 : off % 3600 === 0 ? 1 : off % 60 === 0 ? 4 : 7;
  let digits = p <= (t.date ? rest + own : rest + 2) ? own : p - rest;
  const sign = negative ? "-" : "+";
  const hours = String(Math.floor(off / 3600));
  let out: string;
  if (t.date) {
    // Spaces before the sign, then the hours zero-padded to what is left.
    const hl = off < 36000 ? 1 : 2;
    let spaces = "";
    if (d.padding === " " && digits > hl) {
      spaces = " ".repeat(digits - hl);
      digits = hl;
    }
    out = spaces + sign + hours.padStart(digits, "0");
  } else {
    // printf("%+*ld") for `_` (the sign beside the digits, spaces before), else "%+.*ld".
    out = d.padding === " " ? (sign + hours).padStart(digits + 1, " ") : sign + hours.padStart(digits, "0");
  }
  off %= 3600;
  if (d.colons === 3 && off === 0) return out;
  out += (d.colons >= 1 ? ":" : "") + String(Math.floor(off / 60)).padStart(2, "0");
  off %= 60;
  if (d.colons === 3 && off === 0) return out;
  if (d.colons >= 2) out += ":" + String(off).padStart(2, "0");
  return out;
}

/** FILL_PADDING(1) before a single character (`%%`, `%n`, `%t`). */
function single(d: Directive, ch: string): string {
  return !(d.flags & LEFT) && d.precision > 1 ? ch.padStart(d.precision, d.padding || " ") : ch;
}

function convert(t: StrftimeTime, d: Directive): string {
  const flags = d.flags;
  switch (d.conv) {
    case "%": return single(d, "%");
    case "n": return single(d, "\n");
    case "t": return single(d, "\t");
    case "a": case "A": case "b": case "h": case "B": {
      const full = d.conv === "A" || d.conv === "B";
      const text = d.conv === "a" || d.conv === "A" ? DAYS[t.weekday]! : MONTHS[t.month - 1]!;
      return name(d, full ? text : text.slice(0, 3), flags & CHCASE ? (flags & ~(LOWER | CHCASE)) | UPPER : flags);
    }
    case "p": case "P": {
      const lower = (d.conv === "p" && flags & CHCASE) || (d.conv === "P" && !(flags & (CHCASE | UPPER)));
      return name(d, t.hour < 12 ? "AM" : "PM", lower ? (flags & ~(UPPER | CHCASE)) | LOWER : flags);
    }
    case "Z": return name(d, t.zoneName, flags & CHCASE ? (flags & ~(UPPER | CHCASE)) | LOWER : flags);
    case "z": return offset(t, d);
    case "Y": return number(d, "0", t.year < 0 ? 5 : 4, t.year);
    case "C": return number(d, "0", 2, Math.floor(t.year / 100));
    case "y": return number(d, "0", 2, ((t.year % 100) + 100) % 100);
    case "m": return number(d, "0", 2, t.month);
    case "d": return number(d, "0", 2, t.day);
    case "e": return number(d, " ", 2, t.day);
    case "j": return number(d, "0", 3, dayOfYear(t));
    case "H": return number(d, "0", 2, t.hour);
    case "k": return number(d, " ", 2, t.hour);
    case "I": return number(d, "0", 2, t.hour % 12 || 12);
    case "l": return number(d, " ", 2, t.hour % 12 || 12);
    case "M": return number(d, "0", 2, t.minute);
    case "S": return number(d, "0", 2, t.second);
    case "s": return number(d, "0", 1, t.epochSeconds);
    case "Q": return number(d, "0", 1, typeof t.epochSeconds === "bigint" ? t.epochSeconds * 1000n + BigInt(t.millisecond) : t.epochSeconds * 1000 + t.millisecond);
    case "u": return number(d, "0", 1, t.weekday === 0 ? 7 : t.weekday);
    case "w": return number(d, "0", 1, t.weekday);
    case "U": return number(d, "0", 2, weekNumber(t, 0));
    case "W": return number(d, "0", 2, weekNumber(t, 1));
    case "V": return number(d, "0", 2, isoWeek(t)[1]);
    case "G": { const y = isoWeek(t)[0]; return number(d, "0", y < 0 ? 5 : 4, y); }
    case "g": return number(d, "0", 2, ((isoWeek(t)[0] % 100) + 100) % 100);
    case "L": case "N": {
      // Fractional seconds: `precision` digits (3 for %L, 9 for %N), truncated, never padded.
      const digits = d.precision <= 0 ? (d.conv === "L" ? 3 : 9) : d.precision;
      return (String(t.millisecond).padStart(3, "0") + t.subMs).padEnd(digits, "0").slice(0, digits);
    }
    case "c": return combination(t, d, "%a %b %e %H:%M:%S %Y");
    case "D": case "x": return combination(t, d, "%m/%d/%y");
    case "F": return combination(t, d, "%Y-%m-%d");
    case "T": case "X": return combination(t, d, "%H:%M:%S");
    case "R": return combination(t, d, "%H:%M");
    case "r": return combination(t, d, "%I:%M:%S %p");
    case "+": return combination(t, d, "%a %b %e %H:%M:%S %Z %Y");
    default: return combination(t, d, "%e-%^b-%4Y"); // "v"
  }
}
