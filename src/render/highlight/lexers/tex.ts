/**
 * TeX/LaTeX (tag `tex`, aliases `TeX`, `LaTeX`, `latex`), as Rouge 3.30 lexes it: commands `k`
 * (with a following `[…]` option `na` and `*` `k`), `\begin{…}`/`\end{…}` `nt`, `{ } & _ ^` `p`,
 * comments `c`; inside `$…$`, `\(…\)`, `$$…$$`, `\[…\]` commands are `nv`, digits `m`, operators
 * `o`, letters and other text `nb`.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';

const COMMAND = /\\(?:[a-z]+|\s+|.)/i;

export const tex: LexerDef = lazyLexer('tex', () => ({
  states: {
    general: [rule(/%.*$/, 'c'), rule(/[{}&_^]/, 'p')],
    root: [
      rule(/\\\[/, 'p', 'displaymath'),
      rule(/\\\(/, 'p', 'inlinemath'),
      rule(/\$\$/, 'p', 'displaymath'),
      rule(/\$/, 'p', 'inlinemath'),
      rule(/\\(?:begin|end)\{.*?\}/, 'nt'),
      rule(/(\\verb)\b(\S)(.*?)(\2)/, ['nb', 'kp', 'sx', 'kp']),
      rule(COMMAND, 'k', 'command'),
      mixin('general'),
      rule(/[^\\$%&_^{}]+/, ''),
    ],
    math: [
      rule(COMMAND, 'nv'),
      mixin('general'),
      rule(/[0-9]+/, 'm'),
      rule(/[\-=!+*\/()\[\]]/, 'o'),
      rule(/[^=!+*\/()\[\]\\$%&_^{}0-9\-]+/, 'nb'),
    ],
    inlinemath: [rule(/\\\)/, 'p', '#pop'), rule(/\$/, 'p', '#pop'), mixin('math')],
    displaymath: [
      rule(/\\\]/, 'p', '#pop'),
      rule(/\$\$/, 'p', '#pop'),
      rule(/\$/, 'nb'),
      mixin('math'),
    ],
    command: [rule(/\[.*?\]/, 'na'), rule(/\*/, 'k'), rule(/(?:)/, (run) => run.pop())],
  },
}));
