// Jekyll's Utils.parse_date: `Time.parse(input.to_s).localtime`, for front matter dates (and
// front matter defaults), file-name dates and the `time:` setting. The value is first written out
// as Ruby's to_s writes it (a YAML time as `2025-05-30 14:05:09 +0800`, dropping its fraction of a
// second; a YAML date as `2025-05-30`; nil as the empty string, which is not a date), then read by
// Ruby's Time.parse (src/ruby/time-parse.ts), and the result seen in the site's timezone.
import { toS } from "../ruby/values.js";
import { timeParse, TimeParseError } from "../ruby/time-parse.js";
import { JekyllTime } from "../ruby/time.js";
import { parseTime, toLocal } from "../ruby/local-time.js";

/**
 * The Time Jekyll makes of `input`, or undefined where Ruby raises (Jekyll then stops with
 * "Invalid date '…'"). `nowMs` is the "now" that fills a date's missing leading fields (`10:00`).
 */
export function parseDate(input: unknown, zone: string | undefined, nowMs: number = Date.now()): JekyllTime | undefined {
  const text = toS(input);
  // A complete date (year, month and day first) does not depend on "now": its instant is
  // remembered, so that serve's rebuilds, which read every post's date again, parse it once.
  const complete = COMPLETE_DATE.test(text);
  const key = `${zone ?? ""}\0${text}`;
  if (complete) {
    const ms = instants.get(key);
    if (ms !== undefined) return JekyllTime.at(ms, zone);
  }
  try {
    const t = timeParse(text, nowMs, zone);
    // A year past a Date's range (JekyllTime#cycles): read as the `date` filter reads it.
    if (t.cycles) return toLocal(parseTime(text, zone, nowMs)!, zone);
    if (complete) {
      if (instants.size >= MAX_REMEMBERED) instants.clear();
      instants.set(key, t.epochMs);
    }
    return JekyllTime.at(t.epochMs, zone);
  } catch (e) {
    if (e instanceof TimeParseError) return undefined;
    throw e;
  }
}

/**
 * Whether the Time made of `input` may depend on "now" (anything but a complete date): serve keeps
 * a document between rebuilds only when its date does not (src/site/document.ts, `adopt`).
 */
export function dateDependsOnNow(input: unknown): boolean {
  return !COMPLETE_DATE.test(toS(input));
}

/** `2024-05-30`, `2024-05-30 14:05:09 +0800`, `2024-05-30T14:05:09.5Z`: nothing left for "now" to fill. */
const COMPLETE_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?: ?(?:Z|UTC|[+-]\d{2}:?\d{2}))?$/;
const MAX_REMEMBERED = 200_000;
const instants = new Map<string, number>();
