// Indented code blocks as kramdown reads them (CODEBLOCK_MATCH and parse_codeblock in
// codeblock.rb), replacing markdown-it's rule: after indented lines, unindented non-blank lines
// belong to the block too ("lazy" lines, unless they start an HTML element, an IAL or `^`), and each
// is joined to the line before with a space (`    code\nmore` is the code "code more"). Blank lines
// are part of the block only when more indented lines follow.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { listBlankLine } from './list-text.js';
import { INDENT, kdLineText } from './indent.js';
import { lazyRegExp } from '../../../lazy-regexp.js';
import { NCNAME_START, SPAN_ELEMENTS, UNAME } from '../html.js';

// kramdown's LAZY_END_HTML_START and LAZY_END_HTML_STOP after OPT_SPACE: the tag of an element
// that is no span element (nor script), opening or closing (a close tag with its `>`: `</v` alone
// is text, a list item's lazy line).
const NOT_SPAN_ELEMENT = String.raw`(?!(?:${[...SPAN_ELEMENTS, 'script'].join('|')})\b)`;
const LAZY_END_HTML = lazyRegExp(String.raw`^ {0,3}(?:<${NOT_SPAN_ELEMENT}${NCNAME_START}|<\/${NOT_SPAN_ELEMENT}${UNAME}\s*>)`, 'u');
const LAZY_END_HTML_OPEN_STOP = lazyRegExp(String.raw`^ {0,3}<\/${NOT_SPAN_ELEMENT}${UNAME}\s*$`, 'u');

/**
 * Whether the line (`text`, as its container has it) starts with a tag that ends lazy text
 * (LAZY_END_HTML). LAZY_END_HTML_STOP's `\s*` runs over newlines (Ruby's multi-line mode), so a
 * close tag whose `>` is on a later line counts too (`</v\n>`).
 */
export function lazyEndHtml(state: StateBlock, line: number, text: string, container?: number): boolean {
  if (text.charCodeAt(text.search(/\S/)) !== 0x3c /* < */) return false;
  if (LAZY_END_HTML().test(text)) return true;
  if (!LAZY_END_HTML_OPEN_STOP().test(text)) return false;
  // (`container`: as for ialBlockAt below.)
  const column = container ?? Math.min(state.blkIndent, state.sCount[line]);
  let blank = false;
  for (let l = line + 1; l < state.lineMax && l <= line + 100; l++) {
    const start = state.bMarks[l] + state.tShift[l];
    // (The `>` must be in the container's text, which kramdown matches against: after a blank
    // line, a line left of the container is no part of it: `1. 1. 1. \n   </v\n\n>` has `</v`
    // as lazy text of the innermost item.)
    if (start < state.eMarks[l]) return state.src.charCodeAt(start) === 0x3e /* > */ && !(blank && state.sCount[l] < column);
    blank = true;
  }
  return false;
}
const IAL_OPEN = /^ {0,3}\{:(?!:|\/)/;
const IAL_LINE_ALONE = /^\{:(?!:|\/)(?:\\\}|[^}])+\}\s*$/;
// kramdown's IAL_BLOCK_START, /^ {0,3}\{:(?!:|\/)(ALD_ANY_CHARS+)\}\s*?\n/: a whole IAL, then
// only whitespace to the end of the line. ALD_ANY_CHARS (`\\\}|[^\}]`) also matches newlines, so
// the IAL may close on a later line.
const IAL_BLOCK_START = /\{:(?!:|\/)(?:\\\}|[^}])+\}[^\S\n]*(?:\n|$)/y;

/**
 * Whether the line stops lazy lines (a blockquote's, a code block's, a footnote definition's) as
 * kramdown's LAZY_END does: it starts an HTML element, is `^`, or starts a block IAL. Only a
 * complete IAL stops them: `{:` or `{:}` (ALD_ANY_CHARS+ needs a character) or `{:.x} text` is
 * text (`>\n{:` is a blockquote holding the paragraph `{:`). `text` is the line as the container
 * sees it (its relative indentation, then its text).
 */
export function lazyStop(state: StateBlock, line: number, text: string): boolean {
  if (/^\^[ \t]*$/.test(text) || lazyEndHtml(state, line, text)) return true;
  return IAL_OPEN.test(text) && ialBlockAt(state, line);
}

