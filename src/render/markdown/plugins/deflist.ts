// Definition lists as kramdown reads them, on top of markdown-it-deflist:
// - only `:` is a definition marker (markdown-it-deflist also takes `~`: `Term\n~ text` is a
//   paragraph in kramdown, and a later `~` line is a definition's lazy text or a paragraph);
// - the terms are every line of the paragraph before the first `:` line (kramdown's
//   parse_definition_list splits it at newlines), with at most one empty line between them and the
//   definition; markdown-it-deflist takes a single line. A `:` line therefore ends a paragraph
//   (kramdown's PARAGRAPH_END has DEFINITION_LIST_START), and the paragraph's earlier lines become
//   extra <dt>s in front of the list markdown-it-deflist builds from its last line;
// - a list that follows another, with only blank lines between, joins it;
// - a definition's content is indented as kramdown's parse_first_list_line counts it: the marker
//   and all the whitespace after it (`:   text` → 4), or 4 when the first line holds only an IAL
//   or nothing (LIST_ITEM_IAL_CHECK); markdown-it-deflist always takes 2, which left
//   `    continued` with two spaces and shifted code blocks;
// - a definition takes the lines parse_definition_list takes (definitionLines below): lazy lines
//   of any block kind, not only a paragraph's continuation;
// - `:` needs a space or tab after it, and one empty line at most (no whitespace on it) may come
//   between the terms and the first definition;
// - a term line that kramdown reads as an ATX header (its header parser comes first) is none: the
//   header is written, and a further term after blank lines that is a header ends the list.
import type { MarkdownIt, StateBlock, Token } from 'markdown-it';
import { IAL_BODY, ITEM_IAL_ONLY } from '../ial.js';
import { ialBlockAt, lazyEndHtml } from './code-block.js';
import { leadingItemIal } from './kramdown-blocks.js';
import { tableTried } from './table.js';
import { KD_LIST_START } from './list-rule.js';
import { COMMENT_RE, SPAN_ELEMENTS, TAG_RE } from '../html.js';
import { RAW_TEXT_START, dropLazyText, firstLineIndentation, itemContentLine, kdLineText, keepItemText, keepLazyText, leadingColumns, leadingTab, stripIndent } from './indent.js';

// kramdown's DEFINITION_LIST_START: `:` and PATTERN_TAIL, whose first character is a space, a tab
// or a `|` (the class `[\t| ]`, see list-rule.ts): `a\n:|b` is a definition holding a table.
const MARKER = /^:[\t| ]/;
/** A line kramdown starts a list item (its LIST_START) or a blockquote at. */
const startsListOrQuote = (text: string) => KD_LIST_START.test(text) || text.startsWith('>');

/**
 * markdown-it-deflist takes a `:` as a marker only with whitespace after it (its skipMarker asks
 * state.skipSpaces to move past the marker). Where the text has a `:|` at all, `skipSpaces` from
 * just after a line's leading `:` at a `|` is made to move one past it for the call, so the `:|`
 * line is a definition too, with its text starting at the `|` (see the tokenize wrapper).
 */
function withPipeMarkers<T>(state: StateBlock, run: () => T): T {
  const s = state as DefState;
  s.kdPipeMarkers ??= state.src.includes(':|');
  if (!s.kdPipeMarkers || Object.prototype.hasOwnProperty.call(state, 'skipSpaces')) return run();
  const src = state.src;
  const skipSpaces = state.skipSpaces;
  state.skipSpaces = function (this: StateBlock, pos: number): number {
    if (src.charCodeAt(pos) === 0x7c /* | */ && src.charCodeAt(pos - 1) === 0x3a /* : */ && pipeMarkerAt(state, pos - 1)) return pos + 1;
    return skipSpaces.call(this, pos);
  };
  try {
    return run();
  } finally {
    delete (state as Partial<StateBlock>).skipSpaces;
  }
}

/**
 * Whether the `:` at `colon` is where its line's text starts (in its container: after a
 * blockquote's `>` too). The lines' starts are in order: a binary search finds its line.
 */
