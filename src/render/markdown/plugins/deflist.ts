// Definition lists: markdown-it-deflist also accepts `~` as the definition marker; kramdown's
// DEFINITION_LIST_START is `:` only, so `Term\n~ text` is a paragraph. (A later `~` line inside a
// kramdown definition is lazy text; markdown-it-deflist would start a new <dd> there, which real pages
// do not seem to rely on.)
import type { MarkdownIt, StateBlock } from 'markdown-it';

export function deflistPlugin(md: MarkdownIt): void {
  const rules = (md.block.ruler as any).__rules__ as Array<{ name: string; fn: any; alt: string[] }>;
  const entry = rules.find((r) => r.name === 'deflist');
  if (!entry) return;
  const deflist = entry.fn;
  md.block.ruler.at('deflist', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    let next = startLine + 1;
    while (next < endLine && state.bMarks[next] + state.tShift[next] >= state.eMarks[next]) next++;
    if (next < endLine && state.src[state.bMarks[next] + state.tShift[next]] === '~') return false;
    return deflist(state, startLine, endLine, silent);
  }, { alt: entry.alt });
}
