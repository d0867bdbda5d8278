/**
 * D (tag `d`, alias `dlang`; `.d`, `.di` files), as Rouge 3.30 lexes it (lexers/d.rb): `//`
 * comments `c1`, `/* *\/` and nesting `/+ +\/` `cm`, `#line` `cs`; keywords `k`, basic types
 * `kt`, `true`/`false`/`null` `kc`, `__FILE__`-style words `kp`, `macro` `kr`, `string`/`size_t`…
 * `nb` (no leading word boundary, like Rouge: only the position matters); float, binary, octal,
 * hex and decimal literals `mf`/`mb`/`mo`/`mh`/`mi` (Rouge's float rule also takes `_e1`);
 * character literals `sc`; every string form `s` (wysiwyg `r"…"` and backquoted, escapes,
 * hex strings, `q"[…]"`-style delimited strings that nest, `q"EOS … EOS"`, `q{…}` token strings
 * whose inner tokens are lexed as code); `@attributes` `nd`; operators and brackets `p`;
 * names `n`.
 * For D language posts.
 */
import { type LexerDef, type RuleSpec, lazyLexer, mixin, rule } from '../engine.js';

const words = (s: string) => s.trim().split(/\s+/).join('|');

const KEYWORDS = words(`
  abstract alias align asm assert auto body
  break case cast catch class const continue
  debug default delegate delete deprecated do else
  enum export extern finally final foreach_reverse
  foreach for function goto if immutable import
  interface invariant inout in is lazy mixin
  module new nothrow out override package pragma
  private protected public pure ref return scope
  shared static struct super switch synchronized
  template this throw try typedef typeid typeof
  union unittest version volatile while with
  __gshared __traits __vector __parameters`);
const KEYWORDS_TYPE = words(`
  bool byte cdouble cent cfloat char creal
  dchar double float idouble ifloat int ireal
  long real short ubyte ucent uint ulong
  ushort void wchar`);
const KEYWORDS_PSEUDO = words(`
  __FILE__ __FILE_FULL_PATH__ __MODULE__ __LINE__ __FUNCTION__
  __PRETTY_FUNCTION__ __DATE__ __EOF__ __TIME__ __TIMESTAMP__
  __VENDOR__ __VERSION__`);

/** `q"[ … ]"`-style strings: the outer state ends at the closer and a quote, inner ones nest. */
function delimited(open: string, close: string): [RuleSpec[], RuleSpec[]] {
  const esc = (ch: string) => (/[[\](){}]/.test(ch) ? '\\' + ch : ch);
  const o = esc(open);
  const c = esc(close);
  return [
    [rule(`[^${o}${c}]+`, 's'), rule(o, 's', `inside ${open}`), rule(`${c}"`, 's', '#pop')],
    [rule(`[^${o}${c}]+`, 's'), rule(o, 's', '#push'), rule(c, 's', '#pop')],
  ];
}