function pipeMarkerAt(state: StateBlock, colon: number): boolean {
  let lo = 0;
  let hi = state.lineMax - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (state.bMarks[mid] <= colon) lo = mid; else hi = mid - 1;
  }
  return state.bMarks[lo] + state.tShift[lo] === colon;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/** kramdown's IAL_BLOCK at the start of a line (ALDs included): no lazy line of a definition. */
/** Whether the line's text (after `spaces` of indentation) starts an element kramdown's block HTML parser takes. */
function blockHtmlStart(text: string, spaces: number): boolean {
  if (text.charCodeAt(0) !== 0x3c /* < */) return false;
  if (text.startsWith('<!--')) return spaces === 0 && COMMENT_RE.test(text);
  const m = TAG_RE.exec(text);
  return !!m && !SPAN_ELEMENTS.has(m[1].toLowerCase());
}

// The whitespace before a term's IAL (kramdown's LIST_ITEM_IAL: no ALD, no extension).
const TERM_IAL_SPACE = new RegExp(String.raw`^\s+(?=\{:(?!(?:\w[\w-]*)?:|\/)${IAL_BODY}\})`);
const IAL_LINE = new RegExp(String.raw`^\{:(?!:|\/)${IAL_BODY}\}\s*$`);

interface DefState extends StateBlock {
  kdInDefinition?: number;
  /** The blkIndent of each definition list being parsed (its container's column 0), innermost last. */
  kdDlBase?: number[];
  kdLazy?: Map<number, number[]>;
  /** Lines whose sCount ends the definition list being parsed, with their own sCount. */
  kdDlStops?: Array<[number, number]>;
  /** Whether the text has a `:|` (withPipeMarkers). */
  kdPipeMarkers?: boolean;
}

/**
 * The lines of a definition as kramdown's parse_definition_list takes them, after its first line
 * (the `:` line, at `startLine`): each following line is the definition's while it is
 * - indented content (content_re: at least `indentation` columns), blank lines or not before it;
 * - or, right after a non-blank line, any non-blank line (lazy_re) unless it starts (within
 *   min(indentation, 3) spaces) a block IAL or ALD, or an HTML tag that ends lazy text (LAZY_END_HTML_*);
 * - or blank;
 * and the definition ends at a `:` line (the next definition, indented less than `indentation`,
 * at most 3 spaces), at an end-of-block marker `^`, or at the first line that is none of these.
 * A lazy line keeps its own indentation in the definition's text (indent_re strips only a full
 * `indentation`), so `Term\n: def\n- a` puts the list in the <dd> after "def", and `m\n: \na`
 * gives `<dd>a</dd>`. markdown-it's block loop takes no line below the definition's indentation
 * but a paragraph's lazy continuation, so such lines get the definition's content column plus
 * their own indentation (sCount) while the definition is parsed, like a list item's lazy lines
 * (kramdown-blocks.ts, fakeLazyLines), and are registered in kdLazy so a paragraph keeps that
 * indentation as text. Returns where the definition ends and the faked lines' sCounts to restore.
 */
