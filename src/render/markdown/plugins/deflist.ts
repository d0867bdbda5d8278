// Definition lists as kramdown reads them, on top of markdown-it-deflist:
// - only `:` is a definition marker (markdown-it-deflist also takes `~`: `Term\n~ text` is a
//   paragraph in kramdown; a later `~` line inside a kramdown definition is lazy text, which
//   markdown-it-deflist would make a new <dd>, a case real pages do not seem to rely on);
// - the terms are every line of the paragraph before the first `:` line (kramdown's
//   parse_definition_list splits it at newlines), with at most one empty line between them and the
//   definition; markdown-it-deflist takes a single line. A `:` line therefore ends a paragraph
//   (kramdown's PARAGRAPH_END has DEFINITION_LIST_START), and the paragraph's earlier lines become
//   extra <dt>s in front of the list markdown-it-deflist builds from its last line;
// - a list that follows another, with only blank lines between, joins it;
// - a definition's content is indented as kramdown's parse_first_list_line counts it: the marker
//   and all the whitespace after it (`:   text` → 4); markdown-it-deflist always takes 2, which
//   left `    continued` with two spaces and shifted code blocks. (kramdown takes 4 when the first
//   line holds only an IAL or nothing; not modelled.)
import type { MarkdownIt, StateBlock, Token } from 'markdown-it';
import { ITEM_IAL_ONLY } from '../ial.js';

const MARKER = /^:[ \t]/;

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

