// A `?` that starts an entry of a flow collection (`[x,?y]`, `{?y: 1}`) is a key indicator to
// libyaml whatever follows it: its scanner fetches a KEY token for `?` when inside a flow
// collection or before a blank (yaml_parser_fetch_next_token), so Psych reads `[x,?y]` as
// ["x", {"y" => nil}]. js-yaml (as YAML 1.2 does) wants a blank after `?` and reads `?y` as a plain
// scalar. A space after each such `?` lets js-yaml read the tokens libyaml reads. In the block
// context (`?y: 1`, `- ?y`) `?` before a non-blank is text in both.
import { COLLECTION_STYLE_FLOW, EVENT_MAPPING, EVENT_POP, EVENT_SEQUENCE, EVENT_SCALAR, SCALAR_STYLE_PLAIN } from "js-yaml";
import { yamlEvents } from "./yaml-depth.js";

/** A `?` right after a flow indicator (maybe past blanks), not before a blank or an entry's end. */
const MAYBE_FLOW_KEY = /[[{,][ \t\r\n]*\?[^\s,\]}]/;

interface Event { type: number; style?: number; valueStart?: number }

/** The text with a space after each `?` that starts a flow entry's plain scalar; as it was when there is none (or js-yaml cannot read it: the load reports that). */
export function separateFlowKeys(text: string): string {
  if (!MAYBE_FLOW_KEY.test(text)) return text;
  const events = yamlEvents<Event>(text);
  if (!events) return text;
  const flow: boolean[] = [];
  const cuts: number[] = [];
  for (const ev of events) {
    if (ev.type === EVENT_SEQUENCE || ev.type === EVENT_MAPPING) flow.push(ev.style === COLLECTION_STYLE_FLOW);
    else if (ev.type === EVENT_POP) flow.pop();
    else if (ev.type === EVENT_SCALAR && flow[flow.length - 1] === true && ev.style === SCALAR_STYLE_PLAIN) {
      const at = ev.valueStart ?? -1;
      if (at >= 0 && text[at] === "?" && !/[\s,\]}]/.test(text[at + 1] ?? " ")) cuts.push(at + 1);
    }
  }
  let out = text;
  for (const at of cuts.sort((a, b) => b - a)) out = `${out.slice(0, at)} ${out.slice(at)}`;
  return out;
}
