// Anchor and alias names as libyaml scans them: letters, digits, `_` and `-` only. js-yaml takes
// any other character up to the next space as part of the name (`&x.y`, `*x/y`); libyaml stops
// at it and, unless it is one that may follow a token (`?`, `:`, `,`, `]`, `}`, `%`, `@`, a
// backquote), refuses it: "did not find expected alphabetic or numeric character while scanning
// an anchor" (or "an alias"), at the `&` or `*`. (Where such a character follows, libyaml reads a
// shorter name and then that token: `&x: v` is an anchored empty key; left to js-yaml.)
import { parseEvents } from "js-yaml";

/** An anchor or alias whose name has a character outside libyaml's, at a word boundary. */
const MAYBE_BAD_NAME = /(?:^|[\s[{,])[&*][\w-]*[^\w\s?:,\]}%@`-]/m;

/** js-yaml's event type of an alias. */
const ALIAS = 5;

/** The first anchor or alias libyaml refuses: where (its `&` or `*`) and libyaml's words; null when none. */
export function invalidAnchorName(text: string): { at: number; reason: string } | null {
  if (!MAYBE_BAD_NAME.test(text)) return null;
  let events: Array<{ type: number; anchorStart?: number; anchorEnd?: number }>;
  try {
    events = parseEvents(text, {}) as typeof events;
  } catch {
    return null;
  }
  for (const ev of events) {
    if (ev.anchorStart === undefined || ev.anchorEnd === undefined || ev.anchorStart < 1) continue;
    const name = text.slice(ev.anchorStart, ev.anchorEnd);
    const bad = name.search(/[^A-Za-z0-9_-]/);
    if (bad < 0 || "?:,]}%@`".includes(name[bad]!)) continue;
    return { at: ev.anchorStart - 1, reason: `did not find expected alphabetic or numeric character while scanning an ${ev.type === ALIAS ? "alias" : "anchor"}` };
  }
  return null;
}
