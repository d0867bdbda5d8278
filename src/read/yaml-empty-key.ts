// An implicit empty key (`: v`), which js-yaml reads as the key "" and libyaml refuses.
//
// libyaml's scanner makes a KEY token only in front of a simple key (a scalar, tag or anchor on
// the same line before the `:`) or for an explicit `?`. A `:` with nothing before it gives a bare
// VALUE token, and the parser, waiting for a key, stops:
//  - in a block mapping (`: v`, `a: 1\n: 2`, `- : v`): "did not find expected key while parsing a
//    block mapping", which Psych reports at the mapping's start (its context mark);
//  - in a flow collection (`{a: 1, : v}`, `[: v]`): "did not find expected node content while
//    parsing a flow node", reported at the `:`.
// An explicit key (`? \n: v`, `{? : v}`) and an empty key that carries a tag or an anchor
// (`!!str : v`, `&x : v`) are keys to libyaml, and Psych reads them.
import { COLLECTION_STYLE_FLOW, EVENT_MAPPING, EVENT_POP, EVENT_SCALAR, EVENT_SEQUENCE, SCALAR_STYLE_DOUBLE_QUOTED, SCALAR_STYLE_SINGLE_QUOTED } from "js-yaml";
import { yamlEvents } from "./yaml-depth.js";

/** A `:` that may be an empty key's: first on its line, or after `-`, `?`, `,`, `[` or `{`. */
const MAYBE_EMPTY_KEY = /(?:^|[-?,[{])[ \t]*:(?=[ \t\r\n]|$)/m;

interface EmptyKey { at: number; reason: string }

interface Event { type: number; start?: number; style?: number; valueStart?: number; valueEnd?: number; tagStart?: number; anchorStart?: number }

/** Whitespace, comments and the ends of flow entries between two nodes. */
const BETWEEN_NODES = /^(?:[\s,\]}]|#[^\n]*)*/;

/**
 * The first implicit empty key of the text, with where Psych reports it and libyaml's words; null
 * when there is none, or when js-yaml cannot read the text (the load reports that).
 */
export function emptyImplicitKey(text: string): EmptyKey | null {
  if (!MAYBE_EMPTY_KEY.test(text)) return null;
  const events = yamlEvents<Event>(text);
  if (!events) return null;
  const open: Array<{ mapping: boolean; flow: boolean; start: number; nodes: number }> = [];
  // Where the text read so far ends: the next key's `?` or `:` is the first thing after it.
  let last = 0;
  for (const ev of events) {
    const parent = open[open.length - 1];
    const isNode = ev.type === EVENT_SCALAR || ev.type === EVENT_SEQUENCE || ev.type === EVENT_MAPPING;
    if (isNode && parent) {
      const atKey = parent.mapping && parent.nodes % 2 === 0;
      parent.nodes++;
      const bare = ev.type === EVENT_SCALAR && ev.valueStart === -1 && (ev.tagStart ?? -1) < 0 && (ev.anchorStart ?? -1) < 0;
      if (atKey && bare) {
        const from = parent.nodes === 1 ? parent.start + (parent.flow && text[parent.start] === "{" ? 1 : 0) : last;
        const indicator = from + BETWEEN_NODES.exec(text.slice(from))![0].length;
        if (text[indicator] === ":") {
          return parent.flow
            ? { at: indicator, reason: "did not find expected node content while parsing a flow node" }
            : { at: parent.start, reason: "did not find expected key while parsing a block mapping" };
        }
      }
    }
    if (ev.type === EVENT_SEQUENCE || ev.type === EVENT_MAPPING) {
      const start = ev.start ?? last;
      open.push({ mapping: ev.type === EVENT_MAPPING, flow: ev.style === COLLECTION_STYLE_FLOW, start, nodes: 0 });
      last = Math.max(last, start + (ev.style === COLLECTION_STYLE_FLOW ? 1 : 0));
    } else if (ev.type === EVENT_POP) {
      open.pop();
    } else if (ev.type === EVENT_SCALAR && ev.valueEnd !== undefined && ev.valueEnd >= 0) {
      // A quoted scalar's closing quote is past valueEnd.
      last = Math.max(last, ev.valueEnd + (ev.style === SCALAR_STYLE_SINGLE_QUOTED || ev.style === SCALAR_STYLE_DOUBLE_QUOTED ? 1 : 0));
    }
  }
  return null;
}
