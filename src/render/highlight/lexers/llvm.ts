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
import { isRubySpace, onlyWhereRunSpacedThen } from './loop-match.js';
import { LLVM_INSTRUCTIONS, LLVM_KEYWORDS, LLVM_TYPES } from '../rouge-words.js';

const STRING = '"[^"]*?"';
const NAME = '[-a-zA-Z$._][-a-zA-Z$._0-9]*';
const IDENTIFIER = `(${NAME}|${STRING})`;
/** `[-a-zA-Z$._0-9]` */
const isNameChar = (c: number) =>
  c === 45 || c === 36 || c === 46 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export const llvm: LexerDef = lazyLexer('llvm', () => ({
  states: {
    basic: [
      rule(/;.*?$/, 'c1'),
      rule(/\s+/, ''),
      // Rouge's `${IDENTIFIER}\s*:` as one rule per alternative (they start with different
      // characters, so the same one matches): the name's only where its run is followed by `\s*:`,
      // or a long run of name characters (`....`) is scanned again from each of them (quadratic)
      onlyWhereRunSpacedThen(isNameChar, isRubySpace, 58 /* : */, rule(`${NAME}\\s*:`, 'nl')),
      rule(`${STRING}\\s*:`, 'nl'),
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
