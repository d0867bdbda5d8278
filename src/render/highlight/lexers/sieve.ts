/**
 * Sieve, the mail-filtering language (tag `sieve`), as Rouge 3.30 lexes it (lexers/sieve.rb):
 * control commands (`if elsif else require stop`) `k`, tests (`header address exists allof`…)
 * `nv`, actions (`fileinto redirect discard vacation`…) `nf`, `:tags` `o`, other words `nx`;
 * `"…"` `s2` with escapes `se` and `${var}` `si` (a newline inside is `err`, as in Rouge);
 * sizes `100K` `mi` (a number without a K, M or G suffix is `err`); `#` and block comments;
 * `[](),;{}` `p`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { guardedByRun, onlyBeforeBlockCommentCloser } from './loop-match.js';

const CONTROLS = new Set(['if', 'elsif', 'else', 'require', 'stop']);
const ACTIONS = new Set(`keep fileinto redirect discard addheader deleteheader reject ereject notify
  setflag addflag removeflag vacation replace enclose extracttext`.split(/\s+/));
const TESTS = new Set(`address allof anyof exists false header not size true body hasflag spamtest
  virustest date currentdate valid_notify_method notify_method_capability mailboxexists metadata
  metadataexists servermetadata servermetadataexists`.split(/\s+/));

/**
 * Rouge's `[0-9]+[KMG]` scans the run of digits at each of its digits, and a number without a
 * suffix is read one digit at a time (an error each): quadratic on a long one without the guard.
 */
const isDigit = (code: number) => code >= 48 && code <= 57;

export const sieve: LexerDef = lazyLexer('sieve', () => ({
  states: {
    comments_and_whitespace: [
      rule(/\s+/, ''),
      rule(/#.*/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyBeforeBlockCommentCloser(rule(/\/(\\\n)?[*].*?[*](\\\n)?\//s, 'cm')),
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
      guardedByRun(isDigit, rule(/[0-9]+[KMG]/, 'mi'), (text, pos, end) => end > pos && 'KMG'.includes(text[end] || '-')),
    ],
  },
}));
