// Block syntax kramdown has and markdown-it does not, or has differently:
// - `$$…$$` math blocks (kramdown's BLOCK_MATH_START): only between block boundaries (blank line or
//   container edge before and after), otherwise the `$$` is inline math inside a paragraph;
// - block IALs `{: .cls #id k="v"}` and ALDs `{:name: …}` on a line of their own;
// - block extensions `{::comment}`, `{::nomarkdown}`, `{::options … /}`;
// - the end-of-block marker `^` (ends a list, writes nothing);
// - `1)` is no list marker and `*` with nothing after it no list item (kramdown's LIST_START).
// Each becomes one token with `map`, so the converter can see the blank lines around it.
// It also holds what kramdown's block structure needs across rules: block boundaries
// (after_block_boundary? / before_block_boundary?), container starts, where a list item's text is
// cut at its first nested list, and kramdown's lists (one list across `*`/`+`/`-`, lazy lines of
// any block kind, a rule after a blank line ending the list), paragraphs ended by any list marker,
// setext headers only after a boundary, and HTML tag lines ending lazy text.
import type { MarkdownIt } from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import type { Token } from 'markdown-it';
import { IAL_BODY, ITEM_IAL_ONLY } from '../ial.js';
import { containerLines, listBlankLine } from './list-text.js';
import { ialBlockAt, lazyEndHtml } from './code-block.js';
import { gfmParagraphEnd, isGfm } from '../options.js';
import { emptyLastItems } from '../list-blanks.js';
import { NEW_FENCE_MEMO } from './fence-memo.js';
import { KD_LIST_START, KD_LIST_START_INDENTED, createKramdownListRule } from './list-rule.js';
import { INDENT, RAW_TEXT_START, dropLazyText, firstLineIndentation, itemContentLine, kdLineText, keepItemText, keepLazyText, leadingColumns, leadingTab, stripIndent } from './indent.js';
import { lazyRegExp } from '../../../lazy-regexp.js';

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}
/** The first character of the line's text (after its indentation), as a char code. */
function firstCode(state: StateBlock, line: number): number {
  return state.src.charCodeAt(state.bMarks[line] + state.tShift[line]);
}
function isBlank(state: StateBlock, line: number): boolean {
  return line >= state.lineMax || state.bMarks[line] + state.tShift[line] >= state.eMarks[line];
}

const IAL_LINE = new RegExp(String.raw`^\{:(?!:|\/)(${IAL_BODY})\}\s*$`);
// kramdown's ALD_START: a name, a colon, then at least one character (`{:r:}` is an IAL).
const ALD_LINE = new RegExp(String.raw`^\{:\w[\w-]*:${IAL_BODY}\}\s*$`);
const EXT_START = /^\{::(\w+)((?:\s(?:\\\}|[^}])*?)?)(\/)?\}\s*$/;

/**
 * kramdown's after_block_boundary?: the block is the first in its container, or follows a blank
 * line, an end-of-block marker or a block IAL. (`kdFirstLine` is kept by the tokenize wrapper below.)
 */
export function afterBlockBoundary(state: StateBlock, line: number): boolean {
  return boundaryAfter(state, line, state.tokens.length);
}

/** afterBlockBoundary as it was when the block tokens ended at `top` (those after it not yet pushed). */
function boundaryAfter(state: StateBlock, line: number, top: number): boolean {
  // The rest of a line after an HTML element or comment (html-block.ts's restOfLine) follows that
  // element: no boundary (`<div></div>e\n-` is a paragraph, not a header).
  if (line === (state as any).kdContinuedLine) return false;
  if (line === (state as any).kdFirstLine || line === 0) return true;
  if (isBlank(state, line - 1)) return !blanksInHtml(state, line);
  // After an HTML element whose line's newline kramdown leaves to its blank parser (`<hr>`, a
  // closed `<script>`: html-block.ts's trailingBlank) there is a :blank, a boundary: `<hr>\n|` is
  // a table.
  const lastTok = state.tokens[top - 1];
  if (lastTok?.type === 'kd_html' && lastTok.map?.[1] === line && (lastTok.meta as any)?.trailingBlank) return true;
  // So is the blank a list or definition list moves out after itself (its last items empty, after
  // a blank line: emptyLastItems): `r\n: x\n\n: \n^\n-` has the setext header `^`.
  if (lastTok?.nesting === -1 && trailingBlankBefore(state, line, top)) return true;
  // Lines no block parser takes (kd_raw_text) are added to the tree as a :text element, which
  // takes no waiting block IAL: kramdown's after_block_boundary? is still true after them while
  // that IAL waits (`{:.c}\n  \te\n| a | b` is the raw text and a table with the class).
  if (lastTok?.type === 'kd_raw_text_close' && top >= 3 && state.tokens[top - 3].map?.[1] === line) {
    const rawStart = state.tokens[top - 3].map![0];
    const before = state.tokens[top - 4];
    if (before?.type !== 'kd_ial' || before.map?.[1] !== rawStart) return false;
    // (Not an IAL on an item's or definition's first line: the <li>'s or <dd>'s, taken off its
    // text by parse_list, `1. {:c}\n     \te\n|` is raw text and the paragraph `|`.)
    let k = top - 4;
    while (k > 0 && state.tokens[k - 1].type === 'kd_ial') k--;
    const open = state.tokens[k - 1];
    if ((open?.type === 'list_item_open' || open?.type === 'dd_open') && open.map?.[0] === state.tokens[k].map?.[0]) return false;
    return boundaryAfter(state, rawStart, top - 3);
  }
  // An end-of-block marker on the rest of a math block's line (`$$a$$^`: mathBlock's kd_eob, as
  // kramdown's scanner lets EOB_MARKER's `^` match right after the closing `$$`) is a boundary:
  // `$$a$$^\nb|` is math and a table.
  if (lastTok?.type === 'kd_eob' && lastTok.map?.[1] === line && state.tokens[top - 2]?.type === 'kd_math_block' && state.tokens[top - 2].map?.[1] === line) return true;
  const prev = lineText(state, line - 1).trimEnd();
  if (prev === '^') {
    // kramdown's EOB_MARKER is `^` at the very start of the container's text: an indented ` ^` is
    // text, no boundary.
    if (state.sCount[line - 1] > state.blkIndent) return false;
    // An end-of-block marker that ends a list is taken by kramdown's parse_list (eob_found) and
    // leaves no :eob element: the list is the block before, no boundary (`* a\n^\n# h` is a list
    // and a paragraph).
    // (And a `^` that is the text of a header, `#` then `^`, is none either.)
    return eobElementAt(state.tokens, top - 1);
  }
  // A block IAL is a boundary only while it waits for the next block (after a blank line or at
  // the container's start); one that went to the block before it leaves an `eob` that is not.
  // (Several IAL lines in a row go where the first one goes.)
  // (A block IAL over several lines, `{: .a\n.b}`, is the token just before.)
  // An ALD leaves an `eob` that is no boundary either (its value is :ald), and an IAL right after
  // one waits for the next block whatever came before it.
  const last = state.tokens[top - 1];
  let first = line - 1;
  if (last?.type === 'kd_ald' && last.map?.[1] === line) return false;
  if (last?.type === 'kd_ial' && last.map?.[1] === line) {
    first = last.map[0];
  } else if (!IAL_LINE.test(prev) || ALD_LINE.test(prev)) return false;
  while (first - 1 >= 0 && first !== (state as any).kdFirstLine && !isBlank(state, first - 1) && IAL_LINE.test(lineText(state, first - 1).trimEnd())) {
    if (ALD_LINE.test(lineText(state, first - 1).trimEnd())) return true;
    first--;
  }
  // An IAL on the line a block ends on (`$$$${:c}`, `<hr>{:y}`, `</div>{:e}`) is that block's,
  // its `eob` no boundary: `$$$${:c}\n|` is math and the paragraph `|`.
  if (ialOnBlockLine(state, first, top)) return false;
  // (After a `^` that left its end-of-block element, the IAL waits too: `^\n{:.f}\n| a | b` is a
  // table with the class; kramdown's after_block_boundary? is true while a block IAL waits.)
  return first === (state as any).kdFirstLine || first === 0 || (isBlank(state, first - 1) && !blanksInHtml(state, first, top)) || trailingBlankBefore(state, first, top) ||
    eobBefore(state, first, top);
}

