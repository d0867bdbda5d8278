// A fast path for the front matter nearly every page and post has: a flat mapping of
//   key: plain scalar | "double quoted" | 'single quoted' | [flow, sequence] | (nothing)
// with an optional block sequence of such scalars under an empty key (`tags:` then `- a` lines),
// blank lines, and `#` comments. js-yaml takes ~40–115 µs per front matter (bench/PROFILE.md §6);
// this scanner takes a few.
//
// It must give exactly what js-yaml with our Psych schema gives, so:
//  - plain scalars are typed by the schema's own implicit resolvers (`plainScalarResolver`), in the
//    schema's order — ints, floats (RubyFloat), Psych booleans, null, timestamps (JekyllTime) all
//    come from the same code as on the slow path;
//  - anything it is not sure about returns `undefined`, and the caller parses with js-yaml:
//    indentation other than sequence items, multi-line scalars, anchors/aliases/tags, flow maps,
//    nested flow sequences, block scalars, tabs, lone CRs, control characters, duplicate keys,
//    keys that are not plain identifiers resolving to themselves, escapes other than the common
//    ones, `: ` inside a plain value, and values starting with an indicator character.
// test/unit/core/yaml-flat.test.ts runs both paths on generated and on every fixture's front
// matter and asserts the values are deep-equal, types and key order included.
import { NOT_RESOLVED, type Schema } from "js-yaml";

/** The value of a plain scalar, or UNSURE when it is not one the fast path may type. */
export type PlainResolver = (source: string) => unknown;
export const UNSURE: unique symbol = Symbol("unsure");

/** Tags whose implicit values the fast path may produce (others, like `<<` merge, fall back). */
const SAFE_TAGS = new Set(["null", "bool", "int", "float", "timestamp", "str"].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Resolves a plain scalar as js-yaml's Schema#resolveImplicitScalarTag does: the implicit scalar
 * tags that accept its first character (or any first character), in schema order, then `!!str`.
 * Built from the schema's public tag list.
 */
export function plainScalarResolver(schema: Schema): PlainResolver {
  const implicit = schema.tags.filter((t) => t.nodeKind === "scalar" && t.implicit);
  const byFirst = new Map<string, typeof implicit>();
  for (const t of implicit) {
    if (t.nodeKind !== "scalar" || t.implicitFirstChars === null) continue;
    for (const c of t.implicitFirstChars) {
      if (!byFirst.has(c)) byFirst.set(c, implicit.filter((u) => u.nodeKind === "scalar" && (u.implicitFirstChars === null || u.implicitFirstChars.includes(c))));
    }
  }
  const anyFirst = implicit.filter((t) => t.nodeKind === "scalar" && t.implicitFirstChars === null);
  const str = schema.tags.find((t) => t.nodeKind === "scalar" && t.tagName === "tag:yaml.org,2002:str");
  return (source) => {
    for (const tag of byFirst.get(source.charAt(0)) ?? anyFirst) {
      if (tag.nodeKind !== "scalar") continue;
      const value = tag.resolve(source, false, tag.tagName);
      if (value !== NOT_RESOLVED) return SAFE_TAGS.has(tag.tagName) ? value : UNSURE;
    }
    if (!str || str.nodeKind !== "scalar") return UNSURE;
    const value = str.resolve(source, false, str.tagName);
    return value === NOT_RESOLVED ? UNSURE : value;
  };
}

// Characters that make js-yaml complain or read differently (js-yaml's PATTERN_NON_PRINTABLE, plus
// tabs, a CR not before LF, NEL/LS/PS line breaks and a BOM): never the fast path.
const UNSAFE_TEXT = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const SEQ_ITEM = /^( *)- +(.*)$/;
/** What may follow a quoted scalar or flow sequence on its line: spaces, then maybe a comment. */
const TRAILER = /^(?: +#.*)? *$/;
const SIMPLE_ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "\t", r: "\r" };
const HEX4 = /^[0-9A-Fa-f]{4}$/;

/** Per resolver: whether a key reads as itself (the same few keys recur in every post). */
const plainKeys = new WeakMap<PlainResolver, Map<string, boolean>>();

function isPlainKey(key: string, resolve: PlainResolver): boolean {
  let known = plainKeys.get(resolve);
  if (!known) plainKeys.set(resolve, (known = new Map()));
  let ok = known.get(key);
  if (ok === undefined) known.set(key, (ok = key !== "__proto__" && resolve(key) === key));
  return ok;
}

/** Parses `text` as a flat YAML mapping, or returns undefined when js-yaml must decide. */
export function loadFlatYaml(text: string, resolve: PlainResolver): Record<string, unknown> | undefined {
  if (UNSAFE_TEXT.test(text)) return undefined;
  const lines = text.split("\n");
  const result: Record<string, unknown> = {};
  let sawKey = false;
  for (let i = 0; i < lines.length; i++) {
    const line = stripCr(lines[i]!);
    if (isBlankOrComment(line)) continue;
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    // libyaml takes a key without `?` only within 1,024 characters of its start.
    if (key.length > 1000) return undefined;
    if (!isPlainKey(key, resolve) || Object.prototype.hasOwnProperty.call(result, key)) return undefined;
    const rest = m[2] ?? "";
    let value: unknown;
    if (rest === "" || rest.charCodeAt(0) === 35 /* # */) {
      // `key:` with nothing after it: null, or a block sequence on the following lines.
      const seq = blockSequence(lines, i + 1, resolve);
      if (seq === undefined) return undefined;
      value = seq.items;
      i = seq.next - 1;
    } else {
      value = inlineValue(rest, resolve);
      if (value === UNSURE) return undefined;
    }
    result[key] = value;
    sawKey = true;
  }
  return sawKey ? result : undefined;
}

function stripCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/** Blank, or a comment starting in column 0 (indented comments are left to js-yaml). */
function isBlankOrComment(line: string): boolean {
  if (line.charCodeAt(0) === 35 /* # */) return true;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) !== 32) return false;
  return true;
}

