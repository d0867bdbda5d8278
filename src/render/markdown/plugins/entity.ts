// Character references as kramdown's parser reads them (HTML_ENTITY_RE and parse_html_entity):
// - `&name;` with a name in kramdown's table (the HTML 4 set and `apos`, entities.ts): markdown-it
//   decodes every HTML5 name, but for kramdown `&AMP;` or `&check;` is no entity and stays text
//   (`&amp;AMP;`); the four names whose code points differ from HTML5 (lceil, rceil, lang, rang)
//   keep kramdown's.
// - `&#digits;` and `&#xhex;` (a lowercase `x` only: `&#X41;` is text), any number of digits: the
//   code point as written (`&#0;` too), except that 128–159 are the Windows-1252 characters
//   kramdown's table maps them to (`&#150;` is an en dash). markdown-it would write U+FFFD for
//   those and take at most 7 digits. Beyond Unicode (or a surrogate), where Ruby would write bytes
//   that are no UTF-8 (as_char), the reference as written; `&#N;` for numeric and symbolic.
import type { MarkdownIt, StateInline } from 'markdown-it';
import { ENTITY_CODE_POINTS, numericEntityCodePoint } from '../entities.js';

// (Ruby's `\w` is ASCII.)
const REFERENCE = /&(?:([\w:][\w.:-]*)|#(\d+)|#x([0-9a-fA-F]+));/y;

function entity(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x26 /* & */) return false;
  REFERENCE.lastIndex = state.pos;
  const m = REFERENCE.exec(state.src);
  if (!m || state.pos + m[0].length > state.posMax) return false;
  let cp: number | undefined;
  if (m[1] !== undefined) {
    cp = ENTITY_CODE_POINTS.get(m[1]);
    if (cp === undefined) return false;
  } else {
    // (Digits beyond 2^53 lose precision in parseInt, but any such number is beyond Unicode.)
    const n = m[2] !== undefined ? parseInt(m[2], 10) : parseInt(m[3], 16);
    cp = numericEntityCodePoint(n);
  }
  if (!silent) {
    const token = state.push('text_special', '', 0);
    const char = cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
    token.content = char;
    // (The number for `&#N;` where the character is no UTF-8: see entityToString.)
    if (char === '\ufffd') token.meta = { cp };
    token.markup = m[0];
    token.info = 'entity';
  }
  state.pos += m[0].length;
  return true;
}

export function entityPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('entity', entity);
}