/** Whether token `k` is the end-of-block element of a `^` (not a list's, which parse_list takes: eob_found). */
function eobElementAt(toks: Token[], k: number): boolean {
  return toks[k]?.type === 'kd_eob' && !/^(?:bullet|ordered)_list_close$/.test(toks[k - 1]?.type ?? '');
}

/** Whether a `^` line right before `line` left its end-of-block element (the tokens since are the IALs'). */
function eobBefore(state: StateBlock, line: number, top: number): boolean {
  if (line === 0 || lineText(state, line - 1).trimEnd() !== '^' || state.sCount[line - 1] > state.blkIndent) return false;
  const toks = state.tokens;
  let k = top - 1;
  while (k >= 0 && toks[k].type === 'kd_ial') k--;
  return toks[k]?.map?.[1] === line && eobElementAt(toks, k);
}

/**
 * The bodies of the block IALs right before `line` that wait for the next block (after a blank
 * line or at the container's start: afterBlockBoundary), first first; a link or abbreviation
 * definition there takes them (its end-of-block element is a new block element, new_block_el).
 */
export function waitingIals(state: StateBlock, line: number): string[] {
  const toks = state.tokens;
  let k = toks.length;
  let at = line;
  while (k > 0 && toks[k - 1].type === 'kd_ial' && toks[k - 1].map?.[1] === at) at = toks[--k].map![0];
  if (k === toks.length || !afterBlockBoundary(state, line)) return [];
  // (An IAL on an item's or definition's first line is the <li>'s or <dd>'s, taken off its text
  // by parse_list: `* {:.c}\n  [L]:x`.)
  const open = toks[k - 1];
  if ((open?.type === 'list_item_open' || open?.type === 'dd_open') && open.map?.[0] === toks[k].map?.[0]) return [];
  return toks.slice(k).map((t) => t.content);
}

/** Whether the block before the last IAL tokens takes in `line`, where they start. */
function ialOnBlockLine(state: StateBlock, line: number, top: number): boolean {
  const toks = state.tokens;
  let k = top - 1;
  while (k >= 0 && toks[k].type === 'kd_ial') k--;
  // (A container's open token spans its lines: `> {:.quote}` starts the quote's text.)
  const map = toks[k]?.nesting === 0 ? toks[k].map : null;
  return !!map && map[0] <= line && map[1] > line;
}

/**
 * Whether the block before the IAL lines starting at `line` is an HTML element whose line's
 * newline kramdown leaves to its blank parser (html-block.ts's trailingBlank): the IAL then
 * follows a :blank and waits for the next block (`<hr>\n{:y}\n|` is a rule and a table).
 */
function trailingBlankBefore(state: StateBlock, line: number, top: number): boolean {
  const toks = state.tokens;
  let k = top - 1;
  while (k >= 0 && toks[k].type === 'kd_ial' && (toks[k].map?.[0] ?? -1) >= line) k--;
  const t = toks[k];
  if (t?.type === 'kd_html') return t.map?.[1] === line && !!(t.meta as { trailingBlank?: boolean } | null)?.trailingBlank;
  // A list whose last items are empty, after a blank line, moves that blank out after itself
  // (emptyLastItems): `* \n\n* \n{:y}\n|` has the IAL wait, and the table take it.
  if (!t || !/^(?:bullet_list|ordered_list|dl)_close$/.test(t.type)) return false;
  let open = k;
  for (let depth = 0; open >= 0; open--) {
    depth += toks[open].nesting;
    if (depth === 0) break;
  }
  return open >= 0 && toks[open].map?.[1] === line && emptyLastItems(toks, open, k, (n) => isBlank(state, n));
}

/**
 * An end-of-block marker right after a list is the list's (parse_list scans EOB_MARKER before
 * anything else, blank lines or not: eob_found), so never a setext header's text (`1. \n\n^\n-`
 * is a list and the paragraph `-`).
 */
function listEob(state: StateBlock, line: number): boolean {
  return firstCode(state, line) === 0x5e /* ^ */ && lineText(state, line).trimEnd() === '^' && state.sCount[line] === state.blkIndent && listEndsAt(state, line);
}

/** Whether the last block tokenized is a list that ends right before `line`. */
function listEndsAt(state: StateBlock, line: number): boolean {
  const toks = state.tokens;
  let k = toks.length - 1;
  if (k < 0 || !/^(?:bullet|ordered)_list_close$/.test(toks[k].type)) return false;
  for (let depth = 0; k >= 0; k--) {
    depth += toks[k].nesting;
    if (depth === 0) break;
  }
  return k >= 0 && toks[k].map?.[1] === line;
}

/**
 * Whether the blank lines before `line` went into an HTML element left open at the end of the
 * last block (a list item's `<v>` reads its item's text to the end, blank lines included): then
 * there is no :blank element before the line and so no block boundary (`1. <v>\n\n|` is a list
 * and the paragraph `|`, no table).
 */
function blanksInHtml(state: StateBlock, line: number, top = state.tokens.length): boolean {
  const toks = state.tokens;
  let k = top - 1;
  let closed = false;
  // (Past the block IALs on the lines from `line` on, too: `1. 1. <v n="">\n\n{:l}\n|`, the
  // blank in the element, leaves the IAL no blank line before it: it goes to the list, and `|`
  // is no table.)
  for (; k >= 0; k--) {
    if (toks[k].nesting === -1) closed = true;
    else if (toks[k].type !== 'kd_ial' || (toks[k].map?.[0] ?? -1) < line) break;
  }
  const t = toks[k];
  return closed && t?.type === 'kd_html' && !!(t.meta as { toEof?: boolean } | null)?.toEof && t.map?.[1] === line;
}

