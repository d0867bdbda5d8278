// Span syntax kramdown has and markdown-it does not, or has differently:
// - inline math `$$…$$` (kramdown's INLINE_MATH_START, also across lines; a single `$` is text);
// - span IALs `{: .cls}` right after an element (em, strong, link, image, code…);
// - span extensions `{::comment}…{:/comment}`, `{::nomarkdown}…{:/nomarkdown}`;
// - typographic symbols `---` `--` `...` `<<` `>>` and kramdown's smart quotes, decided by kramdown's
//   context rules (SQ_RULES in kramdown/parser/kramdown/smart_quotes.rb), not by pairing;
// - kramdown-parser-gfm's escapable characters (adds `$ = - ~ ' " : |` to Markdown's set).
// To see quotes, dots and dashes, the `text` rule is replaced by one that also stops at them.
import type { MarkdownIt } from 'markdown-it';
import type { StateInline, Token } from 'markdown-it';
import { IAL_BODY } from '../ial.js';
import { isGfm } from '../options.js';

// Where the text rule stops: at characters some inline rule may start at. A char-code table: this
// loop runs over every character of every paragraph, and a table lookup is several times faster
// than a Set of one-character strings (bench/experiments.ts textscan).
// Stopping is always correct (the rules are tried, and if none applies the character becomes text
// all the same); running past a character is correct only where no enabled rule can start, and it
// saves trying the whole rule chain (~20 rules) there. So:
// - STOP (1): the character starts some rule's syntax: newline, `\`, `&`, `*`, `_`, `` ` ``, `~`,
//   `[`, `]` (the link label scanner must see it), `^`, `{`, `<`, `>`, quotes;
// - STOP_IF_NEXT (2): the character starts syntax only together with the next one: `!` before `[`
//   (image), `$` before `$` (math), `-` before `-` and `.` before `.` (typographic `--`, `...`);
// - markdown-it's other terminators (`#`, `%`, `+`, `:`, `=`, `@`, `}`, `|`) start no rule of ours
//   (`:` is for linkify, which is off) and are plain text.
const STOP = 1;
const STOP_IF_NEXT = 2;
const TERMINATORS = new Uint8Array(128);
for (const c of '\n\\&*_`~[]^{<>"\'') TERMINATORS[c.charCodeAt(0)] = STOP;
for (const c of '!$-.') TERMINATORS[c.charCodeAt(0)] = STOP_IF_NEXT;
/** For STOP_IF_NEXT characters: the character after them that starts syntax. */
const NEXT = new Uint8Array(128);
NEXT[0x21] = 0x5b; // ![
NEXT[0x24] = 0x24; // $$
NEXT[0x2d] = 0x2d; // --
NEXT[0x2e] = 0x2e; // ..

