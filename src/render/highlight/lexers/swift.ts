/**
 * Swift (tag `swift`), as Rouge 3.30 lexes it (lib/rouge/lexers/swift.rb): a line starting with
 * `#` (after whitespace) is a preprocessor comment `cp`; `//` comments `c1` and nested block comments
 * `cm`; keywords `k`, declaration words and `@attributes` `kd`, `true false nil` `kc`;
 * capitalised names `kt`; a name before `(` `nf` (capitalised: `kt`); `name:` `nv`, as is the
 * name after `let`/`var` (and each name of a `let (a, b)` tuple); `$0` `nv`; strings `s` with
 * escapes `se` and `\( … )` interpolation lexed as code; operators `o`, punctuation `p`.
 * Rouge quirks kept: `1*` is a float, and `private(x)`/`unowned(x)` with an unknown word mark
 * that word as an error.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { lazyRegExp } from '../../../lazy-regexp.js';

// Ruby interpolates a Regexp as a group (`(?-mix:…)`).
const ID_HEAD = String.raw`(?:_|(?!\p{Mc})\p{Alphabetic}|[^\u0000-\uFFFF])`;
const ID_REST = String.raw`(?:[\p{Alphabetic}\p{Nd}_]|[^\u0000-\uFFFF])`;
const ID = `(?:${ID_HEAD}${ID_REST}*)`;
/** Onigmo's `[[:upper:]]` on Unicode text: the Uppercase property. */
const UPPER_START = lazyRegExp(String.raw`^\p{Uppercase}`, 'u');

const KEYWORDS = new Set(`await break case continue default do else fallthrough if in for return
  switch where while try catch throw guard defer repeat
  as dynamicType is new super self Self Type __COLUMN__ __FILE__ __FUNCTION__ __LINE__
  associativity async didSet get infix inout isolated mutating none nonmutating operator override
  postfix precedence prefix set unowned weak willSet throws rethrows precedencegroup`.split(/\s+/));
const DECLARATIONS = new Set(`actor class deinit enum convenience extension final func import init
  internal lazy let nonisolated optional private protocol public required static struct subscript
  typealias var dynamic indirect associatedtype open fileprivate some`.split(/\s+/));
const CONSTANTS = new Set(['true', 'false', 'nil']);

export const swift: LexerDef = lazyLexer('swift', () => ({
  start: (run) => run.push('bol'),
  states: {
    bol: [
      rule(/#.*/, 'cp'),
      mixin('inline_whitespace'),
      rule('', (run) => run.pop()),
    ],
    inline_whitespace: [rule(/\s+/, ''), mixin('has_comments')],
    whitespace: [
      rule(/\n+/, '', 'bol'),
      rule(/\/\/.*?$/, 'c1', 'bol'),
      mixin('inline_whitespace'),
    ],
    has_comments: [rule(/\/[*]/, 'cm', 'nested_comment')],
    nested_comment: [
      mixin('has_comments'),
      rule(/[*]\//, 'cm', '#pop'),
      rule(/[^*/]+/, 'cm'),
      rule(/./, 'cm'),
    ],
    root: [
      mixin('whitespace'),
      rule(/\$(?:(?:[1-9]\d*)?\d)/, 'nv'),
      rule(/[()\[\]{}:;,?\\]/, 'p'),
      rule(/[-/=+*%<>!&|^.~]+/, 'o'),
      rule(/@?"/, 's', 'dq'),
      rule(/'(?:\\.|.)'/, 'sc'),
      // Rouge's `(?:\d+(?:_\d+)*)*\.` written as `?`: the same strings, without JavaScript's
      // exponential backtracking on a long run of digits with no `.` after it.
      rule(/(?:\d+(?:_\d+)*\*|(?:\d+(?:_\d+)*)?\.\d+(?:_\d)*)(?:e[+-]?\d+(?:_\d)*)?/i, 'mf'),
      rule(/\d+e[+-]?[0-9]+/i, 'mf'),
      rule(/0o?[0-7]+(?:_[0-7]+)*/, 'mo'),
      rule(/0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*(?:(?:\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\d+)?/, 'mh'),
      rule(/0b[01]+(?:_[01]+)*/, 'mb'),
      rule(/[\d]+(?:_\d+)*/, 'mi'),
      rule(`@${ID}`, 'kd'),
      rule(/(private|internal)(\([ ]*)(\w+)([ ]*\))/, (run, m) => {
        if (m[3] === 'set') run.token('kd');
        else run.groups('kd', 'kd', 'err', 'kd');
      }),
      rule(/(unowned\([ ]*)(\w+)([ ]*\))/, (run, m) => {
        if (m[2] === 'safe' || m[2] === 'unsafe') run.token('kd');
        else run.groups('kd', 'err', 'kd');
      }),
      rule(/#available\([^)]+\)/, 'kd'),
      rule(/(#(?:selector|keyPath)\()([^)]+?(?:[(].*?[)])?)(\))/, ['kd', 'nf', 'kd']),
      rule(/#(?:line|file|column|function|dsohandle)/, 'kd'),
      rule(String.raw`(let|var)\b(\s*)(${ID})`, ['k', '', 'nv']),
      rule(/(let|var)\b(\s*)([(])/, ['k', '', 'p'], 'tuple'),
      rule(String.raw`(?!\b(?:if|while|for|private|internal|unowned|switch|case)\b)\b${ID}(?=[?!]?\s*[(])`, (run, m) => {
        run.token(UPPER_START().test(m[0]) ? 'kt' : 'nf');
      }),
      rule(/as[?!]?(?=\s)/, 'k'),
      rule(/try[!]?(?=\s)/, 'k'),
      rule(String.raw`(#?(?!default)(?!\p{Uppercase})${ID})(\s*)(:)`, ['nv', '', 'p']),
      rule(ID, (run, m) => {
        const w = m[0];
        if (KEYWORDS.has(w)) run.token('k');
        else if (DECLARATIONS.has(w)) run.token('kd');
        else if (CONSTANTS.has(w)) run.token('kc');
        else if (UPPER_START().test(w)) run.token('kt');
        else run.token('n');
      }),
      rule(`(\`)(${ID})(\`)`, ['p', 'nv', 'p']),
    ],
    tuple: [
      rule(`(${ID})`, 'nv'),
      rule(`(\`)(${ID})(\`)`, ['p', 'nv', 'p']),
      rule(/,/, 'p'),
      rule(/[(]/, 'p', '#push'),
      rule(/[)]/, 'p', '#pop'),
      mixin('inline_whitespace'),
    ],
    dq: [
      rule(/\\[\\0tnr'"]/, 'se'),
      rule(/\\[(]/, 'se', 'interp'),
      rule(/\\u\{\h{1,8}\}/, 'se'),
      rule(/[^\\"]+/, 's'),
      rule(/"""/, 's', '#pop'),
      rule(/"/, 's', '#pop'),
    ],
    interp: [rule(/[(]/, 'p', 'interp_inner'), rule(/[)]/, 'se', '#pop'), mixin('root')],
    interp_inner: [rule(/[(]/, 'p', '#push'), rule(/[)]/, 'p', '#pop'), mixin('root')],
  },
}));
