/**
 * Brainfuck (tag `brainfuck`), as Rouge 3.30 lexes it (lexers/brainfuck.rb): `<`/`>` `nb`,
 * `+-.,` `nf`, loops' brackets `p`, any other text a comment `c1`; a `[…]` block at the very
 * start (after blank space) is the traditional header comment `cm`; an unmatched `]` is `err`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

export const brainfuck: LexerDef = lazyLexer('brainfuck', () => ({
  start: (run) => run.push('bol'),
  states: {
    bol: [rule(/\s+/, ''), rule(/\[/, 'cm', 'comment_multi'), rule('', (run) => run.pop())],
    root: [rule(/\]/, 'err'), rule(/\[/, 'p', 'loop'), mixin('comment_single'), mixin('commands')],
    comment_multi: [rule(/\[/, 'cm', 'comment_multi'), rule(/\]/, 'cm', '#pop'), rule(/[^\[\]]+?/, 'cm')],
    comment_single: [rule(/[^><+\-.,\[\]]+/, 'c1')],
    loop: [rule(/\[/, 'p', 'loop'), rule(/\]/, 'p', '#pop'), mixin('comment_single'), mixin('commands')],
    commands: [rule(/[><]+/, 'nb'), rule(/[+\-.,]+/, 'nf')],
  },
}));
