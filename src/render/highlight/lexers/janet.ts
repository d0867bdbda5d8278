/**
 * Janet (tags `janet`, `jdn`; `.janet`, `.jdn`), as Rouge 3.30 lexes it (lexers/janet.rb): `#`
 * comments `c1`, whitespace `w`, `true`/`false`/`nil` `no`, `'sym`/`~sym` `o` `ss`, `:keywords`
 * `kc`, numbers `mf` (radix `16rFF`, decimals; Janet's numbers are all floats) and `mh`,
 * `"…"`/`@"…"` `s2` with escapes `se`, `` `…` `` long strings `sh`, brackets `p`, `# ~ , ' ; |` `o`;
 * the first symbol after `(` a special form `k`, a core function or macro `kr` (Rouge's list,
 * JANET_BUNDLED in rouge-words.ts) or `nf`; other symbols `n`; quoted forms' symbols `se`, and in
 * quasiquoted forms `,x` / `(unquote x)` `o`/`k` then `n`.
 * Rouge quirk kept: after a call's head the lexer goes to the root state instead of staying in
 * the call (Rouge's `goto :root`), so `)` never closes it and a quoted form's `)` closes only the
 * quote: every later head is still found, since each `(` pushes the call state again.
 */
import { type LexerDef, type LexRun, lazyLexer, rule } from '../engine.js';
import { JANET_BUNDLED } from '../rouge-words.js';
import { stickyMatcher } from './loop-match.js';

const SPECIALS = new Set('break def do fn if quote quasiquote splice set unquote var while'.split(' '));

// Rouge's punctuation class; [[:alpha:]] and [[:word:]] are Onigmo's Unicode classes (as in
// prolog.ts); `([[:word:]]|punct|:)*` written as one class (same matches)
const PUNCT = String.raw`_!$%^&*+=~<>.?\/\-`;
const WORD = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}`;
const SYMBOL = String.raw`(?:[\p{Alphabetic}]|[${PUNCT}])[${WORD}${PUNCT}:]*`;

/**
 * Rouge's `` @?(`+).*?\1 `` (with /m): the opening run of backticks, then the first run of as
 * many. Onigmo tries the longest opening first and gives backticks back one at a time, scanning
 * the rest of the text for each (cubic on a long run of backticks); found here directly. With
 * an opening run of r backticks, an opening of k > r/2 can only close after the run, at the first
 * later run of at least k; an opening of k <= r/2 closes inside the run itself, right after it.
 */
const heredoc = stickyMatcher((text, pos) => {
  let i = pos;
  if (text[i] === '@') i++;
  const open = i;
  while (text[i] === '`') i++;
  const r = i - open;
  if (r === 0) return null;
  // the longest later run of backticks reachable from each length: scan the runs after the opening once
  let best = -1;
  let bestStart = -1;
  for (let j = i; j < text.length; ) {
    if (text[j] !== '`') {
      j++;
      continue;
    }
    const start = j;
    while (text[j] === '`') j++;
    const len = Math.min(j - start, r);
    // a longer opening is tried first, so the first run reaching the largest k wins
    if (len > best && len > r / 2) {
      best = len;
      bestStart = start;
      if (len === r) break;
    }
  }
  let end: number;
  if (best > 0) end = bestStart + best;
  else if (r >= 2) end = open + 2 * Math.floor(r / 2);
  else return null;
  const m = [text.slice(pos, end), '`'.repeat(best > 0 ? best : Math.floor(r / 2))] as unknown as RegExpExecArray;
  m.index = pos;
  return m;
});

function nameToken(name: string): string {
  return SPECIALS.has(name) ? 'k' : JANET_BUNDLED.has(name) ? 'kr' : 'nf';
}

export const janet: LexerDef = lazyLexer('janet', () => ({
  states: {
    root: [
      rule(/#.*?$/, 'c1'),
      rule(/\s+/, 'w'),
      rule(/(true|false|nil)\b/, 'no'),
      rule(String.raw`(['~])(${SYMBOL})`, ['o', 'ss']),
      rule(String.raw`:[${WORD}${PUNCT}:]*`, 'kc'),
      rule(/[+-]?\d{1,2}r[\w.]+(&[+-]?\w+)?/, 'mf'),
      rule(/[+-]?0x\h[\h_]*(\.\h[\h_]*)?/, 'mh'),
      rule(/[+-]?0x\.\h[\h_]*/, 'mh'),
      rule(/[+-]?\d[\d_]*(\.\d[\d_]*)?([e][+-]?\d+)?/i, 'mf'),
      rule(/[+-]?\.\d[\d_]*([e][+-]?\d+)?/i, 'mf'),
      rule(/@?"/, 's2', 'string'),
      { re: heredoc, bol: false, action: (run: LexRun) => run.token('sh') },
      rule(/\(/, 'p', 'function'),
      rule(/(')(@?[(\[{])/, ['o', 'p'], 'quote'),
      rule(/(~)(@?[(\[{])/, ['o', 'p'], 'quasiquote'),
      rule(/[#~,';|]/, 'o'),
      rule(/@?[(){}\[\]]/, 'p'),
      rule(SYMBOL, 'n'),
    ],
    string: [rule(/"/, 's2', '#pop'), rule(/\\(u\h{4}|U\h{6})/, 'se'), rule(/\\./, 'se'), rule(/[^"\\]+/, 's2')],
    function: [
      rule(/[)]/, 'p', '#pop'),
      rule(SYMBOL, (run, m) => {
        if (m[0] === 'quote' || m[0] === 'quasiquote') {
          run.token('k');
          run.goto(m[0]);
        } else {
          run.token(nameToken(m[0]));
          run.goto('root');
        }
      }),
      { mixin: 'root' },
    ],
    quote: [rule(/[(\[{]/, 'p', '#push'), rule(/[)\]}]/, 'p', '#pop'), rule(SYMBOL, 'se'), { mixin: 'root' }],
    quasiquote: [
      rule(/(,)(\()/, ['o', 'p'], 'function'),
      rule(/(\()(\s*)(unquote)(\s+)(\()/, ['p', '', 'k', '', 'p'], 'function'),
      rule(String.raw`(,)(${SYMBOL})`, ['o', 'n']),
      rule(String.raw`(\()(\s*)(unquote)(\s+)(${SYMBOL})`, ['p', '', 'k', '', 'n']),
      { mixin: 'quote' },
    ],
  },
}));
