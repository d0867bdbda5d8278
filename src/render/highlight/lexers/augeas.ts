/**
 * Augeas lenses (tags `augeas`, `aug`), as Rouge 3.30 lexes them (lexers/augeas.rb): reserved
 * words `kr` (`module` then its name `nn`), capitalised words `kn`, other words `n`, `:type`
 * `p kt`; `"…"` strings `s` with `\` escapes `se`, `/…/` regexes `sr` (their opening `/` `s`, as
 * in Rouge), nested `(* … *)` comments `cm`; operators `o`, punctuation `p`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

const RESERVED = new Set(`_ let del store value counter seq key label autoload incl excl transform test get
  put in after set clear insa insb print_string print_regexp print_endline print_tree lens_ctype
  lens_atype lens_ktype lens_vtype lens_format_atype regexp_match`.split(/\s+/));

export const augeas: LexerDef = lazyLexer('augeas', () => ({
  states: {
    basic: [rule(/\s+/, ''), rule(/\(\*/, 'cm', 'comment')],
    comment: [
      rule(/\*\)/, 'cm', '#pop'),
      rule(/\(\*/, 'cm', 'comment'),
      rule(/[^*)]+/, 'cm'),
      rule(/[*)]/, 'cm'),
    ],
    root: [
      mixin('basic'),
      rule(/(:)(\w\w*)/, ['p', 'kt']),
      rule(/\w[\w']*/, (run, m) => {
        const name = m[0];
        if (name === 'module') {
          run.token('kr');
          run.push('module');
        } else if (RESERVED.has(name)) run.token('kr');
        else run.token(/^[A-Z]/.test(name) ? 'kn' : 'n');
      }),
      rule(/"/, 's', 'string'),
      rule(/\//, 's', 'regexp'),
      rule(/[-*+.=?|]+/, 'o'),
      rule(/[\[\](){}:;]/, 'p'),
    ],
    module: [rule(/\s+/, ''), rule(/[A-Z][a-zA-Z0-9_.]*/, 'nn', '#pop')],
    regexp: [rule(/\//, 'sr', '#pop'), rule(/[^\\\/]+/, 'sr'), rule(/\\[\\\/]/, 'sr'), rule(/\\/, 'sr')],
    string: [rule(/"/, 's', '#pop'), rule(/\\/, 'se', 'escape'), rule(/[^\\"]+/, 's')],
    escape: [
      rule(/[abfnrtv"'&\\]/, 'se', '#pop'),
      rule(/\^[\]\[A-Z@\^_]/, 'se', '#pop'),
      rule(/o[0-7]+/i, 'se', '#pop'),
      rule(/x[\da-f]+/i, 'se', '#pop'),
      rule(/\d+/, 'se', '#pop'),
      rule(/\s+/, 'se', '#pop'),
      rule(/./, 's', '#pop'),
    ],
  },
}));
