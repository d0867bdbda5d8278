// Header ids. kramdown-parser-gfm (Jekyll's `input: GFM`) computes them from the header's text after
// typography (smart quotes and dashes are already characters): lower-case each character on its own
// (Ruby's String#downcase, so no Greek final-sigma rule), drop everything but letters, marks, digits,
// connector punctuation, `-`, space and tab, turn spaces/tabs into `-`; repeats get `-1`, `-2`.
// Headers inside HTML elements are skipped by the GFM pass and get kramdown's own converter id:
// ASCII only, leading non-letters dropped, `section` when empty. With kramdown's own parser
// (`input: kramdown`) every header gets that converter id, from the header's text as written in the
// source (kramdown sets raw_text from the source; only the GFM parser's auto_id_stripping replaces it
// with the parsed text), with one counter for the whole document.
import type { Token } from 'markdown-it';
import { lazyRegExp } from '../../lazy-regexp.js';

const NON_WORD = lazyRegExp(String.raw`[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]`, 'gu');

export function gfmId(text: string, counter: Map<string, number>): string {
  let id = asciiGfmId(text);
  if (id === null) {
    id = Array.from(text, (c) => c.toLowerCase()).join('');
    id = id.replace(NON_WORD(), '').replace(/[ \t]/g, '-');
  }
  const n = (counter.get(id) ?? -1) + 1;
  counter.set(id, n);
  return n > 0 ? `${id}-${n}` : id;
}

/**
 * The same id for an all-ASCII text (null when the text has other characters): in ASCII,
 * per-character lower-casing is String#toLowerCase, and the kept characters are letters, digits,
 * `_` (the only ASCII Pc), `-`, space and tab. (Regexes rather than a character loop: headers are
 * converted while the code is still cold, where the loop runs in the interpreter.)
 */
const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_NON_WORD = /[^a-z0-9_\- \t]/g;
const SPACE_OR_TAB = /[ \t]/g;
function asciiGfmId(text: string): string | null {
  if (NON_ASCII.test(text)) return null;
  return text.toLowerCase().replace(ASCII_NON_WORD, '').replace(SPACE_OR_TAB, '-');
}

export function basicId(text: string, used: Map<string, number>): string {
  // (Ruby's `^` is at every line start: a header's text can start with a newline, see
  // kramdownAtxHeader in kramdown-blocks.ts.)
  let id = text.replace(/^[^a-zA-Z]+/gm, '').replace(/[^a-zA-Z0-9 -]/g, '').replace(/ /g, '-').toLowerCase();
  if (id === '') id = 'section';
  if (used.has(id)) {
    const n = used.get(id)! + 1;
    used.set(id, n);
    return `${id}-${n}`;
  }
  used.set(id, 0);
  return id;
}

const QUOTE_CHARS: Record<string, string> = { lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”' };
// `<< ` and ` >>` keep their space as a no-break space (update_raw_text's literals are "«\u00a0" and
// "\u00a0»"), which the id drops: `## A >> B` gets `a-b`, not `a--b`.
const TYPO_CHARS: Record<string, string> = { mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', laquo_space: '«\u00a0', raquo_space: '\u00a0»', lt_lt: '<<', gt_gt: '>>' };

/** The header's text as kramdown-parser-gfm's update_raw_text collects it (images contribute nothing). */
export function rawText(tokens: Token[]): string {
  let s = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'text': case 'text_special': case 'code_inline': case 'kd_math_inline': case 'kd_raw_text': s += t.content; break;
      case 'softbreak': case 'hardbreak': s += '\n'; break;
      case 'kd_smart_quote': s += QUOTE_CHARS[t.info] ?? ''; break;
      case 'kd_typographic': s += TYPO_CHARS[t.info] ?? ''; break;
      case 'image': break;
      default: if (t.children) s += rawText(t.children);
    }
  }
  return s;
}

/**
 * The header's text as kramdown's own parser collects it with auto_id_stripping (update_raw_text):
 * the text elements only, also those inside links, emphasis and span HTML; code spans, entities,
 * smart quotes, typographic symbols, math and images add nothing. (A backslash escape is text.)
 */
export function strippedText(tokens: Token[]): string {
  let s = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'text': case 'kd_raw_text': s += t.content; break;
      case 'text_special': if (t.info !== 'entity') s += t.content; break;
      case 'softbreak': case 'hardbreak': s += '\n'; break;
      case 'image': case 'code_inline': case 'kd_math_inline': case 'kd_smart_quote': case 'kd_typographic': break;
      default: if (t.children) s += strippedText(t.children);
    }
  }
  return s;
}
