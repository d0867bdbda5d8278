// Ruby's Time as Liquid's `date` filter and Jekyll's date filters see it.
//
// - Liquid::Utils.to_date: a Time/Date passes through; "now"/"today" (any case) are Time.now,
//   which in a build is the site's time (host.now()); an all-digit string or an Integer is
//   Time.at(n) in the site's zone; any other string goes through Time.parse; anything else
//   (a Float, an array…) is not a date, and the filter returns its input.
// - Time.parse: a string without a zone is a wall-clock reading in the site's timezone (so
//   "2025-05-30" is local midnight, not UTC midnight as in liquidjs); with a numeric offset the
//   Time keeps that offset and has no zone name (`%Z` prints nothing); "Z"/"UTC"/"GMT" give a UTC
//   time whose `%Z` is "UTC".
import { JekyllTime, zoneOffsetMinutes } from "../../../site/time.js";

/** A Time whose zone name (`%Z`) is known: "" for a bare numeric offset, "UTC", or the local abbreviation. */
export class RubyTime extends JekyllTime {
  constructor(epochMs: number, offsetMinutes: number, readonly zoneName: string) {
    super(epochMs, offsetMinutes);
  }
}

const abbrFormatters = new Map<string, Intl.DateTimeFormat>();

// tzdata abbreviations that ICU does not give in English (it answers "GMT+8" for Asia/Shanghai,
// where glibc, and so Ruby, prints "CST").
const TZDATA_ABBREVIATIONS: Record<string, [string, string?]> = {
  "Asia/Shanghai": ["CST"], "Asia/Chongqing": ["CST"], "Asia/Harbin": ["CST"], "Asia/Taipei": ["CST"],
  "Asia/Macau": ["CST"], "PRC": ["CST"], "Asia/Hong_Kong": ["HKT"], "Asia/Tokyo": ["JST"], "Japan": ["JST"],
  "Asia/Seoul": ["KST"], "Asia/Kolkata": ["IST"], "Asia/Calcutta": ["IST"], "Asia/Jerusalem": ["IST", "IDT"],
  "Asia/Manila": ["PST"], "Asia/Karachi": ["PKT"], "Asia/Jakarta": ["WIB"], "Africa/Johannesburg": ["SAST"],
  "Africa/Lagos": ["WAT"], "Africa/Nairobi": ["EAT"], "Africa/Cairo": ["EET", "EEST"],
  "Europe/London": ["GMT", "BST"], "Europe/Dublin": ["GMT", "IST"], "Europe/Lisbon": ["WET", "WEST"],
  "Europe/Moscow": ["MSK"], "Europe/Istanbul": ["+03"],
  "Australia/Sydney": ["AEST", "AEDT"], "Australia/Melbourne": ["AEST", "AEDT"], "Australia/Brisbane": ["AEST"],
  "Australia/Adelaide": ["ACST", "ACDT"], "Australia/Darwin": ["ACST"], "Australia/Perth": ["AWST"],
  "Australia/Hobart": ["AEST", "AEDT"], "Pacific/Auckland": ["NZST", "NZDT"],
};
const CENTRAL_EUROPE = /^Europe\/(Berlin|Paris|Rome|Madrid|Amsterdam|Brussels|Vienna|Zurich|Stockholm|Oslo|Copenhagen|Prague|Warsaw|Budapest|Belgrade|Zagreb|Ljubljana|Bratislava|Luxembourg|Monaco|Malta|Andorra|Tirane|Sarajevo|Skopje|Podgorica|Vaduz|San_Marino|Vatican|Gibraltar)$/;
const EASTERN_EUROPE = /^Europe\/(Athens|Helsinki|Kiev|Kyiv|Riga|Tallinn|Vilnius|Sofia|Bucharest|Chisinau)$/;

function numericAbbr(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const a = Math.abs(offsetMinutes);
  const hh = String(Math.floor(a / 60)).padStart(2, "0");
  return a % 60 ? `${sign}${hh}${String(a % 60).padStart(2, "0")}` : `${sign}${hh}`;
}

