/**
 * ABAP, SAP's business language (tag `abap`), as Rouge 3.30 lexes it (lexers/abap.rb): `"`
 * comments to the line's end `c1`, a `*` at a line's start comments the line `cm`; numbers `mi`;
 * `'…'` and `` `…` `` strings `s1` with `\x`, `''` and ``` `` ``` escapes `se`; a word before `(`
 * is a keyword `k` when it is one of 7.40's `DATA FIELD-SYMBOL` (upper-cased), a builtin `nb`
 * (lower-cased) or a name `n`, and after `->` or `=>` always a name; other words are keywords `k`
 * (upper-cased), types `kt` (lower-cased) or names `n`. Its keyword and builtin lists are
 * ABAP_KEYWORDS and ABAP_BUILTINS in ../rouge-words.ts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { ABAP_BUILTINS, ABAP_KEYWORDS } from '../rouge-words.js';

const NEW_KEYWORDS = new Set(['DATA', 'FIELD-SYMBOL']);
const TYPES = new Set(
  'b c d decfloat16 decfloat34 f i int8 n p s t x clike csequence decfloat string xstring'.split(' '),
);

export const abap: LexerDef = lazyLexer('abap', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/".*/, 'c1'),
      rule(/^\*.*/, 'cm'),
      rule(/\d+/, 'mi'),
      rule(/('|`)/, 's1', 'single_string'),
      rule(/[\[\]\(\)\{\}\.,:\|]/, 'p'),
      // builtins and ABAP 7.40's keywords before a parenthesis (`@DATA(…)`)
      rule(/(->|=>)?([A-Za-z][A-Za-z0-9_\-]*)(\()/, (run, m) => {
        run.token('o', m[1]);
        const plain = m[1] === undefined;
        if (plain && NEW_KEYWORDS.has(m[2].toUpperCase())) run.token('k', m[2]);
        else if (plain && ABAP_BUILTINS.has(m[2].toLowerCase())) run.token('nb', m[2]);
        else run.token('n', m[2]);
        run.token('p', m[3]);
      }),
      rule(/\w\w*/, (run, m) => {
        if (ABAP_KEYWORDS.has(m[0].toUpperCase())) run.token('k');
        else if (TYPES.has(m[0].toLowerCase())) run.token('kt');
        else run.token('n');
      }),
      rule(/(->|->>|=>)/, 'o'),
      rule(/[-*+%\/~=&?<>!#@^]+/, 'o'),
    ],
    single_string: [
      rule(/\\./, 'se'),
      rule(/(''|``)/, 'se'),
      rule(/['`]/, 's1', '#pop'),
      rule(/[^\\'`]+/, 's1'),
    ],
  },
}));
