/**
 * Fortran (tag `fortran`, free form), as Rouge 3.30 lexes it (lib/rouge/lexers/fortran.rb, word
 * lists in ../rouge-words.ts): whitespace is `w`; names are looked up lowercased — keywords `k`,
 * types `kt`, intrinsics `nb`, else `n`; `double precision` `kt`, `go to`/`error stop`/`sync …`
 * `k`; numbers with kind parameters `mf`/`mi` (a sign directly before digits is part of the
 * number: `x-1` is `n mi`); `B'…'`/`O'…'`/`Z'…'` `mb`/`mo`/`mh`; strings `s1`/`s2` with doubled
 * quotes `se`; `.true.` `kc`, `.eq.`/`.and.`… `ow`; `::`, brackets and `/` `p` (before the
 * operator rule, so `/=` is `p o`); a statement label at a line start `nl`; `!` comments `c1`,
 * `#` lines `cp`; `FORMAT(…)` specs with their edit descriptors as `l`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { FORTRAN_INTRINSICS, FORTRAN_KEYWORDS, FORTRAN_TYPES } from '../rouge-words.js';

const NAME = String.raw`[A-Za-z][_A-Za-z0-9]*`;
const KIND = String.raw`(\d+|${NAME})`;
const EXPONENT = String.raw`[ED][+-]?\d+`;

export const fortran: LexerDef = lazyLexer('fortran', () => ({
  states: {
    root: [
      rule(/[\s]+/, 'w'),
      rule(/!.*$/, 'c1'),
      rule(/^#.*$/, 'cp'),
      rule(/::|[()\/;,:&\[\]]/, 'p'),
      rule(/^(\s*)([0-9]+)\b/, ['w', 'nl']),
      rule(/\b(FORMAT)(\s*)(\()/i, ['k', 'w', 'p'], 'format_spec'),
      rule(new RegExp(String.raw`[+-]?((\d+[.]\d*|[.]\d+)(${EXPONENT})?|\d+${EXPONENT})(_${KIND})?`, 'i'), 'mf'),
      rule(new RegExp(String.raw`[+-]?\d+(_${KIND})?`, 'i'), 'mi'),
      rule(/B'[01]+'|B"[01]+"/i, 'mb'),
      rule(/O'[0-7]+'|O"[0-7]+"/i, 'mo'),
      rule(/Z'[0-9A-F]+'|Z"[0-9A-F]+"/i, 'mh'),
      rule(`(${KIND}_)?'`, 's1', 'string_single'),
      rule(`(${KIND}_)?"`, 's2', 'string_double'),
      rule(new RegExp(String.raw`[.](TRUE|FALSE)[.](_${KIND})?`, 'i'), 'kc'),
      rule(/\*\*|\/\/|==|\/=|<=|>=|=>|[-+*\/<>=%]/, 'o'),
      rule(/\.(?:EQ|NE|LT|LE|GT|GE|NOT|AND|OR|EQV|NEQV|[A-Z]+)\./i, 'ow'),
      rule(/double\s+precision\b/i, 'kt'),
      rule(/go\s+to\b/i, 'k'),
      rule(/sync\s+(all|images|memory)\b/i, 'k'),
      rule(/error\s+stop\b/i, 'k'),
      rule(NAME, (run, m) => {
        const word = m[0].toLowerCase();
        if (FORTRAN_KEYWORDS.has(word)) run.token('k');
        else if (FORTRAN_TYPES.has(word)) run.token('kt');
        else if (FORTRAN_INTRINSICS.has(word)) run.token('nb');
        else run.token('n');
      }),
    ],
    string_single: [rule(/[^']+/, 's1'), rule(/''/, 'se'), rule(/'/, 's1', '#pop')],
    string_double: [rule(/[^"]+/, 's2'), rule(/""/, 'se'), rule(/"/, 's2', '#pop')],
    format_spec: [
      rule(/'/, 's1', 'string_single'),
      rule(/"/, 's2', 'string_double'),
      rule(/\(/, 'p', 'format_spec'),
      rule(/\)/, 'p', '#pop'),
      rule(/,/, 'p'),
      rule(/[\s]+/, 'w'),
      // Edit descriptors could be seen as a kind of "format literal".
      rule(/[^\s'"(),]+/, 'l'),
    ],
  },
}));
