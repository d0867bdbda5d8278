// Footnote definitions end where kramdown's end (FOOTNOTE_DEFINITION_START: the first line, then only
// lines indented as code, i.e. 4 spaces or a tab, with blank lines between). markdown-it-footnote
// continues the definition's paragraph lazily over unindented lines, so `[^1]: Note.\nNext line`
// would swallow "Next line"; here such a line ends the paragraph, and with it the definition.
import type { MarkdownIt, StateBlock } from 'markdown-it';

interface FnState extends StateBlock { kdFootnoteIndent?: number; }

export function footnoteDefPlugin(md: MarkdownIt): void {
  const rules = (md.block.ruler as any).__rules__ as Array<{ name: string; fn: any; alt: string[] }>;
  const entry = rules.find((r) => r.name === 'footnote_def');
  if (!entry) return;
  const def = entry.fn;
  md.block.ruler.at('footnote_def', (state: FnState, startLine: number, endLine: number, silent: boolean) => {
    const saved = state.kdFootnoteIndent;
    // markdown-it-footnote parses the body with blkIndent + 4.
    state.kdFootnoteIndent = state.blkIndent + 4;
    try {
      return def(state, startLine, endLine, silent);
    } finally {
      state.kdFootnoteIndent = saved;
    }
  }, { alt: entry.alt });
  md.block.ruler.before('paragraph', 'kd_footnote_lazy_end', (state: FnState, startLine: number, _endLine: number, silent: boolean) =>
    silent && state.kdFootnoteIndent === state.blkIndent && state.sCount[startLine] < state.blkIndent, { alt: ['paragraph'] });
}
