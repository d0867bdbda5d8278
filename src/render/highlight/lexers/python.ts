/**
 * Python, as Rouge 3.30 lexes it (tags `python`, `py`).
 *
 * Rouge conventions this reproduces (they differ from Pygments and Prism):
 * - every string body and its quotes are plain `s` (no `s1`/`s2`); a prefix like `f`/`rb` is `sa`;
 *   escapes are `se` except in raw strings; f-string braces, `!r` and `:` are `si` and the
 *   expression inside is lexed as Python again;
 * - a comment's span includes the newline that ends it (`c1`);
 * - `import x.y` → `kn nn`, `from a import` → `kn nn kn`; `in is and or not` → `ow`;
 *   `self None True False Ellipsis NotImplemented` → `bp`; builtins and exception names → `nb`;
 *   `def`/`class` → `k` then the name `nf`/`nc`; decorators `nd`;
 * - a name right after `.` is always `n` (even `np.sum`), keywords included;
 * - `print` and `exec` are keywords (`k`), as in Python 2.
 */
import { type LexerDef, type LexRun, type RuleSpec, rule, lazyLexer } from '../engine.js';

export const KEYWORDS = new Set(
  ('assert break continue del elif else except exec finally for global if lambda pass print ' +
    'raise return try while yield as with from import async await nonlocal').split(' '),
);
const BUILTINS = new Set(
  ('__import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable chr ' +
    'classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit ' +
    'file filter float format frozenset getattr globals hasattr hash hex id input int intern ' +
    'isinstance issubclass iter len list locals long map max memoryview min next object oct open ' +
    'ord pow property range raw_input reduce reload repr reversed round set setattr slice sorted ' +
    'staticmethod str sum super tuple type unichr unicode vars xrange zip').split(' '),
);
const PSEUDO = new Set('self None Ellipsis NotImplemented False True'.split(' '));
const EXCEPTIONS = new Set(
  ('ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError ' +
    'BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ' +
    'ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EnvironmentError ' +
    'Exception FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit ' +
    'IOError ImportError ImportWarning IndentationError IndexError InterruptedError ' +
    'IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError ' +
    'NameError NotADirectoryError NotImplemented NotImplementedError OSError OverflowError ' +
    'OverflowWarning PendingDeprecationWarning ProcessLookupError RecursionError ReferenceError ' +
    'ResourceWarning RuntimeError RuntimeWarning StandardError StopAsyncIteration StopIteration ' +
    'SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError ' +
    'UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError ' +
    'UnicodeTranslateError UnicodeWarning UserWarning ValueError VMSError Warning ' +
    'WindowsError ZeroDivisionError').split(' '),
);

// Onigmo's [[:alpha:]] / [[:alnum:]] on UTF-8 text are Unicode Alphabetic (+ decimal digits).
const ID = String.raw`[\p{Alphabetic}_][\p{Alphabetic}\p{Nd}_]*`;
export const DOTTED_ID = String.raw`[\p{Alphabetic}_.][\p{Alphabetic}\p{Nd}_.]*`;
const DIGITS = String.raw`[0-9](?:_?[0-9])*`;
const DECIMAL = String.raw`(?:(?:${DIGITS})?\.${DIGITS}|${DIGITS}\.)`;
const EXPONENT = String.raw`[eE][+\-]?${DIGITS}`;

interface StrFrame {
  type: string;
  delim: string;
}
const strings = (run: LexRun): StrFrame[] => (run.data.strings ??= []);
const topString = (run: LexRun): StrFrame | undefined => strings(run)[strings(run).length - 1];

/** A name's token: keyword `k`, builtin or exception `nb`, pseudo `bp`, else `otherwise`. */
export function nameToken(word: string, keywords: ReadonlySet<string>, otherwise = 'n'): string {
  if (keywords.has(word)) return 'k';
  if (EXCEPTIONS.has(word) || BUILTINS.has(word)) return 'nb';
  if (PSEUDO.has(word)) return 'bp';
  return otherwise;
}

export const python: LexerDef = lazyLexer('python', () => ({ states: pythonStates(KEYWORDS) }));

