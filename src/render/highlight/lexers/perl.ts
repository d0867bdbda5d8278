/**
 * Perl (tags `perl`, `pl`; `.pl`, `.pm`, `.t` files), as Rouge 3.30 lexes it: `#` comments `c1`,
 * POD (`=head1` … `=cut`, at the start of a line) `cm`; keywords `k`, word operators `ow`,
 * builtins `nb` (Rouge's lists, generated) matched as whole words wherever a word starts;
 * `s///`, `tr///`, `y///`, `m//` and `/…/` regexes `sr` (any `/` that closes on the same line is a
 * regex, so `$a / 2 / 3` holds one); `$x`, `@x`, `%x` `nv` then the name (`Foo::` `nn`); punctuation
 * variables `vg`; `'…'` and `"…"` with their quotes `p`, contents `s1`/`s2`, escapes `se`,
 * `$x`/`${x}` interpolation `si`; `q{}`/`qw()`… `sx` (nested brackets counted); heredocs `s`;
 * `word =>` keys `s`; `sub name` `nf`, `package Name` `nn`; other words `nv`; `__END__` `cp`
 * to the end of the text.
 *
 * Rouge's delimited-regex rules loop over alternatives like `\\[\\/]|[^/]` whose branches
 * overlap (a backslash is also a `[^/]`): V8 backtracks through them exponentially where Onigmo
 * gets through short runs, so they are matched by the search of ./loop-match.ts, which remembers
 * the positions already known to fail — the same first match, in linear time.
 * Rouge's `((?<==~)|(?<=\())\s*` + regex rule is left out: under StringScanner a lookbehind at the
 * start of a pattern sees nothing, so it never matches.
 */
import { type Action, type LexerDef, type Rule, type Tok, lazyLexer, mixin, rule, wordsRe } from '../engine.js';
import { PERL_BUILTINS, PERL_KEYWORDS } from '../rouge-words.js';
import { type Loop, escape, guardedByRun, loopRe, loopRule, notIn } from './loop-match.js';

