/**
 * Solidity (tag `solidity`; `.sol` files), as Rouge 3.30 lexes it (lexers/solidity.rb): `//`
 * comments `c1` (with their newline), `/* … *\/` `cm`; strings `"…"`/`'…'` (`hex"…"` too) `s`
 * with escapes `se` (so no character literals: Rouge's char rule comes after the `'` string
 * rule); numbers `mf`/`mh`/`mi`; a stray `*\/` `err`; operators `o`, `()[],.` `p`, `;{}` `p`;
 * `uint256`/`bytes32` `kt` and `fixed128x18` `kr` (no word boundary: `uint8x` is `kt` then `n`);
 * names from Rouge's lists: keywords `k`, builtins `nb` (`true`, `msg`'s members are not reached:
 * names stop at `.`), units `kc`, types `kt`, reserved words `kr`, else `n`.
 * For Ethereum smart-contract posts.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { onlyWhereLater } from './loop-match.js';

const words = (s: string) => new Set(s.split(' '));

const KEYWORDS = words(
  'abstract anonymous as assembly break catch calldata constant constructor continue contract do ' +
    'delete else emit enum event external fallback for function hex if indexed interface internal ' +
    'import is library mapping memory modifier new override payable public pure pragma private ' +
    'receive return returns storage struct throw try type using var view virtual while',
);
// Rouge also lists `abi.encode`, `msg.sender`…, which its name rule (no dots) never produces.
const BUILTINS = words(
  'now false true balance selector super this blockhash gasleft assert require revert selfdestruct ' +
    'suicide call callcode delegatecall send transfer addmod ecrecover keccak256 mulmod sha256 sha3 ripemd160',
);
const CONSTANTS = words('wei finney szabo ether seconds minutes hours days weeks years');
const KEYWORDS_TYPE = words('address bool byte bytes int string uint');
const RESERVED = words(
  'alias after apply auto case copyof default define final fixed immutable implements in inline let ' +
    'macro match mutable null of partial promise reference relocatable sealed sizeof static supports ' +
    'switch typedef typeof ufixed unchecked',
);

export const solidity: LexerDef = lazyLexer('solidity', () => ({
  start: (run) => run.push('bol'),
  states: {
    expr_bol: [mixin('inline_whitespace'), rule('', (run) => run.pop())],
    bol: [mixin('expr_bol')],
    inline_whitespace: [
      rule(/[ \t\r]+/, ''),
      rule(/\\\n/, ''), // line continuation
      rule(/\/\*/, 'cm', 'comment_multi'),
    ],
    whitespace: [
      rule(/\n+/, '', 'bol'),
      // Rouge's %r(//(\\.|.)*?\n): neither alternative takes a newline, so this is the same
      // match, without the exponential backtracking of the overlapping alternatives at the end
      // of a text that has no newline after the comment. Tried only where a newline is left
      // after the `//` (onlyWhereLater): without one it would scan to the text's end from each
      // `/` of a long run (quadratic)
      onlyWhereLater('\n', 2, rule(/\/\/[^\n]*\n/, 'c1', 'bol')),
      mixin('inline_whitespace'),
    ],
    expr_whitespace: [rule(/\n+/, '', 'expr_bol'), mixin('whitespace')],
    statements: [
      mixin('whitespace'),
      rule(/(hex)?"/, 's', 'string_double'),
      rule(/(hex)?'/, 's', 'string_single'),
      rule(/'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'/i, 'sc'),
      rule(/\d\d*\.\d+([eE]\d+)?/i, 'mf'),
      rule(/0x[0-9a-f]+/i, 'mh'),
      rule(/\d+([eE]\d+)?/i, 'mi'),
      rule(/\*\//, 'err'),
      rule(/[~!%^&*+=|?:<>/-]/, 'o'),
      rule(/[()[\],.]/, 'p'),
      rule(/u?fixed\d+x\d+/, 'kr'),
      rule(/bytes\d+/, 'kt'),
      rule(/u?int\d+/, 'kt'),
      rule(/[a-zA-Z$_][\w$_]*/, (run, m) => {
        const name = m[0];
        if (KEYWORDS.has(name)) run.token('k');
        else if (BUILTINS.has(name)) run.token('nb');
        else if (CONSTANTS.has(name)) run.token('kc');
        else if (KEYWORDS_TYPE.has(name)) run.token('kt');
        else if (RESERVED.has(name)) run.token('kr');
        else run.token('n');
      }),
    ],
    root: [mixin('expr_whitespace'), rule('', (run) => run.push('statement'))],
    statement: [rule(/;/, 'p', '#pop'), mixin('expr_whitespace'), mixin('statements'), rule(/[{}]/, 'p')],
    string_common: [
      rule(/\\(u[a-fA-F0-9]{4}|x..|[^x])/, 'se'),
      rule(/[^\\"'\n]+/, 's'),
      rule(/\\\n/, 's'), // line continuation
      rule(/\\/, 's'), // stray backslash
    ],
    string_double: [mixin('string_common'), rule(/"/, 's', '#pop'), rule(/'/, 's')],
    string_single: [mixin('string_common'), rule(/'/, 's', '#pop'), rule(/"/, 's')],
    comment_multi: [rule(/\*\//, 'cm', '#pop'), rule(/[^*/]+/, 'cm'), rule(/[*/]/, 'cm')],
  },
}));
