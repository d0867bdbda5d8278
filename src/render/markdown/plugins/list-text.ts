// kramdown reads a list item's (or a definition's) text with the item's indentation removed from
// every line that has text, but adds a whitespace-only line as written (its list parser's
// BLANK_LINE branch), at every depth of nesting. Whatever keeps its lines raw — code blocks, math,
// HTML blocks, `{::nomarkdown}` — therefore keeps all of such a line's whitespace there: a fence
// in a `2. ` item with a `   ` line between two code lines keeps the three spaces.
import type { StateBlock } from 'markdown-it';

/** Inside a list item's or a definition's text (deflist.ts counts the definitions it is in). */
export function inListText(state: StateBlock): boolean {
  return state.listIndent >= 0 || ((state as { kdInDefinition?: number }).kdInDefinition ?? 0) > 0;
}

/** A whitespace-only line inside list text, as written; null for any other line. */
export function listBlankLine(state: StateBlock, line: number): string | null {
  if (state.bMarks[line] + state.tShift[line] < state.eMarks[line] || !inListText(state)) return null;
  return state.src.slice(state.bMarks[line], state.eMarks[line]);
}

/** markdown-it's getLines, with list text's whitespace-only lines kept as written. */
export function containerLines(state: StateBlock, begin: number, end: number, indent: number, keepLastLF: boolean): string {
  if (!inListText(state)) return state.getLines(begin, end, indent, keepLastLF);
  let out = '';
  for (let l = begin; l < end; l++) {
    const blank = listBlankLine(state, l);
    const lf = l + 1 < end || keepLastLF;
    out += blank !== null ? blank + (lf ? '\n' : '') : state.getLines(l, l + 1, indent, lf);
  }
  return out;
}
