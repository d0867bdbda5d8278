/**
 * ReScript (tag `rescript`; `.res`, `.resi`), as Rouge 3.30 lexes it (lexers/rescript.rb,
 * `ReScript < OCamlCommon`, reusing ./ocaml.ts's shared states): `, . : ? ~ \` bare; `true`/`false`
 * `kc`; `Module.` paths `nn`; `@decorator.path` `nd`; `#poly` variants and capitalised words `nc`;
 * `//` `c1` and nested `/*`…`*\/` `cm` comments; its own keywords `k`, word operators `ow`, types
 * `kt`, else `n`; brackets `p`, operators `o`; numbers as OCaml's; `'x'` `sc` (any but `'/'`), a
 * lone quote `k`; `"…"` `s2` with escapes `se`; `` `…${expr}…` `` template strings `s2` whose
 * `${ }` are lexed as code (`p` around them).
 * Rouge quirk kept: `\btrue|false\b` is `\btrue` or `false\b`, so `trueish` starts with `kc`.
 * For React/ReScript front-end posts.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { ID, UPPER_ID, ocamlCommon, ocamlLiterals } from './ocaml.js';

const KEYWORDS = new Set(
  `open let rec and as exception assert lazy if else for in to downto while switch when external type
  private mutable constraint include module of with try import export`.split(/\s+/),
);
const TYPES = new Set('bool int float char string unit list array option ref exn format'.split(' '));
const WORD_OPERATORS = new Set('mod land lor lxor lsl lsr asr or'.split(' '));

export const rescript: LexerDef = lazyLexer('rescript', () => ({
  states: {
    root: [
      rule(/\s+/s, ''),
      rule(/[,.:?~\\]/, ''),
      rule(/\btrue|false\b/, 'kc'),
      rule(String.raw`${UPPER_ID}(?=\s*[.])`, 'nn', 'dotted'),
      rule(new RegExp(String.raw`@${ID}(\.${ID})*`, 'i'), 'nd'),
      rule(new RegExp('#' + ID, 'i'), 'nc'),
      rule(UPPER_ID, 'nc'),
      rule(/\/\/.*/, 'c1'),
      rule(/\/\*/, 'cm', 'comment'),
      rule(new RegExp(ID, 'i'), (run, m) => {
        const w = m[0];
        run.token(KEYWORDS.has(w) ? 'k' : WORD_OPERATORS.has(w) ? 'ow' : TYPES.has(w) ? 'kt' : 'n');
      }),
      rule(/[(){}\[\];]+/, 'p'),
      rule(/[;_!$%&*+/<=>@^|-]+/, 'o'),
      ...ocamlLiterals(),
      rule(/'[^'/]'/, 'sc'),
      rule(/'/, 'k'),
      rule(/"/, 's2', 'string'),
      rule(/`/, 's2', 'interpolated_string'),
    ],
    comment: [
      rule(/[^/*]+/, 'cm'),
      rule(/\/\*/, 'cm', 'comment'),
      rule(/\*\//, 'cm', '#pop'),
      rule(/[*/]/, 'cm'),
    ],
    interpolated_string: [
      rule(/[$]\{/, 'p', 'interpolated_expression'),
      rule(/`/, 's2', '#pop'),
      rule(/\\[$`]/, 'se'),
      rule(/[^$`\\]+/, 's2'),
      rule(/[\\$]/, 's2'),
    ],
    interpolated_expression: [rule(/\}/, 'p', '#pop'), mixin('root')],
    ...ocamlCommon(),
  },
}));
