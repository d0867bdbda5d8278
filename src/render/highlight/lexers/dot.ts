/**
 * Graphviz DOT (tag `dot`), as Rouge 3.30 lexes it (lib/rouge/lexers/dot.rb): `graph`, `digraph`,
 * `subgraph`, `node`, `edge`, `strict` (any case) `k`; `{};:=` `p`; edges `--`/`->` and the
 * brackets of an attribute list `o`; `name=` as `n p`, other identifiers `nv`; numbers `mf`/`mi`;
 * `"…"` `s2`; comments `c1`/`cm`. An HTML label `<…>` is `p` around text delegated to one HTML
 * lexer (reset at each label, Rouge's `@html.reset!`). Identifiers outside `[a-zA-Z][a-zA-Z_0-9]*`
 * (an `_x`, a non-ASCII name) have no rule: `err`, one character at a time.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { html } from './html.js';

export const dot: LexerDef = lazyLexer('dot', () => ({
  start: (run) => run.childRun(html).reset(),
  states: {
    comments_and_whitespace: [
      rule(/\s+/, ''),
      rule(/#.*/, 'c1'),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm'),
    ],
    html: [
      rule(/[^<>]+/, (run) => run.delegate(html)),
      rule(/<.+?>/s, (run) => run.delegate(html)),
      rule(/>/, 'p', '#pop'),
    ],
    ID: [
      rule(/([a-zA-Z][a-zA-Z_0-9]*)(\s*)(=)/, ['n', '', 'p']),
      rule(/[a-zA-Z][a-zA-Z_0-9]*/, 'nv'),
      rule(/([0-9]+)?\.[0-9]+/, 'mf'),
      rule(/[0-9]+/, 'mi'),
      rule(/"(\\"|[^"])*"/, 's2'),
      rule(/</, (run) => {
        run.token('p');
        run.childRun(html).reset();
        run.push('html');
      }),
    ],
    a_list: [
      mixin('comments_and_whitespace'),
      mixin('ID'),
      rule(/[=;,]/, 'p'),
      rule(/\]/, 'o', '#pop'),
    ],
    root: [
      mixin('comments_and_whitespace'),
      rule(/\b(strict|graph|digraph|subgraph|node|edge)\b/i, 'k'),
      rule(/[{};:=]/, 'p'),
      rule(/-[->]/, 'o'),
      rule(/\[/, 'o', 'a_list'),
      mixin('ID'),
    ],
  },
}));
