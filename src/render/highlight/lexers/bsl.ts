/**
 * 1C:Enterprise's language (tags `bsl`), as Rouge 3.30 lexes it (lexers/bsl.rb): its Russian and
 * English keywords `k` and builtin functions before `(` `nb` (Rouge's case-insensitive
 * alternations, BSL_KEYWORDS and BSL_BUILTINS in ../rouge-words.ts), other words `nv`; `&` and
 * `#` directives to the line's end `kd`; numbers and UUIDs `m`, `'…'` dates `ld`, `"…"` strings
 * `s1` and `|` continuation lines `s`; `//` comments `c1`.
 *
 * Rouge's rules start with `(?<=[^\wа-яё]|^)`: under StringScanner the text seems to begin at the
 * scan position, where `^` holds, so that lookbehind always passes and is left out.
 *
 * The two word rules are not compiled as regexes: the builtins' alternation is 15 KB of mostly
 * Cyrillic words, and compiling it case-insensitively took ~0.3 s at the first BSL block of a
 * build. They are matched through a trie of the case-folded words instead, keeping the
 * alternation's order: of the words the text starts with (case-insensitively) and that the
 * rule's lookahead accepts after, the first listed wins.
 */
import { type LexerDef, type Rule, type Tok, lazyLexer, rule } from '../engine.js';
import { BSL_BUILTINS, BSL_KEYWORDS } from '../rouge-words.js';
import { stickyMatcher } from './loop-match.js';

const LOOKBEHIND = '(?<=[^\\wа-яё]|^)(?:';
const KEYWORD_END = ')(?=[^\\wа-яё]|$)';
const BUILTIN_END = ')\\s*(?=\\()';

/** The words of one of Rouge's `LOOKBEHIND(?:a|b|…)END` sources, in order. */
function alternation(source: string, end: string): string[] {
  if (!source.startsWith(LOOKBEHIND) || !source.endsWith(end)) throw new Error('bsl: unexpected rule shape');
  const words = source.slice(LOOKBEHIND.length, -end.length).split('|');
  if (words.some((w) => !/^[0-9A-Za-zА-яЁё]+$/.test(w))) throw new Error('bsl: unexpected word');
  return words;
}

/**
 * Case folding as Onigmo's `/i` applies it to these words' letters (ASCII, Cyrillic): lower
 * case, and the characters that fold onto one without being its lower case — `ſ` (s), the Kelvin
 * sign (k) and the Cyrillic round and tall letter forms U+1C80–U+1C86 (в д о с т т ъ).
 */
const SPECIAL_FOLDS: Record<string, string> = {
  '\u017f': 's',
  '\u212a': 'k',
  '\u1c80': 'в',
  '\u1c81': 'д',
  '\u1c82': 'о',
  '\u1c83': 'с',
  '\u1c84': 'т',
  '\u1c85': 'т',
  '\u1c86': 'ъ',
};
const fold = (ch: string): string => SPECIAL_FOLDS[ch] ?? ch.toLowerCase();

/** Ruby's `[\wа-яё]` under `/i` (checked against Ruby 3.1 on every code point up to U+2FFFF). */
const WORD_CHAR = /[0-9A-Z_a-z\u0401\u0410-\u044f\u0451\u1c80-\u1c86]/;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Index of the word ending here in the alternation (the first, if listed twice). */
  word: number;
}

function trieOf(words: string[]): TrieNode {
  const root: TrieNode = { next: new Map(), word: -1 };
  words.forEach((w, index) => {
    let node = root;
    for (const ch of w) {
      const key = fold(ch);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), word: -1 }));
      node = child;
    }
    if (node.word < 0) node.word = index;
  });
  return root;
}

/**
 * A rule matching the first word (in the alternation's order) that the text at the position
 * starts with and after which `tail` matches (its length, or -1); `tok` for the word and tail.
 */
function wordsRule(words: () => string[], tail: (text: string, at: number) => number, tok: Tok): Rule {
  let trie: TrieNode | undefined;
  const re = stickyMatcher((text, pos) => {
    trie ??= trieOf(words());
    let node: TrieNode | undefined = trie;
    let best = -1;
    let bestEnd = -1;
    for (let i = pos; node; ) {
      if (node.word >= 0 && (best < 0 || node.word < best)) {
        const t = tail(text, i);
        if (t >= 0) {
          best = node.word;
          bestEnd = i + t;
        }
      }
      if (i >= text.length) break;
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      node = node.next.get(fold(ch));
      i += ch.length;
    }
    if (best < 0) return null;
    const m = [text.slice(pos, bestEnd)] as unknown as RegExpExecArray;
    m.index = pos;
    return m;
  });
  return { re, bol: false, action: (run) => run.token(tok) };
}

/** `(?=[^\wа-яё]|$)`: the end, or a character that is not a word character. */
const keywordTail = (text: string, at: number): number => {
  if (at >= text.length) return 0;
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(at)!)) ? -1 : 0;
};
/** `\s*(?=\()` */
const builtinTail = (text: string, at: number): number => {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 40 ? i - at : -1;
};

export const bsl: LexerDef = lazyLexer('bsl', () => ({
  states: {
    root: [
      rule(/\n/, ''),
      rule(/[ \t\v\f\r]+/, ''),
      rule(/\/\/.*$/, 'c1'),
      rule(/[\[\]:(),;]/, 'p'),
      rule(/&.*$/, 'kd'),
      rule(/[-+\/*%=<>.?&]/, 'o'),
      rule(/#.*$/, 'kd'),
      wordsRule(() => alternation(BSL_KEYWORDS, KEYWORD_END), keywordTail, 'k'),
      wordsRule(() => alternation(BSL_BUILTINS, BUILTIN_END), builtinTail, 'nb'),
      rule(/[\wа-яё][\wа-яё]*/i, 'nv'),
      rule(/\b((\h{8}-(\h{4}-){3}\h{12})|\d+\.?\d*)\b/, 'm'),
      rule(/'.*'/, 'ld'),
      rule(/".*?("|$)/, 's1'),
      rule(/\|((?!"").)*?("|$)/, 's'),
    ],
  },
}));
