// Tables as kramdown 2.4 reads them (kramdown/parser/kramdown/table.rb), replacing markdown-it's GFM
// table rule. The differences that show on real pages:
// - a table must follow a block boundary (blank line, container start, IAL, `^`) and be followed by
//   one; otherwise its lines are paragraph text (`Text\n| a |` is one paragraph, and a table line
//   does not interrupt a paragraph);
// - the separator line is optional and a table needs a body: header and separator alone are text;
// - rows may have any number of cells; every row is padded with empty cells to the widest row,
//   including the header (empty cells hold a no-break space);
// - a separator line in the body starts a new <tbody>; a `|===|` line starts the <tfoot>;
// - `|` inside a code span (or a `<code>` element) does not split cells; `\|` is a literal pipe;
// - each line must have a pipe outside code spans and span HTML.
// Tokens: table_open, thead/tbody/tfoot_open, tr_open, th/td_open (attr style for the alignment),
// inline, and their closes, as markdown-it's own table rule writes them.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { afterBlockBoundary, beforeBlockBoundary, nestedListCut } from './kramdown-blocks.js';
import { codeSpanAt } from './codespan.js';
import { TAG_CLOSE_RE, TAG_RE, commentAt, normaliseTagName } from '../html.js';
import { spanHtmlEnd } from './span-html.js';

const PIPE_CHECK = /^(?:\||.*?[^\\\n]\|)/;
const SEP_LINE = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/;
const FSEP_LINE = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const HSEP_ALIGN = /[ \t]?(:?)-+(:?)[ \t]?/g;

type Align = 'default' | 'left' | 'right' | 'center';
type Section = { type: 'thead' | 'tbody' | 'tfoot'; rows: string[][] };

