/**
 * Igor Pro procedures (tag `igorpro`), WaveMetrics' scientific data-analysis language, as Rouge
 * 3.30 lexes it (lexers/igorpro.rb). Words are looked up lower-cased, in Rouge's order: any
 * word containing `function` `kd` (then the function's flags, name and parameters), declarations
 * (`variable`, `string`, `wave`…) `kd` then the declared names `nv` and their `= value`
 * (`mf`/`mi`, a bracketed or other run `g`), keywords `k`, `nan inf` `kc`, built-in functions
 * `nb`, operations `kr` then their `/flags` `kp` and `as name` `kt nl`, `v_`/`s_`/`w_` names
 * `no`, other names `n`. Rouge's function and operation lists are mixed-case and looked up
 * lower-cased, so only their lower-case entries ever match (reproduced: the lists are Rouge's,
 * generated into rouge-words.ts). `#pragma` and the like `cp`, `//` comments `c` (with
 * `@tags` `cs`), `"…"` `s` with `\` escapes `se` and `%d` formats `sx`, `'…'` `s1`; numbers:
 * Rouge's `number_float` is its hexadecimal pattern (`0xFF` `mf`) and `number_hex` its decimal
 * one (`1.5` `mh`).
 */
import { type LexRun, type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { guarded } from './loop-match.js';
import {
  IGORPRO_CONSTANTS,
  IGORPRO_DECLARATIONS,
  IGORPRO_FUNCTIONS,
  IGORPRO_KEYWORDS,
  IGORPRO_OPERATIONS,
  IGORPRO_PREPROCESSOR,
} from '../rouge-words.js';

const OBJECT = String.raw`\b[a-z][a-z0-9_\.]*?\b`;
const NO_LINE_BREAK = String.raw`(?:[ \t]|(?:\\\s*[\r\n]))+`;
const NUMBER_FLOAT = /0x[a-f0-9]+/i;
const NUMBER_HEX = /\d+\.\d+(e[\+\-]?\d+)?/;
const NUMBER_INT = /[\d]+(?:_\d+)*/;

/** Where the text's last `)`, `]` or `}` is, found once per text. */
let seen = '';
let lastCloser = -1;
function lastClose(text: string): number {
  if (text !== seen) {
    seen = text;
    lastCloser = Math.max(text.lastIndexOf(')'), text.lastIndexOf(']'), text.lastIndexOf('}'));
  }
  return lastCloser;
}

function word(run: LexRun, m: RegExpExecArray): void {
  const w = m[0].toLowerCase();
  if (w.includes('function')) {
    run.token('kd');
    run.push('parse_function');
  } else if (IGORPRO_DECLARATIONS.has(w)) {
    run.token('kd');
    run.push('parse_variables');
  } else if (IGORPRO_KEYWORDS.has(w)) run.token('k');
  else if (IGORPRO_CONSTANTS.has(w)) run.token('kc');
  else if (IGORPRO_FUNCTIONS.has(w)) run.token('nb');
  else if (IGORPRO_OPERATIONS.has(w)) {
    run.token('kr');
    run.push('operationFlags');
  } else if (/^[vsw]_[a-z]/.test(w)) run.token('no');
  else run.token('n');
}

const pop = () => rule(/(?:)/, (run) => run.pop());

export const igorpro: LexerDef = lazyLexer('igorpro', () => ({
  states: {
    root: [
      rule(/\/\//, 'c', 'comments'),
      rule(new RegExp(OBJECT, 'i'), word),
      mixin('preprocessor'),
      mixin('waveFlag'),
      mixin('characters'),
      mixin('numbers'),
      mixin('whitespace'),
    ],
    preprocessor: [
      rule(new RegExp(String.raw`(#)(${OBJECT})`, 'i'), (run, m) => {
        if (IGORPRO_PREPROCESSOR.has(m[2].toLowerCase())) run.token('cp');
        else {
          run.token('p', m[1]);
          run.token('n', m[2]);
        }
      }),
    ],
    assignment: [
      mixin('whitespace'),
      rule(/"/, 's2', 'string1'),
      mixin('string2'),
      rule(NUMBER_FLOAT, 'mf', '#pop'),
      rule(NUMBER_INT, 'mi', '#pop'),
      // unclosed, the bracketed run would scan to the end at each opener: tried only before a closer
      guarded(rule(/[\(\[\{][^\)\]\}]+[\)\]\}]/, 'g', '#pop'), (text, pos) => lastClose(text) >= pos + 2),
      rule(/[^\s\/\(]+/, 'g', '#pop'),
      pop(),
    ],
    parse_variables: [
      mixin('whitespace'),
      rule(/[=]/, 'p', 'assignment'),
      rule(new RegExp(OBJECT, 'i'), 'nv'),
      rule(/[\[\]]/, 'p'),
      rule(/[,]/, 'p', 'parse_variables'),
      rule(/\)/, 'p', '#pop'),
      rule(/[/][a-z]+/i, 'kp', 'parse_variables'),
      pop(),
    ],
    parse_function: [
      rule(/[/][a-z]+/i, 'kp'),
      mixin('whitespace'),
      rule(new RegExp(OBJECT, 'i'), 'nf'),
      rule(/[\(]/, 'p', 'parse_variables'),
      pop(),
    ],
    operationFlags: [
      rule(NO_LINE_BREAK, ''),
      rule(/[=]/, 'p', 'assignment'),
      rule(/[/][a-z]+/i, 'kp', 'operationFlags'),
      rule(new RegExp(String.raw`(as)(\s*)(${OBJECT})`, 'i'), ['kt', '', 'nl']),
      pop(),
    ],
    waveFlag: [rule(new RegExp(String.raw`(\/(?:wave|X|Y))(\s*)(=)(\s*)(${OBJECT})`, 'i'), ['kp', '', 'p', '', 'nv'])],
    characters: [
      rule(/\s/, ''),
      rule(/[#$~!%^&*+=\|?:<>/-]/, 'o'),
      rule(/[{}()\[\],.;]/, 'p'),
      rule(/"/, 's2', 'string1'),
      mixin('string2'),
    ],
    numbers: [rule(NUMBER_FLOAT, 'mf'), rule(NUMBER_HEX, 'mh'), rule(NUMBER_INT, 'mi')],
    whitespace: [rule(NO_LINE_BREAK, '')],
    string1: [
      rule(/%\w\b/, 'sx'),
      rule(/\\\\/, 'se'),
      rule(/\\"/, 'se'),
      rule(/\\/, 'se'),
      rule(/[^"]/, 's'),
      rule(/"/, 's2', '#pop'),
    ],
    string2: [rule(/'[^']*'/, 's1')],
    comments: [
      // Rouge's rule has /i, which changes nothing in it under Ruby (its \w is ASCII either way) but
      // would let JavaScript's \w take ſ and K: written without it
      rule(/([/]\s*)([@]\w+\b)/, ['c', 'cs']),
      rule(/[^\r\n]/, 'c'),
      pop(),
    ],
  },
}));
