/**
 * ECL, HPCC Systems' Enterprise Control Language (tag `ecl`), as Rouge 3.30 lexes it
 * (lexers/ecl.rb): a word with trailing digits is looked up lower-cased (`STRING15` as `string`
 * with 15): `#template` words `kt` (other `#words` `err`), sized and plain types `kt`,
 * `INTEGER1`–`8`, `UNSIGNED1`–`8`, `REAL4`/`8` `kt`, keywords `k`, functions `nf`, `true false`
 * `kc`, else `nx`; `std.X.Y` library names `nc` (other dotted triples `nv`); `DECIMAL…` `kt`;
 * `and not or in` `ow`; strings and `BEGINC++ … ENDC++` / `EMBED … ENDEMBED` blocks `s1`; numbers
 * (`x1F`, `1Fx`, `0b01`, `01b`); comments. Its word lists are ECL_* in ../rouge-words.ts.
 *
 * Rouge's `(?i:…)` groups (JavaScript here has no inline flags) are written with both cases of
 * each letter, plus U+017F ſ for `s` and U+212A K for `k`, which Ruby's case folding also takes.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { ECL_CLASS_FIRST, ECL_CLASS_SECOND, ECL_FUNCTIONS, ECL_KEYWORDS, ECL_TEMPLATE, ECL_TYPE, ECL_TYPED } from '../rouge-words.js';
import { onlyWhereLater, onlyWhereLaterMatch } from './loop-match.js';

/** `word` matched case-insensitively as Ruby's `(?i:word)` does (letters only are expanded). */
const ci = (word: string) =>
  word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}${c === 's' ? '\\u017F' : c === 'k' ? '\\u212A' : ''}]`);

export const ecl: LexerDef = lazyLexer('ecl', () => ({
  states: {
    single_quote: [
      rule(/[xDQUV]?'([^'\\]*(?:\\.[^'\\]*)*)'/, 's1'),
      // Rouge's `x\\h{2}` is an x, a backslash and hh (not a hex escape); `{,2}` is `{0,2}`
      rule(/\\(x\\h{2}|[0-2][0-7]{0,2}|3[0-6][0-7]?|37[0-7]?|[4-7][0-7]?|.|$)/, ''),
    ],
    inline_whitespace: [
      rule(/[ \t\r]+/, ''),
      rule(/\\\n/, ''),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater('*/', 2, rule(/\/[*].*?[*]\//s, 'cm')),
    ],
    whitespace: [rule(/\n+/, ''), rule(/\/\/.*/, 'c1'), mixin('inline_whitespace')],
    root: [
      mixin('whitespace'),
      mixin('single_quote'),
      rule(`\\b(${ci('and')}|${ci('not')}|${ci('or')}|${ci('in')})\\b`, 'ow'),
      // Rouge's class `[:=|>|<|<>|/|\\|\+|-|=]`: its `|-|` is a range of one `|`, so no `-`
      rule(/[:=|><\/\\+]/, 'o'),
      rule(/[\[\]{}();,&.%]/, 'p'),
      onlyWhereLaterMatch(/endc\+\+/gi, 8, rule(new RegExp(`\\b(${ci('beginc')}\\+\\+.*?${ci('endc')}\\+\\+)`, 's'), 's1')),
      onlyWhereLaterMatch(/endembed/gi, 5, rule(new RegExp(`\\b(${ci('embed')}.*?${ci('endembed')})`, 's'), 's1')),
      rule(/\b(\w+)\.(\w+)\.(\w+)/, (run, m) =>
        run.token(m[1] === 'std' && ECL_CLASS_FIRST.has(m[2]) && ECL_CLASS_SECOND.has(m[3]) ? 'nc' : 'nv'),
      ),
      rule(`\\b(${ci('u')})?${ci('decimal')}(\\d+(_\\d+)?)\\b`, 'kt'),
      rule(/\d+\.\d+(e[\+\-]?\d+)?/i, 'mf'),
      rule(/x[0-9a-f]+/i, 'mh'),
      rule(/0x[0-9a-f]+/i, 'mh'),
      rule(/0[0-9a-f]+x/i, 'mh'),
      rule(/0[bB][01]+/, 'mb'),
      rule(/[01]+[bB]/, 'mb'),
      rule(/\d+/, 'mi'),
      // Rouge's `(#?)\b([a-z_][\w]*?)(\d*)\b` under /i (the letter in both cases; `\w` unaffected)
      rule(/(#?)\b([a-zA-Z_\u017F\u212A][\w]*?)(\d*)\b/, (run, m) => {
        const nameOnly = m[2].toLowerCase();
        const name = nameOnly + m[3];
        const number = m[3] === '' ? undefined : parseInt(m[3], 10);
        if (m[1] === '#') run.token(ECL_TEMPLATE.has(name) ? 'kt' : 'err');
        else if (ECL_TYPED.has(nameOnly) && number !== undefined) run.token('kt');
        else if (ECL_TYPE.has(name)) run.token('kt');
        else if (ECL_KEYWORDS.has(name)) run.token('k');
        else if (ECL_FUNCTIONS.has(name)) run.token('nf');
        else if ((nameOnly === 'integer' || nameOnly === 'unsigned') && number !== undefined && number >= 1 && number <= 8) run.token('kt');
        else if (nameOnly === 'real' && (number === 4 || number === 8)) run.token('kt');
        else run.token(name === 'true' || name === 'false' ? 'kc' : 'nx');
      }),
    ],
  },
}));
