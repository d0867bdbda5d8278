/**
 * Stan (tag `stan`), the probabilistic programming language of Bayesian modelling posts, as
 * Rouge 3.30 lexes it (lib/rouge/lexers/stan.rb, word lists in ../rouge-words.ts):
 * - Block names (`data`, `transformed parameters`, `model`, `generated quantities`…) `nn` — at the
 *   top level only, and with no word boundary after them, as Rouge's rule is written.
 * - A name followed by `(…)` is a call: a builtin function or distribution `nb`, a constant `kc`,
 *   else `nf`; Rouge's rule also reads a "return type" of one-letter words before the name
 *   (`RT`), lexed again by a fresh Stan lexer, and for a constant then writes the whole match.
 * - Other names: keywords `k`, types `kt`, reserved words `kr`, else `nv`; `lower`/`upper` `na`,
 *   `T` `kr`; numbers `mf` (a complex literal `1 + 2i` is one token) / `mi`; operators `o`
 *   (Rouge's alternation, `=` first, so `==` is two `=` merged); `#include` `cp` + file `cpf`;
 *   other `#` lines `gd`; comments `c1`/`cm`; a stray `*\/` `err`.
 * - A `"` pushes Rouge's `:string` state, which stan.rb never defines: Rouge raises "unknown
 *   state" and Jekyll's conversion fails; the engine throws the same way here.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import {
  STAN_BUILTIN_FUNCTIONS, STAN_CONSTANTS, STAN_DISTRIBUTIONS, STAN_KEYWORDS, STAN_RESERVED, STAN_TYPES,
} from '../rouge-words.js';

// Rouge's WS, ID and RT, interpolated into its extended-mode regexes (each keeps its own flags:
// WS's `.` does not cross a newline).
const WS = String.raw`(?:\s|//.*?\n|/[*].*?[*]/)+`;
const ID = String.raw`[a-zA-Z_][a-zA-Z0-9_]*`;
const RT = String.raw`(?:(?:[a-z_]\s*(?:\[[0-9, ]\])?)\s+)*`;
const NUM = String.raw`((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+|\d+)`;
const FLOAT = String.raw`(${NUM}(${WS})[+-](${WS})${NUM}i)|${NUM}i|((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+)`;
const OP = String.raw`=|<|<=|>|>=|==|!=|!|&&|\|\||\+|-|\*|/|\^|'|\.\+|\.-|\.\*|\./|\.\^|\\|\+=|-=|\*=|/=|\.\*=|\./=|~|\?|:`;

export const stan: LexerDef = lazyLexer('stan', () => ({
  states: {
    root: [
      mixin('whitespace'),
      rule(/#include/, 'cp', 'include'),
      rule(/#.*$/, 'gd'),
      rule(/functions|(?:transformed\s+)?data|(?:transformed\s+)?parameters|model|generated\s+quantities/, 'nn'),
      rule(/\{/, 'p', 'bracket_scope'),
      mixin('scope'),
    ],
    include: [rule(/(\s+)(\S+)(\s*)/, ['', 'cpf', ''], '#pop')],
    whitespace: [
      rule(/\n+/, ''),
      rule(/\/\/(\\.|.)*?$/, 'c1'),
      mixin('inline_whitespace'),
    ],
    inline_whitespace: [
      rule(/[ \t\r]+/, ''),
      rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm'),
    ],
    statements: [
      mixin('whitespace'),
      rule(/#include/, 'cp', 'include'),
      rule(/#.*$/, 'gd'),
      // Rouge pushes a state it never defines (see above).
      rule(/"/, 's', 'string'),
      rule(FLOAT, 'mf'),
      rule(/\d+/, 'mi'),
      rule(/\*\//, 'err'),
      rule(OP, 'o'),
      rule(/[\[\],.;]/, 'p'),
      rule(/[|](?![|])/, 'p'),
      rule(/T\b/, 'kr'),
      rule(/(lower|upper)\b/, 'na'),
      rule(ID, (run, m) => {
        const name = m[0];
        if (STAN_KEYWORDS.has(name)) run.token('k');
        else if (STAN_TYPES.has(name)) run.token('kt');
        else if (STAN_RESERVED.has(name)) run.token('kr');
        else run.token('nv');
      }),
    ],
    scope: [
      mixin('whitespace'),
      rule(`(${RT})(${ID})(?=\\([^;]*?\\))`, (run, m) => {
        run.recurse(m[1]);
        const name = m[2];
        if (STAN_BUILTIN_FUNCTIONS.has(name) || STAN_DISTRIBUTIONS.has(name)) run.token('nb', name);
        // Rouge's `token Keyword::Constant` with no value: the whole match, return type included.
        else if (STAN_CONSTANTS.has(name)) run.token('kc');
        else run.token('nf', name);
      }),
      rule(/\{/, 'p', 'bracket_scope'),
      rule(/\(/, 'p', 'parens_scope'),
      mixin('statements'),
    ],
    bracket_scope: [mixin('scope'), rule(/\}/, 'p', '#pop')],
    parens_scope: [mixin('scope'), rule(/\)/, 'p', '#pop')],
  },
}));
