/**
 * Smallworld Magik (tag `magik`), as Rouge 3.30 lexes it (lexers/magik.rb): `_keywords` `k`,
 * `_method class.name` `k w nc p nf`; strings `s`, `:symbols` `ss`, `@labels` and `@pkg:name`
 * global references `nl`, `%c` characters `sc`, numbers with radix, exponent and decimal parts
 * `m`, `pkg:name` and other identifiers (runs of `[a-z0-9_!?]` and `\x` escapes, or `|…|`)
 * `n`; `##` comments `cd`, `#` comments `c1`; operators and punctuation.
 *
 * Rouge builds these rules from regexes with their own `/i` and an atomic group
 * `(?>(?:[a-z0-9_!?]|\\.)+)`: JavaScript has neither inline flags nor atomic groups, so the
 * letters are written in both cases (with U+017F ſ and U+212A K, which Ruby's `/i` also takes) and
 * the atomic group as a lookahead capturing the longest run, then a backreference to it.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

const KEYWORDS = `_package _pragma _block _endblock _handling _default _protect _protection _endprotect _try
  _with _when _endtry _catch _endcatch _throw _lock _endlock _if _then _elif _else _endif _for _over
  _while _loop _finally _endloop _loopbody _continue _leave _return _class _local _constant _recursive
  _global _dynamic _import _private _iter _abstract _method _endmethod _proc _endproc _gather _scatter
  _allresults _optional _thisthread _self _clone _super _primitive _unset _true _false _maybe _is _isnt
  _not _and _or _xor _cf _andif _orif _div _mod`.split(/\s+/).join('|');

const LETTER = 'a-zA-Z\\u017F\\u212A';
/** Rouge's identifier; `n` names its atomic group's capture (unique within one regex). */
const identifier = (n: number) =>
  `(?:(?=(?<atom${n}>(?:[${LETTER}0-9_!?]|\\\\[^\\n])+))\\k<atom${n}>|\\|[^|\\n]*\\|)+`;
const NUMBER = `[0-9]+(?:[rR][0-9${LETTER}]|(?:[eE]|&)[+-]?[0-9]+|\\.[0-9]+)*`;

export const magik: LexerDef = lazyLexer('magik', () => ({
  states: {
    root: [
      rule(/##(.*)?/, 'cd'),
      rule(/#(.*)?/, 'c1'),
      rule(/(_method)(\s+)/, ['k', 'w'], 'method_name'),
      rule(`(?:${KEYWORDS})\\b`, 'k'),
      rule(/"[^"\n]*?"/, 's'),
      rule(/'[^'\n]*?'/, 's'),
      rule(`:${identifier(1)}`, 'ss'),
      rule(`@[\\s]*${identifier(1)}:${identifier(2)}`, 'nl'),
      rule(`@[\\s]*${identifier(1)}`, 'nl'),
      rule(`%[uU][0-9${LETTER}]{4}|%[^\\s]+`, 'sc'),
      rule(NUMBER, 'm'),
      rule(`${identifier(1)}:${identifier(2)}`, 'n'),
      rule(identifier(1), 'n'),
      rule(/[\[\]{}().,;]/, 'p'),
      rule(/\$/, 'p'),
      rule(/(<<|^<<)/, 'o'),
      rule(/(>>)/, 'o'),
      rule(/[-~+\/*%=&^<>]|!=/, 'o'),
      rule(/[\s]+/, 'w'),
    ],
    method_name: [
      // groups 2 and 5 are the identifiers' atomic-group captures
      rule(`(${identifier(1)})(\\.)(${identifier(2)})`, (run, m) => {
        run.token('nc', m[1]);
        run.token('p', m[3]);
        run.token('nf', m[4]);
        run.pop();
      }),
    ],
  },
}));