export const d: LexerDef = lazyLexer('d', () => {
  const states: Record<string, RuleSpec[]> = {
    whitespace: [rule(/\n/, ''), rule(/\s+/, '')],
    root: [
      mixin('whitespace'),
      // Comments
      rule(/\/\/.*/, 'c1'),
      rule(/\/(\\\n)?[*](.|\n)*?[*](\\\n)?\//, 'cm'),
      rule(/\/\+/, 'cm', 'nested_comment'),
      // Keywords
      rule(`(${KEYWORDS})\\b`, 'k'),
      rule(`(${KEYWORDS_TYPE})\\b`, 'kt'),
      rule(/(false|true|null)\b/, 'kc'),
      rule(`(${KEYWORDS_PSEUDO})\\b`, 'kp'),
      rule(/macro\b/, 'kr'),
      rule(/(string|wstring|dstring|size_t|ptrdiff_t)\b/, 'nb'),
      // Literals: HexFloat, DecimalFloat
      rule(/0[xX]([0-9a-fA-F_]*\.[0-9a-fA-F_]+|[0-9a-fA-F_]+)[pP][+-]?[0-9_]+[fFL]?[i]?/, 'mf'),
      rule(/[0-9_]+(\.[0-9_]+[eE][+-]?[0-9_]+|\.[0-9_]*|[eE][+-]?[0-9_]+)[fFL]?[i]?/, 'mf'),
      rule(/\.(0|[1-9][0-9_]*)([eE][+-]?[0-9_]+)?[fFL]?[i]?/, 'mf'),
      // IntegerLiteral: binary, octal, hexadecimal, decimal
      rule(/0[Bb][01_]+/, 'mb'),
      rule(/0[0-7_]+/, 'mo'),
      rule(/0[xX][0-9a-fA-F_]+/, 'mh'),
      rule(/(0|[1-9][0-9_]*)([LUu]|Lu|LU|uL|UL)?/, 'mi'),
      // CharacterLiteral
      rule(/'(\\['"?\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\&\w+;|.)'/, 'sc'),
      // WysiwygString, alternate WysiwygString
      rule(/r"[^"]*"[cwd]?/, 's'),
      rule(/`[^`]*`[cwd]?/, 's'),
      // DoubleQuotedString. Rouge's /"(\\\\|\\"|[^"])*"[cwd]?/ backtracks exponentially in V8
      // (and Onigmo) on an unclosed string with many backslashes. Same matches, linear: the
      // greedy path (a backslash pairs with a following backslash or quote) ends at the first
      // quote it does not pair; where it runs off the end instead, every quote was paired and
      // backtracking ends at the last one.
      rule(/"(?:[^"\\]|\\[\\"]|\\(?![\\"]))*"[cwd]?|"[\s\S]*"[cwd]?/, 's'),
      // EscapeSequence
      rule(/\\(['"?\\abfnrtv]|x[0-9a-fA-F]{2}|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|&\w+;)/, 's'),
      // HexString
      rule(/x"[0-9a-fA-F_\s]*"[cwd]?/, 's'),
      // DelimitedString
      rule(/q"\[/, 's', 'delimited ['),
      rule(/q"\(/, 's', 'delimited ('),
      rule(/q"</, 's', 'delimited <'),
      rule(/q"\{/, 's', 'delimited {'),
      rule(/q"([a-zA-Z_]\w*)\n.*?\n\1"/, 's'),
      rule(/q"(.).*?\1"/, 's'),
      // TokenString
      rule(/q\{/, 's', 'token_string'),
      // Attributes
      rule(/@([a-zA-Z_]\w*)?/, 'nd'),
      // Tokens
      rule(
        /(~=|\^=|%=|\*=|==|!>=|!<=|!<>=|!<>|!<|!>|!=|>>>=|>>>|>>=|>>|>=|<>=|<>|<<=|<<|<=|\+\+|\+=|--|-=|\|\||\|=|&&|&=|\.\.\.|\.\.|\/=)|[/.&|\-+<>!()[\]{}?,;:$=*%^~]/,
        'p',
      ),
      // Identifier
      rule(/[a-zA-Z_]\w*/, 'n'),
      // Line
      rule(/#line\s.*\n/, 'cs'),
    ],
    nested_comment: [
      rule(/[^+/]+/, 'cm'),
      rule(/\/\+/, 'cm', '#push'),
      rule(/\+\//, 'cm', '#pop'),
      rule(/[+/]/, 'cm'),
    ],
    token_string: [rule(/\{/, 'p', 'token_string_nest'), rule(/\}/, 's', '#pop'), mixin('root')],
    token_string_nest: [rule(/\{/, 'p', '#push'), rule(/\}/, 'p', '#pop'), mixin('root')],
  };
  for (const [open, close] of [['[', ']'], ['(', ')'], ['<', '>'], ['{', '}']]) {
    [states[`delimited ${open}`], states[`inside ${open}`]] = delimited(open, close);
  }
  return { states };
});
