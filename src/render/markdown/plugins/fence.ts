// Fenced code blocks as kramdown-parser-gfm reads them (its FENCED_CODEBLOCK_MATCH), which differ
// from CommonMark's:
// - the info string is at most one word (`python`, `python?opts`); anything more
//   (`python title="x.py"`) means the line is no fence at all, and the text becomes a paragraph
//   (where the backticks usually start a code span);
// - a fence without its closing line is no fence (CommonMark runs it to the end of the document);
// - the content is kept as written: an indented fence does not strip its indentation from the code;
// - the closing line is the same fence string, optionally longer, then only whitespace.
// Only spaces (up to 3) may precede either fence line.
import type { MarkdownIt, StateBlock } from 'markdown-it';

const OPEN_RE = /^ {0,3}(([~`])\2{2,})[ \t]*(?:((\S+?)(?:\?\S*)?)[ \t]*)?$/;

function lineOf(state: StateBlock, line: number): string {
  // The line relative to the container (list items and blockquotes strip their own indentation).
  const start = state.bMarks[line] + state.tShift[line];
  const rel = state.sCount[line] - state.blkIndent;
  return ' '.repeat(Math.max(0, rel)) + state.src.slice(start, state.eMarks[line]);
}

function fence(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const c = state.src[state.bMarks[startLine] + state.tShift[startLine]];
  if (c !== '`' && c !== '~') return false;
  const open = OPEN_RE.exec(lineOf(state, startLine));
  if (!open) return false;
  const marker = open[1];
  const close = new RegExp(`^ {0,3}${marker.replace(/[`~]/g, '\\$&')}\\${marker[0]}*\\s*$`);
  let line = startLine + 1;
  for (; line < endLine; line++) {
    if (state.sCount[line] < state.blkIndent && state.bMarks[line] + state.tShift[line] < state.eMarks[line]) return false;
    if (state.sCount[line] - state.blkIndent < 4 && close.test(lineOf(state, line))) break;
  }
  if (line >= endLine) return false;
  if (silent) return true;
  const token = state.push('fence', 'code', 0);
  token.info = open[3] ?? '';
  token.markup = marker;
  token.content = state.getLines(startLine + 1, line, state.blkIndent, true);
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

export function fencePlugin(md: MarkdownIt): void {
  md.block.ruler.at('fence', fence, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
