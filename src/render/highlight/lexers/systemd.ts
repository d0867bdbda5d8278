/**
 * systemd unit files (tag `systemd`, alias `unit-file`; `.service` files), as Rouge 3.30 lexes them
 * (lexers/systemd.rb): `[Section]` headers `k`, `;`/`#` comments `c`, `Key` `nt` `=` `p` and the
 * value bare; a value ending in a backslash-newline `se` continues on the next lines.
 * Rouge quirk kept: a continuation ends only at a line holding a `'` (its closing rule is
 * `(.*)'`), up to the last quote on that line; until then every line is a continuation, and a
 * line without a backslash or a quote is lexed character by character as `err`.
 * For deployment posts (units for web apps, timers, Docker).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { onlyWhereLineEndsWith, onlyWhereLineHas } from './loop-match.js';

export const systemd: LexerDef = lazyLexer('systemd', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/[;#].*/, 'c'),
      // Rouge's `\[.*?\]$`, `(.*?)(=)(.*)(\\\n)` and `(.*?)(=)(.*)` written with the same matches
      // (only a `]` at the line's end is followed by `$`; `.*?` stops at the line's first `=`, since
      // whether the rest matches does not depend on which `=` it is) without the lazy search
      // backtracking over every `=` (cubic on a long line of them), and tried only on lines that end
      // with `]` or have a `=`: linear on long lines.
      onlyWhereLineEndsWith(']', false, rule(/\[[^\n]*\]$/, 'k')),
      onlyWhereLineHas('=', rule(/([^=\n]*)(=)([^\n]*)(\\\n)/, ['nt', 'p', '', 'se'], 'continuation')),
      onlyWhereLineHas('=', rule(/([^=\n]*)(=)(.*)/, ['nt', 'p', ''])),
    ],
    // `(.*?)(\\\n)` can only end at the line's end; both guarded like the rules above
    continuation: [
      onlyWhereLineEndsWith('\\', true, rule(/([^\n]*)(\\\n)/, ['', 'se'])),
      onlyWhereLineHas("'", rule(/(.*)'/, '', '#pop')),
    ],
  },
}));
