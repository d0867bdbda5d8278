/**
 * Io (tag `io`), as Rouge 3.30 lexes it (lexers/io.rb): `nil false true` `kc`, Io's builtin
 * messages (`clone`, `method`, `if`…) `nb`, capitalised names `nc`, other names `n`; `//`, `#`
 * and block comments, `/+ … +/` nested `cm`; `"…"` `s`; `:=`/`::=` and `@`/`@@` `k`; numbers
 * `mf` (Rouge's float rule takes integers too); `()` `p`, operators `o`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { onlyBeforeBlockCommentCloser, pairedEscapes } from './loop-match.js';

const CONSTANTS = new Set(['nil', 'false', 'true']);
const BUILTINS = new Set(
  'args call clone do doFile doString else elseif for if list method return super then'.split(' '),
);

export const io: LexerDef = lazyLexer('io', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/\/\/.*/, 'c1'),
      rule(/#.*/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyBeforeBlockCommentCloser(rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm')),
      rule(/\/[+]/, 'cm', 'nested_comment'),
      // Rouge's "(\\\\|\\"|[^"])*": the same matches without its exponential backtracking
      rule(pairedEscapes('"'), 's'),
      rule(/:?:=/, 'k'),
      rule(/[()]/, 'p'),
      rule(/[-=;,*+><!\/|^.%&\[\]{}]/, 'o'),
      rule(/[A-Z]\w*/, 'nc'),
      rule(/[a-z_]\w*/, (run, m) => {
        const w = m[0];
        run.token(CONSTANTS.has(w) ? 'kc' : BUILTINS.has(w) ? 'nb' : 'n');
      }),
      rule(/(\d+[.]?\d*|\d*[.]\d+)(e[+-]?[0-9]+)?/i, 'mf'),
      rule(/\d+/, 'mi'),
      rule(/@@?/, 'k'),
    ],
    nested_comment: [rule(/[^\/+]+/, 'cm'), rule(/\/[+]/, 'cm', 'nested_comment'), rule(/[+]\//, 'cm', '#pop')],
  },
}));
