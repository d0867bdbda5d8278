/**
 * Fortran (tag `fortran`; `.f`, `.f90`… files), as Rouge 3.30 lexes it (free form): `!` comments
 * `c1`, `#` lines `cp`; `::` and `( ) / ; , : & [ ]` punctuation `p` (so `/` and `//` are never
 * operators); a number at the start of a line is a label `nl`; `FORMAT(` opens a format
 * specification whose items are literals `l`; real numbers (with `E`/`D` exponents) `mf`,
 * integers `mi`, `B'…'`/`O'…'`/`Z'…'` `mb`/`mo`/`mh`, all with `_kind` suffixes; strings `s1`/`s2`
 * with doubled quotes `se`; `.TRUE.`/`.FALSE.` `kc`; `.EQ.`-style operators `ow`; names are looked
 * up case-insensitively in Rouge's keyword (`k`), type (`kt`) and intrinsic (`nb`) lists.
 * Rouge builds these rules from its case-insensitive `name` regex (`[A-Z][_A-Z0-9]*`, flag `i`)
 * interpolated into other regexes, where it keeps its own `i` flag: names (and kind parameters, exponents) match in any case everywhere.
 * Found in real research-computing posts (code of HPC and simulation projects on academic sites).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { FORTRAN_INTRINSICS, FORTRAN_KEYWORDS, FORTRAN_TYPES } from '../rouge-words.js';

const NAME = '[A-Za-z][_A-Za-z0-9]*';
const KIND_PARAM = `(\\d+|${NAME})`;
const EXPONENT = '[EDed][+-]?\\d+';

export const fortran: LexerDef = lazyLexer('fortran', () => ({
  states: {
    root: [
      rule(/[\s]+/, 'w'),
      rule(/!.*$/, 'c1'),
      rule(/^#.*$/, 'cp'),
      rule(/::|[()\/;,:&\[\]]/, 'p'),
      rule(/^(\s*)([0-9]+)\b/, ['w', 'nl']),
      rule(/\b(FORMAT)(\s*)(\()/i, ['k', 'w', 'p'], 'format_spec'),
      rule(new RegExp(`[+-]?((\\d+[.]\\d*|[.]\\d+)(${EXPONENT})?|\\d+${EXPONENT})(_${KIND_PARAM})?`, 'i'), 'mf'),
      rule(new RegExp(`[+-]?\\d+(_${KIND_PARAM})?`, 'i'), 'mi'),
      rule(/B'[01]+'|B"[01]+"/i, 'mb'),
      rule(/O'[0-7]+'|O"[0-7]+"/i, 'mo'),
      rule(/Z'[0-9A-F]+'|Z"[0-9A-F]+"/i, 'mh'),
      rule(`(${KIND_PARAM}_)?'`, 's1', 'string_single'),
      rule(`(${KIND_PARAM}_)?"`, 's2', 'string_double'),
      rule(new RegExp(`[.](TRUE|FALSE)[.](_${KIND_PARAM})?`, 'i'), 'kc'),
      rule(/\*\*|\/\/|==|\/=|<=|>=|=>|[-+*/<>=%]/, 'o'),
      rule(/\.(?:EQ|NE|LT|LE|GT|GE|NOT|AND|OR|EQV|NEQV|[A-Z]+)\./i, 'ow'),
      rule(/double\s+precision\b/i, 'kt'),
      rule(/go\s+to\b/i, 'k'),
      rule(/sync\s+(all|images|memory)\b/i, 'k'),
      rule(/error\s+stop\b/i, 'k'),
      rule(new RegExp(NAME, 'i'), (run, m) => {
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
      rule(/[^\s'"(),]+/, 'l'),
    ],
  },
}));
