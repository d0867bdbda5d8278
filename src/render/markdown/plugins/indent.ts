// Leading whitespace as kramdown reads it, where markdown-it's columns (a tab advances to the next
// multiple of 4 wherever it is) disagree. kramdown has no columns: a container's text is a string,
// and its block parsers look at how that string starts.
// - INDENT (`\t` or four spaces) starts a code block and comes off each of its lines; every other
//   block start is OPT_SPACE (` {0,3}`) then a character that is not a space or a tab. So a line
//   of one to three spaces and then a tab starts no block at all: kramdown's parse_blocks falls
//   back to adding it as raw text (no <p>, see rawText in kramdown-blocks.ts), where markdown-it
//   counts ` \t` as four columns and makes it code.
// - A list item's (or definition's) text is each line with its leading tabs turned into four
//   spaces apiece (tabs at the very start only), then the item's indentation of spaces removed
//   (parse_list's `result.sub!(/^(\t+)/)` and indent_re). Which lines are the item's text after a
//   blank line is kramdown's content_re (PARSE_FIRST_LIST_LINE_REGEXP_CACHE): the indentation as
//   tabs or runs of four spaces, then the remainder as spaces: ` \tb` is not text of a `* ` item,
//   `  \tb` is, and is then the code line `\tb`.
import type { StateBlock } from 'markdown-it';

/**
 * The line as its container's text has it in kramdown: the container's indentation (`indent`
 * columns, blkIndent by default) taken off as kramdown's list parser takes it off (stripIndent),
 * the rest of the line as written. A line whose text markdown-it already moved (an item's marker
 * line, a container's lazy line) is its relative indentation in spaces, then its text; one whose
 * text is kept in kdLazyText (a lazy line with a tab after its first spaces, a line the columns
 * put short of its item: keepLazyText, keepItemText) is that text.
 */
export function kdLineText(state: StateBlock, line: number, indent = state.blkIndent): string {
  const src = state.src;
  const b = state.bMarks[line];
  const t = b + state.tShift[line];
  const e = state.eMarks[line];
  let i = b;
  while (i < t && (src.charCodeAt(i) === 0x20 || src.charCodeAt(i) === 0x09)) i++;
  const s = state as LazyState;
  // The rest of a line after an HTML element (html-block.ts's restOfLine) is the container's text
  // from there on, as written: `* <div></div>    b` has the code line `    b`.
  if (line === (state as { kdContinuedLine?: number }).kdContinuedLine) return src.slice(b, e);
  if (i < t || s.kdLazy?.has(line)) {
    const texts = s.kdLazyText?.get(line);
    const own = texts?.[texts.length - 1];
    if (own) return stripIndent(own.text, indent, state, own.indent);
    return ' '.repeat(Math.max(0, state.sCount[line] - indent)) + src.slice(t, e);
  }
  return indent > 0 ? stripIndent(src.slice(b, e), indent, state) : src.slice(b, e);
}

/**
 * `text` with `indent` columns of its leading whitespace taken off as kramdown's list parser takes
 * an item's indentation off (parse_list: `result.sub!(/^(\t+)/)` then indent_re): a run of tabs
 * at the very start is four spaces a tab (`\t\tb` in a `-\t` item's text is `    b`), then the
 * indentation comes off as spaces, or nothing comes off where fewer spaces than that come before
 * a tab (`    \ty` in a `1.  \t` item, indentation 8, stays `    \ty`: a tab after spaces is
 * never turned into spaces at that level). With `state`, `indent` is a column of
 * nested containers and each container's level is taken off in turn (kdLevels: an outer item's
 * two columns, then an inner item's four, from the text the outer item left), starting at
 * column `from`; without it, `indent` is one level.
 */
export function stripIndent(text: string, indent: number, state?: StateBlock, from = 0): string {
  if (!state) return stripLevel(text, indent);
  const levels = (state as LevelState).kdLevels;
  // The columns where nested containers' texts start between `from` and `indent`, innermost
  // first: the calls still open, from the top down, stopping at a blockquote's 0 (its lines start
  // after the `>`, its items' columns count from there).
  const cols: number[] = [];
  if (levels) {
    for (let i = levels.length - 1; i >= 0; i--) {
      const c = levels[i];
      if (c <= from) break;
      if (c >= indent || (cols.length && c >= cols[cols.length - 1])) continue;
      cols.push(c);
    }
  }
  let at = from;
  for (let i = cols.length - 1; i >= 0; i--) {
    text = stripLevel(text, cols[i] - at);
    at = cols[i];
  }
  return stripLevel(text, indent - at);
}

/** One level of stripIndent: leading tabs as four spaces each, then `width` spaces if there. */
function stripLevel(text: string, width: number): string {
  if (width <= 0) return text;
  if (text.charCodeAt(0) === 0x09) {
    let j = 1;
    while (j < text.length && text.charCodeAt(j) === 0x09) j++;
    text = ' '.repeat(4 * j) + text.slice(j);
  }
  let i = 0;
  while (i < width && text.charCodeAt(i) === 0x20) i++;
  // (Fewer spaces and then other text: a lazy line, whose own indentation the callers keep
  // apart; its spaces come off.)
  return i < width && text.charCodeAt(i) === 0x09 ? text : text.slice(i);
}

