// kramdown's emphasis (kramdown/parser/kramdown/emphasis.rb), replacing CommonMark's flanking rules:
// - `*`/`_` opens unless whitespace follows it, or (for `_`) it follows a letter (snake_case);
// - it closes at the first same delimiter that follows a non-space character, skipping what nested
//   elements consume (code spans, math, nested emphasis); an em does not close at `**` (that is a
//   nested strong), an `_` does not close before a letter or digit; the content must not be empty;
// - no em inside em, no strong inside strong; `**x*` falls back to an em opened by the second `*`;
// - a link or image found while looking for the close is consumed whole, as kramdown's inner
//   parse_spans does, so a delimiter inside its text cannot close (`**a [b** c](u)` keeps its `**`
//   as text and links `b** c`); a `[` that starts no link is text and the search goes on after it.
// So `Gong*, Xiao Liu*` is `Gong<em>, Xiao Liu</em>` as in kramdown (CommonMark leaves it as text).
import type { MarkdownIt, StateInline } from 'markdown-it';
import { codeSpanAt } from './codespan.js';
import { parseSpanHtml, spanHtmlEnd } from './span-html.js';
import { linkEndAt } from './link.js';
import { applySpanOptions, spanExtensionAt, spanOptionsParseSpanHtml } from './kramdown-inline.js';
import { strikethroughEnd } from './strikethrough.js';
import { lazyRegExp } from '../../../lazy-regexp.js';

type Kind = 'em' | 'strong';
const isWs = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
const ALNUM = lazyRegExp(String.raw`[\p{L}\p{N}]`, 'u');
const INTRAWORD = lazyRegExp(String.raw`\p{L}-?\p{L}*$`, 'u');
/**
 * INTRAWORD on the text before `pos`. The pattern matches at the end iff the last code point is a
 * letter, or is `-` after a letter: two code points, at most four UTF-16 units, decide it, and
 * testing only those avoids copying and scanning the whole text before every `_`.
 */
const intrawordUnicode = (src: string, pos: number) => INTRAWORD().test(src.slice(Math.max(0, pos - 4), pos));
// ASCII letters and digits by code (0-127): in ASCII, \p{L} is A-Z a-z and \p{N} is 0-9. Where the
// characters that decide are ASCII (nearly always), these tables answer ALNUM and INTRAWORD, and
// the patterns with Unicode property classes are never compiled: each costs V8 ~1 M instructions
// or more per compile, several compiles a build (bench/PROFILE.md, eighteenth session, "speed3").
const ASCII_LETTER = new Uint8Array(128);
const ASCII_ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  ASCII_LETTER[c] = letter ? 1 : 0;
  ASCII_ALNUM[c] = letter || (c >= 0x30 && c <= 0x39) ? 1 : 0;
}
function intraword(src: string, pos: number): boolean {
  if (pos <= 0) return false;
  const last = src.charCodeAt(pos - 1);
  if (last >= 128) return intrawordUnicode(src, pos);
  if (last !== 0x2d /* - */) return ASCII_LETTER[last] === 1;
  if (pos < 2) return false;
  const before = src.charCodeAt(pos - 2);
  return before < 128 ? ASCII_LETTER[before] === 1 : intrawordUnicode(src, pos);
}
/** ALNUM on one UTF-16 unit (or none: ''). */
function alnum(ch: string): boolean {
  if (ch === '') return false;
  const c = ch.charCodeAt(0);
  return c < 128 ? ASCII_ALNUM[c] === 1 : ALNUM().test(ch);
}

/**
 * Position of the closing delimiter for an element whose content starts at `start`, or -1.
 * Remembered per paragraph: a search depends only on where it starts and ends, what it looks for,
 * the elements open around it and whether it is inside a link's text, and without the memo a
 * paragraph of unclosed delimiters and brackets (`**a [b ` a few hundred times) searched again
 * from every delimiter and bracket, taking minutes (kramdown itself is slow there too).
 */
function findClose(state: StateInline, start: number, end: number, delim: string, kind: Kind, open: Kind[], options: string[]): number {
  const memo: Map<string, { close: number; options: string[] }> = ((state as any).kdCloseMemo ??= new Map());
  const search = `${end} ${delim} ${kind} ${open.join(',')} ${(state as any).kdInLink ? 1 : 0} ${parseSpanHtml(state) ? 1 : 0}`;
  const key = `${start} ${search}`;
  let found = memo.get(key);
  if (found === undefined) {
    const failedMemo: Map<string, Set<number>> = ((state as any).kdCloseFailed ??= new Map());
    const visited: number[] = [];
    const seen: string[] = [];
    found = { close: scanForClose(state, start, end, delim, kind, open, failedMemo.get(search), visited, seen), options: seen };
    if (found.close < 0 && visited.length > 0) {
      let failed = failedMemo.get(search);
      if (!failed) failedMemo.set(search, (failed = new Set()));
      for (const q of visited) failed.add(q);
    }
    memo.set(key, found);
  }
  for (const a of found.options) options.push(a);
  return found.close;
}

