// Ruby's Time#strftime / Date#strftime in the C locale, every directive Ruby knows, with its
// flags (`-` no padding, `_` spaces, `0` zeros, `^` upcase, `#` swap case), widths (`%10A`,
// `%3N`) and colons (`%:z`, `%::z`). An unknown directive is written as typed, as Ruby does.
// Written for speed: no Intl, no Date objects beyond one for the wall clock.
import type { JekyllTime } from "./time.js";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export interface StrftimeTime {
  year: number; month: number; day: number;
  hour: number; minute: number; second: number; millisecond: number;
  weekday: number;
  /** Seconds since the epoch. */
  epochSeconds: number;
  offsetMinutes: number;
  /** `%Z` */
  zoneName: string;
}

export function strftimeFields(t: JekyllTime, zoneName: string): StrftimeTime {
  const w = t.wall;
  // Written out rather than spread: one object shape for every call (the date filter runs per page).
  if (t.dateOnly) {
    // A Ruby Date has no time and no zone: midnight, offset +00:00.
    const epoch = Date.UTC(w.year, w.month - 1, w.day) / 1000;
    return { year: w.year, month: w.month, day: w.day, hour: 0, minute: 0, second: 0, millisecond: 0, weekday: w.weekday, epochSeconds: epoch, offsetMinutes: 0, zoneName: "+00:00" };
  }
  return {
    year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second, millisecond: w.millisecond,
    weekday: w.weekday, epochSeconds: Math.floor(t.epochMs / 1000), offsetMinutes: t.offsetMinutes, zoneName,
  };
}

function dayOfYear(t: StrftimeTime): number {
  return (Date.UTC(t.year, t.month - 1, t.day) - Date.UTC(t.year, 0, 1)) / 86400000 + 1;
}

/** ISO 8601 week-based year and week number. */
function isoWeek(t: StrftimeTime): [number, number] {
  const wd = t.weekday === 0 ? 7 : t.weekday;
  const thursday = Date.UTC(t.year, t.month - 1, t.day) + (4 - wd) * 86400000;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / 86400000 / 7) + 1;
  return [year, week];
}

function weekNumber(t: StrftimeTime, firstDay: 0 | 1): number {
  const yday = dayOfYear(t) - 1;
  const wd = (t.weekday - firstDay + 7) % 7;
  return Math.floor((yday + 7 - wd) / 7);
}

function offset(t: StrftimeTime, colons: number): string {
  const sign = t.offsetMinutes < 0 ? "-" : "+";
  const a = Math.abs(t.offsetMinutes);
  const hh = String(Math.floor(a / 60)).padStart(2, "0");
  const mm = String(a % 60).padStart(2, "0");
  if (colons === 1) return `${sign}${hh}:${mm}`;
  if (colons === 2) return `${sign}${hh}:${mm}:00`;
  return `${sign}${hh}${mm}`;
}

type Kind = "num" | "alpha";

function pad(s: string, width: number, ch: string): string {
  if (s.length >= width) return s;
  if (ch === "0" && s.startsWith("-")) return "-" + s.slice(1).padStart(width - 1, "0");
  return s.padStart(width, ch);
}

