/**
 * API Blueprint (tags `apiblueprint`, `apib`), as Rouge 3.30 lexes it (lexers/apiblueprint.rb,
 * `APIBlueprint < Markdown`): markdown.ts's states with rules before its root's — `name: value`
 * metadata anywhere `nv p s`, `# Group …` headings `p k gh`, `# Resource [/path]` `p gh s`,
 * `+ Relation:`, `+ Attributes`/`Parameters` and `+ Request`/`Response 200` lines `p k (m) s`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { afterBlankRun, guardedByRun, onlyWhereLineEndsWith } from './loop-match.js';
import { markdown } from './markdown.js';

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * Whether a `:` lies after the first character of the run of non-spaces `[pos, end)`, as Rouge's
 * `(\S+)(:…` needs; the run's last `:` is found once per run and reused at its later positions
 * (Markdown lexes a long word one piece at a time, and the regex would rescan the run each time).
 */
let colonText = '';
let colonFrom = -1;
let colonEnd = -1;
let colonLast = -1;
function colonLater(text: string, pos: number, end: number): boolean {
  // a run of fewer than two characters holds no `:` after its first; and the search stays within
  // the run (a search back from each blank to the text's start was quadratic on blank lines)
  if (end - pos < 2) return false;
  if (text !== colonText || end !== colonEnd || pos < colonFrom) {
    colonText = text;
    colonFrom = pos;
    colonEnd = end;
    colonLast = -1;
    for (let i = end - 1; i > pos; i--) {
      if (text.charCodeAt(i) === 58) {
        colonLast = i;
        break;
      }
    }
  }
  return colonLast > pos;
}

export const apiblueprint: LexerDef = lazyLexer('apiblueprint', () => ({
  start: markdown.start,
  states: {
    ...markdown.states,
    root: [
      guardedByRun((c) => !isSpace(c), rule(/(\S+)(:\s*)(.*)$/, ['nv', 'p', 's']), colonLater),
      rule(/^(#+)(\s*Group\s+)(.*)$/, ['p', 'k', 'gh']),
      // a line of `#`s not ending in `]` would be rescanned at each split (quadratic): tried only
      // on lines that end in `]`, as it needs
      onlyWhereLineEndsWith(']', false, rule(/^(#+)(.*)(\[.*\])$/, ['p', 'gh', 's'])),
      rule(/^([\+\-\*])(\s*Relation:)(\s*.*)$/, ['p', 'k', 's']),
      // tried only where the blanks from the line's start (newlines included) end at a list
      // marker (afterBlankRun): on many blank lines each line's start scanned the rest of them
      afterBlankRun('+-*', rule(/^(\s+[\+\-\*]\s*)(Attributes|Parameters)(.*)$/, ['p', 'k', 's'])),
      rule(/^([\+\-\*]\s*)(Request|Response)(\s+\d\d\d)?(.*)$/, ['p', 'k', 'm', 's']),
      ...markdown.states.root,
    ],
  },
}));
