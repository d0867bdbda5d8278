/**
 * LiveScript (tag `livescript`; `ls`), as Rouge 3.30 lexes it (lexers/livescript.rb): names `nv`,
 * capitalised ones `nc`, keywords `k`, constants (JavaScript's plus `yes no on off void`) `no`,
 * builtins `nb`, declarations `kd`; after a name, `.prop`, `::prop` and `@prop` the following
 * `.name`/`!`/`?`/`{…}` are a chain (`na`, `p`); `key:` `na`; arrows `kd`; word operators
 * `and or xor is isnt not` `o`; strings `s` (`'…'`, `"…"`, `'''`, `"""`, `\word`, `<[ … ]>`)
 * with `se` escapes and `#{…}`/`#name` interpolation `si` in double quotes; `/…/` where an
 * expression may start and `//…//` regexes `sr`; `#` comments `c1`, block comments `cm`.
 * Rouge quirks kept: whitespace is taken one character at a time (its lazy `\s+?`), so a line
 * that starts with `:name` after a newline is a label `nl`; a line starting with `/` that is not
 * a regex stalls Rouge's scanner (zero-width push and pop) until its null-step limit makes the
 * `/` an error; `break`/`continue` followed by a name and `)`, `;` or a newline label it `nl`.
 */
import { type LexerDef, type RuleSpec, lazyLexer, mixin, rule } from '../engine.js';
import { guarded, slashRegexMatches } from './loop-match.js';

const words = (s: string) => new Set(s.trim().split(/\s+/));
const DECLARATIONS = words('const let var function class extends implements');
const KEYWORDS = words(`loop until for in of while break return continue switch case
  fallthrough default otherwise when then if unless else throw try
  catch finally new delete typeof instanceof super by from to til
  with require do debugger import export yield`);
const CONSTANTS = words('true false null NaN Infinity undefined yes no on off void');
const BUILTINS = words(`Array Boolean Date Error Function Math netscape Number Object Packages RegExp
  String sun decodeURI decodeURIComponent encodeURI encodeURIComponent Error eval isFinite isNaN
  parseFloat parseInt document window navigator self global Promise Set Map WeakSet WeakMap Symbol
  Proxy Reflect Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Uint16ClampedArray
  Int32Array Uint32Array Uint32ClampedArray Float32Array Float64Array DataView ArrayBuffer
  this it that arguments`);
const LOOP_CONTROL = words('break continue');

// Rouge's id is case-insensitive (/…/i) even where it is interpolated into other regexes, so the
// letter classes are spelled out in both cases (with `ſ` and the Kelvin sign, which Onigmo's `[a-z]`
// takes under `/i`); its groups are made non-capturing here.
const ID = '[$a-zA-Z_\u017F\u212A](?:(?:-(?=[a-zA-Z\u017F\u212A]))?[a-zA-Z0-9_\u017F\u212A])*';
const INT_NUMBER = String.raw`\d[\d_]*`;
const INT = String.raw`${INT_NUMBER}(?:e[+-]?${INT_NUMBER})?[$\w]*`;
// Rouge's `[^\S\n]`: Ruby's `\s` is ASCII-only.
const BLANK = '[ \\t\\v\\f\\r]';

const string = (close: string, other: string, body: string): RuleSpec[] => [
  rule(close, 's', '#pop'),
  ...(other ? [rule(other, 's')] : []),
  mixin(body),
];

