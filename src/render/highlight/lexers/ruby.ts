/**
 * Ruby (tags `ruby`, `rb`), as Rouge 3.30 lexes it.
 *
 * Rouge conventions reproduced: after a keyword, operator or punctuation an expression may start,
 * where `/` opens a regex (`sr`, `%r…` too), `?x` is a character (`sc`) and `%w(…)`-style
 * literals are `sx` (their delimiters nest); `def` names `nf`, classes `nc`,
 * `module` names `nn`; constants `no`; `@x` `vi`, `@@x` `vc`, `$x` `vg`; symbols and `key:` `ss`;
 * `"…"` `s2` with `#{…}` `si`; `'…'` `s1`; heredocs `sh` with the delimiters `no`; Kernel
 * methods such as `puts`, `require` `nb` even after a dot (the lookbehind meant to prevent that
 * cannot see before the scan position); `true false nil` and `include`, `raise`… `kp`.
 */
import { type LexerDef, type LexRun, type RuleSpec, RougeRaise, mixin, rule, lazyLexer } from '../engine.js';
import { ternaryRule } from './javascript.js';

const KEYWORDS = String.raw`BEGIN|END|alias|begin|break|case|defined\?|do|else|elsif|end|ensure|for|if|in|next|redo|rescue|raise|retry|return|super|then|undef|unless|until|when|while|yield`;
const KEYWORDS_PSEUDO =
  'loop|include|extend|raise|alias_method|attr|catch|throw|private|module_function|public|protected|true|false|nil|__FILE__|__LINE__';
const BUILTINS_G = (
  String.raw`attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload binding callcc ` +
  String.raw`caller catch chomp chop class_eval class_variables clone const_defined\? const_get const_missing const_set constants ` +
  'display dup eval exec exit extend fail fork format freeze getc gets global_variables gsub hash id included_modules ' +
  'inspect instance_eval instance_method instance_methods instance_variable_get instance_variable_set instance_variables ' +
  'lambda load local_variables loop method method_missing methods module_eval name object_id open p print printf ' +
  'private_class_method private_instance_methods private_methods proc protected_instance_methods protected_methods ' +
  'public_class_method public_instance_methods public_methods putc puts raise rand readline readlines require ' +
  'require_relative scan select self send set_trace_func singleton_methods sleep split sprintf srand sub syscall system ' +
  'taint test throw to_a to_s trace_var trap untaint untrace_var warn'
).split(' ').join('|');
const BUILTINS_Q =
  'autoload|block_given|const_defined|eql|equal|frozen|include|instance_of|is_a|iterator|kind_of|method_defined|nil|private_method_defined|protected_method_defined|public_method_defined|respond_to|tainted';
const BUILTINS_B = 'chomp|chop|exit|gsub|sub';

// The string and heredoc helpers below are shared with ./crystal.ts, whose Rouge lexer copies Ruby's.
const CLOSING: Record<string, string> = { '{': '}', '[': ']', '(': ')', '<': '>' };
/** Escape a character for a JS (u-mode) regex: `inClass` also escapes `-`, which u-mode rejects outside. */
const esc = (ch: string, inClass = false) =>
  /[\^$\\.*+?()[\]{}|\/]/.test(ch) || (inClass && ch === '-') ? '\\' + ch : ch;

export interface Heredoc {
  tolerant: boolean;
  name: string;
}
export const heredocs = (run: LexRun): Heredoc[] => (run.data.heredocs ??= []);

export function queueHeredoc(run: LexRun, m: RegExpExecArray, name: string): void {
  run.token('o', m[1]);
  run.token('no', `${m[2] ?? ''}${m[3] ?? ''}${m[4] ?? ''}`);
  heredocs(run).push({ tolerant: m[1] === '<<-' || m[1] === '<<~', name });
  if (run.stateName !== 'heredoc_queue') run.push('heredoc_queue');
}

/**
 * `%q(…)`, `%w[…]`, `%r{…}`, `%(…)`: a string state for this delimiter pair. `squeezed` for
 * Ruby's lexer, which squeezes the escaped delimiters (Crystal's, sharing this, does not).
 */