/** kramdown's INDENT: a code line (or the start of a code block). */
export const INDENT = /^(?:\t| {4})/;

/** One to three spaces, then a tab: a line no block parser of kramdown's starts with. */
export const RAW_TEXT_START = /^ {1,3}\t/;

const contentRes = new Map<number, RegExp>();
/**
 * kramdown's content_re for an item of `indentation`: whether the line (its container's text,
 * kdLineText) goes on with the item's text after a blank line.
 */
export function itemContentLine(text: string, indentation: number): boolean {
  let re = contentRes.get(indentation);
  if (!re) {
    const q = Math.floor(indentation / 4);
    re = new RegExp(`^(?:(?:\\t| {4}){${q}} {${indentation % 4}}|(?:\\t| {4}){${q + 1}})`);
    contentRes.set(indentation, re);
  }
  return re.test(text);
}

/**
 * parse_first_list_line's indentation of an item (or definition) whose marker ends at `column`
 * of its container's text (leading spaces and the marker) and is followed by `whitespace`: a tab
 * goes to the next multiple of four counted from the start of the container's text (markdown-it
 * counts from the line's start), and the tabs of a run after the first are four each
 * (`*\t\tb`: 1 + 3 + 4).
 */
export function firstLineIndentation(column: number, whitespace: string): number {
  let content = whitespace;
  for (let guard = 0; guard < 64 && /^ *\t/.test(content); guard++) {
    content = content.replace(/^( *)(\t+)/, (_m, spaces: string, tabs: string) => spaces + ' '.repeat(4 - ((spaces.length + column) % 4) + (tabs.length - 1) * 4));
  }
  return column + /^ */.exec(content)![0].length;
}

type LazyText = { text: string; indent: number } | null;
/** `kdLevels`: the blkIndent of each nested tokenize call still open (kramdown-blocks.ts). */
type LevelState = StateBlock & { kdLevels?: number[] };
/** `kdLazyText`: per line, one entry for each container that took it (innermost last). */
type LazyState = StateBlock & { kdLazy?: Map<number, number[]>; kdLazyText?: Map<number, LazyText[]> };

function pushLazyText(state: StateBlock, line: number, entry: LazyText): void {
  const texts = ((state as LazyState).kdLazyText ??= new Map());
  const stack = texts.get(line);
  if (stack) stack.push(entry); else texts.set(line, [entry]);
}

/**
 * Before a container (list item, definition, footnote) takes `line` as a lazy line: kramdown keeps
 * a lazy line as written in the container's text, which a faked sCount says only for spaces; a
 * line with a tab after its first spaces (` \tb`) is remembered as it is, for kdLineText, with the
 * column (`itemIndent`) where the container's text starts for markdown-it (an item's list inside
 * it takes its own indentation off that text again; an inner item taking the line lazily in turn
 * keeps it as written, innermost first). `indent`: the column of the container's own container.
 * Undone with dropLazyText when the container is done.
 */
export function keepLazyText(state: StateBlock, line: number, indent: number, itemIndent: number): void {
  const own = kdLineText(state, line, indent);
  pushLazyText(state, line, /^ +\t/.test(own) ? { text: own, indent: itemIndent } : null);
}

/** Undoes the last keepLazyText or keepItemText for the line. */
export function dropLazyText(state: StateBlock, line: number): void {
  const texts = (state as LazyState).kdLazyText;
  const stack = texts?.get(line);
  if (!stack) return;
  stack.pop();
  if (!stack.length) texts!.delete(line);
}

/**
 * A line that is an item's text in kramdown (content_re) where markdown-it's columns put it left of
 * the item's content (`1. -\ta\n   \tb`: `\tb` is 4 in for kramdown, 1 for markdown-it): the
 * list fakes its sCount as for a lazy line, and kdLineText gives `text`, the line as the item's
 * text has it, for it. Returns the columns its leading whitespace counts.
 */
export function keepItemText(state: StateBlock, line: number, text: string, itemIndent: number): number {
  pushLazyText(state, line, { text, indent: itemIndent });
  return leadingColumns(text);
}

/** Whether the line's leading whitespace holds a tab. */
export function leadingTab(state: StateBlock, line: number): boolean {
  for (let p = state.bMarks[line], end = p + state.tShift[line]; p < end; p++) if (state.src.charCodeAt(p) === 0x09) return true;
  return false;
}

/** The columns of a text's leading spaces and tabs (tabs to the next multiple of four). */
export function leadingColumns(text: string): number {
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) col++;
    else if (c === 0x09) col += 4 - (col % 4);
    else break;
  }
  return col;
}
