/**
 * Rego, Open Policy Agent's policy language (tag `rego`), as Rouge 3.30 lexes it
 * (lexers/rego.rb): `true false null` `kc`, `as default else import not package some with` `ow`,
 * other words `n`; `"…"` `s2` (no escapes inside: a `\"` ends the string); numbers `m`/`mf`;
 * `#` comments `c1`; operators `o`, punctuation `p`. Backquoted raw strings are not lexed as
 * strings (`` ` `` is an error, as in Rouge).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

const CONSTANTS = new Set(['true', 'false', 'null']);
const OPERATORS = new Set(['as', 'default', 'else', 'import', 'not', 'package', 'some', 'with']);
// Onigmo's [[:word:]] on UTF-8 text: Alphabetic, marks, decimal digits, connector punctuation.
const WORD = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]`;

export const rego: LexerDef = lazyLexer('rego', () => ({
  states: {
    basic: [
      rule(/\s+/, ''),
      rule(/#.*/, 'c1'),
      rule(/[\[\](){}|.,;!]/, 'p'),
      rule(/"[^"]*"/, 's2'),
      rule(/-?\d+\.\d+([eE][+-]?\d+)?/, 'mf'),
      rule(/-?\d+([eE][+-]?\d+)?/, 'm'),
      rule(/\\u[0-9a-fA-F]{4}/, 'mh'),
      rule(/\\["\/bfnrt]/, 'se'),
    ],
    operators: [rule(/(=|!=|>=|<=|>|<|\+|-|\*|%|\/|\||&|:=)/, 'o'), rule(/[\/:?@^~]+/, 'o')],
    root: [
      mixin('basic'),
      mixin('operators'),
      rule(`${WORD}+`, (run, m) => {
        const w = m[0];
        run.token(CONSTANTS.has(w) ? 'kc' : OPERATORS.has(w) ? 'ow' : 'n');
      }),
    ],
  },
}));
