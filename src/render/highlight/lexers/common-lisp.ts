/**
 * Common Lisp (tags `common_lisp`, `cl`, `common-lisp`, `elisp`, `emacs-lisp`, `lisp`), as Rouge
 * 3.30 lexes it (lib/rouge/lexers/common_lisp.rb): `;` comments `c1`, `#| |#` (nested) `cm`,
 * `#+nil ( … )` `c`; strings `s`; `:keyword` and `'symbol` `ss`; numbers `mi`/`mf`, `#b`/`#x` `m`,
 * `#o` `mo`; `#\c` characters `sc`; `#'` `nf`; `*special*` `vg`; `t`/`nil` `no`; words by Rouge's
 * lists (rouge-words.ts, tested in its order): functions and macros `nb`, special forms,
 * lambda-list keywords and declarations `k`, types `kt`, classes `nc`, else `nv`; a `)` with no
 * open `(` (or `#(`, `#c(`, `#2a(`) `err`.
 * Rouge's constituent `\\.|[…]|[#.:]` has `.` in both classes (its `+-\/` is a range, with `,`,
 * `-`, `.`): written as one class, the same matches without exponential backtracking (a
 * `*special` with a run of dots and no closing `*`); the `#"…"` path rule likewise through
 * pairedEscapes.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { guardedByRun, pairedEscapes } from './loop-match.js';
import {
  COMMON_LISP_CLASSES,
  COMMON_LISP_DECLARATIONS,
  COMMON_LISP_FUNCTIONS,
  COMMON_LISP_LAMBDA_LIST_KEYWORDS,
  COMMON_LISP_MACROS,
  COMMON_LISP_SPECIAL_FORMS,
  COMMON_LISP_TYPES,
} from '../rouge-words.js';

const NONMACRO = String.raw`(?:\\.|[a-zA-Z0-9!$%&*+-\/<=>?@\[\]^_{}~])`;
// Rouge's `#{nonmacro}|[#.:]`: `.` is in both, so one class
const CONSTITUENT = String.raw`(?:\\.|[a-zA-Z0-9!$%&*+-\/<=>?@\[\]^_{}~#:])`;
const TERMINATED = "(?=[ \"'()\\n,;`])";
const SYMBOL = String.raw`(\|[^\|]+\||${NONMACRO}${CONSTITUENT}*)`;

export const commonLisp: LexerDef = lazyLexer('common_lisp', () => ({
  states: {
    root: [
      rule(/\s+/s, ''),
      rule(/;.*$/, 'c1'),
      rule(/#\|/, 'cm', 'multiline_comment'),
      rule(/#\d*Y.*$/, 'cs'),
      rule(/"(\\.|[^"\\])*"/, 's'),
      rule(`[:']${SYMBOL}`, 'ss'),
      rule(/['`]/, 'o'),
      rule(String.raw`[-+]?\d+\.?${TERMINATED}`, 'mi'),
      rule(String.raw`[-+]?\d+\/\d+${TERMINATED}`, 'mi'),
      rule(String.raw`[-+]?(\d*\.\d+([defls][-+]?\d+)?|\d+(\.\d*)?[defls][-+]?\d+)${TERMINATED}`, 'mf'),
      rule(String.raw`#\\.${TERMINATED}`, 'sc'),
      rule(String.raw`#\\${SYMBOL}`, 'sc'),
      rule(/#\(/, 'o', 'root'),
      rule(/#\d*\*[01]*/, 'x'),
      rule(`#:${SYMBOL}`, 'ss'),
      rule(/#[.,]/, 'o'),
      rule(/#'/, 'nf'),
      rule(/#b[+-]?[01]+(\/[01]+)?/i, 'm'),
      rule(/#o[+-]?[0-7]+(\/[0-7]+)?/i, 'mo'),
      rule(/#x[+-]?[0-9a-f]+(\/[0-9a-f]+)?/i, 'm'),
      rule(/(#c)(\()/i, (run) => {
        run.groups('m', 'p');
        run.push('root');
      }),
      rule(/(#(?:\d+a|s))(\()/i, (run) => {
        run.groups('sx', 'p');
        run.push('root');
      }),
      rule(`#[pP]?${pairedEscapes('"')}`, 'ss'),
      rule(/#\d+[=#]/, 'o'),
      // tried only where the run of `#` is followed by `nil` (guardedByRun): otherwise a long run
      // (`####…`) is scanned and backtracked from each of its positions (quadratic)
      guardedByRun((c) => c === 35, rule(String.raw`#+nil${TERMINATED}\s*\(`, 'c', 'commented_form'), (text, pos, end) => end > pos && text.startsWith('nil', end)),
      rule(/#[+-]/, 'o'),
      rule(/(,@|,|\.)/, 'o'),
      rule(`(t|nil)${TERMINATED}`, 'no'),
      rule(String.raw`\*${SYMBOL}\*`, 'vg'),
      rule(SYMBOL, (run, m) => {
        const sym = m[0];
        if (COMMON_LISP_FUNCTIONS.has(sym)) run.token('nb');
        else if (COMMON_LISP_SPECIAL_FORMS.has(sym)) run.token('k');
        else if (COMMON_LISP_MACROS.has(sym)) run.token('nb');
        else if (COMMON_LISP_LAMBDA_LIST_KEYWORDS.has(sym)) run.token('k');
        else if (COMMON_LISP_DECLARATIONS.has(sym)) run.token('k');
        else if (COMMON_LISP_TYPES.has(sym)) run.token('kt');
        else if (COMMON_LISP_CLASSES.has(sym)) run.token('nc');
        else run.token('nv');
      }),
      rule(/\(/, 'p', 'root'),
      rule(/\)/, (run) => {
        if (run.stack.length === 1) {
          run.token('err');
        } else {
          run.token('p');
          run.pop();
        }
      }),
    ],
    multiline_comment: [
      rule(/#\|/, 'cm', 'multiline_comment'),
      rule(/\|#/, 'cm', '#pop'),
      rule(/[^\|#]+/, 'cm'),
      rule(/[\|#]/, 'cm'),
    ],
    commented_form: [rule(/\(/, 'c', 'commented_form'), rule(/\)/, 'c', '#pop'), rule(/[^()]+/, 'c')],
  },
}));
