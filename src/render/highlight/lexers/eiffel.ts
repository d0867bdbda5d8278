/**
 * Eiffel (tag `eiffel`), as Rouge 3.30 lexes it (lexers/eiffel.rb): keywords `k` (matched with a
 * `\b` after them only: `1do` is `mi k`), `Current Result` `kv`, `True False` `kc`; `"…"` `s2`
 * and `'c'` `sc` with `%` escapes, `"[ … ]"` and `"{ … }"` verbatim strings `sx`; `--` comments
 * `c1`; numbers (`mi` before `mf`, so `1.5` is `mi pi mi`; Rouge's hexadecimal rule wants a
 * final `b`: `0xFFb`); `:= << >> -> . {}[];(),:?` `pi`, operators `o`; capitalised names `nc`,
 * other names `n`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

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

export const eiffel: LexerDef = lazyLexer('eiffel', () => ({
  states: {
    root: [
      rule(/"\[/, 'sx', 'aligned_verbatim_string'),
      rule(/"\{/, 'sx', 'non_aligned_verbatim_string'),
      rule(String.raw`"(?:[^%\b\f\n\r\v]|${ESCAPE})*?"`, 's2'),
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
