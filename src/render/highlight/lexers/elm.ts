/**
 * Elm (tag `elm`; `.elm` files), as Rouge 3.30 lexes it (lexers/elm.rb): whitespace bare, `--`
 * comments `c1`, nested `{- … -}` `cm`; keywords `k`; lower-case names and `_` `n`, capitalized
 * names `kt`; operators `o` — Rouge's one-symbol class `[+-\/…]` is a range from `+` to `/`, so
 * `,` and `.` are operators too; `"""…"""` `s`, `'c'` `sc`, `"…"` `s2` whose only escape is `\"`
 * `se` (another backslash is `err`); numbers `mh`/`mf`/`mi`; brackets `p`.
 * For functional front-end posts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

const KEYWORDS = 'module|exposing|port|import|as|type|alias|if|then|else|case|of|let|in';

export const elm: LexerDef = lazyLexer('elm', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/--.*/, 'c1'),
      rule(/\{-/, 'cm', 'multiline_comment'),
      rule(`\\b(${KEYWORDS})\\b`, 'k'),
      rule(/[a-z]\w*/, 'n'),
      rule(/_/, 'n'),
      rule(/[A-Z]\w*/, 'kt'),
      rule(/(->|::|\/\/|\.\.|&&|\|\||\+\+|\|>|<\||>>|<<|==|\/=|<=|>=)/, 'o'),
      rule(/[+-/*%=<>^|!]/, 'o'),
      rule(/\\/, 'o'),
      rule(/[@#$&~?]/, 'o'),
      rule(/"""/, 's', 'multiline_string'),
      rule(/'(\\.|.)'/, 'sc'),
      rule(/"/, 's', 'double_quote'),
      rule(/0x[\da-f]+/i, 'mh'),
      rule(/\d+e[+-]?\d+/i, 'mf'),
      rule(/\d+\.\d+(e[+-]?\d+)?/i, 'mf'),
      rule(/\d+/, 'mi'),
      rule(/[[\](),;`{}:]/, 'p'),
    ],
    // nested comments
    multiline_comment: [
      rule(/-\}/, 'cm', '#pop'),
      rule(/\{-/, 'cm', 'multiline_comment'),
      rule(/[^-{}]+/, 'cm'),
      rule(/[-{}]/, 'cm'),
    ],
    double_quote: [rule(/[^\\"]+/, 's2'), rule(/\\"/, 'se'), rule(/"/, 's2', '#pop')],
    multiline_string: [rule(/\\"/, 'se'), rule(/"""/, 's', '#pop'), rule(/[^"]+/, 's'), rule(/"/, 's')],
  },
}));
