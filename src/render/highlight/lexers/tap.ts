/**
 * Test Anything Protocol output (tag `tap`), as Rouge 3.30 lexes it (lexers/tap.rb): a
 * `TAP version N` line `nn`, the plan `1..N` `kd`, `ok` `kr` / `not ok` `gr` with their test
 * number `mi`, directives after `#` `c` with `TODO`/`SKIP…` `cp`, diagnostics `#…` lines `c` and
 * `Bail out!` lines `gr`; any other line is bare text.
 * Rouge's `[^\S\n]` (blank space but newlines) is spelled out: Ruby's `\s` is ASCII-only.
 * Rouge quirk kept: anything but a directive after a plan is an error (`gr`) up to the line end.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

export const tap: LexerDef = lazyLexer('tap', () => ({
  states: {
    root: [
      rule(/^TAP version \d+\n/, 'nn'),
      rule(/^1\.\.\d+/, 'kd', 'plan'),
      rule(/^(not ok)([ \t\v\f\r]*)(\d*)/, ['gr', '', 'mi'], 'test'),
      rule(/^(ok)([ \t\v\f\r]*)(\d*)/, ['kr', '', 'mi'], 'test'),
      rule(/^#.*\n/, 'c'),
      rule(/^Bail out!.*\n/, 'gr'),
      rule(/^.*\n/, ''),
    ],
    plan: [
      rule(/[ \t\v\f\r]+/, ''),
      rule(/#/, 'c', 'directive'),
      rule(/\n/, 'c', '#pop'),
      rule(/.*\n/, 'gr', '#pop'),
    ],
    test: [rule(/[ \t\v\f\r]+/, ''), rule(/#/, 'c', 'directive'), rule(/\S+/, ''), rule(/\n/, '', '#pop')],
    directive: [
      rule(/[ \t\v\f\r]+/, 'c'),
      rule(/\bTODO\b/i, 'cp'),
      rule(/\bSKIP\S*/i, 'cp'),
      rule(/\S+/, 'c'),
      rule(/\n/, 'c', '#pop:2'),
    ],
  },
}));
