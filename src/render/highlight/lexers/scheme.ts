/**
 * Scheme (tag `scheme`; `.scm`, `.ss` files), as Rouge 3.30 lexes it: `;` comments `c1`; numbers
 * `mf`/`mi`, `#b`/`#o`/`#d`/`#x` `mb`/`mo`/`mi`/`mh`, `#e`/`#i` `mx`, `+inf.0` `m`; strings `s`;
 * `'symbol` `ss`; `#\c` characters `sc`; `#t`/`#f` `no`; quote and unquote marks `o`; after an
 * opening `(` or `[` the first word is a keyword `k`, a builtin `nb` or a function `nf` (from
 * Rouge's lists); other words `nv`.
 * Found on programming-languages course pages (SICP-style exercises).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { pairedEscapes } from './loop-match.js';
import { SCHEME_BUILTINS, SCHEME_KEYWORDS } from '../rouge-words.js';

const ID = String.raw`[a-z0-9!$%&*+,\/:<=>?@^_~|-]+`;

export const scheme: LexerDef = lazyLexer('scheme', () => ({
  states: {
    root: [
      rule(/;.*$/, 'c1'),
      rule(/\s+/s, ''),
      rule(/-?\d+\.\d+/, 'mf'),
      rule(/-?\d+/, 'mi'),
      rule(/[+-]inf[.][f0]/, 'm'),
      rule(/#b[01]+/, 'mb'),
      rule(/#o[0-7]+/, 'mo'),
      rule(/#d[0-9]+/, 'mi'),
      rule(/#x[0-9a-f]+/i, 'mh'),
      rule(/#[ei][\d.]+/, 'mx'),
      rule(pairedEscapes('"'), 's'),
      rule(new RegExp(`'${ID}`, 'i'), 'ss'),
      rule(/#\\([()\/'"._!\$%& ?=+-]{1}|[a-z0-9]+)/i, 'sc'),
      rule(/#t|#f/, 'no'),
      rule(/(?:'|#|`|,@|,|\.)/, 'o'),
      rule(/(['#])(\s*)(\()/s, ['ss', '', 'p']),
      rule(/\(|\[/, 'p', 'command'),
      rule(/\)|\]/, 'p'),
      rule(new RegExp(ID, 'i'), 'nv'),
    ],
    command: [
      rule(new RegExp(ID, 'i'), (run, m) => {
        if (SCHEME_KEYWORDS.has(m[0])) run.token('k');
        else if (SCHEME_BUILTINS.has(m[0])) run.token('nb');
        else run.token('nf');
        run.pop();
      }),
      rule('', (run) => run.pop()),
    ],
  },
}));
