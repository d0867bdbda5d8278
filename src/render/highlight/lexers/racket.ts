/**
 * Racket (tag `racket`; `.rkt` files), as Rouge 3.30 lexes it (lib/rouge/lexers/racket.rb):
 * `;` and `#!` comments `c1`, `#| … |#` (nested) and `#;` datum comments `cm`; numbers `mf`/`mi`,
 * `+inf.0`/`+nan.0` `mf`, `#b`/`#o`/`#d`/`#x` `mb`/`mo`/`mi`/`mh`, `#e`/`#i` `mx`; `#:keyword`
 * `nt`; strings `s`; `'symbol` `ss`; `#\c` characters `sc`; `#t`/`#true`/`#f`/`#false` `no`;
 * quote and unquote marks `o`; after `(`, `[` or `{` the first word is a keyword `k`, a builtin `nb`
 * (Rouge's lists, RACKET_KEYWORDS/RACKET_BUILTINS in rouge-words.ts) or a function `nf`; other
 * words `nv`. A word is anything up to whitespace, a bracket, a quote mark, `,` or `.`.
 * Rouge quirks kept: `'(` is `o` then `p` (the quote-paren rule comes after the operator rule);
 * `-1+` is the number `-1` and the word `+`; `#;` comments out the next bracketed datum, string
 * or run of non-spaces.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { pairedEscapes } from './loop-match.js';
import { RACKET_BUILTINS, RACKET_KEYWORDS } from '../rouge-words.js';

const ID = "[^\\s()\\[\\]{}'`,.]+";

export const racket: LexerDef = lazyLexer('racket', () => ({
  states: {
    root: [
      rule(/;.*$/, 'c1'),
      rule(/#!.*/, 'c1'),
      rule(/#\|/, 'cm', 'block_comment'),
      rule(/#;/, 'cm', 'sexp_comment'),
      rule(/\s+/s, ''),
      rule(/[+-]inf[.][f0]/, 'mf'),
      rule(/[+-]nan[.]0/, 'mf'),
      rule(/[-]min[.]0/, 'mf'),
      rule(/[+]max[.]0/, 'mf'),
      rule(/-?\d+\.\d+/, 'mf'),
      rule(/-?\d+/, 'mi'),
      rule(`#:(?:${ID})+`, 'nt'),
      rule(/#b[01]+/, 'mb'),
      rule(/#o[0-7]+/, 'mo'),
      rule(/#d[0-9]+/, 'mi'),
      rule(/#x[0-9a-f]+/i, 'mh'),
      rule(/#[ei][\d.]+/, 'mx'),
      rule(pairedEscapes('"'), 's'),
      rule("['`]" + ID, 'ss'),
      rule(/#\\([()\/'"._!\$%& ?=+-]{1}|[a-z0-9]+)/i, 'sc'),
      rule(/#t(rue)?|#f(alse)?/i, 'no'),
      rule(/(?:'|#|`|,@|,|\.)/, 'o'),
      rule(/(['#])(\s*)(\()/s, ['ss', '', 'p']),
      rule(/\(|\[|\{/, 'p', 'command'),
      rule(/\)|\]|\}/, 'p'),
      rule(ID, 'nv'),
    ],
    block_comment: [
      rule(/[^|#]+/, 'cm'),
      rule(/\|#/, 'cm', '#pop'),
      rule(/#\|/, 'cm', 'block_comment'),
      rule(/[|#]/, 'cm'),
    ],
    sexp_comment: [
      rule(/[({\[]/, 'cm', 'sexp_comment_inner'),
      rule(/"(?:\\"|[^"])*?"/, 'cm', '#pop'),
      rule(/[^\s]+/, 'cm', '#pop'),
      rule('', (run) => run.pop()),
    ],
    sexp_comment_inner: [
      rule(/[^(){}\[\]]+/, 'cm'),
      rule(/[)}\]]/, 'cm', '#pop'),
      rule(/[({\[]/, 'cm', 'sexp_comment_inner'),
    ],
    command: [
      rule(ID, (run, m) => {
        if (RACKET_KEYWORDS.has(m[0])) run.token('k');
        else if (RACKET_BUILTINS.has(m[0])) run.token('nb');
        else run.token('nf');
        run.pop();
      }),
      rule('', (run) => run.pop()),
    ],
  },
}));
