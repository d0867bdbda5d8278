/**
 * Cython (tag `cython`, aliases `pyx`, `pyrex`), as Rouge 3.30 lexes it (lib/rouge/lexers/cython.rb,
 * a subclass of its Python lexer): Python's states with these rules in front of the root's —
 * - `cdef`/`cpdef`/`ctypedef` `k`, then a C declaration: the first word before a `*`, a `[` or
 *   another word is a type `kt` (`(un)signed` too; `struct`/`class` `kr` then a class name,
 *   `def` then a function name, `public`/`extern`/`inline`… `kr`); the rest of the line, and the
 *   lines indented under it, are lexed as Python, each new indented line starting a declaration
 *   again, until a line indented less than the first or not at all;
 * - `(` and `,` also start a declaration, so `f(int n, double x)` gives `kt` types;
 * - `from a cimport b`, `cimport a` as `kn nn`; `struct` `k` then a class name;
 * - a name before `(` is a call: keyword `k`, builtin or exception `nb`, `self`/`None`… `bp`,
 *   else `nf` — after a `.` too (Rouge's "func_call_fix").
 * Cython's keywords add `by`, `fused`, `gil`, `nogil` to Python's (for Python's rules as well).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { KEYWORDS, nameToken, pythonStates } from './python.js';

const CY_KEYWORDS: ReadonlySet<string> = new Set([...KEYWORDS, 'by', 'except?', 'fused', 'gil', 'nogil']);
const C_KEYWORDS = new Set('public readonly extern api inline enum union'.split(' '));
// Rouge's `identifier = /[a-z_]\w*/i` and `dotted_identifier = /[a-z_.][\w.]*/i` (not Python's):
// Onigmo's `[a-z]` takes `ſ` and the Kelvin sign under `/i`, its `\w` does not
const IDENT = String.raw`[a-zA-Z_ſ\u212A]\w*`;
const CY_DOTTED_ID = String.raw`[a-zA-Z_.ſ\u212A][\w.]*`;

export const cython: LexerDef = lazyLexer('cython', () => {
  const py = pythonStates(CY_KEYWORDS);
  return {
    states: {
      ...py,
      root: [
        rule(/cp?def|ctypedef/, (run) => {
          run.token('k');
          run.push('c_definitions');
          run.push('c_start');
        }),
        rule(String.raw`(from)((?:\\\s|\s)+)(${CY_DOTTED_ID})((?:\\\s|\s)+)(cimport)`, ['kn', '', 'nn', '', 'kn']),
        rule(String.raw`(cimport)(\s+)(${CY_DOTTED_ID})`, ['kn', '', 'nn']),
        rule(/(struct)((?:\\\s|\s)+)/, ['k', ''], 'classname'),
        mixin('func_call_fix'),
        rule(/[(,]/, 'p', 'c_start'),
        ...py.root,
      ],
      classname: [rule(/(?:\\\s|\s)+/, ''), ...py.classname],
      funcname: [rule(/(?:\\\s|\s)+/, ''), ...py.funcname],
      func_call_fix: [
        rule(String.raw`${IDENT}(?=\()`, (run, m) => run.token(nameToken(m[0], CY_KEYWORDS, 'nf'))),
      ],
      c_start: [
        rule(/[ \t\v\f\r]+/, ''),
        rule(/cp?def|ctypedef/, 'k'),
        rule(/(?:un)?signed/, 'kt'),
        // a word that could be a type: before a pointer, an array or a variable name
        rule(String.raw`${IDENT}(?=(?:\*+)|(?:[ \t]*\[)|(?:[ \t]+\w))`, (run, m) => {
          const w = m[0];
          if (CY_KEYWORDS.has(w)) {
            run.token('k');
            run.pop();
          } else if (w === 'def') {
            run.token('k');
            run.goto('funcname');
          } else if (w === 'struct' || w === 'class') {
            run.token('kr');
            run.goto('classname');
          } else if (C_KEYWORDS.has(w)) {
            run.token('kr');
          } else {
            run.token('kt');
            run.pop();
          }
        }),
        rule(/(?:)/, (run) => run.pop()),
      ],
      c_definitions: [rule(/\n/, '', 'c_indent'), mixin('root')],
      c_indent: [
        rule(/[ \t]+/, (run, m) => {
          run.token('');
          run.goto('c_start');
          const indentation = run.data.indentation as string | undefined;
          if (indentation === undefined) run.data.indentation = m[0];
          else if (indentation.length > m[0].length) {
            run.data.indentation = undefined;
            run.pop(2); // c_start and c_definitions
          }
        }),
        rule(/(?:)/, (run) => {
          run.data.indentation = undefined;
          run.pop(Infinity); // Rouge's reset_stack: back to root alone
        }),
      ],
    },
  };
});
