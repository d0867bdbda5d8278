// Jekyll's Utils.parse_date: `Time.parse(input.to_s).localtime`, for front matter dates (and
// front matter defaults), file-name dates and the `time:` setting. The value is first written out
// as Ruby's to_s writes it (a YAML time as `2025-05-30 14:05:09 +0800`, dropping its fraction of a
// second; a YAML date as `2025-05-30`; nil as the empty string, which is not a date), then read by
// Ruby's Time.parse (src/ruby/time-parse.ts), and the result seen in the site's timezone.
import { toS } from "../ruby/values.js";
import { timeParse, TimeParseError } from "../ruby/time-parse.js";
import { JekyllTime } from "../ruby/time.js";

/**
 * The Time Jekyll makes of `input`, or undefined where Ruby raises (Jekyll then stops with
 * "Invalid date '…'"). `nowMs` is the "now" that fills a date's missing leading fields (`10:00`).
 */
export function parseDate(input: unknown, zone: string | undefined, nowMs: number = Date.now()): JekyllTime | undefined {
  try {
    const t = timeParse(toS(input), nowMs, zone);
    return JekyllTime.at(t.epochMs, zone);
  } catch (e) {
    if (e instanceof TimeParseError) return undefined;
    throw e;
  }
}
