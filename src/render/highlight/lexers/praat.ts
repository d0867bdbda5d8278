/**
 * Praat scripts (tag `praat`; `.praat`, `.proc`, `.psc` files), as Rouge 3.30 lexes them: `#` and
 * `;` comments `c1`; `procedure name` / `call name` / `@name` `nf`; Praat's built-in functions
 * (`name$`, `name#`, `name` before `(` or `:`) `nf` with their arguments in a comma list;
 * keywords `k`; `form … endform` with its field types `k`; `printline`-style commands and
 * `Object names` followed by text take the rest of the line as an unquoted string `s`; a
 * capitalised menu command (`To Pitch...`, `Get mean:`) is `k` up to its `...` or `:`;
 * built-in variables and `Object_name.xmin`-style references `nb`; other variables plain;
 * numbers `m`, operators `o`/`ow`, strings `s` with `'interpolation'` `si`.
 * Rouge's word lists are local variables of its class, so the rules that use them are taken
 * whole from Rouge by generate.rb (rouge-words.ts).
 * For phonetics research and teaching material (Praat scripting lessons).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { guardedByRun, isRubySpace } from './loop-match.js';
import {
  PRAAT_FUNCTIONS_ARRAY, PRAAT_FUNCTIONS_NUMERIC, PRAAT_FUNCTIONS_STRING, PRAAT_KEYWORDS, PRAAT_OBJECT_ATTRIBUTES,
  PRAAT_OBJECT_PREFIX, PRAAT_OBJECTS, PRAAT_VARIABLES_NUMERIC, PRAAT_VARIABLES_STRING,
} from '../rouge-words.js';

/**
 * Rouge's `\n\s*\.{3}`, tried only where the run of blanks from the newline is followed by `...`
 * (the greedy `\s*` gives back only blanks): on many newlines each one's `\s*` scanned the rest
 * of the run (quadratic); its end is remembered (guardedByRun).
 */
const continuationLine = () =>
  guardedByRun(isRubySpace, rule(/\n\s*\.{3}/, 'p'), (text, pos, end) => text[pos] === '\n' && text.startsWith('...', end));

