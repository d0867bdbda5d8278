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
import { isRubySpace, onlyWhereRunSpacedThen, runEnds, stickyMatcher } from './loop-match.js';

/** `[-\w.]` (Ruby's `\w` is ASCII) */
const isKeyChar = (c: number) => c === 45 || c === 46 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `:`, `=`, or the `{` of the lookahead */
const isKeyEnd = (c: number) => c === 58 || c === 61 || c === 123;

const blankEnd = runEnds(isRubySpace);

/**
 * Rouge's quoted key `("[^\n]*?")(\s*)([:=]|(?=\{))`: from a `"`, the first later `"` of the line
 * that blanks (newlines too) and then `:`, `=` or `{` follow. As a regex each `"` of a long line
 * of them tried every later one (quadratic); whether a quote is such a closer does not depend on
 * the opener, so the next closer found is remembered for the openers before it on its line.
 */
const quotedKey = (() => {
  let seenText = '';
  let from = -1;
  let found = -1; // the first closer after `from` on its line, or -1 (none before `eol`)
  let eol = -1;
  const closes = (text: string, q: number) => isKeyEnd(text.charCodeAt(blankEnd(text, q + 1)));
  return stickyMatcher((text, pos) => {
    if (text[pos] !== '"') return null;
    if (text !== seenText || pos < from || pos > eol || (found >= 0 && pos >= found)) {
      const nl = text.indexOf('\n', pos);
      eol = nl < 0 ? text.length : nl;
      found = -1;
      for (let q = text.indexOf('"', pos + 1); q >= 0 && q < eol; q = text.indexOf('"', q + 1)) {
        if (closes(text, q)) {
          found = q;
          break;
        }
      }
      seenText = text;
      from = pos;
    }
    if (found < 0) return null;
    const spaceEnd = blankEnd(text, found + 1);
    const sign = text[spaceEnd] === '{' ? '' : text[spaceEnd]!;
    const m = [text.slice(pos, spaceEnd + sign.length), text.slice(pos, found + 1), text.slice(found + 1, spaceEnd), sign] as unknown as RegExpExecArray;
    m.index = pos;
    return m;
  });
})();

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
        // Rouge's `("[^\n]*?")(\s*)([:=]|(?=\{))`, matched by quotedKey
        { re: quotedKey, bol: false, action: (run) => run.groups('nl', 'w', 'p') },
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
