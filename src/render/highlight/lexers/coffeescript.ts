/**
 * CoffeeScript (tags `coffeescript`, `coffee`, `coffee-script`), as Rouge 3.30 lexes it
 * (lib/rouge/lexers/coffeescript.rb): after an operator, an opening bracket, a name or at the
 * start of a line a `/…/` is a regex `sr` (`///…///` block regexes with comments and `#{…}`);
 * keywords `k`, `true yes on null…` `no`, builtins (`Math`, `window`…) `nb`, other names `nx`,
 * `name:` and `.member` `na`, `@member` `vi na`, `->`/`=>` `nf`, operators `o` (`and or is isnt
 * not in of` too), strings `s` (all multi-line) with `se` escapes and, in double-quoted ones,
 * `#{…}` interpolation `si`; `#` comments `c1`, `###…###` `cm`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { guarded, slashRegexMatches } from './loop-match.js';

const ID = '[$a-zA-Z_][a-zA-Z0-9_]*';
const KEYWORDS = new Set(`for by while until loop break continue return
  switch when then if else do yield throw try catch finally await
  new delete typeof instanceof super extends this class
  import export debugger`.split(/\s+/));
const CONSTANTS = new Set('true false yes no on off null NaN Infinity undefined'.split(' '));
const BUILTINS = new Set(`Array Boolean Date Error Function Math netscape Number Object
  Packages RegExp String sun decodeURI decodeURIComponent
  encodeURI encodeURIComponent eval isFinite isNaN parseFloat
  parseInt document window`.split(/\s+/));

export const coffeescript: LexerDef = lazyLexer('coffeescript', () => ({
  states: {
    comments: [rule(/###[^#].*?###/s, 'cm'), rule(/#.*$/, 'c1')],
    whitespace: [rule(/\s+/, '')],
    regex_comment: [rule(/^#(?!\{).*$/, 'c1'), rule(/(\s+)(#(?!\{).*)$/, ['', 'c1'])],
    multiline_regex_begin: [
      rule(/\/\/\//, (run) => {
        run.token('sr');
        run.goto('multiline_regex');
      }),
    ],
    multiline_regex_end: [rule(/\/\/\/([gimy]+\b|\B)/, 'sr', '#pop')],
    multiline_regex: [
      mixin('multiline_regex_end'),
      mixin('regex_comment'),
      mixin('has_interpolation'),
      mixin('comments'),
      mixin('whitespace'),
      mixin('code_escape'),
      rule(/\\\D/, 'se'),
      rule(/\\\d+/, 'nv'),
      rule(/./s, 'sr'),
    ],
    slash_starts_regex: [
      mixin('comments'),
      mixin('whitespace'),
      mixin('multiline_regex_begin'),
      // tried only where it matches (slashRegexMatches): linear on `[/[/[/…`
      guarded(
        rule(/\/(\\.|[^\[\/\\\n]|\[(\\.|[^\]\\\n])*\])+\/([gimy]+\b|\B)/, 'sr', '#pop'),
        slashRegexMatches(rule(/([gimy]+\b|\B)/, '').re),
      ),
      rule('', (run) => run.pop()),
    ],
    root: [
      rule(/^(?=\s|\/|<!--)/, (run) => run.push('slash_starts_regex')),
      mixin('comments'),
      mixin('whitespace'),
      rule(
        /[+][+]|--|~|&&|\band\b|\bor\b|\bis\b|\bisnt\b|\bnot\b|\bin\b|\bof\b|[?]|:|=|[|][|]|\\(?=\n)|(<<|>>>?|==?|!=?|[-<>+*`%&|^/])=?/,
        'o',
        'slash_starts_regex',
      ),
      rule(/[-=]>/, 'nf'),
      rule(`(@)([ \\t]*)(${ID})`, ['vi', '', 'na'], 'slash_starts_regex'),
      rule(`([.])([ \\t]*)(${ID})`, ['p', '', 'na'], 'slash_starts_regex'),
      rule(String.raw`${ID}(?=\s*:)`, 'na', 'slash_starts_regex'),
      rule(ID, (run, m) => {
        const w = m[0];
        if (KEYWORDS.has(w)) run.token('k');
        else if (CONSTANTS.has(w)) run.token('no');
        else if (BUILTINS.has(w)) run.token('nb');
        else run.token('nx');
        run.push('slash_starts_regex');
      }),
      rule(/[{(\[;,]/, 'p', 'slash_starts_regex'),
      rule(/[})\].]/, 'p'),
      rule(/\d+[.]\d+([eE]\d+)?[fd]?/, 'mf'),
      rule(/0x[0-9a-fA-F]+/, 'mh'),
      rule(/\d+/, 'mi'),
      rule(/"""/, 's', 'tdqs'),
      rule(/'''/, 's', 'tsqs'),
      rule(/"/, 's', 'dqs'),
      rule(/'/, 's', 'sqs'),
    ],
    code_escape: [rule(/\\(c[A-Z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{4}\})/, 'se')],
    strings: [rule(/[^#\\'"]+/, 's'), mixin('code_escape'), rule(/\\./, 'se'), rule(/#/, 's')],
    double_strings: [rule(/'/, 's'), mixin('has_interpolation'), mixin('strings')],
    single_strings: [rule(/"/, 's'), mixin('strings')],
    interpolation: [rule(/\}/, 'si', '#pop'), mixin('root')],
    has_interpolation: [rule(/[#][{]/, 'si', 'interpolation')],
    dqs: [rule(/"/, 's', '#pop'), mixin('double_strings')],
    tdqs: [rule(/"""/, 's', '#pop'), rule(/"/, 's'), mixin('double_strings')],
    sqs: [rule(/'/, 's', '#pop'), mixin('single_strings')],
    tsqs: [rule(/'''/, 's', '#pop'), rule(/'/, 's'), mixin('single_strings')],
  },
}));
