/**
 * Java `.properties` (tag `properties`; Spring Boot's application.properties), as Rouge 3.30
 * lexes it (lib/rouge/lexers/properties.rb): `#`/`!` comments `c` (each with its line break), the
 * key `py` before `=` or `:` (`p`), then the value to the end of the line `s`, with `"…"` and
 * `'…'` strings `s` and `\x`/`\uNNNN` escapes and line continuations `se`.
 * Rouge quirks kept: a `#` or `!` after whitespace in a value starts a comment that takes the line
 * break, so the next line is still lexed as a value; outside a value, text that is no key is
 * error tokens.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { isRubySpace, onlyWhereLater, onlyWhereRunSpacedThen } from './loop-match.js';

const isKeyChar = (c: number) => c === 95 || c === 46 || c === 45 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export const properties: LexerDef = lazyLexer('properties', () => ({
  states: {
    // a comment needs a newline after it, a key its `=` or `:` after the run (tried only there:
    // otherwise each character of a long line scans the rest of it, quadratic)
    basic: [onlyWhereLater('\n', 1, rule(/[!#].*?\n/, 'c')), rule(/\s+/, ''), rule(/\\\n/, 'se')],
    root: [mixin('basic'), onlyWhereRunSpacedThen(isKeyChar, isRubySpace, (c) => c === 61 || c === 58, rule(/([\w.-]+)(\s*)([=:])/, ['py', '', 'p'], 'value'))],
    value: [
      rule(/\n/, '', '#pop'),
      mixin('basic'),
      rule(/"/, 's', 'dq'),
      rule(/'.*?'/, 's'),
      mixin('esc_str'),
      rule(/[^\\\n]+/, 's'),
    ],
    dq: [rule(/"/, 's', '#pop'), mixin('esc_str'), rule(/[^\\"]+/s, 's')],
    esc_str: [rule(/\\u[0-9]{4}/, 'se'), rule(/\\./s, 'se')],
  },
}));
