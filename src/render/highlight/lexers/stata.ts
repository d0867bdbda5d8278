/**
 * Stata (tag `stata`; `.do`/`.ado` files), as Rouge 3.30 lexes it: `#` lines `cp`, `*!` lines
 * `ch`, `*` comment lines and `//` comments `c1`, `/* … *\/` `cm`; a command from Rouge's list is
 * `k` only as the first word of a line (the match keeps the line's leading whitespace); strings,
 * `` `locals' `` and `$globals` `s2`; display formats (`%9.0g`) `py`; `str1`–`str2045` and the
 * type words `kt`; a function from Rouge's list `nf` only right before `(`; factor-variable and
 * time-series prefixes (`i.`, `L2.`) `o`; `if`/`foreach`/`forvalues`… `kr`; other words `n`.
 * Found in real teaching pages (Stata tutorials in economics course sites), which Jekyll
 * highlights with this lexer rather than leaving plain.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { afterBlankRun, dot, escapedDot, guarded, lastOnLine, lazyEscapes, loopRe, loopRule } from './loop-match.js';
import { STATA_FUNCTIONS, STATA_KEYWORDS, STATA_RESERVED_KEYWORDS, STATA_TYPE_KEYWORDS } from '../rouge-words.js';

// Rouge's command list (Stata::KEYWORDS) and function list (PRIMITIVE_FUNCTIONS) are used as
// regex alternations, as Rouge does: followed by `\b` (or `(?=\()`), only the alternative that
// runs to the end of the word can match, so the order of the words does not matter.
const alternation = (words: Iterable<string>) => [...words].join('|');
/** The characters a command of Rouge's list can start with. */
const keywordInitials = () => [...new Set([...STATA_KEYWORDS].map((w) => w[0]))].join('');

const isStataOperatorInitial = (c: number) => 'ICOicoLFDSlfds'.includes(String.fromCharCode(c));
/** Ruby's `\w` (ASCII). */
const isAsciiWord = (c: number) => c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const lastClosingBracket = lastOnLine(']');
const lastCallThenDot = lastOnLine(').');

export const stata: LexerDef = lazyLexer('stata', () => ({
  states: {
    root: [
      // The `^\s*X` rules only where the blanks from the line start end at an X (afterBlankRun).
      afterBlankRun('#', rule(/^\s*#.*$/, 'cp')),
      rule(/^\*!.*$/, 'ch'),
      afterBlankRun('*', rule(/^\s*\*.*$/, 'c1')),
      // only as the first word of a line; the token includes the whitespace before it
      afterBlankRun(keywordInitials(), rule(String.raw`^\s*(${alternation(STATA_KEYWORDS)})\b`, 'k')),
      rule(/[ \t]+/, 'w'),
      rule(/[\n\r]+/, ''),
      rule(/\/\/.*?$/, 'c1'),
      rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm'),
      loopRule(loopRe(/`"/y, () => [{ lazy: true, branches: [escapedDot, dot], close: `"'` }], /(?:)/y), (run) => run.token('s2')),
      rule(lazyEscapes('"'), 's2'),
      loopRule(loopRe(/`/y, () => [{ lazy: true, branches: [escapedDot, dot], close: "'" }], /(?:)/y), (run) => run.token('s2')),
      // Rouge's lookbehind `(?<!\w)` sees nothing under StringScanner, so `a$b` also matches here
      rule(/(?<!\w)\$\w+/, 's2'),
      rule(/%\S+/, 'py'),
      rule(/\bstr(204[0-5]|20[0-3][0-9]|[01][0-9][0-9][0-9]|[0-9][0-9][0-9]|[0-9][0-9]|[1-9])\b/, 'kt'),
      rule(String.raw`\b(${alternation(STATA_FUNCTIONS)})(?=\()`, 'nf'),
      // Rouge's `\.\.(?=.*\])`, its lookahead answered by where the line's last `]` is (lastOnLine):
      // run at each `..` of a long line, the lookahead scanned to its end each time (quadratic)
      guarded(rule(/\.\./, 'o'), (text, pos) => lastClosingBracket(text, pos) >= pos + 2),
      rule(/[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?/, 'm'),
      rule(/\b[ICOicoLFDSlfds]\w*\./, 'o'),
      // Rouge's `\b[ICOicoLFDSlfds]\w*(?=\(.*\)\.)`: the greedy `\w*` ends where the run does
      // (`(` is no word character), and the rest of the lookahead is answered by where the line's
      // last `).` is (lastOnLine), not by scanning the line again from each such word
      guarded(rule(/\b[ICOicoLFDSlfds]\w*/, 'o'), (text, pos) => {
        if (!isStataOperatorInitial(text.charCodeAt(pos))) return false;
        let end = pos + 1;
        while (end < text.length && isAsciiWord(text.charCodeAt(end))) end++;
        return text[end] === '(' && lastCallThenDot(text, pos) >= end + 1;
      }),
      rule(/\w+/, (run, m) => {
        if (STATA_RESERVED_KEYWORDS.has(m[0])) run.token('kr');
        else if (STATA_TYPE_KEYWORDS.has(m[0])) run.token('kt');
        else run.token('n');
      }),
      rule(/[\[\]{}();,]/, 'p'),
      rule(/[-<>?*+'^/\\!#.=~:&|]/, 'o'),
    ],
  },
}));
