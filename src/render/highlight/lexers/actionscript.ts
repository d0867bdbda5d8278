/**
 * ActionScript (tag `actionscript`; `as`, `as3`), as Rouge 3.30 lexes it
 * (lexers/actionscript.rb), an older sibling of its JavaScript lexer with its own word lists:
 * keywords `k`, `var with function` `kd`, reserved words `kr`, constants `kc`, builtins `nb`,
 * other names `nx`; whole strings `s2`/`s1`; a `/` where an expression may start is a regex
 * (`sr`, `se` for classes, groups and escapes); labels `nl` and object keys `na` before `:`.
 * Rouge quirks kept: every newline at the top level pushes its statement state; `:-<` in its
 * operator class is a range (`:`, `;`, `<`), so `;` after an operator character-class run is an
 * operator that starts an expression; a sign sticks to a number (`x-1` is `nx`, `mi`).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { regexLiteralStates, ternaryRule, ternaryState } from './javascript.js';
import { pairedEscapes } from './loop-match.js';

const words = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = words(`for in while do break return continue switch case default
  if else throw try catch finally new delete typeof is this with`);
const DECLARATIONS = words('var with function');
const RESERVED = words(`dynamic final internal native public protected private class const
  override static package interface extends implements namespace
  set get import include super flash_proxy object_proxy trace`);
const CONSTANTS = words('true false null NaN Infinity undefined');
const BUILTINS = words(`void Function Math Class Object RegExp decodeURI decodeURIComponent encodeURI
  encodeURIComponent eval isFinite isNaN parseFloat parseInt this`);

const ID = '[$a-zA-Z_][a-zA-Z0-9_]*';

export const actionscript: LexerDef = lazyLexer('actionscript', () => ({
  states: {
    comments_and_whitespace: [rule(/\s+/, ''), rule(/\/\/.*?$/, 'c1'), rule(/\/\*.*?\*\//s, 'cm')],
    expr_start: [
      mixin('comments_and_whitespace'),
      rule(/\//, (run) => {
        run.token('sr');
        run.goto('regex');
      }),
      rule(/[{]/, 'p', 'object'),
      rule(/(?:)/, '', '#pop'),
    ],
    ...regexLiteralStates(/[gim]+/),
    root: [
      rule(/\A\s*#!.*?\n/s, 'cp', 'statement'),
      rule(/\n/, '', 'statement'),
      rule(/(?<=\n)(?=\s|\/|<!--)/, '', 'expr_start'),
      mixin('comments_and_whitespace'),
      rule(/\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|===|!==/, 'o', 'expr_start'),
      rule(/[:-<>+*%&|\^\/!=]=?/, 'o', 'expr_start'),
      rule(/[(\[,]/, 'p', 'expr_start'),
      rule(/;/, 'p', 'statement'),
      rule(/[)\].]/, 'p'),
      ternaryRule(),
      rule(/[{}]/, 'p', 'statement'),
      rule(ID, (run, m) => {
        const w = m[0];
        if (KEYWORDS.has(w)) {
          run.token('k');
          run.push('expr_start');
        } else if (DECLARATIONS.has(w)) {
          run.token('kd');
          run.push('expr_start');
        } else if (RESERVED.has(w)) run.token('kr');
        else if (CONSTANTS.has(w)) run.token('kc');
        else if (BUILTINS.has(w)) run.token('nb');
        else run.token('nx');
      }),
      rule(/-?[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?/, 'mf'),
      rule(/0x[0-9a-fA-F]+/, 'mh'),
      rule(/-?[0-9]+/, 'mi'),
      // Rouge's "(\\\\|\\"|[^"])*" and its single-quoted twin, without exponential backtracking.
      rule(pairedEscapes('"'), 's2'),
      rule(pairedEscapes("'"), 's1'),
    ],
    statement: [rule(`(${ID})(\\s*)(:)`, ['nl', '', 'p']), rule(/[{}]/, 'p'), mixin('expr_start')],
    object: [
      mixin('comments_and_whitespace'),
      rule(/[}]/, (run) => {
        run.token('p');
        run.goto('statement');
      }),
      rule(`(${ID})(\\s*)(:)`, ['na', '', 'p'], 'expr_start'),
      rule(/:/, 'p'),
      mixin('root'),
    ],
    ternary: ternaryState(),
  },
}));
