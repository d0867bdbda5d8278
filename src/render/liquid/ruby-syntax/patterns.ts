// Ruby Liquid 5.4's shared syntax patterns (lib/liquid.rb), written as JavaScript regular
// expressions that match what Ruby's match. Three differences between the two regex dialects
// matter here and are spelled out instead of relying on the shorthand:
// - Ruby's `\s` is ASCII whitespace [ \t\r\n\f\v]; JavaScript's also takes Unicode spaces (NBSP…).
// - Ruby's `.` matches anything but "\n" (and everything with the /m flag); JavaScript's also
//   stops at "\r", U+2028 and U+2029.
// - Ruby has atomic groups `(?>…)`; JavaScript gets the same effect from `(?=(…))\1`.
// `\w`, `\d` and `\b` are ASCII in both.

/** Ruby's `\s`. */
export const S = "[ \\t\\r\\n\\f\\v]";
/** Ruby's `\S`. */
export const NS = "[^ \\t\\r\\n\\f\\v]";
/** Ruby's `.` without /m. */
export const DOT = "[^\\n]";
/** Ruby's `.` with /m. */
export const DOT_ALL = "[\\s\\S]";

/** QuotedString = /"[^"]*"|'[^']*'/ */
export const QUOTED_STRING = `"[^"]*"|'[^']*'`;
/** QuotedFragment = /#{QuotedString}|(?:[^\s,\|'"]|#{QuotedString})+/ */
export const QUOTED_FRAGMENT = `(?:${QUOTED_STRING}|(?:[^ \\t\\r\\n\\f\\v,|'"]|${QUOTED_STRING})+)`;
/** TagAttributes = /(\w[\w-]*)\s*\:\s*(#{QuotedFragment})/ */
export const TAG_ATTRIBUTES = `(\\w[\\w-]*)${S}*:${S}*(${QUOTED_FRAGMENT})`;
/** VariableSignature = /\(?[\w\-\.\[\]]\)?/ */
export const VARIABLE_SIGNATURE = "\\(?[\\w\\-.\\[\\]]\\)?";
/** VariableSegment = /[\w\-]/ */
export const VARIABLE_SEGMENT = "[\\w\\-]";

/** VariableParser = /\[[^\]]+\]|#{VariableSegment}+\??/ (scanned). */
export const VARIABLE_PARSER = /\[[^\]]+\]|[\w-]+\??/g;
/** TagAttributes, scanned over a whole markup (`for`, `tablerow`). */
export const TAG_ATTRIBUTES_SCAN = new RegExp(TAG_ATTRIBUTES, "g");

/** All matches of a global regex, as `String#scan` with groups yields them. */
export function scan(re: RegExp, s: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    out.push(m);
    if (m[0] === "") re.lastIndex++;
  }
  return out;
}

const STRIP_CHARS = "\0\t\n\v\f\r ";

// Ruby's String#strip (ASCII whitespace and NUL at both ends): the one in src/ruby/strings.ts.
export { rubyStrip } from "../../../ruby/strings.js";

/** Length of the whitespace (and NUL) Ruby's String#lstrip removes. */
export function lstripLength(s: string, from = 0, to = s.length): number {
  let a = from;
  while (a < to && STRIP_CHARS.includes(s[a]!)) a++;
  return a - from;
}

/** Length of the whitespace (and NUL) Ruby's String#rstrip removes. */
export function rstripLength(s: string, from = 0, to = s.length): number {
  let b = to;
  while (b > from && STRIP_CHARS.includes(s[b - 1]!)) b--;
  return to - b;
}
