/**
 * Kotlin (tag `kotlin`), as Rouge 3.30 lexes it (lib/rouge/lexers/kotlin.rb): `class`, `data
 * class`, `interface`, `object`, `val`, `var` are `kd` and the name after them `nc` (classes) or
 * `py` (properties, also each name of a `val (a, b)` destructuring); the name after `fun` `nf`;
 * after `package`/`import` the rest up to whitespace `nn`; other keywords `k`; `@Name` and
 * `label@` `nd`; capitalised names `nc` (with `<…>` type parameters, where `in`/`out`/`reified`
 * are `k`); a name before `(` or `{` `nf`; every operator character is punctuation `p` except
 * `::`, `!!`, `?:`, `?.`, `..` (`o`); numbers `mf`/`mb`/`mh`/`mi`; strings `s` (no template
 * interpolation: `"$x ${y}"` is one `s`), characters `sc`; comments `c1`/`cm` (block comments nest).
 * Rouge quirks kept: a name may contain `-` (`a-b` is one `n`), so may a number's digits `_`;
 * a line's leading `[…]` is an attribute `na`; `object` before `:` leaves the lexer in the class
 * state, so the next characters are errors until a capitalised name.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { afterBlankRun, pairedEscapesToLineEnd } from './loop-match.js';


const KEYWORDS = `abstract annotation as break by catch class companion const
  constructor continue crossinline do dynamic else enum
  external false final finally for fun get if import in infix
  inline inner interface internal is lateinit noinline null
  object open operator out override package private protected
  public reified return sealed set super suspend tailrec this
  throw true try typealias typeof val var vararg when where
  while yield`.split(/\s+/).join('|');

const BT = '`';
// Ruby interpolates a Regexp as a group (`(?-mix:…)`), so each piece below is one group.
const NAME_CHARS = String.raw`(?:[-_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Nl}\p{Nd}\p{Pc}\p{Cf}\p{Mn}\p{Mc}]*)`;
const CLASS_NAME = String.raw`(?:${BT}?[\p{Lu}]${NAME_CHARS}${BT}?)`;
const NAME = String.raw`(?:${BT}?[_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Nl}]${NAME_CHARS}${BT}?)`;

const DEC_DIGITS = '(?:[0-9][0-9_]*[0-9]|[0-9])';
const EXPONENT = `(?:[eE][+-]?${DEC_DIGITS})`;
const DOUBLE = String.raw`(?:${DEC_DIGITS}?\.${DEC_DIGITS}${EXPONENT}?|${DEC_DIGITS}${EXPONENT})`;

export const kotlin: LexerDef = lazyLexer('kotlin', () => ({
  states: {
    root: [
      rule(/\b(companion)(\s+)(object)\b/, ['k', '', 'k']),
      rule(/\b(class|data\s+class|interface|object)(\s+)/, ['kd', ''], 'class'),
      rule(/\b(fun)(\s+)/, ['k', ''], 'function'),
      rule(/\b(package|import)(\s+)/, ['k', ''], 'package'),
      rule(/\b(val|var)(\s+)(\()/, ['kd', '', 'p'], 'destructure'),
      rule(/\b(val|var)(\s+)/, ['kd', ''], 'property'),
      rule(String.raw`(return|continue|break|this|super)(@${NAME})?\b`, ['k', 'nd']),
      rule(/\bfun\b/, 'k'),
      rule(String.raw`\b(?:${KEYWORDS})\b`, 'k'),
      afterBlankRun('[', rule(/^\s*\[.*?\]/, 'na')),
      rule(/[ \t\v\f\r]+/, ''),
      rule(/\\\n/, ''),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\/[*].*[*]\//, 'cm'),
      rule(/\/[*].*/, 'cm', 'comment'),
      rule(/\n/, ''),
      rule(/(::)(class)/, ['o', 'k']),
      rule(/::|!!|\?[:.]/, 'o'),
      rule(/(\.\.)/, 'o'),
      rule(`(?:${DOUBLE}[fF]?)|(?:${DEC_DIGITS}[fF])`, 'mf'),
      rule(/0[bB](?:[01][01_]*[01]|[01])[uU]?L?/, 'mb'),
      rule(/0[xX](?:[0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?/, 'mh'),
      rule(/(?:[1-9][0-9_]*[0-9]|[0-9])[uU]?L?/, 'mi'),
      rule(/[~!%^&*()+=|\[\]:;,.<>/?-]/, 'p'),
      rule(/[{}]/, 'p'),
      rule(/@"(?:""|[^"])*"/, 's'),
      rule(/""".*?"""/s, 's'),
      // Rouge's "(\\\\|\\"|[^"\n])*["\n], linear (pairedEscapesToLineEnd)
      rule(pairedEscapesToLineEnd('"'), 's'),
      rule(/'\\.'|'[^\\]'/, 'sc'),
      rule(`@${CLASS_NAME}`, 'nd'),
      rule(`(${CLASS_NAME})(<)`, ['nc', 'p'], 'generic_parameters'),
      rule(CLASS_NAME, 'nc'),
      rule(String.raw`${NAME}(?=\s*[({])`, 'nf'),
      rule(`${NAME}@`, 'nd'),
      rule(NAME, 'n'),
    ],
    package: [rule(/\S+/, 'nn', '#pop')],
    class: [rule(CLASS_NAME, 'nc', '#pop')],
    function: [
      rule(/</, 'p', 'generic_parameters'),
      rule(/\s+/, ''),
      rule(String.raw`(${CLASS_NAME})(\.)`, ['nc', 'p']),
      rule(NAME, 'nf', '#pop'),
    ],
    generic_parameters: [
      rule(CLASS_NAME, 'nc'),
      rule(/</, 'p', 'generic_parameters'),
      rule(/reified|out|in/, 'k'),
      rule(/[,:.?]/, 'p'),
      rule(/\s+/, ''),
      rule(/>/, 'p', '#pop'),
    ],
    property: [
      rule(/</, 'p', 'generic_parameters'),
      rule(/\s+/, ''),
      rule(NAME, 'py', '#pop'),
    ],
    destructure: [
      rule(/,/, 'p'),
      rule(/\)/, 'p', '#pop'),
      rule(/\s+/, ''),
      rule(NAME, 'py'),
    ],
    comment: [
      rule(/\/[*]/, 'cm', 'comment'),
      rule(/[*]\//, 'cm', '#pop'),
      rule(/[^/*]+/, 'cm'),
      rule(/[/*]/, 'cm'),
    ],
  },
}));
