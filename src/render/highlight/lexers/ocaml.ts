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
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { OCAML_KEYWORDS, OCAML_PRIMITIVES, OCAML_WORD_OPERATORS } from '../rouge-words.js';

// Rouge's @@id is case-insensitive (flag i), also where it is interpolated into other regexes.
const ID = String.raw`[a-z_][\w']*`;
const UPPER_ID = String.raw`[A-Z][\w']*`;

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
      rule(/-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)/i, 'mf'),
      rule(/0x\h[\h_]*/i, 'mh'),
      rule(/0o[0-7][0-7_]*/i, 'mo'),
      rule(/0b[01][01_]*/i, 'mb'),
      rule(/\d[\d_]*/, 'mi'),
      rule(/'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'/, 'sc'),
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
  },
}));
