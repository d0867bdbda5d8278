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
      rule(/-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)/i, 'mf'),
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
