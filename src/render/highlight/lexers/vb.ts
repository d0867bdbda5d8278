/**
 * Visual Basic (tags `vb`, `visualbasic`; `.vb`, `.vbs` files), as Rouge 3.30 lexes it: `'` and
 * `REM` comments `c1`, `%{ … %}` `cm`, `#If … Then`/`#Region …` directives `cp`; capitalised
 * words `k`/`kt`/`ow`/`nb` by Rouge's lists, else `n`; `Dim x` `k` `nv`, `Sub f` `k` `nf`,
 * `Class C` `k` `nc`, `Imports A.B` `k` `nn`, `End Sub` `k` `k`, `Option Strict On` `kd`; `.` `p`
 * and the member name after it `n`; strings `s` with `""` `se`; numbers `mf`/`mi`; operators `o`.
 * Rouge's quirks kept: `#` is punctuation before the date-literal rule can see it, `&H…` is `o`
 * then a name, and a name after a dot that is not a name leaves an `err` character.
 * For .NET, Excel VBA and classic-ASP posts.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

const KEYWORDS = new Set(
  `AddHandler Alias ByRef ByVal CBool CByte CChar CDate CDbl CDec
  CInt CLng CObj CSByte CShort CSng CStr CType CUInt CULng CUShort
  Call Case Catch Class Const Continue Declare Default Delegate
  Dim DirectCast Do Each Else ElseIf End EndIf Enum Erase Error
  Event Exit False Finally For Friend Function Get Global GoSub
  GoTo Handles If Implements Imports Inherits Interface Let
  Lib Loop Me Module MustInherit MustOverride MyBase MyClass
  Namespace Narrowing New Next Not NotInheritable NotOverridable
  Nothing Of On Operator Option Optional Overloads Overridable
  Overrides ParamArray Partial Private Property Protected Public
  RaiseEvent ReDim ReadOnly RemoveHandler Resume Return Select Set
  Shadows Shared Single Static Step Stop Structure Sub SyncLock
  Then Throw To True Try TryCast Using Wend When While Widening
  With WithEvents WriteOnly`.split(/\s+/),
);
const KEYWORDS_TYPE = new Set(
  'Boolean Byte Char Date Decimal Double Integer Long Object SByte Short Single String Variant UInteger ULong UShort'.split(' '),
);
const OPERATOR_WORDS = new Set('AddressOf And AndAlso As GetType In Is IsNot Like Mod Or OrElse TypeOf Xor'.split(' '));
const BUILTINS = new Set(['Console', 'ConsoleColor']);

const ID = '[a-z_]\\w*';

export const vb: LexerDef = lazyLexer('vb', () => ({
  states: {
    whitespace: [
      rule(/\s+/, ''),
      rule(/\n/, '', 'bol'),
      rule(/rem\b.*?$/i, 'c1'),
      rule(/%\{.*?%\}/s, 'cm'),
      rule(/'.*$/, 'c1'),
    ],
    // unreachable (`\s+` takes every newline first); its empty rule returns `:pop!` without popping
    bol: [rule(/\s+/, ''), rule(/<.*?>/, 'na'), rule('', () => {})],
    root: [
      mixin('whitespace'),
      rule(
        /[#]If\b.*?\bThen|[#]ElseIf\b.*?\bThen|[#]End\s+If|[#]Const|[#]ExternalSource.*?\n|[#]End\s+ExternalSource|[#]Region.*?\n|[#]End\s+Region|[#]ExternalChecksum/,
        'cp',
      ),
      rule(/[.]/, 'p', 'dotted'),
      rule(/[(){}!#,:]/, 'p'),
      rule(/Option\s+(Strict|Explicit|Compare)\s+(On|Off|Binary|Text)/, 'kd'),
      rule(/End\b/, 'k', 'end'),
      rule(/(Dim|Const)\b/, 'k', 'dim'),
      rule(/(Function|Sub|Property)\b/, 'k', 'funcname'),
      rule(/(Class|Structure|Enum)\b/, 'k', 'classname'),
      rule(/(Module|Namespace|Imports)\b/, 'k', 'namespace'),
      rule(/[A-Z]\w*/, (run, m) => {
        const w = m[0];
        run.token(
          KEYWORDS.has(w) ? 'k' : KEYWORDS_TYPE.has(w) ? 'kt' : OPERATOR_WORDS.has(w) ? 'ow' : BUILTINS.has(w) ? 'nb' : 'n',
        );
      }),
      rule(/&=|[*]=|\/=|\\=|\^=|\+=|-=|<<=|>>=|<<|>>|:=|<=|>=|<>|[-&*\/\\^+=<>.]/, 'o'),
      rule(/"/, 's', 'string'),
      rule(new RegExp(`${ID}[%&@!#\\$]?`, 'i'), 'n'),
      rule(/#.*?#/, 'ld'),
      rule(/(\d+\.\d*|\d*\.\d+)(f[+-]?\d+)?/i, 'mf'),
      rule(/\d+([SILDFR]|US|UI|UL)?/, 'mi'),
      rule(/&H[0-9a-f]+([SILDFR]|US|UI|UL)?/, 'mi'),
      rule(/&O[0-7]+([SILDFR]|US|UI|UL)?/, 'mi'),
      rule(/_\n/, 'k'),
    ],
    dotted: [mixin('whitespace'), rule(new RegExp(ID, 'i'), 'n', '#pop')],
    string: [rule(/""/, 'se'), rule(/"C?/, 's', '#pop'), rule(/[^"]+/, 's')],
    dim: [mixin('whitespace'), rule(new RegExp(ID, 'i'), 'nv', '#pop'), rule('', '', '#pop')],
    funcname: [mixin('whitespace'), rule(new RegExp(ID, 'i'), 'nf', '#pop')],
    classname: [mixin('whitespace'), rule(new RegExp(ID, 'i'), 'nc', '#pop')],
    namespace: [mixin('whitespace'), rule(new RegExp(`${ID}([.]${ID})*`, 'i'), 'nn', '#pop')],
    end: [
      mixin('whitespace'),
      rule(/(Function|Sub|Property|Class|Structure|Enum|Module|Namespace)\b/, 'k', '#pop'),
      rule('', '', '#pop'),
    ],
  },
}));
