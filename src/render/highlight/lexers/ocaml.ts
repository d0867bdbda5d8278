/**
 * OCaml (tag `ocaml`; `.ml`, `.mli` files), as Rouge 3.30 lexes it: `false`, `true`, `()` and `[]`
 * `bp` (no word boundary: `trueish` starts with `true`); `Module.` paths `nn` (then `.` `p` and the
 * last part a class `nc` or name `n`); other capitalised words `nc`; `` `Tag `` `nt`; nested
 * `(* … *)` comments `c`; words looked up in Rouge's lists (keywords `k`, `land`/`mod`… `ow`,
 * primitive types `kt`), else `n`; runs of punctuation `p` and of operator characters `o`
 * (so `-1` is `o` then `mi`); numbers `mf`/`mh`/`mo`/`mb`/`mi`; characters `sc` (only escapes and
 * `'.'`: any other quote is a keyword `k`, as for type variables `'a`); strings `s2` with escapes
 * `se`; `~label`/`?opt` `nv`.
 * Found in programming-languages researchers' and course pages.
 */
import { type LexerDef, type RuleSpec, lazyLexer, mixin, rule } from '../engine.js';
import { OCAML_KEYWORDS, OCAML_PRIMITIVES, OCAML_WORD_OPERATORS } from '../rouge-words.js';

// Rouge's @@id is case-insensitive (flag i), also where it is interpolated into other regexes.
export const ID = String.raw`[a-z_][\w']*`;
export const UPPER_ID = String.raw`[A-Z][\w']*`;

/**
 * Rouge's float rule `-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)` (with /i; its `.` is any character),
 * which on a long run of digits without an exponent backtracks over every split of the run
 * (quadratic: seconds on 20 KB of digits). Same matches, linear: the digit runs are taken whole
 * (`(?=(…))\1`, an atomic group), since giving a digit back can only put a digit where the `e`
 * or the fraction's first character is looked for — where the whole run already was tried.
 * Rouge's F# lexer has the same rule (./fsharp.ts).
 */
export const FLOAT = String.raw`-?(?=(\d[\d_]*))\1(?:.(?=([\d_]*))\2e[+-]?\d[\d_]*|e[+-]?\d[\d_]*)`;

/**
 * The number and escaped character literal rules that Rouge's OCaml, ReasonML and ReScript roots
 * each write out the same (a float, hex, octal, binary and decimal integers, `'\n'`-style chars).
 */
export function ocamlLiterals(): RuleSpec[] {
  return [
    rule(new RegExp(FLOAT, 'i'), 'mf'),
    rule(/0x\h[\h_]*/i, 'mh'),
    rule(/0o[0-7][0-7_]*/i, 'mo'),
    rule(/0b[01][01_]*/i, 'mb'),
    rule(/\d[\d_]*/, 'mi'),
    rule(/'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'/, 'sc'),
  ];
}

/**
 * The states of Rouge's OCamlCommon (lexers/ocaml/common.rb), which its OCaml, ReasonML
 * (./reasonml.ts) and ReScript (./rescript.ts) lexers share: strings, escapes, `A.B.c` paths.
 */
export function ocamlCommon(): Record<string, RuleSpec[]> {
  return {
    string: [
      rule(/[^\\"]+/, 's2'),
      mixin('escape_sequence'),
      rule(/\\\n/, 's2'),
      rule(/"/, 's2', '#pop'),
    ],
    escape_sequence: [rule(/\\[\\"'ntbr]/, 'se'), rule(/\\\d{3}/, 'se'), rule(/\\x\h{2}/, 'se')],
    dotted: [
      rule(/\s+/s, ''),
      rule(/[.]/, 'p'),
      rule(String.raw`${UPPER_ID}(?=\s*[.])`, 'nn'),
      rule(UPPER_ID, 'nc', '#pop'),
      rule(new RegExp(ID, 'i'), 'n', '#pop'),
      rule(/[({\[]/, 'p', '#pop'),
    ],
  };
}

export const ocaml: LexerDef = lazyLexer('ocaml', () => ({
  states: {
    root: [
      rule(/\s+/s, ''),
      rule(/false|true|[(][)]|\[\]/, 'bp'),
      rule(String.raw`${UPPER_ID}(?=\s*[.])`, 'nn', 'dotted'),
      rule(new RegExp('`' + ID, 'i'), 'nt'),
      rule(UPPER_ID, 'nc'),
      rule(/[(][*](?![)])/, 'c', 'comment'),
      rule(new RegExp(ID, 'i'), (run, m) => {
        if (OCAML_KEYWORDS.has(m[0])) run.token('k');
        else if (OCAML_WORD_OPERATORS.has(m[0])) run.token('ow');
        else if (OCAML_PRIMITIVES.has(m[0])) run.token('kt');
        else run.token('n');
      }),
      rule(/[(){}\[\];]+/, 'p'),
      rule(/[;,_!$%&*+.\/:<=>?@^|~#-]+/, 'o'),
      ...ocamlLiterals(),
      rule(/'[.]'/, 'sc'),
      rule(/'/, 'k'),
      rule(/"/, 's2', 'string'),
      rule(new RegExp('[~?]' + ID, 'i'), 'nv'),
    ],
    comment: [
      rule(/[^(*)]+/, 'c'),
      rule(/[(][*]/, 'c', '#push'),
      rule(/[*][)]/, 'c', '#pop'),
      rule(/[(*)]/, 'c'),
    ],
    ...ocamlCommon(),
  },
}));
