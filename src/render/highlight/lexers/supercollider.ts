/**
 * SuperCollider (tag `supercollider`), as Rouge 3.30 lexes it (lexers/supercollider.rb): `var arg
 * classvar const super this` `k`, constants (`true nil inf thisThread`…) `kc`, control messages
 * (`do if while new`…) `kr`, other names `n`, capitalised names `nc`, `_prim` `nf`, `~env` `vg`,
 * `key:` `nl`; numbers (signed, radix `16rFF`, `2pi`; any word starting with `pi` begins with a
 * `pi` number, as Rouge's rule comes before names) `mh`/`mf`; `$c` `sc`; `"…"` `s`, `'sym'` and
 * `\sym` `sx`; `//` and nested block comments; punctuation `p`, operators `o`, a lone `_` `nb`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

const KEYWORDS = new Set(['var', 'arg', 'classvar', 'const', 'super', 'this']);
const RESERVED = new Set(['case', 'do', 'for', 'forBy', 'loop', 'if', 'while', 'new', 'newCopyArgs']);
const CONSTANTS = new Set(`true false nil inf thisThread thisMethod thisFunction thisProcess
  thisFunctionDef currentEnvironment topEnvironment`.split(/\s+/));

export const supercollider: LexerDef = lazyLexer('supercollider', () => ({
  states: {
    whitespace: [rule(/\s+/, '')],
    comments: [rule(/\/\/.*?$/, 'c1'), rule(/\/[*]/, 'cm', 'nested_comment')],
    nested_comment: [
      rule(/\/[*]/, 'cm', 'nested_comment'),
      rule(/[*]\//, 'cm', '#pop'),
      rule(/[^*\/]+/, 'cm'),
      rule(/./, 'cm'),
    ],
    root: [
      mixin('whitespace'),
      mixin('comments'),
      rule(/[\-+]?0[xX][0-9a-fA-F]+/, 'mh'),
      rule(/[\-+]?\d+r[0-9a-zA-Z]*(\.[0-9A-Z]*)?/, 'mf'),
      rule(/[\-+]?((\d+(\.\d+)?([eE][\-+]?\d+)?(pi)?)|pi)/, 'mf'),
      rule(/[\-+]?\d+/, 'mi'),
      rule(/\$(\\.|.)/, 'sc'),
      rule(/"([^\\"]|\\.)*"/, 's'),
      rule(/'([^\\']|\\.)*'/, 'sx'),
      rule(/\\\w+/, 'sx'),
      rule(/[A-Za-z_]\w*:/, 'nl'),
      rule(/[A-Z]\w*/, 'nc'),
      rule(/_\w+/, 'nf'),
      rule(/[a-z]\w*/, (run, m) => {
        const w = m[0];
        run.token(KEYWORDS.has(w) ? 'k' : CONSTANTS.has(w) ? 'kc' : RESERVED.has(w) ? 'kr' : 'n');
      }),
      rule(/~\w+/, 'vg'),
      rule(/[\{\}()\[\];,\.]/, 'p'),
      rule(/[\+\-\*\/&\|%<>=]+/, 'o'),
      rule(/[\^:#]/, 'o'),
      rule(/\b_\b/, 'nb'),
    ],
  },
}));
