/**
 * Elixir (tags `elixir`, `exs`), as Rouge 3.30 lexes it (lib/rouge/lexers/elixir.rb, a port of
 * Pygments'): keywords `k` (`do` and `->` only between word characters), `import`/`use`… `kn`,
 * `and or not when xor in` `ow`, operators `o`, `:atom` and `key:` symbols `ss` (`:"…"` with
 * interpolation), `nil true false` and capitalised names `no`, `__MODULE__`… `bp`, `@attr` and
 * `&1` `nv`, numbers, `"…"` `s2` / `'…'` `s1` with `se` escapes and `#{…}` interpolation `si`,
 * heredocs `sd`, `?c` characters `sx`, and `~x(…)` sigils (`~r`/`~R` `sr` with flags, others `sx`).
 * Rouge quirks kept: sigils with an upper-case letter interpolate and lower-case ones do not; the
 * symbol rule's alternatives for `<=>` and `**` start with a newline and 13 spaces (its source
 * spans lines without the `x` flag), so `:<=>` and `:**` are not symbols. A sigil without a
 * letter (`~(…)`) makes Rouge raise (TypeError), which fails Jekyll's build: so does this one
 * (RougeRaise), as Stan's and SAS's do.
 */
import { type LexerDef, RougeRaise, lazyLexer, mixin, rule } from '../engine.js';

const NL13 = '\n' + ' '.repeat(13);
const KEYWORD = String.raw`\b(case|cond|end|bc|lc|if|unless|try|loop|receive|fn|defmodule|defp?|defprotocol|defimpl|defrecord|defmacrop?|defdelegate|defexception|defguardp?|defstruct|exit|raise|throw|after|rescue|catch|else)\b(?![?!])|(?<!\.)\b(do|->)\b`;
const OPERATOR = String.raw`%=|\*=|\*\*=|\+=|-=|\^=|\|\|=|<=>|<(?!<|=)|>(?!<|=|>)|<=|>=|===|==|=~|!=|!~|(?=[\s])\?|(?<=[\s])!+|&(&&?|(?!\d))|\|\||\^|\*|\+|-|\/|\||\+\+|--|\*\*|\/\/|<-|<>|<<|>>|=|\.|~~~`;
const SYMBOL =
  String.raw`(?<!:)(:)([a-zA-Z_]\w*([?!]|=(?![>=]))?|<>|===?|>=?|<=?|` + NL13 +
  String.raw`<=>|&&?|%\(\)|%\[\]|%\{\}|\+\+?|--?|\|\|?|!|\/\/|[%&` + '`' + String.raw`\/\|]|` + NL13 +
  String.raw`\*\*?|=?~|<-)|([a-zA-Z_]\w*([?!])?)(:)(?!:)`;

const CLOSERS: Record<string, string> = { '{': '}', '[': ']', '(': ')', '<': '>' };
/** Ruby's Regexp.escape for the sigil delimiters. */
const escapeDelim = (c: string): string => ('{}[]()|'.includes(c) ? '\\' + c : c);
/** Ruby's String#squeeze: runs of one character become one. */
const squeeze = (s: string): string => s.replace(/(.)\1+/gs, '$1');

export const elixir: LexerDef = lazyLexer('elixir', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/#.*$/, 'c1'),
      rule(KEYWORD, 'k'),
      rule(/\b(import|require|use|recur|quote|unquote|super|refer)\b(?![?!])/, 'kn'),
      rule(/(?<!\.)\b(and|not|or|when|xor|in)\b/, 'ow'),
      rule(OPERATOR, 'o'),
      rule(SYMBOL, 'ss'),
      rule(/:"/, 'ss', 'interpoling_symbol'),
      rule(/\b(nil|true|false)\b(?![?!])|\b[A-Z]\w*\b/, 'no'),
      rule(/\b(__(FILE|LINE|MODULE|MAIN|FUNCTION)__)\b(?![?!])/, 'bp'),
      rule(/[a-zA-Z_!]\w*[!?]?/, 'n'),
      rule(/::|[%(){};,\/|:\\\[\]]/, 'p'),
      rule(/@[a-zA-Z_]\w*|&\d/, 'nv'),
      rule(/\b\d(_?\d)*(\.(?![^\d\s])(_?\d)+)([eE][-+]?\d(_?\d)*)?\b/, 'mf'),
      rule(/\b0x[0-9A-Fa-f](_?[0-9A-Fa-f])*\b/, 'mh'),
      rule(/\b0o[0-7](_?[0-7])*\b/, 'mo'),
      rule(/\b0b[01](_?[01])*\b/, 'mb'),
      rule(/\b\d(_?\d)*\b/, 'mi'),
      mixin('strings'),
      mixin('sigil_strings'),
    ],
    strings: [
      rule(/(%[A-Ba-z])?"""(?:.|\n)*?"""/, 'sd'),
      rule(/'''(?:.|\n)*?'''/, 'sd'),
      rule(/"/, 's2', 'dqs'),
      rule(/'/, 's1', 'sqs'),
      rule(/(?<!\w)\?(\\(x\d{1,2}|\h{1,2}(?!\h)\b|0[0-7]{0,2}(?![0-7])\b[^x0MC])|(\\[MC]-)+\w|[^\s\\])/, 'sx'),
    ],
    dqs: [mixin('escapes'), mixin('interpoling'), rule(/[^#"\\]+/, 's2'), rule(/"/, 's2', '#pop'), rule(/[#\\]/, 's2')],
    sqs: [mixin('escapes'), mixin('interpoling'), rule(/[^#'\\]+/, 's1'), rule(/'/, 's1', '#pop'), rule(/[#\\]/, 's1')],
    interpoling: [rule(/#\{/, 'si', 'interpoling_string')],
    interpoling_string: [rule(/\}/, 'si', '#pop'), mixin('root')],
    escapes: [rule(/\\x\h{2}/, 'se'), rule(/\\u\{?\d+\}?/, 'se'), rule(/\\[\\abdefnrstv0"']/, 'se')],
    interpoling_symbol: [rule(/"/, 'ss', '#pop'), mixin('interpoling'), rule(/[^#"]+/, 'ss')],
    sigil_strings: [
      rule(/~([A-Za-z])?(\{|\[|\(|<|\||\/|'|")/, (run, m) => {
        // Rouge's `'Rr'.include? m[1]` raises TypeError when there is no letter, and Jekyll's
        // build fails.
        if (m[1] === undefined) throw new RougeRaise('no implicit conversion of nil into String');
        const letter = m[1];
        const open = escapeDelim(m[2]);
        const close = escapeDelim(CLOSERS[m[2]] ?? m[2]);
        const interp = /[SRCW]/.test(letter);
        let tok = 'sx';
        if ('Rr'.includes(letter)) {
          tok = 'sr';
          run.push('regex_flags');
        }
        if ('Ww'.includes(letter)) run.push('list_flags');
        run.token(tok);
        run.pushDynamic(`sigil ${open} ${close} ${interp} ${tok}`, () => [
          rule(close, tok, '#pop'),
          ...(interp ? [mixin('interpoling'), rule(/#/, tok)] : [rule(/[\\#]/, tok)]),
          rule(`[^#${squeeze(open + close)}\\\\]+`, tok),
        ]);
      }),
    ],
    regex_flags: [rule(/[fgimrsux]*/, 'sr', '#pop')],
    list_flags: [rule(/[csa]?/, 'sx', '#pop')],
  },
}));
