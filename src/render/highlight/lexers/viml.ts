/**
 * VimL (tags `viml`, `vim`, `vimscript`, `ex`), as Rouge 3.30 lexes it (lib/rouge/lexers/viml.rb):
 * a line starting with `"` is a comment `c`; `/…/` `sr`, `"…"` `s2`, `'…'` `s1`; numbers `m`,
 * `#rrggbb` `mh`; punctuation `p`; `let if else … function` `k`, `NONE bold …` `nb`, `g:var`
 * `nv`; other words `k` when Rouge's command list holds them, `nb` for its function, option and
 * autocommand lists (VIML_COMMANDS, VIML_BUILTINS), else plain text. Rouge's rule for a comment
 * after code (`(?<=\s)"`) starts with a lookbehind, which sees nothing under StringScanner, so it
 * never matches.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { VIML_BUILTINS, VIML_COMMANDS } from '../rouge-words.js';

export const viml: LexerDef = lazyLexer('viml', () => ({
  states: {
    root: [
      rule(/^(\s*)(".*?)$/, ['', 'c']),
      rule(/^\s*\\/, 'se'),
      rule(/[ \t]+/, ''),
      rule(/\/(\\\\|\\\/|[^\n\/])*\//, 'sr'),
      rule(/"(\\\\|\\"|[^\n"])*"/, 's2'),
      rule(/'(\\\\|\\'|[^\n'])*'/, 's1'),
      rule(/(?<=\s)"[^-:.%#=*].*?$/, 'c'),
      rule(/-?\d+/, 'm'),
      rule(/#[0-9a-f]{6}/i, 'mh'),
      rule(/^:/, 'p'),
      rule(/[():<>+=!\[\]{}|,~.-]/, 'p'),
      rule(/\b(let|if|else|endif|elseif|fun|function|endfunction)\b/, 'k'),
      rule(/\b(NONE|bold|italic|underline|dark|light)\b/, 'nb'),
      rule(/[absg]:\w+\b/, 'nv'),
      rule(/\b\w+\b/, (run, m) => {
        const name = m[0];
        if (VIML_COMMANDS.has(name)) run.token('k');
        else if (VIML_BUILTINS.has(name)) run.token('nb');
        else run.token('');
      }),
      rule(/./s, ''),
    ],
  },
}));
