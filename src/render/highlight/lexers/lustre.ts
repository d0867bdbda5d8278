/**
 * Lustre (tag `lustre`) and Lutin (tag `lutin`, Rouge's `Lutin < Lustre` with its own word lists),
 * Verimag's synchronous languages, as Rouge 3.30 lexes them (lexers/lustre.rb, lutin.rb): words
 * looked up in the keyword `k`, word-operator `ow` and primitive-type `kt` lists, other names `n`;
 * `false`/`true` `kc` wherever they start (Rouge's rule has no `\b`: `trueish` is `kc n`); `--`
 * comments `c1`, `/* … *\/` and `(* … *)` `cm`; numbers (a float needs an exponent, and its `.` is
 * any character); `'c'` `sc`; `"…"` `s2` with escapes `se`; punctuation runs `p`, operator runs `o`.
 * Names are Rouge's /[a-z_][\w']*\/i: under Ruby's /i `[a-z]` also takes ſ and K (U+212A), its
 * `\w` does not (JavaScript's would under `i`): spelled out.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { onlyWhereLater, stickyMatcher } from './loop-match.js';

const ID = "[a-zA-Z_\\u017f\\u212a][a-zA-Z0-9_']*";
const set = (s: string) => new Set(s.trim().split(/\s+/));

const isRun = (c: number) => (c >= 48 && c <= 57) || c === 95; // [\d_]
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Rouge's float rule `-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)`/i, whose `.` also takes a digit: on a
 * long run of digits without an exponent its regex tries every split of the run (quadratic).
 * Matched directly, in the regex's order: the whole run, then any one character and the next run,
 * then the exponent; else the whole run then the exponent. A shorter first run cannot do better
 * (what follows it is still a digit or underscore, then the same end of run).
 */
const float = stickyMatcher((text, pos) => {
  let i = pos;
  if (text[i] === '-') i++;
  if (!isDigit(text.charCodeAt(i))) return null;
  const runEnd = (j: number) => {
    while (j < text.length && isRun(text.charCodeAt(j))) j++;
    return j;
  };
  const exponent = (j: number): number => {
    if (text[j] !== 'e' && text[j] !== 'E') return -1;
    j++;
    if (text[j] === '+' || text[j] === '-') j++;
    return isDigit(text.charCodeAt(j)) ? runEnd(j + 1) : -1;
  };
  const r = runEnd(i + 1);
  let end = -1;
  if (r < text.length && text[r] !== '\n') end = exponent(runEnd(r + String.fromCodePoint(text.codePointAt(r)!).length));
  if (end < 0) end = exponent(r);
  if (end < 0) return null;
  const m = [text.slice(pos, end)] as unknown as RegExpExecArray;
  m.index = pos;
  return m;
});

function lustreLexer(name: string, keywords: Set<string>, wordOperators: Set<string>, primitives: Set<string>): LexerDef {
  return lazyLexer(name, () => ({
    states: {
      root: [
        rule(/\s+/, ''),
        rule(/false|true/, 'kc'),
        rule(/--.*/, 'c1'),
        // unclosed, the lazy bodies would scan to the end at each opener: tried only before a closer
        onlyWhereLater('*/', 2, rule(/\/\*.*?\*\//s, 'cm')),
        onlyWhereLater('*)', 2, rule(/\(\*.*?\*\)/s, 'cm')),
        rule(ID, (run, m) => {
          const w = m[0];
          run.token(keywords.has(w) ? 'k' : wordOperators.has(w) ? 'ow' : primitives.has(w) ? 'kt' : 'n');
        }),
        rule(/[(){}\[\];]+/, 'p'),
        rule(/[,!$%&*+.\/:<=>?@^|~#-]+/, 'o'),
        { re: float, bol: false, action: (run) => run.token('mf') },
        rule(/\d[\d_]*/, 'mi'),
        rule(/'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x[0-9a-fA-F]{2}))'/, 'sc'),
        rule(/'[.]'/, 'sc'),
        rule(/"/, 's2', 'string'),
        rule(`[~?]${ID}`, 'nv'),
      ],
      string: [rule(/[^\\"]+/, 's2'), mixin('escape_sequence'), rule(/\\\n/, 's2'), rule(/"/, 's2', '#pop')],
      escape_sequence: [rule(/\\[\\"'ntbr]/, 'se'), rule(/\\\d{3}/, 'se'), rule(/\\x[0-9a-fA-F]{2}/, 'se')],
    },
  }));
}

export const lustre: LexerDef = lustreLexer(
  'lustre',
  set(`extern unsafe assert const current enum function let node operator returns step struct tel type
    var model package needs provides uses is body end include merge`),
  set('div and xor mod or not nor if then else fby pre when with'),
  set('int real bool'),
);

export const lutin: LexerDef = lustreLexer(
  'lutin',
  set(`let in node extern system returns weak strong assert raise try catch trap do exist erun run type
    ref exception include false true`),
  set('div and xor mod or not nor if then else pre'),
  set('int real bool trace loop fby'),
);
