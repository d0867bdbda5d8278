/**
 * Haxe (tag `haxe`; `hx`), as Rouge 3.30 lexes it (lexers/haxe.rb), a sibling of its
 * ActionScript lexer: keywords `k`, declarations (`var static inline…`) `kd`, reserved words `kr`,
 * constants `kc`, builtins `nb`, other names `nx`; `@:meta` and `@name(` metadata `nd`; `#if`
 * conditionals (where an expression may start) `cp`; `~/…/` regexes `sr`/`se`; `"…"` `s2` and
 * `'…'` `s1` with `se` escapes and `$name`/`${…}` interpolation `si` in single quotes.
 * Rouge quirks kept: `true false null` are keywords (`k`) since the keyword list is tested first;
 * `using` pushes a state Rouge never defines, so Rouge raises and Jekyll's build fails: so does
 * this one (RougeRaise).
 */
import { type LexerDef, RougeRaise, lazyLexer, mixin, rule } from '../engine.js';
import { regexLiteralStates, ternaryRule, ternaryState } from './javascript.js';

const words = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = words(`break case cast catch class continue default do else enum false for
  function if import interface macro new null override package private
  public return switch this throw true try untyped while`);
const IMPORTS = words('import using');
const DECLARATIONS = words('abstract dynamic extern extends from implements inline static to typedef var');
const RESERVED = words('super trace inline build autoBuild enum');
const CONSTANTS = words('true false null');
const BUILTINS = words(`Void Dynamic Math Class Any Float Int UInt String StringTools Sys
  EReg isNaN parseFloat parseInt this Array Map Date DateTools Bool Lambda Reflect Std File FileSystem`);

const ID = '[$a-zA-Z_][a-zA-Z0-9_]*';
const H = '[0-9a-fA-F]';

export const haxe: LexerDef = lazyLexer('haxe', () => ({
  states: {
    comments_and_whitespace: [rule(/\s+/, ''), rule(/\/\/.*?$/, 'c1'), rule(/\/\*.*?\*\//s, 'cm')],
    expr_start: [
      mixin('comments_and_whitespace'),
      rule(/#(?:if|elseif|else|end).*/, 'cp'),
      rule(/~/, (run) => {
        run.token('sr');
        run.goto('regex');
      }),
      rule(/[{]/, 'p', 'object'),
      rule(/(?:)/, '', '#pop'),
    ],
    ...regexLiteralStates(/[gim]+/),
    root: [
      rule(/\n/, '', 'statement'),
      rule(/\{/, 'p', 'expr_start'),
      mixin('comments_and_whitespace'),
      rule(/@/, 'nd', 'metadata'),
      rule(/\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>|==|!=/, 'o', 'expr_start'),
      rule(/[-:<>+*%&|\^\/!=]=?/, 'o', 'expr_start'),
      rule(/[(\[,]/, 'p', 'expr_start'),
      rule(/;/, 'p', 'statement'),
      rule(/[)\]}.]/, 'p'),
      ternaryRule(),
      rule(ID, (run, m) => {
        const w = m[0];
        if (KEYWORDS.has(w)) {
          run.token('k');
          run.push('expr_start');
        } else if (IMPORTS.has(w)) {
          // Rouge pushes :namespace, which Haxe's lexer does not define: get_state raises.
          throw new RougeRaise('unknown state: :namespace');
        } else if (DECLARATIONS.has(w)) {
          run.token('kd');
          run.push('expr_start');
        } else if (RESERVED.has(w)) run.token('kr');
        else if (CONSTANTS.has(w)) run.token('kc');
        else if (BUILTINS.has(w)) run.token('nb');
        else run.token('nx');
      }),
      rule(/-?\d+\.\d+(?:[eE]\d+)?[fd]?/, 'mf'),
      rule(`0x${H}+`, 'mh'),
      rule(/-?[0-9]+/, 'mi'),
      rule(/"/, 's2', 'str_double'),
      rule(/'/, 's1', 'str_single'),
    ],
    statement: [rule(`(${ID})(\\s*)(:)`, ['nl', '', 'p']), mixin('expr_start')],
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
    metadata: [
      rule(`(${ID})(\\()?`, (run, m) => {
        run.groups('nd', 'p');
        if (!m[2]) run.pop();
      }),
      rule(`:${ID}(?:\\.${ID})*`, 'nd', '#pop'),
      rule(/\)/, 'nd', '#pop'),
      mixin('root'),
    ],
    ternary: ternaryState(),
    str_double: [mixin('str_escape'), rule(/"/, 's2', '#pop'), rule(/[^\\"]+/, 's2')],
    str_single: [
      mixin('str_escape'),
      rule(/'/, 's1', '#pop'),
      rule(/\$\$/, 's1'),
      rule(`\\$${ID}`, 'si'),
      rule(/\$\{/, 'si', 'str_interpol'),
      rule(/[^\\$']+/, 's1'),
    ],
    str_escape: [
      rule(/\\[\\tnr'"]/, 'se'),
      rule(/\\[0-7]{3}/, 'se'),
      rule(`\\\\x${H}{2}`, 'se'),
      rule(`\\\\u${H}{4}`, 'se'),
      rule(`\\\\u\\{${H}{1,6}\\}`, 'se'),
    ],
    str_interpol: [rule(/\}/, 'si', '#pop'), mixin('root')],
  },
}));
