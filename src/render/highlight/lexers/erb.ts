/**
 * ERB (tags `erb`, `eruby`, `rhtml`), as Rouge 3.30 lexes it (lib/rouge/lexers/erb.rb, a
 * TemplateLexer): `<% … %>` tags (`<%=`, `<%-`, `<%%` too) are `cp` around Ruby, lexed by one
 * Ruby lexer for the whole block; `<%# … %>` comments `c`; the text between tags is lexed by one
 * HTML lexer (or the `parent` option's lexer) for the whole block.
 */
import { type LexRun, type LexerDef, lazyLexer, rule } from '../engine.js';
import { html } from './html.js';
import { ruby } from './ruby.js';
import { sublexers } from './sublexers.js';

const OPEN = '<%%|<%=|<%#|<%-|<%';
const CLOSE = '%%>|-%>|%>';

/** TemplateLexer#parent: the `parent` option's lexer, else HTML. */
function parent(run: LexRun): LexerDef {
  const values = run.options.getAll('parent');
  return (values.length ? sublexers.find(values[values.length - 1]) : undefined) ?? html;
}

export const erb: LexerDef = lazyLexer('erb', () => ({
  states: {
    root: [
      rule(/<%#/, 'c', 'comment'),
      rule(OPEN, 'cp', 'ruby'),
      rule(new RegExp(`.+?(?=${OPEN})|.+`, 's'), (run) => run.delegate(parent(run))),
    ],
    comment: [rule(CLOSE, 'c', '#pop'), rule(new RegExp(`.+?(?=${CLOSE})|.+`, 's'), 'c')],
    ruby: [rule(CLOSE, 'cp', '#pop'), rule(new RegExp(`.+?(?=${CLOSE})|.+`, 's'), (run) => run.delegate(ruby))],
  },
}));
