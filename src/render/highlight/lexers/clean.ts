/**
 * Clean, the lazy functional language (tag `clean`), as Rouge 3.30 lexes it (lexers/clean.rb):
 * keywords `k`, lower-case names `n`, capitalised names `kt` (`True False` `kc`); numbers with
 * Clean's `~` sign `mi`/`mf`/`mo`/`mh`; `'c'` `sc`, `"…"` `s2` and `['…']` character lists `s1`
 * with escapes `se`; `//` and nested block comments (`//*` and `/**` doc comments `cd`); other
 * punctuation `p`; `code { … }` ABC-code blocks `cp` with their instructions `nb`/`k`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { guarded, onlyWhereRunThenCode } from './loop-match.js';

const isUnderscore = (c: number) => c === 95;
const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;

const KEYWORDS = new Set(`if otherwise let in with where case of infix infixl infixr class instance
  generic derive special implementation definition system module from import qualified as dynamic code
  inline foreign export ccall stdcall`.split(/\s+/));

/** The last `']` of the line around a position, remembered between positions on the line. */
let seen = '';
let from = -1;
let lineEnd = -1;
let last = -1;
function lastCloseOnLine(text: string, pos: number): number {
  if (text !== seen || pos < from || pos > lineEnd) {
    let i = pos;
    last = -1;
    while (i < text.length && text[i] !== '\n') {
      if (text[i] === "'" && text[i + 1] === ']') last = i;
      i++;
    }
    seen = text;
    from = pos;
    lineEnd = i;
  }
  return last;
}

export const clean: LexerDef = lazyLexer('clean', () => ({
  states: {
    common_literals: [
      rule(/'(?:[^'\\]|\\(?:x[0-9a-fA-F]+|\d+|.))'/, 'sc'),
      rule(/[+~-]?\d+\.\d+(?:E[+-]?\d+)?\b/, 'mf'),
      rule(/[+~-]?\d+E[+-]?\d+\b/, 'mf'),
      rule(/[+~-]?\d+/, 'mi'),
      rule(/"/, 's2', 'string'),
    ],
    basic: [
      rule(/\s+/, 'w'),
      rule(/\/\/\*.*/, 'cd'),
      rule(/\/\/.*/, 'c1'),
      rule(/\/\*\*/, 'cd', 'comment_doc'),
      rule(/\/\*/, 'cm', 'comment'),
      rule(/[+~-]?0[0-7]+/, 'mo'),
      rule(/[+~-]?0x[0-9a-fA-F]+/, 'mh'),
      mixin('common_literals'),
      // its lookahead scans the rest of the line: only tried where the line has a later `']`
      guarded(
        rule(/(\[)(\s*)(')(?=.*?'\])/, (run) => {
          run.groups('p', 'w', 's1');
          run.push('charlist');
        }),
        (text, pos) => lastCloseOnLine(text, pos) >= pos + 2,
      ),
    ],
    comment_doc: [
      rule(/\*\//, 'cd', '#pop'),
      rule(/\/\/.*/, 'cd'),
      rule(/\/\*/, 'cd', 'comment'),
      rule(/[^*\/]+/, 'cd'),
      rule(/[*\/]/, 'cd'),
    ],
    comment: [
      rule(/\*\//, 'cm', '#pop'),
      rule(/\/\/.*/, 'cm'),
      rule(/\/\*/, 'cm', 'comment'),
      rule(/[^*\/]+/, 'cm'),
      rule(/[*\/]/, 'cm'),
    ],
    root: [
      mixin('basic'),
      rule(/code(\s+inline)?\s*\{/, 'cp', 'abc'),
      // tried only where the run of underscores is followed by the letter (a shorter run is
      // followed by an underscore): on a long run each position scanned the rest of it (quadratic)
      onlyWhereRunThenCode(isUnderscore, isLower, rule(/_*[a-z][\w_`]*/, (run, m) => run.token(KEYWORDS.has(m[0]) ? 'k' : 'n'))),
      onlyWhereRunThenCode(isUnderscore, isUpper, rule(/_*[A-Z][\w_`]*/, (run, m) => run.token(m[0] === 'True' || m[0] === 'False' ? 'kc' : 'kt'))),
      rule(/[^\w_\s`]/, 'p'),
      rule(/_\b/, 'p'),
    ],
    escapes: [
      rule(/\\x[0-9a-fA-F]{1,2}/i, 'se'),
      rule(/\\d\d{0,3}/i, 'se'),
      rule(/\\0[0-7]{0,3}/, 'se'),
      rule(/\\[0-7]{1,3}/, 'se'),
      rule(/\\[nrfbtv\\"']/, 'se'),
    ],
    string: [rule(/"/, 's2', '#pop'), mixin('escapes'), rule(/[^\\"]+/, 's2')],
    charlist: [
      rule(/(')(\])/, (run) => {
        run.groups('s1', 'p');
        run.pop();
      }),
      mixin('escapes'),
      rule(/[^\\']/, 's1'),
    ],
    abc_basic: [rule(/\s+/, 'w'), rule(/\|.*/, 'c1'), mixin('common_literals')],
    abc: [
      mixin('abc_basic'),
      rule(/\}/, 'cp', '#pop'),
      rule(/\.\w*/, 'k', 'abc_rest_of_line'),
      rule(/[\w_]+/, 'nb', 'abc_rest_of_line'),
    ],
    abc_rest_of_line: [
      rule(/\n/, 'w', '#pop'),
      rule(/\}/, (run) => {
        run.token('cp');
        run.pop(2);
      }),
      mixin('abc_basic'),
      rule(/\S+/, 'n'),
    ],
  },
}));
