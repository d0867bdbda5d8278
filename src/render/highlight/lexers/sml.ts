/**
 * Standard ML (tags `sml`, `ml`; `.sml`, `.sig`, `.fun` files), as Rouge 3.30 lexes it: a state
 * machine that follows the declaration being read — after `val`/`and` the bound name is `nv`,
 * after `fun` (and `|` clauses) the function name `nf`, after `type`/`datatype` the type names
 * `kt` and, after `=`, constructors `nc`, after `structure`/`signature`… names `nn`; `let`/`if`/
 * `local` push nested states popped by `in`/`then`/`else`/`end`/`do`; reserved words `kr`,
 * reserved symbols `p`, a reserved word before `.` or as the last part of a path `err`; type
 * variables `nd`; `#label` `nl`; `#"c"` `sc`; strings `s2` with escapes `se`/`si`; numbers with
 * `~` signs; nested `(* … *)` comments (`c`, then `cm`).
 * `ml` fences are Standard ML in Rouge (not OCaml): found in functional-programming course notes.
 */
import { type LexerDef, type LexRun, lazyLexer, mixin, rule } from '../engine.js';
import { SML_KEYWORDS, SML_SYMBOLIC_RESERVED } from '../rouge-words.js';

const ID = String.raw`[\w']+`;
const SYMBOL = '[!%&$#/:<=>?@\\\\~`^|*+\\-]+';
// Rouge joins the keyword set into one alternation between `\b`s: only the alternative that runs
// to the end of the word can match, so the (sorted) order of the generated list does not matter.
const BREAKOUT = () => String.raw`(?=\b(${[...SML_KEYWORDS].join('|')})\b(?!'))`;

function tokenForIdWithDot(id: string): string {
  return SML_KEYWORDS.has(id) ? 'err' : 'nn';
}
function tokenForId(id: string): string {
  if (SML_KEYWORDS.has(id)) return 'kr';
  if (SML_SYMBOLIC_RESERVED.has(id)) return 'p';
  return 'n';
}
const dottedGroups = (run: LexRun, m: RegExpExecArray) => {
  run.token(tokenForIdWithDot(m[1]), m[1]);
  run.token('p', m[2]);
};

