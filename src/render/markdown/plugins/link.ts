// Links and images as kramdown reads them (parse_link in kramdown/parser/kramdown/link.rb), replacing
// markdown-it's link and image rules. kramdown's inline destination is not CommonMark's:
// - the URL runs to the `)` that balances the opening `(`, spaces included (`[x](a b)` links to
//   "a b", `[x]({{ site.url }}/a)` to "{{ site.url }}/a"), unless whitespace followed by a quote
//   starts a title; `<…>` encloses a URL;
// - the title is everything between its quotes up to the last quote before `)`, kept as written
//   (backslashes are not escapes there: `"a \"b\""` is the title `a \"b\"`);
// - the URL is not percent-encoded or unescaped (written HTML-escaped only);
// - `[text] [id]`, `[text][]` and `[text]` are references (space allowed before the id);
// - an image's alt text is its label as written, only backslash escapes removed (`![*a*](x)` has
//   alt "*a*");
// - no link inside a link: the inner `[` is text.
// When nothing matches, the `[` (or `![`) is text and parsing goes on after it.
import type { MarkdownIt, StateInline, Token } from 'markdown-it';
import { parseIal } from '../ial.js';
import { kramdownLinkId } from './reference.js';
import { isFootnoteMarker } from './footnote-def.js';
import { applySpanOptions } from './kramdown-inline.js';

// kramdown's ESCAPED_CHARS (the alt text is unescaped with this set, not GFM's).
const ESCAPED = /\\([\\.*_+`<>()[\]{}#!:|"'$=-])/g;
const PAREN_STOP = /(\()|(\))|\s(?=['"])/g;
const INLINE_ID = /^\s*?\[([^\]]+)?\]/;
const INLINE_TITLE = /^\s*?(["'])([\s\S]+?)\1\s*?\)/;

interface KdState extends StateInline { kdInLink?: boolean; }
interface Target { href: string; title: string | null; end: number; ial?: Array<[string, string]>; }

/** The destination after the label (`pos` at the character after `]`), or null. */
function destination(state: StateInline, pos: number, alt: string): Target | null {
  const src = state.src;
  const max = state.posMax;
  const ref = INLINE_ID.exec(src.slice(pos, max));
  if (ref || src[pos] !== '(') {
    const id = kramdownLinkId(ref?.[1] ?? alt);
    const def = state.env.references?.[id] as { href: string; title: string; kdIal?: string } | undefined;
    if (!def) return null;
    // The definition's IAL comes first in the attributes (kramdown's add_link applies it before
    // setting href/src).
    const ial = def.kdIal ? [...parseIal(def.kdIal, (state.env as { kdAlds?: Map<string, string> }).kdAlds ?? new Map()).attrs] : undefined;
    return { href: def.href, title: def.title || null, end: pos + (ref ? ref[0].length : 0), ial };
  }
  let href: string;
  let q: number;
  const angle = /^\(<(.*?)>/.exec(src.slice(pos, max));
  if (angle) {
    href = angle[1];
    q = pos + angle[0].length;
    if (src[q] === ')') return { href, title: null, end: q + 1 };
  } else {
    let raw = '';
    let depth = 0;
    q = pos;
    PAREN_STOP.lastIndex = pos;
    let m: RegExpExecArray | null;
    while ((m = PAREN_STOP.exec(src)) && m.index < max) {
      raw += src.slice(q, m.index + m[0].length);
      q = m.index + m[0].length;
      PAREN_STOP.lastIndex = q;
      if (m[2]) { depth--; if (depth === 0) break; } else if (m[1]) depth++;
      else break;
    }
    // Without the opening `(` and the stop character (`)` or the whitespace before the title).
    href = raw.slice(1, -1).trim();
    if (depth === 0) return { href, title: null, end: q };
  }
  const t = INLINE_TITLE.exec(src.slice(q, max));
  if (!t) return null;
  return { href, title: t[2], end: q + t[0].length };
}

/** Whether `pos` is inside a backtick code span that starts at or after `from` (rough: pairs of equal runs). */
function inCodeSpan(src: string, from: number, pos: number): boolean {
  const re = /`+/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) && m.index < pos) {
    const close = src.indexOf(m[0], m.index + m[0].length);
    if (close < 0) return false;
    if (pos < close) return true;
    re.lastIndex = close + m[0].length;
  }
  return false;
}

