// A block mapping that starts on the line of the key it is the value of (`a: &b : c`,
// `a: !!str : c`, `- a: &x : v`): libyaml refuses it ("mapping values are not allowed in this
// context", at the inner `:`), as it refuses `a: b: c`. js-yaml refuses `a: b: c` too, but reads
// an inner key that is empty and carries an anchor or a tag. A compact mapping stays allowed where
// libyaml allows one: in a sequence entry (`- &a : v`), after an explicit `? key` line
// (`? a\n: &b : c`), at the root, and in a flow collection (`[&b : c]`).
import { COLLECTION_STYLE_FLOW, EVENT_ALIAS, EVENT_MAPPING, EVENT_POP, EVENT_SCALAR, EVENT_SEQUENCE } from "js-yaml";
import { yamlEvents } from "./yaml-depth.js";

/** An anchor or a tag right before a `: ` (the inner key's properties). */
const MAYBE_COMPACT = /[&!][^\s]*[ \t]+:(?:[ \t]|\r?$)/m;

interface Event { type: number; start?: number; style?: number; valueStart?: number; valueEnd?: number; tagStart?: number; tagEnd?: number; anchorStart?: number; anchorEnd?: number }

interface Open { mapping: boolean; flow: boolean; nodes: number; keyAt: number }

/** Where a node's text starts: its properties (`&a`, `!!t`) or its value. */
function nodeStart(ev: Event): number {
  const starts = [(ev.anchorStart ?? -1) - 1, ev.tagStart ?? -1, ev.valueStart ?? -1, ev.start ?? -1].filter((n) => n >= 0);
  return starts.length === 0 ? -1 : Math.min(...starts);
}

/** Where a scalar's text ends: its value, or its last property when it has no value. */
function scalarEnd(ev: Event): number {
  return Math.max(ev.valueEnd ?? -1, ev.anchorEnd ?? -1, ev.tagEnd ?? -1);
}

/** The first such mapping: where libyaml stops (its first key's `:`) and libyaml's words; null when none, or when js-yaml cannot read the text (the load reports that). */
export function compactMappingValue(text: string): { at: number; reason: string } | null {
  if (!MAYBE_COMPACT.test(text)) return null;
  const events = yamlEvents<Event>(text);
  if (!events) return null;
  const open: Open[] = [];
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    const parent = open[open.length - 1];
    const isNode = ev.type === EVENT_SCALAR || ev.type === EVENT_SEQUENCE || ev.type === EVENT_MAPPING || ev.type === EVENT_ALIAS;
    if (isNode && parent) {
      const atValue = parent.mapping && parent.nodes % 2 === 1;
      if (!atValue && parent.mapping) parent.keyAt = nodeStart(ev);
      parent.nodes++;
      if (atValue && !parent.flow && ev.type === EVENT_MAPPING && ev.style !== COLLECTION_STYLE_FLOW && parent.keyAt >= 0) {
        const start = ev.start ?? -1;
        const key = events[i + 1];
        if (start >= 0 && !text.slice(parent.keyAt, start).includes("\n") && key?.type === EVENT_SCALAR) {
          const colon = text.indexOf(":", scalarEnd(key));
          if (colon >= 0) return { at: colon, reason: "mapping values are not allowed in this context" };
        }
      }
    }
    if (ev.type === EVENT_SEQUENCE || ev.type === EVENT_MAPPING) open.push({ mapping: ev.type === EVENT_MAPPING, flow: ev.style === COLLECTION_STYLE_FLOW, nodes: 0, keyAt: -1 });
    else if (ev.type === EVENT_POP) open.pop();
  }
  return null;
}
