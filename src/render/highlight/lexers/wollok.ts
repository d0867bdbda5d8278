/**
 * Wollok, a teaching language for objects (tag `wollok`), as Rouge 3.30 lexes it
 * (lexers/wollok.rb): `class`/`object`/`mixin` `kr` then the names up to `{` `nc` (and
 * `inherits`/`mixed`/`with`/`and` `kr`), `import` `kr` with the rest of its line as text, `test`,
 * `program` and the keywords `kr`, `self` `bp`, `method` `kr` and its name as text, operators `o`,
 * `(`, `)`, `=` and braces as text, numbers `m`, strings `s`, comments `c1`/`cm`, blanks `w`.
 * Other names are `kv`, or `nc` when capitalised or already declared by `class`/`object`/`mixin`.
 *
 * Rouge's rules match without word boundaries where written so: `objects` is `object` then a
 * declared name `s`, `testing` is `test` then `ing`; after `class`/`object`/`mixin` anything but a
 * name, blank or comment is an error until a name before `{` ends the declaration.
 *
 * Rouge keeps the declared names in one array for the life of the Ruby process (a local of the
 * lexer's class body), so in a Jekyll build a name declared in one block is `nc` in every later
 * block. Here they are remembered for one block (as in a fresh process): the order in which a
 * build highlights its blocks is not Jekyll's.
 */
import { type LexerDef, type LexRun, lazyLexer, rule } from '../engine.js';

const ENTITY_NAME = '[a-zA-Z][a-zA-Z0-9]*';
const VARIABLE_NAMING = `_?${ENTITY_NAME}`;
const KEYWORDS = ['new', 'super', 'return', 'if', 'else', 'var', 'const', 'override', 'constructor'];

function declared(run: LexRun): Set<string> {
  return (run.data.entities ??= new Set<string>());
}

export const wollok: LexerDef = lazyLexer('wollok', () => ({
  states: {
    whitespaces_and_comments: [rule(/\s+/, 'w'), rule(/\/\/.*$/, 'c1'), rule(/\/\*[\s\S]*?\*\//, 'cm')],
    root: [
      { mixin: 'whitespaces_and_comments' },
      rule(/(import)(.+$)/, ['kr', '']),
      rule(/(class|object|mixin)/, 'kr', 'declaration'),
      rule(/test|program/, 'kr'),
      rule(`(package)(\\s+)(${ENTITY_NAME})`, ['kr', 'w', 'nc']),
      rule(/\{|\}/, ''),
      { mixin: 'keywords' },
      { mixin: 'symbols' },
      { mixin: 'objects' },
    ],
    // Rouge's state `foo`: the names after `class`, `object` or `mixin`
    declaration: [
      { mixin: 'whitespaces_and_comments' },
      rule(/inherits|mixed|with|and/, 'kr'),
      rule(`${ENTITY_NAME}(?=\\s*\\{)`, (run, m) => {
        run.token('nc');
        declared(run).add(m[0]);
        run.pop();
      }),
      rule(ENTITY_NAME, (run, m) => {
        run.token('nc');
        declared(run).add(m[0]);
      }),
    ],
    keywords: [
      rule(/self\b/, 'bp'),
      rule(KEYWORDS.map((k) => `${k}\\b`).join('|'), 'kr'),
      rule(`(method)(\\s+)(${VARIABLE_NAMING})`, ['kr', 'w', '']),
    ],
    objects: [
      rule(VARIABLE_NAMING, (run, m) => {
        const name = m[0];
        run.token(declared(run).has(name) || (name[0] >= 'A' && name[0] <= 'Z') ? 'nc' : 'kv');
      }),
      rule(`\\.${ENTITY_NAME}`, ''),
      { mixin: 'literals' },
    ],
    literals: [
      { mixin: 'whitespaces_and_comments' },
      rule(/[0-9]+\.?[0-9]*/, 'm'),
      rule(/"[^"]*"/, 's'),
      rule(/\[|#\{/, 'p', 'lists'),
    ],
    lists: [rule(/,/, 'p'), rule(/\]|\}/, 'p', '#pop'), { mixin: 'objects' }],
    symbols: [
      rule(/\+\+|--|\+=|-=|\*\*|!/, 'o'),
      rule(/\+|-|\*|\/|%/, 'o'),
      rule(/<=|=>|===|==|<|>/, 'o'),
      rule(/and\b|or\b|not\b/, 'o'),
      rule(/\(|\)|=/, ''),
      rule(/,/, 'p'),
    ],
  },
}));
