// Is a changed output a page change, or only the build's clock?
//
// Every build has a new `site.time` (Jekyll's Site#reset takes Time.now), and some outputs print
// it: jekyll-feed writes it as the feed's `<updated>`, a layout may end with "generated
// {{ site.time }}". Such an output changes on every rebuild even when nothing it shows changed,
// and if serve counted it, a Sass edit on any site with jekyll-feed would reload the page instead
// of swapping the stylesheet. An output differs "only by the build time" when it equals the
// previous build's output once each of the two builds' own time stamps is blanked out. The stamps
// recognised are the ways Jekyll and Liquid print a time to the second without a format of the
// site's own: `{{ site.time }}` (Ruby's Time#to_s), `date_to_xmlschema` (and jsonify's xmlschema),
// `date_to_rfc822`, and `date: "%s"`. A page that prints the build time in a format of its own
// (`date: "%H:%M"`) still counts as changed: reloading is the safe answer when in doubt.
import type { JekyllTime } from "../ruby/time.js";
import { strftime, strftimeFields } from "../ruby/strftime.js";

/** The build time as the outputs may print it, longest first (so no stamp is blanked in part). */
export function buildTimeStamps(time: JekyllTime): string[] {
  const fields = strftimeFields(time, "");
  const stamps = new Set([
    time.toString(),
    time.toISO(),
    strftime(fields, "%a, %d %b %Y %H:%M:%S %z"),
    strftime(fields, "%s"),
  ]);
  return [...stamps].sort((a, b) => b.length - a.length);
}

const BLANK = "\u0000build-time\u0000";

function blankStamps(text: string, stamps: string[]): string {
  let out = text;
  for (const stamp of stamps) if (out.includes(stamp)) out = out.split(stamp).join(BLANK);
  return out;
}

/**
 * True when `after` (written at `afterTime`) says what `before` (written at `beforeTime`) said,
 * apart from the build time stamped in it.
 */
export function differsOnlyByBuildTime(before: string, after: string, beforeTime: JekyllTime, afterTime: JekyllTime): boolean {
  return buildTimeComparison(beforeTime, afterTime)(before, after);
}

/**
 * differsOnlyByBuildTime for many outputs of the same two builds: the stamps are worked out once.
 * An output that prints none of its build's stamps differs by more than the time (blanking would
 * leave it as it is), which most pages show at the cost of a search for each stamp.
 */
export function buildTimeComparison(beforeTime: JekyllTime, afterTime: JekyllTime): (before: string, after: string) => boolean {
  const sameTime = beforeTime.epochMs === afterTime.epochMs && beforeTime.offsetMinutes === afterTime.offsetMinutes;
  let stamps: { before: string[]; after: string[] } | undefined;
  return (before, after) => {
    if (before === after) return true;
    if (sameTime) return false;
    stamps ??= { before: buildTimeStamps(beforeTime), after: buildTimeStamps(afterTime) };
    if (!stamps.after.some((s) => after.includes(s)) && !after.includes(BLANK)) return false;
    return blankStamps(before, stamps.before) === blankStamps(after, stamps.after);
  };
}
