/**
 * IDL, the Interactive Data Language (tag `idlang`), as Rouge 3.30 lexes it (lexers/idlang.rb):
 * words looked up upper-cased — `STRUCT INHERITS RETURN CONTINUE BEGIN END BREAK GOTO` and the
 * conditionals and operators (`IF THEN ENDIF FOR EQ AND`…) `k`, `COMPILE_OPT` `nd`, `COMMON`
 * `FORWARD_FUNCTION` `kr`, `AND=`-style operators `ow`, IDL's library routines (Rouge's list,
 * `IDLANG_ROUTINES` in rouge-words.ts) `nb`, other names `n`; `pro`/`function` `k` then the
 * routine's name `nf`; `!system` variables `vg`; `name.field` `n o n`; numbers with their type
 * suffixes `mf`/`mi`, `"17` octal `mo`, `'FF'X` hex `mh`; `'…'` `s1` (`''` `se`) and `"…"` `s2`;
 * `;` comments `c1`; `,,` `err`.
 * Its names are Rouge's /[_A-Z]\w*\/i: under Ruby's /i `[A-Z]` also takes ſ and K, `\w` does
 * not; spelled out, and the rules interpolating them are written without JavaScript's `i` (whose
 * `\w` would take those two).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { IDLANG_ROUTINES } from '../rouge-words.js';

const words = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = words('STRUCT INHERITS RETURN CONTINUE BEGIN END BREAK GOTO');
const STANDALONE_STATEMENTS = words('COMMON FORWARD_FUNCTION');
const DECORATORS = words('COMPILE_OPT');
const OPERATORS = words('AND= EQ= GE= GT= LE= LT= MOD= NE= OR= XOR= NOT=');
const CONDITIONALS = words(`OF DO ENDIF ENDELSE ENDFOR ENDFOREACH ENDWHILE ENDREP ENDCASE ENDSWITCH
  IF THEN ELSE FOR FOREACH WHILE REPEAT UNTIL CASE SWITCH AND EQ GE GT LE LT MOD NE OR XOR NOT`);

const NAME = '[_A-Za-z\\u017f\\u212a][A-Za-z0-9_]*';
const KIND_PARAM = `(\\d+|${NAME})`;
const EXPONENT = '[dDeE][+-]\\d+';

export const idlang: LexerDef = lazyLexer('idlang', () => ({
  states: {
    root: [
      rule(/\s+/, 'w'),
      rule(/;.*$/, 'c1'),
      rule(/,\s*,/, 'err'),
      rule(`!${NAME}`, 'vg'),
      rule(/[(),:&$]/, 'p'),
      rule(`[+-]?((\\d+[.]\\d*|[.]\\d+)(${EXPONENT})?|\\d+${EXPONENT})(_${KIND_PARAM})?`, 'mf'),
      rule(/\d+(B|S|U|US|LL|L|ULL|UL)?/i, 'mi'),
      rule(/"[0-7]+(B|O|U|ULL|UL|LL|L)?/i, 'mo'),
      rule(/'[0-9A-F]+'X(B|S|US|ULL|UL|U|LL|L)?/i, 'mh'),
      rule(`(${KIND_PARAM}_)?'`, 's1', 'string_single'),
      rule(`(${KIND_PARAM}_)?"`, 's2', 'string_double'),
      rule(/##|#|&&|\|\||\/=|<=|>=|->|@|\?|[-+*\/<=~^{}]/, 'o'),
      rule(`(${NAME})(\\.)([^\\s,]*)`, ['n', 'o', 'n']),
      rule(/(function|pro)((?:\s|\$\s)+)/i, ['k', 'w'], 'funcname'),
      rule(NAME, (run, m) => {
        const w = m[0].toUpperCase();
        if (KEYWORDS.has(w) || CONDITIONALS.has(w)) run.token('k');
        else if (DECORATORS.has(w)) run.token('nd');
        else if (STANDALONE_STATEMENTS.has(w)) run.token('kr');
        else if (OPERATORS.has(w)) run.token('ow');
        else if (IDLANG_ROUTINES.has(w)) run.token('nb');
        else run.token('n');
      }),
    ],
    funcname: [
      rule(NAME, 'nf'),
      rule(/\s+/, 'w'),
      rule(/(:+|\$)/, 'o'),
      rule(/;.*/, 'c1'),
      rule(/$/, 'w', '#pop'),
      rule(/,/, 'o', '#pop'),
    ],
    string_single: [rule(/[^']+/, 's1'), rule(/''/, 'se'), rule(/'/, 's1', '#pop')],
    string_double: [rule(/[^"]+/, 's2'), rule(/"/, 's2', '#pop')],
  },
}));
