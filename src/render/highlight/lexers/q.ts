/**
 * Q, kdb+'s language (tags `q`, `kdb+`; `.q` files), as Rouge 3.30 lexes it (lexers/q.rb): a `#!`
 * first line `cp`; indented lines at the top of the file `cs` (q ignores them); then names:
 * keywords `k` (`select`, `from`…), word operators `ow` (`xbar`, `lj`…), builtins `nb`, `.z.`/`.Q.`
 * /`.q.`/`.h.`/`.o.` names `no`, else `n`; `/` comments `c1` (after whitespace), `/`…`\` blocks and
 * `/` lines with their indented continuation `cm`; a `\` line ends the code (the rest `cm`);
 * `"…"` `s` with escapes `se`; timestamps, times and dates `ld`; `0N`/`0w` nulls `kc`; numbers
 * `mf`/`mh`/`mb`/`mi`; `` `symbols `` `ss`; adverbs and operators `o`; brackets `p`; `x)` at a
 * line's start `kd`; `\cmd` lines bare.
 * For kdb+/q tick-data and finance posts.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { onlyWhereLater, onlyWhereRunThen } from './loop-match.js';

const KEYWORDS = new Set('do if while select update delete exec from by'.split(' '));
const WORD_OPERATORS = new Set(
  `and or except inter like each cross vs sv within where in asof bin binr cor cov cut ej fby
  div ij insert lj ljf mavg mcount mdev mmax mmin mmu mod msum over prior peach pj scan scov setenv ss
  sublist uj union upsert wavg wsum xasc xbar xcol xcols xdesc xexp xgroup xkey xlog xprev xrank`.split(/\s+/),
);
const BUILTINS = new Set(
  `first enlist value type get set count string key max min sum prd last flip distinct raze neg
  desc differ dsave dev eval exit exp fills fkeys floor getenv group gtime hclose hcount hdel hopen hsym
  iasc idesc inv keys load log lsq ltime ltrim maxs md5 med meta mins next parse plist prds prev rand rank ratios
  read0 read1 reciprocal reverse rload rotate rsave rtrim save sdev show signum sin sqrt ssr sums svar system
  tables tan til trim txf ungroup var view views wj wj1 ww`.split(/\s+/),
);

/** Ruby's `\s`: ASCII whitespace. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

export const q: LexerDef = lazyLexer('q', () => ({
  states: {
    root: [rule(/#!(.*?)$/, 'cp', 'top'), rule(/(?:)/, '', 'top')],
    top: [rule(/^[ \t\r]+.*$/, 'cs'), rule(/\n+/, ''), rule(/(?:)/, '', 'base')],
    base: [
      rule(/\n+/, ''),
      rule(/^.\)/, 'kd'),
      rule(/\.?[a-z][a-z0-9_.]*/i, (run, m) => {
        const w = m[0];
        if (KEYWORDS.has(w)) run.token('k');
        else if (WORD_OPERATORS.has(w)) run.token('ow');
        else if (BUILTINS.has(w)) run.token('nb');
        else if (/^\.[zQqho]\./.test(w)) run.token('no');
        else run.token('n');
      }),
      // only where the whitespace run ends at a `/` (a long run was quadratic)
      onlyWhereRunThen(isSpace, '/', rule(/\s+\/.*/, 'c1')),
      rule(/[ \t\r]+/, 'w'),
      // needs a line `\` later on: only tried where one is left (linear on many `/` lines)
      onlyWhereLater('\n\\', 1, rule(/^\/$.*?^\\$/s, 'cm')),
      rule(/^\/[^\n]*$(\n[ \t\v\f\r]+.*$)*/, 'cm'),
      rule(/^\\$/, 'c', 'bottom'),
      rule(/^\\\\\s+/, 'k', 'bottom'),
      rule(/"/, 's', 'string'),
      rule(/(?:\d+D|\d{4}\.[01]\d\.[0123]\d[DT])(?:[012]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?|([012]\d)?)[zpn]?\b/, 'ld'),
      rule(/[012]\d:[0-5]\d(?::[0-5]\d(\.\d+)?)?[uvtpn]?\b/, 'ld'),
      rule(/\d{4}\.[01]\d\.[0-3]\d[dpnzm]?\b/, 'ld'),
      rule(/0[nNwW][hijefcpmdznuvt]?/, 'kc'),
      rule(/'|\/:|\\:|':|\\|\/|0:|1:|2:/, 'o'),
      rule(/(\d+[.]\d*|[.]\d+)(e[+-]?\d+)?[ef]?/, 'mf'),
      rule(/\d+e[+-]?\d+[ef]?/, 'mf'),
      rule(/\d+[ef]/, 'mf'),
      rule(/0x[0-9a-f]+/i, 'mh'),
      rule(/[01]+b/, 'mb'),
      rule(/[0-9]+[hij]?/, 'mi'),
      rule(/(`:[:a-z0-9._/]*|`(?:[a-z0-9.][:a-z0-9._]*)?)/i, 'ss'),
      rule(/(?:<=|>=|<>|::)|[?:$%&|@._#*^\-+~,!><=]:?/, 'o'),
      rule(/[{}[\]();]/, 'p'),
      rule(/\\.*\n/, ''),
    ],
    string: [
      rule(/\\"/, 's'),
      rule(/"/, 's', '#pop'),
      rule(/\\([\\nr]|[01][0-7]{2})/, 'se'),
      rule(/[^\\"\n]+/, 's'),
      rule(/\\/, 's'),
    ],
    bottom: [rule(/.+\z/s, 'cm')],
  },
}));
