/**
 * Make (tag `make`, aliases `makefile`, `mf`, `gnumake`, `bsdmake`), as Rouge 3.30 lexes it:
 * `include` lines `k sx`; conditionals `k nv`; `NAME = value` → `nv o` and the value through the
 * shell lexer; `target: deps` → `nl o nf`; the recipe's tab-indented lines (with `@`/`-` as `p`)
 * through the shell lexer, except `$(VAR)` (`nv`) and `$(function …)` (`nf nb`). One shell lexer
 * instance serves the whole text and keeps its state between pieces (Rouge's `delegate @shell`),
 * reset at the start and after each recipe.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { dotEscapes, guardedByRun, onlyWhereLater } from './loop-match.js';
import { shell } from './shell.js';

/** `[\w\${}().-]` (code units) */
const isVariableChar = (c: number) =>
  c === 95 || c === 36 || c === 123 || c === 125 || c === 40 || c === 41 || c === 46 || c === 45 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether `[\t ]*[!?:+]?=` follows `end`, remembered for the last `end` asked about. */
const assignmentAfter = (() => {
  let seenText = '';
  let seenEnd = -1;
  let answer = false;
  return (text: string, end: number): boolean => {
    if (text !== seenText || end !== seenEnd) {
      let i = end;
      while (text[i] === '\t' || text[i] === ' ') i++;
      if ('!?:+'.includes(text[i] ?? '-') && text[i + 1] === '=') i++;
      seenText = text;
      seenEnd = end;
      answer = text[i] === '=';
    }
    return answer;
  };
})();

const FUNCTIONS = `abspath addprefix addsuffix and basename call dir error eval file
  filter filter-out findstring firstword flavor foreach if join lastword
  notdir or origin patsubst realpath shell sort strip subst suffix value
  warning wildcard word wordlist words`.split(/\s+/).join('|');
const STOP = String.raw`\$\(|\$\{|\(|\)|\}|\\|$`;

export const make: LexerDef = lazyLexer('make', () => ({
  start: (run) => run.childRun(shell).reset(),
  states: {
    root: [
      rule(/\s+/, ''),
      // a comment needs a newline after it: without one each `#` would scan to the end (quadratic)
      onlyWhereLater('\n', 1, rule(/#.*?\n/, 'c')),
      rule(/([-s]?include)((?:[\t ]+[^\t\n #]+)+)/, ['k', 'sx']),
      rule(/(ifn?def|ifn?eq)([\t ]+)([^#\n]+)/, ['k', '', 'nv']),
      rule(/(?:else|endif)[\t ]*(?=[#\n])/, 'k'),
      rule(String.raw`(export)([\t ]+)(?=[\w\${}()\t -]+\n)`, ['k', ''], 'export'),
      rule(/export[\t ]+/, 'k'),
      // the next three are tried only where what must follow their run does (neither greedy run
      // can stop early): otherwise each character of a long line is the start of a scan of the
      // rest of it (quadratic)
      guardedByRun(isVariableChar, rule(String.raw`([\w\${}().-]+)([\t ]*)([!?:+]?=)`, ['nv', '', 'o'], 'shell_line'), (text, _pos, end) => assignmentAfter(text, end)),
      // Rouge's "(\\\\|\\.|[^"\\])*" and '(\\\\|\\.|[^'\\])*', linear (dotEscapes)
      rule(dotEscapes('"'), 's2'),
      rule(dotEscapes("'"), 's1'),
      guardedByRun((c) => c !== 10 && c !== 58, rule(/([^\n:]+)(:+)([ \t]*)/, ['nl', 'o', ''], 'block_header'), (text, pos, end) => end > pos && text.charCodeAt(end) === 58),
    ],
    export: [
      rule(String.raw`[\w\${}()-]`, 'nv'),
      rule(/\n/, '', '#pop'),
      rule(/[\t ]+/, ''),
    ],
    block_header: [
      rule(/[^,\\\n#]+/, 'nf'),
      rule(/,/, 'p'),
      rule(/#.*?/, 'c'),
      rule(/\\\n/, ''),
      rule(/\\./, ''),
      rule(/\n/, (run) => {
        run.token('');
        run.goto('block_body');
      }),
    ],
    block_body: [
      rule(/(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(#.*)?(\n)/, ['k', '', 'nv', 'c', '']),
      rule(/(else|endif)([\t ]*)(#.*)?(\n)/, ['k', '', 'c', '']),
      rule(/(\t[\t ]*)([@-]?)/, ['', 'p'], 'shell_line'),
      rule(/(?:)/, (run) => {
        run.childRun(shell).reset();
        run.pop();
      }),
    ],
    shell: [
      rule(/\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]/i, 'nv'),
      rule(String.raw`(\$[({])([\t ]*)(${FUNCTIONS})([\t ]+)`, ['nf', '', 'nb', ''], 'shell_expr'),
      rule(/\\./s, (run) => run.delegate(shell)),
      rule(new RegExp(String.raw`.+?(?=${STOP})`, 's'), (run) => run.delegate(shell)),
      rule(STOP, (run) => run.delegate(shell)),
    ],
    shell_expr: [
      rule(/[({]/, (run) => {
        run.delegate(shell);
        run.push();
      }),
      rule(/[)}]/, 'nf', '#pop'),
      mixin('shell'),
    ],
    shell_line: [rule(/\n/, '', '#pop'), mixin('shell')],
  },
}));
