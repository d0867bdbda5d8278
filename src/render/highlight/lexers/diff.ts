/**
 * Unified diffs (tag `diff`, aliases `patch`, `udiff`), as Rouge 3.30 lexes them: whole lines,
 * each including its newline: `+`/`>` lines `gi`, `-`/`<` lines `gd`, `diff`/`index` and `=`
 * lines `gh`, `@@ … @@` `p` (rest of that line plain), other lines starting with a word
 * character `p`, context lines plain.
 */
import { type LexerDef, rule, lazyLexer } from '../engine.js';

export const diff: LexerDef = lazyLexer('diff', () => ({
  states: {
    root: [
      rule(/^ .*$\n?/, ''),
      rule(/^---$\n?/, 'p'),
      rule(/^[+>]+.*$\n?/, 'gi'),
      rule(/^\+.*$\n?/, 'gi'),
      rule(/^[\-<]+.*$\n?/, 'gd'),
      rule(/^!.*$\n?/, 'gs'),
      rule(/^(?:[Ii]ndex|diff).*$\n?/, 'gh'),
      rule(/^(@@[^@]*@@)([^\n]*\n)/, ['p', '']),
      rule(/^\w.*$\n?/, 'p'),
      rule(/^=.*$\n?/, 'gh'),
      rule(/\s.*$\n?/, ''),
    ],
  },
}));