/**
 * The search for a close from `start`. Past its first character it depends only on where it is
 * (`q`), so a search that reaches a place where an earlier search of the same kind (same end,
 * delimiter, open elements) was when it failed fails too: `failed` holds those places (kept only
 * for failed searches, so no larger than the scanning already done), and the places this search
 * passes go into `visited`. Without it, each of many openers that cannot close inside one another
 * (`*a *a *a …`: no em in an em, and a `*` after a space closes nothing) scanned to the
 * paragraph's end: 10,000 of them took seconds.
 */
function scanForClose(state: StateInline, start: number, end: number, delim: string, kind: Kind, open: Kind[], failed: Set<number> | undefined, visited: number[], options: string[]): number {
  const src = state.src;
  const c = delim[0];
  let q = start;
  // kramdown's search is a parse of the text: the span `{::options … /}` it meets are run (kept
  // in `options`), and parse_span_html holds from each on for the span HTML after it.
  let parseSpan = parseSpanHtml(state);
  const onOptions = (attrs: string) => {
    options.push(attrs);
    parseSpan = spanOptionsParseSpanHtml(attrs) ?? parseSpan;
  };
  // kramdown closes only an element that has children (`!el.children.empty?`): a span extension
  // that adds none (`{::options /}`, a self-closed comment) leaves it empty, so `*{::options /}*`
  // is `**`.
  let hasChild = false;
  while (q < end) {
    if (hasChild) {
      if (failed?.has(q)) return -1;
      visited.push(q);
    }
    const ch = src[q];
    if (src.startsWith(delim, q) && hasChild && !isWs(src[q - 1]) &&
      (kind !== 'em' || !(src.startsWith(c + c, q) && src[q + 2] !== c)) &&
      (c !== '_' || !alnum(src[q + delim.length] ?? ''))) return q;
    // (`\<<`, an escaped `<<`, is a typographic symbol too, tried before the escaped `\<`.)
    if (ch === '{' && src[q + 1] === ':' && src[q + 2] === ':') {
      const ext = spanExtensionAt(src, q, end);
      if (ext) {
        if (ext.options !== undefined) onOptions(ext.options);
        q = ext.end;
        hasChild ||= ext.writes;
        continue;
      }
    }
    hasChild = true;
    if (ch === '\\' && src[q + 1] === '<' && src[q + 2] === '<' && (state.md as any).kdTypographic) { q += 3; continue; }
    if (ch === '\\') { q += 2; continue; }
    if (ch === '`') { q = codeSpanAt(src, q, end).end; continue; }
    // `<<` is kramdown's typographic symbol (TYPOGRAPHIC_SYMS), matched where it starts, before
    // span HTML could start at its second `<`: `*y<<e>*` is emphasis, no element `<e>`.
    if (ch === '<' && src[q + 1] === '<' && (state.md as any).kdTypographic) { q += 2; continue; }
    if (ch === '<') {
      // Span HTML owns everything to its close tag; an unclosed element runs to the end.
      const e = spanHtmlEnd(src, q, end, false, parseSpan, onOptions);
      if (e === -1) return -1;
      if (e >= 0) { q = e; continue; }
    }
    if (ch === '[' || (ch === '!' && src[q + 1] === '[')) {
      // The link's text is parsed inside the elements being closed (no strong in a strong).
      const memo: Map<string, number> = ((state as any).kdLinkEndMemo ??= new Map());
      const key = `${q} ${end} ${open.join(',')} ${(state as any).kdInLink ? 1 : 0}`;
      let after = memo.get(key);
      if (after === undefined) {
        const outer = (state as any).kdEmphasis;
        (state as any).kdEmphasis = open;
        after = linkEndAt(state, q, end);
        (state as any).kdEmphasis = outer;
        memo.set(key, after);
      }
      q = after;
      continue;
    }
    // A strikethrough is one match, whatever it cuts through (`**a ~~b** c~~`: no close).
    if (ch === '~' && (state.md as any).kdGfm) {
      const e = strikethroughEnd(src, q, end);
      if (e >= 0) { q = e; continue; }
    }
    if (src.startsWith('$$', q)) {
      const k = src.indexOf('$$', q + 2);
      if (k >= 0 && k < end) { q = k + 2; continue; }
    }
    if (ch === '*' || ch === '_') {
      const l2 = src[q + 1] === ch ? 2 : 1;
      const k2: Kind = l2 === 2 ? 'strong' : 'em';
      const opens = !isWs(src[q + l2]) && q + l2 < end && !open.includes(k2) &&
        !(ch === '_' && intraword(src, q));
      if (opens) {
        const close = findClose(state, q + l2, end, ch.repeat(l2), k2, [...open, k2], options);
        if (close >= 0) { q = close + l2; continue; }
      }
      q += l2;
      continue;
    }
    q++;
  }
  return -1;
}

