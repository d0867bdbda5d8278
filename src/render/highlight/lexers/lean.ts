/**
 * Lean (tag `lean`; `.lean` files), as Rouge 3.30 lexes it (a Lean 2/3-era lexer): `--` comments
 * `cd` (with the whitespace before them); strings `s` with `\` escapes `se`; integers `mi`; words
 * (optionally `#`-prefixed) in Rouge's keyword list `k`, `Sort`/`Prop`/`Type` `kt`, else `n`;
 * `λ` `k`; `:` and `:=` plain text; `.` and `.1` `o`; Rouge's operator alternation `o` (first
 * alternative wins: `-` before `->`); parentheses, commas, brackets, whitespace and `α β ‹ ›`
 * plain text; anything else `err` (so most Unicode notation such as `∘` or `⁻¹`'s neighbours).
 * Found in mathematicians' formalisation notes.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { LEAN_KEYWORDS, LEAN_OPERATORS, LEAN_TYPES } from '../rouge-words.js';
import { onlyWhereBlanksRunThenBlank } from './loop-match.js';

export const lean: LexerDef = lazyLexer('lean', () => ({
  states: {
    root: [
      // tried only where its dashes run to a blank (a long run of `-` was quadratic)
      onlyWhereBlanksRunThenBlank(45, 2, rule(/\s*--+\s+.*?$/, 'cd')),
      rule(/"/, 's', 'string'),
      rule(/\d+/, 'mi'),
      rule(/#?\w+/, (run, m) => {
        if (LEAN_KEYWORDS.has(m[0])) run.token('k');
        else if (LEAN_TYPES.has(m[0])) run.token('kt');
        else run.token('n');
      }),
      rule(/[λ]/, 'k'),
      rule(/:=?/, ''),
      rule(/\.[0-9]*/, 'o'),
      rule(LEAN_OPERATORS, 'o'),
      rule(/[\s\(\),\[\]αβ‹›]+/, ''),
      rule(/./, 'err'),
    ],
    string: [rule(/"/, 's', '#pop'), rule(/\\/, 'se', 'escape'), rule(/[^\\"]+/, 's')],
    escape: [rule(/[nrt"'\\]/, 'se', '#pop'), rule(/x[\da-f]+/i, 'se', '#pop')],
  },
}));
