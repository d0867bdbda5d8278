// Span-level HTML as kramdown 2.4 reads it (parse_span_html in kramdown/parser/kramdown/html.rb).
// kramdown does not pass tags through: a start tag opens an element that owns everything up to its
// own close tag, which is why
// - an unclosed tag is closed at the end of the paragraph (`<tags>` → `<tags></tags>`), and a close
//   tag with no open element is text (`a </b>` → `a &lt;/b&gt;`);
// - only elements with kramdown's span content model (a, b, em, span, sup, …) have Markdown parsed
//   inside; all others (u, mark, kbd, font, unknown names) are "raw": only nested tags are read and
//   the rest is text (`<u>*x*</u>` keeps its stars);
// - a block-level start tag inside a paragraph (`<div>`) is text;
// - a self-closed non-void element is written open+close (`<x/>` → `<x></x>`), void ones as `<br />`.
// Tokens: `kd_html_open`/`kd_html_close` (nesting ±1, attrs on the open token, so span IALs apply),
// `kd_html_empty`, `kd_raw_text` (text inside raw elements: written with entity references kept),
// and `html_inline` for comments (written as is).
import type { MarkdownIt, StateInline } from 'markdown-it';
import {
  BLOCK_ELEMENTS, ELEMENTS_WITHOUT_BODY, KNOWN_ELEMENTS, TAG_CLOSE_RE, TAG_RE,
  commentAt, defaultContentModel, isNameStart, normaliseTagName, parseAttributes,
} from '../html.js';
import { codeSpanAt } from './codespan.js';
import { spanExtensionAt, spanOptionsParseSpanHtml } from './kramdown-inline.js';

interface Stop { re: RegExp; level: number; at: number; length: number; }
interface KdState extends StateInline { kdStop?: Stop | null; kdRawHtml?: boolean; }

const stopRes = new Map<string, RegExp>();
/** The close tag that ends element `name` (case-insensitive only for names kramdown knows). */
function stopRe(name: string): RegExp {
  let re = stopRes.get(name);
  if (!re) {
    re = new RegExp(`^</${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*>`, KNOWN_ELEMENTS.has(name) ? 'i' : '');
    stopRes.set(name, re);
  }
  return re;
}

/**
 * kramdown's parse_span_html where the span parser stands: the site's option (env, see index.ts),
 * as a block `{::options parse_span_html="…" /}` left it (kramdown parses spans after all blocks).
 */
export function parseSpanHtml(state: { env: any }): boolean {
  return state.env?.kdParseSpanHtml !== false;
}

interface StartTag { name: string; length: number; attrText: string; selfClosed: boolean; }
function startTag(rest: string): StartTag | null {
  const m = TAG_RE.exec(rest);
  return m ? { name: normaliseTagName(m[1]), length: m[0].length, attrText: m[2] ?? '', selfClosed: m[5] !== undefined } : null;
}

/**
 * Whether an element's content is parsed as Markdown: kramdown's do_parsing, `markdown` attr included.
 * `parseSpan` is kramdown's parse_span_html option (default true): false leaves the content of span
 * elements as text too (`<span>*x*</span>` keeps its stars), unless `markdown="1"` or `"span"` asks.
 */
function parsesMarkdown(name: string, markdownAttr: string | undefined, insideRaw: boolean, parseSpan: boolean): boolean {
  let parse = !(defaultContentModel(name) === 'raw' || insideRaw) && parseSpan;
  if (markdownAttr === 'span') parse = true;
  else if (markdownAttr === '1') parse = defaultContentModel(name) !== 'raw';
  else if (markdownAttr === '0') parse = false;
  return parse;
}

/**
 * Where the span HTML at `pos` ends, for scanners that must skip it (emphasis, silent mode):
 * -2 when there is none, -1 when it is an element without a close tag (it runs to `max`).
 */
export function spanHtmlEnd(src: string, pos: number, max: number, insideRaw = false, parseSpan = true, onOptions?: (attrs: string) => void): number {
  const comment = commentAt(src, pos, max);
  if (comment !== null) return pos + comment.length;
  const rest = src.slice(pos, max);
  let m = TAG_CLOSE_RE.exec(rest);
  if (m) return pos + m[0].length;
  const tag = startTag(rest);
  if (!tag) return -2;
  const end = pos + tag.length;
  if (BLOCK_ELEMENTS.has(tag.name) || tag.selfClosed || ELEMENTS_WITHOUT_BODY.has(tag.name)) return end;
  const parse = parsesMarkdown(tag.name, parseAttributes(tag.attrText, false).get('markdown'), insideRaw, parseSpan);
  const re = stopRe(tag.name);
  let q = end;
  while (q < max) {
    const c = src[q];
    if (c === '<') {
      m = re.exec(src.slice(q, max));
      if (m) return q + m[0].length;
      const inner = spanHtmlEnd(src, q, max, !parse, parseSpan, onOptions);
      if (inner === -1) return -1;
      if (inner >= 0) { q = inner; continue; }
    } else if (parse && c === '{' && onOptions && src.startsWith('{::', q)) {
      // (Asked for by a scan that stands in for kramdown's parse of the content: the span
      // options extensions that parse runs, with parse_span_html set from there on.)
      const ext = spanExtensionAt(src, q, max);
      if (ext?.options !== undefined) {
        onOptions(ext.options);
        parseSpan = spanOptionsParseSpanHtml(ext.options) ?? parseSpan;
        q = ext.end;
        continue;
      }
      q++;
      continue;
    } else if (parse && c === '\\') { q += 2; continue; } else if (parse && c === '`') {
      q = codeSpanAt(src, q, max).end;
      continue;
    }
    q++;
  }
  return -1;
}

