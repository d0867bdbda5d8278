/**
 * Clojure (tags `clojure`, `clj`, `cljs`), as Rouge 3.30 lexes it (lib/rouge/lexers/clojure.rb):
 * `;` comments `c1`, whitespace `w`, numbers, strings `s`, `'sym` `ss`, `:keyword` `no`, `\c`
 * characters `sc`, reader macros `o`; the first symbol of a form `nf` unless a special form `k`
 * or one of Rouge's builtins `nb` (CLOJURE_BUILTINS); other symbols `n`, brackets `p`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { CLOJURE_BUILTINS } from '../rouge-words.js';

const KEYWORDS = new Set(`fn def defn defmacro defmethod defmulti defn- defstruct if
  cond let for`.split(/\s+/));
const IDENTIFIER = String.raw`[\w!$%*+,<=>?\/.-]+`;
const KEYWORD = String.raw`[\w!#$%*+,<=>?\/.-]+`;

/** Clojure#name_token. */
const nameToken = (name: string): string | undefined =>
  KEYWORDS.has(name) ? 'k' : CLOJURE_BUILTINS.has(name) ? 'nb' : undefined;

export const clojure: LexerDef = lazyLexer('clojure', () => ({
  states: {
    root: [
      rule(/;.*?$/, 'c1'),
      rule(/\s+/, 'w'),
      rule(/-?\d+\.\d+/, 'mf'),
      rule(/-?\d+/, 'mi'),
      rule(/0x-?[0-9a-fA-F]+/, 'mh'),
      rule(/"(\\.|[^"])*"/, 's'),
      rule(`'${KEYWORD}`, 'ss'),
      rule(`::?${KEYWORD}`, 'no'),
      rule(/\\(.|[a-z]+)/i, 'sc'),
      rule(/~@|[`'#^~&@]/, 'o'),
      rule(String.raw`(\()(\s*)(${IDENTIFIER})`, (run, m) => {
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
