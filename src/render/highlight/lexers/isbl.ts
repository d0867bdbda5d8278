/**
 * ISBL, the scripting language of the Directum/IS-Builder platform (tag `isbl`), as Rouge 3.30
 * lexes it (lexers/isbl.rb): words (Latin or Cyrillic, matched case-insensitively) looked up
 * lower-cased among its keywords `k` (English and Russian), constants `nb` and globals `vg`
 * (ISBL_* in ../rouge-words.ts), else `nv`; a word before `(` `nf`; after `:` a type (interfaces
 * `kt`) and after `.` a member (constants `nb`, in a type `kt`, else `n`); numbers `m`, strings,
 * `//` and block comments.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { ISBL_CONSTANTS, ISBL_GLOBALS, ISBL_INTERFACES } from '../rouge-words.js';
import { onlyWhereLater } from './loop-match.js';

const KEYWORDS = new Set(`and и else иначе endexcept endfinally endforeach конецвсе endif конецесли endwhile
  конецпока except exitfor finally foreach все if если in в not не or или try while пока`.split(/\s+/));

export const isbl: LexerDef = lazyLexer('isbl', () => ({
  states: {
    whitespace: [
      rule(/\s+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater('*/', 2, rule(/\/[*].*?[*]\//s, 'cm')),
    ],
    dotted: [
      mixin('whitespace'),
      rule(/[a-zа-яё_0-9]+/i, (run, m) => {
        if (ISBL_CONSTANTS.has(m[0].toLowerCase())) run.token('nb');
        else run.token(run.inState('type') ? 'kt' : 'n');
        run.pop();
      }),
    ],
    type: [
      mixin('whitespace'),
      rule(/[a-zа-яё_0-9]+/i, (run, m) => {
        run.token(ISBL_INTERFACES.has(m[0].toLowerCase()) ? 'kt' : 'n');
        run.pop();
      }),
      rule(/[.]/, 'p', 'dotted'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    root: [
      mixin('whitespace'),
      rule(/[:]/, 'p', 'type'),
      rule(/[.]/, 'p', 'dotted'),
      rule(/[\[\]();]/, 'p'),
      rule(/[&*+=<>\/-]/, 'o'),
      rule(/\b[a-zа-яё_][a-zа-яё_0-9]*(?=[(])/i, 'nf'),
      rule(/[a-zа-яё_!][a-zа-яё_0-9]*/i, (run, m) => {
        const name = m[0].toLowerCase();
        if (KEYWORDS.has(name)) run.token('k');
        else if (ISBL_CONSTANTS.has(name)) run.token('nb');
        else if (ISBL_GLOBALS.has(name)) run.token('vg');
        else run.token('nv');
      }),
      rule(/\b(\d+(\.\d+)?)\b/, 'm'),
      onlyWhereLater('"', 1, rule(/["].*?["]/s, 's2')),
      onlyWhereLater("'", 1, rule(/['].*?[']/s, 's1')),
    ],
  },
}));