const DIRECTIVE = /%([-_0^#]*)(\d*)(:{0,2})([a-zA-Z%+])/g;

/** A format split once into literal text and directives (sites use a handful of formats, per page). */
type Part = string | { whole: string; flags: string; widthStr: string; colons: string; conv: string };

const compiled = new Map<string, Part[]>();

function compile(format: string): Part[] {
  let parts = compiled.get(format);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const m of format.matchAll(DIRECTIVE)) {
    if (m.index! > last) parts.push(format.slice(last, m.index));
    parts.push({ whole: m[0], flags: m[1]!, widthStr: m[2]!, colons: m[3]!, conv: m[4]! });
    last = m.index! + m[0].length;
  }
  if (last < format.length) parts.push(format.slice(last));
  if (compiled.size > 1000) compiled.clear();
  compiled.set(format, parts);
  return parts;
}

export function strftime(t: StrftimeTime, format: string): string {
  let out = "";
  for (const p of compile(format)) out += typeof p === "string" ? p : directive(t, p.whole, p.flags, p.widthStr, p.colons, p.conv);
  return out;
}

function directive(t: StrftimeTime, whole: string, flags: string, widthStr: string, colons: string, conv: string): string {
  const width = widthStr ? Number(widthStr) : undefined;
  let value: string;
  let kind: Kind = "num";
  let defWidth = 0;
  let defPad = "0";
  let noPadDefault = false;
  switch (conv) {
    case "Y": value = String(t.year); defWidth = t.year < 0 ? 5 : 4; break;
    case "C": value = String(Math.floor(t.year / 100)); defWidth = 2; break;
    case "y": value = String(((t.year % 100) + 100) % 100); defWidth = 2; break;
    case "m": value = String(t.month); defWidth = 2; break;
    case "B": value = MONTHS[t.month - 1]!; kind = "alpha"; break;
    case "b": case "h": value = MONTHS[t.month - 1]!.slice(0, 3); kind = "alpha"; break;
    case "d": value = String(t.day); defWidth = 2; break;
    case "e": value = String(t.day); defWidth = 2; defPad = " "; break;
    case "j": value = String(dayOfYear(t)); defWidth = 3; break;
    case "H": value = String(t.hour); defWidth = 2; break;
    case "k": value = String(t.hour); defWidth = 2; defPad = " "; break;
    case "I": value = String(t.hour % 12 || 12); defWidth = 2; break;
    case "l": value = String(t.hour % 12 || 12); defWidth = 2; defPad = " "; break;
    case "P": value = t.hour < 12 ? "am" : "pm"; kind = "alpha"; break;
    case "p": value = t.hour < 12 ? "AM" : "PM"; kind = "alpha"; break;
    case "M": value = String(t.minute); defWidth = 2; break;
    case "S": value = String(t.second); defWidth = 2; break;
    case "L": case "N": {
      // Fractional seconds: `width` digits (default 3 for %L, 9 for %N), truncated, never padded.
      const digits = width ?? (conv === "L" ? 3 : 9);
      value = String(t.millisecond).padStart(3, "0").padEnd(Math.max(digits, 3), "0").slice(0, digits);
      return value;
    }
    case "z": value = offset(t, colons.length); kind = "alpha"; noPadDefault = true; break;
    case "Z": value = t.zoneName; kind = "alpha"; break;
    case "A": value = DAYS[t.weekday]!; kind = "alpha"; break;
    case "a": value = DAYS[t.weekday]!.slice(0, 3); kind = "alpha"; break;
    case "u": value = String(t.weekday === 0 ? 7 : t.weekday); defWidth = 1; break;
    case "w": value = String(t.weekday); defWidth = 1; break;
    case "s": value = String(t.epochSeconds); defWidth = 1; break;
    case "G": value = String(isoWeek(t)[0]); defWidth = 4; break;
    case "g": value = String(isoWeek(t)[0] % 100); defWidth = 2; break;
    case "V": value = String(isoWeek(t)[1]); defWidth = 2; break;
    case "U": value = String(weekNumber(t, 0)); defWidth = 2; break;
    case "W": value = String(weekNumber(t, 1)); defWidth = 2; break;
    case "n": value = "\n"; kind = "alpha"; break;
    case "t": value = "\t"; kind = "alpha"; break;
    case "%": value = "%"; kind = "alpha"; break;
    case "D": case "x": value = strftime(t, "%m/%d/%y"); kind = "alpha"; break;
    case "F": value = strftime(t, "%Y-%m-%d"); kind = "alpha"; break;
    case "T": case "X": value = strftime(t, "%H:%M:%S"); kind = "alpha"; break;
    case "R": value = strftime(t, "%H:%M"); kind = "alpha"; break;
    case "r": value = strftime(t, "%I:%M:%S %p"); kind = "alpha"; break;
    case "c": value = strftime(t, "%a %b %e %H:%M:%S %Y"); kind = "alpha"; break;
    case "v": value = strftime(t, "%e-%^b-%4Y"); kind = "alpha"; break;
    default: return whole;
  }
  if (colons && conv !== "z") return whole;
  if (flags.includes("^")) value = value.toUpperCase();
  else if (flags.includes("#")) value = /[a-z]/.test(value) ? value.toUpperCase() : value.toLowerCase();
  if (flags.includes("-")) return value;
  const padChar = flags.includes("_") ? " " : flags.includes("0") ? "0" : kind === "alpha" ? " " : defPad;
  const w = width ?? (noPadDefault ? 0 : defWidth);
  return pad(value, w, padChar);
}
