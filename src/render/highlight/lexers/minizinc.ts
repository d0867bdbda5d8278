/**
 * MiniZinc (tag `minizinc`), as Rouge 3.30 lexes it (lexers/minizinc.rb, from Chroma's): keywords
 * `k`, types `kt`, builtin functions `nb`, set operators (`in`, `union`…) `o`, other names `nx`;
 * `true`/`false` `kc`; numbers `m` (with their sign); `"…"` `s`; `%` comments `c1` and block comments
 * `cm`; operators `o`, punctuation `p`.
 * Rouge quirks kept: the word operators `not`, `xor`, `div`, `mod` need no word boundary
 * (`nothing` is `not` then `hing`); the `::` annotation and `name(` rules come after `:` and
 * names have been taken, so they never match.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { onlyBeforeBlockCommentCloser, pairedEscapes } from './loop-match.js';

const words = (s: string) => new Set(s.trim().split(/\s+/));
const BUILTINS = words(`abort abs acosh array_intersect array_union array1d array2d array3d
  array4d array5d array6d asin assert atan bool2int card ceil concat cos cosh dom dom_array
  dom_size fix exp floor index_set index_set_1of2 index_set_2of2 index_set_1of3 index_set_2of3
  index_set_3of3 int2float is_fixed join lb lb_array length ln log log2 log10 min max pow
  product round set2array show show_int show_float sin sinh sqrt sum tan tanh trace ub ub_array`);
const KEYWORDS = words(`ann annotation any constraint else endif function for forall if include
  list of op output minimize maximize par predicate record satisfy solve test then type var where`);
const KEYWORDS_TYPE = words('array set bool enum float int string tuple');
const OPERATORS = words('in subset superset union diff symdiff intersect');

/**
 * Rouge's block comment `/(\\\n)?[*](.|\n)*?[*](\\\n)?/` (under /m): its `(.|\n)` loop has two
 * ways through each newline, so an unclosed comment backtracks exponentially. Written with
 * `[\s\S]` (the same characters, one way through), and only tried where a closing star-slash (or
 * star, backslash, newline, slash) is left after the opening.
 */
function blockComment() {
  return onlyBeforeBlockCommentCloser(rule(/\/(\\\n)?[*][\s\S]*?[*](\\\n)?\//, 'cm'));
}

export const minizinc: LexerDef = lazyLexer('minizinc', () => ({
  states: {
    root: [
      rule(/\s+/, 'w'),
      rule(/\\\n/, 'w'),
      rule(/%.*/, 'c1'),
      blockComment(),
      // `"(\\\\|\\"|[^"])*"`, without its exponential backtracking on an unclosed string
      rule(pairedEscapes('"'), 's'),
      rule(/not|<->|->|<-|\\\/|xor|\/\\/, 'o'),
      rule(/<|>|<=|>=|==|=|!=/, 'o'),
      rule(/\+|-|\*|\/|div|mod/, 'o'),
      rule(/\\|\.\.|\+\+/, 'o'),
      rule(/[|()\[\]{},:;]/, 'p'),
      rule(/(true|false)\b/, 'kc'),
      rule(/([+-]?)\d+(\.(?!\.)\d*)?([eE][-+]?\d+)?/, 'm'),
      rule(/[$a-zA-Z_]\w*/, (run, m) => {
        const w = m[0];
        if (KEYWORDS.has(w)) run.token('k');
        else if (KEYWORDS_TYPE.has(w)) run.token('kt');
        else if (BUILTINS.has(w)) run.token('nb');
        else if (OPERATORS.has(w)) run.token('o');
        else run.token('nx');
      }),
      rule(/::\s*([^\W\d]\w*)(\s*\([^\)]*\))?/, 'nd'),
      rule(/\b([^\W\d]\w*)\b(\()/, ['nf', 'p']),
      rule(/[^\W\d]\w*/, 'nx'),
    ],
  },
}));
