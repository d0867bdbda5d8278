/**
 * Idris (tag `idris`, alias `idr`; `.idr` files), as Rouge 3.30 lexes it (lexers/idris.rb): nested
 * `{- -}` comments `cm` (`{-#` pragmas `cp`), `|||` doc lines `cd`, `--` comments `c1`; `%default`
 * and other directives `k`; reserved words `kr`, `Just`/`True`… `kc`; `name :` at a line's start
 * `nf`; Prelude types `kt`, interfaces `nc` and functions `nb` (each only before whitespace); other
 * names `n`, capitalized `kt`; operators `o`, `\` `nf`; `'c'` `sc` and `"…"` `s` with escapes
 * `se`; `[]` `kt`, `()` `nb`; `import`/`module` names `nn`, import lists `nf`/`kt`; `[q| … |]`
 * quasiquotes bare.
 * Rouge quirks kept: every number that starts with digits is `mf` (its float rule comes first and
 * makes the fraction optional), so `0x1F` is `mf` `0` then the name `x1F`; a character literal
 * longer than one character leaves `err` for the character where its `'` should be.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { haskellLiterals } from './haskell.js';

const RESERVED = '_|data|class|instance|namespace|infix[lr]?|let|where|of|with|type|do|if|then|else|case|in';
const PRELUDE_FUNCTIONS = `abs acos all and any asin atan atan2 break ceiling compare concat
  concatMap const cos cosh curry cycle div drop dropWhile elem
  encodeFloat enumFrom enumFromThen enumFromThenTo enumFromTo exp
  fail filter flip floor foldl foldl1 foldr foldr1 fromInteger fst
  gcd getChar getLine head id init iterate last lcm length lines log
  lookup map max maxBound maximum maybe min minBound minimum mod
  negate not null or pi pred print product putChar putStr putStrLn
  readFile recip repeat replicate return reverse scanl scanl1 sequence
  sequence_ show sin sinh snd span splitAt sqrt succ sum tail take
  takeWhile tan tanh uncurry unlines unwords unzip unzip3 words
  writeFile zip zip3 zipWith zipWith3`
  .trim()
  .split(/\s+/)
  .join('|'); // in Rouge's order: the alternation's first match wins
// Rouge's operator class `[:!#\$\%&*+.\\/<=>?@^\|~-]`
const OPS = String.raw`[:!#$%&*+.\\/<=>?@^|~\-]`;

export const idris: LexerDef = lazyLexer('idris', () => ({
  states: {
    basic: [
      rule(/\s+/, ''),
      rule(/\{-#/, 'cp', 'comment_preproc'),
      rule(/\{-/, 'cm', 'comment'),
      rule(/^\|\|\|.*$/, 'cd'),
      rule(/--(?![!#$%&*+./<=>?@^|_~]).*?$/, 'c1'),
    ],
    comment: [rule(/-\}/, 'cm', '#pop'), rule(/\{-/, 'cm', 'comment'), rule(/[^-{}]+/, 'cm'), rule(/[-{}]/, 'cm')],
    comment_preproc: [rule(/-\}/, 'cp', '#pop'), rule(/\{-/, 'cp', 'comment'), rule(/[^-{}]+/, 'cp'), rule(/[-{}]/, 'cp')],
    directive: [
      rule(/%(default)\s+(total|partial)/, 'k'),
      rule(/%(access)\s+(public|abstract|private|export)/, 'k'),
      rule(/%(language)\s+(.*)/, 'k'),
      rule(/%(provide)\s+.*\s+(with)\s+/, 'k'),
    ],
    prelude: [
      rule(/\b(Type|Exists|World|IO|IntTy|FTy|File|Mode|Dec|Bool|Ordering|Either|IsJust|List|Maybe|Nat|Stream|StrM|Not|Lazy|Inf)\s/, 'kt'),
      rule(/\b(Eq|Ord|Num|MinBound|MaxBound|Integral|Applicative|Alternative|Cast|Foldable|Functor|Monad|Traversable|Uninhabited|Semigroup|Monoid)\s/, 'nc'),
      rule(String.raw`\b(?:${PRELUDE_FUNCTIONS})[ ]+(?![=:-])`, 'nb'),
    ],
    root: [
      { mixin: 'basic' },
      { mixin: 'directive' },
      rule(/\bimport\b/, 'kr', 'import'),
      rule(/\bmodule\b/, 'kr', 'module'),
      rule(String.raw`\b(?:${RESERVED})\b`, 'kr'),
      rule(/\b(Just|Nothing|Left|Right|True|False|LT|LTE|EQ|GT|GTE)\b/, 'kc'),
      rule(/^[\w']+\s*:/, 'nf'),
      { mixin: 'prelude' },
      rule(/[_a-z][\w']*/, 'n'),
      rule(/[A-Z][\w']*/, 'kt'),
      rule(String.raw`\\(?!${OPS}+)`, 'nf'),
      rule(String.raw`(<-|::|->|=>|=)(?!${OPS}+)`, 'o'),
      rule(String.raw`:${OPS}*`, 'o'),
      rule(String.raw`${OPS}+`, 'o'),
      rule(/\d+(\.\d+)?(e[+-]?\d+)?/i, 'mf'),
      rule(/0o[0-7]+/i, 'mo'),
      rule(/0x[\da-f]+/i, 'mh'),
      rule(/\d+/, 'mi'),
      rule(/'/, 'sc', 'character'),
      rule(/"/, 's', 'string'),
      rule(/\[\s*\]/, 'kt'),
      rule(/\(\s*\)/, 'nb'),
      rule(/(\[)([_a-z][\w']*)(\|)/, ['o', 'n', 'o'], 'quasiquotation'),
      rule(/[[\](),;`{}]/, 'p'),
    ],
    import: [
      rule(/\s+/, ''),
      rule(/"/, 's', 'string'),
      rule(/([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)/, ['nn', '', 'k', '', 'n'], '#pop'),
      rule(/([A-Z][\w.]*)(\s+)(\()/, (run) => {
        run.groups('nn', '', 'p');
        run.goto('funclist');
      }),
      rule(/[\w.]+/, 'nn', '#pop'),
    ],
    module: [rule(/\s+/, ''), rule(/([A-Z][\w.]*)/, 'nn', '#pop')],
    funclist: [
      { mixin: 'basic' },
      rule(/[A-Z]\w*/, 'kt'),
      rule(/(_[\w']+|[a-z][\w']*)/, 'nf'),
      rule(/,/, 'p'),
      rule(String.raw`${OPS}+`, 'o'),
      rule(/\(/, 'p', 'funclist'),
      rule(/\)/, 'p', '#pop'),
    ],
    ...haskellLiterals(),
  },
}));
