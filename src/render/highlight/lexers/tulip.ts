/**
 * Tulip (tag `tulip`), as Rouge 3.30 lexes it (lexers/tulip.rb): `@name` `k`, `\name` `nf` and
 * `+name` `nd` (with a `{…}` nested string after them), `"…"` strings with escapes and `"{…}"`
 * strings with `$(…)` interpolation `si`, `'{…}'` nested and `'name` strings `s`, `.tag` `nt`,
 * `$var` `nv`, `-label:` `nl`, `%name` `nf`, `` `name `` `ow`, `<Type name>` annotations, `#`
 * comments `c`, punctuation `p`, numbers `m`, names `n`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

/**
 * Rouge's `id = /[a-z][\w-]*\/i` keeps its `/i` where interpolated: the first letter in both
 * cases, with U+017F ſ and U+212A K (which Ruby's `/i` also takes); `\w` is not affected.
 */
const ID = '[a-zA-Z\\u017F\\u212A][\\w-]*';

export const tulip: LexerDef = lazyLexer('tulip', () => ({
  states: {
    comments_and_whitespace: [rule(/\s+/, ''), rule(/#.*?$/, 'c')],
    root: [
      mixin('comments_and_whitespace'),
      rule(`@${ID}`, 'k'),
      rule(`(\\\\${ID})([{])`, ['nf', 's'], 'nested_string'),
      rule(`([+]${ID})([{])`, ['nd', 's'], 'nested_string'),
      rule(`\\\\${ID}`, 'nf'),
      rule(`[+]${ID}`, 'nd'),
      rule(/"[{]/, 's', 'dqi'),
      rule(/"/, 's', 'dq'),
      rule(/'\{/, 's', 'nested_string'),
      rule(`'${ID}`, 's'),
      rule(`[.]${ID}`, 'nt'),
      rule(`[$](?:${ID})?`, 'nv'),
      rule(`-${ID}:?`, 'nl'),
      rule(`%${ID}`, 'nf'),
      rule(`\`${ID}`, 'ow'),
      rule(/[?~%._>,!\[\]:{}()=;\/-]/, 'p'),
      rule(/[0-9]+([.][0-9]+)?/, 'm'),
      rule(ID, 'n'),
      rule(/</, 'cp', 'angle_brackets'),
    ],
    dq: [rule(/[^\\"]+/, 's'), rule(/"/, 's', '#pop'), rule(/\\./, 'se')],
    dqi: [
      rule(/[$][(]/, 'si', 'interp_root'),
      rule(/[{]/, 's', 'dqi'),
      rule(/[}]/, 's', '#pop'),
      rule(/[^{}$]+/, 's'),
      rule(/./, 's'),
    ],
    interp_root: [rule(/[)]/, 'si', '#pop'), mixin('interp')],
    interp: [rule(/[(]/, 'p', 'interp'), rule(/[)]/, 'p', '#pop'), mixin('root')],
    nested_string: [
      rule(/\\./, 'se'),
      rule(/\{/, 's', 'nested_string'),
      rule(/\}/, 's', '#pop'),
      rule(/[^{}\\]+/, 's'),
    ],
    angle_brackets: [
      mixin('comments_and_whitespace'),
      rule(/>/, 'cp', '#pop'),
      rule(/[*:]/, 'p'),
      rule(/[A-Z][\w-]*/, 'kt'),
      rule(ID, 'nv'),
    ],
  },
}));
