/**
 * An email message (tag `email`; `eml`, `e-mail`), as Rouge 3.30 lexes it (lexers/email.rb):
 * header field names `nt`, the `:` `o`, field bodies `na` (continuation lines included, since a
 * line break followed by blank space does not end the field); after the first blank line, the
 * body is bare text with `>` quoted lines `c`.
 * Rouge quirk kept: the lexer starts in the header state, so a message without headers is lexed as
 * one long field name until a `:` appears.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

export const email: LexerDef = lazyLexer('email', () => ({
  start: (run) => run.push('fields'),
  states: {
    fields: [rule(/[:]/, 'o', 'field_body'), rule(/[^\n\r:]+/, 'nt'), rule(/[\n\r]/, 'nt')],
    field_body: [
      rule(/(\r?\n){2}/, '', '#pop:2'),
      rule(/\r?\n(?![ \v\t\f])/, '', '#pop'),
      rule(/[^\n\r]+/, 'na'),
      rule(/[\n\r]/, 'na'),
    ],
    root: [rule(/\n/, ''), rule(/^>.*/, 'c'), rule(/.+/, '')],
  },
}));
