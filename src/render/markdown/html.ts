// HTML knowledge kramdown 2.4 uses when it parses raw HTML in Markdown and writes it back out.
// kramdown does not pass HTML through: it parses tags into elements and re-serialises them, which is
// why single-quoted attributes come out double-quoted, `<br>` becomes `<br />`, tag names of known
// elements are lower-cased and a bare attribute `open` becomes `open=""`. The tables below are the
// element lists of kramdown/parser/html.rb (facts, not code).

import { type ExecOnly, asciiFirst, asciiSource, isAscii } from './ascii-first.js';
import { lazyRegExp } from '../../lazy-regexp.js';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Elements whose content kramdown parses as blocks when `markdown="1"` (HTML_CONTENT_MODEL_BLOCK). */
const CONTENT_MODEL_BLOCK = words(`address applet article aside blockquote body dd details div dl
  fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object
  section summary td`);
/** Elements whose content kramdown parses as span text when `markdown="1"` (HTML_CONTENT_MODEL_SPAN). */
const CONTENT_MODEL_SPAN = words(`a abbr acronym b bdo big button cite caption del dfn dt em h1 h2
  h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup
  th tt`);
/** Span-level elements: a line starting with one of these is a paragraph, not an HTML block. */
export const SPAN_ELEMENTS = words(`a abbr acronym b big bdo br button cite code del dfn em i img input
  ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var`);
/** Block-level elements: such a start tag inside a paragraph is left as text by kramdown. */
export const BLOCK_ELEMENTS = words(`address article aside applet body blockquote caption col colgroup
  dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe
  legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul`);
/** Void elements, written as `<x />` (HTML_ELEMENTS_WITHOUT_BODY). */
export const ELEMENTS_WITHOUT_BODY = words(`area base br col command embed hr img input keygen link meta
  param source track wbr`);
const RAW_MODEL = words('script style math option textarea pre code kbd samp var');
/** Names kramdown knows; only these are lower-cased (`<DIV>` → `<div>`, `<Foo>` stays). */
export const KNOWN_ELEMENTS = new Set([...SPAN_ELEMENTS, ...BLOCK_ELEMENTS, ...ELEMENTS_WITHOUT_BODY,
  ...CONTENT_MODEL_BLOCK, ...CONTENT_MODEL_SPAN, ...RAW_MODEL]);

export type ContentModel = 'block' | 'span' | 'raw';

/** kramdown's default content model of an element (what `markdown="1"` selects). */
export function defaultContentModel(name: string): ContentModel {
  if (CONTENT_MODEL_BLOCK.has(name)) return 'block';
  if (CONTENT_MODEL_SPAN.has(name)) return 'span';
  return 'raw';
}

/** `markdown="…"` values kramdown understands (HTML_MARKDOWN_ATTR_MAP); anything else is ignored. */
export function markdownAttrModel(value: string | undefined, name: string): ContentModel | null {
  switch (value) {
    case '0': return 'raw';
    case '1': return defaultContentModel(name);
    case 'span': return 'span';
    case 'block': return 'block';
    default: return null;
  }
}

/**
 * The tag patterns below are run through ./ascii-first.ts: their `\p{L}`/`\p{N}` classes cost V8 more
 * to compile than the rest of a small site's Markdown (the tag pattern alone became 45 KB of
 * native code), and on the ASCII tag text of nearly every page a widened form answers the same.
 * TAG_RE fails at once where the character after `<` is ASCII and no name can start with it (a
 * close tag, `<!--`, `< `): there the exact pattern fails too, and the widened one is not asked.
 */
// REXML's NCNAME_STR and UNAME_STR (kramdown's element and attribute names), simplified to the
// ASCII/Unicode letters real pages use: a name starts with a letter or `_` and holds at most one
// `:`, between two NCNames (`x:y`). `<:b>`, `<a::b>`, `<a:b:c>` and `<Jekyll::StaticFile:0x…>`
// (Ruby's Object#to_s, written by Liquid) are no tags: kramdown escapes them as text. The name
// need not be atomic as HTML_TAG_RE's `(?>…)` is: what may follow it (space, `/`, `>`) is never
// a name character, so no shorter name could let the tag match.
export const NCNAME_START = String.raw`[\p{L}_]`;
export const UNAME = String.raw`(?:${NCNAME_START}[\p{L}\p{N}_.\-]*:)?${NCNAME_START}[\p{L}\p{N}_.\-]*`;
const NAME = UNAME;
/**
 * A start tag, kramdown's HTML_TAG_RE: name (1), attribute text (2), optional self-closing slash (5).
 * Each attribute is an atomic group there (`(?>\s+name(=value)?)*`): a quoted value ends at its
 * first closing quote, never stretched over later quotes by backtracking when what follows is no
 * attribute (`type="text/html" [hreflang="x" ]/>` is no tag). JavaScript has no atomic groups:
 * `(?=(…))\3` is the same (groups 3 and 4 are that attribute and its quote).
 */
