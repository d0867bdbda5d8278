// kramdown's lists (kramdown 2.4, parser/kramdown/list.rb: parse_list), as the block tokens the
// rest of the converter reads: `bullet_list_open`/`ordered_list_open`, then per item
// `list_item_open`, the item's blocks, `list_item_close`, then the list's close, each with `map`.
//
// What kramdown's grammar says, and where each part is done:
// - A list starts at LIST_START_UL `^(OPT_SPACE[+*-])(PATTERN_TAIL)` or LIST_START_OL
//   `^(OPT_SPACE\d+\.)(PATTERN_TAIL)`: a bullet, or any number of digits and a dot (no `1)`, no
//   limit on the digits), then PATTERN_TAIL `/[\t| ].*?\n/`, whose first character is a space, a
//   tab or a `|` (the `|` meant as an alternation, written inside the brackets). So `*|x`, `-|`
//   and `1.|x` start items whose text is `|x`, and a marker alone on its line starts none. The
//   marker may stand up to three columns in from the list's container (OPT_SPACE).
// - The list's kind is fixed by its first marker: a bullet list goes on at any bullet (`*`, `+`,
//   `-` mixed: fetch_pattern's `[+*-]`), an ordered list at any number.
// - A horizontal rule after a blank line ends the list (`last_is_blank && HR_START`, tested
//   before anything else); kramdown-blocks.ts gives the test (`endsList`).
// - An item's content column (parse_first_list_line) is the marker and all whitespace after it,
//   or 4 from the list's container when the first line holds nothing (or only an IAL:
//   LIST_ITEM_IAL_CHECK); the tokenize wrapper in kramdown-blocks.ts corrects it for a tab after
//   the marker (kramdown's tab stops) and for the IAL.
// - Which lines are the item's text (content_re: indented to the content column; lazy_re: any
//   non-blank line not after a blank line; an end-of-block marker `^` or an IAL line ending it)
//   is decided by kramdown-blocks.ts's fakeLazyLines before this rule runs: it moves every line
//   kramdown gives the item to the item's column. So here an item's text is what the block parser
//   takes at the item's content column, and the next line left of that column is either the next
//   item (a marker of the list's kind, at most three columns in) or the end of the list.
import type { StateBlock, Token } from 'markdown-it';

/** kramdown's LIST_START (after the container's indentation): a marker and PATTERN_TAIL's first character. */
export const KD_LIST_START = /^(?:[*+-]|\d+\.)[\t| ]/;
/** The same with up to three spaces in front. */
export const KD_LIST_START_INDENTED = /^ {0,3}(?:[*+-]|\d+\.)[\t| ]/;

/** A list marker on a line: its kind, its character (the bullet, or the ordered marker's `.`) and where it ends. */
interface ListMarker {
  ordered: boolean;
  char: string;
  end: number;
}

/** The list marker the line's text starts with, as LIST_START_UL / LIST_START_OL read it, or null. */
function listMarkerOf(state: StateBlock, line: number): ListMarker | null {
  const src = state.src;
  const from = state.bMarks[line] + state.tShift[line];
  const max = state.eMarks[line];
  let end = from;
  const first = src[end];
  let ordered = false;
  if (first === '*' || first === '+' || first === '-') end++;
  else {
    while (end < max && src.charCodeAt(end) >= 0x30 && src.charCodeAt(end) <= 0x39) end++;
    if (end === from || src[end] !== '.') return null;
    end++;
    ordered = true;
  }
  // PATTERN_TAIL's first character: the marker alone on its line starts no item.
  const tail = src[end];
  if (end >= max || (tail !== ' ' && tail !== '\t' && tail !== '|')) return null;
  return { ordered, char: src[end - 1], end };
}

/**
 * The column after the whitespace from `pos` on the line, which starts at column `col` there
 * (a tab reaches the next multiple of four, counted as the block state counts the line's columns),
 * and the position of the first other character.
 */
function skipWhitespace(state: StateBlock, line: number, pos: number, col: number): { pos: number; col: number } {
  const max = state.eMarks[line];
  for (; pos < max; pos++) {
    const ch = state.src[pos];
    if (ch === '\t') col += 4 - ((col + state.bsCount[line]) % 4);
    else if (ch === ' ') col++;
    else break;
  }
  return { pos, col };
}