// The same stops as a pattern, for the common case where the inline state ends where its text
// does: a paragraph's text is nearly always a slice of the page's source (a V8 SlicedString), and
// the `charCodeAt` loop below costs ~70 instructions per character there in optimised code (each
// call dispatches on the string's representation again), where the pattern's compiled code reads
// the characters directly. The loop took ~5 % of a cold 300-post build's main-thread instructions
// under callgrind (bench/PROFILE.md, eighteenth session). The two-character stops are in the
// pattern too, so that prose's full stops and hyphens cost no call each. Global, so that
// `lastIndex` says where to start and where the match ended; `test` makes no match object.
const STOP_RE = /[\n\\&*_`~[\]^{<>"']|!\[|\$\$|--|\.\./g;

/** Whether `src` holds one of the pattern's two-character stops at `at` (`![`, `$$`, `--`, `..`). */
function pairStopAt(src: string, at: number): boolean {
  const code = src.charCodeAt(at);
  return code < 128 && TERMINATORS[code] === STOP_IF_NEXT && src.charCodeAt(at + 1) === NEXT[code];
}

function text(state: StateInline, silent: boolean): boolean {
  let pos = state.pos;
  const src = state.src;
  const max = state.posMax;
  if (max === src.length) {
    // The pattern runs to the text's end, which is where this rule would stop anyway. (A state
    // with an earlier posMax, a link label's, keeps the loop below: the pattern would look past it.)
    STOP_RE.lastIndex = pos;
    if (STOP_RE.test(src)) {
      // The match is one character or a pair; a pair ends at lastIndex - 1 (the only single stop
      // that can end one is `[`, and a `![` inside the scan is matched as the pair, leftmost).
      const end = STOP_RE.lastIndex - 1;
      pos = end - 1 >= pos && pairStopAt(src, end - 1) ? end - 1 : end;
    } else {
      pos = max;
    }
  } else {
    while (pos < max) {
      const code = src.charCodeAt(pos);
      if (code < 128) {
        const kind = TERMINATORS[code];
        if (kind === STOP || (kind === STOP_IF_NEXT && src.charCodeAt(pos + 1) === NEXT[code])) break;
      }
      pos++;
    }
  }
  if (pos === state.pos) return false;
  if (!silent) state.pending += src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

function inlineMath(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (!state.src.startsWith('$$', start)) return false;
  const end = state.src.indexOf('$$', start + 2);
  if (end < 0 || end + 2 > state.posMax) return false;
  if (!silent) {
    const t = state.push('kd_math_inline', 'math', 0);
    t.content = state.src.slice(start + 2, end).trim();
  }
  state.pos = end + 2;
  return true;
}

// kramdown's IAL_SPAN_START: any `{:…}` that is no span extension's start or stop tag
// (EXT_SPAN_START, tested first), so `{::}` and `{:: x}` are IALs too.
const SPAN_IAL = new RegExp(String.raw`^\{:(${IAL_BODY})\}`);
// A character that can start a span kramdown parses (extension, emphasis, code, link, HTML,
// math, strikethrough, escape, footnote marker).
const SPAN_START_CHAR = /[{*_`[<$~\\!]/;
const SPAN_EXT_TAG = new RegExp(String.raw`^(?:\{::\w+(?:\s(?:\\\}|[^}])*?|)\/?\}|\{:\/(?:\w[\w-]*)?\})`);

/**
 * The token a span IAL would follow, skipping empty text. kramdown's parse_span_ial applies an IAL
 * to the element before it; after text (a line break included) the `{:…}` is no IAL but text.
 */
function lastElement(state: StateInline): { type: string } | undefined {
  for (let i = state.tokens.length - 1; i >= 0; i--) {
    const t = state.tokens[i];
    if (t.type !== 'text' || t.content !== '') return t;
  }
  return undefined;
}

function spanIal(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith('{:', state.pos) || state.pending) return false;
  const lastTok = lastElement(state) as Token | undefined;
  const last = lastTok?.type;
  if (last === 'text' || last === 'softbreak' || last === 'hardbreak') return false;
  // Right after an element's start (`*{:.c}*`, `[{:.c}](u)`) the element being parsed has no
  // children yet: no element before it, so text.
  if (lastTok && lastTok.nesting === 1) return false;
  // After the leading one, which is text for kramdown (or, taken by a list item or term, leaves
  // this one at the start of the text): text too (`{:x}{:e}` writes both).
  if (last === 'kd_span_ial' && lastTok!.children) return false;
  const atStart = state.tokens.length === 0 && state.pos === 0;
  // (The text of a leading IAL, parsed as text: see below.)
  if (atStart && state.env.kdLeadingIalText) return false;
  const rest = state.src.slice(state.pos);
  const c = state.src.charCodeAt(state.pos + 2);
  if ((c === 0x3a /* : */ || c === 0x2f /* / */) && SPAN_EXT_TAG.test(rest)) return false;
  const m = SPAN_IAL.exec(rest);
  // At the very start it is a list item's IAL (`* {: .cls} text`), taken by the converter.
  if (!m || (state.tokens.length === 0 && state.pos !== 0)) return false;
  if (!silent) {
    const t = state.push('kd_span_ial', '', 0);
    t.content = m[1];
    // Anywhere else (a paragraph, header, table cell) kramdown's parse_span_extensions finds no
    // element before it, adds the `{` as text and goes on parsing spans after it: the rest is
    // text with smart quotes and typographic symbols (`{: title="x"} a` writes title=”x”), and a
    // header's id counts it. The converter writes these tokens (children) where no list item,
    // term or definition takes the IAL.
    if (atStart) {
      const children: Token[] = [];
      const env = state.env as any;
      state.env.kdLeadingIalText = true;
      // kramdown never parses the braces' text alone: the span `{::options}` this reading meets
      // are none. Where nothing takes the IAL, those of the whole text's reading (below) are
      // kramdown's, and the rest of this reading records none (`{:\`a} {::options …/}\``: the
      // code span holds it); where a term takes it (LIST_ITEM_IAL on each term line; a list
      // item's or definition's IAL was taken off before), only the text after it is parsed.
      const termIal = env.kdInlineBlock === 'dt_open' && !m[1].includes('\n') && !/^(?:(?:\w[\w-]*)?:|\/)/.test(m[1]);
      const optionsBefore = env.kdSpanOptions?.length ?? 0;
      try {
        state.md.inline.parse(m[0], state.md, state.env, children);
        if (env.kdSpanOptions) env.kdSpanOptions.length = optionsBefore;
        // kramdown goes on parsing spans right after the `{`: a span that starts inside the
        // braces may end after them (`{:{::comment}x{:/comment}` writes `{:<!-- x -->`, `{:a *b}
        // c*` an emphasis). Where the IAL holds a character that can start one, the whole text
        // is parsed so as well (meta.full): the converter writes that reading where nothing
        // takes the IAL. (The span options and parse_span_html it meets are the other reading's.)
        if (SPAN_START_CHAR.test(m[1])) {
          const full: Token[] = [];
          const parseSpanHtml = env.kdParseSpanHtml;
          state.md.inline.parse(state.src, state.md, state.env, full);
          if (termIal) {
            if (env.kdSpanOptions) env.kdSpanOptions.length = optionsBefore;
            env.kdParseSpanHtml = parseSpanHtml;
          } else (state as any).kdNoSpanOptions = true;
          t.meta = { full };
        }
      } finally {
        delete state.env.kdLeadingIalText;
      }
      t.children = children;
      // (A term's IAL is the <dt>'s: its text starts after it, see smartQuotes.)
      if (termIal) t.meta = { ...(t.meta ?? {}), term: true };
    }
  }
  state.pos += m[0].length;
  return true;
}

// kramdown's span extensions (parse_extension_start_tag): `{::name attrs}body{:/name}` (or `{:/}`),
// or self-closed `{::name attrs /}`. A self-closed comment or nomarkdown adds nothing, nor does
// `{::options /}` here; an unknown name, or a start without its stop, is text.
const SPAN_EXT_START = new RegExp(String.raw`^\{::(\w+)(?:\s(?:\\\}|[^}])*?|)(\/)?\}`);
const SPAN_EXT_START_AT = new RegExp(SPAN_EXT_START.source.slice(1), 'y');

/**
 * SPAN_EXT_START at `pos`, within `max`, without copying the text from `pos` on: a copy per `{::`
 * made a paragraph of many unclosed `{::comment}` quadratic (16,000 of them: 0.8 s). Where the
 * match in the whole text runs past `max` (its braces end beyond it), the copy is searched after
 * all, as a shorter match inside it may exist (`\}` read the other way).
 */
function spanExtensionStart(src: string, pos: number, max: number): RegExpExecArray | null {
  SPAN_EXT_START_AT.lastIndex = pos;
  const m = SPAN_EXT_START_AT.exec(src);
  if (!m || pos + m[0].length <= max) return m;
  return SPAN_EXT_START.exec(src.slice(pos, max));
}

let stopsText: string | undefined;
const stopsByName = new Map<string, number[]>();
/**
 * Where the first `{:/}` or `{:/name}` at or after `from` starts, and its length, if it ends by
 * `max`: every stop of a name is found once per text (then a binary search), where a search from
 * each start tag scanned to the text's end at every unclosed one (quadratic).
 */
function spanExtensionStop(src: string, name: string, from: number, max: number): { at: number; length: number } | null {
  if (src !== stopsText) {
    stopsText = src;
    stopsByName.clear();
  }
  let stops = stopsByName.get(name);
  if (!stops) {
    stops = [];
    const re = new RegExp(String.raw`\{:/(?:${name})?\}`, 'g');
    for (let m = re.exec(src); m; m = re.exec(src)) stops.push(m.index);
    stopsByName.set(name, stops);
  }
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stops[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  if (lo === stops.length) return null;
  const at = stops[lo]!;
  const length = src[at + 3] === '}' ? 4 : 4 + name.length;
  return at + length <= max ? { at, length } : null;
}

/**
 * Where a span extension starting at `pos` ends, and whether kramdown adds an element for it: a
 * comment or nomarkdown with a body does, `{::options}` and a self-closed comment or nomarkdown
 * add nothing (handle_extension). Null where it is no extension (text).
 */
export function spanExtensionAt(src: string, pos: number, max: number): { end: number; writes: boolean; options?: string } | null {
  const m = spanExtensionStart(src, pos, max);
  if (!m) return null;
  const name = m[1]!;
  if (name !== 'comment' && name !== 'nomarkdown' && name !== 'options') return null;
  let end = pos + m[0].length;
  if (!m[2]) {
    const stop = spanExtensionStop(src, name, end, max);
    if (!stop) return null;
    end = stop.at + stop.length;
  }
  // (An options extension's attributes, as spanExtension reads them.)
  return { end, writes: !m[2] && name !== 'options', options: name === 'options' ? m[0].slice(3 + name.length, m[2] ? -2 : -1) : undefined };
}

/** The parse_span_html value a span `{::options … /}` with these attributes sets, if it sets one. */
export function spanOptionsParseSpanHtml(attrs: string): boolean | undefined {
  const psh = /\bparse_span_html\s*=\s*["']?(\w+)/.exec(attrs);
  return psh ? psh[1].toLowerCase() !== 'false' : undefined;
}

/**
 * Runs span `{::options … /}` extensions as kramdown's handle_extension does (recorded for index.ts;
 * parse_span_html from here on): `attrs` of each, in the order parsed.
 */
export function applySpanOptions(state: StateInline, attrs: string[]): void {
  if ((state as any).kdNoSpanOptions) return;
  for (const a of attrs) {
    // (With the footnote definition it stands in, if any: spanOptionSettings in index.ts.)
    ((state.env.kdSpanOptions ??= []) as Array<{ attrs: string; owner?: Token }>).push({ attrs: a, owner: state.env.kdInlineOwner as Token | undefined });
    // parse_span_html is the span parser's own: it holds from here on (span-html.ts).
    const psh = spanOptionsParseSpanHtml(a);
    if (psh !== undefined) state.env.kdParseSpanHtml = psh;
  }
}

function spanExtension(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith('{::', state.pos)) return false;
  const m = spanExtensionStart(state.src, state.pos, state.posMax);
  if (!m) return false;
  const name = m[1]!;
  if (name !== 'comment' && name !== 'nomarkdown' && name !== 'options') return false;
  let end = m[0].length;
  let body: string | null = null;
  if (!m[2]) {
    const stop = spanExtensionStop(state.src, name, state.pos + end, state.posMax);
    if (!stop) return false;
    body = state.src.slice(state.pos + end, stop.at);
    end = stop.at + stop.length - state.pos;
  }
  // kramdown's handle_extension sets a span `{::options … /}` (with or without a body) in the
  // parser's options and in the root's options (`@root.options[:options]`), which the converter
  // merges into its own. Spans are parsed in update_tree, after every block of the document: such
  // a setting holds for the whole document and wins over every block `{::options /}`, also one
  // below it (`a{::options header_offset="1"/}` before `# d` makes it an h2; in a header's text,
  // `auto_ids="false"` takes that header's id too, GFM assigning ids after the span parsing).
  // Recorded for index.ts in order of the inline parsing, which is the tree's order as kramdown's.
  if (!silent && name === 'options') applySpanOptions(state, [m[0].slice(3 + name.length, m[2] ? -2 : -1)]);
  if (!silent && body !== null && name !== 'options') {
    const t = state.push('kd_span_extension', '', 0);
    t.info = name;
    t.content = body;
    t.meta = { attrs: m[0].slice(3 + name.length, m[2] ? -2 : -1) };
  }
  state.pos += end;
  // (What the extension took is no character before a smart quote: `s{::options/}'1` opens.)
  (state as any).kdConsumedEnd = state.pos;
  return true;
}

// kramdown's TYPOGRAPHIC_SYMS, longest first; `\<<` and `\>>` are escaped guillemets.
const TYPO: Array<[string, string]> = [['---', 'mdash'], ['--', 'ndash'], ['...', 'hellip'],
  ['\\<<', 'lt_lt'], ['\\>>', 'gt_gt'], ['<< ', 'laquo_space'], [' >>', 'raquo_space'], ['<<', 'laquo'], ['>>', 'raquo']];

function typographic(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  // Every symbol starts with one of `-` `.` `\\` `<` `>` (` >>` is handled below).
  const c = src.charCodeAt(state.pos);
  if (c !== 0x2d && c !== 0x2e && c !== 0x5c && c !== 0x3c && c !== 0x3e) return false;
  for (const [k, v] of TYPO) {
    if (k === ' >>') continue; // handled below: it starts with the space before it
    if (src.startsWith(k, state.pos) && state.pos + k.length <= state.posMax) {
      if (!silent) {
        let sym = v;
        if (v === 'laquo_space' || v === 'laquo' || v === 'raquo') {
          // ` >>`: the preceding space belongs to the symbol.
          if (v === 'raquo' && state.pending.endsWith(' ')) { state.pending = state.pending.slice(0, -1); sym = 'raquo_space'; }
        }
        const t = state.push('kd_typographic', '', 0);
        t.info = sym;
      }
      state.pos += k.length;
      return true;
    }
  }
  return false;
}

// kramdown's smart quote rules (SQ_RULES, tried in order at the scan position). kramdown starts a
// quote match one character early (`[^\\]?["']`) when that character is still unconsumed text, so
// rules anchored at the quote itself (1, 2, 8) only apply when nothing precedes it in the current
// text run (start of the paragraph, or right after another element such as `*em*`), and rules that
// look at the preceding character (6, 7) only when something does. Ruby's \w and \s are ASCII here.
const SQ_PUNCT_RE = /^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const ASCII_WORD = /^[A-Za-z0-9_]/;
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

export type QuoteKind = 'lsquo' | 'rsquo' | 'ldquo' | 'rdquo';

/**
 * The entity(ies) for the quote at `pos` and how many source characters they take; `text`, when
 * set, is written before them (a quote kramdown's rule took as the character before another one).
 */
function smartQuoteAt(src: string, pos: number, prev: string): { quotes: QuoteKind[]; length: number; text?: string } {
  const q = src[pos];
  const after = src.slice(pos + 1);
  const pick = (left: boolean) => (q === '"' ? (left ? 'ldquo' : 'rdquo') : (left ? 'lsquo' : 'rsquo')) as QuoteKind;
  const none = prev === '';
  if (none) {
    // 1. before emphasis markup
    if (/^[_*]{1,2}\S/.test(after)) return { quotes: [pick(true)], length: 1 };
    // 2. before punctuation with no word boundary after it (\B), not before `…..`: `_`, the one
    // word character among them, needs a word character next, the others a non-word one
    if (SQ_PUNCT_RE.test(after) && !after.slice(1).startsWith('..') && ASCII_WORD.test(after) === ASCII_WORD.test(after.slice(1))) {
      return { quotes: [pick(false)], length: 1 };
    }
  }
  if (none || isSpace(prev)) {
    // 3./4. `"'` or `'"` before a word character
    if (q === '"' && after[0] === "'" && ASCII_WORD.test(after.slice(1))) return { quotes: ['ldquo', 'lsquo'], length: 2 };
    if (q === "'" && after[0] === '"' && ASCII_WORD.test(after.slice(1))) return { quotes: ['lsquo', 'ldquo'], length: 2 };
    // 5. decades: '90s
    if (q === "'" && /^\d\ds/.test(after)) return { quotes: ['rsquo'], length: 1 };
  }
  if (none && (after[0] === '"' || after[0] === "'")) {
    // 7. with nothing before it, the rule's SQ_CLOSE character is this quote itself, and the next
    // quote closes: `""x` (the first taken by rule 2) is `”"”x`, the middle quote staying text.
    return { quotes: [after[0] === '"' ? 'rdquo' : 'rsquo'], length: 2, text: q };
  }
  if (!none) {
    // 6. whitespace before, word character after: opening
    if (isSpace(prev) && ASCII_WORD.test(after)) return { quotes: [pick(true)], length: 1 };
    // 7. after a character that can end a word (SQ_CLOSE): closing
    if (!/[ \\\t\r\n[{(-]/.test(prev)) return { quotes: [pick(false)], length: 1 };
  } else if (after === '' || isSpace(after[0]) || /^s(?![A-Za-z0-9_])/.test(after)) {
    // 8. before whitespace, a lone `s`, or the end of the line: closing
    return { quotes: [pick(false)], length: 1 };
  }
  // 9./10. anything else opens
  return { quotes: [pick(true)], length: 1 };
}

const CONSUMED_BEFORE_QUOTE = new Set(['\\', '*', '_', '`', '[']);

function smartQuotes(state: StateInline, silent: boolean): boolean {
  const c = state.src[state.pos];
  if (c !== '"' && c !== "'") return false;
  // kramdown's smart quote regex may start one character early (`[^\\]?["']`), and only on text no
  // other span parser took: a character another parser consumed, even failing (`*` and `_` of
  // emphasis, a code span's backtick, a link's `[`, an escaped character, a tag the span HTML
  // parser kept as text: kdConsumedEnd) is not
  // seen, and a line end in the paragraph is ("\n", not a token of its own there).
  let prev = state.pending ? state.pending[state.pending.length - 1] : '';
  // (What a parser consumed right before the quote hides a line break before that too:
  // `a\n{::options /}"!` closes by rule 2, ”.)
  if (prev === '' && (state as any).kdConsumedEnd !== state.pos) {
    const last = state.tokens[state.tokens.length - 1];
    // (A line break's newline too: kramdown's LINE_BREAK, `  ` or `\\` before it, leaves it to
    // the text, so `y  \n'` has the `\n'` of the last rule, an opening quote.)
    if (last?.type === 'softbreak' || last?.type === 'hardbreak') prev = '\n';
    // (After a leading IAL that is text, kramdown's text ends in its `}`: `{:i}"u` closes, ”.)
    else if (last?.type === 'kd_span_ial' && last.children && !(last.meta as { term?: boolean } | null)?.term) prev = '}';
  } else if (CONSUMED_BEFORE_QUOTE.has(prev) || (state as any).kdConsumedEnd === state.pos) prev = '';
  // The rules look past the end of an emphasis or link text being parsed (posMax): kramdown parses
  // those in place, so `_"a 'b'"_ x` sees `_ x` after the last quote (which then opens: “).
  const r = smartQuoteAt(state.src, state.pos, prev);
  if (!silent) {
    if (r.text) state.pending += r.text;
    for (const q of r.quotes) {
      const t = state.push('kd_smart_quote', '', 0);
      t.info = q;
    }
  }
  state.pos += r.length;
  return true;
}

// kramdown-parser-gfm's ESCAPED_CHARS_GFM; kramdown's own ESCAPED_CHARS lacks the `~`.
const ESCAPABLE = new Set('\\.*_+`<>()[]{}#!:|"\'$=-~'.split(''));
const ESCAPABLE_KRAMDOWN = new Set('\\.*_+`<>()[]{}#!:|"\'$=-'.split(''));

function escape(state: StateInline, silent: boolean): boolean {
  if (state.src[state.pos] !== '\\') return false;
  // kramdown's LINE_BREAK (two backslashes before a newline) and kramdown-parser-gfm's hard line
  // break (one backslash) are a <br />; the next line keeps its leading whitespace (markdown-it's
  // escape rule would drop it).
  const two = state.src.startsWith('\\\\\n', state.pos);
  const one = !two && state.src.startsWith('\\\n', state.pos);
  // The one-backslash break is made by kramdown-parser-gfm's pass over the finished tree, which
  // does not enter HTML elements: inside a `markdown="1"` element the backslash stays text. So it
  // does everywhere with kramdown's own parser (`input: kramdown`), which has no such pass.
  if (one && ((state.env as any)?.kdHtmlBody || !isGfm(state))) {
    if (!silent) state.pending += '\\';
    state.pos++;
    return true;
  }
  // With hard_wrap, kramdown-parser-gfm drops the LINE_BREAK parser and breaks every line: `\\`
  // is an escaped backslash and a lone `\` is text, both before the newline's <br />.
  if ((two || one) && state.md.options.breaks) {
    if (!silent) state.pending += '\\';
    state.pos += two ? 2 : 1;
    return true;
  }
  if (two || one) {
    if (!silent) {
      // Marked: the one-backslash break is made by the GFM pass over the tree, which does not see
      // footnote definitions (the converter writes the backslash back there).
      const t = state.push('hardbreak', 'br', 0);
      if (one) t.markup = '\\';
    }
    state.pos += two ? 3 : 2;
    return true;
  }
  const next = state.src[state.pos + 1];
  if (next === undefined) return false;
  // `\<<` and `\>>` are typographic symbols (escaped guillemets, `&lt;&lt;`), which kramdown's
  // span parsers try before escaped characters: `\<<e>` leaves no `<e>` element.
  if ((next === '<' || next === '>') && state.src[state.pos + 2] === next && (state.md as any).kdTypographic) return typographic(state, silent);
  if (!(isGfm(state) ? ESCAPABLE : ESCAPABLE_KRAMDOWN).has(next)) {
    // Not a kramdown escape: the backslash is text (`$\langle j\,k\rangle$` keeps its `\,`),
    // where markdown-it's escape rule would drop it before any ASCII punctuation.
    if (!silent) state.pending += '\\';
    state.pos++;
    return true;
  }
  if (!silent) state.pending += next;
  state.pos += 2;
  // (The character is the escape's: no smart quote right after it sees it.)
  (state as any).kdConsumedEnd = state.pos;
  return true;
}

/** Only the typography rules (for Jekyll's `smartify` filter, which runs kramdown's SmartyPants parser). */
export function typographyPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('text', text);
  md.inline.ruler.push('kd_typographic', typographic);
  md.inline.ruler.push('kd_smart_quotes', smartQuotes);
}

// Line ends: unlike markdown-it's `newline` rule, trailing spaces are not dropped, and the next
// line's leading spaces are kept: kramdown keeps a paragraph's
// continuation lines as written (`Para\n    more` stays indented in the HTML).
function newline(state: StateInline, silent: boolean): boolean {
  if (state.src[state.pos] !== '\n') return false;
  if (!silent) {
    const p = state.pending;
    // kramdown's LINE_BREAK is exactly two spaces before the newline: they become the <br />, any
    // further spaces stay text, and a single trailing space (or tab) is kept as written.
    // With hard_wrap there is no LINE_BREAK parser: the spaces stay text, every newline breaks.
    // (Right before the newline in the source: a span that writes nothing, `b  {::options /}`,
    // leaves them text.)
    if (p.endsWith('  ') && state.src.startsWith('  ', state.pos - 2) && !state.md.options.breaks) {
      state.pending = p.slice(0, -2);
      state.push('hardbreak', 'br', 0);
    } else {
      state.push('softbreak', 'br', 0);
    }
  }
  state.pos++;
  return true;
}

export function kramdownInlinePlugin(md: MarkdownIt): void {
  md.inline.ruler.at('newline', newline);
  md.inline.ruler.at('text', text);
  md.inline.ruler.before('escape', 'kd_escape', escape);
  md.inline.ruler.before('backticks', 'kd_math_inline', inlineMath);
  md.inline.ruler.before('link', 'kd_span_extension', spanExtension);
  md.inline.ruler.before('link', 'kd_span_ial', spanIal);
  md.inline.ruler.push('kd_typographic', typographic);
  // Every quote is a smart quote, and no other rule starts at a quote: tried right after `text`,
  // it takes quotes without trying the whole chain first.
  md.inline.ruler.after('text', 'kd_smart_quotes', smartQuotes);
}
