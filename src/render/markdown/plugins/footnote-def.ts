// Footnote definitions end where kramdown's end. Its FOOTNOTE_DEFINITION_START takes the first line
// and then CODEBLOCK_MATCH: groups of lines indented as code (4 spaces or a tab), each group
// optionally after blank lines and followed by "lazy" unindented lines (not starting an HTML
// element, an IAL or `^`). markdown-it-footnote instead runs the definition's paragraph lazily over
// any unindented line, and ends the definition at an unindented header after an indented paragraph.
// So the definition is parsed only up to kramdown's end, with its lazy lines given the content
// indentation while it is parsed.
import type { MarkdownIt, StateBlock, Token } from 'markdown-it';
import { lazyStop } from './code-block.js';
import { setextAhead } from './kramdown-blocks.js';
import { tableAhead } from './table.js';
import { INDENT, dropLazyText, kdLineText, keepItemText, keepLazyText, stripIndent } from './indent.js';

function isBlank(state: StateBlock, line: number): boolean {
  return state.bMarks[line] + state.tShift[line] >= state.eMarks[line];
}

// kramdown's footnote names (ALD_ID_NAME, Ruby's ASCII `\w`): a word character, then word
// characters and hyphens, right before the `]`. `[^a.b]` and `[^Über]` are no footnotes.
const FOOTNOTE_NAME = /^\^[A-Za-z0-9_][A-Za-z0-9_-]*\]/;

/** Whether `[^name]` at `pos` is a kramdown footnote marker (a link's text counts its `[`). */
export function isFootnoteMarker(src: string, pos: number): boolean {
  return src.charCodeAt(pos) === 0x5b && FOOTNOTE_NAME.test(src.slice(pos + 1, pos + 200));
}

/** A footnote definition whose block parse is under way: its open token is `state.tokens[at]`. */
interface OpenDef { state: StateBlock; at: number }

/**
 * The footnote_reference_open of the innermost footnote definition being block-parsed now, if any
 * (markdown-it-footnote pushes it before it parses the definition's text).
 */
export function openFootnoteDef(env: any): Token | undefined {
  const defs = env.kdOpenDefs as OpenDef[] | undefined;
  const top = defs?.[defs.length - 1];
  const tok = top?.state.tokens[top.at];
  return tok?.type === 'footnote_reference_open' ? tok : undefined;
}

