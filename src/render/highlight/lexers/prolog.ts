/**
 * Prolog (tag `prolog`; `.pro`, `.P`, `.prolog`, `.pl` files), as Rouge 3.30 lexes it: a `#` line
 * at the very start `c1`; `%` comments `c1`; `/* … *\/` `cm`, where Rouge's nested-comment state
 * only knows runs starting with `*`, so other comment text is `err`; punctuation (also `:-` and
 * `-->`) `p`; strings `s2`; numbers `mf`/`m`; lowercase-initial atoms (Unicode `[[:lower:]]`,
 * then `[[:word:]]`) and quoted atoms `ss`, which shadows the `is`/`mod` operator rules;
 * variables `nv`; operators `o`.
 * Found on logic-programming and AI course pages.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

// Onigmo's POSIX classes on UTF-8 text: [[:lower:]] is the Lowercase property, [[:word:]] the
// word characters (Alphabetic, marks, decimal digits, connector punctuation).
const LOWER = String.raw`\p{Lowercase}`;
const WORD = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]`;

export const prolog: LexerDef = lazyLexer('prolog', () => ({
  start: (run) => run.push('bol'),
  states: {
    bol: [
      rule(/#.*/, 'c1'),
      rule('', (run) => run.pop()),
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
      rule(`${LOWER}(${WORD})*`, 'ss'),
      rule(/'[^']*'/, 'ss'),
    ],
    operators: [
      rule(/(<|>|=<|>=|==|=:=|=|\/|\/\/|\*|\+|-)(?=\s|[a-zA-Z0-9\[])/, 'o'),
      rule(/is/, 'o'),
      rule(/(mod|div|not)/, 'o'),
      // `+-.` is a range (+ , - .), as in Rouge's class
      rule(/[#&*+-.\/:<=>?@^~]+/, 'o'),
    ],
    variables: [
      rule(/[A-Z]+\w*/, 'nv'),
      rule(`_(${WORD})*`, 'nv'),
    ],
    root: [mixin('basic'), mixin('atoms'), mixin('variables'), mixin('operators')],
    nested_comment: [
      rule(/\/\*/, 'cm', '#push'),
      rule(/\s*\*[^*\/]+/, 'cm'),
      rule(/\*\//, 'cm', '#pop'),
    ],
  },
}));
