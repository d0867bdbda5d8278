// kramdown-parser-gfm's strikethrough (parse_strikethrough_gfm), replacing markdown-it's delimiter
// runs: at `~~` the whole element is one regex, STRIKETHROUGH_MATCH, `~~` not followed by
// whitespace or `~`, the fewest characters (newlines too) up to one that is neither, then `~~`.
// Its content is parsed as spans of their own (reset_env: no emphasis open around them), and what
// the match took is the element's whatever other spans it cuts through: `~~a \`~~\` b~~` is
// <del>a `</del> then text, `**a ~~b** c~~` a `**` and <del>b** c</del>. Elements that look for
// their end (emphasis, a link's text) step over the whole match (strikethroughEnd).
import type { MarkdownIt, StateInline, Token } from 'markdown-it';

const STRIKETHROUGH_MATCH = /~~(?!\s|~)[\s\S]*?[^\s~]~~/y;

/**
 * The last place before `max` where a strikethrough can close (a character that is no whitespace
 * or `~`, then `~~`): one backward scan per text and end, so that a text of many `~~` that never
 * close (`~~a ` repeated) is not searched to its end from each of them. (The last text asked.)
 */
let lastClose = { src: '', max: -1, at: -1 };
function lastCloseBefore(src: string, max: number): number {
  if (lastClose.src !== src || lastClose.max !== max) {
    let at = -1;
    for (let k = src.lastIndexOf('~~', max - 2); k > 0; k = src.lastIndexOf('~~', k - 1)) {
      const c = src.charCodeAt(k - 1);
      if (c !== 0x7e && c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) { at = k - 1; break; }
    }
    lastClose = { src, max, at };
  }
  return lastClose.at;
}

/** Where the strikethrough starting at `pos` (its `~~`) ends, before `max`; -1 where none does. */
export function strikethroughEnd(src: string, pos: number, max: number): number {
  if (src.charCodeAt(pos) !== 0x7e || src.charCodeAt(pos + 1) !== 0x7e) return -1;
  // (The content holds at least the closing character, after the opening `~~`.)
  if (lastCloseBefore(src, max) < pos + 2) return -1;
  STRIKETHROUGH_MATCH.lastIndex = pos;
  const m = STRIKETHROUGH_MATCH.exec(src);
  return m && pos + m[0].length <= max ? pos + m[0].length : -1;
}

function strikethrough(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const end = strikethroughEnd(state.src, start, state.posMax);
  if (end < 0) return false;
  if (!silent) {
    state.push('s_open', 's', 1).markup = '~~';
    // (A text of its own: an escape at its end escapes nothing after it, `~~a\~~b~~`.)
    const children: Token[] = [];
    // (No block's text: an IAL at its start is no term's, `~~{:c}"a~~` in a term.)
    const env = state.env as { kdInlineBlock?: string };
    const block = env.kdInlineBlock;
    env.kdInlineBlock = undefined;
    try {
      state.md.inline.parse(state.src.slice(start + 2, end - 2), state.md, state.env, children);
    } finally {
      env.kdInlineBlock = block;
    }
    for (const t of children) state.tokens.push(t);
    state.push('s_close', 's', -1).markup = '~~';
  }
  state.pos = end;
  return true;
}

export function strikethroughPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('strikethrough', strikethrough);
  md.inline.ruler2.disable('strikethrough');
}
