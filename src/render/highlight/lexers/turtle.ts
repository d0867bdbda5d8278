/**
 * Turtle and TriG (tag `turtle`; `.ttl`, `.trig` files), as Rouge 3.30 lexes them
 * (lib/rouge/lexers/turtle.rb): `@prefix`/`@base`/`PREFIX`/`BASE` `kd`, `true`/`false` `kc`,
 * `a` and `GRAPH` `k`; strings `s` (also triple-quoted); `#` comments `c1`; `@lang` `na`; numbers
 * `mf`/`mi`; `. , ; ( ) { } [ ] ^^` `p`; `<iri>` `nl`; `prefix:` `nn` and the local name (or any
 * other run of characters) `n`; whitespace `w`.
 * Rouge quirks kept: a decimal takes one digit after its dot (`[0-9]+?`), the rest is an integer
 * (`3.14` is `mf` `3.1` then `mi` `4`); a name runs over tabs and newlines (only spaces and
 * punctuation end it); `true`, `a` and the like are found at the start of longer names
 * when no word character follows (`abc` is `n`, `a-b` is `k` then `n`).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { escapedWalkStop, failsOnceFailed, onlyWhereLater } from './loop-match.js';

export const turtle: LexerDef = lazyLexer('turtle', () => ({
  states: {
    root: [
      rule(/@base\b/, 'kd'),
      rule(/@prefix\b/, 'kd'),
      rule(/true\b/, 'kc'),
      rule(/false\b/, 'kc'),
      rule(/""".*?"""/s, 's'),
      // once failed at a quote, fails at every later quote its walk passed (failsOnceFailed): on
      // `"\"\"…` each quote's walk scanned to the text's end (quadratic)
      failsOnceFailed('"', rule(/"([^"\\]|\\.)*"/, 's'), escapedWalkStop('"')),
      rule(/'''.*?'''/s, 's'),
      failsOnceFailed("'", rule(/'([^'\\]|\\.)*'/, 's'), escapedWalkStop("'")),
      rule(/#.*$/, 'c1'),
      rule(/@[^\s,.;]+/, 'na'),
      rule(/[+-]?[0-9]+\.[0-9]*E[+-]?[0-9]+/, 'mf'),
      rule(/[+-]?\.[0-9]+E[+-]?[0-9]+/, 'mf'),
      rule(/[+-]?[0-9]+E[+-]?[0-9]+/, 'mf'),
      rule(/[+-]?[0-9]*\.[0-9]+?/, 'mf'),
      rule(/[+-]?[0-9]+/, 'mi'),
      rule(/\.|,|;|\(|\)|\{|\}|\[|\]|\^\^/, 'p'),
      // tried only where a `>` is left (onlyWhereLater): without one, each `<` of a long run would
      // scan to the text's end (quadratic)
      onlyWhereLater('>', 1, rule(/<[^>]*>/, 'nl')),
      rule(/base\b/i, 'kd'),
      rule(/prefix\b/i, 'kd'),
      rule(/GRAPH\b/, 'k'),
      rule(/a\b/, 'k'),
      rule(/\s+/, 'w'),
      rule(/[^:;<>#@"\(\).\[\]\{\} ]*:/, 'nn'),
      rule(/[^:;<>#@"\(\).\[\]\{\} ]+/, 'n'),
    ],
  },
}));