function definitionLines(state: DefState, startLine: number, endLine: number, base: number, indentation: number): { cut: number; faked: Array<[number, number]> } {
  const faked: Array<[number, number]> = [];
  const lazy = (state.kdLazy ??= new Map());
  let lastBlank = false;
  // Where an enclosing list item's text is cut at its first nested list (kramdown-blocks.ts): the
  // item's text is parsed in parts, and the definition list ends with its part.
  const chunkStarts = (state as { kdChunkStarts?: Set<number> }).kdChunkStarts;
  let line = startLine + 1;
  for (; line < endLine; line++) {
    if (chunkStarts?.has(line)) break;
    const blank = state.bMarks[line] + state.tShift[line] >= state.eMarks[line];
    if (blank) { lastBlank = true; continue; }
    const rel = state.sCount[line] - base;
    if (rel < 0) break;
    const text = lineText(state, line);
    // The next definition (fetch_pattern(:dl, indentation)) or an end-of-block marker.
    if (rel <= Math.min(indentation - 1, 3) && MARKER.test(text)) break;
    if (rel === 0 && /^\^\s*$/.test(text)) break;
    // (content_re on the line as the list's container has it: ` \tb` is no text of a `: `
    // definition, though markdown-it counts it four columns in; see indent.ts.)
    const own = kdLineText(state, line, base);
    if (itemContentLine(own, indentation)) {
      if (rel < indentation) {
        // Where markdown-it's columns fall short of kramdown's (tab stops: kramdown-blocks.ts's
        // lists do the same): the definition's column plus what kramdown's text of it has left.
        faked.push([line, state.sCount[line]]);
        state.sCount[line] = base + indentation + keepItemText(state, line, stripIndent(own, indentation), base + indentation);
        const bases = lazy.get(line);
        if (bases) bases.push(base + indentation); else lazy.set(line, [base + indentation]);
      } else if (leadingTab(state, line)) {
        // Inside the definition too, as in a list item (kramdown-blocks.ts): a text with spaces
        // alone left in front whose columns differ (`  \te` in a `: ` definition is `  e`) gets
        // kramdown's column.
        const kept = stripIndent(own, indentation);
        if (!/^ *\t/.test(kept) && leadingColumns(kept) !== rel - indentation) {
          faked.push([line, state.sCount[line]]);
          state.sCount[line] = base + indentation + keepItemText(state, line, kept, base + indentation);
          const bases = lazy.get(line);
          if (bases) bases.push(base + indentation); else lazy.set(line, [base + indentation]);
        }
      }
      lastBlank = false;
      continue;
    }
    if (lastBlank) break;
    // (IAL_BLOCK, which may close on a later line.)
    if (rel <= Math.min(indentation, 3) && (IAL_LINE.test(text) || (text.startsWith('{:') && ialBlockAt(state, line, base)) || lazyEndHtml(state, line, text, base))) break;
    keepLazyText(state, line, base, base + indentation);
    faked.push([line, state.sCount[line]]);
    state.sCount[line] = base + indentation + rel;
    const bases = lazy.get(line);
    if (bases) bases.push(base + indentation); else lazy.set(line, [base + indentation]);
  }
  return { cut: line, faked };
}

/**
 * markdown-it-deflist skips the empty lines after a definition up to the end of the document, not
 * of the container: a definition list in a blockquote (`>r\n: \n>\n: \n\n`) got the blank line
 * after the quote in its last definition's and its own line map, and the converter then saw no
 * blank line after the list inside the quote. The maps (of the tokens from `from` on) end at the
 * container's end.
 */
function clampMaps(state: StateBlock, from: number, endLine: number): void {
  for (let i = from; i < state.tokens.length; i++) {
    const map = state.tokens[i].map;
    if (map && map[1] > endLine) map[1] = Math.max(map[0], endLine);
  }
  if (state.line > endLine) state.line = endLine;
}

/**
 * `m\n: d\n\n{:y}\nm\n: e`: block IAL lines after a blank line wait for the next block, the term's
 * paragraph, and add no element, so kramdown's parse_definition_list still finds the list and the
 * blank before the new one and merges the new one into it; the IAL, the new list's, is lost with
 * it. The new list (dl_open at `dlIndex`, its terms from `termLine`) is joined to the one before
 * the IAL tokens and those are dropped; false where that is not the case.
 */
/**
 * Whether kramdown's parse_definition_list leaves a blank element after the list (tokens `open` to
 * `close`) where no blank line ends it: it takes the blank that ends the last definition with any
 * text (its value) out after the list, and a definition that is its marker alone (`: `) has no
 * text and leaves that one standing (`r\n: a\n\n: \n`: the blank after `a` follows the list).
 */
function blankMovedOut(state: StateBlock, open: number, close: number): boolean {
  const toks = state.tokens;
  for (let j = close - 1, depth = 0; j > open; j--) {
    depth -= toks[j].nesting;
    if (depth !== 0 || toks[j].type !== 'dd_open') continue;
    const map = toks[j].map;
    if (!map) return false;
    const empty = map[1] - map[0] === 1 && toks[j + 1]?.type === 'dd_close';
    if (!empty) return map[1] - 1 > map[0] && state.isEmpty(map[1] - 1);
  }
  return false;
}

