/**
 * Prolog (tag `prolog`), as Rouge 3.30 lexes it (lib/rouge/lexers/prolog.rb): atoms (a lowercase
 * word, or quoted) `ss`, variables `nv`, `"…"` `s2`, numbers `mf`/`m`, `:-` and brackets `p`,
 * operators `o` (`is`, `mod`, `div`, `not` even inside words that start with them, as Rouge's
 * rules have no word boundary), `%` comments `c1`, a `#` line at the very start `c1`. A block
 * comment's text has a rule only for runs starting with `*`: the rest comes out as `err`, one
 * character at a time, as Rouge writes it.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

// Onigmo's POSIX classes on UTF-8 text: [[:lower:]] is Unicode Lowercase, [[:word:]] is
// Letter | Mark | Decimal_Number | Connector_Punctuation.
const WORD = String.raw`[\p{L}\p{M}\p{Nd}\p{Pc}]`;

export const prolog: LexerDef = lazyLexer('prolog', () => ({
  start: (run) => run.push('bol'),
  states: {
    bol: [
      rule(/#.*/, 'c1'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    basic: [
      rule(/\s+/, ''),
      rule(/%.*/, 'c1'),
      rule(/\/\*/, 'cm', 'nested_comment'),
      rule(/[\[\](){}|.,;!]/, 'p'),
      rule(/:-|-->/, 'p'),
      rule(/"[^"]*"/, 's2'),
      rule(/\d+\.\d+/, 'mf'),
      rule(/\d+/, 'm'),
    ],
    atoms: [
      rule(String.raw`\p{Lowercase}(${WORD})*`, 'ss'),
      rule(/'[^']*'/, 'ss'),
    ],
    operators: [
      rule(/(<|>|=<|>=|==|=:=|=|\/|\/\/|\*|\+|-)(?=\s|[a-zA-Z0-9\[])/, 'o'),
      rule(/is/, 'o'),
      rule(/(mod|div|not)/, 'o'),
      rule(/[#&*+-.\/:<=>?@^~]+/, 'o'),
    ],
    variables: [
      rule(/[A-Z]+\w*/, 'nv'),
      rule(String.raw`_${WORD}*`, 'nv'),
    ],
    root: [mixin('basic'), mixin('atoms'), mixin('variables'), mixin('operators')],
    nested_comment: [
      rule(/\/\*/, 'cm', '#push'),
      rule(/\s*\*[^*\/]+/, 'cm'),
      rule(/\*\//, 'cm', '#pop'),
    ],
  },
}));