function pushText(state: StateInline, from: number, to: number): void {
  if (to <= from) return;
  const t = state.push('kd_raw_text', '', 0);
  t.content = state.src.slice(from, to);
}

/** Content of a raw element: nested tags are elements, everything else text. Returns the stop. */
function rawContent(state: KdState, re: RegExp): { at: number; length: number } | null {
  const wasRaw = state.kdRawHtml;
  state.kdRawHtml = true;
  let from = state.pos;
  let found: { at: number; length: number } | null = null;
  while (state.pos < state.posMax) {
    if (state.src[state.pos] === '<') {
      const m = re.exec(state.src.slice(state.pos, state.posMax));
      if (m) { found = { at: state.pos, length: m[0].length }; break; }
      const at = state.pos;
      pushText(state, from, at);
      if (spanHtml(state, false)) {
        if (state.pending) state.pushPending();
        from = state.pos;
        continue;
      }
      from = at;
    }
    state.pos++;
  }
  pushText(state, from, found ? found.at : state.posMax);
  state.kdRawHtml = wasRaw;
  return found;
}

function spanHtml(state: KdState, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src[pos] !== '<') return false;
  const c1 = src[pos + 1];
  // HTML_SPAN_START: `<` then a name's first character (a letter or `_`, not `:`), `/`, `!` or `?`.
  if (c1 === undefined || !(c1 === '!' || c1 === '/' || isNameStart(c1))) return false;
  if (silent) {
    const end = spanHtmlEnd(src, pos, state.posMax, !!state.kdRawHtml, parseSpanHtml(state));
    if (end === -2) return false;
    state.pos = end === -1 ? state.posMax : end;
    return true;
  }
  const comment = commentAt(src, pos, state.posMax);
  if (comment !== null) {
    state.push('html_inline', '', 0).content = comment;
    state.pos += comment.length;
    return true;
  }
  const rest = src.slice(pos, state.posMax);
  const m = TAG_CLOSE_RE.exec(rest);
  if (m) {
    // A close tag that ends no open element: kramdown warns and keeps it as text.
    // (Text parse_span_html added: a quote right after it sees no character before it.)
    state.pending += m[0];
    state.pos += m[0].length;
    (state as any).kdConsumedEnd = state.pos;
    return true;
  }
  const tag = startTag(rest);
  if (!tag) return false;
  state.pos += tag.length;
  if (BLOCK_ELEMENTS.has(tag.name)) {
    state.pending += rest.slice(0, tag.length);
    (state as any).kdConsumedEnd = state.pos;
    return true;
  }
  const attrs = parseAttributes(tag.attrText, KNOWN_ELEMENTS.has(tag.name));
  const markdownAttr = attrs.get('markdown');
  attrs.delete('markdown');
  const attrList: Array<[string, string]> = [];
  for (const [k, v] of attrs) attrList.push([k, v === '' ? v : v.replace(/\n+/g, ' ')]);
  if (tag.selfClosed || ELEMENTS_WITHOUT_BODY.has(tag.name)) {
    const t = state.push('kd_html_empty', tag.name, 0);
    t.attrs = attrList;
    return true;
  }
  const open = state.push('kd_html_open', tag.name, 1);
  open.attrs = attrList;
  const re = stopRe(tag.name);
  let found: { at: number; length: number } | null;
  if (parsesMarkdown(tag.name, markdownAttr, !!state.kdRawHtml, parseSpanHtml(state))) {
    const saved = state.kdStop;
    const stop: Stop = { re, level: state.level, at: -1, length: 0 };
    state.kdStop = stop;
    state.md.inline.tokenize(state);
    state.kdStop = saved;
    found = stop.at >= 0 ? { at: stop.at, length: stop.length } : null;
  } else {
    found = rawContent(state, re);
  }
  const close = state.push('kd_html_close', tag.name, -1);
  // No close tag: kramdown auto-closes the element at the end of the text (so a "\n" kramdown
  // adds to the text afterwards, as to a list item's transparent paragraph, is inside it).
  if (!found) close.meta = { autoClosed: true };
  state.pos = found ? found.at + found.length : state.posMax;
  return true;
}

/**
 * Ends the content of the innermost Markdown-parsing element at its close tag. It only acts at the
 * element's own nesting level: inside emphasis or a link the close tag is the inner parser's text,
 * as in kramdown, whose inner parsers look only for their own end.
 */
function stopAtCloseTag(state: KdState, silent: boolean): boolean {
  const stop = state.kdStop;
  if (!stop || silent || state.level !== stop.level || state.src[state.pos] !== '<') return false;
  const m = stop.re.exec(state.src.slice(state.pos, state.posMax));
  if (!m) return false;
  stop.at = state.pos;
  stop.length = m[0].length;
  state.pos = state.posMax; // ends this tokenize loop; spanHtml resumes after the close tag
  return true;
}

export function spanHtmlPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('html_inline', spanHtml);
  const first = (md.inline.ruler as any).__rules__[0].name as string;
  md.inline.ruler.before(first, 'kd_span_html_stop', stopAtCloseTag);
}