/** kramdown's before_block_boundary?: a blank line, an end-of-block marker, a block IAL or the end. */
export function beforeBlockBoundary(state: StateBlock, line: number, endLine: number): boolean {
  // The end of the container counts as the end of the text: a line indented less than a list
  // item's content is not part of the item kramdown parses (lazy lines are re-indented by
  // fakeLazyLines).
  // (Inside a blockquote or list item there, the container's own text ends: a boundary.)
  if (line >= state.lineMax) return !((state.env as any)?.kdHtmlBody && state.parentType === 'root');
  if (line >= endLine || isBlank(state, line) || state.sCount[line] < state.blkIndent) return true;
  // Where parse_list cut an item's text at its nested list, the text before is parsed alone, and
  // ends there (`* $$a$$\n  - b`: a math block). (Not the item's own first line.)
  if (line > ((state as any).kdFirstLine ?? -1) && (state as any).kdChunkStarts?.has(line)) return true;
  const text = lineText(state, line).trimEnd();
  if (text === '^' && state.sCount[line] <= state.blkIndent) return true;
  // IAL_BLOCK_START has at most three spaces before the IAL (OPT_SPACE), on the line as the
  // container's text has it: `a|b\n    {:.c}` and `a|b\n\t{:.c}` are one paragraph.
  if (!text.startsWith('{:') || !/^ {0,3}\{/.test(kdLineText(state, line))) return false;
  return IAL_LINE.test(text) ||
    // (IAL_BLOCK_START takes an IAL over several lines too.)
    (state.sCount[line] - state.blkIndent <= 3 && ialBlockAt(state, line));
}

/**
 * kramdown tries its setext header parser before footnote, link and abbreviation definitions, block
 * extensions and IALs and the end-of-block marker: a line of one of those right above a `===` or
 * `---` underline, after a block boundary, is the text of a header (`^\n---` is <h1>^</h1>... <h2>).
 * Those rules give way where this says so (the lheading rule then takes the two lines).
 */
/**
 * Whether the line is an item's first line holding only an IAL (LIST_ITEM_IAL_CHECK), which
 * parse_list takes off for the <li> before parsing the item's text: no setext header's text
 * (`* {: .c}\n-` is the item `-` with the class, `2. {: .c}\n- ` a nested list).
 */
function itemIalLine(state: StateBlock, line: number): boolean {
  const open = state.tokens[state.tokens.length - 1];
  return open?.type === 'list_item_open' && open.map?.[0] === line && ITEM_IAL_ONLY.test(lineText(state, line));
}

export function setextAhead(state: StateBlock, line: number, endLine: number): boolean {
  const next = line + 1;
  if (next >= endLine || state.sCount[next] !== state.blkIndent || state.sCount[line] - state.blkIndent > 3) return false;
  if (itemIalLine(state, line)) return false;
  const under = firstCode(state, next);
  if ((under !== 0x3d /* = */ && under !== 0x2d /* - */) || !/^(?:=+|-+)[ \t]*$/.test(lineText(state, next))) return false;
  return afterBlockBoundary(state, line) && !listEob(state, line);
}

/**
 * kramdown cuts a list item's text where its first nested list starts (when no blank line came
 * before it) and parses the parts separately, so a table or an HTML element directly above a
 * nested list ends there.
 */
export function nestedListCut(state: StateBlock, line: number): boolean {
  // While a paragraph looks for its end (a fence interrupting it), the container is the list the
  // paragraph is in: the answer must be the one the fence itself gets afterwards.
  const parent = state.parentType === 'paragraph' ? (state as any).kdParagraphParent : state.parentType;
  if (parent !== 'list' || line >= state.lineMax) return false;
  // Where fakeLazyLines cut an item's text at its first nested list, also on a line an outer
  // list took lazily (`1. \n* <v n="">\n  - `: `  - ` is lazy text of the `1.` item and the
  // nested list of the `*` item, whose `<v>` ends before it).
  // (Not the item's own first line, which may be an outer item's cut: `* a\n  * b|c`.)
  if (line > ((state as any).kdFirstLine ?? -1) && (state as any).kdChunkStarts?.has(line)) return true;
  // A line the list took lazily (less indented than the item's content) is item text, as written:
  // kramdown's fence regex runs over it (`1. a` then a fence holding `  - x`).
  if ((state as any).kdLazy?.has(line)) return false;
  const rel = state.sCount[line] - state.blkIndent;
  if (rel < 0 || rel > 3) return false;
  if (!KD_LIST_START.test(state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]))) return false;
  // (On the line as the item's text has it: `  \t* ` in a `* ` item is `\t* `, no list.)
  if (leadingTab(state, line) && !KD_LIST_START_INDENTED.test(kdLineText(state, line))) return false;
  const first = (state as any).kdFirstLine ?? 0;
  for (let l = first; l < line; l++) {
    if (state.bMarks[l] + state.tShift[l] >= state.eMarks[l]) return false;
    // parse_list cuts only at the item's first nested list (nested_list_found, also set by an
    // item whose first line starts a list): `1. 1. \n   <v\n   - ` (input: kramdown) has the
    // paragraph "<v\n-" after the inner list.
    if (state.sCount[l] - state.blkIndent <= 3 && KD_LIST_START.test(lineText(state, l))) return false;
  }
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  const escaped = state.src.startsWith('\\$$', pos);
  if (!escaped && !state.src.startsWith('$$', pos)) return false;
  if (!afterBlockBoundary(state, startLine)) return false;
  if (escaped) pos++;
  const close = state.src.indexOf('$$', pos + 2);
  if (close < 0) return false;
  // The closing `$$` must end its line (`(\s*?\n)?` then before_block_boundary).
  let line = startLine;
  while (line < endLine && state.eMarks[line] < close) line++;
  if (line >= endLine) return false;
  const after = state.src.slice(close + 2, state.eMarks[line]);
  const endsLine = after.trim() === '';
  // before_block_boundary? is checked right after the closing `$$`, and kramdown's scanner lets `^`
  // match there: a block IAL or an end-of-block marker on the rest of the line is a boundary too
  // (`$$x$${: .c}`: the IAL is the math block's).
  const tail = endsLine || escaped ? null : MATH_TAIL.exec(after);
  if (escaped) {
    // `\$$…$$` alone on its line: kramdown's block math parser eats the backslash and gives up, so
    // the paragraph starts with `$$` and holds inline math (`\$$x\$$` → `\(x\\)`). With text after
    // the closing `$$` the backslash stays and escapes the `$`.
    const paragraphRule = (state.md as any).kdParagraph as BlockRule | undefined;
    if (!endsLine || silent || !paragraphRule) return false;
    const first = state.tokens.length;
    if (!paragraphRule(state, startLine, endLine, false)) return false;
    const inline = state.tokens.slice(first).find((t) => t.type === 'inline');
    if (inline) inline.content = inline.content.replace(/^\\/, '');
    return true;
  }
  if (!endsLine && !tail) return false;
  if (!tail && !beforeBlockBoundary(state, line + 1, endLine)) return false;
  if (silent) return true;
  const token = state.push('kd_math_block', 'math', 0);
  // The math as the container's text has it (a blockquote's `>` and a list item's indentation
  // removed from its lines), from after the opening `$$` to the closing one.
  const text = rawContainerText(state, startLine, line + 1);
  const open = text.indexOf('$$');
  token.content = text.slice(open + 2, text.indexOf('$$', open + 2)).trim();
  token.map = [startLine, line + 1];
  state.line = line + 1;
  if (tail?.[1] !== undefined) {
    const ial = state.push(/^\w[\w-]*:/.test(tail[1]) ? 'kd_ald' : 'kd_ial', '', 0);
    const ald = /^(\w[\w-]*):([\s\S]+)$/.exec(tail[1]);
    ial.content = ald ? ald[2] : tail[1];
    ial.info = ald ? ald[1] : '';
    ial.map = [line, line + 1];
  } else if (tail) state.push('kd_eob', '', 0).map = [line, line + 1];
  return true;
}

/**
 * Lines `from` to `to` as the container's text has them, for a block that keeps its lines raw
 * (math). Where a container took one of them lazily, or in an item's text, each as kramdown's
 * text has it (kdLineText:
 * `\t   > $$` in a `1. >` item's quote is `    > $$`, the leading tab four spaces before the
 * item's indentation comes off), where markdown-it's getLines counts tab stops from the line's
 * start.
 */
function rawContainerText(state: StateBlock, from: number, to: number): string {
  const lazy: Map<number, number[]> | undefined = (state as any).kdLazy;
  let any = false;
  if (lazy?.size) for (let l = from; l < to && !any; l++) any = lazy.has(l);
  // (In a list item's text, as fence.ts's fenceContent: a line's leading tabs are four spaces
  // each before the item's indentation comes off: `  $$\n\t\tb` in a `* ` item is `      b`.)
  if (!any && state.blkIndent === 0) return containerLines(state, from, to, state.blkIndent, false);
  const lines: string[] = [];
  for (let l = from; l < to; l++) lines.push(listBlankLine(state, l) ?? kdLineText(state, l));
  return lines.join('\n');
}

// kramdown-parser-gfm's FENCED_CODEBLOCK_START: any run of three `~` or backticks, mixed.
const FENCE_START = /^ {0,3}[~`]{3,}/;

// What may follow a block's closing `$$` on its line: a block IAL (or ALD) or `^` (IAL_BLOCK_START,
// EOB_MARKER, after OPT_SPACE for the IAL).
const MATH_TAIL = new RegExp(String.raw`^(?: {0,3}\{:(?!:|\/)(${IAL_BODY})\}|\^)\s*$`);

function ialBlock(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  // (Each block rule is tried at every block start: the first character rules most lines out
  // before any slicing or regex.)
  if (state.sCount[startLine] - state.blkIndent >= 4 || firstCode(state, startLine) !== 0x7b /* { */) return false;
  const text = lineText(state, startLine);
  let m = IAL_LINE.exec(text);
  let next = startLine + 1;
  // IAL_BLOCK's body is greedy: where the line's `}` is escaped (`{: .a \}`) kramdown takes the
  // IAL on over the next lines if it closes there (`{: .a \}\n.b}` is one IAL, classes a and b),
  // and only else ends it at the escaped brace.
  if (!m || text.includes('\\}')) {
    const multi = multiLineIal(state, startLine, _endLine);
    if (multi) [m, next] = multi;
    else if (!m) return false;
  }
  if (setextAhead(state, startLine, _endLine)) return false;
  if (silent) return true;
  // ALD_START: the name right after `{:` (`{: name: …}` is an IAL whose words are skipped).
  // (ALD_ANY_CHARS+: `{:r:}` has nothing after the name's colon and is an IAL.)
  const ald = /^(\w[\w-]*):([\s\S]+)$/.exec(m[1]);
  const token = state.push(ald ? 'kd_ald' : 'kd_ial', '', 0);
  token.content = ald ? ald[2] : m[1];
  token.info = ald ? ald[1] : '';
  token.map = [startLine, next];
  state.line = next;
  return true;
}

// kramdown's LIST_ITEM_IAL (`^\s*\{:…\}\s*`) with text after it on the item's first line.
// (No look-ahead for the text: the body is the one kramdown's greedy match takes, `{:\}}` is the
// IAL `\}` and nothing after it, not the IAL `\` and the text `}`.)
const ITEM_IAL_TEXT = new RegExp(String.raw`^\{:(?![\w-]*:|\/)(${IAL_BODY})\}[ \t]*`);

/**
 * `* {: .c} text`: parse_list takes an IAL at the start of an item's (or definition's) first line
 * off the item's text before parsing it (LIST_ITEM_IAL), so what follows is parsed as blocks of its
 * own: `* {:.c} > q` is an item holding a blockquote, `* {:.c} ## h` one holding a header. The IAL
 * becomes a `kd_ial` token on the item's first line (the <li>'s attributes, as one alone there) and
 * the line starts after it and the whitespace after it while the item's text is tokenized (the
 * tokenize wrapper restores it: returned here). The item's indentation is unchanged.
 */
