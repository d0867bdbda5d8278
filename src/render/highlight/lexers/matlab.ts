/**
 * MATLAB (tags `matlab`, `m`), as Rouge 3.30 lexes it: keywords `k`, Rouge's long builtin list
 * `nb`, other names `n`; `%` comments `c1`, `%{ … %}` `cm`; `...` continuation `k` + rest `c`;
 * `!cmd` lines through the shell lexer; a `'` is a string only if another `'` follows on the line
 * (else the transpose operator `o`); numbers `mf`/`mi`.
 */
import { type LexerDef, rule, lazyLexer } from '../engine.js';
import { MATLAB_BUILTINS } from '../rouge-words.js';
import { shell } from './shell.js';

const KEYWORDS = new Set(
  `arguments break case catch classdef continue else elseif end for function global if import
  methods otherwise parfor persistent properties return spmd switch try while`.split(/\s+/),
);

export const matlab: LexerDef = lazyLexer('matlab', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/[{]%.*?%[}]/s, 'cm'),
      rule(/%.*$/, 'c1'),
      rule(/([.][.][.])(.*?)$/, ['k', 'c']),
      rule(/^(!)(.*?)(?=%|$)/, (run, m) => {
        run.token('k', m[1]);
        run.delegateFresh(shell, m[2]);
      }),
      rule(/[a-zA-Z][_a-zA-Z0-9]*/, (run, m) => {
        if (KEYWORDS.has(m[0])) run.token('k');
        else if (MATLAB_BUILTINS.has(m[0])) run.token('nb');
        else run.token('n');
      }),
      rule(/[(){};:,\/\\\]\[]/, 'p'),
      rule(/~=|==|<<|>>|[\-~+\/*%=<>&^|.@]/, 'o'),
      rule(/(?:\d+\.\d*|\d*\.\d+)(?:e[+\-]?[0-9]+)?/i, 'mf'),
      rule(/\d+e[+\-]?[0-9]+/i, 'mf'),
      rule(/\d+L/, 'il'),
      rule(/\d+/, 'mi'),
      rule(/'(?=.*')/, 's1', 'chararray'),
      rule(/"(?=.*")/, 's2', 'string'),
      rule(/'/, 'o'),
    ],
    chararray: [rule(/[^']+/, 's1'), rule(/''/, 'se'), rule(/'/, 's1', '#pop')],
    string: [rule(/[^"]+/, 's2'), rule(/""/, 'se'), rule(/"/, 's2', '#pop')],
  },
}));
