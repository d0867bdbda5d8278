/**
 * Slice, ZeroC Ice's interface-definition language (tag `slice`), as Rouge 3.30 lexes it
 * (lexers/slice.rb, `Slice < C`): Rouge's C lexer (./c.ts) with Slice's keywords (`module
 * interface struct sequence dictionary idempotent throws`…, `Object LocalObject Value`) and
 * types (`bool string byte long`…); C's reserved words and builtins stay.
 */
import { wordList } from '../engine.js';
import { C_BUILTINS, C_RESERVED } from '../rouge-words.js';
import { makeLexer } from './c.js';

export const slice = makeLexer(
  'slice',
  {
    keywords: wordList(() =>
      `extends implements enum interface struct class module dictionary const optional out throws
      exception local idempotent sequence Object LocalObject Value`.split(/\s+/),
    ),
    types: wordList(() => 'bool string byte long float double int void short'.split(' ')),
    reserved: C_RESERVED,
    builtins: C_BUILTINS,
  },
  false,
);
