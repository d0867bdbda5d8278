/**
 * Tcl (tag `tcl`; `.tcl` files), as Rouge 3.30 lexes it: `{` `}` `(` `)` `[` `]` `p` with a state
 * per bracket, `$var`/`${var}` `nv`, `"…"` `s2` with escapes `se`, `#` comments `c1`; a command
 * word that is a keyword `k` or builtin `nb` (Rouge's lists), `else`/`then` `k` in arguments;
 * mismatched `)`/`]`/`}` `err`. Rouge's quirks kept: a command "word" runs up to `;`, a line end, a
 * tab or a closing bracket — spaces included — so `set x 1` is one plain word and keywords show
 * only when alone (`return`, `} else {`); text before an opening bracket, quote or backslash is
 * plain. A `}` inside a string closes the enclosing braces when no `{` was counted in strings;
 * outside braces, before any string `{`, Rouge fails on it (`nil - 1`, NoMethodError) and so
 * does Jekyll's build: RougeRaise.
 * For Tcl/Tk, EDA-tool (Vivado, Synopsys) and NS-2 scripting posts.
 */
import { type LexerDef, type LexRun, type RuleSpec, RougeRaise, lazyLexer, mixin, rule } from '../engine.js';

const KEYWORDS = new Set(
  'after apply array break catch continue elseif else error eval expr for foreach global if namespace proc rename return set switch then trace unset update uplevel upvar variable vwait while'.split(
    ' ',
  ),
);
const BUILTINS = new Set(
  'append bgerror binary cd chan clock close concat dde dict encoding eof exec exit fblocked fconfigure fcopy file fileevent flush format gets glob history http incr info interp join lappend lassign lindex linsert list llength load loadTk lrange lrepeat lreplace lreverse lsearch lset lsort mathfunc mathop memory msgcat open package pid pkg::create pkg_mkIndex platform platform::shell puts pwd re_syntax read refchan regexp registry regsub scan seek socket source split string subst tell time tm unknown unload'.split(
    ' ',
  ),
);

// Rouge's CHARS[…] / NOT_CHARS[…] classes
const END_WORD = String.raw`\)\]\};\n\r\t\v`;
const NOT_END_WORD = `[^${END_WORD}]`;

/** Pop to the innermost `brace` state and out of it (Rouge's `pop! until state? :brace; pop!`). */
function closeBrace(run: LexRun): void {
  while (run.stateName !== 'brace') run.pop();
  run.pop();
  run.token('p');
}

function commandState(name: string): RuleSpec[] {
  return [
    mixin('word'),
    rule(String.raw`#[^\)\]\};\n]+`, 'c1'),
    rule(`(?=[${END_WORD}])`, (run) => run.push(`params${name}`)),
    rule(`${NOT_END_WORD}+`, (run, m) => run.token(KEYWORDS.has(m[0]) ? 'k' : BUILTINS.has(m[0]) ? 'nb' : '')),
    mixin('whitespace'),
  ];
}

function delimiterStates(name: string, close: string, strict: boolean): Record<string, RuleSpec[]> {
  return {
    [`command_in_${name}`]: commandState(`_in_${name}`),
    [`params_in_${name}`]: [
      rule(close, (run) => {
        run.token('p');
        run.pop(2);
      }),
      // Rouge subtracts the close regex from a list of strings: nothing is removed
      rule(String.raw`[\)\]\}]`, strict ? 'err' : ''),
      mixin('params'),
    ],
    [name]: [rule(close, 'p', '#pop'), mixin(`command_in_${name}`)],
  };
}

export const tcl: LexerDef = lazyLexer('tcl', () => ({
  states: {
    word: [
      rule(/\{\*\}/, 'k'),
      mixin('brace_abort'),
      mixin('interp'),
      rule(/\{/, 'p', 'brace'),
      rule(/\(/, 'p', 'paren'),
      rule(/"/, 's2', 'string'),
      rule(`${NOT_END_WORD}+?(?=[\\(\\[\\{"\\\\])`, ''),
    ],
    brace_abort: [
      rule(/\}/, (run) => {
        if (run.inState('brace')) closeBrace(run);
        else run.token('err');
      }),
    ],
    params: [
      rule(/;/, 'p', '#pop'),
      rule(/\n/, '', '#pop'),
      rule(/else|elseif|then/, 'k'),
      mixin('word'),
      mixin('whitespace'),
      rule(`${NOT_END_WORD}+`, ''),
    ],
    ...delimiterStates('brace', String.raw`\}`, false),
    ...delimiterStates('paren', String.raw`\)`, true),
    ...delimiterStates('bracket', String.raw`\]`, true),
    command: commandState(''),
    root: [mixin('command')],
    whitespace: [rule(/\s+/, '')],
    interp: [
      rule(/\[/, 'p', 'bracket'),
      rule(/\$[a-z0-9.:-]+/, 'nv'),
      rule(/\$\{.*?\}/s, 'nv'),
      rule(/\$/, ''),
      rule(/\\[0-7]{3}/, 'se'),
      rule(/\\x[0-9a-f]{2}/i, 'se'),
      rule(/\\u[0-9a-f]{4}/i, 'se'),
      rule(/\\./s, 'se'),
    ],
    string: [
      rule(/"/, 's2', '#pop'),
      mixin('interp'),
      rule(/[^\\\[\$"{}]+/, 's2'),
      rule(/\{/, (run) => {
        run.data.braceCount = (run.data.braceCount ?? 0) + 1;
        run.token('s2');
      }),
      rule(/\}/, (run) => {
        const count: number | undefined = run.data.braceCount;
        if (run.inState('brace') && (count ?? 0) === 0) closeBrace(run);
        else {
          // Rouge: `@brace_count -= 1` on a count never set
          if (count === undefined) throw new RougeRaise("undefined method `-' for nil:NilClass");
          run.data.braceCount = count - 1;
          run.token('s2');
        }
      }),
    ],
  },
}));
