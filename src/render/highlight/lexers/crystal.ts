/**
 * Crystal (tag `crystal`, alias `cr`; `.cr` files), as Rouge 3.30 lexes it (lexers/crystal.rb,
 * an adaptation of its Ruby lexer): the same expression-start machinery (`/` opens a regex `sr`,
 * `?x` is a character `sc`, `%w(…)` literals `sx` whose delimiters nest), `def`/`macro` names
 * `nf`, classes `nc`, `module` names `nn`, constants `no`, `@x` `vi`, `@@x` `vc`, `$x` `vg`,
 * symbols and `key:` `ss`, `"…"` `s2` with `#{…}` `si` and `\u{…}` escapes `se`, heredocs `sh`
 * (delimiters `no`), `@[Attr]` annotations `nd`, `{% %}` `p`, numbers with `_i64`/`_f32`
 * suffixes, Crystal's keywords `k` and pseudo-keywords (`getter`, `property`, `record`…) `kp`.
 * Kept from Rouge: its `'…'` rule emits the opening quote, an escape right after it, only the
 * last character (or pair) its repeated group matched, and the closing quote — so `'abc'` comes
 * out as `'c'` (the engine test allows Crystal this loss of text; snippets/crystal/constructs.txt
 * pins it).
 * For Crystal posts and shard READMEs.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';
import { ternaryRule, ternaryState } from './javascript.js';
import { rubyRstrip, rubyStrip } from '../../../ruby/strings.js';
import { SINGLE_QUOTED_BODY, SINGLE_QUOTED_FALLBACK, heredocs, queueHeredoc, sigilString, simpleString } from './ruby.js';

const KEYWORDS = String.raw`BEGIN END alias begin break case defined\? do else elsif end
  ensure for if ifdef in next redo rescue raise retry return super then
  undef unless until when while yield lib fun type of as`;
// joined as they are: `getter?` is a regex here (gette, optional r), as in Rouge
const KEYWORDS_PSEUDO = `initialize new loop include extend raise attr_reader attr_writer
  attr_accessor alias_method attr catch throw private module_function
  public protected true false nil __FILE__ __LINE__
  getter getter? getter! property property? property! struct record`;
const BUILTINS_G = `abort ancestors at_exit
  caller catch chomp chop clone constants
  display dup eval exec exit extend fail fork format freeze
  getc gets global_variables gsub hash id included_modules
  inspect instance_eval instance_method instance_methods
  lambda loop method method_missing
  methods module_eval name object_id open p print printf
  proc putc puts raise rand
  readline readlines require scan select self send
  sleep split sprintf srand sub syscall system
  test throw to_a to_s trap warn`;
const BUILTINS_Q = 'eql equal include is_a iterator kind_of nil';
const BUILTINS_B = 'chomp chop exit gsub sub';
const alt = (words: string) => words.trim().split(/\s+/).join('|');

// Rouge's /[a-z_]\w*/i: under /i Onigmo's [a-z] also takes ſ and K (they case-fold to s and k),
// its \w does not; JavaScript's \w would under the i flag, so the class is written out instead
const NAME = '[a-zA-Z_\\u017f\\u212a]\\w*';

// Rouge's (\\\\|\\'|[^'])* before a closing quote, without its exponential backtracking: see
// SINGLE_QUOTED_BODY in ./ruby.ts.
const QUOTED_BODY = SINGLE_QUOTED_BODY;
const CHAR_ESCAPE = String.raw`(\\u[a-fA-F0-9]{4}|\\u\{[a-fA-F0-9]{1,6}\}|\\[abefnrtv])?`;

/**
 * The last iteration of Rouge's (\\\\|\\'|[^'])* over `body` (what its group 3 holds): on the
 * greedy path the last unit of the pairing parse; on the backtracked path (`paired` false) the
 * backslash that was paired with the closing quote.
 */
function lastUnit(body: string, greedy: boolean): string | undefined {
  if (!body) return undefined;
  if (!greedy) return '\\';
  let last = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    const n = body[i + 1];
    const size = c === '\\' && (n === '\\' || n === "'") ? 2 : body.codePointAt(i)! > 0xffff ? 2 : 1;
    last = body.slice(i, i + size);
    i += size;
  }
  return last;
}

