/**
 * nginx configuration (tag `nginx`) and Rouge's generic config-file lexer (tag `conf`, aliases
 * `config`, `configuration`), as Rouge 3.30 lexes them.
 *
 * nginx: a directive's name is `k` at the top level and `kn` inside a block; `on`/`off` `no`,
 * `$vars` `nv`, `host:port` `nf`/`p`/`mi`, mimetypes `nc`, sizes `mi`, `~ regex` `sr`, paths `n`,
 * other arguments `s`; `{` opens a block, `;` ends a statement; `#` comments `c1`.
 * conf: `#` comments to the line end `c`, quoted strings `s2`/`s1`, words `n`, numbers `m`.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';
import { onlyWhereLater } from './loop-match.js';

const ID = String.raw`[^\s$;{}()#]+`;

export const nginx: LexerDef = lazyLexer('nginx', () => ({
  states: {
    root: [
      rule(/(include)(\s+)([^\s;]+)/, ['k', '', 'n']),
      rule(ID, 'k', 'statement'),
      mixin('base'),
    ],
    block: [
      rule(/[}]/, 'p', '#pop'),
      rule(ID, 'kn', 'statement'),
      mixin('base'),
    ],
    statement: [
      rule(/[{]/, (run) => {
        run.token('p');
        run.pop();
        run.push('block');
      }),
      rule(/;/, 'p', '#pop'),
      mixin('base'),
    ],
    base: [
      rule(/\s+/, ''),
      rule(/#.*/, 'c1'),
      rule(/(?:on|off)\b/, 'no'),
      rule(/[$][\w-]+/, 'nv'),
      rule(/([a-z0-9.-]+)(:)([0-9]+)/i, ['nf', 'p', 'mi']),
      rule(/[a-z-]+\/[a-z-]+/i, 'nc'),
      rule(/[0-9]+[kmg]?\b/i, 'mi'),
      rule(/(~)(\s*)([^\s{]+)/, ['p', '', 'sr']),
      rule(/[:=~]/, 'p'),
      rule(String.raw`/(?:${ID})?`, 'n'),
      rule(/[^#\s;{}$\\]+/, 's'),
      rule(/[$;]/, ''),
    ],
  },
}));

export const conf: LexerDef = lazyLexer('conf', () => ({
  states: {
    root: [
      // a comment needs a newline after it: without one each `#` would scan to the end (quadratic)
      onlyWhereLater('\n', 1, rule(/#.*?\n/, 'c')),
      rule(/".*?"/, 's2'),
      rule(/'.*?'/, 's1'),
      rule(/[a-z]\w*/i, 'n'),
      rule(/\d+/, 'm'),
      rule(/[^\w#"']+/, ''),
    ],
  },
}));
