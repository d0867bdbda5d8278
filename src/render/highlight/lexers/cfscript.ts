/**
 * CFScript, ColdFusion's script syntax (tags `cfscript`, `cfc`), as Rouge 3.30 lexes it
 * (lexers/cfscript.rb): keywords `k`, declarations (`component function public`…) `kd`, types
 * `kt`, scopes (`application session this`…) `no`, `true false null` `kc`; `name(` `nf` (or `k`),
 * `name:` labels `n p`, object-literal keys `nx`, other names `nx`; word and symbol operators
 * `o`; numbers, `"…"`/`'…'` strings; `//` and block comments. Rouge's expression-start states
 * are followed as written.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { ternaryRule, ternaryState } from './javascript.js';
import { onlyWhereLater, pairedEscapes } from './loop-match.js';

const KEYWORDS = new Set('if else var xml default break switch do try catch throw in continue for return while required'.split(' '));
const DECLARATIONS = new Set('component property function remote public package private'.split(' '));
const TYPES = new Set('any array binary boolean component date guid numeric query string struct uuid void xml'.split(' '));
const CONSTANTS = 'application|session|client|cookie|super|this|variables|arguments|cgi';
const OPERATORS = String.raw`\+\+|--|&&|\|\||<=|>=|<|>|==|!=|mod|eq|lt|gt|lte|gte|not|is|and|or|xor|eqv|imp|equal|contains|\?`;
const DOTTED_ID = '[$a-zA-Z_][a-zA-Z0-9_.]*';

export const cfscript: LexerDef = lazyLexer('cfscript', () => ({
  states: {
    root: [
      mixin('comments_and_whitespace'),
      rule(new RegExp(`(?:${OPERATORS}|does not contain|greater than(?: or equal to)?|less than(?: or equal to)?)\\b`, 'i'), 'o', 'expr_start'),
      rule(/[-<>+*%&|\^\/!=]=?/, 'o', 'expr_start'),
      rule(/[(\[,]/, 'p', 'expr_start'),
      rule(/;/, 'p', 'statement'),
      rule(/[)\].]/, 'p'),
      ternaryRule(),
      rule(/[{}]/, 'p', 'statement'),
      rule(`(?:${CONSTANTS})\\b`, 'no'),
      rule(/(?:true|false|null)\b/, 'kc'),
      rule(/import\b/, 'kn', 'import'),
      rule(`(${DOTTED_ID})(\\s*)(:)(\\s*)`, ['n', '', 'p', ''], 'expr_start'),
      rule(/([A-Za-z_$][\w.]*)(\s*)(\()/, (run, m) => run.groups(KEYWORDS.has(m[1]) ? 'k' : 'nf', '', 'p')),
      rule(DOTTED_ID, (run, m) => {
        const w = m[0];
        if (DECLARATIONS.has(w)) run.token('kd');
        else if (KEYWORDS.has(w)) run.token('k');
        else if (TYPES.has(w)) run.token('kt');
        else return run.token('nx');
        run.push('expr_start');
      }),
      rule(/[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?/, 'mf'),
      rule(/0x[0-9a-fA-F]+/, 'mh'),
      rule(/[0-9]+/, 'mi'),
      rule(pairedEscapes('"'), 's2'),
      rule(pairedEscapes("'"), 's1'),
    ],
    comments_and_whitespace: [
      rule(/\s+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater('*/', 2, rule(/\/\*.*?\*\//s, 'cm')),
    ],
    expr_start: [mixin('comments_and_whitespace'), rule(/[{]/, 'p', 'object'), rule(/(?:)/, '', '#pop')],
    statement: [rule(/[{}]/, 'p'), mixin('expr_start')],
    object: [
      mixin('comments_and_whitespace'),
      rule(/[}]/, 'p', 'expr_start'),
      rule(`(${DOTTED_ID})(\\s*)(:)`, ['nx', '', 'p'], 'expr_start'),
      rule(/:/, 'p'),
      mixin('root'),
    ],
    ternary: ternaryState(),
    import: [rule(/\s+/, ''), rule(/[a-z0-9_.]+\*?/i, 'nn', '#pop')],
  },
}));
