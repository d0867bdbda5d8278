/**
 * Factor, the concatenative language (tag `factor`), as Rouge 3.30 lexes it (lexers/factor.rb):
 * definitions (`: name`, `M: class name`, `TUPLE: name < parent slots ;`, `C:`, `PREDICATE:`…)
 * `k` with their names `nf`/`nc`, vocabulary words (`USING: … ;`, `IN:`, `USE:`…) `kn` with the
 * vocabularies `nn`, `( a b -- c )` stack effects `nf` with their names `nv`; words from
 * Rouge's builtin vocabularies (`dup`, `map`, `if`…: FACTOR_BUILTINS in rouge-words.ts) `nb`,
 * other words `n`; `t f` `no`, numbers before a blank, `HEX:`/`BIN:`/`OCT:` literals; strings
 * `s` (also with a prefix word, `sbuf" … "`), `CHAR: x` `sc`; `! ` and `#! ` comments `c`.
 */
import { type LexerDef, type Rule, lazyLexer, rule } from '../engine.js';
import { FACTOR_BUILTINS } from '../rouge-words.js';
import { pairedEscapes, stickyMatcher } from './loop-match.js';

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const STRING = new RegExp(pairedEscapes('"'), 'y');

/**
 * Rouge's `\S+"\s+(?:\\\\|\\"|[^"])*"`: a word ending in `"` (its other characters are `\S+`),
 * blanks, then a string body to its closing quote. Its `"` must end the run of non-blanks, and
 * the loop (which also takes blanks) is Rouge's string loop: matched as such from that quote,
 * without the loop's exponential backtracking.
 */
const prefixedString = stickyMatcher((text, pos) => {
  let end = pos;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  if (end - pos < 2 || text[end - 1] !== '"' || end >= text.length) return null;
  STRING.lastIndex = end - 1;
  const s = STRING.exec(text);
  if (!s) return null;
  const m = [text.slice(pos, end - 1 + s[0].length)] as unknown as RegExpExecArray;
  m.index = pos;
  return m;
});
const prefixedRule: Rule = { re: prefixedString, bol: false, action: (run) => run.token('s') };

export const factor: LexerDef = lazyLexer('factor', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/(:|::|MACRO:|MEMO:|GENERIC:|HELP:)(\s+)(\S+)/, ['k', '', 'nf']),
      rule(/(M:|HOOK:|GENERIC#)(\s+)(\S+)(\s+)(\S+)/, ['k', '', 'nc', '', 'nf']),
      rule(/\((?=\s)/, 'nf', 'stack_effect'),
      rule(/;(?=\s)/, 'k'),
      rule(/(USING:)((?:\s|\\\s)+)/, ['kn', ''], 'import'),
      rule(/(IN:|USE:|UNUSE:|QUALIFIED:|QUALIFIED-WITH:)(\s+)(\S+)/, ['kn', '', 'nn']),
      rule(/(FROM:|EXCLUDE:)(\s+)(\S+)(\s+)(=>)/, ['kn', '', 'nn', '', 'p']),
      rule(/(?:ALIAS|DEFER|FORGET|POSTPONE):/, 'kn'),
      rule(/(TUPLE:)(\s+)(\S+)(\s+)(<)(\s+)(\S+)/, ['k', '', 'nc', '', 'p', '', 'nc'], 'slots'),
      rule(/(TUPLE:)(\s+)(\S+)/, ['k', '', 'nc'], 'slots'),
      rule(/(UNION:|INTERSECTION:)(\s+)(\S+)/, ['k', '', 'nc']),
      rule(/(PREDICATE:)(\s+)(\S+)(\s+)(<)(\s+)(\S+)/, ['k', '', 'nc', '', 'p', '', 'nc']),
      rule(/(C:)(\s+)(\S+)(\s+)(\S+)/, ['k', '', 'nf', '', 'nc']),
      rule(/(INSTANCE|SLOT|MIXIN|SINGLETONS?|CONSTANT|SYMBOLS?|ERROR|SYNTAX|ALIEN|TYPEDEF|FUNCTION|STRUCT):/, 'k'),
      rule(/(?:<PRIVATE|PRIVATE>)/, 'kn'),
      rule(/(MAIN:)(\s+)(\S+)/, ['kn', '', 'nf']),
      // Rouge's "(?:\\\\|\\"|[^"])*": the same matches without its exponential backtracking
      rule(pairedEscapes('"'), 's'),
      prefixedRule,
      rule(/(CHAR:)(\s+)(\\[\\abfnrstv]*|\S)(?=\s)/, 'sc'),
      rule(/!\s+.*$/, 'c'),
      rule(/#!\s+.*$/, 'c'),
      rule(/[tf](?=\s)/, 'no'),
      rule(/-?\d+\.\d+(?=\s)/, 'mf'),
      rule(/-?\d+(?=\s)/, 'mi'),
      rule(/HEX:\s+[a-fA-F\d]+(?=\s)/, 'mh'),
      rule(/BIN:\s+[01]+(?=\s)/, 'mb'),
      rule(/OCT:\s+[0-7]+(?=\s)/, 'mo'),
      rule(/[-+\/*=<>^](?=\s)/, 'o'),
      rule(/(?:deprecated|final|foldable|flushable|inline|recursive)(?=\s)/, 'k'),
      rule(/\S+/, (run, m) => run.token(FACTOR_BUILTINS.has(m[0]) ? 'nb' : 'n')),
    ],
    stack_effect: [
      rule(/\s+/, ''),
      rule(/\(/, 'nf', 'stack_effect'),
      rule(/\)/, 'nf', '#pop'),
      rule(/--/, 'nf'),
      rule(/\S+/, 'nv'),
    ],
    slots: [rule(/\s+/, ''), rule(/;(?=\s)/, 'k', '#pop'), rule(/\S+/, 'nv')],
    import: [rule(/;(?=\s)/, 'k', '#pop'), rule(/\s+/, ''), rule(/\S+/, 'nn')],
  },
}));
