/**
 * CSS (tag `css`), as Rouge 3.30 lexes it: selectors `nt` (elements), `nc` (`.class`), `nf`
 * (`#id`), `nd` (`:pseudo`); at-rules `k`; known property names `nl` (others `py`); values: numbers
 * with units `m`, colours `m`, `url(…)` `sx`, known keywords `nb`/`no`, other words `n`;
 * `!important` `cp`; comments `c`. Rouge swaps the string classes: `"…"` is `s1`, `'…'` is `s2`.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';
import { onlyWhereRunSpacedThen, pairedEscapes } from './loop-match.js';
import { CSS_ATTRIBUTES, CSS_BUILTINS, CSS_CONSTANTS, CSS_VENDOR_PREFIXES } from '../rouge-words.js';
import { lazyRegExp } from '../../../lazy-regexp.js';

const ID = String.raw`[\p{L}_\-][\p{L}\p{M}\p{Nd}\p{Pc}\p{Cf}\-]*`;
/** A run of ID's characters after its first (they include its first but `_`, which is Pc). */
const ID_RUN = lazyRegExp(String.raw`[\p{L}\p{M}\p{Nd}\p{Pc}\p{Cf}\-]*`, 'uy');
const NUMBER = String.raw`-?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)`;
let vendorPrefixList: string[] | undefined;
const vendorPrefixes = () => (vendorPrefixList ??= [...CSS_VENDOR_PREFIXES]);
const UNITS = 'em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn|s|ms|Hz|kHz';

export const css: LexerDef = lazyLexer('css', () => ({
  states: {
    root: [
      mixin('basics'),
      rule(/\{/, 'p', 'stanza'),
      rule(String.raw`:[:]?${ID}`, 'nd'),
      rule(String.raw`\.${ID}`, 'nc'),
      rule(String.raw`#${ID}`, 'nf'),
      rule(String.raw`@${ID}`, 'k', 'at_rule'),
      rule(ID, 'nt'),
      rule(/[~^*!%&\[\]()<>|+=@:;,.\/?\-]/, 'o'),
      rule(pairedEscapes('"'), 's1'),
      rule(pairedEscapes("'"), 's2'),
    ],
    value: [
      mixin('basics'),
      rule(/url\(.*?\)/, 'sx'),
      rule(/#[0-9a-f]{1,6}/i, 'm'), // colours
      rule(String.raw`${NUMBER}(?:%|(?:${UNITS})\b)?`, 'm'),
      rule(/[\[\]():\/.,]/, 'p'),
      rule(pairedEscapes('"'), 's1'),
      rule(pairedEscapes("'"), 's2'),
      rule(ID, (run, m) => {
        if (CSS_CONSTANTS.has(m[0])) run.token('no');
        else if (CSS_BUILTINS.has(m[0])) run.token('nb');
        else run.token('n');
      }),
    ],
    at_rule: [
      rule(String.raw`\{(?=\s*${ID}\s*:)`, 'p', 'at_stanza'),
      rule(/\{/, 'p', 'at_body'),
      rule(/;/, 'p', '#pop'),
      mixin('value'),
    ],
    at_body: [mixin('at_content'), mixin('root')],
    at_stanza: [mixin('at_content'), mixin('stanza')],
    at_content: [rule(/\}/, 'p', '#pop:2')],
    basics: [rule(/\s+/, ''), rule(/\/\*(?:.*?)\*\//s, 'c')],
    stanza: [
      mixin('basics'),
      rule(/\}/, 'p', '#pop'),
      // tried only where the name's run is followed by `\s*:` (onlyWhereRunSpacedThen): a long
      // run of letters would otherwise be scanned again from each of them (quadratic)
      onlyWhereRunSpacedThen(ID_RUN(), (c) => c === 32 || (c >= 9 && c <= 13), 58 /* : */, rule(String.raw`(${ID})(\s*)(:)`, (run, m) => {
        const name = m[1];
        const known = CSS_ATTRIBUTES.has(name) || vendorPrefixes().some((p) => name.startsWith(p));
        run.groups(known ? 'nl' : 'py', '', 'p');
        run.push('stanza_value');
      })),
    ],
    stanza_value: [
      rule(/;/, 'p', '#pop'),
      rule(/(?=\})/, (run) => run.pop()),
      rule(/!\s*important\b/, 'cp'),
      rule(/^@.*?$/, 'cp'),
      mixin('value'),
    ],
  },
}));
