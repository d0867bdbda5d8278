/**
 * Xojo, formerly REALbasic (tags `xojo`, `realbasic`), as Rouge 3.30 lexes it (lexers/xojo.rb):
 * `rem`, `//` and `'` comments `c1`, `#tag Note … #tag EndNote` and `#` lines `cp`, keywords `k`,
 * types `kd`, word operators `o`, `"…"` strings `s2`, numbers (`&h` hex, `&o` octal), other
 * words bare text, operators `o`, punctuation `p`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { onlyWhereLaterMatch } from './loop-match.js';

const KEYWORDS = `addhandler aggregates array asc assigns attributes begin break byref byval call case catch class
  const continue char ctype declare delegate dim do downto each else elseif end enum event exception exit
  extends false finally for function global goto if implements inherits interface lib loop mod module new
  next nil object of optional paramarray private property protected public raise raiseevent rect redim
  removehandler return select shared soft static step sub super then to true try until using uend uhile`;
const KEYWORDS_TYPE = `boolean cfstringref cgfloat cstring curency date double int8 int16 int32 int64 integer
  ostype pstring ptr short single single string structure variant uinteger uint8 uint16 uint32 uint64
  ushort windowptr wstring`;
const OPERATOR_WORDS = 'addressof weakaddressof and as in is isa mod not or xor';
const alternation = (words: string) => words.trim().split(/\s+/).join('|');

export const xojo: LexerDef = lazyLexer('xojo', () => ({
  states: {
    root: [
      rule(/\s+/, 'w'),
      rule(/rem\b.*?$/i, 'c1'),
      rule(/[\/\/'].*$/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLaterMatch(/#tag EndNote/gi, 9, rule(/#tag Note.*?#tag EndNote/is, 'cp')),
      rule(/\s*[#].*$/, 'cp'),
      rule(/".*?"/, 's2'),
      rule(/[(){}!#,:]/, 'p'),
      rule(new RegExp(`\\b(?:${alternation(KEYWORDS)})\\b`, 'i'), 'k'),
      rule(new RegExp(`\\b(?:${alternation(KEYWORDS_TYPE)})\\b`, 'i'), 'kd'),
      rule(new RegExp(`\\b(?:${alternation(OPERATOR_WORDS)})\\b`, 'i'), 'o'),
      rule(/[+-]?(\d+\.\d*|\d*\.\d+)/i, 'mf'),
      rule(/[+-]?\d+/, 'mi'),
      rule(/&[CH][0-9a-f]+/i, 'mh'),
      rule(/&O[0-7]+/i, 'mo'),
      rule(/\b[\w\.]+\b/i, ''),
      rule(/<=|>=|<>|[=><+\-*\/\\]/, 'o'),
    ],
  },
}));
