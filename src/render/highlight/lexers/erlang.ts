/**
 * Erlang (tags `erlang`, `erl`), as Rouge 3.30 lexes it: `%` comments `c` (only with a newline
 * after them); keywords `k`, BIFs `nb` and word operators `ow` wherever the word starts (the
 * regexes have no leading `\b`); a `-` at the start of a line opens a directive whose name is
 * `ni` (`-define(M` / `-record(R`: macro `no`, record `nl`); `atom:` namespaces `nn`; `atom(` is a
 * function `nf` anywhere (Rouge's `(?:^|(?<=:))` always passes at the scan position); variables
 * `nv`; other atoms `n`; `?MACRO` `no`; `$c` characters `sc`; `#rec` and `<<`/`>>` `nl`; strings
 * `s` with escapes `se` and `~p` directives `si`; integers (also `16#FF`) `mi` (Rouge's float
 * rule comes after the integer one and never matches).
 * Found in code blocks of distributed-systems researchers' blogs (next to Coq extraction).
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { ERLANG_BUILTINS, ERLANG_KEYWORDS, ERLANG_WORD_OPERATORS } from '../rouge-words.js';
import { onlyWhereLater } from './loop-match.js';

const ATOM = String.raw`(?:[a-z][a-zA-Z0-9_]*|'[^\n']*[^\\]')`;
const VARIABLE = String.raw`(?:[A-Z_][a-zA-Z0-9_]*)`;
const ESCAPE = String.raw`(?:\\(?:[bdefnrstv'"\\/]|[0-7][0-7]?[0-7]?|\^[a-zA-Z]))`;
const MACRO = `(?:${VARIABLE}|${ATOM})`;
const BASE = '(?:[2-9]|[12][0-9]|3[0-6])';
// Rouge joins each list into one alternation followed by `\b`: only the alternative that runs to
// the end of the word can match, so the (sorted) order of the generated lists does not matter.
const alternation = (words: Iterable<string>) => [...words].join('|');

export const erlang: LexerDef = lazyLexer('erlang', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      // a comment needs a newline after it: without one each `%` would scan to the end (quadratic)
      onlyWhereLater('\n', 1, rule(/%.*\n/, 'c')),
      rule(String.raw`(${alternation(ERLANG_KEYWORDS)})\b`, 'k'),
      rule(String.raw`(${alternation(ERLANG_BUILTINS)})\b`, 'nb'),
      rule(String.raw`(${alternation(ERLANG_WORD_OPERATORS)})\b`, 'ow'),
      rule(/^-/, 'p', 'directive'),
      rule(/(\+\+?|--?|\*|\/|<|>|\/=|=:=|=\/=|=<|>=|==?|<-|!|\?)/, 'o'),
      rule(/"/, 's', 'string'),
      rule(/<</, 'nl'),
      rule(/>>/, 'nl'),
      rule(`(${ATOM})(:)`, ['nn', 'p']),
      rule(String.raw`(?:^|(?<=:))(${ATOM})(\s*)(\()`, ['nf', '', 'p']),
      rule(`[+-]?${BASE}#[0-9a-zA-Z]+`, 'mi'),
      rule(/[+-]?\d+/, 'mi'),
      rule(/[+-]?\d+.\d+/, 'mf'),
      rule(/[\]\[:_@".{}()|;,]/, 'p'),
      rule(VARIABLE, 'nv'),
      rule(ATOM, 'n'),
      rule(`\\?${MACRO}`, 'no'),
      rule(String.raw`\$(?:${ESCAPE}|\\[ %]|[^\\])`, 'sc'),
      rule(`#${ATOM}(:?\\.${ATOM})?`, 'nl'),
    ],
    string: [
      rule(ESCAPE, 'se'),
      rule(/"/, 's', '#pop'),
      rule(/~[0-9.*]*[~#+bBcdefginpPswWxX]/, 'si'),
      rule(/[^"\\~]+/, 's'),
      rule(/~/, 's'),
    ],
    directive: [
      rule(String.raw`(define)(\s*)(\()(${MACRO})`, ['ni', '', 'p', 'no'], '#pop'),
      rule(String.raw`(record)(\s*)(\()(${MACRO})`, ['ni', '', 'p', 'nl'], '#pop'),
      rule(ATOM, 'ni', '#pop'),
    ],
  },
}));