/** `[$@%&*#_]`, and the lookahead after such a run (under Rouge's `/i`) */
const isSigilRunChar = (c: number) => c === 36 || c === 64 || c === 37 || c === 38 || c === 42 || c === 35 || c === 95;
const AFTER_SIGILS = /(?=[a-z{\[;])/iuy;

/** Emit the match as `tok`, then push `next` or (`'#pop'`) pop, or stay. */
const tokenThen =
  (tok: Tok, next?: string): Action =>
  (run) => {
    run.token(tok);
    if (next === '#pop') run.pop();
    else if (next) run.push(next);
  };

/** Rouge's `(\\[\\C]|[^C])*C` and `(\\\\|\\C|[^C])*C` (the same branches), greedy. */
const escapedUntil = (close: string): Loop => ({
  lazy: false,
  branches: [escape('\\', close), notIn(close)],
  close,
});

/** Rouge's `((\\\\|\\\1)|[^\1])*?\1`: `[^\1]` is a class without U+0001 (an octal escape). */
const lazyUntil = (delim: string): Loop => ({
  lazy: true,
  branches: [escape('\\'), escape(delim), notIn('\x01')],
  close: delim,
});

const PAIRS: Array<[string, string]> = [
  ['/', '/'],
  ['!', '!'],
  ['\\', '\\'],
  ['{', '}'],
  ['<', '>'],
  ['[', ']'],
  ['(', ')'],
  ['@', '@'],
  ['%', '%'],
  ['$', '$'],
];

export const perl: LexerDef = lazyLexer('perl', () => {
  const words = (list: Iterable<string>) => `(?:${wordsRe(list)})\\b`;
  const sr = (next?: string) => tokenThen('sr', next);
  const balancedRegex: Rule[] = PAIRS.map(([open, close]) =>
    loopRule(
      loopRe(
        new RegExp(open.replace(/[\\/[\](){}$]/, '\\$&'), 'y'),
        () => [
          open === '\\'
            ? // /\\(\\\\|[^\\])*\\/: pairs of backslashes or other characters
              { lazy: false, branches: [escape('\\'), notIn('\\')], close: '\\' }
            : escapedUntil(close),
        ],
        /[egimosx]*/y,
      ),
      sr('#pop'),
    ),
  );
  const balancedSubst: Rule[] = [
    ['{', '}'],
    ['<', '>'],
    ['[', ']'],
    ['(', ')'],
  ].map(([open, close]) =>
    loopRule(
      loopRe(new RegExp(`(?:s|tr|y)\\${open}`, 'y'), () => [escapedUntil(close)], /[ \t\n\v\f\r]*/y),
      sr('balanced_regex'),
    ),
  );
  const FLAGS_S = /[msixpodualngcr]*/y;
  const FLAGS_M = /[msixpodualngc]*/y;
  return {
    states: {
      balanced_regex: balancedRegex,
      root: [
        rule(/#.*/, 'c1'),
        rule(/^=[a-zA-Z0-9]+\s+.*?\n=cut/s, 'cm'),
        rule(words(PERL_KEYWORDS), 'k'),
        rule(/(format)(\s+)([a-zA-Z0-9_]+)(\s*)(=)(\s*\n)/, (run) => {
          run.groups('k', '', 'n', '', 'p', '');
          run.push('format');
        }),
        rule(/(?:eq|lt|gt|le|ge|ne|not|and|or|cmp)\b/, 'ow'),
        // substitution/transliteration: balanced delimiters
        ...balancedSubst,
        // substitution/transliteration: arbitrary delimiters (Rouge's /m: they span lines)
        loopRule(loopRe(/(?:s|tr|y)[ \t\n\v\f\r]*([^\w \t\n\v\f\r])/uy, (d) => [lazyUntil(d), lazyUntil(d)], FLAGS_S), sr()),
        loopRule(loopRe(/(?:s|tr|y)[ \t\n\v\f\r]+(\w)/y, (d) => [lazyUntil(d), lazyUntil(d)], FLAGS_S), sr()),
        // matches: common case, m-optional
        loopRule(
          loopRe(/m?\//y, () => [{ lazy: false, branches: [escape('\\', '/'), notIn('/\n')], close: '/' }], FLAGS_M),
          sr(),
        ),
        rule(/m(?=[/!\\{<\[\(@%\$])/, 'sr', 'balanced_regex'),
        // arbitrary delimiters
        loopRule(loopRe(/m[ \t\n\v\f\r]*([^\w \t\n\v\f\r])/uy, (d) => [lazyUntil(d)], FLAGS_M), sr()),
        loopRule(loopRe(/m[ \t\n\v\f\r]+(\w)/y, (d) => [lazyUntil(d)], FLAGS_M), sr()),
        rule(/\s+/, ''),
        rule(/(?=[a-z_]\w*(\s*#.*\n)*\s*=>)/i, (run) => run.push('fat_comma')),
        rule(words(PERL_BUILTINS), 'nb'),
        rule(/((__(DIE|WARN)__)|(DATA|STD(IN|OUT|ERR)))\b/, 'bp'),
        rule(/<<(['"]?)([a-zA-Z_][a-zA-Z0-9_]*)\1;?\n.*?\n\2\n/s, 's'),
        rule(/(__(END|DATA)__)\b/, 'cp', 'end_part'),
        rule(/\$\^[ADEFHILMOPSTWX]/, 'vg'),
        rule(/\$[\\"'\[\]&`+*.,;=%~?@$!<>(^|\/_-](?!\w)/, 'vg'),
        // tried only where the run of sigils ends before a name, `{`, `[` or `;` (the greedy run
        // cannot stop early: a shorter one is followed by a sigil, never one of those), so a long
        // run of `%` is not scanned again at each of its characters (quadratic)
        guardedByRun(isSigilRunChar, rule(/[$@%&*][$@%&*#_]*(?=[a-z{\[;])/i, 'nv', 'varname'), (text, _pos, end) => {
          AFTER_SIGILS.lastIndex = end;
          return AFTER_SIGILS.test(text);
        }),
        rule(/[-+\/*%=<>&^|!\\~]=?/, 'o'),
        rule(/0_?[0-7]+(_[0-7]+)*/, 'mo'),
        rule(/0x[0-9A-Fa-f]+(_[0-9A-Fa-f]+)*/, 'mh'),
        rule(/0b[01]+(_[01]+)*/, 'mb'),
        rule(/(\d*(_\d*)*\.\d+(_\d*)*|\d+(_\d*)*\.\d+(_\d*)*)(e[+-]?\d+)?/i, 'mf'),
        rule(/\d+(_\d*)*e[+-]?\d+(_\d*)*/i, 'mf'),
        rule(/\d+(_\d+)*/, 'mi'),
        rule(/'/, 'p', 'sq'),
        rule(/"/, 'p', 'dq'),
        rule(/`/, 'p', 'bq'),
        rule(/<([^\s>]+)>/, 'sr'),
        rule(/(q|qq|qw|qr|qx)\{/, 'sx', 'cb_string'),
        rule(/(q|qq|qw|qr|qx)\(/, 'sx', 'rb_string'),
        rule(/(q|qq|qw|qr|qx)\[/, 'sx', 'sb_string'),
        rule(/(q|qq|qw|qr|qx)</, 'sx', 'lt_string'),
        rule(/(q|qq|qw|qr|qx)(\W)[\s\S]*?\2/, 'sx'),
        rule(/package\s+/, 'k', 'modulename'),
        rule(/sub\s+/, 'k', 'funcname'),
        rule(/\[\]|\*\*|::|<<|>>|>=|<=|<=>|={3}|!=|=~|!~|&&?|\|\||\.{1,3}/, 'o'),
        rule(/[()\[\]:;,<>\/?{}]/, 'p'),
        rule(/(?=\w)/, (run) => run.push('name')),
      ],
      format: [rule(/\.\n/, 'si', '#pop'), rule(/.*?\n/, 'si')],
      fat_comma: [rule(/#.*/, 'c1'), rule(/\w+/, 's'), rule(/\s+/, ''), rule(/=>/, 'o', '#pop')],
      name_common: [rule(/\w+::/, 'nn'), rule(/[\w:]+/, 'nv', '#pop')],
      varname: [
        rule(/\s+/, ''),
        rule(/[{\[]/, 'p', '#pop'),
        rule(/[),]/, 'p', '#pop'),
        rule(/[;]/, 'p', '#pop'),
        mixin('name_common'),
      ],
      name: [mixin('name_common'), rule(/[A-Z_]+(?=[^a-zA-Z0-9_])/, 'no', '#pop'), rule(/(?=\W)/, (run) => run.pop())],
      modulename: [rule(/[a-z_]\w*/i, 'nn', '#pop')],
      funcname: [
        rule(/[a-zA-Z_]\w*[!?]?/, 'nf'),
        rule(/\s+/, ''),
        rule(/(\([$@%]*\))(\s*)/, ['p', '']),
        rule(/.*?\{/, 'p', '#pop'),
        rule(/;/, 'p', '#pop'),
      ],
      sq: [rule(/\\[\\']/, 'se'), rule(/[^\\']+/, 's1'), rule(/'/, 'p', '#pop'), rule(/\\/, 's1')],
      dq: [
        mixin('string_intp'),
        rule(/\\[\\tnrabefluLUE"$@]/, 'se'),
        rule(/\\0\d{2}/, 'se'),
        rule(/\\o\{\d+\}/, 'se'),
        rule(/\\x\h{2}/, 'se'),
        rule(/\\x\{\h+\}/, 'se'),
        rule(/\\c./, 'se'),
        rule(/\\N\{[^\}]+\}/, 'se'),
        rule(/[^\\"]+?/, 's2'),
        rule(/"/, 'p', '#pop'),
        rule(/\\/, 'se'),
      ],
      bq: [mixin('string_intp'), rule(/\\[\\tnr`]/, 'se'), rule(/[^\\`]+?/, 'sb'), rule(/`/, 'p', '#pop')],
      ...Object.fromEntries(
        (
          [
            ['cb', '\\{', '\\}'],
            ['rb', '\\(', '\\)'],
            ['sb', '\\[', '\\]'],
            ['lt', '<', '>'],
          ] as const
        ).map(([name, open, close]) => [
          `${name}_string`,
          [
            rule(`\\\\[${open}${close}\\\\]`, 'sx'),
            rule(/\\/, 'sx'),
            rule(open, (run) => {
              run.token('sx');
              run.push();
            }),
            rule(close, 'sx', '#pop'),
            rule(`[^${open}${close}\\\\]+`, 'sx'),
          ],
        ]),
      ),
      in_interp: [rule(/\}/, 'si', '#pop'), rule(/\s+/, ''), rule(/[a-z_]\w*/i, 'si')],
      string_intp: [rule(/[$@][{]/, 'si', 'in_interp'), rule(/[$@][a-z_]\w*/i, 'si')],
      end_part: [rule(/.+/s, 'cp', '#pop')],
    },
  };
});