export const livescript: LexerDef = lazyLexer('livescript', () => ({
  states: {
    root: [
      rule(/^(?=\s|\/)/, '', 'slash_starts_regex'),
      mixin('comments'),
      mixin('whitespace'),
      rule(/(<\[)(.*?)(\]>)/s, ['p', 's', 'p']),
      rule(/!\s*function\b/, 'kd'),
      rule(/!?[-~]>|<[-~]!?/, 'kd'),
      rule(/(=>)/, 'k'),
      rule(`(::)(${ID})`, ['p', 'na'], 'id'),
      rule(`(::)(${INT})`, ['p', 'mi'], 'id'),
      rule(`(@)(${ID})`, ['vi', 'na'], 'id'),
      rule(`([.])(${ID})`, ['p', 'na'], 'id'),
      rule(/([.])(\d+)/, ['p', 'mi'], 'id'),
      rule(`${ID}(?=\\s*:[^:=])`, 'na'),
      rule(
        String.raw`[+][+]|--|&&|\b(and|x?or|is(nt)?|not)\b(?!-[a-zA-Z]|_)|[|][|]|[.]([|&^]|<<|>>>?)[.]|\\(?=\n)|[.:]=|<<<<?|<[|]|[|]>|(<<|>>|==?|!=?|[-<>+*%^/~?])=?`,
        'o',
        'slash_starts_regex',
      ),
      rule(`(&)(${ID})?`, ['nb', 'na']),
      rule(/[|]|\bcase(?=\s)/, 'k', 'switch_underscore'),
      rule(/@/, 'vi'),
      rule(/[.]{3}/, 'p'),
      rule(/:/, 'p'),
      rule(ID, (run, m) => {
        const w = m[0];
        if (LOOP_CONTROL.has(w)) {
          run.token('k');
          run.push('loop_control');
          return;
        }
        if (KEYWORDS.has(w)) run.token('k');
        else if (CONSTANTS.has(w)) run.token('no');
        else if (BUILTINS.has(w)) run.token('nb');
        else if (DECLARATIONS.has(w)) run.token('kd');
        else if (/^[A-Z]/.test(w) && /[^-][a-z]/.test(w)) run.token('nc');
        else run.token('nv');
        run.push('id');
      }),
      rule(`\\](?=[!?.]|${ID})`, 'p', 'id'),
      rule(/[{(\[;,]/, 'p', 'slash_starts_regex'),
      rule(/[})\].]/, 'p'),
      rule(`${INT_NUMBER}[.]${INT}`, 'mf'),
      rule(/0x[0-9A-Fa-f]+/, 'mh'),
      rule(INT, 'mi'),
      rule(/"""/, 's', 'triple_double'),
      rule(/'''/, 's', 'triple_single'),
      rule(/"/, 's', 'double'),
      rule(/'/, 's', 'single'),
      rule(/\\\S[^\s,;\])}]*/, 's'),
    ],
    triple_double: string('"""', '"', 'double_strings'),
    triple_single: string("'''", "'", 'single_strings'),
    double: string('"', '', 'double_strings'),
    single: string("'", '', 'single_strings'),
    code_escape: [rule(/\\(c[A-Z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{4}\})/, 'se')],
    interpolated_expression: [rule(/\}/, 'si', '#pop'), mixin('root')],
    interpolation: [
      rule(/[#][{]/, 'si', 'interpolated_expression'),
      rule(`(#)(${ID})`, (run, m) => run.groups('si', BUILTINS.has(m[2]) ? 'nb' : 'nv')),
    ],
    whitespace: [rule(`(\\s+?)(?:^(${BLANK}*)(:${ID}))?`, ['', '', 'nl'])],
    whitespace_single_line: [rule(`${BLANK}+`, '')],
    slash_starts_regex: [
      mixin('comments'),
      mixin('whitespace'),
      mixin('multiline_regex_begin'),
      // The alternatives start with different characters, so the loop never backtracks into a
      // choice; but each `/` of `[/[/[/…` walked the rest of the line (quadratic): tried only
      // where it matches (slashRegexMatches, which remembers the walks' outcomes).
      guarded(
        rule(String.raw`/(\\.|[^\[/\\\n]|\[(\\.|[^\]\\\n])*\])+/([gimy]+\b|\B)`, 'sr', '#pop'),
        slashRegexMatches(rule(/([gimy]+\b|\B)/, '').re),
      ),
      rule(/(?:)/, (run) => run.pop()),
    ],
    multiline_regex_begin: [
      rule(/\/\//, (run) => {
        run.token('sr');
        run.goto('multiline_regex');
      }),
    ],
    multiline_regex_end: [rule(/\/\/([gimy]+\b|\B)/, 'sr', '#pop')],
    multiline_regex: [
      mixin('multiline_regex_end'),
      mixin('regex_comment'),
      mixin('interpolation'),
      mixin('code_escape'),
      rule(/\\\D/, 'se'),
      rule(/\\\d+/, 'nv'),
      rule(/./s, 'sr'),
    ],
    regex_comment: [rule(/^#(\s+.*)?$/, 'c1'), rule(/(\s+)(#)(\s+.*)?$/, ['', 'c1', 'c1'])],
    comments: [rule(/\/\*.*?\*\//s, 'cm'), rule(/#.*$/, 'c1')],
    switch_underscore: [
      mixin('whitespace_single_line'),
      rule(/_(?=\s*=>|\s+then\b)/, 'k'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    loop_control: [
      mixin('whitespace_single_line'),
      rule(`${ID}(?=[);\\n])`, 'nl'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    id: [
      rule(/[!?]|[.](?!=)/, 'p'),
      rule(/[{]/, 'p', 'id_braces'),
      rule(ID, 'na'),
      rule(INT, 'mi'),
      rule(/(?:)/, (run) => run.goto('slash_starts_regex')),
    ],
    id_braces: [
      rule(/[,;]/, 'p'),
      rule(ID, 'na'),
      rule(INT, 'mi'),
      mixin('whitespace'),
      rule(/[}]/, 'p', '#pop'),
    ],
    strings: [rule(/[^#\\'"]+/, 's'), mixin('code_escape'), rule(/\\./, 'se'), rule(/#/, 's')],
    double_strings: [rule(/'/, 's'), mixin('interpolation'), mixin('strings')],
    single_strings: [rule(/"/, 's'), mixin('strings')],
  },
}));
