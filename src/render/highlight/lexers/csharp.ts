/**
 * C# (tag `csharp`, aliases `c#`, `cs`), as Rouge 3.30 lexes it: a flat keyword list `k`
 * (contextual and LINQ words included), built-in type names `kt`, every punctuation mark `p`,
 * a name before `(` `nf`, other names `n` (an `@` prefix included); `class`/`struct`/`interface`
 * then a name `k nc`; `namespace`/`using` then a dotted name `k nn`; `#region`-style lines `cp`;
 * strings `s` (verbatim `@"…"` across lines, interpolated `$"…{expr}…"` with the braces `p` and
 * the expression lexed as code), chars `sc`, numbers `m`. Rouge's identifiers are ASCII only.
 */
import { type LexerDef, lazyLexer, mixin, rule, wordsRe } from '../engine.js';
import { lazyEscapesToLineEnd } from './loop-match.js';

const KEYWORDS = [
  'abstract', 'as', 'base', 'break', 'case', 'catch', 'checked', 'const', 'continue', 'default', 'delegate', 'do', 'else',
  'enum', 'event', 'explicit', 'extern', 'false', 'finally', 'fixed', 'for', 'foreach', 'goto', 'if', 'implicit', 'in',
  'interface', 'internal', 'is', 'lock', 'new', 'null', 'operator', 'out', 'override', 'params', 'private', 'protected',
  'public', 'readonly', 'ref', 'return', 'sealed', 'sizeof', 'stackalloc', 'static', 'switch', 'this', 'throw', 'true',
  'try', 'typeof', 'unchecked', 'unsafe', 'virtual', 'void', 'volatile', 'while',
  'add', 'alias', 'async', 'await', 'get', 'global', 'partial', 'remove', 'set', 'value', 'where', 'yield', 'nameof',
  'ascending', 'by', 'descending', 'equals', 'from', 'group', 'into', 'join', 'let', 'on', 'orderby', 'select',
];
const TYPES = ['bool', 'byte', 'char', 'decimal', 'double', 'dynamic', 'float', 'int', 'long', 'object', 'sbyte', 'short', 'string', 'uint', 'ulong', 'ushort', 'var'];
const PREPROCESSOR = ['if', 'endif', 'else', 'elif', 'define', 'undef', 'line', 'error', 'warning', 'region', 'endregion', 'pragma'];
// Rouge's `id = /@?[_a-z]\w*/i`: Onigmo's `[a-z]` takes `ſ` and the Kelvin sign under `/i`, its `\w` does not
const ID = String.raw`@?[_a-zA-Zſ\u212A]\w*`;

export const csharp: LexerDef = lazyLexer('csharp', () => ({
  states: {
    whitespace: [
      rule(/\s+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\/[*].*?[*]\//s, 'cm'),
    ],
    // `{ … }` inside an interpolated string: code, up to the matching brace.
    nest: [rule(/\{/, 'p', 'nest'), rule(/\}/, 'p', '#pop'), mixin('root')],
    splice_string: [
      rule(/\\./, 's'),
      rule(/\{/, 'p', 'nest'),
      rule(/"|\n/, 's', '#pop'),
      rule(/./, 's'),
    ],
    splice_literal: [
      rule(/""/, 's'),
      rule(/\{/, 'p', 'nest'),
      rule(/"/, 's', '#pop'),
      rule(/./, 's'),
    ],
    root: [
      mixin('whitespace'),
      rule(/[$]\s*"/, 's', 'splice_string'),
      rule(/[$]@\s*"/, 's', 'splice_literal'),
      rule(String.raw`(<\[)\s*(?:${ID}:)?`, 'k'),
      rule(/\]>/, 'k'),
      rule(/[~!%^&*()+=|\[\]{}:;,.<>\/?\-]/, 'p'),
      rule(/@"(?:""|[^"])*"/s, 's'),
      // Rouge's "(\\.|.)*?["\n], linear (lazyEscapesToLineEnd)
      rule(lazyEscapesToLineEnd('"'), 's'),
      rule(/'(?:\\.|.)'/, 'sc'),
      rule(/0x[0-9a-f]+[lu]?/i, 'm'),
      rule(/[0-9](?:[.][0-9]*)?(?:e[+\-][0-9]+)?[fldu]?/i, 'm'),
      rule(/\b(?:class|struct|interface)\b/, 'k', 'class'),
      rule(/\b(?:namespace|using)\b/, 'k', 'namespace'),
      rule(String.raw`^#[ \t]*(?:${wordsRe(PREPROCESSOR)})\b.*?\n`, 'cp'),
      rule(String.raw`\b(?:${wordsRe(KEYWORDS)})\b`, 'k'),
      rule(String.raw`\b(?:${wordsRe(TYPES)})\b`, 'kt'),
      rule(String.raw`${ID}(?=\s*[(])`, 'nf'),
      rule(ID, 'n'),
    ],
    class: [mixin('whitespace'), rule(ID, 'nc', '#pop')],
    namespace: [
      mixin('whitespace'),
      rule(/(?=[(])/, '', '#pop'),
      rule(String.raw`(?:${ID}|[.])+`, 'nn', '#pop'),
    ],
  },
}));