const TAG_SOURCE = String.raw`^<(${NAME})\s*((?:(?=(\s+${NAME}(?:\s*=\s*(?:[\p{L}\p{N}_]+|("|')[\s\S]*?\4))?))\3)*)\s*(\/)?>`;
const TAG_WIDENED = asciiFirst(TAG_SOURCE, 'u', false);
export const TAG_RE: ExecOnly = {
  exec(text: string): RegExpExecArray | null {
    const c = text.charCodeAt(1);
    if (text.charCodeAt(0) !== 0x3c || (c < 0x80 && !isAsciiNameStart(c))) return null;
    return TAG_WIDENED.exec(text);
  },
};
export const TAG_CLOSE_RE: ExecOnly = asciiFirst(String.raw`^<\/(${NAME})\s*>`, 'u', true);
const ATTR_SOURCE = String.raw`\s*(${NAME})(?:\s*=\s*(?:([\p{L}\p{N}_]+)|("|')([\s\S]*?)\3))?`;
// On an all-ASCII attribute text the ASCII classes hold the same characters as the Unicode ones.
const ASCII_ATTR_RE = new RegExp(asciiSource(ATTR_SOURCE), 'gu');
let unicodeAttrRe: RegExp | undefined;

/** A character (code below 0x80) a tag name may start with: NAME's first class on ASCII. */
function isAsciiNameStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}
const NAME_START = lazyRegExp(String.raw`^${NCNAME_START}`, 'u');
/**
 * Whether the text starts with a character a tag name may start with (NCNAME_START), answered for
 * an ASCII one without the `\p{L}` pattern (./ascii-first.ts). A lone surrogate starts none.
 */
export function isNameStart(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 0x80 ? isAsciiNameStart(c) : NAME_START().test(text);
}
export const COMMENT_RE = /^<!--[\s\S]*?-->/;

let closesText: string | undefined;
let lastClose = -1;
/**
 * COMMENT_RE at `pos` in `src`, within `max`: the comment's text, or null. The text's last `-->`
 * is found once per text, so that each of many unclosed `<!--` fails at once, where the pattern
 * from each of them scanned to the text's end (32,000 of them: 1.5 s).
 */
export function commentAt(src: string, pos: number, max: number): string | null {
  if (!src.startsWith('<!--', pos)) return null;
  if (src !== closesText) {
    closesText = src;
    lastClose = src.lastIndexOf('-->');
  }
  if (lastClose < pos + 4) return null;
  const close = src.indexOf('-->', pos + 4);
  return close >= 0 && close + 3 <= max ? src.slice(pos, close + 3) : null;
}
export const INSTRUCTION_RE = /^<\?[\s\S]*?\?>/;

export type Attrs = Map<string, string>;

/** Attributes in source order; names lower-cased for known elements; a bare name gets "". */
export function parseAttributes(text: string, known: boolean): Attrs {
  const attrs: Attrs = new Map();
  const re = isAscii(text) ? ASCII_ATTR_RE : (unicodeAttrRe ??= new RegExp(ATTR_SOURCE, 'gu'));
  for (const m of text.matchAll(re)) {
    const name = known ? m[1].toLowerCase() : m[1];
    attrs.set(name, m[2] ?? m[4] ?? '');
  }
  return attrs;
}

/** Tag name as kramdown stores it: lower-cased only when it is an element kramdown knows. */
export function normaliseTagName(name: string): string {
  const lower = name.toLowerCase();
  return KNOWN_ELEMENTS.has(lower) ? lower : name;
}

// kramdown's escape_html: entity references already in the text are kept (REXML's REFERENCE_RE),
// bare `<`, `>`, `&` (and `"` in attributes) are escaped. REFERENCE_RE's names are Ruby's ASCII
// `\w` (a digit may start one: `&8617;` is kept, `&é;` is escaped), not XML's Name production.
const REFERENCE = String.raw`&(?:[\w:][\w:.\-]*|#[0-9]+|#x[0-9a-fA-F]+);`;
const TEXT_ESCAPE_RE = new RegExp(`${REFERENCE}|[<>&]`, 'gu');
const ATTR_ESCAPE_RE = new RegExp(`${REFERENCE}|[<>&"]`, 'gu');
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

// Most strings have nothing to escape: a cheap test first spares the replace and its callback
// (every escape needs one of these characters; an entity reference starts with `&`). indexOf per
// character is a native memchr, ~3x faster than a character-class regex over paragraph text.
const hasTextSpecial = (s: string) => s.indexOf('&') >= 0 || s.indexOf('<') >= 0 || s.indexOf('>') >= 0;

export function escapeText(s: string): string {
  return hasTextSpecial(s) ? s.replace(TEXT_ESCAPE_RE, (m) => ESCAPES[m] ?? m) : s;
}
export function escapeAttr(s: string): string {
  return hasTextSpecial(s) || s.indexOf('"') >= 0 ? s.replace(ATTR_ESCAPE_RE, (m) => ESCAPES[m] ?? m) : s;
}
/** escape_html(…, :all): used for code, where entity references must show literally. */
export function escapeAll(s: string): string {
  return hasTextSpecial(s) ? s.replace(/[<>&]/g, (m) => ESCAPES[m]) : s;
}

/**
 * kramdown's html_attributes: ` name="value"` in insertion order, values escaped; an empty or blank
 * `id` is left out (a header whose GFM id is empty gets no id attribute).
 */
export function htmlAttributes(attrs: Attrs | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [k, v] of attrs) if (k !== 'id' || v.trim() !== '') out += ` ${k}="${escapeAttr(v)}"`;
  return out;
}