export function sigilString(run: LexRun, m: RegExpExecArray, squeezed = true): void {
  const kind = m[1] ?? '';
  const open = m[2];
  // Rouge builds this state's rules from `Regexp.escape(delimiter)` pairs run through `squeeze`:
  // for a backslash (`%\…\`, `%q\…\`) the four backslashes squeeze to one and the state's regexes
  // fail to compile ("too short escape sequence", ArgumentError) when it is pushed — Rouge raises,
  // kramdown lets it through and Jekyll's build fails (so do ERB, Haml, Slim and irb, which lex
  // their Ruby with this lexer).
  if (squeezed && open === '\\') throw new RougeRaise('too short escape sequence: a %-literal delimited by a backslash');
  const close = CLOSING[open] ?? open;
  const interp = /[rQWxI]/.test(kind);
  let tok = 'sx';
  if (kind === 'r') {
    tok = 'sr';
    run.push('regex_flags');
  }
  run.token(tok);
  const uniq = open === close && open === '#' ? '' : [...new Set([open, close])].map((ch) => esc(ch, true)).join('');
  // Crystal's rules put the delimiters in their classes unsqueezed: for `%&…&` that is `&&`, which
  // Onigmo reads as a class intersection — the escape `\\[#&&\\]` ([#] and [\\]) never matches and
  // the body `[^#&&\\]+` (not both) takes every character: the literal runs to the text's end
  // unless a `&` (or `#`, `\`, an interpolation) comes right where the body would start.
  const intersected = !squeezed && open === '&';
  run.pushDynamic(`sigil ${tok} ${open}${close} ${interp}`, () => {
    const rules: RuleSpec[] = intersected ? [] : [rule(String.raw`\\[#${uniq}\\]`, 'se')];
    if (open !== close) rules.push(rule(esc(open), tok, '#push'));
    rules.push(rule(esc(close), tok, '#pop'));
    if (interp) rules.push(mixin('string_intp_escaped'), rule(/#/, tok));
    else rules.push(rule(/[\\#]/, tok));
    rules.push(intersected ? rule(/[\s\S]+/, tok) : rule(String.raw`[^#${uniq}\\]+`, tok));
    return rules;
  });
}

export const simpleString = (tok: string, fin: string): RuleSpec[] => [
  mixin('string_intp_escaped'),
  rule(String.raw`[^\\${fin}#]+`, tok),
  rule(/[\\#]/, tok),
  rule(fin, tok, '#pop'),
];

/**
 * Rouge's single-quoted body (\\\\|\\'|[^'])* and its closing quote, without its exponential
 * backtracking: in V8 (and in Onigmo, so Jekyll hangs there) an unclosed quote followed by two
 * dozen backslashes took seconds, then minutes. Same matches, linear: the greedy path (a
 * backslash pairs with a following backslash or quote) ends at the first quote it does not pair;
 * where it runs off the end instead, every quote was paired, and backtracking ends at the last
 * one, which SINGLE_QUOTED_FALLBACK finds. Crystal's lexer shares it.
 */
export const SINGLE_QUOTED_BODY = String.raw`(?:[^'\\]|\\[\\']|\\(?![\\']))*'`;
export const SINGLE_QUOTED_FALLBACK = String.raw`[\s\S]*'`;

const DECIMAL = String.raw`[\d]+(?:_\d+)*`;
const EXP = String.raw`[eE][+\-]?\d+`;

export const ruby: LexerDef = lazyLexer('ruby', () => ({
  start: (run) => {
    run.push('expr_start');
    run.data.heredocs = [];
  },
  states: {
    symbols: [
      rule(/:@{0,2}[a-z_]\w*[!?]?/i, 'ss'),
      rule(/:(?:\*\*|[\-+]@|[\/%&|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)/, 'ss'),
      rule(`:'${SINGLE_QUOTED_BODY}|:'${SINGLE_QUOTED_FALLBACK}`, 'ss'),
      rule(/:"/, 'ss', 'simple_sym'),
    ],
    sigil_strings: [rule(/%([rqswQWxiI])?([^\w\s])/, sigilString)],
    strings: [
      mixin('symbols'),
      rule(/\b[a-z_]\w*?[?!]?:\s+/, 'ss', 'expr_start'),
      rule(`'${SINGLE_QUOTED_BODY}|'${SINGLE_QUOTED_FALLBACK}`, 's1'),
      rule(/"/, 's2', 'simple_string'),
      rule(/(?<!\.)`/, 'sb', 'simple_backtick'),
    ],
    regex_flags: [rule(/[mixounse]*/, 'sr', '#pop')],
    simple_string: simpleString('s2', '"'),
    simple_sym: simpleString('ss', '"'),
    simple_backtick: simpleString('sb', '`'),
    whitespace: [
      mixin('inline_whitespace'),
      rule(/\n\s*/, '', 'expr_start'),
      rule(/#.*$/, 'c1'),
      rule(/=begin\b.*?\n=end\b/s, 'cm'),
    ],
    inline_whitespace: [rule(/[ \t\r]+/, '')],
    root: [
      mixin('whitespace'),
      rule(/__END__/, 'cp', 'end_part'),
      rule(/0_?[0-7]+(?:_[0-7]+)*/, 'mo'),
      rule(/0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*/, 'mh'),
      rule(/0b[01]+(?:_[01]+)*/, 'mb'),
      rule(String.raw`${DECIMAL}(?:\.${DECIMAL}(?:${EXP})?|${EXP})`, 'mf'),
      rule(DECIMAL, 'mi'),
      rule(/@@[a-z_]\w*/i, 'vc'),
      rule(/@[a-z_]\w*/i, 'vi'),
      rule(/\$\w+/, 'vg'),
      rule(/\$[!@&`'+~=\/\\,;.<>_*$?:"]/, 'vg'),
      rule(/\$-[0adFiIlpvw]/, 'vg'),
      rule(/::/, 'o'),
      mixin('strings'),
      rule(String.raw`(?:${KEYWORDS})(?=\W|$)`, 'k', 'expr_start'),
      rule(String.raw`(?:${KEYWORDS_PSEUDO})\b`, 'kp', 'expr_start'),
      rule(/(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)/, ['k', '', 'nn']),
      rule(/(def\b)(\s*)/, ['k', ''], 'funcname'),
      rule(/(class\b)(\s*)/, ['k', ''], 'classname'),
      rule(String.raw`(?:${BUILTINS_Q})[?]`, 'nb', 'expr_start'),
      rule(String.raw`(?:${BUILTINS_B})!`, 'nb', 'expr_start'),
      rule(String.raw`(?<!\.)(?:${BUILTINS_G})\b`, 'nb', 'method_call'),
      mixin('has_heredocs'),
      rule(/\.{2,3}/, 'o', 'expr_start'),
      rule(/[A-Z][a-zA-Z0-9_]*/, 'no', 'method_call'),
      // Rouge's [*%&^`~+-\/\[<>=]: `+-\/` is a range, so `,` and `.` are method names too (`1. .`)
      rule(/(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/[<>=])/, ['p', '', 'nf'], 'method_call'),
      rule(/[a-zA-Z_]\w*[?!]/, 'n', 'expr_start'),
      rule(/[a-zA-Z_]\w*/, 'n', 'method_call'),
      rule(/\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\./, 'o', 'expr_start'),
      rule(/[\-+\/*%=<>&!^|~]=?/, 'o', 'expr_start'),
      ternaryRule(),
      rule(/[\[({,:\\;\/]/, 'p', 'expr_start'),
      rule(/[\])}]/, 'p'),
    ],
    has_heredocs: [
      rule(/(?<!\w)(<<[\-~]?)(["`']?)([a-zA-Z_]\w*)(\2)/, (run, m) => queueHeredoc(run, m, m[3])),
      rule(/(<<[\-~]?)(["'])(\2)/, (run, m) => queueHeredoc(run, m, '')),
    ],
    heredoc_queue: [rule(/(?=\n)/, (run) => run.goto('resolve_heredocs')), mixin('root')],
    resolve_heredocs: [
      mixin('string_intp_escaped'),
      rule(/\n/, 'sh', 'test_heredoc'),
      rule(/[#\\\n]/, 'sh'),
      rule(/[^#\\\n]+/, 'sh'),
    ],
    test_heredoc: [
      rule(/[^#\\\n]*$/, (run, m) => {
        const queue = heredocs(run);
        const first = queue[0];
        const check = first?.tolerant ? m[0].trim() : m[0].trimEnd();
        if (first && check === first.name) {
          queue.shift();
          if (!queue.length) run.pop();
          run.token('no');
        } else run.token('sh');
        run.pop();
      }),
      rule(/(?:)/, (run) => run.pop()),
    ],
    funcname: [
      rule(/\s+/, ''),
      rule(/\(/, 'p', 'defexpr'),
      rule(
        /(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[\-+]@?|[\/%&|^`~]|\[\]=?|<<?|>>?|<=>?|>=|===?)/,
        (run) => {
          run.groups('nc', 'o', 'nf');
          run.pop();
        },
      ),
      rule(/(?:)/, (run) => run.pop()),
    ],
    classname: [
      rule(/\s+/, ''),
      rule(/\w+(?:::\w+)+/, 'nc'),
      rule(/\(/, (run) => {
        run.token('p');
        run.push('defexpr');
        run.push('expr_start');
      }),
      rule(/<</, (run) => {
        run.token('o');
        run.goto('expr_start');
      }),
      rule(/[A-Z_]\w*/, 'nc', '#pop'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    ternary: [
      rule(/(:)(\s+)/, (run) => {
        run.groups('p', '');
        run.goto('expr_start');
      }),
      rule(/:(?![^#\n]*?[:\\])/, (run) => {
        run.token('p');
        run.goto('expr_start');
      }),
      mixin('root'),
    ],
    defexpr: [
      rule(/(\))(\.|::)?/, (run) => {
        run.groups('p', 'o');
        run.pop();
      }),
      rule(/\(/, (run) => {
        run.token('p');
        run.push('defexpr');
        run.push('expr_start');
      }),
      mixin('root'),
    ],
    in_interp: [rule(/\}/, 'si', '#pop'), mixin('root')],
    string_intp: [rule(/[#][{]/, 'si', 'in_interp'), rule(/#(?:@@?|\$)[a-z_]\w*/i, 'si')],
    string_intp_escaped: [
      mixin('string_intp'),
      rule(/\\(?:[\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})/, 'se'),
      rule(/\\./, 'se'),
    ],
    method_call: [
      rule(/\/|%/, (run) => {
        run.token('o');
        run.goto('expr_start');
      }),
      rule(/(?=\n)/, (run) => run.pop()),
      rule(/(?:)/, (run) => run.goto('method_call_spaced')),
    ],
    method_call_spaced: [
      mixin('whitespace'),
      rule(/[%\/]=/, (run) => {
        run.token('o');
        run.goto('expr_start');
      }),
      rule(/(\/)(?=\S|\s*\/)/, (run) => {
        run.token('sr');
        run.goto('slash_regex');
      }),
      mixin('sigil_strings'),
      rule(/(?=\s*\/)/, (run) => run.pop()),
      rule(/\s+/, (run) => {
        run.token('');
        run.goto('expr_start');
      }),
      rule(/(?:)/, (run) => run.pop()),
    ],
    expr_start: [
      mixin('inline_whitespace'),
      rule(/\//, (run) => {
        run.token('sr');
        run.goto('slash_regex');
      }),
      rule(/[?](?:\\[MC]-)*(?:\\(?:[\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)(?!\w)/, 'sc', '#pop'),
      // `% x ` (percent, space, word, space) is Str::Other in Rouge
      rule(/(\s*)(%[rqswQWxiI]? \S* )/, (run) => {
        run.groups('', 'sx');
        run.pop();
      }),
      mixin('sigil_strings'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    slash_regex: [
      mixin('string_intp'),
      rule(/\\\\/, 'sr'),
      rule(/\\\//, 'sr'),
      rule(/[\\#]/, 'sr'),
      rule(/[^\\\/#]+/, 'sr'),
      rule(/\//, (run) => {
        run.token('sr');
        run.goto('regex_flags');
      }),
    ],
    end_part: [rule(/.+/s, 'cp', '#pop')],
  },
}));

/**
 * The body of a `#{…}` in Haml and Slim (Rouge's `ruby`/`ruby_interp` states and their inner
 * one): braces nest in the state named `self`, and every piece goes to the Ruby lexer; the
 * closing `}` of the interpolation itself is the caller's rule.
 */
export function rubyBraceBody(self: string): RuleSpec[] {
  return [
    rule(/[{]/, (run) => {
      run.delegate(ruby);
      run.push(self);
    }),
    rule(/[}]/, (run) => {
      run.delegate(ruby);
      run.pop();
    }),
    rule(/[^{}]+/, (run) => run.delegate(ruby)),
  ];
}
