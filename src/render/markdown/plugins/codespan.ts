// kramdown's code spans (kramdown/parser/kramdown/codespan.rb), which differ from CommonMark's:
// - a single backtick with whitespace (or the start of the text) before it and whitespace after it
//   is a literal backtick: in `` ` a ` `` neither backtick opens a span;
// - the span ends at the first occurrence of the opening backtick string, even inside a longer run
//   (CommonMark needs a run of exactly the same length);
// - the content is kept as written, newlines included (CommonMark turns them into spaces); only
//   with two or more backticks is one leading and one trailing space removed;
// - with no closing string the backticks are text.
import type { MarkdownIt, StateInline } from 'markdown-it';

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

export interface CodeSpan {
  /** Position after the span (or after the literal backticks when `content` is null). */
  end: number;
  /** The code, or null when the backticks at `pos` are literal text. */
  content: string | null;
  delimiter: string;
}

/** Reads the code span (or literal backticks) starting at `pos`, which holds a backtick. */
export function codeSpanAt(src: string, pos: number, max: number): CodeSpan {
  let q = pos;
  while (q < max && src[q] === '`') q++;
  const delimiter = src.slice(pos, q);
  const simple = delimiter.length === 1;
  if (simple && (pos === 0 || isSpace(src[pos - 1])) && isSpace(src[q])) return { end: q, content: null, delimiter };
  const close = src.indexOf(delimiter, q);
  if (close < 0 || close + delimiter.length > max) return { end: q, content: null, delimiter };
  let content = src.slice(q, close);
  if (!simple) {
    if (content.startsWith(' ')) content = content.slice(1);
    if (content.endsWith(' ')) content = content.slice(0, -1);
  }
  return { end: close + delimiter.length, content, delimiter };
}

function codespan(state: StateInline, silent: boolean): boolean {
  if (state.src[state.pos] !== '`') return false;
  const span = codeSpanAt(state.src, state.pos, state.posMax);
  if (!silent) {
    if (span.content === null) state.pending += span.delimiter;
    else {
      const t = state.push('code_inline', 'code', 0);
      t.markup = span.delimiter;
      t.content = span.content;
    }
  }
  state.pos = span.end;
  return true;
}

export function codespanPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('backticks', codespan);
}
