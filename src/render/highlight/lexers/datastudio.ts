/**
 * Semarchy xDI Data Studio scripts (tag `datastudio`), as Rouge 3.30 lexes them
 * (lexers/datastudio.rb): SQL keywords `k` (looked up upper-cased, DATASTUDIO_SQL_KEYWORDS in
 * ../rouge-words.ts), a name before `(` `nf`, other names `n`; `%var%` substitutions `nv` (`se`
 * inside strings), `@entity.name` `ni`, `:label` at a line's start `nl`; `"…"` and `'…'`
 * strings, numbers, punctuation, `//` and block comments.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { DATASTUDIO_SQL_KEYWORDS } from '../rouge-words.js';
import { onlyWhereLater } from './loop-match.js';

/** Rouge's `id = /@?[_a-z]\w*\/i`: the letter in both cases, with U+017F ſ and U+212A K. */
const ID = '@?[_a-zA-Z\\u017F\\u212A]\\w*';

/**
 * Rouge's `%(\\.|.)+?%` without its exponential backtracking before a run of backslashes with no
 * closing `%` on the line. The same matches: its first element is `\x` (tried first) or any one
 * character; after it, the path on which every backslash escapes the next character ends at the
 * first `%` not escaped, and where there is none, backtracking ends at the line's last `%`
 * (loop-match.ts lazyEscapes); when the `\x` start finds no `%` at all, the one-character start
 * is tried the same way.
 */
const PERCENT = String.raw`%(?:\\[^\n](?:\\[^\n]|[^%\\\n])*%|\\[^\n][^\n]*%|[^\n](?:\\[^\n]|[^%\\\n])*%|[^\n][^\n]*%)`;

/** A string state: `%…%` substitutions `se`, escaped quotes and other characters as the string. */
const stringState = (quote: string, tok: string) => [
  rule(PERCENT, 'se'),
  rule(`\\\\${quote}`, tok),
  rule(quote, tok, '#pop'),
  rule(/[\s\S]/, tok),
];

export const datastudio: LexerDef = lazyLexer('datastudio', () => ({
  states: {
    whitespace: [
      rule(/\s+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater('*/', 2, rule(/\/[*].*?[*]\//s, 'cm')),
    ],
    string: stringState('"', 's2'),
    string_s: stringState("'", 's1'),
    root: [
      mixin('whitespace'),
      rule(`^:${ID}`, 'nl'),
      rule(`@${ID}(\\.${ID})?`, 'ni'),
      rule(PERCENT, 'nv'),
      rule(/[~!%^&*()+=|\[\]{}:;,.<>\/?-]/, 'p'),
      rule(/"/, 's2', 'string'),
      rule(/'/, 's1', 'string_s'),
      rule(/\d(\.\d*)?/, 'm'),
      rule(`${ID}(?=\\s*[(])`, 'nf'),
      rule(ID, (run, m) => run.token(DATASTUDIO_SQL_KEYWORDS.has(m[0].toUpperCase()) ? 'k' : 'n')),
    ],
  },
}));
