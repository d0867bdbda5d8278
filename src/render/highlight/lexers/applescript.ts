/**
 * AppleScript (tag `applescript`; `.applescript`, `.scpt`), as Rouge 3.30 lexes it
 * (lexers/apple_script.rb): whitespace `w`, `¬` line continuations `se`, `--`/`#` comments `c1`,
 * `(*` `cm` (only the opener: Rouge has no comment state, the text inside is lexed as code),
 * punctuation `p`, `«raw codes»` `nb` between bare guillemets, `considering case` `k` `nb`,
 * symbol operators `o` and word operators (`is not equal to`, `contains`…) `ow`, `on`/`end
 * 'r'%s` `k` `nf`, `in`/`on`/`script`/`to` at a line's start `k`, `as <class>` `k` `nc`; then
 * Rouge's word lists in its order (literals, commands, references and AppleScript Studio's
 * classes `nb`, control words and declarations `k`, Studio's properties `na`) — regex fragments
 * generated into rouge-words.ts as APPLESCRIPT_*; `"…"` `s2`, other names `nv`, numbers `mf`/`mi`.
 * Rouge quirk kept: its `on 'r'%s` rule writes only its two groups, so the `'r'` is lost.
 * Rouge's `"(\\\\|\\"|[^"])*"` is written with pairedEscapes (same matches, linear).
 * For macOS automation posts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import {
  APPLESCRIPT_BUILTINS,
  APPLESCRIPT_CLASSES,
  APPLESCRIPT_COMMANDS,
  APPLESCRIPT_CONTROLS,
  APPLESCRIPT_DECLARATIONS,
  APPLESCRIPT_HANDLER_PARAMS,
  APPLESCRIPT_LITERALS,
  APPLESCRIPT_OPERATORS,
  APPLESCRIPT_REFERENCES,
  APPLESCRIPT_RESERVED,
  APPLESCRIPT_STUDIO_CLASSES,
  APPLESCRIPT_STUDIO_COMMANDS,
  APPLESCRIPT_STUDIO_PROPERTIES,
} from '../rouge-words.js';
import { pairedEscapes } from './loop-match.js';

const words = (list: string, plural = false) => String.raw`\b(${list})${plural ? 's?' : ''}\b`;

export const applescript: LexerDef = lazyLexer('applescript', () => ({
  states: {
    root: [
      rule(/\s+/, 'w'),
      rule(/¬\n/, 'se'),
      rule(/'s\s+/, ''),
      rule(/(--|#).*?$/, 'c1'),
      rule(/\(\*/, 'cm'),
      rule(/[(){}!,.:]/, 'p'),
      rule(/(«)([^»]+)(»)/, ['', 'nb', '']),
      rule(/\b((?:considering|ignoring)\s*)(application responses|case|diacriticals|hyphens|numeric strings|punctuation|white space)/, ['k', 'nb']),
      rule(/(-|\*|\+|&|≠|>=?|<=?|=|≥|≤|\/|÷|\^)/, 'o'),
      rule(words(APPLESCRIPT_OPERATORS), 'ow'),
      rule(/^(\s*(?:on|end)\s+)'r'(%s)/, ['k', 'nf']),
      rule(/^(\s*)(in|on|script|to)(\s+)/, ['', 'k', '']),
      rule(String.raw`\b(as )(${APPLESCRIPT_CLASSES})\b`, (run, m) => {
        run.token('k', m[1]);
        run.token('nc', m[2]);
      }),
      rule(words(APPLESCRIPT_LITERALS), 'nb'),
      rule(words(APPLESCRIPT_COMMANDS), 'nb'),
      rule(words(APPLESCRIPT_CONTROLS), 'k'),
      rule(words(APPLESCRIPT_DECLARATIONS), 'k'),
      rule(words(APPLESCRIPT_RESERVED), 'nb'),
      rule(words(APPLESCRIPT_BUILTINS, true), 'nb'),
      rule(words(APPLESCRIPT_HANDLER_PARAMS), 'nb'),
      rule(words(APPLESCRIPT_STUDIO_PROPERTIES), 'na'),
      rule(words(APPLESCRIPT_STUDIO_CLASSES, true), 'nb'),
      rule(words(APPLESCRIPT_STUDIO_COMMANDS), 'nb'),
      rule(words(APPLESCRIPT_REFERENCES), 'nb'),
      rule(pairedEscapes('"'), 's2'),
      rule(/\b([a-zA-Z]\w*)\b/, 'nv'),
      rule(/[-+]?(\d+\.\d*|\d*\.\d+)(E[-+][0-9]+)?/, 'mf'),
      rule(/[-+]?\d+/, 'mi'),
    ],
  },
}));