/** The line as kramdown sees it inside the current container (container indentation removed). */
function lineOf(state: StateBlock, line: number): string {
  const rel = Math.max(0, state.sCount[line] - state.blkIndent);
  return ' '.repeat(rel) + state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/** Ruby's String#split("\n"): trailing empty strings are dropped. */
function rubyLines(s: string): string[] {
  const parts = s.split('\n');
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Splits a row into cells: pipes split, except inside code spans and `<code>` elements. */
function splitRow(row: string): string[] {
  const cells: string[] = [];
  const append = (s: string) => { if (cells.length) cells[cells.length - 1] += s; else cells.push(s); };
  row.split(/(<code.*?>.*?<\/code>)/).forEach((part, i) => {
    if (i % 2 === 1) { append(part); return; }
    // kramdown parses the part with the code span parser only; text and code alternate.
    let text = '';
    const flushText = () => {
      const [first, ...rest] = text.split(/(?<!\\)\|/).map((t) => t.replace(/\\\|/g, '|'));
      append(first);
      cells.push(...rest);
      text = '';
    };
    let pos = 0;
    while (pos < part.length) {
      const b = part.indexOf('`', pos);
      if (b < 0) { text += part.slice(pos); break; }
      text += part.slice(pos, b);
      const span = codeSpanAt(part, b, part.length);
      if (span.content === null) text += span.delimiter;
      else {
        if (text !== '') flushText();
        // The code span is written back with a delimiter longer than any backtick run inside.
        const runs = span.content.match(/`+/g) ?? [];
        const delim = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
        const pad = delim.length > 1 ? ' ' : '';
        append(`${delim}${pad}${span.content}${pad}${delim}`);
      }
      pos = span.end;
    }
    if (text !== '') flushText();
  });
  return cells;
}

/** The inline state's search memos (emphasis.ts, link.ts). */
const SEARCH_MEMOS = ['kdCloseMemo', 'kdCloseFailed', 'kdLinkEndMemo'];

/**
 * Where the span HTML element whose start tag is at `pos` ends in kramdown's check below: only the
 * check's own level has just the code span and span HTML parsers; an element's content is parsed
 * with all of them (parse_spans with no parser list), so emphasis inside it may run past its close
 * tag and leave it open to the text's end (`<b>*</b>*|`: the `</b>` is emphasis text, the `|` in
 * the element, no pipe on the line). The element is read by the inline rule that writes it, in a
 * state of its own; the footnote references that reading adds are taken back, not the span
 * `{::options /}` it runs: kramdown's check runs them as any parse does (handle_extension sets the
 * parser's options), and they hold for the span parsing after all blocks, as a block options
 * extension's do (`<b>{::options parse_span_html="false" /}|` keeps the tag as text). The emphasis and link searches' memos (emphasis.ts, link.ts: what they found at
 * each place of the text) go from one element's reading to the next in `carry`, as they would in
 * one paragraph: a line of many elements is not searched again from each.
 */
function spanElementEnd(state: StateBlock, text: string, pos: number, carry: Record<string, unknown>): number {
  const md = state.md as any;
  const rule = ((md.inline.ruler.__rules__ as Array<{ name: string; fn: (s: any, silent: boolean) => boolean }>)
    .find((r) => r.name === 'html_inline'))?.fn;
  const skip = () => {
    const end = spanHtmlEnd(text, pos, text.length);
    return end < 0 ? text.length : end;
  };
  if (!rule) return skip();
  const env = state.env as any;
  const refs = env.footnotes?.list?.length;
  const leadingIal = env.kdLeadingIalText;
  try {
    const inline = new md.inline.State(text, md, env, []);
    Object.assign(inline, carry);
    inline.pos = pos;
    const found = rule(inline, false);
    for (const key of SEARCH_MEMOS) if (inline[key]) carry[key] = inline[key];
    return found ? inline.pos : skip();
  } finally {
    if (refs !== undefined && env.footnotes?.list) env.footnotes.list.length = refs;
    if (leadingIal === undefined) delete env.kdLeadingIalText; else env.kdLeadingIalText = leadingIal;
  }
}

/**
 * kramdown's final check: parsed with the code span and span HTML parsers only, every line of the
 * table must have a pipe that is not inside a code span or an HTML element.
 */
function pipeOnEveryLine(state: StateBlock, text: string): boolean {
  const carry: Record<string, unknown> = {};
  type Child = { code: boolean; value: string };
  const kids: Child[] = [];
  let buf = '';
  let pos = 0;
  const flush = () => { if (buf) kids.push({ code: false, value: buf }); buf = ''; };
  while (pos < text.length) {
    const c = text[pos];
    if (c === '`') {
      const span = codeSpanAt(text, pos, text.length);
      if (span.content === null) buf += span.delimiter;
      else { flush(); kids.push({ code: true, value: span.content }); }
      pos = span.end;
      continue;
    }
    if (c === '<') {
      const rest = text.slice(pos);
      const comment = commentAt(text, pos, text.length);
      const close = comment !== null ? null : TAG_CLOSE_RE.exec(rest);
      const tag = comment !== null || close ? null : TAG_RE.exec(rest);
      if (comment !== null) { flush(); kids.push({ code: false, value: comment }); pos += comment.length; continue; }
      if (tag) {
        const end = spanElementEnd(state, text, pos, carry);
        flush();
        kids.push({ code: false, value: normaliseTagName(tag[1]) });
        pos = end;
        continue;
      }
      if (close) { buf += close[0]; pos += close[0].length; continue; }
    }
    buf += c;
    pos++;
  }
  flush();
  let pipe = false;
  for (const k of kids) {
    const lines = rubyLines(k.value);
    if (k.code) {
      if (lines.length > 2 || (lines.length === 2 && !pipe)) break;
      if (lines.length === 2 && pipe) pipe = false;
    } else {
      if (lines.length > 1 && !pipe && !PIPE_CHECK.test(lines[0])) break;
      pipe = (lines.length > 1 ? false : pipe) || (lines.length > 0 && PIPE_CHECK.test(lines[lines.length - 1]));
    }
  }
  return pipe;
}

function alignments(sep: string): Align[] {
  const out: Align[] = [];
  for (const m of sep.matchAll(HSEP_ALIGN)) {
    const left = m[1] !== '';
    const right = m[2] !== '';
    out.push(left && right ? 'center' : left ? 'left' : right ? 'right' : 'default');
  }
  return out;
}

/**
 * Whether the line's text has a `|` (PIPE_CHECK needs one). The next `|` after a position is kept
 * per state, so a document without pipes is searched once, not once per block start.
 */
function lineHasPipe(state: StateBlock, line: number): boolean {
  const s = state as StateBlock & { kdPipeFrom?: number; kdPipeAt?: number };
  const start = state.bMarks[line] + state.tShift[line];
  let at = s.kdPipeAt;
  if (at === undefined || s.kdPipeFrom! > start || (at >= 0 && at < start)) {
    at = state.src.indexOf('|', start);
    s.kdPipeFrom = start;
    s.kdPipeAt = at;
  }
  return at >= 0 && at < state.eMarks[line];
}

/**
 * Whether kramdown's table parser gets as far as new_block_el at the line (TABLE_START and
 * after_block_boundary?), taking a pending block IAL whether or not a table follows.
 */
export function tableTried(state: StateBlock, startLine: number): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4 || !lineHasPipe(state, startLine)) return false;
  const first = lineOf(state, startLine);
  if (!/^ {0,3}\S/.test(first) || !PIPE_CHECK.test(first)) return false;
  return afterBlockBoundary(state, startLine);
}

function table(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (!tableTried(state, startLine)) return false;
  // kramdown's parse_table makes its table element (new_block_el) before reading the rows, and
  // new_block_el hands it the pending block IAL: when the lines then turn out to be no table, the
  // IAL is gone with it (`{:.note}\nA | B\ntext` is a paragraph without the class). Marked for
  // the paragraph rule (kramdown-blocks.ts), which takes these lines next.
  if (!tableAt(state, startLine, endLine, silent)) {
    if (!silent) (state as any).kdTableFailedAt = startLine;
    return false;
  }
  return true;
}

/**
 * Whether kramdown's table parser takes the line: it comes before the footnote, abbreviation and
 * link definition parsers in kramdown's block parser order (table, footnote_definition,
 * abbrev_definition, ald, block_html, block_extensions, link_definition, list, …), so a definition
 * with a pipe in it, between block boundaries, is a one-row table (`[^1]: a | b` at the end of a
 * post, `[l]: http://x "A | B"` after a blank line). Those rules ask this first.
 */
export function tableAhead(state: StateBlock, startLine: number, endLine: number): boolean {
  return table(state, startLine, endLine, true);
}

function tableAt(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const first = lineOf(state, startLine);
  const leadingPipe = /^\s*\|/.test(first);
  const sections: Section[] = [];
  let rows: string[][] = [];
  let hasFooter = false;
  let align: Align[] | null = null;
  let columns = 0;
  const addContainer = (type: Section['type'], force: boolean) => {
    if (!hasFooter || type !== 'tbody' || force) { sections.push({ type, rows }); rows = []; }
  };
  let line = startLine;
  if (SEP_LINE.test(first)) line++;
  for (; line < endLine; line++) {
    // A line less indented than the container (the next list item) is not part of this text.
    if (state.sCount[line] < state.blkIndent || nestedListCut(state, line)) break;
    const text = lineOf(state, line);
    if (!PIPE_CHECK.test(text)) break;
    const sep = SEP_LINE.exec(text);
    if (sep) {
      if (rows.length === 0) continue; // consecutive separator lines are ignored
      if (align === null && !hasFooter) { addContainer('thead', false); align = alignments(sep[1]); } else addContainer('tbody', false);
    } else if (FSEP_LINE.test(text)) {
      if (rows.length) addContainer('tbody', true);
      hasFooter = true;
    } else {
      const cells = splitRow(text.replace(/[ \t]+$/, ''));
      if (leadingPipe && cells.length && cells[0].trim() === '') cells.shift();
      if (cells.length && cells[cells.length - 1].trim() === '') cells.pop();
      const row = cells.map((c) => c.trim());
      columns = Math.max(columns, row.length);
      rows.push(row);
    }
  }
  if (!beforeBlockBoundary(state, line, endLine) && !nestedListCut(state, line)) return false;
  const lines: string[] = [];
  for (let l = startLine; l < line; l++) lines.push(lineOf(state, l));
  if (!pipeOnEveryLine(state, lines.join('\n'))) return false;
  if (rows.length) addContainer(hasFooter ? 'tfoot' : 'tbody', false);
  if (!sections.some((s) => s.type === 'tbody')) return false; // kramdown: "table without body"
  if (silent) return true;

  const al: Align[] = (align ?? []).slice(0, columns);
  while (al.length < columns) al.push('default');
  const open = state.push('table_open', 'table', 1);
  open.map = [startLine, line];
  for (const s of sections) {
    state.push(`${s.type}_open`, s.type, 1);
    for (const row of s.rows) {
      state.push('tr_open', 'tr', 1);
      for (let i = 0; i < columns; i++) {
        const tag = s.type === 'thead' ? 'th' : 'td';
        const cell = state.push(`${tag}_open`, tag, 1);
        if (al[i] !== 'default') cell.attrs = [['style', `text-align: ${al[i]}`]];
        const inline = state.push('inline', '', 0);
        inline.content = row[i] ?? '';
        inline.children = [];
        state.push(`${tag}_close`, tag, -1);
      }
      state.push('tr_close', 'tr', -1);
    }
    state.push(`${s.type}_close`, s.type, -1);
  }
  state.push('table_close', 'table', -1);
  state.line = line;
  return true;
}

export function tablePlugin(md: MarkdownIt): void {
  // kramdown tries tables after headers, lists, rules, HTML and math blocks (its block parser order),
  // and a table start does not end a paragraph (PARAGRAPH_END has none), hence no `alt`.
  md.block.ruler.disable('table');
  md.block.ruler.before('paragraph', 'kd_table', table, { alt: [] });
}
