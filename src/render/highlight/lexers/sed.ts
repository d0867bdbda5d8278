/**
 * sed (tag `sed`; `.sed` files), as Rouge 3.30 lexes it (lexers/sed.rb): addresses `kn` (line
 * numbers, `$ , ~ + !` and `/regex/` or `\cregexc` delimiters), commands `k`, `s` and `y` with
 * their delimiters `p`, the regex part lexed by a regex lexer (escapes `se`, `[…]` brackets with
 * ranges `nv`, `$ ^ . *` `o`, other characters `sr`) and the replacement by a replacement lexer
 * (escapes `se`, `&` `o`, the rest bare); `a`/`i`/`c` text `s`, file names `n`, labels `nl`, `#`
 * comments `c`; a newline or `;` goes back to the address state.
 * Both sub-lexers keep their state across the block (Rouge delegates to one instance of each,
 * reset at the start), so an unclosed `[` in one regex carries into the next.
 * Rouge quirk kept: after `s///`, a `w file` flag is written three times — as `k`, bare and `n` —
 * because Rouge's rule calls `token` thrice with no value, each taking the whole match.
 * Rouge's `(?:\\.|.)*?` bodies backtrack exponentially on an unclosed delimiter before a run of
 * backslashes; they are matched by loop-match.ts's memoised search (same matches, linear).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { type Branch, anyChar, dot, escapedDot, loopGroupsRe, loopRule } from './loop-match.js';

const regex: LexerDef = lazyLexer('sed-regex', () => ({
  states: {
    root: [rule(/\\./, 'se'), rule(/\[/, 'p', 'brackets'), rule(/[$^.*]/, 'o'), rule(/[()]/, 'p'), rule(/./, 'sr')],
    brackets: [
      rule(/\^/, (run) => {
        run.token('p');
        run.goto('brackets_int');
      }),
      rule(/(?:)/, (run) => run.goto('brackets_int')),
    ],
    brackets_int: [rule(/.-./, 'nv'), rule(/\]/, 'p', '#pop'), rule(/./, 'sr')],
  },
}));

const replacement: LexerDef = lazyLexer('sed-replacement', () => ({
  states: {
    root: [rule(/\\./s, 'se'), rule(/&/, 'o'), rule(/[^\\&]+/s, '')],
  },
}));

/** Ruby's `\\.` under /m: a backslash and any character. */
const escapedAny: Branch = (text, i) => (text[i] === '\\' && i + 1 < text.length ? 1 + String.fromCodePoint(text.codePointAt(i + 1)!).length : -1);

/** `(c)(.)(edot*?)(\2)(edot*?)(\2)` under /m, for `s` and `y`. */
const twoPart = (c: string) =>
  loopGroupsRe(new RegExp(`(${c})([^])`, 'uy'), (h) => [
    { lazy: true, branches: [escapedAny, anyChar], close: h[2] },
    { lazy: true, branches: [escapedAny, anyChar], close: h[2] },
  ]);

export const sed: LexerDef = lazyLexer('sed', () => ({
  states: {
    whitespace: [
      rule(/\s+/s, ''),
      rule(/#.*?\n/, (run) => {
        run.token('c');
        run.resetStack();
      }),
      rule(/\n/, (run) => {
        run.token('');
        run.resetStack();
      }),
      rule(/;/, (run) => {
        run.token('p');
        run.resetStack();
      }),
    ],
    root: [{ mixin: 'addr_range' }],
    command: [
      { mixin: 'whitespace' },
      loopRule(twoPart('s'), (run, m) => {
        run.token('k', m[1]);
        run.token('p', m[2]);
        run.delegate(regex, m[3]);
        run.token('p', m[4]);
        run.delegate(replacement, m[5]);
        run.token('p', m[6]);
        run.goto('flags');
      }),
      loopRule(twoPart('y'), (run, m) => {
        run.token('k', m[1]);
        run.token('p', m[2]);
        run.delegate(replacement, m[3]);
        run.token('p', m[4]);
        run.delegate(replacement, m[5]);
        run.token('p', m[6]);
        run.pop();
      }),
      rule(/([aic])(\s*)/, (run) => {
        run.groups('k', '');
        run.goto('text');
      }),
      rule(/[pd]/, 'k'),
      rule(/([qQl])(\s+)(\d+)/i, ['k', '', 'm'], '#pop'),
      rule(/[={}dDgGhHlnpPqx]/, 'k', '#pop'),
      rule(/([rRwW])(\s+)(\S+)/, ['k', '', 'n'], '#pop'),
      rule(/([:btT])(\s+)(\S+)/, ['k', '', 'nl'], '#pop'),
    ],
    addr_range: [
      { mixin: 'whitespace' },
      rule(/\d+/, 'kn'),
      rule(/[$,~+!]/, 'kn'),
      loopRule(
        loopGroupsRe(/(\/)/y, () => [{ lazy: true, branches: [escapedDot, dot], close: '/' }]),
        (run, m) => {
          run.token('kn', m[1]);
          run.delegate(regex, m[2]);
          run.token('kn', m[3]);
        },
      ),
      loopRule(
        loopGroupsRe(/(\\)([^\n])/uy, (h) => [{ lazy: true, branches: [escapedDot, dot], close: h[2] }]),
        (run, m) => {
          run.token('kn', m[1] + m[2]);
          run.delegate(regex, m[3]);
          run.token('kn', m[4]);
        },
      ),
      rule(/(?:)/, (run) => run.push('command')),
    ],
    text: [rule(/[^\\\n]+/, 's'), rule(/\\\n/, 'se'), rule(/\\/, 's'), rule(/\n/, '', '#pop')],
    flags: [
      rule(/[gp]+/, 'k', '#pop'),
      // Rouge: `token Keyword; token Text; token Name`, each with the whole match
      rule(/([wW])(\s+)(\S+)/, (run) => {
        run.token('k');
        run.token('');
        run.token('n');
      }),
      rule(/(?:)/, (run) => run.pop()),
    ],
  },
}));
