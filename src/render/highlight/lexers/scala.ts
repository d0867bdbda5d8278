/**
 * Scala (tag `scala`), as Rouge 3.30 lexes it: identifiers and operators after the Scala
 * specification's EBNF (letters include `$` and `_`, operator characters are the printable ASCII
 * and math/other symbols that are no letter, digit, bracket or delimiter); `class`/`trait`/`object`
 * names `nc`; `def` names `nf`, `val` names `nv`; `a.b` → `nv o py`; a capitalised name `nc`; a
 * name before `(` `nf` with the paren `o`; after `:` a type (`kt`) until `,` `)` `=` `;` `}`
 * or the end of the line; `[…]` type parameters `kt`; `'sym` `ss`; punctuation `o`.
 * Rouge quirks kept: `typechunk` lacks an `|` before its backquoted alternative, so an operator
 * type needs a backquoted name after it.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { pairedEscapes } from './loop-match.js';

const WS = String.raw`\p{White_Space}`;
const LETTER = String.raw`[\p{L}$_]`;
const UPPER = String.raw`[\p{Lu}$_]`;
const DIGITS = '[0-9]';
const PARENS = String.raw`[(){}\[\]]`;
const DELIMS = '[‘’".;,]';
const OP = String.raw`(?:(?!${WS}|${LETTER}|${DIGITS}|${PARENS}|${DELIMS})[\u0020-\u007F\p{Sm}\p{So}])`;
const IDREST = String.raw`(?:${LETTER}(?:${LETTER}|${DIGITS})*(?:(?<=_)${OP}+)?)`;
const BACKQUOTED = '`[^`]+`';
const NAME_OR_OP = `${IDREST}|${OP}+|${BACKQUOTED}`;
const KEYWORDS = `abstract case catch def do else extends final finally for forSome
  if implicit lazy match new override private protected requires return
  sealed super this throw try val var while with yield`.split(/\s+/).join('|');
const TYPECHUNK = `(?:${IDREST}|${OP}+${BACKQUOTED})`;

export const scala: LexerDef = lazyLexer('scala', () => ({
  states: {
    root: [
      rule(String.raw`(class|trait|object)(\s+)`, ['k', ''], 'class'),
      rule(String.raw`'${IDREST}(?!')`, 'ss'),
      rule(String.raw`[ \t\v\f\r]+`, ''),
      rule(String.raw`\/\/[^\n]*`, 'c1'),
      rule(String.raw`\/\*`, 'cm', 'comment'),
      rule(String.raw`@${IDREST}`, 'nd'),
      rule(String.raw`(def)(\s+)(${NAME_OR_OP})(\s*)`, ['k', '', 'nf', '']),
      rule(String.raw`(val)(\s+)(${NAME_OR_OP})(\s*)`, ['k', '', 'nv', '']),
      rule(String.raw`(this)(\n*)(\.)(${IDREST})`, ['k', '', 'o', 'py']),
      rule(String.raw`(${IDREST}|_)(\n*)(\.)(${IDREST})`, ['nv', '', 'o', 'py']),
      rule(String.raw`${UPPER}${IDREST}\b`, 'nc'),
      rule(String.raw`(${IDREST})(${WS}*)(\()`, ['nf', '', 'o']),
      rule(String.raw`(\.)(${IDREST})`, ['o', 'py']),
      rule(String.raw`(?:${KEYWORDS})\b|(?:<[%:-]|=>|>:|[#=@_\u21D2\u2190])(?:\b|(?=\s)|$)`, 'k'),
      rule(String.raw`:(?!${OP})`, 'k', 'type'),
      rule(String.raw`(?:true|false|null)\b`, 'kc'),
      rule(String.raw`(import|package)(\s+)`, ['k', ''], 'import'),
      rule(String.raw`(type)(\s+)`, ['k', ''], 'type'),
      rule(/"""[\s\S]*?"""(?!")/, 's'),
      rule(pairedEscapes('"'), 's'),
      rule(String.raw`'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'`, 'sc'),
      rule(IDREST, 'n'),
      rule('`[^`]+`', 'n'),
      rule(String.raw`\[`, 'o', 'typeparam'),
      rule(String.raw`[(){};,.#]`, 'o'),
      rule(`${OP}+`, 'o'),
      rule(/(?:[0-9][0-9]*\.[0-9]*|\.[0-9]+)(?:[eE][+\-]?[0-9]+)?[fFdD]?/, 'mf'),
      rule(/[0-9][0-9]*[fFdD]/, 'mf'),
      rule(/0x[0-9a-fA-F]+/, 'mh'),
      rule(/[0-9]+L?/, 'mi'),
      rule(/\n/, ''),
    ],
    class: [
      rule(String.raw`(${NAME_OR_OP})(\s*)(\[)`, (run, m) => {
        run.groups('nc', '', 'o');
        run.push('typeparam');
      }),
      rule(/\s+/, ''),
      rule(/\{/, 'o', '#pop'),
      rule(/\(/, 'o', '#pop'),
      rule(String.raw`\/\/[^\n]*`, 'c1', '#pop'),
      rule(NAME_OR_OP, 'nc', '#pop'),
    ],
    type: [
      rule(/\s+/, ''),
      rule(String.raw`<[%:]|>:|[#_\u21D2]|forSome|type`, 'k'),
      rule(String.raw`([,);}]|=>|=)(\s*)`, (run) => {
        run.groups('o', '');
        run.pop();
      }),
      rule(/[({]/, 'o', 'type'),
      rule(String.raw`(${TYPECHUNK}(?:\.${TYPECHUNK})*)(\s*)(\[)`, (run) => {
        run.groups('kt', '', 'o');
        run.pop();
        run.push('typeparam');
      }),
      rule(String.raw`(${TYPECHUNK}(?:\.${TYPECHUNK})*)(\s*)$`, (run) => {
        run.groups('kt', '');
        run.pop();
      }),
      rule(String.raw`\/\/[^\n]*`, 'c1', '#pop'),
      rule(String.raw`\.|${NAME_OR_OP}`, 'kt'),
    ],
    typeparam: [
      rule(/[\s,]+/, ''),
      rule(String.raw`<[%:]|=>|>:|[#_\u21D2]|forSome|type`, 'k'),
      rule(/[\])}]/, 'o', '#pop'),
      rule(/[(\[{]/, 'o', 'typeparam'),
      rule(String.raw`\.|${NAME_OR_OP}`, 'kt'),
    ],
    comment: [
      rule(/[^/*]+/, 'cm'),
      rule(/\/\*/, 'cm', 'comment'),
      rule(/\*\//, 'cm', '#pop'),
      rule(/[*/]/, 'cm'),
    ],
    import: [rule(String.raw`(?:${IDREST}|\.)+`, 'nn', '#pop')],
  },
}));
