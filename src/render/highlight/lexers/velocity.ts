/**
 * Velocity, Apache's Java template language (tag `velocity`), as Rouge 3.30 lexes it
 * (lexers/velocity.rb, a TemplateLexer): the text between directives and references goes to one
 * HTML lexer (or the `parent` option's) for the whole block; `#* … *#` `cm`, `## …` `c1`;
 * `#name(` / `#{name}(` directives `p nf p p` then their parameters (operators `o`, words `nf`,
 * `[a..b]` ranges, strings, numbers, `true false null` `kc`); `#name` `p nf`; `$name`, `${name}`
 * references `p nv`, with `.name` `p nv` and `(…)` parameters.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { parent } from './erb.js';
import { onlyWhereLater, pairedEscapes } from './loop-match.js';

/**
 * Rouge's `id = /[a-z_]\w*\/i` keeps its `/i` where it is interpolated: the letters are matched
 * case-insensitively (so also U+017F ſ and U+212A K, which fold to `s` and `k`), `\w` is not.
 */
const ID = '[a-zA-Z_\\u017F\\u212A]\\w*';

export const velocity: LexerDef = lazyLexer('velocity', () => ({
  start: (run) => {
    parent(run);
  },
  states: {
    root: [
      rule(/[^{#$]+/, (run) => run.delegate(parent(run))),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater('*#', 2, rule(/(#)(\*.*?\*)(#)/s, 'cm')),
      rule(/(##)(.*?$)/, 'c1'),
      rule(`(#\\{?)(${ID})(\\}?)(\\s?\\()`, ['p', 'nf', 'p', 'p'], 'directive_params'),
      rule(`(#\\{?)(${ID})(\\}|\\b)`, ['p', 'nf', 'p']),
      rule(/\$\{?/, 'p', 'variable'),
    ],
    variable: [
      rule(ID, 'nv'),
      rule(/\(/, 'p', 'func_params'),
      rule(`(\\.)(${ID})`, ['p', 'nv']),
      rule(/\}/, 'p', '#pop'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    directive_params: [
      rule(/(&&|\|\||==?|!=?|[-<>+*%&|^\/])|\b(eq|ne|gt|lt|ge|le|not|in)\b/, 'o'),
      rule(/\[/, 'o', 'range_operator'),
      rule(`\\b${ID}\\b`, 'nf'),
      mixin('func_params'),
    ],
    range_operator: [rule(/[.]{2}/, 'o'), mixin('func_params'), rule(/\]/, 'o', '#pop')],
    func_params: [
      rule(/\$\{?/, 'p', 'variable'),
      rule(/\s+/, ''),
      rule(/,/, 'p'),
      rule(pairedEscapes('"'), 's2'),
      rule(pairedEscapes("'"), 's1'),
      rule(/0[xX][0-9a-fA-F]+[Ll]?/, 'mh'),
      rule(/\b[0-9]+\b/, 'mi'),
      rule(/(true|false|null)\b/, 'kc'),
      rule(/[(\[]/, 'p', '#push'),
      rule(/[)\]}]/, 'p', '#pop'),
    ],
  },
}));
