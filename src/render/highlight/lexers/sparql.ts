/**
 * SPARQL (tag `sparql`; `.rq` files), as Rouge 3.30 lexes it (lib/rouge/lexers/sparql.rb):
 * whitespace `w`, `#` comments `c1`; strings `s2`/`s1` (also triple-quoted) with escapes `se`,
 * then `@lang` `o py` or `^^` `o`; `?var`/`$var` `nv`; `prefix:local` `nn o ss`; `<iri>` `nn`;
 * `true`/`false` `kc`; `a` `k`; other words by Rouge's lists, upper-cased: builtins `nb`, keywords
 * `k`, anything else `err`; numbers `mf`/`mi`; brackets, `.`, `,`, `;`, `=` `p`; operators `o`.
 * Rouge quirks kept: `isIRI`, `isBLANK`, `isLITERAL`, `isNUMERIC`, `isURI` are in its builtin list
 * in mixed case but looked up upper-cased, so they are `err`; `true`/`false` match without a word
 * boundary (`trueValue` is `kc` `err`); one-letter words other than `a` are `err` characters.
 * `[[:word:]]` is Onigmo's Unicode word class (Alphabetic, marks, decimal digits, connector
 * punctuation).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { guardedByRunRe, onlyWhereLater } from './loop-match.js';
import { lazyRegExp } from '../../../lazy-regexp.js';

const WORD = String.raw`\p{Alphabetic}\p{M}\p{Nd}\p{Pc}`;
const NAME_RUN = lazyRegExp(`[${WORD}-]*`, 'uy');

const BUILTINS = new Set(`ABS AVG BNODE BOUND CEIL COALESCE CONCAT CONTAINS COUNT DATATYPE DAY
  ENCODE_FOR_URI FLOOR GROUP_CONCAT HOURS IF IRI isBLANK isIRI
  isLITERAL isNUMERIC isURI LANG LANGMATCHES LCASE MAX MD5 MIN MINUTES
  MONTH NOW RAND REGEX REPLACE ROUND SAMETERM SAMPLE SECONDS SEPARATOR
  SHA1 SHA256 SHA384 SHA512 STR STRAFTER STRBEFORE STRDT STRENDS
  STRLANG STRLEN STRSTARTS STRUUID SUBSTR SUM TIMEZONE TZ UCASE URI
  UUID YEAR`.split(/\s+/));

const KEYWORDS = new Set(`ADD ALL AS ASC ASK BASE BIND BINDINGS BY CLEAR CONSTRUCT COPY CREATE
  DATA DEFAULT DELETE DESC DESCRIBE DISTINCT DROP EXISTS FILTER FROM
  GRAPH GROUP BY HAVING IN INSERT LIMIT LOAD MINUS MOVE NAMED NOT
  OFFSET OPTIONAL ORDER PREFIX SELECT REDUCED SERVICE SILENT TO UNDEF
  UNION USING VALUES WHERE WITH`.split(/\s+/));

/** A string's closing quote: its token, then the `@lang` / `^^type` state. */
const close = (re: RegExp, tok: string) =>
  rule(re, (run) => {
    run.token(tok);
    run.goto('string_end');
  });

export const sparql: LexerDef = lazyLexer('sparql', () => ({
  states: {
    root: [
      rule(/\s+/s, 'w'),
      rule(/#.*/, 'c1'),
      rule(/"""/, 's2', 'string_double_literal'),
      rule(/"/, 's2', 'string_double'),
      rule(/'''/, 's1', 'string_single_literal'),
      rule(/'/, 's1', 'string_single'),
      rule(`[$?][${WORD}]+`, 'nv'),
      // tried only where the run of `[[:word:]-]` from the position ends at a `:` (the greedy run
      // cannot stop early before one), else a long run is scanned again from each of its
      // positions (quadratic)
      guardedByRunRe(NAME_RUN(), rule(`([${WORD}-]*)(:)([${WORD}-]+)?`, ['nn', 'o', 'ss']), (text, _pos, end) => text[end] === ':'),
      // tried only where a `>` is left (onlyWhereLater): without one, each `<` of a long run would
      // scan to the text's end (quadratic)
      onlyWhereLater('>', 1, rule(/<[^>]*>/, 'nn')),
      rule(/true|false/i, 'kc'),
      rule(/a\b/, 'k'),
      rule(new RegExp(String.raw`[A-Z][${WORD}]+\b`, 'i'), (run, m) => {
        const word = m[0].toUpperCase();
        if (BUILTINS.has(word)) run.token('nb');
        else if (KEYWORDS.has(word)) run.token('k');
        else run.token('err');
      }),
      rule(/[+\-]?(?:\d+\.\d*|\.\d+)(?:[e][+\-]?[0-9]+)?/i, 'mf'),
      rule(/[+\-]?\d+/, 'mi'),
      rule(/[\]\[(){}.,;=]/, 'p'),
      rule(/[\/?*+=!<>]|&&|\|\||\^\^/, 'o'),
    ],
    string_double_common: [{ mixin: 'string_escapes' }, rule(/\\/, 's2'), rule(/[^"\\]+/, 's2')],
    string_double: [close(/"/, 's2'), { mixin: 'string_double_common' }],
    string_double_literal: [close(/"""/, 's2'), rule(/"/, 's2'), { mixin: 'string_double_common' }],
    string_single_common: [{ mixin: 'string_escapes' }, rule(/\\/, 's1'), rule(/[^'\\]+/, 's1')],
    string_single: [close(/'/, 's1'), { mixin: 'string_single_common' }],
    string_single_literal: [close(/'''/, 's1'), rule(/'/, 's1'), { mixin: 'string_single_common' }],
    string_escapes: [rule(/\\[tbnrf"'\\]/, 'se'), rule(/\\u\h{4}/, 'se'), rule(/\\U\h{8}/, 'se')],
    string_end: [
      rule(/(@)([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)/, ['o', 'py']),
      rule(/\^\^/, 'o'),
      rule('', (run) => run.pop()),
    ],
  },
}));