function joinAcrossIal(state: StateBlock, dlIndex: number, termLine: number): boolean {
  const toks = state.tokens;
  let k = dlIndex;
  let line = termLine;
  while (k > 0 && toks[k - 1].type === 'kd_ial' && toks[k - 1].map?.[1] === line) line = toks[--k].map![0];
  if (k === dlIndex || toks[k - 1]?.type !== 'dl_close' || line < 1) return false;
  let depth = 0;
  let prevOpen = -1;
  for (let j = k - 1; j >= 0; j--) {
    depth += toks[j].nesting;
    if (depth === 0) { prevOpen = j; break; }
  }
  if (prevOpen < 0 || toks[prevOpen].type !== 'dl_open') return false;
  if (!state.isEmpty(line - 1) && !blankMovedOut(state, prevOpen, k - 1)) return false;
  const end = toks[dlIndex].map?.[1];
  toks.splice(k - 1, dlIndex - k + 2);
  if (end !== undefined && toks[prevOpen].map) toks[prevOpen].map = [toks[prevOpen].map![0], end];
  return true;
}

/**
 * A definition whose marker is followed by a tab: kramdown's indentation (parse_first_list_line
 * counts the tab to its stops from the start of the container's text, markdown-it from the line's
 * start: `* m\n:\tn` is 4 in for kramdown, 2 for markdown-it). Null for no tab, or where the
 * marker is not found on its own line.
 */
function tabMarkerIndentation(state: StateBlock, line: number, base: number): number | null {
  const src = state.src;
  const content = state.bMarks[line] + state.tShift[line];
  let q = content - 1;
  while (q >= state.bMarks[line] && (src.charCodeAt(q) === 0x20 || src.charCodeAt(q) === 0x09)) q--;
  if (q < state.bMarks[line] || src.charCodeAt(q) !== 0x3a /* : */) return null;
  const ws = src.slice(q + 1, content);
  const before = src.slice(state.bMarks[line], q);
  if (!ws.includes('\t') || /[^ \t]/.test(before)) return null;
  return firstLineIndentation(stripIndent(before, base, state).length + 1, ws);
}