/** Whether a whole block IAL (kramdown's IAL_BLOCK, perhaps over several lines) starts the line's text. */
export function ialBlockAt(state: StateBlock, line: number, container?: number): boolean {
  IAL_BLOCK_START.lastIndex = state.bMarks[line] + state.tShift[line];
  if (!IAL_BLOCK_START.test(state.src)) return false;
  // (All of it in the container's text, which kramdown matches against: after a blank line, a
  // line left of the container is none of it; `1. >\n   {:\n\n}` has `{:` as the quote's text.)
  const end = IAL_BLOCK_START.lastIndex;
  // (The container's column: where its text starts, or the IAL's own line when that is left of
  // it, a lazy line's: `m\n: \n{:\n{:t}` is one IAL in the document's text.)
  // (`container`: the column of the text the line is a lazy candidate of, where a caller knows it:
  // a definition's lazy line is the definition list's container's.)
  const column = container ?? Math.min(state.blkIndent, state.sCount[line]);
  let blank = false;
  for (let l = line + 1; l < state.lineMax && state.bMarks[l] < end; l++) {
    const start = state.bMarks[l] + state.tShift[l];
    if (start >= state.eMarks[l]) blank = true;
    // (Nor, left of it, a line that is an IAL of its own, which no container takes lazily:
    // `1. >\n   {:\n{:f}`.)
    else if (state.sCount[l] < column && (blank || IAL_LINE_ALONE.test(state.src.slice(start, state.eMarks[l])))) return false;
  }
  return true;
}

function isBlank(state: StateBlock, line: number): boolean {
  return state.bMarks[line] + state.tShift[line] >= state.eMarks[line];
}

function code(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  // kramdown's CODEBLOCK_START is INDENT on the line as its container's text has it (indent.ts):
  // ` \tx` is no code (markdown-it's columns make it four), `  \tx` in a `* ` item's text is
  // (markdown-it's make it two).
  if (isBlank(state, startLine) || !INDENT.test(kdLineText(state, startLine))) return false;
  if (silent) return true;
  // Each line as the container's text has it (a line an enclosing list took lazily included, with
  // the spaces kramdown puts before a lazy list marker line: `* \n\n    {:x}\n1. ` has the code
  // `    1. `); INDENT comes off the lines that have it (parse_codeblock's gsub), so a line
  // `\t x` keeps its space and a line ` \tx` (a lazy line of the block) stays as written.
  let content = kdLineText(state, startLine).replace(INDENT, '') + '\n';
  let line = startLine + 1;
  // A list item's text is parsed in parts, cut where its first nested list starts
  // (kramdown-blocks.ts): the code ends there (`* <!---->    b\n  - ` has the nested list after
  // the code `b`, no lazy line of it).
  const chunkStarts: Set<number> | undefined = (state as any).kdChunkStarts;
  while (line < endLine) {
    if (chunkStarts?.has(line)) break;
    if (isBlank(state, line)) {
      let k = line;
      while (k < endLine && isBlank(state, k)) k++;
      if (k >= endLine || chunkStarts?.has(k) || state.sCount[k] < state.blkIndent || !INDENT.test(kdLineText(state, k))) break;
      // In a list item such a line is kept as written; the code's indentation (4 spaces or a
      // tab) then comes off it as off every line (parse_codeblock).
      for (let b = line; b < k; b++) content += (listBlankLine(state, b) ?? kdLineText(state, b)).replace(INDENT, '') + '\n';
      line = k;
      continue;
    }
    if (state.sCount[line] < state.blkIndent) break;
    const text = kdLineText(state, line);
    if (INDENT.test(text)) {
      content += text.replace(INDENT, '') + '\n';
      line++;
      continue;
    }
    if (lazyStop(state, line, text)) break;
    // A lazy line: parse_codeblock joins it to the line before with a space when it starts with
    // at most three spaces and then text (`\n( {0,3}\S)`); one starting ` \t` keeps its line.
    content = LAZY_JOIN.test(text) ? content.replace(/\n$/, '') + ' ' + text + '\n' : content + text + '\n';
    line++;
  }
  const token = state.push('code_block', 'code', 0);
  token.content = content;
  token.map = [startLine, line];
  state.line = line;
  return true;
}

const LAZY_JOIN = /^ {0,3}\S/;

export function codeBlockPlugin(md: MarkdownIt): void {
  md.block.ruler.at('code', code);
}
