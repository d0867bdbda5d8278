// The properties (anchor `&x`, tag `!t`) that open a document's root, as libyaml's parser takes
// them: a node has at most one anchor and one tag, in either order. A second one of a kind (`&y &x
// v`, `&y\n&x v`, `!t !u v`) ends the root's properties: the root is an empty node with the ones
// before it, the document ends there, and Psych.safe_load returns it without reading on (nil;
// `""` under `!!str`). js-yaml calls the repeat an error ("duplication of an anchor property") or
// reads past it. Where libyaml's scanner made the line holding the repeat a mapping's first key
// (a `key: ` on it, and a simple key could start there), that mapping's key holds the repeat and
// the mapping then meets a token it does not expect: "did not find expected key while parsing a
// block mapping", at the mapping's start (`&y &x a: 1`). `&y\n&x a: 1` is {"a" => 1}: the key
// `&x a` starts its own line, the root's anchor is the mapping's.

export interface RootProperty {
  /** Offset of the `&` or `!`. */
  at: number;
  kind: "&" | "!";
  /** Offset of the first token on this property's line (where a simple key there starts). */
  lineFirst: number;
}

const ANCHOR = /^&[A-Za-z0-9_-]+(?=[ \t\r\n]|$)/;
const TAG = /^![^\s]*(?=[ \t\r\n]|$)/;

/**
 * The properties before the root's content, after blank and comment lines and an optional `---`
 * (then `afterMarker` is where that line's properties start: no simple key starts on it). Stops at
 * the first token that is no property.
 */
export function rootProperties(text: string): { properties: RootProperty[]; afterMarker: number; contentAt: number } {
  const properties: RootProperty[] = [];
  let i = 0;
  let afterMarker = -1;
  let lineFirst = -1;
  const lead = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*/.exec(text)![0].length;
  i = lead;
  const marker = /^---(?:[ \t]+|(?=\r?\n|$))/.exec(text.slice(i));
  if (marker) {
    i += marker[0].length;
    afterMarker = i;
    lineFirst = -2; // the marker's line: no simple key
  }
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\r") { i++; continue; }
    if (c === "\n") { i++; lineFirst = -1; continue; }
    if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
      continue;
    }
    const m = c === "&" ? ANCHOR.exec(text.slice(i, i + 300)) : c === "!" ? TAG.exec(text.slice(i, i + 1100)) : null;
    if (!m) break;
    if (lineFirst === -1) lineFirst = i;
    properties.push({ at: i, kind: c as "&" | "!", lineFirst });
    i += m[0].length;
  }
  return { properties, afterMarker, contentAt: i };
}

/** The first property that repeats a kind among `properties`, or -1. */
function firstRepeat(properties: RootProperty[]): number {
  const seen = new Set<string>();
  for (let k = 0; k < properties.length; k++) {
    if (seen.has(properties[k]!.kind)) return k;
    seen.add(properties[k]!.kind);
  }
  return -1;
}

/**
 * Where the root's properties repeat a kind: `{ end }`, the offset where the document ends (read
 * the text before it), or `{ at, reason }`, libyaml's error; null where no property repeats (or
 * where this does not decide: after `--- ` on a line that holds a `key: `).
 */
export function repeatedRootProperty(text: string, valueIndicatorOutsideFlow: (line: string) => boolean): { end: number } | { at: number; reason: string } | null {
  if (!/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:---[ \t]+)?[ \t]*[!&]/.test(text) && !/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*---[ \t]*\r?\n/.test(text)) return null;
  const { properties } = rootProperties(text);
  const k = firstRepeat(properties);
  if (k < 0) return null;
  const repeat = properties[k]!;
  const lineEnd = text.indexOf("\n", repeat.at);
  const rest = text.slice(repeat.lineFirst < 0 ? repeat.at : repeat.lineFirst, lineEnd < 0 ? text.length : lineEnd);
  if (!valueIndicatorOutsideFlow(rest)) return { end: repeat.at };
  if (repeat.lineFirst === -2) return null;
  // The mapping starts at its line's first token; its key's properties are those from there.
  const keyProperties = properties.filter((p) => p.lineFirst === repeat.lineFirst);
  if (keyProperties[0] === properties[0] || firstRepeat(keyProperties) >= 0) return { at: repeat.lineFirst, reason: "did not find expected key while parsing a block mapping" };
  return null;
}
