// Abbreviation definitions as kramdown reads them (ABBREV_DEFINITION_START,
// `^ {0,3}*[id]:(text)\n`), replacing markdown-it-abbr's definition rule (its replacement pass is kept):
// - the text may be empty: `*[W3C]:` still marks every W3C, as an <abbr> without a title;
// - a later definition of the same id overwrites an earlier one (markdown-it-abbr keeps the first);
// - a definition does not interrupt a paragraph (kramdown's PARAGRAPH_END has no abbreviation start),
//   so a definition line directly under a paragraph line is paragraph text.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { setextAhead } from './kramdown-blocks.js';
import { tableAhead } from './table.js';

const DEF_RE = /^ {0,3}\*\[(.+?)\]:(.*)$/;

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
  state.push('kd_def', '', 0).map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

export function abbreviationPlugin(md: MarkdownIt): void {
  md.block.ruler.at('abbr_def', abbrDefinition, { alt: [] });
}
