/**
 * F# (tag `fsharp`; `.fs`, `.fsi`, `.fsx` files), as Rouge 3.30 lexes it: `(* … *)` comments `c`
 * (nested), `//` `c1`; `true`/`false`/`()`/`[]` `bp` (even inside a longer word); capitalised names
 * `nc`, or `nn` before a `.` (then `A.B.c` `p`/`nn`/`n`); keywords `k`, word operators `ow`,
 * primitive types `kt`, other names `n`; runs of operator characters `p` when they are one of
 * Rouge's key operators, else `o` (`+` is `o`: Rouge's list holds `\+`); numbers `mf` (exponent
 * required)/`mh`/`mo`/`mb`/`mi`; `'\n'` and `'.'` `sc`, any other `'` `k`; strings `s2` with
 * escapes `se`.
 * For .NET and functional-programming posts.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { FLOAT } from './ocaml.js';

const KEYWORDS = new Set(
  `abstract and as assert base begin class default delegate do
  done downcast downto elif else end exception extern false
  finally for fun function global if in inherit inline interface
  internal lazy let let! match member module mutable namespace
  new not null of open or override private public rec return
  return! select static struct then to true try type upcast
  use use! val void when while with yield yield! sig atomic
  break checked component const constraint constructor
  continue eager event external fixed functor include method
  mixin object parallel process protected pure sealed tailcall
  trait virtual volatile`.split(/\s+/),
);
const KEYOPTS = new Set(
  String.raw`!= # & && ( ) * \+ , - -. -> . .. : :: := :> ; ;; < <- =
  > >] >} ? ?? [ [< [> [| ] _ ${'`'} { {< | |] } ~ |> <| <>`.split(/\s+/),
);
const WORD_OPERATORS = new Set('and asr land lor lsl lxor mod or'.split(' '));
const PRIMITIVES = new Set('unit int float bool string char list array'.split(' '));

const ID = "([a-z][\\w']*)|(``[^`\\n\\r\\t]+``)";
const UPPER_ID = "[A-Z][\\w']*";

export const fsharp: LexerDef = lazyLexer('fsharp', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/false|true|[(][)]|\[\]/, 'bp'),
      rule(`${UPPER_ID}(?=\\s*[.])`, 'nn', 'dotted'),
      rule(UPPER_ID, 'nc'),
      rule(/[(][*](?![)])/, 'c', 'comment'),
      rule(/\/\/.*?$/, 'c1'),
      rule(new RegExp(ID, 'i'), (run, m) => {
        const w = m[0];
        run.token(KEYWORDS.has(w) ? 'k' : WORD_OPERATORS.has(w) ? 'ow' : PRIMITIVES.has(w) ? 'kt' : 'n');
      }),
      rule(/[\[\];,{}_()!$%&*+.\/:<=>?@^|~#-]+/, (run, m) => run.token(KEYOPTS.has(m[0]) ? 'p' : 'o')),
      // Rouge's `-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)`/i, OCaml's float: the same matches without
      // trying every split of a long run of digits (see FLOAT)
      rule(new RegExp(FLOAT, 'i'), 'mf'),
      rule(/0x\h[\h_]*/i, 'mh'),
      rule(/0o[0-7][0-7_]*/i, 'mo'),
      rule(/0b[01][01_]*/i, 'mb'),
      rule(/\d[\d_]*/, 'mi'),
      rule(/'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'/, 'sc'),
      rule(/'[.]'/, 'sc'),
      rule(/'/, 'k'),
      rule(/"/, 's2', 'string'),
      rule(new RegExp(`[~?]${ID}`, 'i'), 'nv'),
    ],
    comment: [
      rule(/[^(*)]+/, 'c'),
      rule(/[(][*]/, (run) => {
        run.token('c');
        run.push();
      }),
      rule(/[*][)]/, 'c', '#pop'),
      rule(/[(*)]/, 'c'),
    ],
    string: [rule(/[^\\"]+/, 's2'), mixin('escape_sequence'), rule(/\\\n/, 's2'), rule(/"/, 's2', '#pop')],
    escape_sequence: [rule(/\\[\\"'ntbr]/, 'se'), rule(/\\\d{3}/, 'se'), rule(/\\x\h{2}/, 'se')],
    dotted: [
      rule(/\s+/, ''),
      rule(/[.]/, 'p'),
      rule(`${UPPER_ID}(?=\\s*[.])`, 'nn'),
      rule(UPPER_ID, 'nc', '#pop'),
      rule(new RegExp(ID, 'i'), 'n', '#pop'),
      rule(/\[/, 'p', '#pop'),
    ],
  },
}));
