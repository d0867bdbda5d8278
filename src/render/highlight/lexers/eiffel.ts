/**
 * Eiffel (tag `eiffel`), as Rouge 3.30 lexes it (lexers/eiffel.rb): keywords `k` (matched with a
 * `\b` after them only: `1do` is `mi k`), `Current Result` `kv`, `True False` `kc`; `"…"` `s2`
 * and `'c'` `sc` with `%` escapes, `"[ … ]"` and `"{ … }"` verbatim strings `sx`; `--` comments
 * `c1`; numbers (`mi` before `mf`, so `1.5` is `mi pi mi`; Rouge's hexadecimal rule wants a
 * final `b`: `0xFFb`); `:= << >> -> . {}[];(),:?` `pi`, operators `o`; capitalised names `nc`,
 * other names `n`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { failsOnceFailed } from './loop-match.js';

const KEYWORDS = `across agent alias all and attached as assign attribute check class convert create debug
  deferred detachable do else elseif end ensure expanded export external feature from frozen if
  implies inherit inspect invariant like local loop not note obsolete old once or Precursor redefine
  rename require rescue retry select separate some then undefine until variant Void when xor`
  .trim()
  .split(/\s+/)
  .join('|');

// `%` escapes: a letter code, a quote or bracket, or `%/code/` in hexadecimal, octal, binary or decimal
const ESCAPE = String.raw`%[A-DFHLNQR-V%'"()<>]|%\/(?:0[xX][\da-fA-F](?:_*[\da-fA-F])*|0[cC][0-7](?:_*[0-7])*|0[bB][01](?:_*[01])*|\d(?:_*\d)*)\/`;
const SIMPLE_STRING = String.raw`(?:[^"%\b\f\v]|${ESCAPE})+?`;

const ESCAPE_AT = new RegExp(ESCAPE, 'y');

/**
 * Where the walk of the string rule's body from the quote at `pos` stops when it finds no closing
 * quote: at a character the body does not take (backspace, form feed, newline, return, vertical
 * tab), at a `%` starting no escape, or at the text's end. Its alternatives are told apart by
 * their first characters, so the walk is one path: every later quote it passed was the second
 * character of a `%"` escape, and a walk from there is this walk's tail.
 */
function stringWalkStop(text: string, pos: number): number {
  let i = pos + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return i;
    if (c === '\b' || c === '\f' || c === '\n' || c === '\r' || c === '\v') return i;
    if (c === '%') {
      ESCAPE_AT.lastIndex = i;
      const m = ESCAPE_AT.exec(text);
      if (!m) return i;
      i += m[0].length;
    } else i++;
  }
  return text.length;
}

export const eiffel: LexerDef = lazyLexer('eiffel', () => ({
  states: {
    root: [
      rule(/"\[/, 'sx', 'aligned_verbatim_string'),
      rule(/"\{/, 'sx', 'non_aligned_verbatim_string'),
      // once this fails at a quote, it fails at every later quote its walk passed (failsOnceFailed):
      // on `"%"%"%…` each quote's walk scanned to the text's end (quadratic)
      failsOnceFailed('"', rule(String.raw`"(?:[^%\b\f\n\r\v]|${ESCAPE})*?"`, 's2'), stringWalkStop),
      rule(/--.*/, 'c1'),
      rule(String.raw`'(?:[^%\b\f\n\r\t\v]|${ESCAPE})'`, 'sc'),
      rule(`(?:${KEYWORDS})\\b`, 'k'),
      rule(/(?:Current|Result)\b/, 'kv'),
      rule(/(?:True|False)\b/, 'kc'),
      rule(/\b0[xX][\da-fA-F](?:_*[\da-fA-F])*b/, 'mh'),
      rule(/\b0[cC][0-7](?:_*[0-7])*\b/, 'mo'),
      rule(/\b0[bB][01](?:_*[01])*\b/, 'mb'),
      rule(/\d(?:_*\d)*/, 'mi'),
      rule(/(?:\d(?:_*\d)*)?\.(?:(?:\d(?:_*\d)*)?[eE][+-]?)?\d(?:_*\d)*|\d(?:_*\d)*\.?/, 'mf'),
      rule(/:=|<<|>>|\(\||\|\)|->|\.|[{}\[\];(),:?]/, 'pi'),
      rule(/\\\\|\|\.\.\||\.\.|\/[~\/]?|[><\/]=?|[-+*^=~]/, 'o'),
      rule(/[A-Z][\dA-Z_]*/, 'nc'),
      rule(/[A-Za-z][\dA-Za-z_]*/, 'n'),
      rule(/\s+/, ''),
    ],
    aligned_verbatim_string: [rule(/\]"/, 'sx', '#pop'), rule(SIMPLE_STRING, 'sx')],
    non_aligned_verbatim_string: [rule(/\}"/, 'sx', '#pop'), rule(SIMPLE_STRING, 'sx')],
  },
}));
