/**
 * CSV Schema (tag `csvs`), as Rouge 3.30 lexes it (lexers/csvs.rb): `version 1.1` `k w mf`, times
 * and dates `ld`, numbers `mf`, `@directives` `kp`, `column:` names, `$column` references and a
 * line's leading `"quoted name"` `nv`, words `k`, `"…"` `s2`, `'c'` `sc`, `, ( ) *` `p`; `//` and
 * block comments.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { onlyWhereRunThen } from './loop-match.js';

// [-.\w]
const inName = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;

export const csvs: LexerDef = lazyLexer('csvs', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      // Rouge's [\S\t ]: anything but a newline, carriage return, form feed or vertical tab
      rule(/\/\/[^\n\r\f\v]*/, 'c1'),
      rule(/\/\*[^*]*\*\//, 'cm'),
      rule(/(version)( )(\d+\.\d+)/, ['k', 'w', 'mf']),
      rule(/T?\d{2}:\d{2}:\d{2}(\.\d{5})?(Z|(?:[-+]\d{2}:\d{2}))?/, 'ld'),
      rule(/\d{4}-\d{2}-\d{2}/, 'ld'),
      rule(/\d{2}\/\d{2}\/\d{4}/, 'ld'),
      rule(/(\d+[.]?\d*|\d*[.]\d+)(e[+-]?[0-9]+)?/i, 'mf'),
      rule(/\d+/, 'mi'),
      rule(/@\w+/, 'kp'),
      // only where the run of name characters is followed by `:`: the regex would rescan the run
      // from each of its positions that no other rule takes (quadratic)
      onlyWhereRunThen(inName, ':', rule(/[-.\w]+:/, 'nv')),
      rule(/^"[^"]+"/, 'nv'),
      rule(/\$([-.\w]+|("[^"]+"))\/?/, 'nv'),
      rule(/[A-Z]+/i, 'k'),
      rule(/"[^"]*"/, 's2'),
      rule(/'[^\r\n\f']'/, 'sc'),
      rule(/[,()*]/, 'p'),
    ],
  },
}));