export function footnoteDefPlugin(md: MarkdownIt): void {
  // Footnote markers with kramdown's names only.
  const inlineRules = (md.inline.ruler as any).__rules__ as Array<{ name: string; fn: any; alt: string[] }>;
  const ref = inlineRules.find((r) => r.name === 'footnote_ref');
  if (ref) {
    const refFn = ref.fn;
    md.inline.ruler.at('footnote_ref', (state: any, silent: boolean) => {
      if (!isFootnoteMarker(state.src, state.pos)) return false;
      if (refFn(state, silent)) return true;
      // kramdown's parse_footnote_marker adds a marker with no definition as text, whole (tried
      // before links): what comes after it sees no character before it, as after any span a
      // parser consumed (a smart quote: `[^1]"b` opens with “).
      const end = state.pos + 1 + FOOTNOTE_NAME.exec(state.src.slice(state.pos + 1, state.pos + 200))![0].length;
      if (end > state.posMax) return false;
      if (!silent) state.pending += state.src.slice(state.pos, end);
      state.pos = end;
      state.kdConsumedEnd = end;
      return true;
    }, { alt: ref.alt });
  }
  const rules = (md.block.ruler as any).__rules__ as Array<{ name: string; fn: any; alt: string[] }>;
  const entry = rules.find((r) => r.name === 'footnote_def');
  if (!entry) return;
  const def = entry.fn;
  md.block.ruler.at('footnote_def', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    // A definition starts with `[^` (markdown-it-footnote's first test): other lines need no look-ahead.
    const start = state.bMarks[startLine] + state.tShift[startLine];
    if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5e) return false;
    if (!FOOTNOTE_NAME.test(state.src.slice(start + 1, state.eMarks[startLine]))) return false;
    if (setextAhead(state, startLine, endLine)) return false;
    // kramdown's PARAGRAPH_END (GFM's too) has no footnote definition: such a line right under a
    // paragraph's text, in a list item's or a quote's, is more of that text (`Text[^1].\n[^1]: x`
    // is one paragraph, its marker unresolved).
    if (silent && state.parentType === 'paragraph') return false;
    if (silent) return def(state, startLine, endLine, true);
    // (kramdown's table parser comes first: see tableAhead in table.ts.)
    if (tableAhead(state, startLine, endLine)) return false;
    const indent = state.blkIndent + 4;
    const faked: Array<[number, number]> = [];
    const lazy: Map<number, number[]> = ((state as any).kdLazy ??= new Map());
    let line = startLine + 1;
    let afterIndented = false;
    // INDENT on the line as the container's text has it (` \tx` is not indented: indent.ts).
    // Where markdown-it's columns put such a line left of the definition's content (`   \te` in a
    // `1. ` item is `\te` in the item's text, 1 column in for markdown-it), it is given the
    // definition's column plus what is left of its indentation once INDENT is off (kramdown's
    // gsub(INDENT, '')), as a list does with its item's text (keepItemText).
    const codeLine = (l: number) => {
      if (faked.length && faked[faked.length - 1][0] === l) return true;
      const text = kdLineText(state, l);
      if (!INDENT.test(text)) return false;
      if (state.sCount[l] >= indent) {
        // kramdown takes one INDENT off each line of the definition (gsub), where a list item
        // turns a run of leading tabs into spaces first: `\t\tx` is `\tx` in the definition's
        // text (a fenced code line keeps its tab), kdLineText would say `    x`.
        const own = text.replace(INDENT, '');
        if (/^ *\t/.test(own) && stripIndent(text, 4) !== own) {
          faked.push([l, state.sCount[l]]);
          keepItemText(state, l, own, indent);
          const bases = lazy.get(l);
          if (bases) bases.push(state.blkIndent); else lazy.set(l, [state.blkIndent]);
        }
        return true;
      }
      faked.push([l, state.sCount[l]]);
      state.sCount[l] = indent + keepItemText(state, l, text.replace(INDENT, ''), indent);
      const bases = lazy.get(l);
      if (bases) bases.push(state.blkIndent); else lazy.set(l, [state.blkIndent]);
      return true;
    };
    // A list item's text is parsed in parts, cut where its first nested list starts
    // (kramdown-blocks.ts): the definition ends there (`* [^1]:\n  \tb\n  * ` has the nested
    // list after it, no lazy line of its text).
    const chunkStarts: Set<number> | undefined = (state as any).kdChunkStarts;
    while (line < endLine) {
      if (chunkStarts?.has(line)) break;
      if (isBlank(state, line)) {
        let k = line;
        while (k < endLine && isBlank(state, k)) k++;
        if (k < endLine && codeLine(k)) { line = k; afterIndented = false; continue; }
        break;
      }
      if (codeLine(line)) { afterIndented = true; line++; continue; }
      const rel = state.sCount[line] - state.blkIndent;
      const text = ' '.repeat(Math.max(0, rel)) + state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
      if (!afterIndented || rel < 0 || lazyStop(state, line, text)) break;
      keepLazyText(state, line, state.blkIndent, indent);
      faked.push([line, state.sCount[line]]);
      state.sCount[line] = indent + rel;
      // Registered like a list's lazy line, so its paragraph keeps the line's own indentation.
      const bases = lazy.get(line);
      if (bases) bases.push(state.blkIndent); else lazy.set(line, [state.blkIndent]);
      line++;
    }
    const at = state.tokens.length;
    // The definition being parsed, for the HTML elements in it whose spans are parsed later
    // (html-block.ts parseDeferred: openFootnoteDef).
    const openDefs: OpenDef[] = ((state.env as any).kdOpenDefs ??= []);
    openDefs.push({ state, at });
    try {
      const ok = def(state, startLine, line, false);
      // The definition's own lines (markdown-it-footnote leaves its open token without a map).
      const open = state.tokens[at];
      if (ok && open?.type === 'footnote_reference_open' && !open.map) open.map = [startLine, state.line];
      return ok;
    } finally {
      openDefs.pop();
      for (const [l, s] of faked) {
        state.sCount[l] = s;
        const bases = lazy.get(l)!;
        bases.pop();
        dropLazyText(state, l);
        if (!bases.length) lazy.delete(l);
      }
    }
  }, { alt: entry.alt });
}
