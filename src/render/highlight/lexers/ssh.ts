/**
 * OpenSSH client configuration (tag `ssh`; `ssh_config`), as Rouge 3.30 lexes it (lexers/ssh.rb):
 * a line's first word `k` (`Host`, `IdentityFile`…), then `yes`/`no`/`ask`/`auto`… `no`, numbers
 * `m`, other words bare up to the end of the line; `#` comments `c1`.
 * Rouge quirk kept: `\s+` is tried after the newline rule, so spaces before a line end take the
 * newline with them and the next line's first word is not a keyword.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

export const ssh: LexerDef = lazyLexer('ssh', () => ({
  states: {
    root: [rule(/[a-z0-9]+/i, 'k', 'statement'), { mixin: 'base' }],
    statement: [
      rule(/\n/, '', '#pop'),
      rule(/(?:yes|no|confirm|ask|always|auto|none|force)\b/, 'no'),
      rule(/\d+/, 'm'),
      rule(/[^#\s;{}$\\]+/, ''),
      { mixin: 'base' },
    ],
    base: [rule(/\s+/, ''), rule(/#.*/, 'c1')],
  },
}));
