/**
 * Dafny (tag `dafny`), as Rouge 3.30 lexes it (lexers/dafny.rb): keywords `kr`, types (`int`,
 * `seq`, `array2?`, `bv8`…) `kt`, `true false null` `kc`, `as is in` `ow`, other names `n`;
 * numbers `mi`/`mf`/`mh`/`mb`; `"…"` `s2`, `@"…"` verbatim strings `sx`, `'c'` `sc`; `//` `c1`
 * and nested block comments `cm`. Malformed literals (bad escapes, unclosed strings and chars,
 * `0x` without digits, names starting with a digit, a stray comment close) and any other character are
 * `err`, as in Rouge.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { guardedByRun } from './loop-match.js';

const words = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = words(`abstract allocated assert assume break by calc case class codatatype const
  constructor datatype decreases downto else ensures exists expect export extends false for
  forall fresh function ghost greatest if import include invariant iterator label least lemma
  match method modifies modify module nameonly new newtype null old opened predicate print
  provides reads refines requires return returns reveal reveals static then this to trait true
  twostate type unchanged var while witness yield yields`);
const LITERALS = words('true false null');
const TEXT_OPERATORS = words('as is in');
const TYPES = words('bool char int real string nat array array? object object? ORDINAL seq set iset map imap multiset');

const ID_CHAR = "[0-9a-zA-Z_'?]";
const ID = `[0-9a-zA-Z?]${ID_CHAR}*`;
const DIGITS = '\\d+(?:_\\d+)*';
const HEX_DIGITS = '[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*';
const CCHAR = `(?:[^\\\\'\\n\\r]|\\\\["'ntr\\\\0])`;
const SCHAR = `(?:[^\\\\"\\n\\r]|\\\\["'ntr\\\\0])`;
const UCHAR = '(?:\\\\u[0-9a-fA-F]{4})';

const isDigitOrUnderscore = (c: number) => (c >= 48 && c <= 57) || c === 95;
const isIdChar = (c: string | undefined) => c !== undefined && /[0-9a-zA-Z_'?]/.test(c);

/**
 * Rouge's `_[0-9_]+[_]?(?!idchar)` and `[0-9_]+_(?!idchar)`: inside a run of digits and
 * underscores every character is followed by an idchar, so both can only end where the run
 * does, and a failed attempt backtracks through the whole run — at each `_` of a long run of
 * them, quadratic. They match (the whole run) exactly where the run starting here is long enough,
 * starts (first rule) or ends (second) with `_`, and is not followed by an idchar: checked
 * first, the run's end remembered between positions.
 */
function digitRun(first: boolean, base: ReturnType<typeof rule>) {
  return guardedByRun(isDigitOrUnderscore, base, (text, pos, end) => {
    if (end - pos < 2 || isIdChar(text[end])) return false;
    return first ? text[pos] === '_' : text[end - 1] === '_';
  });
}

export const dafny: LexerDef = lazyLexer('dafny', () => ({
  states: {
    root: [
      rule(/\/\*/, 'cm', 'comment'),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\*\//, 'err'),
      rule(`'${CCHAR}'`, 'sc'),
      rule(`'${UCHAR}'`, 'sc'),
      rule(/'[^'\n\r]*'/, 'err'),
      rule(/'[^'\n\r]*$/, 'err'),
      rule(`"(?:${SCHAR}|${UCHAR})*"`, 's2'),
      rule(/".*"/, 'err'),
      rule(/".*$/, 'err'),
      rule(/@"([^"]|"")*"/, 'sx'),
      rule(/@".*/s, 'err'),
      rule(`${DIGITS}\\.${DIGITS}(?!${ID_CHAR})`, 'mf'),
      rule(`0b[01]+(?:_[01]+)*(?!${ID_CHAR})`, 'mb'),
      rule(`0b${ID_CHAR}*`, 'err'),
      rule(`0x${HEX_DIGITS}(?!${ID_CHAR})`, 'mh'),
      rule(`0x${ID_CHAR}*`, 'err'),
      rule(`${DIGITS}(?!${ID_CHAR})`, 'mi'),
      rule(`_(?!${ID_CHAR})`, 'n'),
      digitRun(true, rule(`_[0-9_]+[_]?(?!${ID_CHAR})`, 'err')),
      digitRun(false, rule(`[0-9_]+_(?!${ID_CHAR})`, 'err')),
      rule(`[0-9]${ID_CHAR}+`, 'err'),
      rule(`array(?:1[0-9]+|[2-9][0-9]*)\\??(?!${ID_CHAR})`, 'kt'),
      rule(`bv(?:0|[1-9][0-9]*)(?!${ID_CHAR})`, 'kt'),
      rule(ID, (run, m) => {
        const w = m[0];
        if (TYPES.has(w)) run.token('kt');
        else if (LITERALS.has(w)) run.token('kc');
        else if (TEXT_OPERATORS.has(w)) run.token('ow');
        else if (KEYWORDS.has(w)) run.token('kr');
        else run.token('n');
      }),
      rule(/\.\./, 'o'),
      rule(/[*!%&<>\|^+=:.\/-]/, 'o'),
      rule(/[\[\](){},;`]/, 'p'),
      rule(/[ \t\v\f\r]+/, ''),
      rule(/\n/, ''),
      rule(/./, 'err'),
    ],
    comment: [rule(/\*\//, 'cm', '#pop'), rule(/\/\*/, 'cm', 'comment'), rule(/[^*\/]+/, 'cm'), rule(/./, 'cm')],
  },
}));
