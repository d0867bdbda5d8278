// Jekyll's `smartify` filter runs kramdown's SmartyPants parser: only smart quotes, typographic
// symbols, entities and span HTML are recognised; everything else is text. We reuse the same
// inline rules as the Markdown converter, on a markdown-it instance with nothing else enabled.
import markdownIt, { type MarkdownIt } from 'markdown-it';
import { typographyPlugin } from './plugins/kramdown-inline.js';
import { entityPlugin } from './plugins/entity.js';
import type { KramdownOptions } from './options.js';
import { Converter } from './converter.js';
import { mathjax } from './math.js';

let md: MarkdownIt | null = null;

export function smartifyWith(text: string, opts: KramdownOptions): string {
  if (!md) {
    md = markdownIt('zero', { html: true });
    md.inline.ruler.enable(['entity', 'html_inline']);
    typographyPlugin(md);
    entityPlugin(md);
  }
  const env = {};
  const tokens = md.parseInline(String(text), env);
  const conv = new Converter({
    opts, highlight: null, env, gfmIds: new Map(), basicIds: new Map(), toc: [], tocPlaceholder: null,
    footnotes: [], footnotesByLabel: new Map(), footnoteDefs: new Map(), alds: new Map(), autoIds: false, math: mathjax,
  });
  return conv.inline(tokens[0]?.children ?? []);
}
