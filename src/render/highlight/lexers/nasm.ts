/**
 * NASM assembly (tag `nasm`; `.asm` files), as Rouge 3.30 lexes it (lib/rouge/lexers/nasm.rb, a
 * port of Chroma's): `%` directives `cp` to the end of the line (a `;` comment after them `c1`),
 * `label:` `nl`, `NAME equ` `no kd`, directives (`SECTION`, `GLOBAL`, … upper case only) `k`,
 * `db`/`resw`/`times` `kd`, the instruction `nf`; in its operands strings `s`, numbers
 * `mh`/`mo`/`mb`/`mf`/`mi`, registers `nb`, `byte`/`word`/`dword`/`qword` `kt`, `seg wrt strict`
 * `ow`, `$` `kc`, brackets and commas `p`, operators `o`, other names `nv`; `;` comments `c1`.
 * Rouge quirks kept: its string rules exclude the letter `n` and lone backslashes (`[^"\\n]` in
 * a Ruby regex literal is backslash and `n`), so `"Hello, World"` is a string but `"main"` is
 * `err`, `nv`, `err`; its `$0…` hex alternative can never match (`$` is an anchor);
 * `SECTION`, `db` and the like are found at the start of longer words too (`dbg` is `db` `nv`).
 * Rouge's names (`[a-z$._?][\w$.?#@~]*` under `/i`) are written without the `i` flag with
 * `[a-zA-Zſ\u212A…]` first: Onigmo's `[a-z]` takes `ſ` and `K` under `/i`, its `\w` does not.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { afterBlankRun } from './loop-match.js';


const ID = String.raw`[a-zA-Zſ\u212A$._?][\w$.?#@~]*`;

export const nasm: LexerDef = lazyLexer('nasm', () => ({
  states: {
    root: [
      afterBlankRun('%', rule(/^\s*%/, 'cp', 'preproc')),
      { mixin: 'whitespace' },
      rule(`${ID}:`, 'nl'),
      rule(String.raw`(${ID})(\s+)([eE][qQ][uU])`, (run) => {
        run.groups('no', 'kd', 'kd');
        run.push('instruction_args');
      }),
      rule(
        /BITS|USE16|USE32|SECTION|SEGMENT|ABSOLUTE|EXTERN|GLOBAL|ORG|ALIGN|STRUC|ENDSTRUC|COMMON|CPU|GROUP|UPPERCASE|IMPORT|EXPORT|LIBRARY|MODULE/,
        'k',
        'instruction_args',
      ),
      rule(/(?:res|d)[bwdqt]|times/i, 'kd', 'instruction_args'),
      rule(ID, 'nf', 'instruction_args'),
      rule(/[\r\n]+/, ''),
    ],
    instruction_args: [
      rule(/"(\\\\"|[^"\\n])*"|'(\\\\'|[^'\\n])*'|`(\\\\`|[^`\\n])*`/, 's'),
      rule(/(?:0x[\da-f]+|$0[\da-f]*|\d+[\da-f]*h)/i, 'mh'),
      rule(/[0-7]+q/i, 'mo'),
      rule(/[01]+b/i, 'mb'),
      rule(/\d+\.e?\d+/i, 'mf'),
      rule(/\d+/, 'mi'),
      { mixin: 'punctuation' },
      rule(
        /r\d[0-5]?[bwd]|[a-d][lh]|[er]?[a-d]x|[er]?[sb]p|[er]?[sd]i|[c-gs]s|st[0-7]|mm[0-7]|cr[0-4]|dr[0-367]|tr[3-7]/i,
        'nb',
      ),
      rule(ID, 'nv'),
      rule(/[\r\n]+/, '', '#pop'),
      { mixin: 'whitespace' },
    ],
    preproc: [rule(/[^;\n]+/, 'cp'), rule(/;.*?\n/, 'c1', '#pop'), rule(/\n/, 'cp', '#pop')],
    whitespace: [rule(/\n/, ''), rule(/[ \t]+/, ''), rule(/;.*/, 'c1')],
    punctuation: [
      rule(/[,():\[\]]+/, 'p'),
      rule(/[&|^<>+*\/%~-]+/, 'o'),
      rule(/\$+/, 'kc'),
      rule(/seg|wrt|strict/i, 'ow'),
      rule(/byte|[dq]?word/i, 'kt'),
    ],
  },
}));
