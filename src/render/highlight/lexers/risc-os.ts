/**
 * Two RISC OS source formats, as Rouge 3.30 lexes them:
 *
 * - CMHG, the C module header generator's input (tag `cmhg`; lexers/cmhg.rb): `;` comments `c`,
 *   `#` preprocessor lines `cp` (only before a newline), `field-name:` `kd`, names `ni`, strings
 *   `s`, `&`/`0x` hex `mh`, numbers `m`, `,/()` `p`;
 * - MessageTrans messages files (tag `msgtrans`; lexers/msgtrans.rb): `#` comment lines `c`,
 *   tokens `nv`, `/ ? :` and newlines `o`, and after `:` the message text `s` with `%0`–`%3` and
 *   `%%` `o` (any other `%x` is `err`, as in Rouge).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { guardedByRun } from './loop-match.js';

const isFieldChar = (c: number) => c === 45 || (c >= 97 && c <= 122); // `-` or a-z

const PREPROC_KEYWORDS = 'define|elif|else|endif|error|if|ifdef|ifndef|include|line|pragma|undef|warning';

export const cmhg: LexerDef = lazyLexer('cmhg', () => ({
  states: {
    root: [
      rule(/;[^\n]*/, 'c'),
      rule(`^([ \\t]*)(#[ \\t]*(?:(?:${PREPROC_KEYWORDS})(?:[ \\t].*)?)?)(?=\\n)`, ['', 'cp']),
      // tried only where the run of `[-a-z]` ends at a `:` (else it rescans the run at each of its
      // characters: quadratic on a long one)
      guardedByRun(isFieldChar, rule(/[-a-z]+:/, 'kd'), (text, pos, end) => end > pos && text[end] === ':'),
      rule(/[a-z_]\w+/i, 'ni'),
      rule(/"[^"]*"/, 's'),
      rule(/(?:&|0x)\h+/, 'mh'),
      rule(/\d+/, 'm'),
      rule(/[,\/()]/, 'p'),
      rule(/[ \t]+/, ''),
      rule(/\n+/, ''),
    ],
  },
}));

export const msgtrans: LexerDef = lazyLexer('msgtrans', () => ({
  states: {
    root: [
      rule(/^#[^\n]*/, 'c'),
      rule(/[^\t\n\r ,):?\/]+/, 'nv'),
      rule(/[\n\/?]/, 'o'),
      rule(/:/, 'o', 'value'),
    ],
    value: [rule(/\n/, '', '#pop'), rule(/%[0-3%]/, 'o'), rule(/[^\n%]/, 's')],
  },
}));
