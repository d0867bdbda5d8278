// Anchor and alias names as libyaml scans them: letters, digits, `_` and `-` only. js-yaml takes
// any other character up to the next space as part of the name (`&x.y`, `*x/y`); libyaml stops
// at it and, unless it is one that may follow a token (`?`, `:`, `,`, `]`, `}`, `%`, `@`, a
// backquote), refuses it: "did not find expected alphabetic or numeric character while scanning
// an anchor" (or "an alias"), at the `&` or `*`. Where such a character follows, libyaml reads the
// shorter name and then that token: `&x: v` is an anchored empty key ({nil => "v"}), `*x: v` the
// aliased value as a key.
import { EVENT_ALIAS, parseEvents } from "js-yaml";
import { YAML_PARSER_OPTIONS } from "./yaml-depth.js";

/** An anchor or alias whose name has a character outside libyaml's, at a word boundary. */
const MAYBE_BAD_NAME = /(?:^|[\s[{,])[&*][\w-]*[^\w\s?:,\]}%@`-]/m;

/** An anchor or alias name followed, without a space, by a character libyaml ends it at. */
const MAYBE_ENDED_NAME = /(?:^|[\s[{,])[&*][\w-]+[?:,\]}%@`]/m;

/** The first anchor or alias libyaml refuses: where (its `&` or `*`) and libyaml's words; null when none. */
export function invalidAnchorName(text: string): { at: number; reason: string } | null {
  if (!MAYBE_BAD_NAME.test(text)) return null;
  let events: Array<{ type: number; anchorStart?: number; anchorEnd?: number }>;
  try {
    events = parseEvents(text, YAML_PARSER_OPTIONS) as typeof events;
  } catch {
    return null;
  }
  for (const ev of events) {
    if (ev.anchorStart === undefined || ev.anchorEnd === undefined || ev.anchorStart < 1) continue;
    const name = text.slice(ev.anchorStart, ev.anchorEnd);
    const bad = name.search(/[^A-Za-z0-9_-]/);
    if (bad < 0 || "?:,]}%@`".includes(name[bad]!)) continue;
    return { at: ev.anchorStart - 1, reason: `did not find expected alphabetic or numeric character while scanning an ${ev.type === EVENT_ALIAS ? "alias" : "anchor"}` };
  }
  return null;
}

/**
 * The text with a space between each anchor or alias name and a character libyaml ends the name
 * at without an error (`&x: v` → `&x : v`), so that js-yaml reads the tokens libyaml reads. The
 * text as it was when there is none (or js-yaml cannot read it: the load reports that).
 */
export function separateAnchorNames(text: string): string {
  if (!MAYBE_ENDED_NAME.test(text)) return text;
  let events: Array<{ anchorStart?: number; anchorEnd?: number }>;
  try {
    events = parseEvents(text, YAML_PARSER_OPTIONS) as typeof events;
  } catch {
    return text;
  }
  const cuts: number[] = [];
  for (const ev of events) {
    if (ev.anchorStart === undefined || ev.anchorEnd === undefined || ev.anchorStart < 1) continue;
    const bad = text.slice(ev.anchorStart, ev.anchorEnd).search(/[^A-Za-z0-9_-]/);
    if (bad > 0) cuts.push(ev.anchorStart + bad);
  }
  let out = text;
  for (const at of cuts.sort((a, b) => b - a)) out = `${out.slice(0, at)} ${out.slice(at)}`;
  return out;
}
