/**
 * Lasso (tags `lasso`, `lassoscript`), as Rouge 3.30 lexes it (lexers/lasso.rb, a TemplateLexer):
 * the text outside `[…]`, `<?lasso … ?>` and `<?= … ?>` goes to one HTML lexer (or the `parent`
 * option's) for the whole block, `[noprocess]…[/noprocess]` too; a text that does not start with
 * `[` or `<` is Lasso code up to a `]` or `?>` (a `.lasso` file), as is all of it with
 * `lasso?start_inline=true`. In code: `$var` `nv`, `#local` `vi`, `-param` `na`, `::type` `nl`,
 * `define`/`public …` heads with their signatures, literals, and words looked up lower-cased
 * among Lasso's exceptions `ne`, types `kt`, traits `nd`, keywords `k` and builtins `nb`
 * (LASSO_* in ../rouge-words.ts), else `nx`.
 */
import { type LexerDef, asBool, lazyLexer, mixin, rule } from '../engine.js';
import { LASSO_BUILTINS, LASSO_EXCEPTIONS, LASSO_KEYWORDS, LASSO_TRAITS, LASSO_TYPES } from '../rouge-words.js';
import { parent } from './erb.js';
import { failsOnceFailed, lastMatchIndex, loopRule, onlyWhereLater, stickyMatcher } from './loop-match.js';

/**
 * Rouge's `id = /[a-z_][\w.]*\/i` keeps its `/i` where it is interpolated: the first letter is
 * matched case-insensitively (so also U+017F ſ and U+212A K), `\w` is not.
 */
const ID = '[a-zA-Z_\\u017F\\u212A][\\w.]*';

const lastCommentClose = lastMatchIndex(/-->/g);
const lastScriptClose = lastMatchIndex(/script>/giu);
const lastStyleClose = lastMatchIndex(/style>/giu);
const LASSO_OPEN = /<\?(?:lasso|=)/iuy;
// `<ſcript` opens a script too (`s` folds with `ſ` under `/i`): which one opened is told by the group
const TAG_OPEN = /<(?:(script)|style)/iuy;

/**
 * Rouge's text rules `([^\[<]|<!--.*?-->|<(script|style).*?\2>|<(?!\?(lasso(script)?|=)))+`
 * (with `|\[(?!noprocess)` in the nosquarebrackets state), under `/im`. Nothing follows the loop,
 * so its match is the greedy walk taking the first alternative that matches at each step; found
 * here directly, the lazy bodies' closers located by search (an unclosed `<!--` or `<script`
 * would make the regex scan to the text's end at each one: quadratic).
 */
function textRun(brackets: boolean): RegExp {
  return stickyMatcher((text, pos) => {
    let i = pos;
    for (;;) {
      const c = text[i];
      if (c === undefined) break;
      if (c !== '[' && c !== '<') {
        i++;
        continue;
      }
      if (c === '[') {
        if (brackets && !/^noprocess/i.test(text.slice(i + 1, i + 10))) {
          i++;
          continue;
        }
        break;
      }
      if (text.startsWith('<!--', i) && lastCommentClose(text) >= i + 4) {
        i = text.indexOf('-->', i + 4) + 3;
        continue;
      }
      TAG_OPEN.lastIndex = i;
      const tag = TAG_OPEN.exec(text);
      if (tag) {
        const name = tag[1] !== undefined ? 'script' : 'style';
        const from = i + tag[0].length;
        if ((name === 'script' ? lastScriptClose(text) : lastStyleClose(text)) >= from) {
          const close = new RegExp(`${name}>`, 'giu');
          close.lastIndex = from;
          const m = close.exec(text)!;
          i = m.index + m[0].length;
          continue;
        }
      }
      LASSO_OPEN.lastIndex = i;
      if (LASSO_OPEN.test(text)) break;
      i++;
    }
    if (i === pos) return null;
    const m = [text.slice(pos, i)] as unknown as RegExpExecArray;
    m.index = pos;
    return m;
  });
}

