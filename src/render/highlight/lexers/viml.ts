/**
 * VimL (tags `viml`, `vim`, `vimscript`, `ex`; `.vim`, `.vimrc` files), as Rouge 3.30 lexes it:
 * a `"` comment line `c` (its indentation plain); a `\` continuation at a line start `se`;
 * `/…/` `sr`, `"…"` `s2`, `'…'` `s1` (so a trailing `" comment` after code is a string: Rouge's
 * `(?<=\s)"` comment rule can never match, a lookbehind seeing nothing under StringScanner);
 * numbers `m`, `#rrggbb` `mh`; punctuation `p`; `let`/`if`/`function`… `k`; highlight attributes
 * `nb`; `g:x`-style variables `nv`; other words `k` if an Ex command, `nb` if a function, option
 * or autocommand event in Rouge's lists, else plain text.
 * Found in editor-setup posts on researchers' blogs (.vimrc snippets).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { guardedByRun, isRubySpace, pairedEscapes } from './loop-match.js';
import { VIML_AUTO, VIML_COMMANDS, VIML_FUNCTIONS, VIML_OPTIONS } from '../rouge-words.js';

export const viml: LexerDef = lazyLexer('viml', () => ({
  states: {
    root: [
      // `^\s*` takes blank lines too: tried only where the run of spaces ends at what must follow
      // (otherwise each line start of a long run of blank lines scans the rest of it, quadratic)
      guardedByRun(isRubySpace, rule(/^(\s*)(".*?)$/, ['', 'c']), (text, _pos, end) => text[end] === '"'),
      guardedByRun(isRubySpace, rule(/^\s*\\/, 'se'), (text, _pos, end) => text[end] === '\\'),
      rule(/[ \t]+/, ''),
      rule(pairedEscapes('/', false), 'sr'),
      rule(pairedEscapes('"', false), 's2'),
      rule(pairedEscapes("'", false), 's1'),
      rule(/(?<=\s)"[^-:.%#=*].*?$/, 'c'),
      rule(/-?\d+/, 'm'),
      rule(/#[0-9a-f]{6}/i, 'mh'),
      rule(/^:/, 'p'),
      rule(/[():<>+=!\[\]{}\|,~.-]/, 'p'),
      rule(/\b(let|if|else|endif|elseif|fun|function|endfunction)\b/, 'k'),
      rule(/\b(NONE|bold|italic|underline|dark|light)\b/, 'nb'),
      rule(/[absg]:\w+\b/, 'nv'),
      rule(/\b\w+\b/, (run, m) => {
        const name = m[0];
        if (VIML_COMMANDS.has(name)) run.token('k');
        else if (VIML_FUNCTIONS.has(name) || VIML_OPTIONS.has(name) || VIML_AUTO.has(name)) run.token('nb');
        else run.token('');
      }),
      rule(/./s, ''),
    ],
  },
}));
