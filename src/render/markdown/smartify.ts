// Jekyll's `smartify` filter runs kramdown's SmartyPants parser (kramdown/parser/smarty_pants.rb):
// block parsers `block_html` and `content` (one line of text at a time), span parsers smart quotes,
// entities, typographic symbols and span HTML; the result is chomped. We reuse the Markdown
// converter's inline rules (typography, entities, span-html.ts's kramdown span HTML) on a markdown-it
// instance with nothing else enabled, so, as in kramdown:
// - a span element owns everything to its close tag: one never closed runs to the end of the text,
//   the newline kramdown adds included (`a <b>x` → `a <b>x\n</b>`), and a close tag with nothing
//   open is text (`a</b>` → `a&lt;/b&gt;`); raw elements (kbd, script…) get no smart quotes;
// - at the start of a line, or right after block HTML (StringScanner's `^` matches at the scan
//   position), a comment or a tag that is not a span element (after up to three spaces) is block
//   HTML, with no typography in its body, and the rest of its line on a line of its own
//   (`<p>a</p> after` → `<p>a</p>\n after`); one never closed is closed after the text. The element
//   is written by the Markdown converter (`renderBlockHtml`): the same kramdown block HTML parser,
//   which re-serialises its tags and escapes bare `&`, `<`, `>`.
import markdownIt, { type MarkdownIt } from 'markdown-it';
import { typographyPlugin } from './plugins/kramdown-inline.js';
import { entityPlugin } from './plugins/entity.js';
import { spanHtmlPlugin } from './plugins/span-html.js';
import type { KramdownOptions } from './options.js';
import { Converter } from './converter.js';
import { mathjax } from './math.js';
import { COMMENT_RE, ELEMENTS_WITHOUT_BODY, KNOWN_ELEMENTS, SPAN_ELEMENTS, TAG_RE, normaliseTagName } from './html.js';

let md: MarkdownIt | null = null;

function inline(text: string, opts: KramdownOptions): string {
  if (!md) {
    md = markdownIt('zero', { html: true });
    md.inline.ruler.enable(['entity', 'html_inline']);
    typographyPlugin(md);
    entityPlugin(md);
    spanHtmlPlugin(md);
  }
  const env = {};
  const tokens = md.parseInline(text, env);
  const conv = new Converter({
    opts, highlight: null, env, gfmIds: new Map(), basicIds: new Map(), toc: [], tocPlaceholder: null,
    footnotes: [], footnotesByLabel: new Map(), footnoteDefs: new Map(), alds: new Map(), autoIds: false, math: mathjax,
  });
  return conv.inline(tokens[0]?.children ?? []);
}

/** kramdown's output for a piece of source that is one block HTML element (the Markdown converter's). */
export type BlockHtmlRenderer = (source: string) => string;

/** The block HTML at the start of `rest` (after up to three spaces): its output and length, or null. */
function blockHtml(rest: string, render: BlockHtmlRenderer): { html: string; length: number } | null {
  const comment = COMMENT_RE.exec(rest);
  if (comment) return { html: comment[0], length: comment[0].length };
  const indent = /^ {0,3}/.exec(rest)![0].length;
  const src = rest.slice(indent);
  const m = TAG_RE.exec(src);
  if (!m) return null;
  const name = normaliseTagName(m[1]!);
  if (SPAN_ELEMENTS.has(name.toLowerCase())) return null;
  // A void or self-closed element (TAG_RE's fifth group is the `/` of `<x />`) is followed by a
  // blank element in kramdown's tree when nothing follows it on its line (`<hr>` → `<hr />\n\n`).
  if (ELEMENTS_WITHOUT_BODY.has(name) || m[5] !== undefined) {
    const length = indent + m[0].length;
    const html = render(rest.slice(0, length));
    return { html: /^[ \t]*(?:\n|$)/.test(rest.slice(length)) ? html.replace(/\n$/, '') : html.replace(/\n+$/, ''), length };
  }
  // The matching close tag, counting nested elements of the same name.
  const esc = m[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`<(/?)${esc}(?=[\\s/>])[^>]*>`, KNOWN_ELEMENTS.has(name) ? 'gi' : 'g');
  re.lastIndex = m[0].length;
  let depth = 1;
  let length = rest.length;
  for (let t = re.exec(src); t; t = re.exec(src)) {
    depth += t[1] ? -1 : t[0].endsWith('/>') ? 0 : 1;
    if (depth === 0) {
      length = indent + re.lastIndex;
      break;
    }
  }
  // The converter ends a block with a newline (and a blank element after <script>/<style>, as
  // kramdown's tree has one): the first newline is the one added after every block here.
  return { html: render(rest.slice(0, length)).replace(/\n$/, ''), length };
}

export function smartifyWith(text: string, opts: KramdownOptions, renderBlockHtml: BlockHtmlRenderer): string {
  // kramdown ends the source with a newline; the filter chomps the result.
  let src = String(text);
  if (!src.endsWith('\n')) src += '\n';
  let out = '';
  let content = '';
  let pos = 0;
  while (pos < src.length) {
    const block = src[pos] === ' ' || src[pos] === '<' ? blockHtml(src.slice(pos), renderBlockHtml) : null;
    if (block) {
      if (content) out += inline(content, opts), content = '';
      out += `${block.html}\n`;
      pos += block.length;
      const trailing = /^[ \t]*\n/.exec(src.slice(pos));
      if (trailing) pos += trailing[0].length;
      continue;
    }
    const nl = src.indexOf('\n', pos);
    const end = nl < 0 ? src.length : nl + 1;
    content += src.slice(pos, end);
    pos = end;
  }
  if (content) out += inline(content, opts);
  return out.replace(/\n$/, '');
}
