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
        rule(/([-\w.]+)(\s*)([:=]|(?=\{))/, ['nl', 'w', 'p']),
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
