/**
 * Stan (tag `stan`; `.stan` files), as Rouge 3.30 lexes it: program block names (`data`,
 * `transformed parameters`, `model`, `generated quantities`… — no word boundary) `nn` outside
 * braces; `#include` `cp` with its file `cpf`, other `#` lines `gd`; `//` `c1` and `/* *\/` `cm`
 * comments; a function call or definition `type name(` gets its return-type prefix lexed again
 * from the start and the name `nb` (Rouge's builtin functions and distributions) or `nf` — a
 * constant such as `pi(` gives its whole match, prefix included, a second time as `kc`, as Rouge
 * does; reals and imaginary literals `mf`, integers `mi`; operators `o` (Rouge's alternation, in
 * order); `T` `kr`, `lower`/`upper` `na`; words from Rouge's keyword (`k`), type (`kt`) and
 * reserved (`kr`) lists, else `nv`.
 * A `"` string makes Rouge push a state it never defines: it raises, and Jekyll's build fails
 * (RougeRaise), which we reproduce.
 * Found in Bayesian-statistics teaching material (Stan models in course notes).
 */
import { type LexerDef, RougeRaise, lazyLexer, mixin, rule } from '../engine.js';
import {
  STAN_BUILTIN_FUNCTIONS, STAN_CONSTANTS, STAN_DISTRIBUTIONS, STAN_KEYWORDS, STAN_OP, STAN_RESERVED,
  STAN_RT, STAN_TYPES, STAN_WS,
} from '../rouge-words.js';

const ID = '[a-zA-Z_][a-zA-Z0-9_]*';
const REAL = String.raw`((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+|\d+)`;
// Rouge's /mx float rule, extended-mode whitespace removed; its `.`s are inside WS, which keeps
// its own flags (no m), so the regex needs no dotAll here.
const FLOAT =
  `(${REAL}(${STAN_WS})[+-](${STAN_WS})${REAL}i` +
  String.raw`|((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+|\d+)i` +
  String.raw`|((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+))`;

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
    whitespace: [rule(/\n+/s, ''), rule(/\/\/(\\.|.)*?$/, 'c1'), mixin('inline_whitespace')],
    inline_whitespace: [rule(/[ \t\r]+/, ''), rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm')],
    statements: [
      mixin('whitespace'),
      rule(/#include/, 'cp', 'include'),
      rule(/#.*$/, 'gd'),
      rule(/"/, (run) => {
        throw new RougeRaise('unknown state: :string');
      }),
      rule(FLOAT, 'mf'),
      rule(/\d+/, 'mi'),
      rule(/\*\//, 'err'),
      rule(STAN_OP, 'o'),
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
      rule(new RegExp(String.raw`(${STAN_RT})(${ID})(?=\([^;]*?\))`, 's'), (run, m) => {
        run.recurse(m[1]);
        const name = m[2];
        if (STAN_BUILTIN_FUNCTIONS.has(name) || STAN_DISTRIBUTIONS.has(name)) run.token('nb', name);
        else if (STAN_CONSTANTS.has(name)) run.token('kc'); // the whole match, as Rouge's `token Keyword::Constant`
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
