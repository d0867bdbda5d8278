/**
 * J (tag `j`), as Rouge 3.30 lexes it (lexers/j.rb). Primitives — one character of J's
 * vocabulary, or a single letter, with its inflection (`.` `:` `..` `.:` `:.` `::`) — are
 * classed by Rouge's table of parts of speech: nouns `kc`, verbs `nf`, modifiers `o`, `m n u v x
 * y` `bp`, parentheses `p`, other letters `n`, combinations J lacks `err`. Numbers `m`, `'…'`
 * `s1` (`''` `se`), `NB.` comments `c1`, names `n`, control words (`if.`, `for_i.`, `label_x.`)
 * `k` with their name part `n`/`nl`. Explicit definitions (`3 : 0`, `verb define`, `dyad def
 * '…'`) `kp` open a body lexed as code, or as a heredoc `sh` for nouns, up to a line holding only
 * `)`; a quoted definition is lexed as code inside its quotes. `Note` opens a comment block `cm`
 * from the next line.
 */
import { type LexRun, type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

type Part = 'noun' | 'verb' | 'modifier' | 'name' | 'param' | 'other' | null;
const TOKEN: Record<string, string> = { noun: 'kc', verb: 'nf', modifier: 'o', name: 'n', param: 'bp', other: 'p' };
const INFLECTIONS = ['', '.', ':', '..', '.:', ':.', '::'];
const M: Part = 'modifier';
const V: Part = 'verb';
const TABLE = new Map<string, Part[]>();
for (const [chars, parts] of [
  ['()', ['other']],
  ['=', [V, 'other', 'other']],
  ['<>+-*%$|,#', [V, V, V]],
  ['^', [V, V, M]],
  ['~"', [M, V, V]],
  ['.:@', [M, M, M]],
  [';', [V, M, V]],
  ['!', [V, M, M]],
  ['/\\', [M, M, V]],
  ['[', [V, null, V]],
  [']', [V]],
  ['{', [V, V, V, null, null, null, V]],
  ['}', [M, V, V, null, null, null, M]],
  ['`', [M, null, M]],
  ['&', [M, M, M, null, M]],
  ['?', [V, V]],
  ['a', ['name', 'noun', 'noun']],
  ['ACeEIjorv', ['name', V]],
  ['bdfHMT', ['name', M]],
  ['Dt', ['name', M, M]],
  ['F', ['name', M, M, M, M, M, M]],
  ['iu', ['name', V, V]],
  ['L', ['name', V, M]],
  ['mny', ['param']],
  ['p', ['name', V, V, V]],
  ['qsZ', ['name', null, V]],
  ['S', ['name', null, M]],
  ['u', ['param', V, V]],
  ['v', ['param', V]],
  ['x', ['param', null, V]],
] as Array<[string, Part[]]>) {
  for (const c of chars) TABLE.set(c, parts);
}

/** Rouge's J.primitive: the token of a primitive and its inflection (`err` where J has none). */
function primitive(char: string, inflection: string): string {
  const i = INFLECTIONS.indexOf(inflection);
  if (i < 0) return 'err';
  const part = (TABLE.get(char) ?? ['name'])[i];
  return part ? TOKEN[part] : 'err';
}

const CONTROL_WORDS = new Set(`assert break case catch catchd catcht continue do else elseif end fcase for
  if return select throw try while whilst`.split(/\s+/));
const CONTROL_WORDS_ID = new Set(['for', 'goto', 'label']);

/** Rouge's stack.size. */
const depth = (run: LexRun) => run.stack.length;

export const j: LexerDef = lazyLexer('j', () => ({
  start: (run) => {
    run.data.noteNext = false;
  },
  states: {
    expr: [
      rule(/\s+/, ''),
      rule(String.raw`([!-&(-\/:-@\[-^\x60{-~]|[A-Za-z]\b)([.:]*)`, (run, m) => run.token(primitive(m[1], m[2]))),
      rule(/(?:\d|_\d?):([.:]*)/, (run, m) => run.token(m[1] ? 'err' : 'nf')),
      rule(/[\d_][\w.]*([.:]*)/, (run, m) => run.token(m[1] ? 'err' : 'm')),
      rule(/'/, 's1', 'str'),
      rule(/NB\.(?![.:]).*/, 'c1'),
      rule(/([A-Za-z]\w*)([.:]*)/, (run, m) => {
        if (m[2] === '.') {
          const cut = m[1].indexOf('_');
          const word = cut < 0 ? m[1] : m[1].slice(0, cut);
          const sep = cut < 0 ? '' : '_';
          const id = cut < 0 ? '' : m[1].slice(cut + 1);
          const list = !sep ? CONTROL_WORDS : id ? CONTROL_WORDS_ID : undefined;
          if (list?.has(word)) {
            run.token('k', word + sep);
            run.token(word === 'for' ? 'n' : 'nl', id);
            run.token('k', m[2]);
          } else run.token('err');
        } else run.token(m[2] ? 'err' : 'n');
      }),
    ],
    str: [rule(/''/, 'se'), rule(/[^'\n]+/, 's1'), rule(/'|$/, 's1', '#pop')],
    root: [
      rule(/\n/, (run) => {
        run.token('');
        if (run.data.noteNext) {
          run.push('note');
          run.data.noteNext = false;
        }
      }),
      rule(/([0-4]|13|adverb|conjunction|dyad|monad|noun|verb)([ \t]+)(def(?:ine)?\b|:)(?![.:])([ \t]*)/, (run, m) => {
        run.groups('kp', '', 'kp', '');
        run.data.defBody = m[1] === '0' || m[1] === 'noun' ? 'noun' : 'code';
        if (m[3] === 'define') {
          if (depth(run) > 1) run.pop();
          run.push(run.data.defBody);
          run.push('def_next');
        } else run.push('expl_def');
      }),
      rule(/^([ \t]*)(Note\b(?![.:]))([ \t\r]*)(?!=[.:]|$)/, (run) => {
        run.groups('', 'n', '');
        run.data.noteNext = true;
      }),
      rule(/[mnuvxy]\b(?![.:])/, 'n'),
      mixin('expr'),
    ],
    def_next: [rule(/\n/, '', '#pop'), mixin('root')],
    expl_def: [
      rule(/0\b(?![.:])/, (run) => {
        run.token('kp');
        if (depth(run) > 2) run.pop();
        run.goto(run.data.defBody);
        run.push('def_next');
      }),
      rule(/'/, (run) => {
        if (run.data.defBody === 'noun') {
          run.token('s1');
          run.goto('str');
        } else {
          run.token('p');
          run.goto('q_expr');
        }
      }),
      rule(/(?:)/, (run) => run.pop()),
    ],
    q_expr: [
      rule(/''/, 's1', 'q_str'),
      rule(/'|$/, 'p', '#pop'),
      rule(/NB\.(?![.:])([^'\n]|'')*/, 'c1'),
      mixin('expr'),
    ],
    q_str: [
      rule(/''''/, 'se'),
      rule(/[^'\n]+/, 's1'),
      rule(/''/, 's1', '#pop'),
      rule(/'|$/, (run) => {
        run.token('p');
        run.pop(2);
      }),
    ],
    note: [mixin('delimiter'), rule(/.+\n?/, 'cm')],
    noun: [mixin('delimiter'), rule(/.+\n?/, 'sh')],
    code: [mixin('delimiter'), rule(/^([ \t]*)(:)([ \t\r]*)$/, ['', 'p', '']), mixin('expr')],
    delimiter: [rule(/^([ \t]*)(\))([ \t\r]*$\n?)/, ['', 'p', ''], '#pop')],
  },
}));
