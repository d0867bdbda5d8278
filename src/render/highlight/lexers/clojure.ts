/**
 * Clojure (tags `clojure`, `clj`, `cljs`; `.clj`, `.cljs`, `.edn` files), as Rouge 3.30 lexes it:
 * `;` comments `c1`; numbers `mf`/`mi` (`0x…` only after the integer rule, so `0` then `x…`);
 * strings `s`; `'sym` `ss`; `:keyword` `no`; `\c` characters `sc`; reader macros `o`; after `(`
 * the first word is a special form `k`, a core function `nb` (Rouge's lists) or `nf`; other words
 * `k`/`nb` likewise, else `n`; brackets `p`.
 * For functional-programming course and research posts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { CLOJURE_BUILTINS, CLOJURE_KEYWORDS } from '../rouge-words.js';

const IDENTIFIER = String.raw`[\w!$%*+,<=>?/.-]+`;
const KEYWORD = String.raw`[\w!#$%*+,<=>?/.-]+`;

function nameToken(name: string): string | undefined {
  if (CLOJURE_KEYWORDS.has(name)) return 'k';
  if (CLOJURE_BUILTINS.has(name)) return 'nb';
  return undefined;
}

/**
 * Clojure's lexer over other word lists: Rouge's HyLang lexer (lexers/hylang.rb) is a copy of its
 * Clojure lexer with Hy's keywords and builtins (./hylang.ts).
 */
export function clojureLike(name: string, nameToken: (word: string) => string | undefined): LexerDef {
  return lazyLexer(name, () => ({
    states: {
      root: [
        rule(/;.*?$/, 'c1'),
        rule(/\s+/s, 'w'),
        rule(/-?\d+\.\d+/, 'mf'),
        rule(/-?\d+/, 'mi'),
        rule(/0x-?[0-9a-fA-F]+/, 'mh'),
        // Rouge's /"(\\.|[^"])*"/ backtracks exponentially in V8 on a long run without a closing
        // quote (Onigmo gets through). Same matches, linear: the greedy path (a backslash pairs with
        // the next non-newline character) ends at the first quote it does not pair; where it runs
        // off the end instead, every quote was paired and backtracking ends at the last one.
        rule(/"(?:[^"\\]|\\.|\\(?![^\n]))*"|"[\s\S]*"/, 's'),
        rule(`'${KEYWORD}`, 'ss'),
        rule(`::?${KEYWORD}`, 'no'),
        rule(/\\(.|[a-z]+)/i, 'sc'),
        rule(/~@|[`'#^~&@]/, 'o'),
        rule(new RegExp(String.raw`(\()(\s*)(${IDENTIFIER})`, 's'), (run, m) => {
          run.token('p', m[1]);
          run.token('w', m[2]);
          run.token(nameToken(m[3]) ?? 'nf', m[3]);
        }),
        rule(IDENTIFIER, (run, m) => run.token(nameToken(m[0]) ?? 'n')),
        rule(/[\[\]]/, 'p'),
        rule(/[{}]/, 'p'),
        rule(/[()]/, 'p'),
      ],
    },
  }));
}

export const clojure: LexerDef = clojureLike('clojure', nameToken);
