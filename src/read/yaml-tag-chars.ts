// The characters libyaml takes in a tag. Its scanner reads a tag's suffix as URI characters
// (letters, digits, `-_;/?:@&=+$,.!~*'()[]%`) and then wants whitespace or a line break: `#` is
// none of them, so `!t#c x` (a comment written without its space) stops Psych with "did not find
// expected whitespace or line break while scanning a tag", at the tag's `!` (`!<x#y>`: "did not
// find the expected '>'"). js-yaml takes `#` into the tag's name and reads on. (The other
// characters libyaml refuses there js-yaml refuses too; yaml-error-words.ts gives its words.)
import { yamlEvents } from "./yaml-depth.js";
import { rootProperties } from "./yaml-root-properties.js";

/** libyaml's error for the first tag holding a `#`, as js-yaml reads `text`; null if none does (or js-yaml cannot read it). */
export function tagWithHash(text: string): { reason: string; at: number } | null {
  if (!/![^\s#]*#/.test(text)) return null;
  // The root's properties first: the scanner reads them before anything js-yaml may fail on.
  for (const p of rootProperties(text).properties) {
    if (p.kind !== "!") continue;
    const tag = /^[^\s]*/.exec(text.slice(p.at))![0];
    if (tag.includes("#")) return hashError(tag, p.at);
  }
  const events = yamlEvents<{ tagStart?: number; tagEnd?: number }>(text);
  if (!events) return null;
  for (const ev of events) {
    if (ev.tagStart === undefined || ev.tagEnd === undefined || ev.tagStart < 0) continue;
    const tag = text.slice(ev.tagStart, ev.tagEnd);
    if (!tag.includes("#")) continue;
    return hashError(tag, ev.tagStart);
  }
  return null;
}

function hashError(tag: string, at: number): { reason: string; at: number } {
  const verbatim = tag.startsWith("!<");
  return { reason: verbatim ? "did not find the expected '>' while scanning a tag" : "did not find expected whitespace or line break while scanning a tag", at };
}
