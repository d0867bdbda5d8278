/**
 * Jsonnet (tag `jsonnet`; `.jsonnet`, `.libsonnet`), as Rouge 3.30 lexes it (lexers/jsonnet.rb):
 * `//`, `#` comments `c1`, `/*`…`*\/` `cm`; numbers `mf`/`mi` (a leading `-` included); punctuation
 * `p`; `"…"`, `'…'` and `|||` text blocks `s` with escapes `se`; `$` `k`; words: keywords `k`,
 * `function` `kd`, `null`/`true`/`false` `kc`, std builtins `nb` (Rouge's list, JSONNET_BUILTINS
 * in rouge-words.ts — matched without `std.`, so a local named `map` is `nb` too), others `nx`.
 * Operators other than `+ = %` (`-`, `*`, `/`, `<`, `!`, `&`…) have no rule: `err`, as in Rouge.
 * For Kubernetes and Grafana configuration posts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { JSONNET_BUILTINS } from '../rouge-words.js';
import { onlyWhereLater } from './loop-match.js';

const KEYWORDS = new Set('self super local for in if then else import importstr error tailstrict assert'.split(' '));
const CONSTANTS = new Set(['null', 'true', 'false']);

export const jsonnet: LexerDef = lazyLexer('jsonnet', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      rule(/#.*?$/, 'c1'),
      // needs a `*/` after the opener: not tried where none is left (linear on many openers)
      onlyWhereLater('*/', 2, rule(/\/\*.*?\*\//s, 'cm')),
      rule(/-?(?:0|[1-9]\d*)\.\d+(?:e[+-]\d+)?/i, 'mf'),
      rule(/-?(?:0|[1-9]\d*)(?:e[+-]\d+)?/i, 'mi'),
      rule(/[{}:.,;+[\]=%()]/, 'p'),
      rule(/"/, 's', 'string_double'),
      rule(/'/, 's', 'string_single'),
      rule(/\|\|\|/, 's', 'string_block'),
      rule(/\$/, 'k'),
      rule(/[a-zA-Z_][a-zA-Z0-9_]*/, (run, m) => {
        const w = m[0];
        run.token(KEYWORDS.has(w) ? 'k' : w === 'function' ? 'kd' : CONSTANTS.has(w) ? 'kc' : JSONNET_BUILTINS.has(w) ? 'nb' : 'nx');
      }),
    ],
    string: [rule(/\\([\\/bfnrt]|(u[0-9a-fA-F]{4}))/, 'se'), rule(/\\./, 'se')],
    string_double: [{ mixin: 'string' }, rule(/\\"/, 'se'), rule(/"/, 's', '#pop'), rule(/[^\\"]+/, 's')],
    string_single: [{ mixin: 'string' }, rule(/'/, 's', '#pop'), rule(/[^\\']+/, 's')],
    string_block: [{ mixin: 'string' }, rule(/[|][|][|]/, 's', '#pop'), rule(/[^|\\]+/, 's'), rule(/[|]/, 's')],
  },
}));