/**
 * The span `{::options … /}` extensions kramdown's parse of `src[start, end)` runs, in order: a
 * search for a close that is never there (for the text of a link that fails, parsed all the same).
 */
export function spanOptionsIn(state: StateInline, start: number, end: number): string[] {
  const options: string[] = [];
  if (state.src.indexOf('{::', start) < 0) return options;
  findClose(state, start, end, '\u0000', 'em', (state as any).kdEmphasis ?? [], options);
  return options;
}

/**
 * Where kramdown gives up on a delimiter it adds what it scanned (`*` or `**`) as text and goes on
 * after it, so the second `*` of a failed `**` never opens anything itself.
 */
function literal(state: StateInline, silent: boolean, pos: number, scanned: number): boolean {
  if (!silent) state.pending += state.src.slice(pos, pos + scanned);
  state.pos = pos + scanned;
  return true;
}

/**
 * Runs the span options a failed search met. kramdown's search is a parse_spans to its delimiter
 * or the end of the whole text, also inside an element's text whose end the search here stops at
 * (posMax): `*"__x'*\n<i>{::options parse_span_html="false" /}</i>`, the `__` searched past the
 * em's `*`, sets the option for the `<i>`. The text after posMax is read as the parse that goes on
 * from there would (with the options before it set).
 */
function failedSearchOptions(state: StateInline, options: string[]): void {
  applySpanOptions(state, options);
  if (state.posMax < state.src.length) applySpanOptions(state, spanOptionsIn(state, state.posMax, state.src.length));
}

function emphasis(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  const c = src[pos];
  if (c !== '*' && c !== '_') return false;
  const open: Kind[] = (state as any).kdEmphasis ?? [];
  let len = src[pos + 1] === c ? 2 : 1;
  let kind: Kind = len === 2 ? 'strong' : 'em';
  const scanned = len;
  if ((c === '_' && intraword(src, pos)) || isWs(src[pos + len]) || open.includes(kind)) return literal(state, silent, pos, scanned);
  let contentStart = pos + len;
  // A search that fails has parsed the text all the same in kramdown: the span options it met
  // stay set (`**<i>{::options parse_span_html="false" /}</i>` keeps the element's content, the
  // options tag too, as text when the parse resumes after the `**`).
  const options: string[] = [];
  let close = findClose(state, contentStart, state.posMax, c.repeat(len), kind, [...open, kind], options);
  if (close < 0 && !silent) failedSearchOptions(state, options);
  if (close < 0 && kind === 'strong' && !open.includes('em')) {
    // kramdown retries as an em opened by the second delimiter character.
    kind = 'em';
    len = 1;
    contentStart = pos + 1;
    // The search starts at the second character itself, as kramdown's does: it cannot close the
    // em (nothing is inside yet), but it may open a nested pair that fails and becomes text
    // (`****` is `<em>**</em>`, `*****` stays text).
    options.length = 0;
    close = findClose(state, contentStart, state.posMax, c, 'em', [...open, 'em'], options);
    if (close < 0 && !silent) failedSearchOptions(state, options);
    if (close < 0) return literal(state, silent, pos, scanned);
    // The first delimiter character is skipped, not kept as text (parse_emphasis moves past it
    // after reverting): `**x*` is `<em>*x</em>`, `***a** b*` is `<em><strong>a</strong> b</em>`.
  } else if (close < 0) return literal(state, silent, pos, scanned);
  if (silent) { state.pos = close + len; return true; }
  const startOf = kind === 'em' && contentStart === pos + 1 && len === 1 && src[pos + 1] === c ? pos + 1 : contentStart;
  state.push(`${kind}_open`, kind, 1).markup = c.repeat(len);
  const oldMax = state.posMax;
  (state as any).kdEmphasis = [...open, kind];
  state.pos = startOf === pos + 1 && kind === 'em' && src[pos + 1] === c ? pos + 1 : contentStart;
  state.posMax = close;
  state.md.inline.tokenize(state);
  state.posMax = oldMax;
  (state as any).kdEmphasis = open;
  state.push(`${kind}_close`, kind, -1).markup = c.repeat(len);
  state.pos = close + len;
  return true;
}

export function emphasisPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('emphasis', emphasis);
  md.inline.ruler2.disable('emphasis');
}