const LAZY_STOP = /^(?:\{:(?!:|\/)|<\/?(?!(?:a|abbr|acronym|b|big|bdo|br|button|cite|code|del|dfn|em|i|img|input|ins|kbd|label|mark|option|q|rb|rbc|rp|rt|rtc|ruby|samp|select|small|span|strong|sub|sup|tt|u|var|script)\b)[\p{L}_:]|\^[ \t]*$)/u;

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/**
 * Gives the lazy lines of the definitions from `termLine` on their definition's indentation, and
 * says where the list ends at the latest (`cut`): before a further term that kramdown reads as an
 * ATX header (its header parser comes first; markdown-it-deflist would take it as a term).
 */
function fakeLazyDefinitionLines(state: StateBlock, termLine: number, endLine: number, heading: BlockRule): { faked: Array<[number, number]>; cut: number } {
  const faked: Array<[number, number]> = [];
  const base = state.blkIndent;
  // markdown-it-deflist goes on over further groups of terms and definitions after blank lines
  // (kramdown parses each as a list of its own and merges them): `indent` is the current
  // definition's content column (relative), -1 among terms.
  let indent = -1;
  let lastBlank = false;
  // Where an enclosing list item's text is cut at its first nested list (kramdown-blocks.ts): the
  // definition list, parsed from the part before, ends there.
  const cuts: Set<number> | undefined = (state as any).kdChunkStarts;
  for (let line = termLine + 1; line < endLine; line++) {
    if (cuts?.has(line)) break;
    const rel = state.sCount[line] - base;
    if (state.bMarks[line] + state.tShift[line] >= state.eMarks[line]) { lastBlank = true; continue; }
    if (rel < 0) break;
    const text = lineText(state, line);
    const marker = rel <= 3 ? /^:([ \t]+)(?=\S)/.exec(text) : null;
    if (marker) {
      // parse_first_list_line: the marker, then the whitespace after it, tabs to the next stop.
      indent = rel + 1;
      for (const ch of marker[1]) indent += ch === '\t' ? 4 - (indent % 4) : 1;
      lastBlank = false;
      continue;
    }
    if (indent < 0 || rel >= indent) { lastBlank = false; continue; }
    // After a blank line a less indented line ends the definition (the next terms, if any).
    if (lastBlank) {
      if (state.src.charCodeAt(state.bMarks[line] + state.tShift[line]) === 0x23 /* # */ && heading(state, line, endLine, true)) return { faked, cut: line };
      indent = -1;
      lastBlank = false;
      continue;
    }
    if (rel <= 3 && LAZY_STOP.test(text)) break;
    faked.push([line, state.sCount[line]]);
    state.sCount[line] = base + indent + rel;
    const lazy: Map<number, number[]> = ((state as any).kdLazy ??= new Map());
    const bases = lazy.get(line);
    if (bases) bases.push(base); else lazy.set(line, [base]);
  }
  return { faked, cut: endLine };
}

export function deflistPlugin(md: MarkdownIt): void {
  // markdown-it-deflist pushes a definition's dd_open, sets the content indentation to the marker's
  // column + 2 and tokenizes the content at once: that call is where kramdown's indentation goes in.
  const tokenize = md.block.tokenize;
  md.block.tokenize = function (this: typeof md.block, state: StateBlock, startLine: number, endLine: number) {
    if (state.parentType === 'deflist' && state.tokens[state.tokens.length - 1]?.type === 'dd_open' && startLine < endLine) {
      // (A first line with only an IAL keeps markdown-it-deflist's indentation: kramdown's 4 would
      // need its lazy lines, which markdown-it's block loop does not take below the indentation.)
      if (!ITEM_IAL_ONLY.test(lineText(state, startLine))) state.blkIndent = Math.max(state.blkIndent, state.sCount[startLine]);
      // kramdown reads a definition's text as a list item's: whitespace-only lines as written
      // (list-text.ts).
      const s = state as StateBlock & { kdInDefinition?: number };
      s.kdInDefinition = (s.kdInDefinition ?? 0) + 1;
      try {
        return tokenize.call(this, state, startLine, endLine);
      } finally {
        s.kdInDefinition!--;
      }
    }
    return tokenize.call(this, state, startLine, endLine);
  } as typeof md.block.tokenize;
  const rules = (md.block.ruler as any).__rules__ as Array<{ name: string; fn: any; alt: string[] }>;
  const entry = rules.find((r) => r.name === 'deflist');
  if (!entry) return;
  const deflistRule = entry.fn;
  let heading: ((state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean) | undefined;
  // kramdown's definitions take lazy lines as its list items do (parse_definition_list): after a
  // non-blank line of a definition, any non-blank line that starts no IAL, HTML tag, `^` or new
  // definition is more of its text, as written, whatever block it looks like (`: def\n* a` puts the
  // list, or with kramdown's own parser the text `* a`, in the <dd>). markdown-it-deflist continues
  // only a paragraph lazily, so such lines get the definition's content indentation (sCount) while
  // the list is parsed, and are recorded in kdLazy for the paragraph rule (kramdown-blocks.ts).
  const deflist = (state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean => {
    if (silent) return deflistRule(state, startLine, endLine, silent);
    heading ??= (md.block.ruler as any).__rules__.find((r: any) => r.name === 'heading').fn;
    const { faked, cut } = fakeLazyDefinitionLines(state, startLine, endLine, heading!);
    try {
      return deflistRule(state, startLine, cut, silent);
    } finally {
      const lazy: Map<number, number[]> | undefined = (state as any).kdLazy;
      for (const [line, sCount] of faked) {
        state.sCount[line] = sCount;
        const bases = lazy?.get(line);
        bases?.pop();
        if (bases && !bases.length) lazy!.delete(line);
      }
    }
  };
  md.block.ruler.at('deflist', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    let next = startLine + 1;
    while (next < endLine && state.bMarks[next] + state.tShift[next] >= state.eMarks[next]) next++;
    if (next < endLine && state.src[state.bMarks[next] + state.tShift[next]] === '~') return false;
    // kramdown reads the term line first, and its ATX header parser comes before the paragraph a
    // definition list needs: `#dowork\n: text` (kramdown input) is a header and a paragraph.
    if (state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]) === 0x23 /* # */) {
      heading ??= (md.block.ruler as any).__rules__.find((r: any) => r.name === 'heading').fn;
      if (heading!(state, startLine, endLine, true)) return false;
    }
    return deflist(state, startLine, endLine, silent);
  }, { alt: entry.alt });

  // At a `:` line: turn the paragraph just before it into the list's terms.
  md.block.ruler.before('deflist', 'kd_deflist_terms', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (state.sCount[startLine] - state.blkIndent > 3) return false;
    if (state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]) !== 0x3a /* : */ || !MARKER.test(lineText(state, startLine))) return false;
    // As a terminator: a `:` line ends the paragraph it follows.
    if (silent) return state.parentType === 'paragraph';
    const toks = state.tokens;
    const close = toks[toks.length - 1];
    if (!close || close.type !== 'paragraph_close' || toks.length < 3) return false;
    const open = toks[toks.length - 3];
    const inline = toks[toks.length - 2];
    const pEnd = open.map?.[1] ?? -1;
    const oneEmptyLine = pEnd === startLine - 1 && state.bMarks[pEnd] === state.eMarks[pEnd];
    if (pEnd !== startLine && !oneEmptyLine) return false;
    const termLines = inline.content.split('\n');
    const lastTerm = pEnd - 1;
    const removed = toks.splice(toks.length - 3, 3);
    const dlIndex = toks.length;
    if (!deflist(state, lastTerm, endLine, false)) { toks.push(...removed); return false; }
    // Extra terms go right after the dl_open that markdown-it-deflist pushed first.
    const dl = toks[dlIndex];
    const extra: Token[] = [];
    termLines.slice(0, -1).forEach((text, k) => {
      const line = open.map![0] + k;
      const o = new state.Token('dt_open', 'dt', 1);
      o.map = [line, line + 1];
      const t = new state.Token('inline', '', 0);
      // kramdown splits the paragraph's text at its newlines and keeps each term as it stands there
      // (parse_definition_list): only the paragraph's own ends are stripped, so `Term  ` and
      // `  Term` keep their spaces (written in the <dt>) unless first or last.
      t.content = text;
      t.map = [line, line + 1];
      t.children = [];
      extra.push(o, t, new state.Token('dt_close', 'dt', -1));
    });
    toks.splice(dlIndex + 1, 0, ...extra);
    // The last term, which markdown-it-deflist made from its line trimmed: its leading whitespace
    // is kept as well (the paragraph's text only lost it on its first line).
    const lastText = termLines[termLines.length - 1];
    const lastInline = toks[dlIndex + 1 + extra.length + 1];
    if (termLines.length > 1 && lastInline?.type === 'inline' && lastInline.map?.[0] === lastTerm) lastInline.content = lastText;
    dl.map = [open.map![0], dl.map![1]];
    // A list right after another one (blank lines between) is more of it: kramdown merges a new
    // definition list into a preceding one (parse_definition_list). markdown-it-deflist does so
    // itself for one-line terms; terms of several lines come here.
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