/**
 * Python's states, with the keyword list the name rule consults: Rouge's rules call
 * `self.class.keywords`, so a subclass (Cython) that extends the list changes them too.
 */
export function pythonStates(keywords: ReadonlySet<string>): Record<string, RuleSpec[]> {
  return {
    root: [
      rule(/\n+/, ''),
      rule(/^(:)(\s*)([ru]{0,2}""".*?""")/is, ['p', '', 'sd']),
      rule(/[ \t\v\f\r]+/, ''), // Ruby's [^\S\n]: ASCII whitespace but newline
      rule(/#(.*)?\n?/, 'c1'),
      rule(/[\[\]{}:(),;.]/, 'p'),
      rule(/\\\n/, ''),
      rule(/\\/, ''),
      rule(/(?:in|is|and|or|not)\b/, 'ow'),
      rule(/(?:<<|>>|\/\/|\*\*)=?/, 'o'),
      rule(/[\-~+\/*%=<>&^|@]=?|!=/, 'o'),
      rule(
        String.raw`(from)((?:\\\s|\s)+)(${DOTTED_ID})((?:\\\s|\s)+)(import)`,
        ['kn', '', 'nn', '', 'kn'],
      ),
      rule(String.raw`(import)(\s+)(${DOTTED_ID})`, ['kn', '', 'nn']),
      rule(/(def)((?:\s|\\\s)+)/, ['k', ''], 'funcname'),
      rule(/(class)((?:\s|\\\s)+)/, ['k', ''], 'classname'),
      rule(/`.*?`/, 'sb'),
      rule(/([rfbu]{0,2})('''|"""|['"])/i, (run, m) => {
        run.groups('sa', 's');
        strings(run).push({ type: m[1].toLowerCase(), delim: m[2] });
        run.push('generic_string');
      }),
      rule(String.raw`@${DOTTED_ID}`, 'nd'),
      // a name after `.` is an attribute: always plain `n`
      rule(String.raw`(?<!\.)${ID}`, (run, m) => run.token(nameToken(m[0], keywords))),
      rule(ID, 'n'),
      rule(String.raw`${DECIMAL}(?:${EXPONENT})?[jJ]?`, 'mf'),
      rule(String.raw`${DIGITS}${EXPONENT}[jJ]?`, 'mf'),
      rule(String.raw`${DIGITS}[jJ]`, 'mf'),
      rule(/0b(?:_?[01])+/i, 'mb'),
      rule(/0o(?:_?[0-7])+/i, 'mo'),
      rule(/0x(?:_?[a-f0-9])+/i, 'mh'),
      rule(/\d+L/, 'il'),
      rule(/[1-9](?:_?[0-9])*|0(?:_?0)*/, 'mi'),
    ],
    funcname: [rule(ID, 'nf', '#pop')],
    classname: [rule(ID, 'nc', '#pop')],
    generic_string: [
      rule(/[^'"\\{]+/, 's'),
      rule(/\{\{/, 's'),
      rule(/'''|"""|['"]/, (run, m) => {
        run.token('s');
        const top = topString(run);
        if (top && top.delim === m[0]) {
          strings(run).pop();
          run.pop();
        }
      }),
      rule(/(?=\\)/, 's', 'generic_escape'),
      rule(/\{/, (run) => {
        if (topString(run)?.type.includes('f')) {
          run.token('si');
          run.push('generic_interpol');
        } else run.token('s');
      }),
    ],
    generic_escape: [
      rule(
        /\\(?:[\\abfnrtv"']|\n|newline|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})/,
        (run) => {
          run.token(topString(run)?.type.includes('r') ? 's' : 'se');
          run.pop();
        },
      ),
      rule(/\\./, 's', '#pop'),
    ],
    generic_interpol: [
      rule(/[^{}!:]+/, (run, m) => run.recurse(m[0])),
      rule(/![asr]/, 'si'),
      rule(/:/, 'si'),
      rule(/\{/, 'si', 'generic_interpol'),
      rule(/\}/, 'si', '#pop'),
    ],
  };
}
