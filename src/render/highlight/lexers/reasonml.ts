/**
 * ReasonML (tag `reasonml`; `.re`, `.rei`), as Rouge 3.30 lexes it (lexers/reasonml.rb,
 * `ReasonML < OCamlCommon`): OCaml's rules (./ocaml.ts, whose shared states it reuses) with `//`
 * comments `c1` and nested `/*`…`*\/` comments `cm` instead of `(* *)`, `switch` a keyword, and any
 * `'x'` but `'/'` a character `sc`. Kept from OCaml: `false`/`true`/`()`/`[]` `bp` without a word
 * boundary, a quote before anything else `k`, `-1` is `o` then `mi` (operators come first).
 * For React/ReasonReact posts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { OCAML_KEYWORDS, OCAML_PRIMITIVES, OCAML_WORD_OPERATORS } from '../rouge-words.js';
import { ID, UPPER_ID, ocamlCommon, ocamlLiterals } from './ocaml.js';

export const reasonml: LexerDef = lazyLexer('reasonml', () => ({
  states: {
    root: [
      rule(/\s+/s, ''),
      rule(/false|true|[(][)]|\[\]/, 'bp'),
      rule(String.raw`${UPPER_ID}(?=\s*[.])`, 'nn', 'dotted'),
      rule(new RegExp('`' + ID, 'i'), 'nt'),
      rule(UPPER_ID, 'nc'),
      rule(/\/\/.*/, 'c1'),
      rule(/\/\*/, 'cm', 'comment'),
      rule(new RegExp(ID, 'i'), (run, m) => {
        const w = m[0];
        if (OCAML_KEYWORDS.has(w) || w === 'switch') run.token('k');
        else if (OCAML_WORD_OPERATORS.has(w)) run.token('ow');
        else if (OCAML_PRIMITIVES.has(w)) run.token('kt');
        else run.token('n');
      }),
      rule(/[(){}\[\];]+/, 'p'),
      rule(/[;,_!$%&*+./:<=>?@^|~#-]+/, 'o'),
      ...ocamlLiterals(),
      rule(/'[^'/]'/, 'sc'),
      rule(/'/, 'k'),
      rule(/"/, 's2', 'string'),
      rule(new RegExp('[~?]' + ID, 'i'), 'nv'),
    ],
    comment: [
      rule(/[^/*]+/, 'cm'),
      rule(/\/\*/, 'cm', 'comment'),
      rule(/\*\//, 'cm', '#pop'),
      rule(/[*/]/, 'cm'),
    ],
    ...ocamlCommon(),
  },
}));