/**
 * After an empty `key:`: the `- item` lines that follow (one indentation, possibly 0), or null
 * when the next content line is another key. `next` is the first line not consumed.
 */
function blockSequence(lines: string[], start: number, resolve: PlainResolver): { items: unknown; next: number } | undefined {
  let indent = -1;
  const items: unknown[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = stripCr(lines[i]!);
    if (isBlankOrComment(line)) continue;
    const m = SEQ_ITEM.exec(line);
    if (!m) {
      if (line.charCodeAt(0) === 32 /* space */ || line.startsWith("-")) return undefined;
      break;
    }
    const itemIndent = m[1]!.length;
    if (indent === -1) indent = itemIndent;
    else if (itemIndent !== indent) return undefined;
    const v = inlineValue(m[2]!, resolve);
    if (v === UNSURE) return undefined;
    items.push(v);
  }
  // A trailing run of blank lines belongs to no one; resume after the last item (or at `start`).
  if (indent === -1) return { items: null, next: start };
  return { items, next: i };
}

/** A one-line value: quoted string, flow sequence of scalars, or plain scalar (with a trailing comment). */
function inlineValue(s: string, resolve: PlainResolver): unknown {
  const c = s.charCodeAt(0);
  if (c === 34 /* " */ || c === 39 /* ' */) {
    const q = quoted(s, 0);
    if (!q || !TRAILER.test(s.slice(q.end))) return UNSURE;
    return q.value;
  }
  if (c === 91 /* [ */) return flowSequence(s, resolve);
  return plain(s, resolve);
}

/** A block-context plain scalar filling the rest of the line, up to a ` #` comment. */
function plain(s: string, resolve: PlainResolver): unknown {
  if (!canStartPlain(s)) return UNSURE;
  let end = s.indexOf(" #");
  if (end < 0) end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  const text = end === s.length ? s : s.slice(0, end);
  // `a: b` would be a nested mapping (or an error), `a:` at the end likewise.
  if (text.includes(": ") || text.endsWith(":")) return UNSURE;
  return resolve(text);
}

