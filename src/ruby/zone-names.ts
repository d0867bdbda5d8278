// Time zone abbreviations as glibc (and so Ruby's Time#zone and `%Z`) gives them.
import { markIntlLoaded, posixZone, posixZoneAt, zoneOffsetMinutes } from "./time.js";

import * as abbreviations from "./zone-abbreviations.js"; // bundle: lazy

const abbrFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Each zone's names by offset (seconds), decoded from ./zone-abbreviations.ts on first use: for
 * each offset, the names it went by since 1970 with the epoch second each began. tzdata, not ICU:
 * ICU's English names are "GMT+1" for most zones outside North America, where glibc, and so Ruby,
 * prints CET, WAT, EAT, NST…
 */
const decoded = new Map<string, Map<number, Array<[number, string]>> | null>();

function tzdataNames(zone: string): Map<number, Array<[number, string]>> | null {
  let names = decoded.get(zone);
  if (names !== undefined) return names;
  const spec = Object.hasOwn(abbreviations.ZONE_ABBREVIATIONS, zone) ? abbreviations.ZONE_ABBREVIATIONS[zone]! : null;
  names = spec === null ? null : new Map();
  if (spec !== null) {
    for (const entry of spec.split(" ")) {
      const eq = entry.indexOf("=");
      const runs = entry.slice(eq + 1).split(",").map((run): [number, string] => {
        const at = run.indexOf("@");
        return at < 0 ? [-Infinity, run] : [Number(run.slice(at + 1)), run.slice(0, at)];
      });
      names!.set(Number(entry.slice(0, eq)), runs);
    }
  }
  decoded.set(zone, names);
  return names;
}

/** tzdata's name for `zone` at an instant with this offset; before 1970, the offset's first name. */
function tzdataName(zone: string, epochMs: number, offsetMinutes: number): string | undefined {
  const runs = tzdataNames(zone)?.get(Math.round(offsetMinutes * 60));
  if (!runs) return undefined;
  let name = runs[0]![1];
  for (const [from, n] of runs) if (from * 1000 <= epochMs) name = n;
  return name;
}

// Names for zones the table does not hold (a tzdata newer than the one it was made from):
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
  const a = Math.floor(Math.abs(offsetMinutes));
  const hh = String(Math.floor(a / 60)).padStart(2, "0");
  return a % 60 ? `${sign}${hh}${String(a % 60).padStart(2, "0")}` : `${sign}${hh}`;
}

/** The abbreviation glibc prints for `zone` at an instant (`%Z` of a local Time). */
export function zoneAbbreviation(zone: string | undefined, epochMs: number, offsetMinutes: number): string {
  // A POSIX TZ string names its times itself, also at an offset with seconds ("ABC-1:30:59").
  const posix = zone ? posixZone(zone) : null;
  if (posix) return posixZoneAt(posix, epochMs).name;
  // Before a zone's first standard time, tzdata's local mean time has an offset with seconds
  // (New York -4:56:02): glibc calls it LMT.
  if (!Number.isInteger(offsetMinutes)) return "LMT";
  if (!zone) {
    const tz = process.env.TZ;
    const tzdata = tz ? tzdataName(tz, epochMs, offsetMinutes) : undefined;
    if (tzdata !== undefined) return tzdata;
    // The process's zone can change (tests set TZ), so the formatter is cached per TZ value.
    const key = `local:${process.env.TZ ?? ""}`;
    let local = abbrFormatters.get(key);
    if (!local) {
      local = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" });
      abbrFormatters.set(key, local);
      markIntlLoaded();
    }
    const first = local.formatToParts(new Date(epochMs)).find((p) => p.type === "timeZoneName")?.value;
    if (first === "GMT") return offsetMinutes === 0 ? "UTC" : "GMT";
    return nameAt(local, undefined, epochMs, offsetMinutes) || numericAbbr(offsetMinutes);
  }
  if (zone === "UTC" || zone === "Etc/UTC" || zone === "Etc/Universal" || zone === "Universal" || zone === "Zulu") return "UTC";
  if (zone === "GMT" || zone === "Etc/GMT") return "GMT";
  const tzdata = tzdataName(zone, epochMs, offsetMinutes);
  if (tzdata !== undefined) return tzdata;
  const known = TZDATA_ABBREVIATIONS[zone];
  const dst = isDaylightSaving(zone, epochMs, offsetMinutes);
  if (known) return (dst ? known[1] : known[0]) ?? known[0];
  if (CENTRAL_EUROPE.test(zone)) return dst ? "CEST" : "CET";
  if (EASTERN_EUROPE.test(zone)) return dst ? "EEST" : "EET";
  let f = abbrFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "short" });
    abbrFormatters.set(zone, f);
    markIntlLoaded();
  }
  return nameAt(f, zone, epochMs, offsetMinutes) || numericAbbr(offsetMinutes);
}

