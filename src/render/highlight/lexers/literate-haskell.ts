/**
 * Literate Haskell, Bird style (tag `literate_haskell`, aliases `lithaskell`, `lhaskell`, `lhs`;
 * `.lhs` files), as Rouge 3.30 lexes it (lexers/literate_haskell.rb): prose lines bare; after a
 * line break followed by `>`, code lines: the `>` `nl` and the rest lexed by one Haskell lexer
 * (./haskell.ts) for the whole block, so its state carries from one code line to the next. A
 * blank line followed by a line not starting with `>` ends the code.
 * Rouge quirks kept: `\begin{code}` (LaTeX style) is not recognised, so it is prose; a code line
 * whose `>` is not followed by a space, and a code line right after prose without a blank line
 * in between once in code, come out as `err` characters; the first line is prose even when it
 * starts with `>`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { haskell } from './haskell.js';
import { onlyWhereRunThen } from './loop-match.js';

/** Ruby's `\s`: ASCII whitespace. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

export const literateHaskell: LexerDef = lazyLexer('literate_haskell', () => ({
  states: {
    root: [
      // `>` is not whitespace, so this can only match where the whitespace run from the position
      // ends at a `>`: tried only there (a long run of blank lines was quadratic)
      onlyWhereRunThen(isSpace, '>', rule(/\s*?\n(?=>)/, '', 'code')),
      rule(/.*?\n/, ''),
      rule(/.+\z/, ''),
    ],
    code: [
      rule(/(>)( .*?(\n|\z))/, (run, m) => {
        run.token('nl', m[1]);
        run.delegate(haskell, m[2]);
      }),
      rule(/\s*\n(?=\s*[^>])/, '', '#pop'),
    ],
  },
}));
