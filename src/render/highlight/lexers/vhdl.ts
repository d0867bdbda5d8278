/**
 * VHDL (tag `vhdl`; `.vhd`, `.vhdl` files), as Rouge 3.30 lexes it: `--` comments `c1`; integers
 * `mi` (Rouge's float rule comes after and never matches, so `1.5` is `mi` `o` `mi`); bit and
 * string literals `s1`; `'c'` `sc`; `'attr` `na`; punctuation `p`; `true`/`false`/`null` `nb`;
 * identifiers looked up case-insensitively in Rouge's keyword (`k`), type (`kt`) and operator-word
 * (`ow`) lists, else `n`; operators `o`.
 * Found on digital-design course pages (electrical engineering teaching material).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { VHDL_KEYWORDS, VHDL_KEYWORDS_TYPE, VHDL_OPERATOR_WORDS } from '../rouge-words.js';

const ID = '[a-zA-Z][a-zA-Z0-9_]*';

export const vhdl: LexerDef = lazyLexer('vhdl', () => ({
  states: {
    whitespace: [rule(/\s+/, ''), rule(/\n/, ''), rule(/--.*$/, 'c1')],
    statements: [
      rule(/-?\d+/i, 'mi'),
      rule(/-?\d+[.]\d+/i, 'mf'),
      rule(/[box]?"[^"]*"/i, 's1'),
      rule(/'[^']?'/i, 'sc'),
      rule(`'${ID}`, 'na'),
      rule(/[(),:;]/, 'p'),
      rule(/(?:true|false|null)\b/i, 'nb'),
      rule(ID, (run, m) => {
        const word = m[0].toLowerCase();
        if (VHDL_KEYWORDS.has(word)) run.token('k');
        else if (VHDL_KEYWORDS_TYPE.has(word)) run.token('kt');
        else if (VHDL_OPERATOR_WORDS.has(word)) run.token('ow');
        else run.token('n');
      }),
      // `+-.` is a range (+ , - .), as in Rouge's class
      rule(/=>|[*][*]|:=|\/=|>=|<=|<>|\?\?|\?=|\?\/=|\?>|\?<|\?>=|\?<=|<<|>>|[#&'*+-.\/:<=>\?@^]/, 'o'),
    ],
    root: [mixin('whitespace'), mixin('statements')],
  },
}));