/** Whether the line can start a list where the block state stands (the test a paragraph-less caller asks for). */
function startsList(state: StateBlock, line: number): boolean {
  // Four or more columns in from the container: indented code (or an item's text), no list.
  if (state.sCount[line] - state.blkIndent >= 4) return false;
  // A line left of the current container (taken lazily) four or more columns in from the list
  // that holds the container is no list start either.
  if (state.listIndent >= 0 && state.sCount[line] - state.listIndent >= 4 && state.sCount[line] < state.blkIndent) return false;
  return listMarkerOf(state, line) !== null;
}

/**
 * One item at `line`, whose marker is `marker`: its tokens, its text parsed at its content column.
 * Returns the line after the item.
 */
function parseItem(state: StateBlock, line: number, marker: ListMarker, endLine: number): number {
  const container = state.blkIndent;
  const markerFrom = state.bMarks[line] + state.tShift[line];
  const afterMarker = state.sCount[line] + (marker.end - markerFrom);
  const content = skipWhitespace(state, line, marker.end, afterMarker);
  const firstLineEmpty = content.pos >= state.eMarks[line];

  const open = state.push('list_item_open', 'li', 1);
  open.markup = marker.char;
  const itemLines: [number, number] = [line, 0];
  open.map = itemLines;

  const saved = { tShift: state.tShift[line], sCount: state.sCount[line], listIndent: state.listIndent };
  state.listIndent = container;
  // The content column: after the marker's whitespace, or 4 in from the container for an empty
  // first line (the tokenize wrapper settles tabs and a lone IAL the same way).
  state.blkIndent = firstLineEmpty ? container + 4 : content.col;
  state.tShift[line] = content.pos - state.bMarks[line];
  state.sCount[line] = content.col;
  // An empty first line followed by a blank line: the item holds the two (where kramdown goes on
  // with indented text after the blank, kramdown-blocks.ts has made the blank non-empty).
  if (firstLineEmpty && state.isEmpty(line + 1)) state.line = Math.min(line + 2, endLine);
  else state.md.block.tokenize(state, line, endLine);
  state.blkIndent = container;
  state.listIndent = saved.listIndent;
  state.tShift[line] = saved.tShift;
  state.sCount[line] = saved.sCount;

  state.push('list_item_close', 'li', -1).markup = marker.char;
  itemLines[1] = state.line;
  return state.line;
}

/** The marker of the list's next item at `line`, or null where the list ends. */
function nextItemMarker(state: StateBlock, line: number, endLine: number, ordered: boolean, endsList: ListEnd): ListMarker | null {
  if (line >= endLine) return null;
  // The next item's marker stands at most three columns in from the list's container.
  const rel = state.sCount[line] - state.blkIndent;
  if (rel < 0 || rel > 3) return null;
  if (endsList(state, line, endLine)) return null;
  const marker = listMarkerOf(state, line);
  return marker && marker.ordered === ordered ? marker : null;
}

/** A test of a line at a next item's place that ends the list anyway (kramdown's rule after a blank line). */
export type ListEnd = (state: StateBlock, line: number, endLine: number) => boolean;

/** The block rule for kramdown's lists; `endsList` is asked at each next item's line. */
export function createKramdownListRule(endsList: ListEnd) {
  return function kramdownList(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
    if (!startsList(state, startLine)) return false;
    if (silent) return true;
    let marker = listMarkerOf(state, startLine)!;
    const ordered = marker.ordered;
    const open: Token = state.push(ordered ? 'ordered_list_open' : 'bullet_list_open', ordered ? 'ol' : 'ul', 1);
    open.markup = marker.char;
    const listLines: [number, number] = [startLine, 0];
    open.map = listLines;
    const parentType = state.parentType;
    state.parentType = 'list' as StateBlock['parentType'];
    let line = startLine;
    for (;;) {
      line = parseItem(state, line, marker, endLine);
      const next = nextItemMarker(state, line, endLine, ordered, endsList);
      if (!next) break;
      marker = next;
    }
    state.push(ordered ? 'ordered_list_close' : 'bullet_list_close', ordered ? 'ol' : 'ul', -1).markup = open.markup;
    listLines[1] = line;
    state.line = line;
    state.parentType = parentType;
    return true;
  };
}
