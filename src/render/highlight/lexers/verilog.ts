/**
 * Verilog and SystemVerilog (tag `verilog`; `.v`, `.sv`, `.svh` files), as Rouge 3.30 lexes it:
 * after each line break a `label:` is `nl` and a `` `define `` line `cp`; `//` `c1` and `/* *\/`
 * `cm` comments; strings `s` with escapes `se`; reals `mf`; sized literals `'h…` `mh`, `'b…`
 * (and bare `'…` of 0/1/x/z) `mb`, `'d…` and plain integers `mi`; operators `o`, punctuation
 * `p`; `` `macro `` uses `cp`; identifiers from Rouge's keyword (`k`), type (`kt`) and system task
 * (`nb`, without the `$`, which is punctuation) lists, else `n`.
 * Found in digital-design course material (electrical and computer engineering).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { cStringState } from './c.js';
import { VERILOG_KEYWORDS, VERILOG_KEYWORDS_TYPE, VERILOG_SYSTEM_TASKS } from '../rouge-words.js';

const ID = '[a-zA-Z_][a-zA-Z0-9_]*';

export const verilog: LexerDef = lazyLexer('verilog', () => ({
  states: {
    expr_bol: [mixin('inline_whitespace'), rule(/`define/, 'cp', 'macro'), rule('', (run) => run.pop())],
    bol: [rule(`${ID}:(?!:)`, 'nl'), mixin('expr_bol')],
    inline_whitespace: [
      rule(/[ \t\r]+/, ''),
      rule(/\\\n/, ''),
      rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm'),
    ],
    whitespace: [
      rule(/\n+/s, '', 'bol'),
      rule(/\/\/(\\.|.)*?$/, 'c1', 'bol'),
      mixin('inline_whitespace'),
    ],
    expr_whitespace: [rule(/\n+/s, '', 'expr_bol'), mixin('whitespace')],
    string: cStringState(),
    statement: [
      mixin('whitespace'),
      rule(/L?"/, 's', 'string'),
      rule(/([0-9_]+\.[0-9_]*|[0-9_]*\.[0-9_]+)(e[+-]?[0-9_]+)?/i, 'mf'),
      rule(/[0-9_]+e[+-]?[0-9_]+/i, 'mf'),
      rule(/[0-9]*'h[0-9a-fA-F_?]+/, 'mh'),
      rule(/[0-9]*'b?[01xz_?]+/, 'mb'),
      rule(/[0-9]*'d[0-9_?]+/, 'mi'),
      rule(/[0-9_]+[lu]*/i, 'mi'),
      rule(/[-~!%^&*+=\|?:<>/@{}]/, 'o'),
      rule(/[()\[\],.$#;]/, 'p'),
      rule(/`(\w+)/, 'cp'),
      rule(ID, (run, m) => {
        if (VERILOG_KEYWORDS.has(m[0])) run.token('k');
        else if (VERILOG_KEYWORDS_TYPE.has(m[0])) run.token('kt');
        else if (VERILOG_SYSTEM_TASKS.has(m[0])) run.token('nb');
        else run.token('n');
      }),
    ],
    root: [mixin('expr_whitespace'), rule('', (run) => run.push('statement'))],
    macro: [
      rule(/\n/, 'cp', '#pop'),
      mixin('inline_whitespace'),
      rule(/;/, 'p'),
      rule(/=/, 'o'),
      rule(/(\w+)/, ''),
    ],
  },
}));
