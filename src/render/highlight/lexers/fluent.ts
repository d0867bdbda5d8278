/**
 * Fluent, Mozilla's localization format (tags `fluent`, `ftl`), as Rouge 3.30 lexes it
 * (lexers/fluent.rb): message ids `no`, `-terms` `ni`, `.attributes` `na`, `#` comments `c1`;
 * after `=` the pattern text is bare, with `{ … }` placeables: `$variables` `nv`, terms,
 * attributes, upper-case functions `nb`, `->` selectors and `[key]` variants, `*` default
 * marks `pi`, numbers and `"…"` strings with escapes `se`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { guardedByRun } from './loop-match.js';

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * The last newline in `[pos, end)`, the rest of a run of whitespace (-1 if none): found once per
 * run and reused at its later positions (the lexer steps through a run one error at a time).
 */
let nlText = '';
let nlFrom = -1;
let nlEnd = -1;
let nlLast = -1;
function lastNewlineOfRun(text: string, pos: number, end: number): number {
  if (text !== nlText || end !== nlEnd || pos < nlFrom) {
    let i = end - 1;
    while (i >= pos && text[i] !== '\n') i--;
    nlText = text;
    nlFrom = pos;
    nlEnd = end;
    nlLast = i;
  }
  return nlLast >= pos ? nlLast : -1;
}

export const fluent: LexerDef = lazyLexer('fluent', () => ({
  states: {
    root: [
      // Rouge's whitespace rules scan the rest of a run of spaces at each of its positions where
      // they fail (quadratic on a long run): tried only where the run ends in `=`, holds a newline,
      // is followed by a `.`, or by something else, as each of them needs
      guardedByRun((c) => c === 32, rule(/( *)(=)( *)/, ['w', 'p', 'w'], 'template'), (text, _pos, end) => text[end] === '='),
      guardedByRun(isSpace, rule(/(?:\s*\n)+/, 'w'), (text, pos, end) => lastNewlineOfRun(text, pos, end) >= 0),
      rule(/#{1,3}(?: .*)?$/, 'c1'),
      rule(/[a-zA-Z][a-zA-Z0-9_-]*/, 'no'),
      rule(/-[a-zA-Z][a-zA-Z0-9_-]*/, 'ni'),
      guardedByRun(isSpace, rule(/\s*\.[a-zA-Z][a-zA-Z0-9_-]*/, 'na'), (text, _pos, end) => text[end] === '.'),
      guardedByRun(isSpace, rule(/\s+(?=[^\s.])/, 'w', 'template'), (text, pos, end) => end > pos && end < text.length && text[end] !== '.'),
    ],
    template: [
      rule(/\n/, 'w', '#pop'),
      rule(/[^{\n}*]+/, ''),
      rule(/\{/, 'p', 'placeable'),
      rule(/(?=\})/, 'p', '#pop'),
    ],
    placeable: [
      rule(/\s+/, 'w'),
      rule(/\{/, 'p', 'placeable'),
      rule(/\}/, 'p', '#pop'),
      rule(/\$[a-zA-Z][a-zA-Z0-9_-]*/, 'nv'),
      rule(/-[a-zA-Z][a-zA-Z0-9_-]*/, 'ni'),
      rule(/\.[a-zA-Z][a-zA-Z0-9_-]*/, 'na'),
      rule(/[A-Z]+/, 'nb'),
      rule(/[a-zA-Z][a-zA-Z0-9_-]*/, 'no'),
      rule(/[(),:]/, 'p'),
      rule(/->/, 'p'),
      rule(/\*/, 'pi'),
      rule(/-?\d+\.\d+?/, 'mf'),
      rule(/-?\d+/, 'mi'),
      rule(/"/, 's2', 'string'),
      rule(/(\[)(-?\d+\.\d+)(\])/, ['p', 'mf', 'p'], 'template'),
      rule(/(\[)(-?\d+)(\])/, ['p', 'mi', 'p'], 'template'),
      rule(/(\[)([a-zA-Z][a-zA-Z0-9_-]+)(\])/, ['p', 'ss', 'p'], 'template'),
    ],
    string: [
      rule(/\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{6}/, 'se'),
      rule(/\\./, 'se'),
      rule(/[^"\\]/, 's2'),
      rule(/"/, 's2', '#pop'),
    ],
  },
}));
