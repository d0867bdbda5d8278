/**
 * Vala (tag `vala`; `.vala` files), as Rouge 3.30 lexes it (lexers/vala.rb): `//` `c1` and
 * `/*`…`*\/` `cm` comments; `[Attribute]` at a line's start `na`; `<[ ]>` `k`; every punctuation
 * and operator character `p`; `"…"` and `@"…"` `s`, `'c'` `sc`; numbers `m`; keywords `k`, types
 * `kt`; `class`/`struct` `k` then the name `nc`; `namespace`/`using` `k` then the name `nn`; a
 * name before `(` `nf`, others `n`; `#` lines `cp`.
 * Rouge quirks kept: `class`, `struct`, `namespace` and `using` match without word boundaries, so
 * `classify` is `k` then a class name `ify`; a `"…` string also ends at a line end.
 * Rouge's `[_a-z]` under `/i` also takes `ſ` and `K` in Onigmo (its `\w` does not): written
 * without the flag. Its lazy string rules, exponential on an unclosed quote before a run of
 * backslashes, are written linearly with the same matches.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { lazyEscapes, onlyWhereLater } from './loop-match.js';

const ID = String.raw`@?[_a-zA-Zſ\u212A]\w*`;
const KEYWORDS = `abstract as async base break case catch const construct continue
  default delegate delete do dynamic else ensures enum errordomain
  extern false finally for foreach get global if in inline interface
  internal is lock new null out override owned private protected
  public ref requires return set signal sizeof static switch this
  throw throws true try typeof unowned var value virtual void weak
  while yield`
  .split(/\s+/)
  .join('|');
const TYPES = `bool char double float int int8 int16 int32 int64 long short size_t
  ssize_t string unichar uint uint8 uint16 uint32 uint64 ulong ushort`
  .split(/\s+/)
  .join('|');

/**
 * Rouge's `"(\\.|.)*?["\n]`: the first quote or line end not escaped, a backslash before a line
 * end counting as a character (so the line end closes); at the end of the text with neither,
 * backtracking ends at the last quote (lazyEscapes' argument).
 */
export const STRING = String.raw`"(?:\\[^\n]|[^"\\\n]|\\(?=\n))*["\n]|"[^\n]*"`;

export const vala: LexerDef = lazyLexer('vala', () => ({
  states: {
    whitespace: [
      rule(/\s+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      // needs a `*/`: only tried where one is left (linear on many unclosed openers)
      onlyWhereLater('*/', 2, rule(/\/[*].*?[*]\//s, 'cm')),
    ],
    root: [
      { mixin: 'whitespace' },
      rule(/^\s*\[.*?\]/, 'na'),
      rule(String.raw`(<\[)\s*(${ID}:)?`, 'k'),
      rule(/\]>/, 'k'),
      rule(/[~!%^&*()+=|[\]{}:;,.<>/?-]/, 'p'),
      rule('@' + lazyEscapes('"'), 's'),
      rule(STRING, 's'),
      rule(/'(\\.|.)'/, 'sc'),
      rule(/0x[0-9a-f]+[lu]?/i, 'm'),
      rule(/[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?/i, 'm'),
      rule(String.raw`\b(${KEYWORDS})\b`, 'k'),
      rule(String.raw`\b(${TYPES})\b`, 'kt'),
      rule(/class|struct/, 'k', 'class'),
      rule(/namespace|using/, 'k', 'namespace'),
      rule(String.raw`${ID}(?=\s*[(])`, 'nf'),
      rule(ID, 'n'),
      rule(/#.*/, 'cp'),
    ],
    class: [{ mixin: 'whitespace' }, rule(ID, 'nc', '#pop')],
    namespace: [{ mixin: 'whitespace' }, rule(/(?=[(])/, '', '#pop'), rule(String.raw`(${ID}|[.])+`, 'nn', '#pop')],
  },
}));