/** Indicator characters (and `-`/`?`/`:` before a space) cannot start a plain scalar, or start something else. */
function canStartPlain(s: string): boolean {
  if (s === "") return false;
  const c = s[0]!;
  if ("#&*!|>'\"%@`,[]{}?:".includes(c)) return false;
  if (c === "-" && (s.length === 1 || s[1] === " " || s[1] === "-")) return false;
  return true;
}

/** Characters that end a plain entry of a flow sequence here (`:` and `#` then fall back). */
const FLOW_STOP = new Uint8Array(128);
for (const c of ",[]{}#:\"'") FLOW_STOP[c.charCodeAt(0)] = 1;

/** A flow sequence with no quotes, nested collections, `#` or `:` (FLOW_STOP less the comma), and what follows it. */
const SIMPLE_FLOW = /^\[([^\[\]{}#:"']*)\](.*)$/;

/** `[a, "b", 'c']` on one line; nested collections, empty entries and `:`/`#` inside fall back. */
function flowSequence(s: string, resolve: PlainResolver): unknown {
  // The usual case, `[a, b, c]` of plain words, in one native match; quoted entries take the loop.
  const simple = SIMPLE_FLOW.exec(s);
  if (simple) {
    if (!TRAILER.test(simple[2]!)) return UNSURE;
    if (/^ *$/.test(simple[1]!)) return [];
    const plainItems: unknown[] = [];
    for (const raw of simple[1]!.split(",")) {
      const text = raw.replace(/^ +| +$/g, "");
      if (!canStartPlain(text)) return UNSURE;
      const v = resolve(text);
      if (v === UNSURE) return UNSURE;
      plainItems.push(v);
    }
    return plainItems;
  }
  const items: unknown[] = [];
  const n = s.length;
  let i = 1;
  while (s.charCodeAt(i) === 32) i++;
  if (s.charCodeAt(i) === 93 /* ] */) return TRAILER.test(s.slice(i + 1)) ? items : UNSURE;
  for (;;) {
    while (s.charCodeAt(i) === 32) i++;
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39) {
      const q = quoted(s, i);
      if (!q) return UNSURE;
      items.push(q.value);
      i = q.end;
    } else {
      let j = i;
      let end = i;
      for (; j < n; j++) {
        const d = s.charCodeAt(j);
        if (d < 128 && FLOW_STOP[d] === 1) break;
        if (d !== 32) end = j + 1;
      }
      const text = s.slice(i, end);
      if (!canStartPlain(text)) return UNSURE;
      const v = resolve(text);
      if (v === UNSURE) return UNSURE;
      items.push(v);
      i = j;
    }
    while (s.charCodeAt(i) === 32) i++;
    const d = s.charCodeAt(i);
    if (d === 44 /* , */) { i++; continue; }
    if (d === 93 /* ] */) return TRAILER.test(s.slice(i + 1)) ? items : UNSURE;
    return UNSURE;
  }
}

/** A quoted scalar starting at `start` and closing on the same line. */
function quoted(s: string, start: number): { value: string; end: number } | undefined {
  const q = s.charCodeAt(start);
  let out = "";
  let from = start + 1;
  for (let i = from; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === q) {
      // '' inside single quotes is one quote.
      if (q === 39 && s.charCodeAt(i + 1) === 39) {
        out += s.slice(from, i + 1);
        i++;
        from = i + 1;
        continue;
      }
      return { value: out + s.slice(from, i), end: i + 1 };
    }
    if (ch === 92 /* \ */ && q === 34) {
      const e = s[i + 1];
      out += s.slice(from, i);
      if (e !== undefined && Object.hasOwn(SIMPLE_ESCAPES, e)) {
        out += SIMPLE_ESCAPES[e];
        i++;
      } else if (e === "u" && HEX4.test(s.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
        i += 5;
      } else return undefined;
      from = i + 1;
    }
  }
  return undefined;
}