export const crystal: LexerDef = lazyLexer('crystal', () => ({
  start: (run) => {
    run.push('expr_start');
    run.data.heredocs = [];
  },
  states: {
    symbols: [
      rule(`:@{0,2}${NAME}[!?]?`, 'ss'),
      rule(/:(?:===|=?~|\[\][=?]?|\*\*=?|\/\/=?|[=^*/+-]=?|&[&*+-]?=?|\|\|?=?|![=~]?|%=?|<=>|<<?=?|>>?=?|\.\.\.?)/, 'ss'),
      rule(`:'${QUOTED_BODY}|:'${SINGLE_QUOTED_FALLBACK}`, 'ss'),
      rule(/:"/, 'ss', 'simple_sym'),
    ],
    sigil_strings: [rule(/%([rqswQWxiI])?([^\w\s}])/, (run, m) => sigilString(run, m, false))],
    strings: [
      mixin('symbols'),
      rule(/\b[a-z_]\w*?[?!]?:\s+/, 'ss', 'expr_start'),
      rule(/"/, 's2', 'simple_string'),
      rule(/(?<!\.)`/, 'sb', 'simple_backtick'),
      rule(String.raw`(')${CHAR_ESCAPE}(${QUOTED_BODY.slice(0, -1)})(')|(')${CHAR_ESCAPE}([\s\S]*)(')`, (run, m) => {
        const greedy = m[1] !== undefined;
        const [open, escape, body, close] = greedy ? [m[1], m[2], m[3], m[4]] : [m[5], m[6], m[7], m[8]];
        run.token('s1', open);
        run.token('se', escape);
        run.token('s1', lastUnit(body, greedy));
        run.token('s1', close);
      }),
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
      rule(/0o[0-7]+(?:_[0-7]+)*/, 'mo'),
      rule(/0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*/, 'mh'),
      rule(/0b[01]+(?:_[01]+)*/, 'mb'),
      rule(/\d+\.\d+(e[+-]?\d+)?(_f32)?/i, 'mf'),
      rule(/\d+(e[+-]?\d+)/i, 'mf'),
      rule(/\d+_f32/i, 'mf'),
      rule(/[\d]+(?:_\d+)*(_[iu]\d+)?/, 'mi'),
      rule(/@\[([^\]]+)\]/, 'nd'),
      rule(`@@${NAME}`, 'vc'),
      rule(`@${NAME}`, 'vi'),
      rule(/\$\w+/, 'vg'),
      rule(/\$[!@&`'+~=/\\,;.<>_*$?:"]/, 'vg'),
      rule(/\$-[0adFiIlpvw]/, 'vg'),
      rule(/::/, 'o'),
      mixin('strings'),
      rule(String.raw`(?:${alt(KEYWORDS)})\b`, 'k', 'expr_start'),
      rule(String.raw`(?:${alt(KEYWORDS_PSEUDO)})\b`, 'kp', 'expr_start'),
      rule(/(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)/, ['k', '', 'nn']),
      rule(/(def|macro\b)(\s*)/, ['k', ''], 'funcname'),
      rule(/(class\b)(\s*)/, ['k', ''], 'classname'),
      rule(String.raw`(?:${alt(BUILTINS_Q)})[?]`, 'nb', 'expr_start'),
      rule(String.raw`(?:${alt(BUILTINS_B)})!`, 'nb', 'expr_start'),
      rule(String.raw`(?<!\.)(?:${alt(BUILTINS_G)})\b`, 'nb', 'method_call'),
      mixin('has_heredocs'),
      // `..` and `...` for ranges must have higher priority than `.`
      rule(/\.{2,3}/, 'o', 'expr_start'),
      rule(/[A-Z][a-zA-Z0-9_]*/, 'no', 'method_call'),
      // Rouge's [*%&^`~+-\/\[<>=]: `+-\/` is a range, so `,` and `.` are in it too
      rule(/(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/[<>=])/, ['p', '', 'nf'], 'method_call'),
      rule(/[a-zA-Z_]\w*[?!]/, 'n', 'expr_start'),
      rule(/[a-zA-Z_]\w*/, 'n', 'method_call'),
      rule(/\*\*|\/\/|>=|<=|<=>|<<?|>>?|=~|={3}|!~|&&?|\|\||\./, 'o', 'expr_start'),
      rule(/\{%|%\}/, 'p'),
      rule(/[-+/*%=<>&!^|~]=?/, 'o', 'expr_start'),
      ternaryRule(),
      rule(/[[({,:\\;/]/, 'p', 'expr_start'),
      rule(/[\])}]/, 'p'),
    ],
    has_heredocs: [
      rule(/(?<!\w)(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2)/, (run, m) => queueHeredoc(run, m, m[3])),
      rule(/(<<[-~]?)(["'])(\2)/, (run, m) => queueHeredoc(run, m, '')),
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
        const check = first?.tolerant ? rubyStrip(m[0]) : rubyRstrip(m[0]);
        if (first && check === first.name) {
          queue.shift();
          if (!queue.length) run.pop();
          run.token('no');
        } else run.token('sh');
        run.pop();
      }),
      rule('', (run) => run.pop()),
    ],
    funcname: [
      rule(/\s+/, ''),
      rule(/\(/, 'p', 'defexpr'),
      rule(/(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&|^`~]|\[\]=?|<<?|>>?|<=>?|>=|===?)/, (run) => {
        run.groups('nc', 'o', 'nf');
        run.pop();
      }),
      rule('', (run) => run.pop()),
    ],
    classname: [
      rule(/\s+/, ''),
      rule(/\(/, (run) => {
        run.token('p');
        run.push('defexpr');
        run.push('expr_start');
      }),
      // class << expr
      rule(/<</, (run) => {
        run.token('o');
        run.goto('expr_start');
      }),
      rule(/[A-Z_]\w*/, 'nc', '#pop'),
      rule('', (run) => run.pop()),
    ],
    ternary: ternaryState(/:(?!:)/),
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
    string_intp: [rule(/[#][{]/, 'si', 'in_interp'), rule(`#(@@?|\\$)${NAME}`, 'si')],
    string_intp_escaped: [
      mixin('string_intp'),
      rule(/\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})/, 'se'),
      rule(/\\u([a-fA-F0-9]{4}|\{[^}]+\})/, 'se'),
      rule(/\\./, 'se'),
    ],
    method_call: [
      rule(/\//, (run) => {
        run.token('o');
        run.goto('expr_start');
      }),
      rule(/(?=\n)/, (run) => run.pop()),
      rule('', (run) => run.goto('method_call_spaced')),
    ],
    method_call_spaced: [
      mixin('whitespace'),
      rule(/[%/]=/, (run) => {
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
      rule('', (run) => run.pop()),
    ],
    expr_start: [
      mixin('inline_whitespace'),
      rule(/\//, (run) => {
        run.token('sr');
        run.goto('slash_regex');
      }),
      // char operator. ?x evaluates to "x", unless there's a digit beforehand like x>=0?n[x]:""
      rule(/[?](\\[MC]-)*(\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)(?!\w)/, 'sc', '#pop'),
      // special case for using a single space
      rule(/(\s*)(%[rqswQWxiI]? \S* )/, (run) => {
        run.groups('', 'sx');
        run.pop();
      }),
      mixin('sigil_strings'),
      rule('', (run) => run.pop()),
    ],
    slash_regex: [
      mixin('string_intp'),
      rule(/\\\\/, 'sr'),
      rule(/\\\//, 'sr'),
      rule(/[\\#]/, 'sr'),
      rule(/[^\\/#]+/, 'sr'),
      rule(/\//, (run) => {
        run.token('sr');
        run.goto('regex_flags');
      }),
    ],
    // eat up the rest of the stream as Comment::Preproc
    end_part: [rule(/.+/s, 'cp', '#pop')],
  },
}));
