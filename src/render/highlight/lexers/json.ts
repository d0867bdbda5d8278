/**
 * JSON (tag `json`), as Rouge 3.30 lexes it: whitespace is `w` (unlike most Rouge lexers), keys
 * are `nl` (Name::Label) when followed by `:`, strings `s2` with `se` escapes, `true false null`
 * are `kc`, numbers `mi`/`mf`.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';
import { isRubySpace, onlyWhereRunSpacedThen } from './loop-match.js';

/** `[$\w]` and Ruby's `\s` (code units). */
const isDollarWordChar = (c: number) => c === 36 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export const json: LexerDef = lazyLexer('json', () => ({
  states: {
    whitespace: [rule(/\s+/, 'w')],
    root: [
      mixin('whitespace'),
      rule(/\{/, 'p', 'object'),
      rule(/\[/, 'p', 'array'),
      mixin('name'),
      mixin('value'),
      rule(/[\]}]/, 'p'), // stray closers: correctness is a non-goal in Rouge too
    ],
    object: [
      mixin('whitespace'),
      mixin('name'),
      mixin('value'),
      rule(/\}/, 'p', '#pop'),
      rule(/,/, 'p'),
    ],
    name: [rule(/("(?:\\.|[^"\\\n])*?")(\s*)(:)/, ['nl', 'w', 'p'])],
    value: [
      mixin('whitespace'),
      mixin('constants'),
      rule(/"/, 's2', 'string'),
      rule(/\[/, 'p', 'array'),
      rule(/\{/, 'p', 'object'),
    ],
    string: [rule(/[^\\"]+/, 's2'), rule(/\\./, 'se'), rule(/"/, 's2', '#pop')],
    array: [mixin('value'), rule(/\]/, 'p', '#pop'), rule(/,/, 'p')],
    constants: [
      rule(/(?:true|false|null)/, 'kc'),
      rule(/-?(?:0|[1-9]\d*)\.\d+(?:e[+\-]?\d+)?/i, 'mf'),
      rule(/-?(?:0|[1-9]\d*)(?:e[+\-]?\d+)?/i, 'mi'),
    ],
  },
}));

/**
 * JSON with comments (tag `json-doc`, alias `jsonc`), as Rouge 3.30 lexes it
 * (lib/rouge/lexers/json_doc.rb): JSON, plus bare keys `na` before `:`, and in values block
 * comments `c`, line comments `c1` and `...` `c1`.
 */
export const jsonDoc: LexerDef = lazyLexer('json-doc', () => ({
  states: {
    ...json.states,
    // tried only where the run of `[$\w]` is followed by `\s*:` (see onlyWhereRunSpacedThen)
    name: [onlyWhereRunSpacedThen(isDollarWordChar, isRubySpace, 58 /* : */, rule(/([$\w]+)(\s*)(:)/, ['na', '', 'p'])), ...json.states.name],
    value: [
      rule(/\/[*].*?[*]\//, 'c'),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\.\.\./, 'c1'),
      ...json.states.value,
    ],
  },
}));
