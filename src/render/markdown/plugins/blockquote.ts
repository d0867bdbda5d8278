// Blockquotes as kramdown reads them (BLOCKQUOTE_MATCH in blockquote.rb), replacing markdown-it's
// rule: a blockquote runs from its first `>` line to the next blank line (or a line starting an HTML
// element, an IAL or `^`), whether or not the lines in between start with `>`. Each line loses
// `> ` (at most 3 spaces, `>`, one optional space); lines without it stay as written. So
// `> quote\n## Title` puts the header inside the quote, where markdown-it would end the quote.
// The content is parsed as blocks like any container.
// kramdown-parser-gfm's PARAGRAPH_END_GFM (its paragraph_end quirk) has BLOCKQUOTE_START (a `>`
// line ends a paragraph); kramdown's own PARAGRAPH_END has not (`input: kramdown`, or GFM without
// the quirk: `para\n> q` is one paragraph).
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { gfmParagraphEnd } from '../options.js';
import { lazyStop } from './code-block.js';
import { dropLazyText, kdLineText, keepItemText, leadingTab } from './indent.js';

// kramdown's LAZY_END: LAZY_END_HTML_START / _STOP (non-span elements), IAL_BLOCK_START (a whole
// IAL: `{:` alone is a lazy line) and EOB_MARKER; see lazyStop in code-block.ts.

function blockquote(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (state.src[state.bMarks[startLine] + state.tShift[startLine]] !== '>') return false;
  if (silent) return state.parentType !== 'paragraph' || gfmParagraphEnd(state);
  // A list item's text is parsed in parts, cut where its first nested list starts
  // (kramdown-blocks.ts): a quote in the item ends there (`* >\n  * b`).
  const chunkStarts = (state as { kdChunkStarts?: Set<number> }).kdChunkStarts;
  let next = startLine + 1;
  for (; next < endLine; next++) {
    if (chunkStarts?.has(next)) break;
    const start = state.bMarks[next] + state.tShift[next];
    if (start >= state.eMarks[next]) break; // blank line
    if (state.sCount[next] < state.blkIndent) break; // outside the container
    const rel = ' '.repeat(Math.max(0, state.sCount[next] - state.blkIndent));
    if (lazyStop(state, next, rel + state.src.slice(start, state.eMarks[next]))) break;
  }
  const saved = { b: state.bMarks.slice(startLine, next), t: state.tShift.slice(startLine, next), s: state.sCount.slice(startLine, next), bs: state.bsCount.slice(startLine, next) };
  const oldIndent = state.blkIndent;
  // A `>` line an enclosing list took lazily is the quote's own line here, its text after the
  // marker as written (kdLineText in indent.ts reads it so, not as the list's lazy line).
  const lazy = (state as { kdLazy?: Map<number, number[]> }).kdLazy;
  const unlazied: Array<[number, number[]]> = [];
  const kept: number[] = [];
  const lazied: number[] = [];
  for (let l = startLine; l < next; l++) {
    let p = state.bMarks[l] + state.tShift[l];
    // (BLOCKQUOTE_START on the line as the container's text has it: `   \t>` in a `1. ` item's
    // text is `\t>`, no `>` line but a lazy one, where markdown-it's tab stop puts the `>` one
    // column in.)
    const marker = state.src[p] === '>' && state.sCount[l] - oldIndent <= 3 && !(l > startLine && leadingTab(state, l) && !/^ {0,3}>/.test(kdLineText(state, l)));
    if (marker) {
      const bases = lazy?.get(l);
      if (bases) { unlazied.push([l, bases]); lazy!.delete(l); }
      p++;
      if (state.src[p] === ' ') p++;
      state.bMarks[l] = p;
      let q = p;
      let col = 0;
      while (q < state.eMarks[l] && (state.src[q] === ' ' || state.src[q] === '\t')) {
        col += state.src[q] === '\t' ? 4 - (col % 4) : 1;
        q++;
      }
      state.tShift[l] = q - p;
      state.sCount[l] = col;
      state.bsCount[l] = 0;
    } else {
      // A lazy line keeps its indentation beyond the container's (whose own is removed, as for
      // every line of a list item's text in kramdown).
      let p = state.bMarks[l];
      let col = 0;
      while (p < state.eMarks[l] && col < oldIndent && (state.src[p] === ' ' || state.src[p] === '\t')) {
        col += state.src[p] === '\t' ? 4 - (col % 4) : 1;
        p++;
      }
      // A line with tabs in front that kramdown's container text has otherwise than what is left
      // here (a tab that straddles the container's indentation: `\t\tb` in a `* ` item's text is
      // `      b`, its tabs four spaces each; `  \t \tb` in a `* * ` item's is `   \tb`): that
      // text, kept for kdLineText while the quote is parsed (the code in `* >\n\t\tb` is `  b`).
      // (A text kept so by an enclosing quote or list is taken on the same way: this quote's
      // content starts a new column count, as the kept text's own does.)
      const st = state as { kdLazy?: Map<number, number[]>; kdLazyText?: Map<number, unknown[]> };
      const keptBefore = st.kdLazyText?.get(l)?.at(-1);
      const text = keptBefore || (leadingTab(state, l) && !st.kdLazy?.has(l)) ? kdLineText(state, l, oldIndent) : null;
      if (text !== null && (keptBefore || text !== state.src.slice(p, state.eMarks[l]))) {
        keepItemText(state, l, text, 0);
        kept.push(l);
        if (!st.kdLazy?.has(l)) {
          (st.kdLazy ??= new Map()).set(l, [oldIndent]);
          lazied.push(l);
        }
      }
      state.bMarks[l] = p;
      state.tShift[l] = Math.max(0, state.tShift[l] - (p - saved.b[l - startLine]));
      state.sCount[l] = Math.max(0, state.sCount[l] - oldIndent);
    }
  }
  const oldParent = state.parentType;
  state.parentType = 'blockquote';
  state.blkIndent = 0;
  const open = state.push('blockquote_open', 'blockquote', 1);
  open.markup = '>';
  open.map = [startLine, next];
  // A first line with nothing after its `>` is a blank line of the quote's text; the converter
  // sees blank lines in the source, where a list item's or definition's marker before the `>`
  // (`* >`) hides it.
  if (state.bMarks[startLine] + state.tShift[startLine] >= state.eMarks[startLine]) open.meta = { firstLineBlank: true };
  state.md.block.tokenize(state, startLine, next);
  state.push('blockquote_close', 'blockquote', -1).markup = '>';
  state.blkIndent = oldIndent;
  state.parentType = oldParent;
  for (const [l, bases] of unlazied) lazy!.set(l, bases);
  for (const l of kept) dropLazyText(state, l);
  for (const l of lazied) (state as { kdLazy?: Map<number, number[]> }).kdLazy!.delete(l);
  for (let l = startLine; l < next; l++) {
    const i = l - startLine;
    state.bMarks[l] = saved.b[i];
    state.tShift[l] = saved.t[i];
    state.sCount[l] = saved.s[i];
    state.bsCount[l] = saved.bs[i];
  }
  state.line = next;
  return true;
}

export function blockquotePlugin(md: MarkdownIt): void {
  const entry = (md.block.ruler as any).__rules__.find((r: any) => r.name === 'blockquote');
  md.block.ruler.at('blockquote', blockquote, { alt: entry?.alt ?? ['paragraph', 'reference', 'blockquote', 'list'] });
}
