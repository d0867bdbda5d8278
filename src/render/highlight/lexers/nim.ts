/**
 * Nim (tag `nim`, alias `nimrod`; `.nim` files), as Rouge 3.30 lexes it (lexers/nim.rb, a port of
 * Pygments' NimrodLexer): `##` doc comments `sd`, `#` comments `c`; operators `o`, punctuation
 * `p`; `"…"`, `"""…"""` and raw `r"…"` strings `s` with `$name` interpolation `si` and escapes
 * `se` (a line break in a one-line string is `err`); `'c'` characters `sc`; word operators
 * (`and`, `notin`…) `ow`, `proc name` `k` then `nf`, keywords `k`, `from`/`import`/`include` `k`
 * (the keyword list comes first), `var` `k`, types `kt`, `true`/`false` `kp` — every word
 * matched with optional underscores between its letters, as Nim's style-insensitivity allows;
 * names `n`; numbers `mf`/`mh`/`m`/`mo`/`mi` with their `'i64`/`'u`/`'f32` suffixes (`il`, `mi`,
 * `mf`); the rest of a line no rule takes `err`.
 * For Nim posts and tutorials.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

const KEYWORDS = `addr as asm atomic bind block break case cast const continue
  converter defer discard distinct do elif else end enum except export
  func finally for from generic if import include interface iterator let
  macro method mixin nil object of out proc ptr raise ref return static
  template try tuple type using var when while with without yield`;
const OPWORDS = 'and or not xor shl shr div mod in notin is isnot';
const PSEUDOKEYWORDS = 'nil true false';
const TYPES = `int int8 int16 int32 int64 float float32 float64 bool char range array
  seq set string`;
const NAMESPACE = 'from import include';

/** Rouge's Nim.underscorize: each letter may be followed by an underscore. */
function underscorize(words: string): string {
  return words
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/./g, (c) => `${c}_?`))
    .join('|');
}

export const nim: LexerDef = lazyLexer('nim', () => ({
  states: {
    chars: [
      rule(/\\([\\abcefnrtvl"']|x[a-fA-F0-9]{2}|[0-9]{1,3})/, 'se'),
      rule(/'/, 'sc', '#pop'),
      rule(/./, 'sc'),
    ],
    strings: [
      rule(/(?<!\$)\$(\d+|#|\w+)+/, 'si'),
      rule(/[^\\'"$\n]+/, 's'),
      rule(/['"\\]/, 's'),
      rule(/\$/, 's'),
    ],
    dqs: [
      rule(/\\([\\abcefnrtvl"']|\n|x[a-fA-F0-9]{2}|[0-9]{1,3})/, 'se'),
      rule(/"/, 's', '#pop'),
      mixin('strings'),
    ],
    rdqs: [rule(/"(?!")/, 's', '#pop'), rule(/"/, 'se', '#pop'), mixin('strings')],
    tdqs: [rule(/"""(?!")/, 's', '#pop'), mixin('strings'), mixin('nl')],
    funcname: [
      rule(/((?![\d_])\w)(((?!_)\w)|(_(?!_)\w))*/, 'nf', '#pop'),
      rule(/`.+`/, 'nf', '#pop'),
    ],
    nl: [rule(/\n/, 's')],
    floatnumber: [rule(/\.(?!\.)[0-9_]*/, 'mf'), rule(/[eE][+-]?[0-9][0-9_]*/, 'mf'), rule('', '', '#pop')],
    // Making apostrophes optional, as only hexadecimal with type suffix possibly ambiguous.
    floatsuffix: [rule(/'?[fF](32|64)/, 'mf'), rule('', '', '#pop')],
    intsuffix: [
      rule(/'?[iI](32|64)/, 'il'),
      rule(/'?[iI](8|16)/, 'mi'),
      rule(/'?[uU]/, 'mi'),
      rule('', '', '#pop'),
    ],
    root: [
      rule(/##.*$/, 'sd'),
      rule(/#.*$/, 'c'),
      rule(/\*|=|>|<|\+|-|\/|@|\$|~|&|%|!|\?|\||\\|\[|\]/, 'o'),
      rule(/\.\.|\.|,|\[\.|\.\]|\{\.|\.\}|\(\.|\.\)|\{|\}|\(|\)|:|\^|`|;/, 'p'),
      // Strings
      rule(/(?:\w+)"/, 's', 'rdqs'),
      rule(/"""/, 's', 'tdqs'),
      rule(/"/, 's', 'dqs'),
      // Char
      rule(/'/, 'sc', 'chars'),
      // Keywords
      rule(`(${underscorize(OPWORDS)})\\b`, 'ow'),
      rule(/(p_?r_?o_?c_?\s)(?![([\]])/, 'k', 'funcname'),
      rule(`(${underscorize(KEYWORDS)})\\b`, 'k'),
      rule(`(${underscorize(NAMESPACE)})\\b`, 'kn'),
      rule(/(v_?a_?r)\b/, 'kd'),
      rule(`(${underscorize(TYPES)})\\b`, 'kt'),
      rule(`(${underscorize(PSEUDOKEYWORDS)})\\b`, 'kp'),
      // Identifiers
      rule(/\b((?![_\d])\w)(((?!_)\w)|(_(?!_)\w))*/, 'n'),
      // Numbers
      rule(/[0-9][0-9_]*(?=([eE.]|'?[fF](32|64)))/, (run) => {
        run.push('floatsuffix');
        run.push('floatnumber');
        run.token('mf');
      }),
      rule(/0[xX][a-fA-F0-9][a-fA-F0-9_]*/, 'mh', 'intsuffix'),
      rule(/0[bB][01][01_]*/, 'm', 'intsuffix'),
      rule(/0o[0-7][0-7_]*/, 'mo', 'intsuffix'),
      rule(/[0-9][0-9_]*/, 'mi', 'intsuffix'),
      // Whitespace
      rule(/\s+/, ''),
      rule(/.+$/, 'err'),
    ],
  },
}));
