// Link definitions as kramdown reads them (LINK_DEFINITION_START in link.rb), replacing markdown-it's
// reference rule:
// - the URL is everything up to an optional quoted title, spaces included, kept as written
//   (markdown-it unescapes backslashes and entities: `V8_\(x\)` stays `V8_\(x\)` here);
// - the title is in double or single quotes only, on the same line or the next one;
// - a URL containing whitespace followed by a quote makes the line no definition;
// - a later definition of the same id replaces an earlier one (markdown-it keeps the first);
// - a definition does not interrupt a paragraph.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { multiLineIal, setextAhead, waitingIals } from './kramdown-blocks.js';
import { tableAhead } from './table.js';
import { IAL_BODY } from '../ial.js';

/**
 * kramdown's normalize_link_id: runs of ASCII whitespace (Ruby's `\s`) to one space, then
 * downcase. Unlike CommonMark's (markdown-it's normalizeReference) the id is not trimmed:
 * `[text][ id ]` does not find `[id]:`.
 */
export function kramdownLinkId(id: string): string {
  return id.replace(/[ \t\n\v\f\r]+/g, ' ').toLowerCase();
}

const IAL_LINE = new RegExp(String.raw`^\{:(?![\w-]*:|\/)(${IAL_BODY})\}\s*$`);
const DEF_RE = /^ {0,3}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?(?:\n|$)/;

function reference(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src[start] !== '[') return false;
  if (setextAhead(state, startLine, endLine)) return false;
  // The definition and, for a title on the next line, that line too (as the container's text:
  // inside a blockquote without the `>`).
  const text = state.getLines(startLine, Math.min(startLine + 2, endLine), state.blkIndent, false);
  const m = DEF_RE.exec(text);
  if (!m || (m[3] !== undefined && /[ \t]+["']/.test(m[3]))) return false;
  if (tableAhead(state, startLine, endLine)) return false;
  if (silent) return true;
  const env = state.env as { references?: Record<string, { href: string; title: string; kdIal?: string }> };
  env.references ??= {};
  const consumed = m[0].replace(/\n$/, '').split('\n').length;
  // A block IAL right after the definition belongs to it: kramdown gives its attributes to every
  // link and image that uses the definition (link.ts). The IAL line itself is left for the
  // converter, which drops an IAL that follows a definition.
  // (Each IAL line in a row goes there, as the one before added no end-of-block element:
  // `[r]:a\n{:a}\n{:.b}` gives class b; and an IAL waiting for the next block before the
  // definition, `{:.c}\n[L]:x`, which the definition's end-of-block element takes.)
  const bodies = waitingIals(state, startLine);
  for (let next = startLine + consumed; next < endLine && state.sCount[next] - state.blkIndent < 4 && state.src.startsWith('{:', state.bMarks[next] + state.tShift[next]) && bodies.length < 1000;) {
    const line = state.src.slice(state.bMarks[next] + state.tShift[next], state.eMarks[next]);
    const ial = IAL_LINE.exec(line)?.[1];
    // (Or one over several lines, `{: .a\n.b}` or `{: .a \}\n.b}`, as the block IAL rule reads
    // it; not an ALD.)
    if (ial === undefined || line.includes('\\}')) {
      const multi = multiLineIal(state, next, endLine);
      if (multi && !/^\w[\w-]*:/.test(multi[0][1])) { bodies.push(multi[0][1]); next = multi[1]; continue; }
      if (ial === undefined) break;
    }
    bodies.push(ial);
    next++;
  }
  const ial = bodies.length ? bodies.join(' ') : undefined;
  env.references[kramdownLinkId(m[1])] = { href: m[2] ?? m[3], title: m[5] ?? '', kdIal: ial };
  state.push('kd_def', '', 0).map = [startLine, startLine + consumed];
  state.line = startLine + consumed;
  return true;
}

export function referencePlugin(md: MarkdownIt): void {
  md.block.ruler.at('reference', reference, { alt: [] });
}