/**
 * The span options kramdown's parse of `src[start, end)` runs (emphasis.ts's spanOptionsIn), given
 * by the converter: the emphasis rule's search skips links with linkEndAt, so emphasis.ts imports
 * this module, and this one is handed the search rather than importing it back.
 */
export type SpanOptionsSearch = (state: StateInline, start: number, end: number) => string[];

function link(state: KdState, silent: boolean, spanOptionsIn: SpanOptionsSearch | null): boolean {
  const src = state.src;
  const start = state.pos;
  const isImage = src[start] === '!';
  const open = start + (isImage ? 1 : 0);
  if (src[open] !== '[' || src[open + 1] === '^') return false;
  const marker = isImage ? '![' : '[';
  const asText = (parsedTo = -1) => {
    // kramdown parsed the text after the bracket (to the `]`, or to the end when none closes it)
    // before giving up: the span options met there stay set.
    if (!silent && spanOptionsIn && parsedTo > open) applySpanOptions(state, spanOptionsIn(state, open + 1, parsedTo));
    if (!silent) state.pending += marker;
    state.pos = open + 1;
    return true;
  };
  if (!isImage && state.kdInLink) return asText();
  const labelEnd = state.md.helpers.parseLinkLabel(state, open, false);
  if (labelEnd < 0) return asText(state.posMax);
  const label = src.slice(open + 1, labelEnd);
  // kramdown counts the `[` of a footnote marker in the text as an opening bracket, but the marker
  // parser then takes its `]`: the brackets no longer balance, and the `[` stays text
  // (`[text[^1]](url)` is no link, `![alt[^1]](src)` no image; the footnote is still a footnote).
  if (label.includes('[^')) {
    for (let p = open + 1; p < labelEnd; p++) if (isFootnoteMarker(src, p) && !inCodeSpan(src, open + 1, p)) return asText();
  }
  const target = destination(state, labelEnd + 1, label.replace(ESCAPED, '$1'));
  if (!target) return asText(labelEnd);
  if (!silent) {
    if (isImage) {
      const t: Token = state.push('image', 'img', 0);
      t.attrs = [...(target.ial ?? []), ['src', target.href], ['alt', label.replace(ESCAPED, '$1')]];
      if (target.title !== null) t.attrs.push(['title', target.title]);
      t.children = [];
      t.content = label;
    } else {
      const t = state.push('link_open', 'a', 1);
      t.attrs = [...(target.ial ?? []), ['href', target.href]];
      if (target.title !== null) t.attrs.push(['title', target.title]);
      const oldMax = state.posMax;
      const wasInLink = state.kdInLink;
      state.kdInLink = true;
      state.pos = open + 1;
      state.posMax = labelEnd;
      state.md.inline.tokenize(state);
      state.posMax = oldMax;
      state.kdInLink = wasInLink;
      state.push('link_close', 'a', -1);
    }
  }
  state.pos = target.end;
  return true;
}

/**
 * Where parsing goes on after a `[` or `![` at `pos` when a span that contains it looks for its end
 * (emphasis): after the whole link or image if one parses there, else after the bracket, which is
 * text.
 */
export function linkEndAt(state: StateInline, pos: number, max: number): number {
  const oldPos = state.pos;
  const oldMax = state.posMax;
  state.pos = pos;
  state.posMax = max;
  try {
    // A footnote marker (`[^`) is not this rule's: go on after its bracket.
    return link(state, true, null) && state.pos > pos ? state.pos : pos + 1;
  } finally {
    state.pos = oldPos;
    state.posMax = oldMax;
  }
}

export function linkPlugin(md: MarkdownIt, spanOptionsIn: SpanOptionsSearch): void {
  md.inline.ruler.at('link', (state, silent) => link(state, silent, spanOptionsIn));
  md.inline.ruler.disable('image');
}