export const sml: LexerDef = lazyLexer('sml', () => ({
  states: {
    whitespace: [rule(/\s+/s, ''), rule(/[(][*]/, 'c', 'comment')],
    delimiters: [
      rule(/[(\[{]/, 'p', 'main'),
      rule(/[)\]}]/, 'p', '#pop'),
      rule(/\b(let|if|local)\b(?!')/, (run) => {
        run.token('kr');
        run.push();
        run.push();
      }),
      rule(/\b(struct|sig|while)\b(?!')/, 'kr', '#push'),
      rule(/\b(do|else|end|in|then)\b(?!')/, 'kr', '#pop'),
    ],
    core: [
      rule(/[()\[\]{},;_]|[.][.][.]/, 'p'),
      rule(/#"/, 'sc', 'char'),
      rule(/"/, 's2', 'string'),
      rule(/~?0x[0-9a-fA-F]+/, 'mh'),
      rule(/0wx[0-9a-fA-F]+/, 'mh'),
      rule(/0w\d+/, 'mi'),
      rule(/~?\d+([.]\d+)?[eE]~?\d+/, 'mf'),
      rule(/~?\d+[.]\d+/, 'mf'),
      rule(/~?\d+/, 'mi'),
      rule(/#\s*[1-9][0-9]*/, 'nl'),
      rule(String.raw`#\s*${ID}`, 'nl'),
      rule(String.raw`#\s+${SYMBOL}`, 'nl'),
      rule(/\b(datatype|abstype)\b(?!')/, 'kr', 'dname'),
      rule(/(?=\bexception\b(?!'))/, (run) => run.push('ename')),
      rule(/\b(functor|include|open|signature|structure)\b(?!')/, 'kr', 'sname'),
      rule(/\b(type|eqtype)\b(?!')/, 'kr', 'tname'),
      rule(`'${ID}`, 'nd'),
      rule(`(${ID})([.])`, (run, m) => {
        dottedGroups(run, m);
        run.push('dotted');
      }),
      rule(ID, (run, m) => run.token(tokenForId(m[0]))),
      rule(SYMBOL, (run, m) => run.token(tokenForId(m[0]))),
    ],
    dotted: [
      rule(`(${ID})([.])`, dottedGroups),
      rule(ID, (run, m) => {
        run.token(tokenForId(m[0]));
        run.pop();
      }),
      rule(SYMBOL, (run, m) => {
        run.token(tokenForId(m[0]));
        run.pop();
      }),
    ],
    root: [rule(/#!.*?\n/, 'cp'), rule('', (run) => run.push('main'))],
    main: [
      mixin('whitespace'),
      rule(/\b(val|and)\b(?!')/, 'kr', 'vname'),
      rule(/\b(fun)\b(?!')/, (run) => {
        run.token('kr');
        run.goto('main_fun');
        run.push('fname');
      }),
      mixin('delimiters'),
      mixin('core'),
    ],
    main_fun: [
      mixin('whitespace'),
      rule(/\b(fun|and)\b(?!')/, 'kr', 'fname'),
      rule(/\bval\b(?!')/, (run) => {
        run.token('kr');
        run.goto('main');
        run.push('vname');
      }),
      rule(/[|]/, 'p', 'fname'),
      rule(/\b(case|handle)\b(?!')/, (run) => {
        run.token('kr');
        run.goto('main');
      }),
      mixin('delimiters'),
      mixin('core'),
    ],
    has_escapes: [
      rule(/\\[\\"abtnvfr]/, 'se'),
      rule(/\\\^[\x40-\x5e]/, 'se'),
      rule(/\\[0-9]{3}/, 'se'),
      rule(/\\u\h{4}/, 'se'),
      rule(/\\\s+\\/, 'si'),
    ],
    string: [rule(/[^"\\]+/, 's2'), rule(/"/, 's2', '#pop'), mixin('has_escapes')],
    char: [rule(/[^"\\]+/, 'sc'), rule(/"/, 'sc', '#pop'), mixin('has_escapes')],
    breakout: [rule(BREAKOUT(), (run) => run.pop())],
    sname: [mixin('whitespace'), mixin('breakout'), rule(ID, 'nn'), rule('', (run) => run.pop())],
    has_annotations: [rule(/'[\w']*/, 'nd'), rule(/[(]/, 'p', 'tyvarseq')],
    fname: [mixin('whitespace'), mixin('has_annotations'), rule(ID, 'nf', '#pop'), rule(SYMBOL, 'nf', '#pop')],
    vname: [
      mixin('whitespace'),
      mixin('has_annotations'),
      rule(new RegExp(String.raw`(${ID})(\s*)(=(?!${SYMBOL}))`, 's'), ['nv', '', 'p'], '#pop'),
      rule(new RegExp(String.raw`(${SYMBOL})(\s*)(=(?!${SYMBOL}))`, 's'), ['nv', '', 'p']),
      rule(ID, 'nv', '#pop'),
      rule(SYMBOL, 'nv', '#pop'),
      rule('', (run) => run.pop()),
    ],
    tname: [
      mixin('whitespace'),
      mixin('breakout'),
      mixin('has_annotations'),
      rule(/'[\w']*/, 'nd'),
      rule(/[(]/, 'p', 'tyvarseq'),
      rule(`=(?!${SYMBOL})`, (run) => {
        run.token('p');
        run.goto('typbind');
      }),
      rule(ID, 'kt'),
      rule(SYMBOL, 'kt'),
    ],
    typbind: [
      mixin('whitespace'),
      rule(/\b(and)\b(?!')/, (run) => {
        run.token('kr');
        run.goto('tname');
      }),
      mixin('breakout'),
      mixin('core'),
    ],
    dname: [
      mixin('whitespace'),
      mixin('breakout'),
      mixin('has_annotations'),
      rule(/(=)(\s*)(datatype)\b/, ['p', '', 'kr'], '#pop'),
      rule(`=(?!${SYMBOL})`, (run) => {
        run.token('p');
        run.goto('datbind');
        run.push('datcon');
      }),
      rule(ID, 'kt'),
      rule(SYMBOL, 'kt'),
    ],
    datbind: [
      mixin('whitespace'),
      rule(/\b(and)\b(?!')/, (run) => {
        run.token('kr');
        run.goto('dname');
      }),
      rule(/\b(withtype)\b(?!')/, (run) => {
        run.token('kr');
        run.goto('tname');
      }),
      rule(/\bof\b(?!')/, 'kr'),
      rule(String.raw`([|])(\s*)(${ID})`, ['p', '', 'nc']),
      rule(String.raw`([|])(\s+)(${SYMBOL})`, ['p', '', 'nc']),
      mixin('breakout'),
      mixin('core'),
    ],
    ename: [
      mixin('whitespace'),
      rule(String.raw`(exception|and)(\s+)(${ID})`, ['kr', '', 'nc']),
      rule(String.raw`(exception|and)(\s*)(${SYMBOL})`, ['kr', '', 'nc']),
      rule(/\b(of)\b(?!')/, 'kr'),
      mixin('breakout'),
      mixin('core'),
    ],
    datcon: [mixin('whitespace'), rule(ID, 'nc', '#pop'), rule(SYMBOL, 'nc', '#pop')],
    tyvarseq: [
      mixin('whitespace'),
      rule(/'[\w']*/, 'nd'),
      rule(ID, 'n'),
      rule(/,/, 'p'),
      rule(/[)]/, 'p', '#pop'),
      rule(SYMBOL, 'n'),
    ],
    comment: [
      rule(/[^(*)]+/, 'cm'),
      rule(/[(][*]/, 'cm', '#push'),
      rule(/[*][)]/, 'cm', '#pop'),
      rule(/[(*)]/, 'cm'),
    ],
  },
}));
