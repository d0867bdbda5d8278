/**
 * Awk (tag `awk`; `.awk` files), as Rouge 3.30 lexes it: `#` comments `c1`; operators `o` and
 * `( [ ,` `p`, after which (and after `;`, `{`, `}`, keywords and `function`) a `/…/` is a regex
 * `sr` with escapes, groups and quantifiers `se` (a line ending inside it is an error `err`);
 * keywords `k`, `function` `kd`, `BEGIN`/`END` `kr`, `NR`/`FS`… `kc`, builtins `nb`, `$1`/`$NF`
 * `nv`, other names `nx`; numbers `mf`/`mi`; strings `s2`.
 * Rouge's `(?<=\n)(?=\s|/)` rule never matches (a lookbehind at the start of a pattern sees
 * nothing under StringScanner), so a `/` at the start of a line after a value is an operator.
 * For the awk one-liners of shell and data-processing posts.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { regexLiteralStates, ternaryRule, ternaryState } from './javascript.js';

const KEYWORDS = new Set(
  'if else while for do break continue return next nextfile delete exit print printf getline'.split(' '),
);
const RESERVED = new Set(['BEGIN', 'END']);
const CONSTANTS = new Set('CONVFMT FS NF NR FNR FILENAME RS OFS ORS OFMT SUBSEP ARGC ARGV ENVIRON'.split(' '));
const BUILTINS = new Set(
  'exp log sqrt sin cos atan2 length rand srand int substr index match split sub gsub sprintf system tolower toupper'.split(' '),
);

export const awk: LexerDef = lazyLexer('awk', () => ({
  states: {
    comments_and_whitespace: [rule(/\s+/, ''), rule(/#.*?$/, 'c1')],
    expr_start: [
      mixin('comments_and_whitespace'),
      rule(/\//, (run) => {
        run.token('sr');
        run.goto('regex');
      }),
      rule('', '', '#pop'),
    ],
    ...regexLiteralStates(null),
    root: [
      mixin('comments_and_whitespace'),
      rule(/(?<=\n)(?=\s|\/)/, '', 'expr_start'),
      rule(/[-<>+*\/%\^!=]=?|in\b|\+\+|--|\|/, 'o', 'expr_start'),
      rule(/&&|\|\||~!?/, 'o', 'expr_start'),
      rule(/[(\[,]/, 'p', 'expr_start'),
      rule(/;/, 'p', 'statement'),
      rule(/[)\].]/, 'p'),
      ternaryRule(),
      rule(/[{}]/, 'p', 'statement'),
      rule(/[$a-zA-Z_][a-zA-Z0-9_]*/, (run, m) => {
        const w = m[0];
        if (KEYWORDS.has(w)) {
          run.token('k');
          run.push('expr_start');
        } else if (w === 'function') {
          run.token('kd');
          run.push('expr_start');
        } else if (RESERVED.has(w)) run.token('kr');
        else if (CONSTANTS.has(w)) run.token('kc');
        else if (BUILTINS.has(w)) run.token('nb');
        else if (w.startsWith('$')) run.token('nv');
        else run.token('nx');
      }),
      rule(/[0-9]+\.[0-9]+/, 'mf'),
      rule(/[0-9]+/, 'mi'),
      // Rouge's /"(\\[\\"]|[^"])*"/ backtracks exponentially in V8 on an unclosed string (Onigmo
      // gets through). Same matches, linear: the greedy path (a backslash pairs with a following
      // backslash or quote) ends at the first quote it does not pair; where it runs off the end
      // instead, every quote was paired and backtracking ends at the last one.
      rule(/"(?:[^"\\]|\\[\\"]|\\(?![\\"]))*"|"[\s\S]*"/, 's2'),
      rule(/:/, 'p'),
    ],
    statement: [rule(/[{}]/, 'p'), mixin('expr_start')],
    ternary: ternaryState(),
  },
}));