export function deflistPlugin(md: MarkdownIt): void {
  // markdown-it-deflist pushes a definition's dd_open, sets the content indentation to the marker's
  // column + 2 and tokenizes the content at once: that call is where kramdown's indentation and
  // lazy lines go in.
  const tokenize = md.block.tokenize;
  md.block.tokenize = function (this: typeof md.block, state: StateBlock, startLine: number, endLine: number) {
    const s = state as DefState;
    if (state.parentType === 'deflist' && state.tokens[state.tokens.length - 1]?.type === 'dd_open' && startLine < endLine && s.kdDlBase?.length) {
      const base = s.kdDlBase[s.kdDlBase.length - 1];
      // markdown-it-deflist starts a later term's definition's map at the term's line: the
      // converter would see the term and a blank line before the `:` as the definition's.
      const ddOpen = state.tokens[state.tokens.length - 1];
      if (ddOpen.map) ddOpen.map[0] = startLine;
      // parse_first_list_line: the content is indented by the marker and all the whitespace after
      // it (markdown-it-deflist set the first line's sCount to that column), or by 4 when the first
      // line holds only an IAL or nothing (LIST_ITEM_IAL_CHECK).
      const ialOnly = ITEM_IAL_ONLY.test(lineText(state, startLine));
      const tabbed = ialOnly ? null : tabMarkerIndentation(state, startLine, base);
      // (`:|b`: the text starts at the `|`, one column after the marker's.)
      const pipe = !ialOnly && tabbed === null && state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]) === 0x7c /* | */ &&
        state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine] - 1) === 0x3a /* : */;
      const indentation = ialOnly ? 4 : tabbed ?? (pipe ? state.sCount[startLine] : Math.max(state.sCount[startLine], state.blkIndent)) - base;
      const savedFirst = state.sCount[startLine];
      state.blkIndent = base + indentation;
      if (ialOnly || (tabbed !== null && !state.isEmpty(startLine))) state.sCount[startLine] = state.blkIndent;
      const { cut, faked } = definitionLines(s, startLine, endLine, base, indentation);
      // kramdown reads a definition's text as a list item's: whitespace-only lines as written
      // (list-text.ts).
      s.kdInDefinition = (s.kdInDefinition ?? 0) + 1;
      // (`: {:.c} > q`: the IAL is the definition's, the rest its text, as in a list item.)
      const shifted = state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]) === 0x7b /* { */ ? leadingItemIal(state, startLine) : null;
      try {
        tokenize.call(this, state, startLine, cut);
        // markdown-it-deflist goes on with a next definition (or a next term and its definition)
        // at a `~` line or a `:` with nothing after it, which kramdown reads as text: such a line
        // gets an sCount that ends the list there (restored when the list is done).
        const badMarker = (l: number) => {
          const c = state.src.charCodeAt(state.bMarks[l] + state.tShift[l]);
          return l < endLine && (c === 0x7e /* ~ */ || c === 0x3a /* : */) && !MARKER.test(lineText(state, l));
        };
        const stop = (l: number) => {
          (s.kdDlStops ??= []).push([l, state.sCount[l]]);
          state.sCount[l] = -1;
        };
        const next = state.line;
        // A further term (after blank lines) that kramdown reads as an ATX header is one, and the
        // list ends before it (markdown-it-deflist would take it as a term).
        const header = () => {
          const indent = state.blkIndent;
          state.blkIndent = base;
          try { return next < endLine && isHeader(state, next, endLine); } finally { state.blkIndent = indent; }
        };
        if (badMarker(next)) stop(next);
        else if (header()) stop(next);
        // A further term is a paragraph's line in kramdown: a list item or quote line there starts
        // that block instead, and the list ends (`m\n: \n\n* \n: ` is a list after it, its item
        // holding ':').
        else if (next < endLine && state.sCount[next] - base <= 3 && startsListOrQuote(lineText(state, next))) stop(next);
        // So does a block IAL or ALD line (kramdown's block extensions come before its paragraphs):
        // `term\n: def\n\n{: .d}\n: def2` ends the list, and `: def2` is a paragraph.
        // And a line kramdown reads as raw text (` \tx`: a space, then a tab; see kd_raw_text),
        // which no paragraph and so no term starts at.
        else if (next < endLine && !state.isEmpty(next) && state.sCount[next] >= base && RAW_TEXT_START.test(kdLineText(state, next, base))) stop(next);
        else if (next < endLine && state.sCount[next] - base <= 3 && (IAL_LINE.test(lineText(state, next)) || (lineText(state, next).startsWith('{:') && ialBlockAt(state, next)))) stop(next);
        // So does a line kramdown's block HTML parser takes (an element that is no span element,
        // or a comment at the line's start): `a\n: b\n<details>T\n: x` ends the list there.
        else if (next < endLine && state.sCount[next] - base <= 3 && blockHtmlStart(lineText(state, next), state.sCount[next] - base)) stop(next);
        else if (next < endLine && !state.isEmpty(next) && !MARKER.test(lineText(state, next))) {
          // A next term: its definition on the next line, or after one empty line (kramdown: a
          // truly empty one, `m\n \n: d` is two paragraphs).
          const gap = next + 1 < endLine && state.isEmpty(next + 1);
          const dd = gap ? next + 2 : next + 1;
          const c = state.src.charCodeAt(state.bMarks[dd] + state.tShift[dd]);
          if (badMarker(dd) || (dd < endLine && gap && state.bMarks[next + 1] !== state.eMarks[next + 1] && (c === 0x3a || c === 0x7e))) stop(dd);
        }
      } finally {
        s.kdInDefinition!--;
        if (shifted) [state.bMarks[startLine], state.tShift[startLine]] = shifted;
        state.sCount[startLine] = savedFirst;
        for (const [line, sCount] of faked) {
          state.sCount[line] = sCount;
          const bases = s.kdLazy!.get(line)!;
          bases.pop();
          dropLazyText(state, line);
          if (!bases.length) s.kdLazy!.delete(line);
        }
      }
      return;
    }
    return tokenize.call(this, state, startLine, endLine);
  } as typeof md.block.tokenize;
  const rules = (md.block.ruler as any).__rules__ as Array<{ name: string; fn: any; alt: string[] }>;
  const entry = rules.find((r) => r.name === 'deflist');
  if (!entry) return;
  const markdownItDeflist = entry.fn;
  // The ATX header rule: kramdown reads a term line as a header first (see below).
  type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
  let headingRule: BlockRule | undefined;
  const isHeader = (state: StateBlock, line: number, endLine: number): boolean => {
    if (state.src.charCodeAt(state.bMarks[line] + state.tShift[line]) !== 0x23 /* # */) return false;
    headingRule ??= rules.find((r) => r.name === 'heading')!.fn as BlockRule;
    return headingRule(state, line, endLine, true);
  };
  // Each list remembers its container's indentation: kramdown counts a definition's indentation
  // from there.
  const deflist = (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
    if (silent) return withPipeMarkers(state, () => markdownItDeflist(state, startLine, endLine, true));
    const s = state as DefState;
    const bases = (s.kdDlBase ??= []);
    bases.push(state.blkIndent);
    const stops = (s.kdDlStops ??= []);
    const stopsBefore = stops.length;
    try {
      return withPipeMarkers(state, () => markdownItDeflist(state, startLine, endLine, false));
    } finally {
      bases.pop();
      while (stops.length > stopsBefore) {
        const [l, sCount] = stops.pop()!;
        state.sCount[l] = sCount;
      }
    }
  };
  md.block.ruler.at('deflist', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    // (Silent: whether a definition line interrupts a paragraph inside a definition.)
    if (silent) return MARKER.test(lineText(state, startLine)) && deflist(state, startLine, endLine, true);
    // kramdown's DEFINITION_LIST_START needs a space or tab after the `:` (`Term\n:` is a
    // paragraph), and parse_definition_list takes the paragraph before it only right above it or
    // with one empty line between: a blank line holding whitespace (`a\n \n: b`) is no "\n", and
    // the `:` line is a paragraph of its own.
    let next = startLine + 1;
    if (next < endLine && state.bMarks[next] + state.tShift[next] >= state.eMarks[next]) {
      if (state.bMarks[next] !== state.eMarks[next]) return false;
      next++;
    }
    if (next >= endLine || !MARKER.test(lineText(state, next))) return false;
    // kramdown reads the term line first, and its ATX header parser comes before the paragraph a
    // definition list needs: `#dowork\n: text` (kramdown input) is a header and a paragraph.
    if (isHeader(state, startLine, endLine)) return false;
    // kramdown's table parser, before its definition list parser, took a pending block IAL at
    // the term line if it got that far (see table.ts): the list does not get it. (Asked before
    // the list's tokens are pushed: the block boundary is the one before the term, also where it
    // is seen in the tokens before it, `{:.c}\n \te\n|\n: ` after raw text.)
    const tableTookIal = tableTried(state, startLine);
    const at = state.tokens.length;
    if (!deflist(state, startLine, endLine, false)) return false;
    clampMaps(state, at, endLine);
    joinAcrossIal(state, at, startLine);
    if (tableTookIal && state.tokens[at]?.type === 'dl_open') state.tokens[at].meta = { ...(state.tokens[at].meta ?? {}), ialLost: true };
    return true;
  }, { alt: entry.alt });

  // At a `:` line: turn the paragraph just before it into the list's terms.
  // (Before the table rule, as kramdown's definition list parser comes before its table parser:
  // `a\nb\n\n: |` is a list whose definition holds a table.)
  md.block.ruler.before('table', 'kd_deflist_terms', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (state.sCount[startLine] - state.blkIndent > 3) return false;
    if (state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]) !== 0x3a /* : */ || !MARKER.test(lineText(state, startLine))) return false;
    // As a terminator: a `:` line ends the paragraph it follows.
    if (silent) return state.parentType === 'paragraph';
    const toks = state.tokens;
    // Block IAL lines between the empty line and the `:` line (`term\n\n{: .c}\n: def`): after a
    // blank line kramdown keeps such an IAL for the next block (its @block_ial) and adds no
    // element, so the paragraph and the "\n" blank are still right before the definition list;
    // parse_definition_list then gives the list the paragraph's IAL (none) in place of the block
    // IAL, which is lost. (An ALD adds an end-of-block element and no list follows.)
    let end = toks.length;
    let ialStart = startLine;
    while (end > 0 && toks[end - 1].type === 'kd_ial' && toks[end - 1].map?.[1] === ialStart) ialStart = toks[--end].map![0];
    const close = toks[end - 1];
    if (!close || close.type !== 'paragraph_close' || end < 3) return false;
    const open = toks[end - 3];
    const inline = toks[end - 2];
    const pEnd = open.map?.[1] ?? -1;
    const oneEmptyLine = pEnd === ialStart - 1 && state.bMarks[pEnd] === state.eMarks[pEnd];
    if ((pEnd !== startLine || ialStart !== startLine) && !oneEmptyLine) return false;
    const termLines = inline.content.split('\n');
    const lastTerm = pEnd - 1;
    const removed = toks.splice(end - 3);
    const dlIndex = toks.length;
    // (With IAL lines between, markdown-it-deflist is given the last of them as the term line, so
    // that the definition is right after it; the term's text and lines are set below.)
    const termLine = ialStart === startLine ? lastTerm : startLine - 1;
    if (!deflist(state, termLine, endLine, false)) { toks.push(...removed); return false; }
    if (termLine !== lastTerm) {
      for (const t of toks.slice(dlIndex + 1, dlIndex + 3)) t.map = [lastTerm, lastTerm];
    }
    clampMaps(state, dlIndex, endLine);
    // Extra terms go right after the dl_open that markdown-it-deflist pushed first.
    const dl = toks[dlIndex];
    // kramdown splits the paragraph's text, which keeps each line's whitespace but the first
    // line's leading and the last line's trailing (`a \n m\n: d` has the terms "a " and " m");
    // markdown-it-deflist trimmed the last line.
    const lastInline = toks[dlIndex + 2];
    // (A term's IAL, LIST_ITEM_IAL, goes with the whitespace before it: the converter takes it
    // for the <dt>. Text that only starts like one keeps it: `a\n {::\n: d` has the term " {::".)
    const term = (text: string) => text.replace(TERM_IAL_SPACE, '');
    if (lastInline?.type === 'inline') lastInline.content = term(termLines[termLines.length - 1].trimEnd());
    const extra: Token[] = [];
    termLines.slice(0, -1).forEach((text, k) => {
      const line = open.map![0] + k;
      const o = new state.Token('dt_open', 'dt', 1);
      o.map = [line, line + 1];
      const t = new state.Token('inline', '', 0);
      t.content = term(text);
      t.map = [line, line + 1];
      t.children = [];
      extra.push(o, t, new state.Token('dt_close', 'dt', -1));
    });
    toks.splice(dlIndex + 1, 0, ...extra);
    dl.map = [open.map![0], dl.map![1]];
    // A pending block IAL that kramdown's table parser took with it (see table.ts) is not the
    // list's either.
    if ((open.meta as any)?.ialLost) dl.meta = { ...(dl.meta ?? {}), ialLost: true };
    // A list right after another one (blank lines between) is more of it: kramdown merges a new
    // definition list into a preceding one (parse_definition_list). markdown-it-deflist does so
    // itself for one-line terms; terms of several lines come here.
    if (joinAcrossIal(state, dlIndex, open.map![0])) return true;
    const before = dlIndex - 1;
    if (toks[before]?.type === 'dl_close') {
      let depth = 0;
      let prevOpen = -1;
      for (let k = before; k >= 0; k--) {
        depth += toks[k].nesting;
        if (depth === 0) { prevOpen = k; break; }
      }
      if (prevOpen >= 0 && toks[prevOpen].type === 'dl_open') {
        toks[prevOpen].map = [toks[prevOpen].map![0], dl.map![1]];
        toks.splice(before, 2);
      }
    }
    return true;
  }, { alt: ['paragraph'] });
}
