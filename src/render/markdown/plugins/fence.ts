// Fenced code blocks as kramdown-parser-gfm reads them (its FENCED_CODEBLOCK_MATCH), which differ
// from CommonMark's:
// - the info string is at most one word (`python`, `python?opts`); anything more
//   (`python title="x.py"`) means the line is no fence at all, and the text becomes a paragraph
//   (where the backticks usually start a code span);
// - a fence without its closing line is no fence (CommonMark runs it to the end of the document);
// - the content is kept as written: an indented fence does not strip its indentation from the code;
// - the closing line is the same fence string, optionally longer, then only whitespace;
// - the fence string is any run of three or more `~` and backticks, mixed (its `([~`]){3,}`):
//   a `` `~~~` `` line (an inline code span of three tildes, written at a line's start) opens a
//   fence that only another `` `~~~` `` line (then more of its last character) closes, and a
//   longer closing line repeats the run's last character (`\1\2*`: `~~` + "`" closed by ~~``).
// Only spaces (up to 3) may precede either fence line.
// kramdown's own parser (`input: kramdown`) has only its codeblock_fenced: FENCED_CODEBLOCK_MATCH
// `^((~){3,})…^\1\2*\s*?\n`, tildes only and neither fence line indented, and no fence ends a
// paragraph (its PARAGRAPH_END has no FENCED_CODEBLOCK_START). A ``` line is then paragraph text,
// where the backticks usually start a code span over the lines.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { nestedListCut } from './kramdown-blocks.js';
import { containerLines, listBlankLine } from './list-text.js';
import { kdLineText } from './indent.js';
import { NEW_FENCE_MEMO, type FenceMemo } from './fence-memo.js';
import { gfmParagraphEnd, isGfm } from '../options.js';

// After the fence: at most one word (`python`, `python?opts`), surrounded by spaces or tabs.
const INFO_RE = /^[ \t]*(?:((\S+?)(?:\?\S*)?)[ \t]*)?$/;

function lineOf(state: StateBlock, line: number): string {
  // The line relative to the container (list items and blockquotes strip their own indentation).
  const start = state.bMarks[line] + state.tShift[line];
  const rel = state.sCount[line] - state.blkIndent;
  return ' '.repeat(Math.max(0, rel)) + state.src.slice(start, state.eMarks[line]);
}

/**
 * A closing fence line for `marker`: the same fence string, then more of its last character
 * (Ruby keeps a repeated group's last iteration in `\2`), then whitespace (Ruby's `\s`, ASCII
 * only).
 */
function closingRe(marker: string, gfm: boolean, flags = ''): RegExp {
  return new RegExp(`^${gfm ? ' {0,3}' : ''}${marker.replace(/[`~]/g, '\\$&')}\\${marker[marker.length - 1]}*[ \\t\\f\\v\\r]*$`, flags);
}

/** The fence characters at the start of `text` from `from`: `~` and backticks with GFM, `~` without. */
function fenceRunEnd(text: string, from: number, gfm: boolean): number {
  let end = from;
  while (text[end] === '~' || (gfm && text[end] === '`')) end++;
  return end;
}

/**
 * Where a fenced code block starting at `pos` (a line start in `src`, a container's own text)
 * ends: the position after its closing line, or -1 when no fence starts there. For the HTML
 * block parser, which must not take an element's close tag inside a fence for the element's end:
 * kramdown's block parser matches the whole fence before it looks at the lines inside it.
 * `unclosed`: the fence strings with no closing line from an earlier position of the same text on
 * (none later either), so that a text of many unclosed fences is searched once per fence string.
 */
