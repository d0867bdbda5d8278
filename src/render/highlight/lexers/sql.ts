/**
 * SQL (tag `sql`), as Rouge 3.30 lexes it: keywords `k` and type names `nb` matched
 * case-insensitively against Rouge's lists, other words `n`; `'…'` strings `s1` (`''` and
 * backslash escapes `se`); `"…"` and `` `…` `` are identifiers, `nv`; numbers `mi` (a decimal is
 * `mi p mi`); `--` comments `c1`, nested block comments `cm`.
 */
import { type LexerDef, type RuleSpec, rule, lazyLexer } from '../engine.js';
import { SQL_KEYWORDS, SQL_KEYWORDS_TYPE } from '../rouge-words.js';

/** Rouge's SQL states over a pair of word lists (HQL < SQL has its own, ./hql.ts). */
export function sqlStates(
  keywords: { has(word: string): boolean },
  types: { has(word: string): boolean },
): Record<string, RuleSpec[]> {
  return {
    root: [
      rule(/\s+/, ''),
      rule(/--.*/, 'c1'),
      rule(/\/\*/, 'cm', 'multiline_comments'),
      rule(/\d+/, 'mi'),
      rule(/'/, 's1', 'single_string'),
      rule(/"/, 'nv', 'double_string'),
      rule(/`/, 'nv', 'backtick'),
      rule(/\w[\w\d]*/, (run, m) => {
        const up = m[0].toUpperCase();
        if (types.has(up)) run.token('nb');
        else if (keywords.has(up)) run.token('k');
        else run.token('n');
      }),
      rule(/[+*\/<>=~!@#%&|?^\-]/, 'o'),
      rule(/[;:()\[\]{},.]/, 'p'),
    ],
    multiline_comments: [
      rule(/\/[*]/, 'cm', 'multiline_comments'),
      rule(/[*]\//, 'cm', '#pop'),
      rule(/[^\/*]+/, 'cm'),
      rule(/[\/*]/, 'cm'),
    ],
    backtick: [rule(/\\./, 'se'), rule(/``/, 'se'), rule(/`/, 'nv', '#pop'), rule(/[^\\`]+/, 'nv')],
    single_string: [rule(/\\./, 'se'), rule(/''/, 'se'), rule(/'/, 's1', '#pop'), rule(/[^\\']+/, 's1')],
    double_string: [rule(/\\./, 'se'), rule(/""/, 'se'), rule(/"/, 'nv', '#pop'), rule(/[^\\"]+/, 'nv')],
  };
}

export const sql: LexerDef = lazyLexer('sql', () => ({ states: sqlStates(SQL_KEYWORDS, SQL_KEYWORDS_TYPE) }));
