/**
 * Puppet manifests (tags `puppet`, `pp`; `.pp` files), as Rouge 3.30 lexes them
 * (lexers/puppet.rb): `#` comments `c` (up to a newline), `$vars` `nv`, attribute names before
 * `=>`/`+>` `py` (`before`/`require`/`notify`/`subscribe` `kp`), a name before `(` `nf`,
 * capitalised names `nc`, `class`/`include` `k` then the class `nc`, arrows and brackets `p`,
 * `in`/`and`/`or` `ow`, operators `o`, `'…'` `s1`, `"…"` `s2` with escapes `se` and `$var`/`${var}`
 * `nv`, numbers `m`, keywords `k`, `true`/`false`/`undef` `kc`, other names `n`; after `{`, `,`,
 * `=~`, `!~` or `node`, a `/regex/` `sr` with escapes `se` and groups/classes `si`.
 * Rouge quirks kept: a `#` comment without a final newline is `err` then code; a newline inside a
 * regex is `err`. Rouge's `'(\\[\\']|[^'])*'` is written with pairedEscapes (same matches, linear).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { pairedEscapes } from './loop-match.js';

const KEYWORDS = new Set('and case class default define else elsif if in import inherits node unless'.split(' '));
const CONSTANTS = new Set(['false', 'true', 'undef']);
const METAPARAMETERS = new Set(['before', 'require', 'notify', 'subscribe']);

const ID = String.raw`[a-z]\w*`;
const CAP_ID = String.raw`[A-Z]\w*`;
const QUALNAME = String.raw`(?:::)?(?:${ID}::)*\w+`;

export const puppet: LexerDef = lazyLexer('puppet', () => ({
  states: {
    whitespace: [rule(/\s+/, ''), rule(/#.*?\n/, 'c')],
    root: [
      { mixin: 'whitespace' },
      rule(String.raw`[$]${QUALNAME}`, 'nv'),
      rule(String.raw`(${ID})(?=\s*[=+]>)`, (run, m) => run.token(METAPARAMETERS.has(m[0]) ? 'kp' : 'py')),
      rule(String.raw`(${QUALNAME})(?=\s*[(])`, 'nf'),
      rule(CAP_ID, 'nc'),
      rule(/[+=|~-]>|<[|~-]/, 'p'),
      rule(/[|:}();[\]]/, 'p'),
      rule(/\{/, 'p', 'regex_allowed'),
      rule(/,/, 'p', 'regex_allowed'),
      rule(/(in|and|or)\b/, 'ow'),
      rule(/[=!<>]=/, 'o'),
      rule(/[=!]~/, 'o', 'regex_allowed'),
      rule(/[.=<>!+*/-]/, 'o'),
      rule(String.raw`(class|include)(\s*)(${QUALNAME})`, ['k', '', 'nc']),
      rule(/node\b/, 'k', 'regex_allowed'),
      rule(pairedEscapes("'"), 's1'),
      rule(/"/, 's2', 'dquotes'),
      rule(/\d+([.]\d+)?(e[+-]\d+)?/, 'm'),
      rule(QUALNAME, (run, m) => run.token(KEYWORDS.has(m[0]) ? 'k' : CONSTANTS.has(m[0]) ? 'kc' : 'n')),
    ],
    regex_allowed: [{ mixin: 'whitespace' }, rule(/\//, 'sr', 'regex'), rule(/(?:)/, (run) => run.pop())],
    regex: [
      rule(/\//, 'sr', '#pop'),
      rule(/\\./, 'se'),
      rule(/[(){}]/, 'si'),
      rule(/\[/, 'si', 'regex_class'),
      rule(/./, 'sr'),
    ],
    regex_class: [
      rule(/\]/, 'si', '#pop'),
      rule(/(?<!\[)-(?=\])/, 'sr'),
      rule(/-/, 'si'),
      rule(/\\./, 'se'),
      rule(/[^\\\]-]+/, 'sr'),
    ],
    dquotes: [
      rule(/"/, 's2', '#pop'),
      rule(/[^$\\"]+/, 's2'),
      rule(/\\./s, 'se'),
      rule(String.raw`[$]${QUALNAME}`, 'nv'),
      rule(String.raw`[$][{]${QUALNAME}[}]`, 'nv'),
    ],
  },
}));
