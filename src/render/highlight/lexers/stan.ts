/**
 * Stan (tag `stan`; `.stan` files), as Rouge 3.30 lexes it: program block names (`data`,
 * `transformed parameters`, `model`, `generated quantities`… — no word boundary) `nn` outside
 * braces; `#include` `cp` with its file `cpf`, other `#` lines `gd`; `//` `c1` and `/* *\/` `cm`
 * comments; a function call or definition `type name(` gets its return-type prefix lexed again
 * from the start and the name `nb` (Rouge's builtin functions and distributions) or `nf` — a
 * constant such as `pi(` gives its whole match, prefix included, a second time as `kc`, as Rouge
 * does; reals and imaginary literals `mf`, integers `mi`; operators `o` (Rouge's alternation, in
 * order); `T` `kr`, `lower`/`upper` `na`; words from Rouge's keyword (`k`), type (`kt`) and
 * reserved (`kr`) lists, else `nv`.
 * A `"` string makes Rouge push a state it never defines: it raises, and Jekyll's build fails
 * (RougeRaise), which we reproduce.
 * Found in Bayesian-statistics teaching material (Stan models in course notes).
 */
import { type LexerDef, RougeRaise, lazyLexer, mixin, rule } from '../engine.js';
import { runEnds, stickyMatcher } from './loop-match.js';
import {
  STAN_BUILTIN_FUNCTIONS, STAN_CONSTANTS, STAN_DISTRIBUTIONS, STAN_KEYWORDS, STAN_OP, STAN_RESERVED,
  STAN_TYPES, STAN_WS,
} from '../rouge-words.js';

const ID = '[a-zA-Z_][a-zA-Z0-9_]*';
const REAL = String.raw`((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+|\d+)`;
// Rouge's /mx float rule, extended-mode whitespace removed; its `.`s are inside WS, which keeps
// its own flags (no m), so the regex needs no dotAll here.
const FLOAT =
  `(${REAL}(${STAN_WS})[+-](${STAN_WS})${REAL}i` +
  String.raw`|((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+|\d+)i` +
  String.raw`|((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+))`;

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13); // Ruby's \s
const isIdChar = (c: number) => c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const spaceEnd = runEnds(isSpace);
/** Where the first `)` or `;` at or after a position is (text.length if none), remembered. */
const closeOrSemicolon = (() => {
  let seenText = '';
  let from = -1;
  let found = -1;
  return (text: string, i: number): number => {
    if (text !== seenText || i < from || i > found) {
      let j = i;
      while (j < text.length && text[j] !== ')' && text[j] !== ';') j++;
      seenText = text;
      from = i;
      found = j;
    }
    return found;
  };
})();

/**
 * Rouge's function rule `(RT)(ID)(?=\([^;]*?\))`, RT its return-type prefix
 * `(?:(?:[a-z_]\s*(?:\[[0-9, ]\])?)\s+)*` (rouge-words STAN_RT): a type letter's whitespace is
 * split between `\s*` and `\s+` every possible way, so on a long run of blanks one try backtracks
 * over every split (quadratic), and each of many type words is tried again from each position.
 * Matched here by the same search in Onigmo's order over whole runs instead: one more prefix
 * word first (with its `[n]`, then without), then the name. A word ends where its run of blanks
 * does (what comes next must be a letter), so its ends are at most two; a position from which
 * the rest failed fails whatever came before it, and is remembered for the whole text.
 */
