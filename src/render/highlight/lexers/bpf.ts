/**
 * BPF bytecode as `bpftool`/`llvm-objdump` print it (tag `bpf`), as Rouge 3.30 lexes it
 * (lexers/bpf.rb): instruction numbers `gl` with their raw bytes `g`, `call`/`goto`/`if`/`exit`…
 * `k`, registers `r0`/`w1` `n`, jump targets and labels `nl`, helper names `nb`, numbers `m`/`mi`,
 * `*(u32 *)(r1 + 4)` memory accesses (`kt` for the size), operators `o`; `//` and block comments.
 * Every rule is case-insensitive, as Rouge's are (its `\w` then also takes ſ and K in
 * JavaScript: the known difference of the regex translation).
 */
import { type LexerDef, type Rule, lazyLexer, rule } from '../engine.js';
import { guarded } from './loop-match.js';

const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isL = (c: number) => c === 108 || c === 76;

/**
 * Rouge's `(\w+)(\s*)(ll)` and `(\w+)(\s*)(:)` backtrack through the rest of a word wherever
 * they are tried, and a word no rule takes is read one character at a time: quadratic on a long
 * one. `(\w+)(\s*)(ll)` can only match where an `ll` starts inside the word after its first
 * character or follows it after blanks; `(\w+)(\s*)(:)` only where a `:` follows the word after
 * blanks. Checked first, with the word's facts remembered between its positions.
 */
function wordThen(ll: boolean, base: Rule): Rule {
  let seenText = '';
  let from = -1;
  let end = -1;
  let lastLl = -1;
  let after = false;
  return guarded(base, (text, pos) => {
    if (text !== seenText || pos < from || pos > end) {
      let i = pos;
      lastLl = -1;
      while (i < text.length && isWord(text.charCodeAt(i))) {
        if (i > pos && isL(text.charCodeAt(i)) && isL(text.charCodeAt(i - 1))) lastLl = i - 1;
        i++;
      }
      seenText = text;
      from = pos;
      end = i;
      after = false;
      // no word here: the rule fails, and scanning the blanks after it would be quadratic on a run of them
      if (i > pos) {
        let j = i;
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        after = ll ? isL(text.charCodeAt(j)) && isL(text.charCodeAt(j + 1)) : text[j] === ':';
      }
    }
    if (end <= pos) return false;
    return after || (ll && lastLl > pos);
  });
}

const TYPE_KEYWORDS = 'u8|u16|u32|u64|ll';
const MISC_KEYWORDS = 'be16|be32|be64|exit|lock|map';

export const bpf: LexerDef = lazyLexer('bpf', () => ({
  states: {
    root: [
      rule(/(\d+)(:)(\s+)(\(\h{2}\))/i, ['gl', 'p', 'w', 'g']),
      rule(/(\d+)(:)(\s+)((?:\h{2} ){8})/i, ['gl', 'p', 'w', 'g']),
      rule(/(\d+)(:)(\s+)/i, ['gl', 'p', 'w']),
      rule(/(call)(\s+)(\d+)/i, ['k', 'w', 'mi']),
      rule(/(call)(\s+)(\w+)(#)(\d+)/i, ['k', 'w', 'nb', 'p', 'mi']),
      rule(/(goto)(\s*)(\+\d+)?(\s*)(<?\w+>?)/i, ['k', 'w', 'mi', 'w', 'nl']),
      rule(
        /(if)(\s+)([rw]\d+)(\s*)([s!=<>]+)(\s*)(0x\h+|[-]?\d+)(\s*)(goto)(\s*)(\+\d+)?(\s*)(<?\w+>?)/i,
        ['k', 'w', 'n', 'w', 'o', 'w', 'm', 'w', 'k', 'w', 'mi', 'w', 'nl'],
      ),
      rule(
        /(if)(\s+)([rw]\d+)(\s*)([s!=<>]+)(\s*)([rw]\d+)(\s*)(goto)(\s*)(\+\d+)?(\s*)(<?\w+>?)/i,
        ['k', 'w', 'n', 'w', 'o', 'w', 'n', 'w', 'k', 'w', 'mi', 'w', 'nl'],
      ),
      rule(new RegExp(`(\\*)(\\s*)(\\()(${TYPE_KEYWORDS})(\\s*)(\\*)(\\))`, 'i'), ['o', 'w', 'p', 'kt', 'w', 'o', 'p'], 'address'),
      rule(/[+-\/\*&|><^s]{0,3}=/i, 'o'),
      rule(/([+-]?)([rw]\d+)/i, ['p', 'n']),
      rule(/\/\//, 'c1', 'linecomment'),
      rule(/\/\*/, 'cm', 'multilinescomment'),
      rule(new RegExp(MISC_KEYWORDS, 'i'), 'k'),
      rule(/(0x\h+|[-]?\d+)(\s*)(ll)?/i, ['m', 'w', 'kt']),
      wordThen(true, rule(/(\w+)(\s*)(ll)/i, ['n', 'w', 'kt'])),
      wordThen(false, rule(/(\w+)(\s*)(:)/i, ['nl', 'w', 'p'])),
      rule(/./s, ''),
    ],
    address: [
      rule(/(\()([rw]\d+)(\s*)([+-])(\s*)(\d+)(\))/i, ['p', 'n', 'w', 'o', 'w', 'mi', 'p'], '#pop'),
      rule(/(\w+)(\[)(\d+)(\])/i, ['n', 'p', 'mi', 'p'], '#pop'),
      rule(/(\w+)(\[)([rw]\d+)(\])/i, ['n', 'p', 'n', 'p'], '#pop'),
    ],
    linecomment: [rule(/\n/, 'c1', '#pop'), rule(/.+/, 'c1')],
    multilinescomment: [rule(/\*\//, 'cm', '#pop'), rule(/([^\*\/]+)/, 'cm'), rule(/([\*\/])/, 'cm')],
  },
}));
