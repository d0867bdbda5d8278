/**
 * Gherkin (tags `gherkin`, `cucumber`, `behat`: Cucumber/Behat feature files), as Rouge 3.30
 * lexes it (lib/rouge/lexers/gherkin.rb, its keywords in every spoken language from
 * gherkin/keywords.rb, generated into rouge-words.ts): `Feature:` `kd`, `Scenario:`/`Background:`
 * (elements) `kn`, `Examples:` `nn`, any other word before a `:` at a line's start `err`, the
 * colon `p`; step words (`Given `, `And `, `* `…) `nf`, then the step's `<placeholders>` `nv` and
 * `"strings"` `s`; tables' `|` `p`, header cells `nv`, other cells `n`; `@tags` `nt`; `"""`
 * doc strings `s`; `#` comments `c`.
 * Rouge quirks kept: the keyword before a colon is all the text from the scan position to the
 * first colon of the line (`When I see: x` in a description is `err` `p`); a step line ending
 * without a newline or `#` leaves its last characters to the error token.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { guardedByRun, isRubySpace, onlyWhereLaterMatch, onlyWhereLineHas } from './loop-match.js';
import { GHERKIN_ELEMENT, GHERKIN_EXAMPLES, GHERKIN_FEATURE, GHERKIN_STEP } from '../rouge-words.js';

/**
 * Rouge's `/.*?(?=[#\n])/`: the rest of the line up to a comment or the newline. On a last line
 * with neither it fails, after scanning to the text's end from each of its positions (quadratic:
 * 40,000 characters took a second); it is tried only where a `#` or newline is left.
 */
const restOfLine = (token: string, next?: string) => onlyWhereLaterMatch(/[#\n]/g, 0, rule(/.*?(?=[#\n])/, token, next));

export const gherkin: LexerDef = lazyLexer('gherkin', () => ({
  states: {
    basic: [rule(/#.*$/, 'c'), rule(/[ \r\t]+/, '')],
    root: [
      { mixin: 'basic' },
      rule(/\n/, ''),
      rule(/""".*?"""/s, 's'),
      rule(/@[^\s@]+/, 'nt'),
      { mixin: 'has_table' },
      { mixin: 'has_examples' },
    ],
    has_scenarios: [
      // tried only where the rest of the line has a `:` (onlyWhereLineHas): without one, the lazy
      // `.*?` would scan to the line's end from each position of a long line (quadratic)
      onlyWhereLineHas(':', rule(/(.*?)(:)/, (run, m) => {
        run.resetStack();
        const keyword = m[1];
        let tok = 'err';
        if (GHERKIN_ELEMENT.has(keyword)) {
          run.push('description');
          tok = 'kn';
        } else if (GHERKIN_FEATURE.has(keyword)) {
          run.push('feature_description');
          tok = 'kd';
        } else if (GHERKIN_EXAMPLES.has(keyword)) {
          run.push('example_description');
          tok = 'nn';
        }
        run.groups(tok, 'p');
      })),
    ],
    has_examples: [
      { mixin: 'has_scenarios' },
      rule(GHERKIN_STEP, (run) => {
        run.token('nf');
        run.resetStack();
        run.push('step');
      }),
    ],
    has_table: [rule(/(?=[|])/, (run) => run.push('table_header'))],
    table_header: [
      rule(/[^|\s]+/, 'nv'),
      rule(/\n/, (run) => {
        run.token('');
        run.goto('table');
      }),
      { mixin: 'table' },
    ],
    table: [{ mixin: 'basic' }, rule(/\n/, '', 'table_bol'), rule(/[|]/, 'p'), rule(/[^|\s]+/, 'n')],
    table_bol: [
      // tried only where the run of blanks from the position ends at a character other than `|`
      // (the greedy `\s*` gives back only blanks): on many blank lines each line's lookahead
      // scanned the rest of the run (quadratic); its end is remembered (guardedByRun)
      guardedByRun(isRubySpace, rule(/(?=\s*[^\s|])/, (run) => run.resetStack()), (text, _pos, end) => end < text.length && text[end] !== '|'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    description: [{ mixin: 'basic' }, { mixin: 'has_examples' }, rule(/\n/, ''), restOfLine('')],
    feature_description: [{ mixin: 'basic' }, { mixin: 'has_scenarios' }, rule(/\n/, ''), restOfLine('')],
    example_description: [{ mixin: 'basic' }, { mixin: 'has_table' }, rule(/\n/, ''), restOfLine('')],
    step: [
      { mixin: 'basic' },
      rule(/<.*?>/, 'nv'),
      rule(/".*?"/, 's'),
      rule(/\S[^\s<]*/, ''),
      restOfLine('', '#pop'),
    ],
  },
}));
