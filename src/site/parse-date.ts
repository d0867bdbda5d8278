// Jekyll's Utils.parse_date: `Time.parse(input.to_s).localtime`. Accepts what Ruby's Time.parse
// accepts in practice on Jekyll sites — `2025-05-30`, `2025-05-30 14:05`, `2025-05-30T14:05:09Z`,
// `2025-05-30 14:05:09 +0800`, `2025-05-30 14:05:09 -05:00`, and the `Time#to_s` of a YAML time —
// and reads a time without an offset in the local zone (the site's `timezone`).
import { JekyllTime } from "./time.js";

const RE =
  /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|GMT|[-+]\d{2}:?\d{2}|[-+]\d{2})?\s*$/;

export function parseDate(input: unknown, zone: string | undefined): JekyllTime | undefined {
  if (input instanceof JekyllTime) return input.asTime().inZone(zone);
  if (input instanceof Date) return JekyllTime.at(input.getTime(), zone);
  const m = RE.exec(String(input));
  if (!m) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac, tz] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const month = Number(mo), day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // Ruby's Time.local/Time.utc refuse these fields ("argument out of range"; Jekyll: invalid
  // date), where Date.UTC would roll `99:99:99` over into the next days. (A day past the month's
  // end, `02-30`, Ruby rolls over too.)
  if (Number(h) > 24 || Number(mi) > 59 || Number(s) > 60) return undefined;
  if (tz === undefined) {
    return JekyllTime.fromWallClock(Number(y), month, day, Number(h), Number(mi), Number(s), ms, zone);
  }
  let offset = 0;
  if (tz !== "Z" && tz !== "UTC" && tz !== "GMT") {
    const t = /^([-+])(\d{2}):?(\d{2})?$/.exec(tz)!;
    offset = (Number(t[2]) * 60 + Number(t[3] ?? 0)) * (t[1] === "-" ? -1 : 1);
  }
  const utc = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), ms) - offset * 60000;
  return JekyllTime.at(utc, zone);
}
