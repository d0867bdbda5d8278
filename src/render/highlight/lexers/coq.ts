/**
 * Coq (tag `coq`), as Rouge 3.30 lexes it: nested `(* … *)` comments `c`; an identifier is held
 * back until what follows is known: `A.B.c` gives namespaces `nn` and `.` `p` with the last part a
 * constant `no`; otherwise the word is classified by Rouge's lists (vernacular commands `k`,
 * Gallina keywords `kr`, tactics and tacticals `kp`, closing tactics `ne`, anything else `no`);
 * a `.` followed by whitespace ends a sentence (`pi`). `Module Type` and `Set Printing All.`-style
 * options are `k`; `?x`/`~x` variables `nv`; numbers `mf`/`mi`; characters `sc`; strings `s2`;
 * any other single character is punctuation `p` if in Rouge's keyopts (`_ ; :` and Unicode
 * logic symbols), an operator `o` if in its operator class, else `err`.
 * Found in the code blocks of programming-language researchers' academic sites.
 */
import { type LexerDef, type LexRun, lazyLexer, mixin, rule } from '../engine.js';
import { COQ_COMMANDS, COQ_GALLINA, COQ_KEYOPTS, COQ_LTAC, COQ_TACTICALS, COQ_TERMINATORS } from '../rouge-words.js';
import { guarded, runEnds } from './loop-match.js';

const isDigitOrUnderscore = (c: number) => c === 95 || (c >= 48 && c <= 57);
const digitsEnd = runEnds(isDigitOrUnderscore);
const digitsEndAfterDot = runEnds(isDigitOrUnderscore);
/** `e[+-]?\d` (case-insensitive `e`) at `i`. */
const exponentAt = (text: string, i: number): boolean => {
  if (text[i] !== 'e' && text[i] !== 'E') return false;
  const j = text[i + 1] === '+' || text[i + 1] === '-' ? i + 2 : i + 1;
  const c = text.charCodeAt(j);
  return c >= 48 && c <= 57;
};
/**
 * An exact precondition of Rouge's float rule `-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)`: its
 * exponent starts where the run of `[\d_]` ends, or past one more character (`.`, not a newline)
 * and the run after it; no shorter run can be followed by `e`.
 */
function exponentAhead(text: string, pos: number): boolean {
  const start = text[pos] === '-' ? pos + 1 : pos;
  const c = text.charCodeAt(start);
  if (!(c >= 48 && c <= 57)) return false;
  const end = digitsEnd(text, start);
  if (exponentAt(text, end)) return true;
  if (end >= text.length || text[end] === '\n') return false;
  const after = end + String.fromCodePoint(text.codePointAt(end)!).length;
  return exponentAt(text, digitsEndAfterDot(text, after));
}

const ID = String.raw`(?:[a-z][\w']*)|(?:[_a-z][\w']+)`;
const OPERATOR = /^[\[\];,{}_()!$%&*+./:<=>?@^|~#-]+$/;

/** Rouge's Coq.classify. */
function classify(word: string): string {
  if (COQ_COMMANDS.has(word)) return 'k';
  if (COQ_GALLINA.has(word)) return 'kr';
  if (COQ_LTAC.has(word)) return 'kp';
  if (COQ_TERMINATORS.has(word)) return 'ne';
  if (COQ_TACTICALS.has(word)) return 'kp';
  return 'no';
}

/** The held-back identifier (Rouge's @name / @continue), emitted when the id ends. */
function flushName(run: LexRun): void {
  run.token(run.data.continue ? 'no' : classify(run.data.name), run.data.name);
  run.data.name = false;
  run.data.continue = false;
}

export const coq: LexerDef = lazyLexer('coq', () => ({
  states: {
    root: [
      rule(/[(][*](?![)])/, 'c', 'comment'),
      rule(/\s+/s, 'w'),
      rule(/Module(\s+)Type(\s+)/, (run, m) => {
        run.token('k', 'Module');
        run.token('w', m[1]);
        run.token('k', 'Type');
        run.token('w', m[2]);
      }),
      rule(
        /(Set|Unset)(\s+)(Universe|Printing|Implicit|Strict)(\s+)(Polymorphism|All|Notations|Arguments|Universes|Implicit)(\s*)\./s,
        (run, m) => {
          run.token('k', m[1]);
          // Rouge walks the (whitespace, keyword) group pairs until an empty whitespace group
          for (let i = 2; i <= 6 && m[i] !== ''; i += 2) {
            run.token('w', m[i]);
            run.token('k', m[i + 1]);
          }
          run.token('pi', '.');
        },
      ),
      rule(new RegExp(ID, 'i'), (run, m) => {
        run.data.name = m[0];
        run.data.continue = false;
        run.push('continue_id');
      }),
      rule(/\/\\/, 'o'),
      rule(/\\\//, 'o'),
      // tried only where an exponent can follow (see exponentAhead): on a run of digits the
      // regex backtracks through `[\d_]*` and `.` from each digit (cubic; 20,000 digits took 17 s)
      guarded(rule(/-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)/i, 'mf'), exponentAhead),
      rule(/\d[\d_]*/, 'mi'),
      rule(/'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'/, 'sc'),
      rule(/'/, 'k'),
      rule(/"/, 's2', 'string'),
      rule(new RegExp(`[~?](?:${ID})`, 'i'), 'nv'),
      rule(/./, (run, m) => {
        if (COQ_KEYOPTS.has(m[0])) run.token('p');
        else if (OPERATOR.test(m[0])) run.token('o');
        else run.token('err');
      }),
    ],
    comment: [
      rule(/[^(*)]+/, 'c'),
      rule(/[(][*]/, 'c', '#push'),
      rule(/[*][)]/, 'c', '#pop'),
      rule(/[(*)]/, 'c'),
    ],
    string: [
      rule(/(?:\\")+|[^"]/, 's2'),
      mixin('escape_sequence'),
      rule(/\\\n/, 's2'),
      rule(/"/, 's2', '#pop'),
    ],
    escape_sequence: [rule(/\\[\\"'ntbr]/, 'se')],
    continue_id: [
      rule(new RegExp(String.raw`\.((?:[a-z][\w']*)|(?:[_a-z][\w']+))`, 'i'), (run, m) => {
        run.token('nn', run.data.name);
        run.token('p', '.');
        run.data.continue = true;
        run.data.name = m[1];
      }),
      rule(/\.(\s+)/, (run, m) => {
        flushName(run);
        run.token('pi', '.');
        run.token('w', m[1]);
        run.pop();
      }),
      rule('', (run) => {
        flushName(run);
        run.pop();
      }),
    ],
  },
}));
