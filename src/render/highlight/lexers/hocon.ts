/**
 * HOCON (tag `hocon`), as Rouge 3.30 lexes it (lexers/hocon.rb, a subclass of its JSON lexer):
 * JSON's states, plus `//` and `#` comments `c1`, bare or quoted keys `nl` before `:`, `=` or
 * `{`, `include`/`url`/`file`/`classpath` `k` in objects, `${…}`/`${?…}` substitutions `si` with
 * their path `nv`, `"""` strings, dotted quads `l`, and any other unquoted value `l`.
 * Rouge quirks kept: in a `"""` string the first lone `"` ends it (the mixed-in JSON string rule
 * comes before the `"""` one), and keys are only recognised inside objects and at the top level.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { json } from './json.js';
import { isRubySpace, onlyWhereRunSpacedThen } from './loop-match.js';

/** `[-\w.]` (Ruby's `\w` is ASCII) */
const isKeyChar = (c: number) => c === 45 || c === 46 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `:`, `=`, or the `{` of the lookahead */
const isKeyEnd = (c: number) => c === 58 || c === 61 || c === 123;

export const hocon: LexerDef = lazyLexer('hocon', () => {
  const base = json.states;
  return {
    states: {
      ...base,
      comments: [rule(/\/\/.*?$/, 'c1'), rule(/#.*?$/, 'c1')],
      root: [mixin('comments'), ...base.root],
      object: [rule(/\b(?:include|url|file|classpath)\b/, 'k'), ...base.object],
      // Rouge's `(?:\"|[^"\n])*?` is any run of non-newlines (`\"` is a plain quote there).
      name: [
        rule(/("[^\n]*?")(\s*)([:=]|(?=\{))/, ['nl', 'w', 'p']),
        // tried only where the run of `[-\w.]` is followed by `\s*` and `:`, `=` or `{`: a long run of
        // them would otherwise be scanned again from each of its positions (quadratic)
        onlyWhereRunSpacedThen(isKeyChar, isRubySpace, isKeyEnd, rule(/([-\w.]+)(\s*)([:=]|(?=\{))/, ['nl', 'w', 'p'])),
      ],
      value: [
        mixin('comments'),
        rule(/\n/, 'w'),
        rule(/\s+/, 'w'),
        mixin('constants'),
        rule(/[$]\{[?]?/, 'si', 'interpolation'),
        rule(/"""/, 's2', 'multiline_string'),
        rule(/"/, 's2', 'string'),
        rule(/\[/, 'p', 'array'),
        rule(/\{/, 'p', 'object'),
        rule(/[()=]/, 'p'),
        rule(/[^$"{}\[\]:=,+#`^?!@*&]+?/, 'l'),
      ],
      interpolation: [rule(/[\w\-.]+?/, 'nv'), rule(/\}/, 'si', '#pop')],
      string: [rule(/[$]\{[?]?/, 'si', 'interpolation'), rule(/[^\\"${]+/, 's2'), ...base.string],
      multiline_string: [rule(/"[^"]{1,2}/, 's2'), mixin('string'), rule(/"""/, 's2', '#pop')],
      constants: [rule(/\d+\.(\d+\.?){3,}/, 'l'), ...base.constants],
    },
  };
});