export const praat: LexerDef = lazyLexer('praat', () => ({
  states: {
    root: [
      rule(/(\s+)(#.*?$)/, ['', 'c1']),
      rule(/^#.*?$/, 'c1'),
      rule(/;[^\n]*/, 'c1'),
      rule(/\s+/, ''),
      rule(/(\bprocedure)(\s+)/, ['k', ''], 'procedure_definition'),
      rule(/(\bcall)(\s+)/, ['k', ''], 'procedure_call'),
      rule(/@/, 'nf', 'procedure_call'),
      mixin('function_call'),
      rule(/\b(?:select all)\b/, 'k'),
      rule(PRAAT_KEYWORDS, 'k'),
      rule(/(\bform\b)(\s+)([^\n]+)/, ['k', '', 's'], 'old_form'),
      rule(
        /(print(?:line|tab)?|echo|exit|asserterror|pause|send(?:praat|socket)|include|execute|system(?:_nocheck)?)(\s+)/,
        ['k', ''],
        'string_unquoted',
      ),
      rule(/(goto|label)(\s+)(\w+)/, ['k', '', 'nl']),
      mixin('variable_name'),
      mixin('number'),
      rule(/"/, 's', 'string'),
      rule(PRAAT_OBJECTS, 'nc', 'string_unquoted'),
      rule(/\b(?=[A-Z])/, '', 'command'),
      rule(/(\.{3}|[)(,\$])/, 'p'),
    ],
    command: [
      rule(/( ?([^\s:\.'])+ ?)/, 'k'),
      mixin('string_interpolated'),
      rule(/\.{3}/, (run) => {
        run.token('k');
        run.pop();
        run.push('old_arguments');
      }),
      rule(/:/, (run) => {
        run.token('k');
        run.pop();
        run.push('comma_list');
      }),
      rule(/[\s]/, '', '#pop'),
    ],
    procedure_call: [
      mixin('string_interpolated'),
      rule(/(:|\s*\()/, 'p', '#pop'),
      rule(/'/, 'nf'),
      rule(/[^:\('\s]+/, 'nf'),
      rule(/(?=\s+)/, (run) => {
        run.pop();
        run.push('old_arguments');
      }),
    ],
    procedure_definition: [
      rule(/(:|\s*\()/, 'p', '#pop'),
      rule(/[^:\(\s]+/, 'nf'),
      rule(/(\s+)/, '', '#pop'),
    ],
    function_call: [
      rule(PRAAT_FUNCTIONS_STRING, 'nf', 'function'),
      rule(PRAAT_FUNCTIONS_ARRAY, 'nf', 'function'),
      rule(PRAAT_FUNCTIONS_NUMERIC, 'nf', 'function'),
    ],
    function: [
      rule(/\s+/, ''),
      rule(/(?::|\s*\()/, (run) => {
        run.token('');
        run.pop();
        run.push('comma_list');
      }),
    ],
    comma_list: [
      // tried only where the run of blanks from the position is followed by `...` (guardedByRun):
      // the group is all blanks, so it ends where the run does. Otherwise, on many newlines, one
      // try backtracks over every newline of the run, and each split after it (quadratic)
      guardedByRun(isRubySpace, rule(/(\s*\n\s*)(\.{3})/, ['', 'p']), (text, _pos, end) => text.startsWith('...', end)),
      rule(/\s*[\])\n]/, '', '#pop'),
      rule(/\s+/, ''),
      rule(/"/, 's', 'string'),
      rule(/\b(if|then|else|fi|endif)\b/, 'k'),
      mixin('function_call'),
      mixin('variable_name'),
      mixin('operator'),
      mixin('number'),
      rule(/[()]/, ''),
      rule(/,/, 'p'),
    ],
    old_arguments: [
      rule(/\n/, '', '#pop'),
      mixin('variable_name'),
      mixin('operator'),
      mixin('number'),
      rule(/"/, 's', 'string'),
      rule(/[^\n]/, ''),
    ],
    number: [rule(/\n/, '', '#pop'), rule(/\b\d+(\.\d*)?([eE][-+]?\d+)?%?/, 'm')],
    variable_name: [
      mixin('operator'),
      mixin('number'),
      rule(PRAAT_VARIABLES_STRING, 'nb'),
      rule(PRAAT_VARIABLES_NUMERIC, 'nb'),
      rule(PRAAT_OBJECT_PREFIX, 'nb', 'object_reference'),
      rule(/\.?[a-z][a-zA-Z0-9_.]*(\$|#)?/, ''),
      rule(/[\[\]]/, '', 'comma_list'),
      mixin('string_interpolated'),
    ],
    object_reference: [
      mixin('string_interpolated'),
      rule(/([a-z][a-zA-Z0-9_]*|\d+)/, 'nb'),
      rule(PRAAT_OBJECT_ATTRIBUTES, 'nb', '#pop'),
      rule(/\$/, 'nb'),
      rule(/\[/, '', '#pop'),
    ],
    operator: [
      rule(/([+\/*<>=!-]=?|[&*|][&*|]?|\^|<>)/, 'o'),
      rule(/(?<![\w.])(and|or|not|div|mod)(?![\w.])/, 'ow'),
    ],
    string_interpolated: [rule(/'[\._a-z][^\[\]'":]*(\[([\d,]+|"[\w,]+")\])?(:[0-9]+)?'/, 'si')],
    string_unquoted: [
      continuationLine(),
      rule(/\n/, '', '#pop'),
      rule(/\s/, ''),
      mixin('string_interpolated'),
      rule(/'/, 's'),
      rule(/[^'\n]+/, 's'),
    ],
    string: [
      continuationLine(),
      rule(/"/, 's', '#pop'),
      mixin('string_interpolated'),
      rule(/'/, 's'),
      rule(/[^'"\n]+/, 's'),
    ],
    old_form: [
      rule(/(\s+)(#.*?$)/, ['', 'c1']),
      rule(/\s+/, ''),
      rule(/(optionmenu|choice)([ \t]+\S+:[ \t]+)/, ['k', ''], 'number'),
      rule(/(option|button)([ \t]+)/, ['k', ''], 'string_unquoted'),
      rule(/(sentence|text)([ \t]+\S+)/, ['k', ''], 'string_unquoted'),
      rule(/(word)([ \t]+\S+[ \t]*)(\S+)?([ \t]+.*)?/, ['k', '', 's', '']),
      rule(/(boolean)(\s+\S+\s*)(0|1|"?(?:yes|no)"?)/, ['k', '', 'nv']),
      rule(/(real|natural|positive|integer)([ \t]+\S+[ \t]*)([+-]?)/, ['k', '', 'o'], 'number'),
      rule(/(comment)(\s+)/, ['k', ''], 'string_unquoted'),
      rule(/\bendform\b/, 'k', '#pop'),
    ],
  },
}));
