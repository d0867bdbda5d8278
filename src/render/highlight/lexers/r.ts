/**
 * R (tags `r`, `R`, `s`, `S`), as Rouge 3.30 lexes it: whitespace `w`, `#'` roxygen `cd`, `#`
 * comments `c1`, strings `s1`/`s2` (over several lines), `%op%` and operators `o`, numbers `m`
 * (a sign is part of the number: `x-1` → `n m`), primitive functions before `(` `nf`, keywords
 * `k`, `TRUE`/`NULL`/`NA`… `kc`, `pi`/`letters`… `nb`, other names (with dots) `n`.
 */
import { type LexerDef, rule, lazyLexer } from '../engine.js';
import { lazyEscapes } from './loop-match.js';

const KEYWORDS = new Set('if else for while repeat in next break function'.split(' '));
const KEYWORD_CONSTANTS = new Set(
  'NULL Inf TRUE FALSE NaN NA NA_integer_ NA_real_ NA_complex_ NA_character_'.split(' '),
);
const BUILTIN_CONSTANTS = new Set('LETTERS letters month.abb month.name pi T F'.split(' '));
const PRIMITIVES = `abs acos acosh all any anyNA Arg as.call as.character as.complex as.double
  as.environment as.integer as.logical as.null.default as.numeric as.raw asin asinh atan atanh attr
  attributes baseenv browser c call ceiling class Conj cos cosh cospi cummax cummin cumprod cumsum
  digamma dim dimnames emptyenv exp expression floor forceAndCall gamma gc.time globalenv Im
  interactive invisible is.array is.atomic is.call is.character is.complex is.double is.environment
  is.expression is.finite is.function is.infinite is.integer is.language is.list is.logical
  is.matrix is.na is.name is.nan is.null is.numeric is.object is.pairlist is.raw is.recursive
  is.single is.symbol lazyLoadDBfetch length lgamma list log max min missing Mod names nargs nzchar
  oldClass on.exit pos.to.env proc.time prod quote range Re rep retracemem return round seq_along
  seq_len seq.int sign signif sin sinh sinpi sqrt standardGeneric substitute sum switch tan tanh
  tanpi tracemem trigamma trunc unclass untracemem UseMethod xtfrm`
  .split(/\s+/)
  // as regex alternatives, in Rouge's order; `.` is a regex wildcard there too
  .join('|');

export const r: LexerDef = lazyLexer('r', () => ({
  states: {
    root: [
      rule(/#'.*?$/, 'cd'),
      rule(/#.*?$/, 'c1'),
      rule(/\s+/, 'w'),
      rule(/`[^`]+?`/, 'n'),
      rule(lazyEscapes("'", true), 's1'),
      rule(lazyEscapes('"', true), 's2'),
      rule(/%[^%]*?%/, 'o'),
      rule(/0[xX][a-fA-F0-9]+(?:[pP][0-9]+)?[Li]?/, 'mh'),
      rule(/[+\-]?(?:\d+(?:[.]\d+)?|[.]\d+)(?:[eE][+\-]?\d+)?[Li]?/, 'm'),
      // Rouge's \b(?<!.): the lookbehind sees nothing at the scan position, so it always passes
      rule(String.raw`\b(?<!.)(?:${PRIMITIVES})(?=\()`, 'nf'),
      rule(/(?:(?:\p{Alphabetic}|[.][._\p{Alphabetic}])[._\p{Alphabetic}\p{Nd}]*)|[.]/u, (run, m) => {
        const w = m[0];
        if (KEYWORDS.has(w)) run.token('k');
        else if (KEYWORD_CONSTANTS.has(w)) run.token('kc');
        else if (BUILTIN_CONSTANTS.has(w)) run.token('nb');
        else run.token('n');
      }),
      rule(/[\[\]{}();,]/, 'p'),
      rule(/[\-<>?*+^\/!=~$@:%&|]/, 'o'),
    ],
  },
}));
