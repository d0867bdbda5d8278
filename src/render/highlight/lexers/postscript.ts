/**
 * PostScript (tag `postscript`; `postscr`, `ps`, `eps`), as Rouge 3.30 lexes it
 * (lexers/postscript.rb, adapted from Pygments): `%!` header lines `cp`, `%%` DSC comments `cs`,
 * other `%` comments `c1`; `(…)` strings `s` (nested parentheses, `\` escapes `se`); `/name`
 * `nv`; operators from Rouge's list `nb`; `eq ne ge gt le lt and or not if ifelse for forall`
 * `kr`; `true`/`false` `kc`; `<hex>` `mh`, `base#digits` `mo`, reals `mf`, integers `mi`;
 * other names `nf`; `{}<>[]` `p`.
 * Every rule but the comments', the strings' and `<hex>` ends with a lookahead for a delimiter
 * (`()<>[]{}/%` or whitespace): as in Rouge, a name or number at the very end of the text
 * without one after it is not matched (each of its characters is an error).
 */
import { type LexerDef, type Rule, lazyLexer, rule } from '../engine.js';
import { guarded } from './loop-match.js';

const DELIMITER = '()<>\\[\\]{}/%\\s';
const DELIMITER_END = `(?=[${DELIMITER}])`;
const VALID_NAME = `[^${DELIMITER}]+${DELIMITER_END}`;
const KEYWORDS = `abs add aload arc arcn array atan begin bind ceiling charpath clip closepath concat
  concatmatrix copy cos currentlinewidth currentmatrix currentpoint curveto cvi cvs def
  defaultmatrix dict dictstackoverflow div dtransform dup end exch exec exit exp fill findfont
  floor get getinterval grestore gsave identmatrix idiv idtransform index invertmatrix itransform
  length lineto ln load log loop matrix mod moveto mul neg newpath pathforall pathbbox pop print
  pstack put quit rand rangecheck rcurveto repeat restore rlineto rmoveto roll rotate round run
  save scale scalefont setdash setfont setgray setlinecap setlinejoin setlinewidth setmatrix
  setrgbcolor shfill show showpage sin sqrt stack stringwidth stroke strokepath sub syntaxerror
  transform translate truncate typecheck undefined undefinedfilename undefinedresult`
  .split(/\s+/)
  .join('|');
const NUMBER = '([0-9]+\\.?|[0-9]*\\.[0-9]+|[0-9]+\\.[0-9]*)((e|E)[0-9]+)?';

const isDelimiter = (c: string) => '()<>[]{}/% \t\n\v\f\r'.includes(c);

/**
 * The rules ending in a delimiter lookahead can only match the whole run of non-delimiters that
 * starts at the position (`skip` characters on, after `/`), and only where a delimiter follows
 * it; each failed attempt at the end of the text backtracks through the run, so a long word
 * there took quadratic time. They are tried only where the run ends before the text does (the
 * run's end remembered between positions).
 */
function beforeDelimiter(skip: number, base: Rule): Rule {
  let seenText = '';
  let from = -1;
  let end = -1;
  return guarded(base, (text, pos) => {
    const start = pos + skip;
    if (text !== seenText || start < from || start > end) {
      let i = start;
      while (i < text.length && !isDelimiter(text[i])) i++;
      seenText = text;
      from = start;
      end = i;
    }
    return end < text.length;
  });
}

export const postscript: LexerDef = lazyLexer('postscript', () => ({
  states: {
    root: [
      rule(/^%!.+?$/, 'cp'),
      rule(/%%.*?$/, 'cs'),
      rule(/(^%.*?$){2,}/, 'cm'),
      rule(/%.*?$/, 'c1'),
      rule(/\(/, 's', 'stringliteral'),
      beforeDelimiter(1, rule(`/${VALID_NAME}`, 'nv')),
      rule(/[{}<>\[\]]/, 'p'),
      beforeDelimiter(0, rule(`(?:${KEYWORDS})${DELIMITER_END}`, 'nb')),
      beforeDelimiter(0, rule(`(eq|ne|g[et]|l[et]|and|or|not|if(?:else)?|for(?:all)?)${DELIMITER_END}`, 'kr')),
      beforeDelimiter(0, rule(`(false|true)${DELIMITER_END}`, 'kc')),
      rule(`<[0-9A-Fa-f]+>${DELIMITER_END}`, 'mh'),
      // Rouge's "slight abuse": Oct for any explicit base
      beforeDelimiter(0, rule(`[0-9]+#(-|\\+)?${NUMBER}${DELIMITER_END}`, 'mo')),
      beforeDelimiter(0, rule(`(-|\\+)?${NUMBER}${DELIMITER_END}`, 'mf')),
      beforeDelimiter(0, rule(`(-|\\+)?[0-9]+${DELIMITER_END}`, 'mi')),
      beforeDelimiter(0, rule(VALID_NAME, 'nf')),
      rule(/\s+/, ''),
    ],
    stringliteral: [
      rule(/[^()\\]+/, 's'),
      rule(/\\/, 'se', 'escape'),
      rule(/\(/, 's', 'stringliteral'),
      rule(/\)/, 's', '#pop'),
    ],
    escape: [rule(/[0-8]{3}|n|r|t|b|f|\\|\(|\)/, 'se', '#pop')],
  },
}));