/** The abbreviation glibc prints for `zone` at an instant (`%Z` of a local Time). */
export function zoneAbbreviation(zone: string | undefined, epochMs: number, offsetMinutes: number): string {
  if (!zone) {
    // The process's zone can change (tests set TZ), so the formatter is cached per TZ value.
    const key = `local:${process.env.TZ ?? ""}`;
    let local = abbrFormatters.get(key);
    if (!local) {
      local = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" });
      abbrFormatters.set(key, local);
    }
    const name = local.formatToParts(new Date(epochMs)).find((p) => p.type === "timeZoneName")?.value;
    return name && !/^GMT[+-]/.test(name) ? (name === "GMT" && offsetMinutes === 0 ? "UTC" : name) : numericAbbr(offsetMinutes);
  }
  if (zone === "UTC" || zone === "Etc/UTC" || zone === "Etc/Universal" || zone === "Universal" || zone === "Zulu") return "UTC";
  if (zone === "GMT" || zone === "Etc/GMT") return "GMT";
  const known = TZDATA_ABBREVIATIONS[zone];
  const standard = zoneOffsetMinutes(zone, Date.UTC(new Date(epochMs).getUTCFullYear(), 0, 1));
  const summer = zoneOffsetMinutes(zone, Date.UTC(new Date(epochMs).getUTCFullYear(), 6, 1));
  // Daylight saving time is the larger of the zone's two offsets in the year (both hemispheres).
  const dst = standard !== summer && offsetMinutes === Math.max(standard, summer);
  if (known) return (dst ? known[1] : known[0]) ?? known[0];
  if (CENTRAL_EUROPE.test(zone)) return dst ? "CEST" : "CET";
  if (EASTERN_EUROPE.test(zone)) return dst ? "EEST" : "EET";
  let f = abbrFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" });
    abbrFormatters.set(zone, f);
  }
  const name = f.formatToParts(new Date(epochMs)).find((p) => p.type === "timeZoneName")?.value ?? "";
  return name && !/^GMT([+-]|$)/.test(name) ? name : numericAbbr(offsetMinutes);
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

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

interface Parsed {
  year: number; month: number; day: number;
  hour: number; minute: number; second: number; ms: number;
  zone?: string;
}

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([ap]\.?m\.?)?`;
const ZONE = String.raw`(z|utc|gmt|[+-]\d{2}:?\d{2}|[+-]\d{2}|[a-z]{3,4})`;
const ISO = new RegExp(String.raw`^\s*(-?\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:t|\s+)${TIME})?\s*${ZONE}?\s*$`, "i");
const RFC = new RegExp(String.raw`^\s*(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})(?:\s+${TIME})?\s*${ZONE}?\s*$`, "i");
const US = new RegExp(String.raw`^\s*(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+${TIME})?\s*${ZONE}?\s*$`, "i");
const MONTH_YEAR = /^\s*([a-z]{3,9})\.?,?\s+(\d{4})\s*$/i;

function timeParts(m: RegExpExecArray, at: number): Pick<Parsed, "hour" | "minute" | "second" | "ms"> {
  let hour = Number(m[at] ?? 0);
  const minute = Number(m[at + 1] ?? 0);
  const second = Number(m[at + 2] ?? 0);
  const ms = m[at + 3] ? Number(`0.${m[at + 3]}`) * 1000 : 0;
  const ampm = m[at + 4]?.toLowerCase().replace(/\./g, "");
  if (ampm === "pm" && hour < 12) hour += 12;
  if (ampm === "am" && hour === 12) hour = 0;
  return { hour, minute, second, ms };
}

function parseParts(s: string): Parsed | null {
  let m = ISO.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...timeParts(m, 4), zone: m[9] };
  m = RFC.exec(s);
  if (m && monthIndex(m[2]!)) return { year: Number(m[3]), month: monthIndex(m[2]!), day: Number(m[1]), ...timeParts(m, 4), zone: m[9] };
  m = US.exec(s);
  if (m && monthIndex(m[1]!)) return { year: Number(m[3]), month: monthIndex(m[1]!), day: Number(m[2]), ...timeParts(m, 4), zone: m[9] };
  m = MONTH_YEAR.exec(s);
  if (m && monthIndex(m[1]!)) return { year: Number(m[2]), month: monthIndex(m[1]!), day: 1, hour: 0, minute: 0, second: 0, ms: 0 };
  return null;
}

const NAMED_ZONES: Record<string, number> = {
  z: 0, utc: 0, gmt: 0, ut: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

/** Ruby's Time.parse for the shapes dates take in front matter and templates; null where Ruby raises. */
export function parseTime(s: string, zone: string | undefined): RubyTime | null {
  const p = parseParts(s);
  if (!p) return null;
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31 || p.hour > 24 || p.minute > 59 || p.second > 60) return null;
  if (p.zone) {
    const z = p.zone.toLowerCase();
    let offset: number | undefined;
    const num = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
    if (num) offset = (num[1] === "-" ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3] ?? 0));
    else offset = NAMED_ZONES[z];
    if (offset === undefined) return null;
    const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms) - offset * 60000;
    const utcNamed = z === "z" || z === "utc" || z === "gmt" || z === "ut";
    return new RubyTime(utc, offset, utcNamed ? "UTC" : num ? "" : z.toUpperCase());
  }
  const t = JekyllTime.fromWallClock(p.year, p.month, p.day, p.hour, p.minute, p.second, p.ms, zone);
  return localTime(t.epochMs, zone);
}
