/**
 * Oracle PL/SQL (tag `plsql`), as Rouge 3.30 lexes it (lexers/plsql.rb): words are looked up,
 * case-insensitively, in Rouge's type list `kt`, then its function list `nf`, then its reserved
 * words `kr`, then its keywords `k`, else `n`; quotes are `o` around `s1` (`''` and backslash
 * escapes `se`) or `nv` (double-quoted object names); `q'[…]'` literals `sx`; `$IF`/`$$name`
 * directives `cp`; `NOT AND OR LIKE BETWEEN IN` followed by a space and `IS [NOT] NULL` `ow`;
 * `%TYPE`-like attributes `na`. After a dot, a name is `nf` when it is a function (collection
 * methods like `COUNT`), else `n`. `CREATE [OR REPLACE] PACKAGE|FUNCTION…` and MERGE's
 * `WHEN [NOT] MATCHED THEN UPDATE|INSERT [SET]` are `kr` throughout.
 * Rouge quirks kept: the word operators need no word boundary before them, only a following
 * space, and a sign sticks to a number (`a-1` is `n`, `mi`).
 */
import { type LexerDef, type LexRun, type RuleSpec, lazyLexer, rule } from '../engine.js';
import { PLSQL_KEYWORDS, PLSQL_KEYWORDS_FUNC, PLSQL_KEYWORDS_RESERVED, PLSQL_KEYWORDS_TYPE } from '../rouge-words.js';

const CLOSING: Record<string, string> = { '{': '}', '[': ']', '(': ')', '<': '>' };
const esc = (ch: string, inClass = false) =>
  /[\^$\\.*+?()[\]{}|\/]/.test(ch) || (inClass && ch === '-') ? '\\' + ch : ch;

function wordTok(word: string): string {
  const up = word.toUpperCase();
  if (PLSQL_KEYWORDS_TYPE.has(up)) return 'kt';
  if (PLSQL_KEYWORDS_FUNC.has(up)) return 'nf';
  if (PLSQL_KEYWORDS_RESERVED.has(up)) return 'kr';
  if (PLSQL_KEYWORDS.has(up)) return 'k';
  return 'n';
}

/** `q'X…X'`: the body runs to the closing delimiter followed by a quote (Rouge pushes a state per delimiter). */
function quoted(run: LexRun, m: RegExpExecArray): void {
  const close = CLOSING[m[1]] ?? m[1];
  run.token('o');
  run.pushDynamic(`q ${close}`, (): RuleSpec[] => [
    // Linear: the group is repeated greedily with nothing after it, so it never backtracks.
    rule(`(?:${esc(close)}[^']|[^${esc(close, true)}]'|[^${esc(close, true)}'])+`, 'sx'),
    rule(`${esc(close)}'`, 'o', '#pop'),
  ]);
}

export const plsql: LexerDef = lazyLexer('plsql', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/--.*/, 'c1'),
      rule(/\/\*/, 'cm', 'multiline_comments'),
      rule(/q'(.)/i, quoted),
      rule(/'/, 'o', 'single_string'),
      rule(/"/, 'o', 'double_string'),
      rule(/(\$(?:IF|THEN|ELSE|ELSIF|ERROR|END|(?:\$\$?\w[\w\d]*)))(\s+)/is, ['cp', '']),
      rule(/[+-]?(?:(?:\.\d+(?:[eE][+-]?\d+)?)|\d+\.(?:\d+(?:[eE][+-]?\d+)?)?)[fFdD]?/, 'mf'),
      rule(/[+-]?\d+/, 'mi'),
      rule(/%(?:TYPE|ROWTYPE|FOUND|ISOPEN|NOTFOUND|ROWCOUNT)\b/i, 'na'),
      rule(/=>|\|\||\*\*|<<|>>|\.\.|<>|[:!~^<>]=|[-+%\/*=<>@&!^\[\]]/, 'o'),
      rule(/(NOT|AND|OR|LIKE|BETWEEN|IN)(\s)/is, ['ow', '']),
      rule(/(IS)(\s+)(?:(NOT)(\s+))?(NULL\b)/is, ['ow', '', 'ow', '', 'ow']),
      rule(/\.(?=\w)/, 'p', 'dotnames'),
      rule(/[;:()\[\],.]/, 'p'),
      rule(
        /(create)(\s+)(?:(or)(\s+)(replace)(\s+))?(package|function|procedure|type)(?:(\s+)(body))?(\s+)(\w[\w\d$]*)/is,
        ['kr', '', 'kr', '', 'kr', '', 'kr', '', 'kr', '', 'n'],
      ),
      rule(
        /(when)(\s+)(?:(not)(\s+))?(matched)(\s+)(then)(\s+)(update|insert)\b(?:(\s+)(set)(\s+))?/is,
        ['kr', '', 'kr', '', 'kr', '', 'kr', '', 'kr', '', 'kr', ''],
      ),
      rule(/(\w[\w\d$]*)(\.(?=\w))?/, (run, m) => {
        run.groups(wordTok(m[1]), 'p');
        if (m[2] === '.') run.push('dotnames');
      }),
    ],
    multiline_comments: [rule(/([*][^\/]|[^*])+/s, 'cm'), rule(/[*]\//, 'cm', '#pop')],
    single_string: [rule(/\\./, 'se'), rule(/''/, 'se'), rule(/'/, 'o', '#pop'), rule(/[^\\']+/, 's1')],
    double_string: [rule(/\\./, 'se'), rule(/""/, 'se'), rule(/"/, 'o', '#pop'), rule(/[^\\"]+/, 'nv')],
    dotnames: [
      rule(/(\w[\w\d$]*)(\.(?=\w))/, ['n', 'p']),
      rule(/\w[\w\d$]*/, (run, m) => {
        run.token(PLSQL_KEYWORDS_FUNC.has(m[0].toUpperCase()) ? 'nf' : 'n');
        run.pop();
      }),
    ],
  },
}));