/**
 * Whether a local Time at `offsetMinutes` is in daylight saving time (Time#isdst): the larger of
 * the zone's two offsets in that year (January and July: both hemispheres); never for a zone with
 * one offset all year or a POSIX zone without a daylight part.
 */
export function isDaylightSaving(zone: string | undefined, epochMs: number, offsetMinutes: number): boolean {
  const posix = zone ? posixZone(zone) : null;
  if (posix) return posixZoneAt(posix, epochMs).dst;
  const year = new Date(epochMs).getUTCFullYear();
  const standard = zoneOffsetMinutes(zone, Date.UTC(year, 0, 1));
  const summer = zoneOffsetMinutes(zone, Date.UTC(year, 6, 1));
  return standard !== summer && offsetMinutes === Math.max(standard, summer);
}

/**
 * Zones whose tzdata rules have a negative daylight saving time: Irish Standard Time is the
 * summer's standard and winter's GMT is the "daylight" one; Morocco's +00 during Ramadan is
 * daylight time below its +01 standard.
 */
const NEGATIVE_DST = new Set(["Europe/Dublin", "Eire", "Africa/Casablanca", "Africa/El_Aaiun"]);

/**
 * Time#isdst of a local Time (glibc's tm_isdst): isDaylightSaving, except in a zone with negative
 * daylight saving time, where it is an offset below the year's largest (Dublin's winter GMT,
 * Casablanca's Ramadan +00).
 */
export function isDstFlag(zone: string | undefined, epochMs: number, offsetMinutes: number): boolean {
  if (!zone || !NEGATIVE_DST.has(zone)) return isDaylightSaving(zone, epochMs, offsetMinutes);
  const year = new Date(epochMs).getUTCFullYear();
  let largest = -Infinity;
  for (let month = 0; month < 12; month++) largest = Math.max(largest, zoneOffsetMinutes(zone, Date.UTC(year, month, 15)));
  return offsetMinutes < largest;
}

const isNumericName = (name: string | undefined) => !name || /^GMT([+-]|$)/.test(name);
// Years whose names ICU knows for every zone (its English names cover roughly 1970-2037).
const REFERENCE_INSTANTS = [Date.UTC(2000, 0, 1), Date.UTC(2000, 6, 1), Date.UTC(2037, 0, 1), Date.UTC(2037, 6, 1)];

/**
 * ICU's English short name at an instant, or "" where it only has a GMT±h form. Outside the years
 * ICU names (New York in 1969 or in 10000 is "GMT-5" to ICU, EST to glibc, which applies the
 * zone's rules to every year), the name the zone has at the same offset in a reference year.
 */
function nameAt(f: Intl.DateTimeFormat, zone: string | undefined, epochMs: number, offsetMinutes: number): string {
  const name = f.formatToParts(new Date(epochMs)).find((p) => p.type === "timeZoneName")?.value;
  if (!isNumericName(name)) return name!;
  for (const ref of REFERENCE_INSTANTS) {
    if (zoneOffsetMinutes(zone, ref) !== offsetMinutes) continue;
    const refName = f.formatToParts(new Date(ref)).find((p) => p.type === "timeZoneName")?.value;
    if (!isNumericName(refName)) return refName!;
  }
  return "";
}

