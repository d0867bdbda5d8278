/**
 * LLVM IR (tag `llvm`; `.ll` files), as Rouge 3.30 lexes it (lexers/llvm.rb, its word lists from
 * lexers/llvm/keywords.rb generated into rouge-words.ts): `;` comments `c1`; `name:` labels `nl`
 * (the colon may follow on a later line); `@globals` and `#0` attribute groups `vg`; `%locals`
 * and `!metadata` `nv`; `"…"` and `c"…"` strings `s`; numbers `m`; `i32`-style integer types and
 * Rouge's types `kt`; instructions and keywords `k`; any other word `err`. Punctuation `p`
 * includes `x` (as in `[4 x i32]`), so a word starting with `x` (`xor`) is `p` then the rest.
 * For compiler posts (LLVM passes, clang -emit-llvm output).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { LLVM_INSTRUCTIONS, LLVM_KEYWORDS, LLVM_TYPES } from '../rouge-words.js';

const STRING = '"[^"]*?"';
const IDENTIFIER = `([-a-zA-Z$._][-a-zA-Z$._0-9]*|${STRING})`;

export const llvm: LexerDef = lazyLexer('llvm', () => ({
  states: {
    basic: [
      rule(/;.*?$/, 'c1'),
      rule(/\s+/, ''),
      rule(`${IDENTIFIER}\\s*:`, 'nl'),
      rule(`@(${IDENTIFIER}|\\d+)`, 'vg'),
      rule(/#\d+/, 'vg'),
      rule(`(%|!)${IDENTIFIER}`, 'nv'),
      rule(/(%|!)\d+/, 'nv'),
      rule(`c?${STRING}`, 's'),
      rule(/0[xX][a-fA-F0-9]+/, 'm'),
      rule(/-?\d+(?:[.]\d+)?(?:[eE][-+]?\d+(?:[.]\d+)?)?/, 'm'),
      rule(/[=<>{}[\]()*.,!]|x/, 'p'),
    ],
    root: [
      mixin('basic'),
      rule(/i[1-9]\d*/, 'kt'),
      rule(/\w+/, (run, m) => {
        const w = m[0];
        if (LLVM_TYPES.has(w)) run.token('kt');
        else if (LLVM_INSTRUCTIONS.has(w) || LLVM_KEYWORDS.has(w)) run.token('k');
        else run.token('err');
      }),
    ],
  },
}));
