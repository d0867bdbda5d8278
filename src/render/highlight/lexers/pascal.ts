/**
 * Pascal (tag `pascal`: Delphi, Free Pascal), as Rouge 3.30 lexes it
 * (lib/rouge/lexers/pascal.rb): `//`, `--` comments `c1`, `(* *)` and `{ }` `cm` (so `{$mode
 * objfpc}` directives too); numbers `m` (with C's suffixes), `$FF` `mh`; `'…'` strings `s` (with
 * `''` inside); `true false nil` `nb`; keywords `k` and type names `kt` in any case; other names
 * `n`; every punctuation character `p` (operators such as `:=` are two `p` characters).
 * Rouge's names (`@?[_a-z]\w*` under `/i`) are written without the `i` flag as `[_a-zA-Zſ\u212A]`: under `/i`
 * Onigmo's `[a-z]` takes `ſ` and `K` but its `\w` does not, while JavaScript's `\w` would.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

const KEYWORDS = `absolute abstract all and and_then array as asm assembler attribute
  begin bindable case class const constructor delay destructor div do
  downto else end except exit export exports external far file finalization
  finally for forward function goto if implementation import in inc index
  inherited initialization inline interface interrupt is label library
  message mod module near nil not object of on only operator or or_else
  otherwise out overload override packed pascal pow private procedure program
  property protected public published qualified raise read record register
  repeat resident resourcestring restricted safecall segment set shl shr
  stdcall stored string then threadvar to try type unit until uses value var
  view virtual while with write writeln xor`.split(/\s+/);

const KEYWORDS_TYPE = `ansichar ansistring bool boolean byte bytebool cardinal char comp currency
  double dword extended int64 integer iunknown longbool longint longword pansichar
  pansistring pbool pboolean pbyte pbytearray pcardinal pchar pcomp pcurrency
  pdate pdatetime pdouble pdword pextended phandle pint64 pinteger plongint plongword
  pointer ppointer pshortint pshortstring psingle psmallint pstring pvariant pwidechar
  pwidestring pword pwordarray pwordbool real real48 shortint shortstring single
  smallint string tclass tdate tdatetime textfile thandle tobject ttime variant
  widechar widestring word wordbool`.split(/\s+/);

export const pascal: LexerDef = lazyLexer('pascal', () => ({
  states: {
    whitespace: [
      rule(/\s+/s, ''),
      rule(/(\/\/).*$\n?/, 'c1'),
      rule(/(--).*$\n?/, 'c1'),
      rule(/\(\*.*?\*\)/s, 'cm'),
      rule(/\{.*?\}/s, 'cm'),
    ],
    root: [
      { mixin: 'whitespace' },
      rule(
        /((0(x|X)[0-9a-fA-F]*)|(([0-9]+\.?[0-9]*)|(\.[0-9]+))((e|E)(\+|-)?[0-9]+)?)(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?/,
        'm',
      ),
      rule(/\$[0-9A-Fa-f]+/, 'mh'),
      rule(/[~!@#\$%\^&\*\(\)\+`\-={}\[\]:;<>\?,\.\/\|\\]/, 'p'),
      rule(/'([^']|'')*'/, 's'),
      rule(/(true|false|nil)\b/i, 'nb'),
      rule(new RegExp(`\\b(${KEYWORDS.join('|')})\\b`, 'i'), 'k'),
      rule(new RegExp(`\\b(${KEYWORDS_TYPE.join('|')})\\b`, 'i'), 'kt'),
      rule(/@?[_a-zA-Zſ\u212A]\w*/, 'n'),
    ],
  },
}));
