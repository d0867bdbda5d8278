/**
 * BibTeX (tags `bibtex`, `bib`), as Rouge 3.30 lexes it: `@type` `nc` (`@comment` `c`), the
 * citation key `nl`, field names `na`, `=` `,` `{` `}` `#` `p`, braced and quoted values `s`
 * (nested braces included), bare numbers `m`, macro names `nv`; text outside entries `c`.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';

// Regexp.quote("@!$&.\\:;<>?[]^`|~*/+-"), as characters of a class
const PUNCT = String.raw`@!$&.\\:;<>?\[\]\^\x60|~*\/+\-`;
const VALID_NAME = new RegExp(String.raw`[a-z_${PUNCT}][\w${PUNCT}]*`, 'i');

export const bibtex: LexerDef = lazyLexer('bibtex', () => ({
  states: {
    root: [
      mixin('whitespace'),
      rule(new RegExp(String.raw`@(${VALID_NAME.source})`, 'i'), (run, m) => {
        const kind = m[1].toLowerCase();
        if (kind === 'comment') {
          run.token('c');
          return;
        }
        run.token('nc');
        run.push('closing_brace');
        run.push(kind === 'preamble' ? 'value' : kind === 'string' ? 'field' : 'command_body');
        run.push('opening_brace');
      }),
      rule(/.+/, 'c'),
    ],
    opening_brace: [mixin('whitespace'), rule(/[{(]/, 'p', '#pop')],
    closing_brace: [mixin('whitespace'), rule(/[})]/, 'p', '#pop')],
    command_body: [
      mixin('whitespace'),
      rule(/[^\s,}]+/, (run) => {
        run.token('nl');
        run.pop();
        run.push('fields');
      }),
    ],
    fields: [mixin('whitespace'), rule(/,/, 'p', 'field'), rule(/(?:)/, (run) => run.pop())],
    field: [
      mixin('whitespace'),
      rule(VALID_NAME, (run) => {
        run.token('na');
        run.push('value');
        run.push('equal_sign');
      }),
      rule(/(?:)/, (run) => run.pop()),
    ],
    equal_sign: [mixin('whitespace'), rule(/=/, 'p', '#pop')],
    value: [
      mixin('whitespace'),
      rule(VALID_NAME, 'nv'),
      rule(/"/, 's', 'quoted_string'),
      rule(/\{/, 's', 'braced_string'),
      rule(/\d+/, 'm'),
      rule(/#/, 'p'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    quoted_string: [rule(/\{/, 's', 'braced_string'), rule(/"/, 's', '#pop'), rule(/[^{"]+/, 's')],
    braced_string: [rule(/\{/, 's', 'braced_string'), rule(/\}/, 's', '#pop'), rule(/[^{}]+/, 's')],
    whitespace: [rule(/\s+/, '')],
  },
}));