export function leadingItemIal(state: StateBlock, line: number): [number, number] | null {
  const text = lineText(state, line);
  const m = ITEM_IAL_TEXT.exec(text);
  // An IAL alone on the line is a block IAL's (ialBlock), but for one with an escaped brace, which
  // ialBlock may take on over the next lines (`{:\}\n}`): the item's IAL ends on its first line
  // (`* {:\}\n}` is the IAL `\` and the text `}`), so the line is left empty here.
  if (!m || (m[0].length === text.length && !text.includes('\\}'))) return null;
  const saved: [number, number] = [state.bMarks[line], state.tShift[line]];
  const token = state.push('kd_ial', '', 0);
  token.content = m[1];
  token.map = [line, line + 1];
  state.bMarks[line] += state.tShift[line] + m[0].length;
  state.tShift[line] = 0;
  return saved;
}

const IAL_MULTI = new RegExp(String.raw`^\{:(?!:|\/)(${IAL_BODY})\}[^\S\n]*\n`);

/**
 * A block IAL over several lines: kramdown's IAL_BLOCK (`\{:(?!:|\/)(ALD_ANY_CHARS+)\}\s*?\n`)
 * takes newlines inside the braces (ALD_ANY_CHARS is `\\\}|[^\}]`), so `{: .a\n.b}` is one IAL, on
 * its own lines or ending a paragraph. The lines are those of the container (its markers off);
 * the first `}` ends the body. Returns the match and the line after it.
 */
export function multiLineIal(state: StateBlock, startLine: number, endLine: number): [RegExpExecArray, number] | null {
  let text = '';
  for (let l = startLine; l < endLine; l++) {
    // (Its container's lines: as a list's terminator check sees it, the container is where the
    // IAL's first line is, blkIndent being still the item's.)
    const base = Math.min(state.blkIndent, state.sCount[startLine]);
    if (l > startLine && state.sCount[l] < base && !isBlank(state, l)) return null;
    const line = isBlank(state, l) ? '' : ' '.repeat(l > startLine ? Math.max(0, state.sCount[l] - base) : 0) + lineText(state, l);
    text += line + '\n';
    if (/(?:^|[^\\])\}/.test(line) || line.startsWith('}')) {
      const m = IAL_MULTI.exec(text);
      return m && m[0].length === text.length ? [m, l + 1] : null;
    }
  }
  return null;
}

function extensionBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4 || firstCode(state, startLine) !== 0x7b /* { */) return false;
  const m = EXT_START.exec(lineText(state, startLine));
  if (!m || !['comment', 'nomarkdown', 'options'].includes(m[1]) || setextAhead(state, startLine, endLine)) return false;
  const name = m[1];
  let line = startLine + 1;
  let body = '';
  if (!m[3]) {
    // (EXT_BLOCK_STOP_STR: at most three spaces before the stop tag, OPT_SPACE.)
    const end = new RegExp(`^\\{:/(${name})?\\}\\s*$`);
    const bodyLines: string[] = [];
    while (line < endLine && !(state.sCount[line] - state.blkIndent <= 3 && end.test(lineText(state, line)))) {
      bodyLines.push(listBlankLine(state, line) ?? state.src.slice(state.bMarks[line] + Math.min(state.tShift[line], state.blkIndent), state.eMarks[line]));
      line++;
    }
    if (line >= endLine) return false;
    body = bodyLines.join('\n');
    line++;
  }
  if (silent) return true;
  if (name === 'options') {
    // kramdown updates its parser options here: blocks after this line see the new value.
    const pbh = /\bparse_block_html\s*=\s*["']?(\w+)/.exec(m[2] ?? '');
    if (pbh) state.env.kdParseBlockHtml = pbh[1].toLowerCase() !== 'false';
    // (Read by the span parser, which runs after all blocks: the last setting holds.)
    const psh = /\bparse_span_html\s*=\s*["']?(\w+)/.exec(m[2] ?? '');
    if (psh) state.env.kdParseSpanHtml = psh[1].toLowerCase() !== 'false';
  }
  // A self-closed comment or nomarkdown has no body, and kramdown adds nothing to its tree for it
  // (handle_extension): not even a block boundary; the blank lines around it are one.
  if (m[3] && name !== 'options') {
    state.line = line;
    return true;
  }
  const token = state.push('kd_extension', '', 0);
  token.info = name;
  token.content = body;
  token.meta = { attrs: m[2] ?? '' };
  token.map = [startLine, line];
  state.line = line;
  return true;
}

function eobMarker(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (firstCode(state, startLine) !== 0x5e /* ^ */) return false;
  // kramdown's EOB_MARKER is `^` at the very start of the line (of the container's text): ` ^` is
  // text (a paragraph's, or a paragraph of its own). (A line less indented than the container ends
  // it: a list's lazy ` ^` was given more indentation by fakeLazyLines.)
  if (lineText(state, startLine).trimEnd() !== '^' || state.sCount[startLine] > state.blkIndent) return false;
  if (setextAhead(state, startLine, _endLine)) return false;
  if (silent) return true;
  const token = state.push('kd_eob', '', 0);
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;


/**
 * kramdown's lazy list lines: after a non-blank line of an item, any non-blank line (unless it starts
 * an HTML element or an IAL) belongs to the item and is parsed as blocks inside it, whatever its
 * indentation: `* a\n# h` puts the header in the item, `1. a\n* b` nests the bullet list.
 * markdown-it only continues paragraphs lazily, so these lines are given the item's content
 * indentation (sCount) while the list is parsed. Returns the original values to restore.
 */
function fakeLazyLines(state: StateBlock, startLine: number, endLine: number, hr: BlockRule): { faked: Array<[number, number]>; cut: number; chunks: number[]; emptyItemBlanks: number[] } {
  const faked: Array<[number, number]> = [];
  // The blank line after an item's empty first line, where the item goes on after it (see
  // EMPTY_ITEM_BLANK below).
  const emptyItemBlanks: number[] = [];
  let emptyItem = -1;
  const chunks: number[] = [];
  // Where enclosing items' texts are cut (see chunks below): a list inside such an item ends there.
  const enclosingCuts: Set<number> | undefined = (state as any).kdChunkStarts;
  let cut = endLine;
  // Line → the blkIndent of each list that took it as a lazy line (outermost first).
  const lazy: Map<number, number[]> = ((state as any).kdLazy ??= new Map());
  const base = state.blkIndent;
  const ordered = /^\d/.test(lineText(state, startLine));
  const item = ordered ? /^(\d+\.)([ \t]*)(.?)/ : /^([*+-])([ \t]*)(.?)/;
  let indent = 0;
  let kdIndent = 0;
  let lastBlank = false;
  // kramdown's nested_list_found: once an item holds a nested list (a line at its content column
  // starting with a list marker), a lazy line starting with a list marker is given the item's
  // indentation plus four more inside the item's text (`- a\n  - b\n1. c`: `1. c` is text of the
  // item `b`).
  let nested = false;
  const LIST_START = KD_LIST_START;
  for (let line = startLine; line < endLine; line++) {
    if (line > startLine && enclosingCuts?.has(line)) { cut = line; break; }
    const rel = state.sCount[line] - base;
    const text = lineText(state, line);
    const m = item.exec(text);
    // (A marker needs a space or tab after it: a bare `*` is text, lazily the item's.)
    // (fetch_pattern's ` {0,n}` marker on the line as the list's container has it: `   \t- ` in a
    // `1. ` item is `\t- ` there, text of the item, no next item.)
    // (Or a `|` right after it: PATTERN_TAIL's class, `*|x`.)
    if (m && (m[2] !== '' || m[3] === '|') && (line === startLine || (rel >= 0 && rel <= Math.min(indent - 1, 3) && !/^ *\t/.test(kdLineText(state, line))))) {
      // kramdown's own content indentation: 4 when the first line holds nothing but an IAL (or
      // nothing at all: LIST_ITEM_IAL_CHECK), else the marker and all whitespace after it (tabs to kramdown's stops); the
      // tokenize wrapper below gives markdown-it the same.
      kdIndent = ITEM_IAL_ONLY.test(text.slice(m[1].length)) ? 4 : firstLineIndentation(rel + m[1].length, m[2]);
      indent = kdIndent;
      // markdown-it counts a tab after the marker to its stops from the line's start, kramdown
      // from the start of the list's container's text (`* -\ta`: the inner item's content is 4 in
      // from the `-`, where markdown-it has 2): the tokenize wrapper gives markdown-it kramdown's.
      if (m[2].includes('\t') && !ITEM_IAL_ONLY.test(text.slice(m[1].length))) ((state as any).kdItemIndent ??= new Map()).set(`${line}:${base}`, kdIndent);
      // (Also when the next item follows after the blank lines: `* \n\n\n* ` is one list.)
      if (lastBlank && emptyItem >= 0 && line > emptyItem + 2 && isBlank(state, emptyItem + 1)) emptyItemBlanks.push(emptyItem + 1);
      emptyItem = /^[ \t]*$/.test(text.slice(m[1].length)) ? line : -1;
      // (After the item's IAL, which parse_list takes off first: `* {:.c} - a`.)
      nested = LIST_START.test(text.slice(m[1].length).replace(/^[ \t]*/, '').replace(ITEM_IAL_TEXT, ''));
      lastBlank = false;
      continue;
    }
    // A blank line counts as a nested list found, as in kramdown (its BLANK_LINE branch).
    if (isBlank(state, line)) { lastBlank = true; nested = true; continue; }
    // Less indented than this list's container: an outer list's line (kramdown never gives it to
    // the inner list, whose text is the outer item's content).
    if (rel < 0) break;
    // After a blank line a horizontal rule ends the list even when indented as item content
    // (kramdown checks HR_START before anything else); the list is parsed up to it.
    if (lastBlank && hr(state, line, endLine, true)) { cut = line; break; }
    // After a blank line only lines indented to kramdown's content column continue the item.
    // (kramdown's content_re, on the line as the list's container has it: ` \tb` is not the text
    // of a `* ` item though markdown-it counts it four columns in.)
    const own = kdLineText(state, line);
    const content = itemContentLine(own, indent);
    if (lastBlank && !content) { cut = line; break; }
    if (text.trimEnd() === '^' && rel === 0) break;
    if (lastBlank && emptyItem >= 0 && content && isBlank(state, emptyItem + 1)) emptyItemBlanks.push(emptyItem + 1);
    emptyItem = -1;
    if (content) {
      if (rel < indent) {
        // kramdown's content where markdown-it's columns fall short of the item's (tab stops):
        // given the item's column plus the indentation left in kramdown's text of the item.
        // (Also a line an outer container took lazily, whose text is this item's content in
        // kramdown: `1. m\n: - \n  \t-`, the `\t-` is the inner item's text.)
        faked.push([line, state.sCount[line]]);
        state.sCount[line] = base + indent + keepItemText(state, line, stripIndent(own, indent), base + indent);
        const bases = lazy.get(line);
        if (bases) bases.push(base); else lazy.set(line, [base]);
      } else if (leadingTab(state, line)) {
        // Inside the item too the columns can differ: kramdown's item text has its leading tabs
        // four spaces each wherever they stand (`  \t- b` in a `* - a` item's item is `  - b`,
        // two in, where markdown-it has the marker at the item's column). The line then gets
        // kramdown's column, so a nested item's content, or a lazy line's indentation kept as
        // written (`  \td` under `* * m\n:\tn` is `  d`), is where kramdown has it. Only once the
        // text has spaces alone in front: a tab still there (`   \t.` in a `* ` item) becomes four
        // spaces only in the inner item's text, whose list gives the line its column then (a
        // column given here would keep it from doing so).
        const text = stripIndent(own, indent);
        const col = leadingColumns(text);
        if (col !== rel - indent && !/^ *\t/.test(text)) {
          faked.push([line, state.sCount[line]]);
          state.sCount[line] = base + indent + keepItemText(state, line, text, base + indent);
          const bases = lazy.get(line);
          if (bases) bases.push(base); else lazy.set(line, [base]);
        }
      }
      // (On the line as the item's text has it: `   \t- b` in a `1. ` item is `\t- b`, no list.)
      // (And with kramdown's columns: `   \t\t- ` in a `1. - a` item's item is `      - `, text.)
      if (LIST_START.test(text) && (leadingTab(state, line) ? KD_LIST_START_INDENTED.test(kdLineText(state, line, base + indent)) : rel - indent <= 3)) {
        // kramdown starts a new part of the item's text at its first nested list (item.value <<
        // '') and parses each part on its own: a list the item took lazily before it (`2. a` then
        // `  * b`, indented less than the item's content) ends there, and the nested list is the
        // next block of the item, not part of the lazy one.
        if (!nested) chunks.push(line);
        nested = true;
      }
      lastBlank = false;
      continue;
    }
    if (lastBlank) break;
    // (kramdown's lazy_re: IAL_BLOCK, which may close on a later line.)
    // The list ends there (parse_list breaks), also for markdown-it, whose paragraph in an inner
    // item would otherwise run on over it lazily (`1. 1. - b\n    </v>`: `</v>` is the outer item's).
    if (rel <= 3 && (IAL_LINE.test(text) || (text.startsWith('{:') && ialBlockAt(state, line)) || lazyEndHtml(state, line, text))) { cut = line; break; }
    // kramdown's parse_list makes a lazy line's leading tabs four spaces each (`result.sub!(/^(\t+)/)`)
    // on the line as the list's container has it: `  \te` in a `* ` item's nested `1.  \ta` list
    // is `\te` there, so `    e` in the inner item's text (markdown-it's tab stop gives two
    // columns). At the top level the tab stops agree.
    if (base > 0) {
      const own = kdLineText(state, line);
      if (own.charCodeAt(0) === 0x09) {
        faked.push([line, state.sCount[line]]);
        state.sCount[line] = base + indent + keepItemText(state, line, own.replace(/^\t+/, (t) => ' '.repeat(4 * t.length)), base + indent);
        const bases = lazy.get(line);
        if (bases) bases.push(base); else lazy.set(line, [base]);
        continue;
      }
    }
    // kramdown keeps a lazy line as written inside the item's text, so its own indentation
    // (relative to this list) stays on top of the item's content column.
    keepLazyText(state, line, base, base + indent);
    faked.push([line, state.sCount[line]]);
    state.sCount[line] = base + indent + rel + (nested && rel <= 3 && LIST_START.test(text) ? indent + 4 : 0);
    const bases = lazy.get(line);
    if (bases) bases.push(base); else lazy.set(line, [base]);
  }
  return { faked, cut, chunks, emptyItemBlanks };
}

/**
 * kramdown goes on with an item whose first line is empty after a blank line when indented text
 * follows (`* \n\n    a`: the item holds a blank and the paragraph); list-rule.ts ends an item
 * whose first line is empty at a blank line right after it, without parsing its text. The blank line is made to look non-empty
 * to the list rule (tShift -1) and restored as soon as the item's content is tokenized (the
 * tokenize wrapper) or the list is done. Line → its tShift.
 */
const EMPTY_ITEM_BLANK = 'kdEmptyItemBlank';

/**
 * kramdown ends a paragraph at a line starting an HTML element tag (LAZY_END), and a list item takes
 * no such line lazily. markdown-it continues a paragraph lazily over any line, so a line outside the
 * current container (less indented than a list item's content) that starts a tag ends the paragraph
 * here: `* a\n</details>` leaves `</details>` after the list. (Inside the container kramdown joins
 * the lines into one paragraph again, as markdown-it does without this rule.) Never a block itself.
 */
function lazyHtmlEnd(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (!silent || state.sCount[startLine] >= state.blkIndent) return false;
  // (Up to three spaces in from the list's container, as kramdown's lazy_re counts them in the
  // text it parses the list from: `* \n    - o\n    </v>`.)
  // Up to three in from the document's start too: an outer list's lazy line.
  const rel = state.sCount[startLine] - Math.max(0, state.listIndent);
  return ((rel >= 0 && rel <= 3) || state.sCount[startLine] <= 3) && lazyEndHtml(state, startLine, lineText(state, startLine));
}

// kramdown's own HEADER_ID: `{#id}` after a space or tab at the end (the id an XML name).
const HEADER_ID = lazyRegExp(String.raw`[\t ]\{#([\p{L}_:][\p{L}\p{M}\p{N}_:.\-\u00b7]*)\}$`, 'u');

/**
 * kramdown's own parse_atx_header (`input: kramdown`; kramdown-parser-gfm replaces it with its quirk
 * rule unless `gfm_quirks` leaves out paragraph_end, and then keeps GFM's ATX_HEADER_START
 * `^(#{1,6})[\t ]+(.*)\n`, a space required, `gfm` here): ATX_HEADER_START
 * `^(#{1,6})[\t ]*([^ \t].*)\n` needs no space after the hashes (`#Header` is a header, `#######
 * x` a level-6 header "# x"), only after a block boundary (so never ending a paragraph), and the
 * closing hashes go whether or not a space comes before them (`# C#` is "C"), unless escaped.
 */
function kramdownAtxHeader(state: StateBlock, startLine: number, endLine: number, silent: boolean, gfm: boolean): boolean {
  if (firstCode(state, startLine) !== 0x23 /* # */) return false;
  if (gfm) return atxHeader(state, startLine, silent, /^(#{1,6})[\t ]+(.*)$/.exec(lineText(state, startLine)), 1);
  let m: RegExpExecArray | null;
  let lines = 1;
  // Nothing after the hashes: the `[^ \t]` that starts the contents matches the newline, and `.*`
  // the whole next line, so `#` followed by a line of text is a header of that line (its text
  // starting with the newline). Followed by a blank line, the text is empty: no header.
  // (Tested first: on the line alone the regex below would backtrack to `#` + contents `#`.)
  const alone = /^(#{1,6})[\t ]*$/.exec(lineText(state, startLine));
  if (!alone) m = /^(#{1,6})[\t ]*([^ \t].*)$/.exec(lineText(state, startLine));
  else {
    const next = startLine + 1;
    if (next >= endLine || isBlank(state, next) || state.sCount[next] < state.blkIndent) return false;
    // The next line as the container's text has it: at the top level as written (a tab stays).
    const lead = state.blkIndent === 0 ? state.src.slice(state.bMarks[next], state.bMarks[next] + state.tShift[next]) : ' '.repeat(state.sCount[next] - state.blkIndent);
    m = [alone[0], alone[1], '\n' + lead + lineText(state, next)] as unknown as RegExpExecArray;
    lines = 2;
  }
  return atxHeader(state, startLine, silent, m, lines);
}

/** kramdown's parse_atx_header on the ATX_HEADER_START match `m` (hashes, contents) over `lines` lines. */
function atxHeader(state: StateBlock, startLine: number, silent: boolean, m: RegExpExecArray | null, lines: number): boolean {
  if (!m || !afterBlockBoundary(state, startLine)) return false;
  // parse_header_contents: the text right-stripped, a trailing `{#id}` taken off, then the hashes.
  let text = m[2].trimEnd();
  const idm = HEADER_ID().exec(text);
  if (idm) text = text.slice(0, idm.index).trimEnd();
  const stripped = text.replace(/(?<!\\)#+$/, '');
  if (stripped !== text) text = stripped.trimEnd();
  if (text === '') return false;
  if (silent) return true;
  const level = m[1].length;
  const open = state.push('heading_open', `h${level}`, 1);
  open.markup = m[1];
  open.map = [startLine, startLine + lines];
  open.meta = { atx: true, raw: text, ...(idm ? { id: idm[1] } : {}) };
  const inline = state.push('inline', '', 0);
  inline.content = text;
  inline.map = [startLine, startLine + lines];
  inline.children = [];
  state.push('heading_close', `h${level}`, -1).markup = m[1];
  state.line = startLine + lines;
  return true;
}

/**
 * A line of one to three spaces and then a tab (in its container's text, see indent.ts) starts none
 * of kramdown's blocks; parse_blocks then adds the line as it is to the tree as text (its "this
 * should not occur" fallback), joined to the text of such lines right before it, and spans are
 * parsed in it like in a paragraph. The HTML converter writes that text with no <p> and no
 * indentation: ` \tsome *text*` is ` \tsome <em>text</em>` and its line break. markdown-it would
 * count the tab to column 4 and make it code. Never a paragraph's continuation line (there it is
 * text of the paragraph, in both).
 */
function rawText(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (isBlank(state, startLine) || !RAW_TEXT_START.test(kdLineText(state, startLine))) return false;
  if (silent) return true;
  let text = '';
  let line = startLine;
  for (; line < endLine && !isBlank(state, line) && state.sCount[line] >= state.blkIndent; line++) {
    const t = kdLineText(state, line);
    if (!RAW_TEXT_START.test(t)) break;
    text += t + '\n';
  }
  const open = state.push('kd_raw_text_open', '', 1);
  open.map = [startLine, line];
  const inline = state.push('inline', '', 0);
  inline.content = text;
  inline.map = [startLine, line];
  inline.children = [];
  state.push('kd_raw_text_close', '', -1);
  state.line = line;
  return true;
}

/** kramdown-parser-gfm's ATX_HEADER_START on a line whose header text is empty (an id alone, `{#a}`, comes off). */
const EMPTY_ATX_START = lazyRegExp(String.raw`^#{1,6}[\t ]+(?:\{#[\p{L}_:][\p{L}\p{M}\p{N}_:.\-\u00b7]*\})?[\t ]*$`, 'u');

export function kramdownBlocksPlugin(md: MarkdownIt): void {
  // Before every other rule: no block starts at such a line, whatever markdown-it's columns say.
  md.block.ruler.before('table', 'kd_raw_text', rawText, { alt: [] });
  md.block.ruler.before('fence', 'kd_math_block', mathBlock, { alt: [] });
  // Not a paragraph terminator: inside a paragraph `{::comment}` is the span extension.
  md.block.ruler.before('fence', 'kd_extension', extensionBlock, { alt: ['reference', 'blockquote', 'list'] });
  md.block.ruler.before('fence', 'kd_ial', ialBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('fence', 'kd_eob', eobMarker, { alt: ['paragraph', 'list'] });
  md.block.ruler.before('fence', 'kd_lazy_html_end', lazyHtmlEnd, { alt: ['paragraph'] });

  const rule = (name: string) => (md.block.ruler as any).__rules__.find((r: any) => r.name === name).fn;
  const paragraph = rule('paragraph');
  // A list item's lazy lines keep their leading whitespace in kramdown (only lines indented as far
  // as the item's content lose that indentation); markdown-it strips it up to the item's indent.
  // The first line is as markdown-it found it (after the list marker).
  const kramdownParagraph = (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
    const first = state.tokens.length;
    const outer = (state as any).kdParagraphParent;
    (state as any).kdParagraphParent = state.parentType;
    // A line whose text (in the container's, indent.ts) starts with a tab, or with spaces and a
    // tab, starts no block in kramdown, so it ends no paragraph either: it is the paragraph's text
    // (`1. a\n   \t- b` is the item's text "a\n\t- b"). markdown-it counts such a line at fewer
    // than four columns in where the tab straddles the container's indentation, and would let a
    // list, quote or fence interrupt the paragraph there: while the paragraph looks for its end,
    // those lines count as indented (as code would be).
    // (Those lines are looked for in a window of lines after the first, grown fourfold and the
    // paragraph parsed again while it runs to the window's end: looking up to the next blank line
    // each time would make a text of many one-line paragraphs without blank lines quadratic.)
    let ok = false;
    try {
      for (let window = 64; ; window *= 4) {
        const bumped: Array<[number, number]> = [];
        let l = startLine + 1;
        for (; l < endLine && l <= startLine + window && !isBlank(state, l); l++) {
          if (!leadingTab(state, l) || state.sCount[l] - state.blkIndent > 3 || state.sCount[l] < state.blkIndent) continue;
          if (!/^ {0,3}\t/.test(kdLineText(state, l))) continue;
          bumped.push([l, state.sCount[l]]);
          state.sCount[l] = state.blkIndent + 4;
        }
        const whole = l >= endLine || isBlank(state, l);
        // (closingLine's memo, fence.ts: this paragraph's lines each ask whether a fence starts there.)
        const outerMemo = (state as any).kdFenceMemo;
        (state as any).kdFenceMemo = NEW_FENCE_MEMO;
        try {
          ok = paragraph(state, startLine, endLine, silent);
        } finally {
          (state as any).kdFenceMemo = outerMemo;
          for (const [b, c] of bumped) state.sCount[b] = c;
        }
        // Done where every line the paragraph looked at had been looked at here (it ended before
        // line `l`, the first one not looked at, which it may have taken for an end unbumped).
        if (!ok || whole || state.line < l) break;
        state.tokens.length = first;
      }
    } finally {
      (state as any).kdParagraphParent = outer;
    }
    if (!ok) return false;
    // Lines that kramdown's table parser tried first took a pending block IAL with them (see
    // table.ts): the converter gives this paragraph none.
    if (!silent && (state as any).kdTableFailedAt === startLine) {
      const open = state.tokens[first];
      if (open?.type === 'paragraph_open') open.meta = { ...(open.meta ?? {}), ialLost: true };
    }
    if (silent) return true;
    const lazy: Map<number, number[]> | undefined = (state as any).kdLazy;
    // Lines whose text markdown-it cuts otherwise than kramdown: lazy lines, and in a list item's
    // text a line whose leading tabs straddle the item's indentation (kramdown makes each leading
    // tab four spaces before taking the indentation off: `-\ta\n\t\tb` is "a\n    b").
    let any = false;
    for (let l = startLine + 1; l < state.line && !any; l++) {
      if (lazy?.has(l)) any = true;
      else if (state.blkIndent > 0) any = leadingTab(state, l);
    }
    // kramdown's paragraph also ends at a line starting a tag of an element that is no span element
    // (LAZY_END_HTML_START / _STOP) where no HTML block starts (`<https://x.y>`, `<k]`): the line
    // is parsed as a paragraph again, and parse_paragraph joins it to the one before, whose text it
    // had rstripped, with "\n", or "  \n" where the line before ended in two spaces (a hard break
    // stays): `a \n<https://x.y>` loses the space.
    // So does kramdown-parser-gfm's paragraph at a fence's opening line (its PARAGRAPH_END has
    // FENCED_CODEBLOCK_START) where no fence closes: `a \n```\nb` is "a\n```\nb".
    // And at an ATX header's start (ATX_HEADER_START, `#` and a space or tab) whose header is
    // empty once an id is off (`# `, `# {#a}`: parse_atx_header_gfm_quirk fails): `a \n# ` is "a\n#".
    const fenceCut = gfmParagraphEnd(state);
    const cutAt = (l: number, text: string) => lazyEndHtml(state, l, text) || (fenceCut && (FENCE_START.test(text) || EMPTY_ATX_START().test(text)));
    let htmlCut = false;
    for (let l = startLine + 1; l < state.line && !htmlCut; l++) {
      const c = state.src.charCodeAt(state.bMarks[l] + state.tShift[l]);
      htmlCut = (c === 0x3c /* < */ || (fenceCut && (c === 0x60 /* ` */ || c === 0x7e /* ~ */ || c === 0x23 /* # */))) && cutAt(l, kdLineText(state, l));
    }
    if (!any && !htmlCut) return true;
    const lines: string[] = [];
    for (let l = startLine; l < state.line; l++) {
      // A lazy line keeps the indentation it has beyond the paragraph's container (its sCount was
      // set to where kramdown sees its text); other lines as the container's text has them.
      // (In a footnote definition's text kramdown takes one INDENT, a tab or four spaces, off each
      // line of its container's text, leaving further tabs as they are: `[^c]:.\n\t\te` is
      // ".\n\te".)
      const text = l === startLine ? state.getLines(l, l + 1, state.blkIndent, false)
        : state.parentType === 'footnote' && !lazy?.has(l) && leadingTab(state, l) ? kdLineText(state, l, state.blkIndent - 4).replace(INDENT, '')
        : kdLineText(state, l);
      if (htmlCut && l > startLine && cutAt(l, text)) {
        const prev = lines[lines.length - 1];
        lines[lines.length - 1] = prev.replace(/[ \t\v\f\r\0]+$/, '') + (prev.endsWith('  ') ? '  ' : '');
      }
      lines.push(text);
    }
    const inline = state.tokens.slice(first).find((t) => t.type === 'inline');
    if (inline) inline.content = lines.join('\n').trim();
    return true;
  };
  md.block.ruler.at('paragraph', kramdownParagraph);
  // (The paragraph an escaped math block starts is this one: `\$$a$$\ne \n<x/m` loses the space.)
  (md as any).kdParagraph = kramdownParagraph;
  // Remember each container's first line for afterBlockBoundary (list items and blockquotes parse
  // their content with a nested tokenize call). `kdContinueLine` marks a nested call that resumes
  // mid-line after a block (html-block.ts), which is no container start.
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state: StateBlock, startLine: number, endLine: number) => {
    const s = state as any;
    const saved = s.kdFirstLine;
    const savedContinued = s.kdContinuedLine;
    s.kdFirstLine = s.kdContinueLine ? -1 : startLine;
    s.kdContinuedLine = s.kdContinueLine ? startLine : -1;
    s.kdContinueLine = false;
    // A list item's first line: kramdown's parse_first_list_line takes all the whitespace after
    // the marker into the item's indentation and strips it from the content, so no code block
    // starts there (`*     e` is `<li>e</li>`, and the item's content column is the `e`'s):
    // list-rule.ts has set blkIndent and the line's sCount to that column (and restores
    // blkIndent after the item); what it cannot know is settled here.
    const blank = s[EMPTY_ITEM_BLANK]?.get(startLine + 1);
    if (blank !== undefined) { state.tShift[startLine + 1] = blank; s[EMPTY_ITEM_BLANK].delete(startLine + 1); }
    let logical = false;
    let shifted: [number, number] | null = null;
    // A first line holding nothing or only an IAL (LIST_ITEM_IAL_CHECK) makes the indentation 4,
    // from the list's container (`* \n      x` is a paragraph, `- \n  - b` a second item).
    if (state.parentType === 'list') {
      const open = state.tokens[state.tokens.length - 1];
      if (open?.type === 'list_item_open' && open.map?.[0] === startLine) {
        // (A tab after the marker: kramdown's indentation, from fakeLazyLines.)
        const kd = s.kdItemIndent?.get(`${startLine}:${state.listIndent}`);
        if (kd !== undefined) {
          state.blkIndent = state.listIndent + kd;
          if (!isBlank(state, startLine)) {
            state.sCount[startLine] = state.blkIndent;
            // The line's column is now kramdown's, short of markdown-it's count of the tab: a
            // list nested on the same line (`* 1.\t2. d`) takes its content's column from it,
            // and getLines must take the text from there too.
            logical = true;
          }
        } else if (ITEM_IAL_ONLY.test(lineText(state, startLine))) {
          state.blkIndent = state.listIndent + 4;
          if (!isBlank(state, startLine)) state.sCount[startLine] = state.blkIndent;
        }
        shifted = firstCode(state, startLine) === 0x7b /* { */ ? leadingItemIal(state, startLine) : null;
      }
    }
    // Each nested call's blkIndent is one level of kramdown's indentation (an item's, a
    // definition's, a footnote's; 0 in a blockquote, whose lines markdown-it has moved past the
    // `>`): indent.ts takes a line's indentation off level by level, as kramdown's nested parsers
    // do. (Kept here, not in a function of its own: each nesting level of HTML elements or lists
    // goes through this wrapper, and a frame less per level lets deeper documents convert.)
    const levels: number[] = (s.kdLevels ??= []);
    levels.push(state.blkIndent);
    try {
      if (logical) logicalFirstLine(state, startLine, () => tokenize(state, startLine, endLine));
      else tokenize(state, startLine, endLine);
    } finally {
      levels.pop();
    }
    if (shifted) [state.bMarks[startLine], state.tShift[startLine]] = shifted;
    s.kdFirstLine = saved;
    s.kdContinuedLine = savedContinued;
  };
  // markdown-it's getLines counts a line's columns up to its text again from the line's start (the
  // markers before it one column each, a tab to markdown-it's stop); on an item's first line whose
  // column was set to kramdown's (a tab after the marker), that count runs ahead of the column
  // the nested rules work with (`* 1.\t2. d`: the `d` at kramdown's 9, markdown-it's tab reaching
  // 8 by the `2`). While such an item's text is parsed, the line's text is taken from its first
  // character with the columns beyond `indent` as spaces, as sCount has them.
  const logicalFirstLine = (state: StateBlock, line: number, parse: () => void) => {
    const s = state as any;
    const lines: Map<number, number> = (s.kdLogicalLines ??= new Map());
    if (!s.kdOwnGetLines) {
      s.kdOwnGetLines = true;
      const getLines = state.getLines;
      state.getLines = function (this: StateBlock, begin: number, end: number, indent: number, keepLastLF: boolean): string {
        if (!lines.size) return getLines.call(this, begin, end, indent, keepLastLF);
        let out = '';
        for (let l = begin; l < end; l++) {
          const lf = l + 1 < end || keepLastLF;
          if (!lines.has(l) || this.bMarks[l] + this.tShift[l] >= this.eMarks[l]) { out += getLines.call(this, l, l + 1, indent, lf); continue; }
          const extra = Math.max(0, this.sCount[l] - indent);
          out += ' '.repeat(extra) + this.src.slice(this.bMarks[l] + this.tShift[l], lf ? this.eMarks[l] + 1 : this.eMarks[l]);
        }
        return out;
      };
    }
    lines.set(line, (lines.get(line) ?? 0) + 1);
    try {
      parse();
    } finally {
      const n = lines.get(line)! - 1;
      if (n) lines.set(line, n); else lines.delete(line);
    }
  };
  // kramdown's paragraphs are not interrupted by a horizontal rule (PARAGRAPH_END has no HR_START):
  // `para\n***` stays one paragraph.
  // Inside a list, kramdown ends the list at a rule only after a blank line; otherwise `* * *` is
  // the next item (holding a nested list with the item `*`).
  const hr = rule('hr');
  md.block.ruler.at('hr', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (silent && state.parentType === 'list' && !isBlank(state, startLine - 1)) return false;
    return hr(state, startLine, endLine, silent);
  }, { alt: ['reference', 'blockquote', 'list'] });
  // Setext headers have exactly one line of text in kramdown; a longer paragraph keeps the underline
  // as text. An ATX header needs some text (`#` alone is a paragraph) and no indentation.
  const lheading = rule('lheading');
  md.block.ruler.at('lheading', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (startLine + 1 >= endLine) return false;
    const under = firstCode(state, startLine + 1);
    if ((under !== 0x3d /* = */ && under !== 0x2d /* - */) || !/^(?:=+|-+)[ \t]*$/.test(lineText(state, startLine + 1))) return false;
    // kramdown's SETEXT_HEADER_START has the underline at the start of the line (markdown-it
    // allows three spaces): `defaults:\n  -` is a paragraph.
    if (state.sCount[startLine + 1] !== state.blkIndent) return false;
    // parse_setext_header needs a block boundary before the text (after a rule it is a paragraph).
    if (!afterBlockBoundary(state, startLine)) return false;
    // (A list's end-of-block marker is no header text: listEob.)
    if (listEob(state, startLine)) return false;
    // Nor the IAL alone on an item's first line (itemIalLine).
    if (itemIalLine(state, startLine)) return false;
    // An underline that starts a list item's next part (`* a\n  - `: a nested list's marker with a
    // space after it) is no underline: parse_list parses the item's text before it on its own.
    if (under === 0x2d && (state as any).kdChunkStarts?.has(startLine + 1)) return false;
    return lheading(state, startLine, endLine, silent);
  });
  const heading = rule('heading');
  md.block.ruler.at('heading', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    // kramdown's ATX_HEADER_START is anchored at the start of the line (of the container's text):
    // ` ### x`, indented even by one space, is paragraph text (markdown-it allows three spaces).
    if (state.sCount[startLine] > state.blkIndent) return false;
    if (!gfmParagraphEnd(state)) return kramdownAtxHeader(state, startLine, endLine, silent, isGfm(state));
    if (firstCode(state, startLine) === 0x23 /* # */ && /^#{1,6}[ \t]*$/.test(lineText(state, startLine))) return false;
    const at = state.tokens.length;
    if (!heading(state, startLine, endLine, silent)) return false;
    // kramdown-parser-gfm takes a closing run of `#` off the text after the opening one's
    // whitespace only with whitespace of its own before it: `# #` is <h1>#</h1> (markdown-it took
    // the `#` as the closing run and left nothing).
    const only = silent ? null : /^#{1,6}[ \t]+(#+)[ \t]*$/.exec(lineText(state, startLine));
    if (only && state.tokens[at + 1]?.type === 'inline') state.tokens[at + 1].content = only[1];
    return true;
  }, { alt: ['paragraph', 'reference', 'blockquote'] });

  // kramdown's lists (list-rule.ts). parse_list ends a list at a horizontal rule after a blank
  // line (`last_is_blank && HR_START`), wherever the next item would start.
  const listRule = createKramdownListRule((state, line, endLine) => isBlank(state, line - 1) && hr(state, line, endLine, true));
  md.block.ruler.at('list', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    // Every list marker starts with `*`, `+`, `-` or a digit; for any other line each test below
    // (and the list rule) says no. (`1)` is no marker, nor one with nothing after it: see
    // list-rule.ts; `* ` alone is an empty item.)
    const c = firstCode(state, startLine);
    if (c !== 0x2a && c !== 0x2b && c !== 0x2d && !(c >= 0x30 && c <= 0x39)) return false;
    const text = lineText(state, startLine);
    // kramdown-parser-gfm's PARAGRAPH_END (gfm_quirks: paragraph_end) has LIST_START: any list
    // marker line ends a paragraph (markdown-it lets only `1.` or a non-empty bullet item interrupt
    // one). kramdown's own PARAGRAPH_END has not: there a list ends a paragraph only where a list
    // item's text is cut at its first nested list (parse_list parses the parts one by one), or
    // where the item's text ends (a line left of the item's content is the next item of an outer
    // list, never in this item's text).
    if (silent && state.parentType === 'paragraph') {
      // (Where the line's leading tabs give kramdown other columns, by its text: `   \t\t- ` in
      // a `1. - a` item's item is `      - `, more of the paragraph.)
      return KD_LIST_START.test(text) && state.sCount[startLine] - state.blkIndent < 4 &&
        (!leadingTab(state, startLine) || KD_LIST_START_INDENTED.test(kdLineText(state, startLine))) &&
        (gfmParagraphEnd(state) || state.sCount[startLine] < state.blkIndent || nestedListCut(state, startLine) || !!(state as any).kdChunkStarts?.has(startLine));
    }
    if (silent) return listRule(state, startLine, endLine, true);
    // Only a list start is worth the look-ahead (this rule is tried on every line).
    if (!KD_LIST_START.test(text) || state.sCount[startLine] - state.blkIndent >= 4) return false;
    const { faked, cut, chunks, emptyItemBlanks } = fakeLazyLines(state, startLine, endLine, hr);
    const blanks: Map<number, number> = ((state as any)[EMPTY_ITEM_BLANK] ??= new Map());
    const ownBlanks = emptyItemBlanks.filter((l) => !blanks.has(l));
    for (const l of ownBlanks) {
      blanks.set(l, state.tShift[l]);
      state.tShift[l] = -1;
    }
    const cuts: Set<number> = ((state as any).kdChunkStarts ??= new Set());
    const added = chunks.filter((l) => !cuts.has(l));
    for (const l of added) cuts.add(l);
    try {
      return listRule(state, startLine, cut, false);
    } finally {
      for (const l of ownBlanks) {
        const t = blanks.get(l);
        if (t !== undefined) { state.tShift[l] = t; blanks.delete(l); }
      }
      for (const l of added) cuts.delete(l);
      const lazy: Map<number, number[]> = (state as any).kdLazy;
      for (const [line, sCount] of faked) {
        state.sCount[line] = sCount;
        const bases = lazy.get(line)!;
        bases.pop();
        dropLazyText(state, line);
        if (!bases.length) lazy.delete(line);
      }
    }
  }, { alt: ['paragraph', 'reference', 'blockquote'] });
}
