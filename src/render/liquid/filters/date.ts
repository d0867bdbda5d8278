// Liquid's `date` and Jekyll's date_to_* filters, on src/ruby/ (local-time.ts, strftime.ts).
import { JekyllTime } from "../../../ruby/time.js";
import type { LiquidHost } from "../host.js";
import { strftime, strftimeFields } from "../../../ruby/strftime.js";
import { localTimeAtSeconds, parseTime, toLocal, zoneNameOf } from "../../../ruby/local-time.js";
import { inspect, plain, toS } from "../../../ruby/values.js";
import type { FilterTable } from "./types.js";

const ZONE_DIRECTIVE = /%[-_0^#:]*\d*Z/;

/** Liquid::Utils.to_date; null when the input is not a date. */
export function toDate(input: unknown, host: LiquidHost): JekyllTime | null {
  input = plain(input);
  if (input instanceof JekyllTime) return input;
  if (typeof input === "string") {
    if (input === "") return null;
    const s = input.toLowerCase();
    if (s === "now" || s === "today") return host.now();
    // (Every digit counts: Ruby's String#to_i is exact however long.)
    if (/^\d+$/.test(s)) return localTimeAtSeconds(BigInt(s), host.timezone);
    return parseTime(s, host.timezone, host.now().epochMs);
  }
  if ((typeof input === "number" && Number.isInteger(input)) || typeof input === "bigint") return localTimeAtSeconds(input, host.timezone);
  return null;
}

/** Time#strftime of a Liquid date value. */
export function formatDate(t: JekyllTime, format: string, host: LiquidHost): string {
  // The zone name costs an Intl lookup: only formats with %Z need it.
  const zone = ZONE_DIRECTIVE.test(format) ? zoneNameOf(t, host.timezone) : "";
  return strftime(strftimeFields(t, zone), format);
}

export class InvalidDateError extends Error {}

function ordinal(n: number): string {
  if (n >= 11 && n <= 13) return "th";
  return ["th", "st", "nd", "rd"][n % 10] ?? "th";
}

export function dateFilters(host: LiquidHost): FilterTable {
  // Jekyll's private `time`: to_date, then Time#localtime in the site's zone.
  const time = (input: unknown) => {
    const d = toDate(input, host);
    if (!d) throw new InvalidDateError(`Invalid Date: '${inspect(plain(input))}' is not a valid datetime.`);
    return toLocal(d, host.timezone);
  };
  const stringify = (input: unknown, month: string, type: unknown, style: unknown) => {
    if (toS(input) === "") return input;
    const t = time(input);
    if (type === "ordinal") {
      const day = `${t.wall.day}${ordinal(t.wall.day)}`;
      return formatDate(t, style === "US" ? `${month} ${day}, %Y` : `${day} ${month} %Y`, host);
    }
    return formatDate(t, `%d ${month} %Y`, host);
  };
  return {
    date(input, format) {
      const f = toS(format);
      if (f === "") return input;
      const d = toDate(input, host);
      return d ? formatDate(d, f, host) : input;
    },
    date_to_string: (input, type, style) => stringify(input, "%b", type, style),
    date_to_long_string: (input, type, style) => stringify(input, "%B", type, style),
    date_to_xmlschema: (input) => (toS(input) === "" ? input : formatDate(time(input), "%Y-%m-%dT%H:%M:%S%:z", host)),
    date_to_rfc822: (input) => (toS(input) === "" ? input : formatDate(time(input), "%a, %d %b %Y %H:%M:%S %z", host)),
  };
}
