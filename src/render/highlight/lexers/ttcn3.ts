/**
 * TTCN-3, the testing language (tag `ttcn3`), as Rouge 3.30 lexes it (lexers/ttcn3.rb):
 * `module name` `kd nc`, `import` `kn` then a dotted name `nn`; keywords and predefined functions
 * `k`, types `kt`, reserved words `kr`, `true false null` `nb`, other names `n`; `"…"` strings
 * `s` with escapes `se`, `'c'` chars `sc`, `'0101'B` `'1F'H` `'17'O` strings as numbers, numbers
 * with `_` separators; `//` and block comments (whose opener and closer a backslash-newline may
 * split).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { onlyBeforeBlockCommentCloser } from './loop-match.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = set(`module import group type port component signature external execute const template
  function altstep testcase var timer if else select case for while do label goto start stop return
  break int2char int2unichar int2bit int2enum int2hex int2oct int2str int2float float2int char2int
  char2oct unichar2int unichar2oct bit2int bit2hex bit2oct bit2str hex2int hex2bit hex2oct hex2str
  oct2int oct2bit oct2hex oct2str oct2char oct2unichar str2int str2hex str2oct str2float enum2int
  any2unistr lengthof sizeof ispresent ischosen isvalue isbound istemplatekind regexp substr replace
  encvalue decvalue encvalue_unichar decvalue_unichar encvalue_o decvalue_o get_stringencoding
  remove_bom rnd hostid send receive setverdict`);
const RESERVED = set(`all alt apply assert at configuration conjunct const control delta deterministic
  disjunct duration fail finished fuzzy from history implies inconc inv lazy mod mode notinv now omit
  onentry onexit par pass prev realtime seq setstate static stepsize stream timestamp until values
  wait`);
const TYPES = set(`anytype address boolean bitstring charstring hexstring octetstring component enumerated
  float integer port record set of union universal`);

const ID = '[a-zA-Z_]\\w*';
const DIGIT = '(?:\\d_+\\d|\\d)';

export const ttcn3: LexerDef = lazyLexer('ttcn3', () => ({
  states: {
    statements: [
      rule(/\n+/, ''),
      rule(/[ \t\r]+/, ''),
      rule(/\\\n/, ''),
      rule(/\/\/(\\.|.)*?$/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyBeforeBlockCommentCloser(rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm')),
      rule(/"/, 's', 'string'),
      rule(/'(?:\\.|[^\\]|\\u[0-9a-f]{4})'/, 'sc'),
      rule(new RegExp(`${DIGIT}+\\.${DIGIT}+([eE]${DIGIT}+)?[fd]?`, 'i'), 'mf'),
      rule(/'(?:[01]_+[01]|[01])+'B/i, 'mb'),
      rule(/'(?:\h_+\h|\h)+'H/i, 'mh'),
      rule(/'(?:[0-7]_+[0-7]|[0-7])+'O/i, 'mo'),
      rule(`${DIGIT}+`, 'mi'),
      rule(/[~!%^&*+:=|?<>\/-]/, 'o'),
      rule(/[()\[\]{},.;:]/, 'p'),
      rule(/(?:true|false|null)\b/, 'nb'),
      rule(ID, (run, m) => {
        const name = m[0];
        run.token(KEYWORDS.has(name) ? 'k' : TYPES.has(name) ? 'kt' : RESERVED.has(name) ? 'kr' : 'n');
      }),
    ],
    root: [rule(/module\b/, 'kd', 'module'), rule(/import\b/, 'kn', 'import'), mixin('statements')],
    string: [
      rule(/"/, 's', '#pop'),
      rule(/\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})/, 'se'),
      rule(/[^\\"\n]+/, 's'),
      rule(/\\\n/, 's'),
      rule(/\\/, 's'),
    ],
    module: [rule(/\s+/, ''), rule(ID, 'nc', '#pop')],
    import: [rule(/\s+/, ''), rule(/[\w.]+\*?/, 'nn', '#pop')],
  },
}));