export const lasso: LexerDef = lazyLexer('lasso', () => ({
  start: (run) => {
    parent(run);
    if (run.options.has('start_inline') && asBool(run.options.getAll('start_inline'))) run.push('lasso');
  },
  states: {
    root: [
      // `[ \S]`: a space or anything but whitespace
      rule(/^#![^\t\n\v\f\r]+lasso9\b/, 'cp', 'lasso'),
      rule(/(?=\[|<)/, (run) => run.push('delimiters')),
      rule(/\s+/, 'w'),
      rule(/(?:)/, (run) => {
        run.push('delimiters');
        run.push('lassofile');
      }),
    ],
    delimiters: [
      rule(/\[no_square_brackets\]/, 'cp', 'nosquarebrackets'),
      rule(/\[noprocess\]/, 'cp', 'noprocess'),
      rule(/\[/, 'cp', 'squarebrackets'),
      rule(/<\?(lasso(script)?|=)/i, 'cp', 'anglebrackets'),
      loopRule(textRun(false), (run) => run.delegate(parent(run))),
    ],
    nosquarebrackets: [
      rule(/\[noprocess\]/, 'cp', 'noprocess'),
      rule(/<\?(lasso(script)?|=)/i, 'cp', 'anglebrackets'),
      loopRule(textRun(true), (run) => run.delegate(parent(run))),
    ],
    noprocess: [
      rule(/\[\/noprocess\]/, 'cp', '#pop'),
      rule(/([^\[]|\[(?!\/noprocess))+/i, (run) => run.delegate(parent(run))),
    ],
    squarebrackets: [rule(/\]/, 'cp', '#pop'), mixin('lasso')],
    anglebrackets: [rule(/\?>/, 'cp', '#pop'), mixin('lasso')],
    lassofile: [rule(/\]|\?>/, 'cp', '#pop'), mixin('lasso')],
    whitespacecomments: [
      rule(/\s+/, ''),
      rule(/\/\/.*?\n/, 'c1'),
      // unclosed, the lazy bodies would scan to the end at each opener: tried only before a closer
      onlyWhereLater('*/', 4, rule(/\/\*\*!.*?\*\//s, 'cd')),
      onlyWhereLater('*/', 2, rule(/\/\*.*?\*\//s, 'cm')),
    ],
    lasso: [
      mixin('whitespacecomments'),
      rule(/\d*\.\d+(e[+-]?\d+)?/i, 'mf'),
      rule(/0x[\da-f]+/i, 'mh'),
      rule(/\d+/, 'mi'),
      rule(/(infinity|NaN)\b/i, 'm'),
      // unclosed, each later quote would scan to the end again: remembered (failsOnceFailed)
      failsOnceFailed("'", rule(/'[^'\\]*(\\.[^'\\]*)*'/s, 's1')),
      failsOnceFailed('"', rule(/"[^"\\]*(\\.[^"\\]*)*"/s, 's2')),
      rule(/`[^`]*`/, 'sb'),
      rule(`\\$${ID}`, 'nv'),
      rule(`#(${ID}|\\d+\\b)`, 'vi'),
      rule(`(\\.\\s*)('${ID}')`, ['bp', 'vc']),
      rule(new RegExp(`(self)(\\s*->\\s*)('${ID}')`, 'i'), ['bp', 'o', 'vc']),
      rule(`(\\.\\.?\\s*)(${ID}(=(?!=))?)`, ['bp', 'nx']),
      rule(`(->\\\\?\\s*|&\\s*)(${ID}(=(?!=))?)`, ['o', 'nx']),
      rule(/(?<!->)(self|inherited|currentcapture|givenblock)\b/i, 'bp'),
      rule(new RegExp(`-(?!infinity)${ID}`, 'i'), 'na'),
      rule(`::\\s*${ID}`, 'nl'),
      rule(new RegExp(`(define)(\\s+)(${ID})(\\s*=>\\s*)(type|trait|thread)\\b`, 'i'), ['kd', '', 'nc', 'o', 'k']),
      rule(new RegExp(`(define)(\\s+)(${ID})(\\s*->\\s*)(${ID}=?|[-+*/%])`, 'i'), ['kd', '', 'nc', 'o', 'nf'], 'signature'),
      rule(new RegExp(`(define)(\\s+)(${ID})`, 'i'), ['kd', '', 'nf'], 'signature'),
      rule(new RegExp(`(public|protected|private|provide)(\\s+)((${ID}=?|[-+*/%])(?=\\s*\\())`, 'i'), ['k', '', 'nf'], 'signature'),
      rule(new RegExp(`(public|protected|private|provide)(\\s+)(${ID})`, 'i'), ['k', '', 'nf']),
      rule(/(true|false|none|minimal|full|all|void)\b/i, 'kc'),
      rule(/(local|var|variable|global|data(?=\s))\b/i, 'kd'),
      rule(new RegExp(`(${ID})(\\s+)(in)\\b`, 'i'), ['n', '', 'k']),
      rule(new RegExp(`(let|into)(\\s+)(${ID})`, 'i'), ['k', '', 'n']),
      rule(/,/, 'p', 'commamember'),
      rule(/(and|or|not)\b/i, 'ow'),
      rule(`(${ID})(\\s*::\\s*${ID})?(\\s*=(?!=|>))`, ['n', 'nl', 'o']),
      rule(/(\/?)([\w.]+)/, (run, m) => {
        const name = m[2].toLowerCase();
        run.token('p', m[1]);
        if (name === 'namespace_using') run.token('kn', m[2]);
        else if (LASSO_EXCEPTIONS.has(name)) run.token('ne', m[2]);
        else if (LASSO_TYPES.has(name)) run.token('kt', m[2]);
        else if (LASSO_TRAITS.has(name)) run.token('nd', m[2]);
        else if (LASSO_KEYWORDS.has(name)) run.token('k', m[2]);
        else if (LASSO_BUILTINS.has(name)) run.token('nb', m[2]);
        else run.token('nx', m[2]);
      }),
      rule(/(=)(n?bw|n?ew|n?cn|lte?|gte?|n?eq|n?rx|ft)\b/i, ['o', 'ow']),
      rule(/:=|[-+*\/%=<>&|!?\\]+/, 'o'),
      rule(/[{}():;,@^]/, 'p'),
    ],
    signature: [
      rule(/=>/, 'o', '#pop'),
      rule(/\)/, 'p', '#pop'),
      rule(/[(,]/, 'p', 'parameter'),
      mixin('lasso'),
    ],
    parameter: [
      rule(/\)/, 'p', '#pop'),
      rule(`-?${ID}`, 'na', '#pop'),
      rule(/\.\.\./, 'bp'),
      mixin('lasso'),
    ],
    commamember: [
      // the lookahead can scan to the text's end at each member: tried only before a later `=>`
      onlyWhereLater('=>', 1, rule(`(${ID}=?|[-+*/%])(?=\\s*(\\(([^()]*\\([^()]*\\))*[^\\)]*\\)\\s*)?(::[\\w.\\s]+)?=>)`, 'nf', 'signature')),
      mixin('whitespacecomments'),
      rule(/(?:)/, '', '#pop'),
    ],
  },
}));
