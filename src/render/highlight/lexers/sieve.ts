/**
 * Sieve, the mail-filtering language (tag `sieve`), as Rouge 3.30 lexes it (lexers/sieve.rb):
 * control commands (`if elsif else require stop`) `k`, tests (`header address exists allof`…)
 * `nv`, actions (`fileinto redirect discard vacation`…) `nf`, `:tags` `o`, other words `nx`;
 * `"…"` `s2` with escapes `se` and `${var}` `si` (a newline inside is `err`, as in Rouge);
 * sizes `100K` `mi` (a number without a K, M or G suffix is `err`); `#` and block comments;
 * `[](),;{}` `p`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { guarded } from './loop-match.js';

const CONTROLS = new Set(['if', 'elsif', 'else', 'require', 'stop']);
const ACTIONS = new Set(`keep fileinto redirect discard addheader deleteheader reject ereject notify
  setflag addflag removeflag vacation replace enclose extracttext`.split(/\s+/));
const TESTS = new Set(`address allof anyof exists false header not size true body hasflag spamtest
  virustest date currentdate valid_notify_method notify_method_capability mailboxexists metadata
  metadataexists servermetadata servermetadataexists`.split(/\s+/));

/** Where the text's last block-comment closer (a star then a slash, maybe with a backslash-newline between) starts. */
let seen = '';
let lastClose = -1;
function lastCloser(text: string): number {
  if (text !== seen) {
    seen = text;
    lastClose = Math.max(text.lastIndexOf('*/'), text.lastIndexOf('*\\\n/'));
  }
  return lastClose;
}

/**
 * The end of the run of digits around a position, remembered between its positions: Rouge's
 * `[0-9]+[KMG]` scans the run at each of its digits, and a number without a suffix is read one
 * digit at a time (an error each), quadratic on a long one.
 */
let digitsSeen = '';
let digitsFrom = -1;
let digitsEnd = -1;
function digitsThenSuffix(text: string, pos: number): boolean {
  if (text !== digitsSeen || pos < digitsFrom || pos > digitsEnd) {
    let i = pos;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    digitsSeen = text;
    digitsFrom = pos;
    digitsEnd = i;
  }
  return digitsEnd > pos && 'KMG'.includes(text[digitsEnd] || '-');
}

export const sieve: LexerDef = lazyLexer('sieve', () => ({
  states: {
    comments_and_whitespace: [
      rule(/\s+/, ''),
      rule(/#.*/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      guarded(rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm'), (text, pos) => lastCloser(text) >= pos + 2),
    ],
    string: [
      rule(/\\./, 'se'),
      rule(/"/, 's2', '#pop'),
      rule(/\$\{(?:[0-9][.0-9]*|[a-zA-Z_][.a-zA-Z0-9_]*)\}/, 'si'),
      rule(/./, 's2'),
    ],
    root: [
      mixin('comments_and_whitespace'),
      rule(/[\[\](),;{}]/, 'p'),
      rule(/:?[a-zA-Z_][a-zA-Z0-9_]*/, (run, m) => {
        const w = m[0];
        if (CONTROLS.has(w)) run.token('k');
        else if (TESTS.has(w)) run.token('nv');
        else if (ACTIONS.has(w)) run.token('nf');
        else run.token(w.startsWith(':') ? 'o' : 'nx');
      }),
      rule(/"/, 's2', 'string'),
      guarded(rule(/[0-9]+[KMG]/, 'mi'), digitsThenSuffix),
    ],
  },
}));
