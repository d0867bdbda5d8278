/**
 * JSL, the JMP Scripting Language (tag `jsl`), as Rouge 3.30 lexes it (lexers/jsl.rb): a name
 * (which may hold spaces, `'`, `%`, `.` and `\`) before `(` is a function `k`, other names `nv`
 * (with `:`/`::` scopes `p`); `"…"n` names `nv`; dates like `01jan2020` `ld`; numbers `m`; `"…"`
 * strings `s2` with `\!` escapes `se` and `"\[…]\"` raw strings; `<<` messages `o nf`; `//` and
 * nested block comments `cm`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { onlyWhereLater } from './loop-match.js';

export const jsl: LexerDef = lazyLexer('jsl', () => ({
  states: {
    root: [
      rule(/\s+/, 'w'),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\/[*].*?/, 'cm', 'comment'),
      rule(/<</, 'o', 'message'),
      rule(/(::|:)?([a-z_][\w\s'%.\\]*)(\()/i, ['p', 'k', 'p']),
      rule(/\d{2}(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\d{2}(\d{2})?(:\d{2}:\d{2}(:\d{2}(\.\d*)?)?)?/i, 'ld'),
      rule(/-?(?:[0-9]+(?:[.][0-9]+)?|[.][0-9]*)(?:e[+-]?[0-9]+)?i?/i, 'm'),
      rule(/(::|:)?([a-z_][\w\s'%.\\]*|"(?:\\!"|[^"])*?"n)/i, ['p', 'nv']),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater(']\\"', 3, rule(/(")(\\\[)(.*?)(\]\\)(")/s, ['s2', 'se', 's2', 'se', 's2'])),
      rule(/"/, 's2', 'dq'),
      rule(/[-+*\/!%&<>|=:`^]/, 'o'),
      rule(/[\[\](){},;]/, 'p'),
    ],
    message: [
      rule(/\s+/, 'w'),
      rule(/[a-z_][\w\s'%.\\]*/i, 'nf'),
      rule(/[(),;]/, 'p', '#pop'),
      rule(/[&|!=<>]/, 'o', '#pop'),
    ],
    dq: [
      rule(/\\![btrnNf0\\"]/, 'se'),
      rule(/\\/, 's2'),
      rule(/"/, 's2', '#pop'),
      rule(/[^\\"]+/, 's2'),
    ],
    comment: [
      rule(/\/[*]/, 'cm', 'comment'),
      rule(/[*]\//, 'cm', '#pop'),
      rule(/[^\/*]+/, 'cm'),
      rule(/[\/*]/, 'cm'),
    ],
  },
}));
