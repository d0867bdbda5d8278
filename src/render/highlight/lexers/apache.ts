/**
 * Apache configuration (tag `apache`: httpd.conf, .htaccess), as Rouge 3.30 lexes it
 * (lib/rouge/lexers/apache.rb): `#` comments `c`; a `<Section …>` head `p` + `nl` with its
 * arguments `sr`; a directive `nc` and its arguments `ss` — each only when Rouge's lists of
 * sections, directives and values (APACHE_WORDS, lower-cased) hold the word, else plain text.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { onlyWhereLater } from './loop-match.js';
import { APACHE_WORDS } from '../rouge-words.js';

/** Apache#name_for_token: the token type when Rouge knows the (lower-cased) word, else Text. */
const nameFor = (word: string, tok: string): string => (APACHE_WORDS.has(word.toLowerCase()) ? tok : '');

export const apache: LexerDef = lazyLexer('apache', () => ({
  states: {
    whitespace: [rule(/#.*/, 'c'), rule(/\s+/, '')],
    root: [
      mixin('whitespace'),
      rule(/(<\/?)(\w+)/, (run, m) => {
        run.groups('p', nameFor(m[2], 'nl'));
        run.push('section');
      }),
      rule(/\w+/, (run, m) => {
        run.token(nameFor(m[0], 'nc'));
        run.push('directive');
      }),
    ],
    // the head's rest, tried only where a `>` is left (onlyWhereLater): without one, it scanned
    // to the text's end from each position of an unclosed head (`<a<a<a…`, quadratic)
    section: [onlyWhereLater('>', 0, rule(/([^>]+)?(>(?:\r\n?|\n)?)/, ['sr', 'p'], '#pop')), mixin('whitespace')],
    directive: [
      rule(/\r\n?|\n/, '', '#pop'),
      mixin('whitespace'),
      rule(/\S+/, (run, m) => run.token(nameFor(m[0], 'ss'))),
    ],
  },
}));
