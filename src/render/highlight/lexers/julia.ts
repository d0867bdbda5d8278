/**
 * Julia (tags `julia`, `jl`), as Rouge 3.30 lexes it: keywords `k` (Rouge's list, read in
 * extended mode, so `mutable struct` is the single word `mutablestruct`), types `kt`,
 * `local`/`global`/`const` `kd`, builtins such as `true`, `nothing`, `pi` `nb`; names `n`,
 * function and type names after `function`/`struct` `nf`/`nc`; macros `nd`; operators `o`,
 * brackets and commas `x` (Token Other); strings `s` with `$x` interpolation `si`; `#` comments
 * `c`, `#= … =#` nested `cm`.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';
import { JULIA_BUILTINS, JULIA_KEYWORDS, JULIA_OPERATORS, JULIA_TYPES } from '../rouge-words.js';

const NAME = String.raw`[\p{L}\p{Nl}\p{S}_][\p{L}\p{M}\p{Nd}\p{Pc}\p{S}\p{Po}!]*`;

export const julia: LexerDef = lazyLexer('julia', () => ({
  states: {
    root: [
      rule(/\n/, ''),
      rule(/[ \t\v\f\r]+/, ''),
      rule(/#=/, 'cm', 'blockcomment'),
      rule(/#.*$/, 'c'),
      rule(JULIA_OPERATORS, 'o'),
      rule(/\\\n/, ''),
      rule(/\\/, ''),
      rule(/(function|macro)((?:\s|\\\s)+)/, ['k', 'nf'], 'funcname'),
      rule(/((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+)/, ['k', 'nc'], 'typename'),
      rule(JULIA_TYPES, 'kt'),
      rule(/(?:local|global|const)\b/, 'kd'),
      rule(JULIA_KEYWORDS, 'k'),
      rule(JULIA_BUILTINS, 'nb'),
      rule(/`.*?`/, 'sb'),
      rule(/'(?:\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}|\\U[a-fA-F0-9]{1,6}|[^\\'\n])'/, 'sc'),
      rule(/(?<=[.\w)\]])'+/, 'o'), // never matches under StringScanner (lookbehind at the start)
      rule(/[IL]"/, 's', 'string'),
      rule(/[E]?"/, 's', 'string'),
      rule(/@[\w.]+/, 'nd'),
      rule(/(?:[a-zA-Z_\u00A1-\uffff]|[\u1000-\u10ff])(?:[a-zA-Z_0-9\u00A1-\uffff]|[\u1000-\u10ff])*!*/, 'n'),
      rule(/[\[\]{}(),;]/, 'x'),
      rule(/(?:\d+(?:_\d+)+\.\d*|\d*\.\d+(?:_\d+)+)(?:[eEf][+\-]?[0-9]+)?/, 'mf'),
      rule(/(?:\d+\.\d*|\d*\.\d+)(?:[eEf][+\-]?[0-9]+)?/, 'mf'),
      rule(/\d+(?:_\d+)+[eEf][+\-]?[0-9]+/, 'mf'),
      rule(/\d+[eEf][+\-]?[0-9]+/, 'mf'),
      rule(/0b[01]+(?:_[01]+)+/, 'mb'),
      rule(/0b[01]+/, 'mb'),
      rule(/0o[0-7]+(?:_[0-7]+)+/, 'mo'),
      rule(/0o[0-7]+/, 'mo'),
      rule(/0x[a-fA-F0-9]+(?:_[a-fA-F0-9]+)+/, 'mh'),
      rule(/0x[a-fA-F0-9]+/, 'mh'),
      rule(/\d+(?:_\d+)+/, 'mi'),
      rule(/\d+/, 'mi'),
    ],
    funcname: [
      rule(NAME, 'nf', '#pop'),
      rule(/\([^\s\w{]{1,2}\)/, 'o', '#pop'),
      rule(/[^\s\w{]{1,2}/, 'o', '#pop'),
    ],
    typename: [rule(NAME, 'nc', '#pop')],
    stringescape: [
      rule(/\\(?:[\\abfnrtv"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})/, 'se'),
    ],
    blockcomment: [
      rule(/[^=#]/, 'cm'),
      rule(/#=/, 'cm', 'blockcomment'),
      rule(/=#/, 'cm', '#pop'),
      rule(/[=#]/, 'cm'),
    ],
    string: [
      mixin('stringescape'),
      rule(/"/, 's', '#pop'),
      rule(/\\\\|\\"|\\\n/, 'se'), // here too, for raw strings
      rule(/\$(?:\(\w+\))?[\-#0 +]*(?:[0-9]+|[*])?(?:\.(?:[0-9]+|[*]))?/, 'si'),
      rule(/[^\\"$]+/, 's'),
      rule(/["\\]/, 's'),
      rule(/\$/, 's'),
    ],
  },
}));
