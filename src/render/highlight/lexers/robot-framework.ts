/**
 * Robot Framework test data (tag `robot_framework`; `robot`, `robot-framework`), as Rouge 3.30
 * lexes it (lexers/robot_framework.rb): text before the first `*** Section ***` is bare; section
 * headings `gh`; in Settings the setting names `bp`; test, task and keyword names `nl`; cells
 * are told apart by their separators (two or more spaces, tabs, ` | `): the first cell of a
 * test's or keyword's step is a keyword `nf` (`Given`/`When`/… prefixes `nb`), later cells
 * arguments `s`; `[Setup]`-style settings `p bp p`; `${var}`/`@{…}`/`&{…}`/`%{…}` `nv`;
 * `#` comments at a cell's start `c`.
 *
 * Like Rouge's lexer it keeps the column, the kind of cell that comes next and whether a
 * `[Template]` is in force across tokens (its instance variables, here `run.data`), all reset
 * at each newline except the template flag. Rouge quirks kept: a section ends wherever a `*`
 * (or `| *`) comes at the start of a cell, not only at the start of a line (its lookahead's `^`
 * is at the pattern's start, where Ruby's StringScanner always matches it); the plural `s` is
 * only dropped when lower-case (`*** TEST CASES ***` opens no section); `FOR` needs no word
 * boundary.
 */
import { type LexerDef, type LexRun, lazyLexer, mixin, rule } from '../engine.js';

const SETTINGS_WITH_KEYWORDS = new Set([
  'library', 'resource', 'setup', 'teardown', 'template', 'suite setup', 'suite teardown',
  'task setup', 'task teardown', 'task template', 'test setup', 'test teardown', 'test template',
  'variables',
]);
const SETTINGS_WITH_ARGS = new Set([
  'arguments', 'default tags', 'documentation', 'force tags', 'metadata', 'return', 'tags',
  'timeout', 'task timeout', 'test timeout',
]);

const ID = String.raw`(?:\\|[^|$@&% \t\n])+(?: (?:\\.|[^|$@&% \t\n])+)*`;
const BDD = /(?:Given|When|Then|And|But) /i;
const SEP = String.raw` +\| +|[ ]{2,}|\t+`;

interface RobotData {
  col: number;
  next: string | null;
  isTemplate: boolean;
}
const data = (run: LexRun): RobotData => run.data as RobotData;

/** What a `[Setting]` or a setting name makes of the cells after it. */
const nextFor = (name: string): string | null | undefined =>
  SETTINGS_WITH_KEYWORDS.has(name) ? 'keyword' : SETTINGS_WITH_ARGS.has(name) ? 'args' : undefined;

// Ruby's String#chomp("s") drops one trailing lower-case `s`.
const chompS = (s: string) => (s.endsWith('s') ? s.slice(0, -1) : s);

const SECTIONS: Record<string, string> = {
  setting: 'section_settings',
  'test case': 'section_tests',
  task: 'section_tasks',
  keyword: 'section_keywords',
  variable: 'section_variables',
};

/** `${`, `@{`, `&{`, `%{` in a keyword or argument cell: a following keyword cell stays one. */
const variableInCell = rule(/[$@&%]\{/, (run) => {
  run.token('nv');
  const d = data(run);
  if (d.next !== null) d.next = 'keyword';
  run.push('var');
});

export const robotFramework: LexerDef = lazyLexer('robot_framework', () => ({
  start: (run) => {
    Object.assign(run.data, { col: 0, next: null, isTemplate: false } satisfies RobotData);
    run.push('prior_text');
  },
  states: {
    prior_text: [rule(/^[^*][^\n]*/, ''), rule('', (run) => run.pop())],
    whitespace: [rule(/\s+/, 'w')],
    section_include: [mixin('end_section'), mixin('sep'), mixin('newline')],
    end_section: [rule(/(?=^(?:\| )?\*)/, (run) => run.pop())],
    return: [rule('', (run) => run.pop())],
    sep: [
      rule(/\| /, 'w'),
      rule(SEP, (run) => {
        run.token('w');
        const d = data(run);
        d.col++;
        if (d.next) run.push(d.next);
        else if (d.isTemplate) run.push('args');
        else if (d.col === 1) {
          d.next = 'keyword';
          run.push('keyword');
        } else run.push('args');
        run.push('cell_start');
      }),
      rule(/\.\.\. */, (run) => {
        run.token('w');
        data(run).col++;
        run.push('args');
      }),
      rule(/ ?\|/, 'w'),
    ],
    newline: [
      rule(/\n/, (run) => {
        run.token('w');
        const d = data(run);
        d.col = 0;
        d.next = null;
        run.push('cell_start');
      }),
    ],
    root: [
      mixin('whitespace'),
      rule(/^(?:\| )?\*[* ]*([A-Z]+(?: [A-Z]+)?)[^\n]*/i, (run, m) => {
        run.token('gh');
        const section = SECTIONS[chompS(m[1]).toLowerCase()];
        if (section) run.push(section);
      }),
    ],
    section_settings: [
      mixin('section_include'),
      rule(/([A-Z]+(?: [A-Z]+)?)(:?)/i, (run, m) => {
        const next = nextFor(m[1].toLowerCase());
        data(run).next = next ?? null;
        run.groups('bp', 'p');
      }),
    ],
    section_tests: [
      mixin('section_include'),
      rule(/[$@&%{}]+/, 'nl'),
      rule(/( )(?![ |])/, 'nl'),
      rule(ID, (run) => {
        data(run).isTemplate = false;
        run.token('nl');
      }),
    ],
    section_tasks: [mixin('section_tests')],
    section_keywords: [
      mixin('section_include'),
      rule(/[$@&%]\{/, 'nv', 'var'),
      rule(/[$@&%{}]+/, 'nl'),
      rule(/( )(?![ |])/, 'nl'),
      rule(ID, 'nl'),
    ],
    section_variables: [
      mixin('section_include'),
      rule(/[$@&%]\{/, (run) => {
        run.token('nv');
        data(run).next = 'args';
        run.push('var');
      }),
    ],
    cell_start: [rule(/#[^\n]*/, 'c'), mixin('return')],
    keyword: [
      rule(/(\[)([A-Z]+(?: [A-Z]+)?)(\])/i, (run, m) => {
        run.groups('p', 'bp', 'p');
        const name = m[2].toLowerCase();
        const d = data(run);
        if (name === 'template') d.isTemplate = true;
        const next = nextFor(name);
        if (next) d.next = next;
        run.pop();
      }),
      variableInCell,
      rule(/FOR/i, (run) => {
        run.token('nf');
        const d = data(run);
        if (d.next !== null) d.next = 'keyword';
      }),
      rule(/( )(?![ |])/, 'nf'),
      rule(BDD, 'nb'),
      rule(ID, (run) => {
        run.token('nf');
        data(run).next = null;
      }),
      mixin('return'),
    ],
    args: [
      variableInCell,
      rule(/[$@&%]+/, 's'),
      rule(/( )(?![ |])/, 's'),
      rule(ID, 's'),
      mixin('return'),
    ],
    var: [
      rule(/(\})( )(=)/, ['nv', 'w', 'p'], '#pop'),
      rule(/[$@&%]\{/, 'nv', 'var'),
      rule(/[{\[]/, 'nv', 'var'),
      rule(/[}\]]/, 'nv', '#pop'),
      rule(/[^$@&%{}\[\]]+/, 'nv'),
      rule(/\}\[/, 'nv'),
    ],
  },
}));
