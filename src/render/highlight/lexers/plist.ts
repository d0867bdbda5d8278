/**
 * Old-style (OpenStep/NeXT) property lists (tag `plist`; `.plist`, `.pbxproj`), as Rouge 3.30 lexes
 * them (lexers/plist.rb): `//` and `/*`…`*\/` comments `c`, `{ } ( ) = ; ,` `p`, `"…"` `s2`, `'…'` `s1`,
 * `<hex data>` `mh` between `<` `>` `p`, bare words and paths `l`, whitespace `w`. XML plists are
 * not its business (Rouge lexes them as old-style: tags come out as `p`, `err` and `l`).
 * For Xcode project files and macOS defaults posts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { onlyWhereLater } from './loop-match.js';

export const plist: LexerDef = lazyLexer('plist', () => ({
  states: {
    whitespace: [rule(/\s+/, 'w')],
    root: [
      rule(/\/\/.*$/, 'c'),
      // needs a `*/` after the opener and one character: not tried where none is left (linear)
      onlyWhereLater('*/', 3, rule(/\/\*.+?\*\//s, 'c')),
      { mixin: 'whitespace' },
      rule(/\{/, 'p', 'dictionary'),
      rule(/\(/, 'p', 'array'),
      onlyWhereLater('"', 1, rule(/"([^"\\]|\\.)*"/, 's2')),
      onlyWhereLater("'", 1, rule(/'([^'\\]|\\.)*'/, 's1')),
      rule(/</, 'p', 'data'),
      rule(/[\w$/:.-]+/, 'l'),
    ],
    dictionary: [{ mixin: 'root' }, rule(/[=;]/, 'p'), rule(/\}/, 'p', '#pop')],
    array: [{ mixin: 'root' }, rule(/[,]/, 'p'), rule(/\)/, 'p', '#pop')],
    data: [rule(/[\h\s]+/, 'mh'), rule(/>/, 'p', '#pop')],
  },
}));