const failedByText: Array<[string, Set<number>]> = [];
const functionHead = stickyMatcher((text, pos) => {
  let entry = failedByText.find(([t]) => t === text);
  if (!entry) {
    entry = [text, new Set()];
    failedByText.unshift(entry);
    failedByText.length = Math.min(failedByText.length, 4);
  }
  const failed = entry[1];
  // the name at q and its lookahead: its end, or -1
  const nameAt = (q: number): number => {
    const c = text.charCodeAt(q);
    if (!(c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return -1;
    let e = q + 1;
    while (e < text.length && isIdChar(text.charCodeAt(e))) e++;
    if (text[e] !== '(') return -1;
    return text[closeOrSemicolon(text, e + 1)] === ')' ? e : -1;
  };
  // where one prefix word from q can end, in the order Onigmo tries them
  const wordEnds = (q: number): number[] => {
    const c = text.charCodeAt(q);
    if (!(c === 95 || (c >= 97 && c <= 122))) return [];
    const s1 = spaceEnd(text, q + 1);
    const ends: number[] = [];
    if (text[s1] === '[' && text[s1 + 2] === ']' && /[0-9, ]/.test(text[s1 + 1] ?? '')) {
      const s2 = spaceEnd(text, s1 + 3);
      if (s2 > s1 + 3) ends.push(s2);
    }
    if (s1 > q + 1) ends.push(s1);
    return ends;
  };
  // depth-first, an explicit stack of [position, its word ends, next choice]
  const stack: Array<[number, number[], number]> = [[pos, wordEnds(pos), 0]];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const [q, ends, choice] = frame;
    if (choice < ends.length) {
      frame[2]++;
      const next = ends[choice];
      if (!failed.has(next)) stack.push([next, wordEnds(next), 0]);
      continue;
    }
    const end = nameAt(q);
    if (end >= 0) {
      const m = [text.slice(pos, end), text.slice(pos, q), text.slice(q, end)] as unknown as RegExpExecArray;
      m.index = pos;
      return m;
    }
    failed.add(q);
    stack.pop();
  }
  return null;
});

export const stan: LexerDef = lazyLexer('stan', () => ({
  states: {
    root: [
      mixin('whitespace'),
      rule(/#include/, 'cp', 'include'),
      rule(/#.*$/, 'gd'),
      rule(/functions|(?:transformed\s+)?data|(?:transformed\s+)?parameters|model|generated\s+quantities/, 'nn'),
      rule(/\{/, 'p', 'bracket_scope'),
      mixin('scope'),
    ],
    include: [rule(/(\s+)(\S+)(\s*)/, ['', 'cpf', ''], '#pop')],
    whitespace: [rule(/\n+/s, ''), rule(/\/\/(\\.|.)*?$/, 'c1'), mixin('inline_whitespace')],
    inline_whitespace: [rule(/[ \t\r]+/, ''), rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm')],
    statements: [
      mixin('whitespace'),
      rule(/#include/, 'cp', 'include'),
      rule(/#.*$/, 'gd'),
      rule(/"/, (run) => {
        throw new RougeRaise('unknown state: :string');
      }),
      rule(FLOAT, 'mf'),
      rule(/\d+/, 'mi'),
      rule(/\*\//, 'err'),
      rule(STAN_OP, 'o'),
      rule(/[\[\],.;]/, 'p'),
      rule(/[|](?![|])/, 'p'),
      rule(/T\b/, 'kr'),
      rule(/(lower|upper)\b/, 'na'),
      rule(ID, (run, m) => {
        const name = m[0];
        if (STAN_KEYWORDS.has(name)) run.token('k');
        else if (STAN_TYPES.has(name)) run.token('kt');
        else if (STAN_RESERVED.has(name)) run.token('kr');
        else run.token('nv');
      }),
    ],
    scope: [
      mixin('whitespace'),
      // Rouge's `(${STAN_RT})(${ID})(?=\([^;]*?\))`/m, matched by functionHead
      { re: functionHead, bol: false, action: (run, m) => {
        run.recurse(m[1]);
        const name = m[2];
        if (STAN_BUILTIN_FUNCTIONS.has(name) || STAN_DISTRIBUTIONS.has(name)) run.token('nb', name);
        else if (STAN_CONSTANTS.has(name)) run.token('kc'); // the whole match, as Rouge's `token Keyword::Constant`
        else run.token('nf', name);
      } },
      rule(/\{/, 'p', 'bracket_scope'),
      rule(/\(/, 'p', 'parens_scope'),
      mixin('statements'),
    ],
    bracket_scope: [mixin('scope'), rule(/\}/, 'p', '#pop')],
    parens_scope: [mixin('scope'), rule(/\)/, 'p', '#pop')],
  },
}));
