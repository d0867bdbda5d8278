/**
 * OpenEdge ABL, Progress's business language (tag `openedge`), as Rouge 3.30 lexes it
 * (lexers/openedge.rb): words (which may hold `-`, `&`, `{`, `}`) looked up upper-cased among
 * its ~1,800 keywords `nb` and data types `kt` (OPENEDGE_* in ../rouge-words.ts), else `nv`;
 * `TRUE FALSE NULL` `kc`; `&` and `{&` preprocessor names `cp nx` with the rest of their line;
 * a `.` before whitespace `o`; strings `s` with escapes `se`, `'c'` `sc`, numbers; a stray
 * star-slash `err`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { OPENEDGE_KEYWORDS, OPENEDGE_KEYWORDS_TYPE } from '../rouge-words.js';
import { onlyWhereLater } from './loop-match.js';

export const openedge: LexerDef = lazyLexer('openedge', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/(\.)(\s+)/, ['o', '']),
      rule(/\/\/[^\n]*/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater('*/', 2, rule(/\/[*].*?[*]\//s, 'cm')),
      rule(/(\{?&)(\S+)/, ['cp', 'nx'], 'preproc'),
      rule(/"/, 's', 'string'),
      rule(/'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'/i, 'sc'),
      mixin('numbers'),
      rule(/\*\//, 'err'),
      rule(/[~!%^*+=|?:<>\/-]/, 'o'),
      rule(/[()\[\],]/, 'p'),
      rule(/(?:TRUE|FALSE|NULL)\b/i, 'kc'),
      rule(/[a-zA-Z_&{}][a-zA-Z0-9_\-&}]*/, (run, m) => {
        const name = m[0].toUpperCase();
        run.token(OPENEDGE_KEYWORDS.has(name) ? 'nb' : OPENEDGE_KEYWORDS_TYPE.has(name) ? 'kt' : 'nv');
      }),
    ],
    numbers: [
      rule(/(?:\d+[.]\d*|[.]\d+)(?:e[+-]?\d+[lu]*)?/i, 'mf'),
      rule(/\d+e[+-]?\d+[lu]*/i, 'mf'),
      rule(/0x[0-9a-f]+[lu]*/i, 'mh'),
      rule(/0[0-7]+[lu]*/i, 'mo'),
      rule(/\d+[lu]*/i, 'mi'),
    ],
    string: [
      rule(/"/, 's', '#pop'),
      rule(/\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})/, 'se'),
      rule(/[^\\"]+/, 's'),
      rule(/\\/, 's'),
    ],
    preproc: [
      rule(/\n/, '', '#pop'),
      rule(/\s+/, ''),
      rule(/(\{?&)(\S+)/, ['cp', 'nx']),
      rule(/"/, 's', 'string'),
      mixin('numbers'),
      rule(/\S+/, 'n'),
    ],
  },
}));
