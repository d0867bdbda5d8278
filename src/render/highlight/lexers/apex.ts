/**
 * Apex, Salesforce's Java-like language (tag `apex`), as Rouge 3.30 lexes it (lexers/apex.rb):
 * one rule takes a word with an optional `@ $ .` before it and `:` or `(` after it, and the whole
 * match (prefix and suffix included, so `if(` is no keyword) is looked up lower-cased among the
 * keywords `k`, declarations `kd`, types `kt` and constants `kc`, or upper-cased among SOQL's
 * words `k`; otherwise `@name` `nd`, `name:` `o nl p`, `name(` `o nf p`, `.name` `o py`, `n`.
 * `class`/`interface` then a name `kd nc`; `import` then a dotted name `kn nn`; strings `s2`
 * (a `'…'` string's body too, as in Rouge) with escapes `se`; numbers with `_` separators.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { onlyWhereLater } from './loop-match.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = set(`assert break case catch continue default do else finally for if goto instanceof new
  return switch this throw try while insert update delete`);
const DECLARATIONS = set(`abstract const enum extends final implements native private protected public
  static super synchronized throws transient volatile with sharing without inherited virtual global
  testmethod`);
const SOQL = set(`SELECT FROM WHERE UPDATE LIKE TYPEOF END USING SCOPE WITH DATA CATEGORY GROUP BY ROLLUP
  CUBE HAVING ORDER BY ASC DESC NULLS FIRST LAST LIMIT OFFSET FOR VIEW REFERENCE UPDATE TRACKING
  VIEWSTAT OR AND`);
const TYPES = set('String boolean byte char double float int long short var void');
const CONSTANTS = set('true false null');

const ID = '[a-z_][a-z0-9_]*';
const DIGIT = '(?:[0-9]_+[0-9]|[0-9])';

export const apex: LexerDef = lazyLexer('apex', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater('*/', 2, rule(/\/\*.*?\*\//s, 'cm')),
      rule(/(?:class|interface)\b/, 'kd', 'class'),
      rule(/import\b/, 'kn', 'import'),
      rule(new RegExp(`([@$.]?)(${ID})([:(]?)`, 'i'), (run, m) => {
        const lower = m[0].toLowerCase();
        if (KEYWORDS.has(lower) || SOQL.has(m[0].toUpperCase())) run.token('k');
        else if (DECLARATIONS.has(lower)) run.token('kd');
        else if (TYPES.has(lower)) run.token('kt');
        else if (CONSTANTS.has(lower)) run.token('kc');
        else if (lower === 'package') run.token('kn');
        else if (m[1] === '@') run.token('nd');
        else if (m[3] === ':') run.groups('o', 'nl', 'p');
        else if (m[3] === '(') run.groups('o', 'nf', 'p');
        else if (m[1] === '.') run.groups('o', 'py', 'p');
        else run.token('n');
      }),
      rule(/"/, 's2', 'dq'),
      rule(/'/, 's1', 'sq'),
      rule(`${DIGIT}+\\.${DIGIT}+(?:[eE]${DIGIT}+)?[fd]?`, 'mf'),
      rule(/0b(?:[01]_+[01]|[01])+/i, 'mb'),
      rule(/0x(?:[0-9a-fA-F]_+[0-9a-fA-F]|[0-9a-fA-F])+/i, 'mh'),
      rule(/0(?:[0-7]_+[0-7]|[0-7])+/, 'mo'),
      rule(`${DIGIT}+L?`, 'mi'),
      rule(/[-+\/*~^!%&<>|=.?]/, 'o'),
      rule(/[\[\](){},:;]/, 'p'),
    ],
    class: [rule(/\s+/, ''), rule(new RegExp(ID, 'i'), 'nc', '#pop')],
    import: [rule(/\s+/, ''), rule(/[a-z0-9_.]+\*?/i, 'nn', '#pop')],
    escape: [rule(/\\[btnfr\\"']/, 'se')],
    dq: [mixin('escape'), rule(/[^\\"]+/, 's2'), rule(/"/, 's2', '#pop')],
    sq: [mixin('escape'), rule(/[^\\']+/, 's2'), rule(/'/, 's2', '#pop')],
  },
}));
