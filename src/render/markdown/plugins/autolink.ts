// Autolinks as kramdown reads them (AUTOLINK_START in kramdown/parser/kramdown/autolink.rb):
// `<scheme:…>` only for mailto, http(s) and ftp(s), up to the first `>` (spaces allowed), and
// `<local@domain>` with letters, digits, `-`, `_`, `.` only (so `<a+b@c.org>` is text). Other
// `<foo:bar>` forms are not links (they are read as HTML). The link text drops a `mailto:` prefix,
// and is written as kramdown writes a text element: entity references in it are kept as they are
// (`<http://x/?a&amp;b>` shows `a&amp;b`, not `a&amp;amp;b`).
import type { MarkdownIt, StateInline } from 'markdown-it';
import { lazyRegExp } from '../../../lazy-regexp.js';

const AUTOLINK = lazyRegExp(String.raw`^<((mailto|https?|ftps?):.+?|[\p{L}\p{N}\-_.]+?@[\p{L}\p{N}\-_.]+?)>`, 'su');

/** A scheme AUTOLINK takes, right after the `<`. */
const SCHEME = /^(?:mailto|https?|ftps?):/;

function autolink(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src[pos] !== '<') return false;
  // Most `<` start an HTML tag: AUTOLINK can only match after a scheme or with an `@` before the
  // first `>` (its address form allows neither `>` nor `@` twice), so anything else is ruled out
  // without slicing the rest of the paragraph or running the Unicode-class regexp (whose first
  // run compiles it: ~4 ms of a build whose Markdown has inline HTML).
  const close = src.indexOf('>', pos + 1);
  if (close < 0 || close >= posMax) return false;
  let address = false;
  for (let i = pos + 1; i < close && !address; i++) address = src.charCodeAt(i) === 0x40; // '@'
  if (!address && !SCHEME.test(src.slice(pos + 1, pos + 8))) return false;
  const m = AUTOLINK().exec(src.slice(pos, posMax));
  if (!m) return false;
  if (!silent) {
    const open = state.push('link_open', 'a', 1);
    open.attrs = [['href', m[2] === undefined ? `mailto:${m[1]}` : m[1]]];
    // (A text element in kramdown, written as it is; abbreviations apply to it: abbreviation.ts.)
    const text = state.push('kd_raw_text', '', 0);
    text.content = m[1].replace(/^mailto:/, '');
    text.info = 'autolink';
    state.push('link_close', 'a', -1);
  }
  state.pos += m[0].length;
  return true;
}

export function autolinkPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('autolink', autolink);
}
