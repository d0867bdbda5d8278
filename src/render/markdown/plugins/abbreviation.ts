// Abbreviation definitions as kramdown reads them (ABBREV_DEFINITION_START,
// `^ {0,3}*[id]:(text)\n`), replacing markdown-it-abbr's definition rule (its replacement pass is kept):
// - the text may be empty: `*[W3C]:` still marks every W3C, as an <abbr> without a title;
// - a later definition of the same id overwrites an earlier one (markdown-it-abbr keeps the first);
// - a definition does not interrupt a paragraph (kramdown's PARAGRAPH_END has no abbreviation start),
//   so a definition line directly under a paragraph line is paragraph text.
// Abbreviations are marked where kramdown's replace_abbreviations marks them, replacing
// markdown-it-abbr's pass (replaceAbbreviations below).
import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import { multiLineIal, setextAhead, waitingIals } from './kramdown-blocks.js';
import { tableAhead } from './table.js';
import { IAL_BODY, parseIal } from '../ial.js';

const DEF_RE = /^ {0,3}\*\[(.+?)\]:(.*)$/;
const IAL_LINE = new RegExp(String.raw`^\{:(?![\w-]*:|\/)(${IAL_BODY})\}\s*$`);

function abbrDefinition(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src[start] !== '*' || state.src[start + 1] !== '[') return false;
  if (setextAhead(state, startLine, _endLine)) return false;
  const m = DEF_RE.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!m || tableAhead(state, startLine, _endLine)) return false;
  if (silent) return true;
  const env = state.env as { abbreviations?: Record<string, string> };
  env.abbreviations ??= {};
  // markdown-it-abbr's replacement pass reads ids with a ':' prefix.
  env.abbreviations[':' + m[1]] = m[2].trim();
  // A block IAL right after the definition is its own: kramdown writes its attributes on every
  // <abbr> of the abbreviation, before the title (convert_abbreviation). The IAL line is left for
  // the converter, which drops an IAL that follows a definition.
  const ials = ((state.env as { kdAbbrIals?: Record<string, string> }).kdAbbrIals ??= {});
  // (Each IAL line right after it goes there too, as the IAL before it added no end-of-block
  // element: `*[W]:\n{:l}\n{:.e}` gives class e; and one over several lines, `{:x\n.n}`.)
  // (And an IAL waiting for the next block before the definition, `{:.c}\n*[W]:`.)
  const bodies = waitingIals(state, startLine);
  for (let next = startLine + 1; next < _endLine && state.sCount[next] - state.blkIndent < 4 && bodies.length < 1000;) {
    const text = state.src.slice(state.bMarks[next] + state.tShift[next], state.eMarks[next]);
    const ial = IAL_LINE.exec(text);
    if (ial) { bodies.push(ial[1]); next++; continue; }
    const multi = text.startsWith('{:') ? multiLineIal(state, next, _endLine) : null;
    if (!multi || /^[\w-]*:/.test(multi[0][1])) break;
    bodies.push(multi[0][1]);
    next = multi[1];
  }
  if (bodies.length) ials[':' + m[1]] = bodies.join(' '); else delete ials[':' + m[1]];
  state.push('kd_def', '', 0).map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

const WORD = /[A-Za-z0-9_]/;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Text that kramdown's text elements hold as it is: a run of these tokens is one text element. */
const isText = (t: Token | undefined) => !!t && (t.type === 'text' || t.type === 'text_special');

/**
 * kramdown's replace_abbreviations: in every text element, an abbreviation is marked where it
 * starts the text or follows a character that is not a word character, and no word character
 * follows it (`(?:\W|^)ABBR(?!\w)`, Ruby's ASCII `\w`). markdown-it-abbr instead wants Unicode
 * punctuation or spaces around it, which missed `éHTML`, `HTML中` and a tab before it, and marked
 * `ML_x`. Where markdown-it splits kramdown's one text element into several text tokens (at an
 * escape, a `_` or `*` left as text), the characters of the neighbouring tokens count. Of the
 * abbreviations that match there, the longest is taken (kramdown's sorted union, scanned again
 * without the look-ahead).
 */
function replaceAbbreviations(state: StateCore): void {
  const defs = (state.env as { abbreviations?: Record<string, string> }).abbreviations;
  if (!defs) return;
  const names = Object.keys(defs).map((k) => k.slice(1)).filter((n) => n !== '').sort((a, b) => b.length - a.length);
  if (!names.length) return;
  const union = names.map(escapeRe).join('|');
  const quick = new RegExp(union);
  const at = new RegExp(`(?<![A-Za-z0-9_])(?=(?:${union})(?![A-Za-z0-9_]))`, 'g');
  const longest = new RegExp(`^(?:${union})`);
  const mark = (list: Token[]): Token[] => {
    let children = list;
    for (let i = children.length - 1; i >= 0; i--) {
      const tok = children[i];
      // (An autolink's text is a text element too, written without typography: it stays that.)
      if ((tok.type !== 'text' && !(tok.type === 'kd_raw_text' && tok.info === 'autolink')) || !quick.test(tok.content)) continue;
      const text = tok.content;
      const before = isText(children[i - 1]) ? children[i - 1].content.slice(-1) : '';
      const after = isText(children[i + 1]) ? children[i + 1].content.charAt(0) : '';
      const nodes: Token[] = [];
      let pos = 0;
      at.lastIndex = 0;
      for (let m = at.exec(text); m; m = at.exec(text)) {
        const start = m.index;
        const name = longest.exec(text.slice(start))![0];
        const end = start + name.length;
        // (At the token's edges the neighbouring text decides.)
        if ((start === 0 && WORD.test(before)) || (end === text.length && WORD.test(after))) { at.lastIndex = start + 1; continue; }
        if (start > pos) nodes.push(textToken(state, text.slice(pos, start), tok));
        const open = new state.Token('abbr_open', 'abbr', 1);
        const ial = (state.env as { kdAbbrIals?: Record<string, string> }).kdAbbrIals?.[':' + name];
        open.attrs = [...(ial ? parseIal(ial, (state.env as { kdAlds?: Map<string, string> }).kdAlds ?? new Map()).attrs : []), ['title', defs[':' + name]]];
        nodes.push(open, textToken(state, name, tok), new state.Token('abbr_close', 'abbr', -1));
        pos = end;
        at.lastIndex = end;
      }
      if (!nodes.length) continue;
      if (pos < text.length) nodes.push(textToken(state, text.slice(pos), tok));
      children = [...children.slice(0, i), ...nodes, ...children.slice(i + 1)];
    }
    return children;
  };
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    block.children = mark(block.children);
    // (The whole text's reading where a leading span IAL is text: kramdown-inline.ts's spanIal.)
    const meta = block.children[0]?.type === 'kd_span_ial' ? block.children[0].meta as { full?: Token[] } | null : null;
    if (meta?.full) meta.full = mark(meta.full);
  }
}

/** A piece of the text token `of`: its type and info, `content`. */
function textToken(state: StateCore, content: string, of: Token): Token {
  const t = new state.Token(of.type, '', 0);
  t.content = content;
  t.info = of.info;
  return t;
}

export function abbreviationPlugin(md: MarkdownIt): void {
  md.block.ruler.at('abbr_def', abbrDefinition, { alt: [] });
  md.core.ruler.at('abbr_replace', replaceAbbreviations);
}