export function fenceEndInText(src: string, pos: number, gfm: boolean, unclosed = new Set<string>()): number {
  let eol = src.indexOf('\n', pos);
  if (eol < 0) eol = src.length;
  const text = src.slice(pos, eol);
  const m = (gfm ? /^( {0,3})([~`]{3,})/ : /^()(~{3,})/).exec(text);
  if (!m) return -1;
  const indent = m[1].length;
  const run = m[2].length;
  for (let n = run; n >= 3; n--) {
    const marker = m[2].slice(0, n);
    if (unclosed.has(marker) || !INFO_RE.test(text.slice(indent + n))) continue;
    const c = eol < src.length ? closingRe(marker, gfm, 'm').exec(src.slice(eol + 1)) : null;
    if (!c) {
      unclosed.add(marker);
      continue;
    }
    const end = eol + 1 + c.index + c[0].length;
    return end < src.length ? end + 1 : end;
  }
  return -1;
}

/**
 * The closing line for `marker`, or -1. Lines less indented than the container end the search
 * (they are not part of the container's text in kramdown).
 */
function closingLine(state: StateBlock, startLine: number, endLine: number, marker: string): number {
  // Each fence opening searches for its closing line, and a paragraph asks at each of its lines
  // whether a fence starts there: thousands of unclosed ```` ```a ```` lines would search to the
  // end once per line. So the searches keep a memo (`kdFenceMemo`) while the lines they look at
  // stay as they are: a search from a later line that an earlier one passed over stops where the
  // earlier one stopped (it looks at the same lines, in the same container), with the same answer.
  // The memo lives for one paragraph (kramdown-blocks.ts) or one tokenize call, and is dropped
  // while and after a rule that moves the lines' marks (fenceMemoAcrossRules).
  const s = state as any;
  let memo: FenceMemo | typeof NEW_FENCE_MEMO | undefined = s.kdFenceMemo;
  if (!memo) return scanForClosingLine(state, startLine, endLine, marker)[0];
  if (memo === NEW_FENCE_MEMO) s.kdFenceMemo = memo = new Map() as FenceMemo;
  const key = `${marker} ${state.blkIndent} ${endLine} ${state.lineMax} ${state.parentType} ${s.kdParagraphParent}`;
  const known = memo.get(key);
  if (known && known.from <= startLine && startLine < known.to) return known.result;
  const [result, stop] = scanForClosingLine(state, startLine, endLine, marker);
  memo.set(key, { from: startLine, to: stop, result });
  return result;
}


/**
 * The block rules that move no line's marks, columns or container: closingLine's memo holds
 * across them. Any other rule (lists, quotes, definitions, footnotes, HTML blocks, which shift
 * lines for their content) runs without it, and drops it when it took lines.
 */
const LEAVES_LINES = new Set(['fence', 'paragraph', 'kd_table', 'table', 'code', 'kd_raw_text', 'kd_math_block', 'kd_extension', 'kd_ial', 'kd_eob', 'kd_lazy_html_end', 'hr', 'lheading', 'heading', 'reference', 'abbr_def']);

/**
 * Wraps the block rules that shift lines (all but LEAVES_LINES) so that they neither use nor keep
 * closingLine's memo. Installed after every other block rule.
 */
export function fenceMemoAcrossRules(md: MarkdownIt): void {
  const ruler = md.block.ruler as any;
  for (const rule of ruler.__rules__ as Array<{ name: string; fn: (state: StateBlock, start: number, end: number, silent: boolean) => boolean }>) {
    if (LEAVES_LINES.has(rule.name)) continue;
    const fn = rule.fn;
    rule.fn = (state, start, end, silent) => {
      const s = state as any;
      const memo = s.kdFenceMemo;
      s.kdFenceMemo = undefined;
      let took = false;
      try {
        took = fn(state, start, end, silent);
      } finally {
        s.kdFenceMemo = took ? memo && NEW_FENCE_MEMO : memo;
      }
      return took;
    };
  }
  ruler.__cache__ = null;
}

/**
 * Gives each call of markdown-it's own tokenize loop a memo for closingLine. Installed before the
 * plugins that wrap tokenize (they shift lines between and around their calls of it).
 */
export function fenceMemoPerTokenize(md: MarkdownIt): void {
  const tokenize = md.block.tokenize;
  md.block.tokenize = function (this: typeof md.block, state: StateBlock, startLine: number, endLine: number) {
    const s = state as any;
    const outer = s.kdFenceMemo;
    s.kdFenceMemo = NEW_FENCE_MEMO;
    try {
      tokenize.call(this, state, startLine, endLine);
    } finally {
      s.kdFenceMemo = outer;
    }
  } as typeof md.block.tokenize;
}

/** closingLine's search: its answer and the line where it stopped (endLine when none did). */
function scanForClosingLine(state: StateBlock, startLine: number, endLine: number, marker: string): [number, number] {
  const close = closingRe(marker, isGfm(state));
  const code = marker.charCodeAt(0);
  for (let line = startLine + 1; line < endLine; line++) {
    if (nestedListCut(state, line)) return [-1, line];
    if (state.sCount[line] < state.blkIndent && state.bMarks[line] + state.tShift[line] < state.eMarks[line]) return [-1, line];
    // The line's text (after its indentation) must start with the fence character for `close`
    // to match: tested first, so the code lines are not copied and matched one by one.
    if (state.sCount[line] - state.blkIndent < 4 && state.src.charCodeAt(state.bMarks[line] + state.tShift[line]) === code &&
      close.test(lineOf(state, line))) return [line, line];
  }
  return [-1, endLine];
}

/**
 * The code lines. A line the enclosing list took lazily (less indented than the item's content)
 * is kept as written, indentation included, as kramdown keeps it in the item's text.
 */
function fenceContent(state: StateBlock, from: number, to: number): string {
  const lazy: Map<number, number[]> | undefined = (state as any).kdLazy;
  let any = false;
  if (lazy?.size) for (let l = from; l < to && !any; l++) any = lazy.has(l);
  if (!any && state.blkIndent === 0) return containerLines(state, from, to, state.blkIndent, true);
  // In a list item's text a line's leading tabs are four spaces each before the item's indentation
  // comes off (`* a\n\n\t```\n\t\tx` has the code line `      x`: kdLineText), where
  // markdown-it splits the one tab that straddles the indentation.
  let out = '';
  for (let l = from; l < to; l++) out += (listBlankLine(state, l) ?? kdLineText(state, l)) + '\n';
  return out;
}

function fence(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const c = state.src[state.bMarks[startLine] + state.tShift[startLine]];
  if (c !== '`' && c !== '~') return false;
  const gfm = isGfm(state);
  if (!gfm && c !== '~') return false;
  // Only kramdown-parser-gfm's paragraph_end quirk lets a fence end a paragraph.
  if (silent && state.parentType === 'paragraph' && !gfmParagraphEnd(state)) return false;
  const text = lineOf(state, startLine);
  const indent = text.length - text.trimStart().length;
  if (indent > (gfm ? 3 : 0) || /\t/.test(text.slice(0, indent))) return false;
  const run = fenceRunEnd(text, indent, gfm);
  // kramdown's regex backtracks over the fence length: when no closing line matches the whole run,
  // a shorter fence is tried and the extra characters start the info string (````` ```` ````` closed
  // by ```` ``` ```` is a fence with the language "`").
  for (let n = run - indent; n >= 3; n--) {
    const info = INFO_RE.exec(text.slice(indent + n));
    if (!info) continue;
    const marker = text.slice(indent, indent + n);
    const line = closingLine(state, startLine, endLine, marker);
    if (line < 0) continue;
    if (silent) return true;
    const token = state.push('fence', 'code', 0);
    token.info = info[1] ?? '';
    token.markup = marker;
    token.content = fenceContent(state, startLine + 1, line);
    token.map = [startLine, line + 1];
    state.line = line + 1;
    return true;
  }
  return false;
}

export function fencePlugin(md: MarkdownIt): void {
  md.block.ruler.at('fence', fence, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
