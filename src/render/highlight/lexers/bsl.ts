/**
 * 1C:Enterprise's language (tags `bsl`), as Rouge 3.30 lexes it (lexers/bsl.rb): its Russian and
 * English keywords `k` and builtin functions before `(` `nb` (Rouge's case-insensitive
 * alternations, BSL_KEYWORDS and BSL_BUILTINS in ../rouge-words.ts), other words `nv`; `&` and
 * `#` directives to the line's end `kd`; numbers and UUIDs `m`, `'…'` dates `ld`, `"…"` strings
 * `s1` and `|` continuation lines `s`; `//` comments `c1`.
 *
 * Rouge's rules start with `(?<=[^\wа-яё]|^)`: under StringScanner the text seems to begin at the
 * scan position, where `^` holds, so that lookbehind always passes and is left out.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { BSL_BUILTINS, BSL_KEYWORDS } from '../rouge-words.js';

const LOOKBEHIND = '(?<=[^\\wа-яё]|^)';
const withoutLookbehind = (source: string): string => {
  if (!source.startsWith(LOOKBEHIND)) throw new Error('bsl: unexpected rule shape');
  return source.slice(LOOKBEHIND.length);
};

export const bsl: LexerDef = lazyLexer('bsl', () => ({
  states: {
    root: [
      rule(/\n/, ''),
      rule(/[ \t\v\f\r]+/, ''),
      rule(/\/\/.*$/, 'c1'),
      rule(/[\[\]:(),;]/, 'p'),
      rule(/&.*$/, 'kd'),
      rule(/[-+\/*%=<>.?&]/, 'o'),
      rule(/#.*$/, 'kd'),
      rule(new RegExp(withoutLookbehind(BSL_KEYWORDS), 'i'), 'k'),
      rule(new RegExp(withoutLookbehind(BSL_BUILTINS), 'i'), 'nb'),
      rule(/[\wа-яё][\wа-яё]*/i, 'nv'),
      rule(/\b((\h{8}-(\h{4}-){3}\h{12})|\d+\.?\d*)\b/, 'm'),
      rule(/'.*'/, 'ld'),
      rule(/".*?("|$)/, 's1'),
      rule(/\|((?!"").)*?("|$)/, 's'),
    ],
  },
}));
