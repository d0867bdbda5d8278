/**
 * Rust (tags `rust`, `rs`), as Rouge 3.30 lexes it: keywords `k` (`true`/`false` too, except in
 * attributes, where they are `kc`), names before `(` `nf` (a leading `.` included), `.field` `py`,
 * `path::` `nn p`, macros `name!` `nd` with their bracketed arguments tracked, attributes
 * `#[…]` `nd`, lifetimes `nv`, Rouge's builtin type/trait list `nb`, numbers `mf`/`mi`, strings
 * `s` with `se`, chars `sc`, doc comments `cd`, `# …` at a line start `cs`.
 */
import { type LexerDef, type LexRun, mixin, rule, lazyLexer } from '../engine.js';

const KEYWORDS = `as async await break const continue crate dyn else enum extern false fn for if impl in
  let log loop match mod move mut pub ref return self Self static struct super trait true type unsafe
  use where while abstract become box do final macro override priv typeof unsized virtual yield try
  union`
  .split(/\s+/)
  .join('|');
const BUILTINS = new Set(
  `Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t c_long c_longlong Cons
  Const Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort c_void dev_t DIR dirent Div
  Either Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64 i8 isize Index ino_t int intptr_t Left
  mode_t Modulo Mul Neg Nil None Num off_t Ok Option Ord Owned pid_t Ptr ptrdiff_t Right Send Shl Shr
  size_t Some ssize_t str Sub Success time_t u16 u32 u64 u8 usize uint uintptr_t Box Vec String Gc Rc
  Arc u128 i128 Result Sync Pin Unpin Sized Drop drop Fn FnMut FnOnce Clone PartialEq PartialOrd
  AsMut AsRef From Into Default DoubleEndedIterator ExactSizeIterator Extend IntoIterator Iterator`.split(/\s+/),
);
const ID = String.raw`[\p{XID_Start}_]\p{XID_Continue}*`;
const HEX = '[0-9a-fA-F]';
const ESCAPES = String.raw`\\(?:[nrt'"\\0]|x${HEX}{2}|u\{(?:${HEX}_*){1,6}\})`;
const SIZE = '(?:8|16|32|64|128|size)';
const DOT = '[.][0-9][0-9_]*';
const EXP = '[eE][\\-+]?[0-9_]+';
const FLT = '(?:f32|f64)';
const CLOSERS: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

const delims = (run: LexRun): Record<string, number> => run.data.macroDelims;

export const rust: LexerDef = lazyLexer('rust', () => ({
  start: (run) => {
    run.data.macroDelims = { ']': 0, ')': 0, '}': 0 };
    run.push('bol');
  },
  states: {
    bol: [mixin('whitespace'), rule(/#\s[^\n]*/, 'cs'), rule(/(?:)/, (run) => run.pop())],
    attribute: [
      mixin('whitespace'),
      mixin('has_literals'),
      rule(/[(,)=:]/, 'nd'),
      rule(/\]/, 'nd', '#pop'),
      rule(ID, 'nd'),
    ],
    whitespace: [rule(/\s+/, ''), mixin('comments')],
    comments: [
      rule(/\/\/\/\/+[^\n]*/, 'c1'),
      rule(/\/\/[\/!][^\n]*/, 'cd'),
      rule(/\/\/[^\n]*/, 'c1'),
      rule(/\/\*\*\*?\//, 'cm'),
      rule(/\/\*\*\*+/, 'cm', 'nested_plain_block'),
      rule(/\/[*][*!]/, 'cd', 'nested_doc_block'),
      rule(/\/[*]/, 'cm', 'nested_plain_block'),
    ],
    nested_plain_block: [
      rule(/\*\//, 'cm', '#pop'),
      rule(/\/\*/, 'cm', 'nested_plain_block'),
      rule(/[^*\/]+|[*\/]/, 'cm'),
    ],
    nested_doc_block: [
      rule(/\*\//, 'cd', '#pop'),
      rule(/\/\*/, 'cd', 'nested_doc_block'),
      rule(/[^*\/]+|[*\/]/, 'cd'),
    ],
    root: [
      rule(/\n/, '', 'bol'),
      mixin('whitespace'),
      rule(/#!?\[/, 'nd', 'attribute'),
      rule(String.raw`\b(?:${KEYWORDS})\b`, 'k'),
      mixin('has_literals'),
      rule(/[=\-]>/, 'k'),
      rule(/<->/, 'k'),
      rule(/[()\[\]{}|,:;]/, 'p'),
      rule(/[*\/!@~&+%^<>=?\-]|\.{2,3}/, 'o'),
      rule(String.raw`(?:[.]\s*)?${ID}(?=\s*[(])`, 'nf'),
      rule(/[.]\s*await\b/, 'k'),
      rule(String.raw`[.]\s*${ID}`, 'py'),
      rule(/[.]\s*\d+/, 'na'),
      rule(String.raw`(${ID})(::)`, ['nn', 'p']),
      rule(/\bmacro_rules!/, 'nd', 'macro_rules'),
      rule(String.raw`${ID}!`, 'nd', 'macro'),
      rule(/'static\b/, 'k'),
      rule(String.raw`'${ID}`, 'nv'),
      rule(ID, (run, m) => run.token(BUILTINS.has(m[0]) ? 'nb' : 'n')),
    ],
    macro: [
      mixin('has_literals'),
      rule(/[\[{(]/, (run, m) => {
        delims(run)[CLOSERS[m[0]]]++;
        run.token('p');
      }),
      rule(/[\]})]/, (run, m) => {
        const d = delims(run);
        d[m[0]]--;
        if (Object.values(d).every((n) => n === 0)) run.pop();
        run.token('p');
      }),
      rule(String.raw`${ID}!`, 'nd'),
      mixin('root'),
      rule(/./, ''),
    ],
    macro_rules: [
      rule(String.raw`[$]${ID}(?::${ID})?`, 'nv'),
      rule(/[$]/, 'nv'),
      mixin('macro'),
    ],
    has_literals: [
      rule(/\b(?:true|false)\b/, 'kc'),
      rule(String.raw`b?'(?:${ESCAPES}|[^\\])'`, 'sc'),
      rule(/b?"/, 's', 'string'),
      rule(/b?r(#*)".*?"\1/s, 's'),
      rule(
        String.raw`[0-9][0-9_]*(?:${DOT}(?:${EXP})?${FLT}?|(?:${DOT})?${EXP}${FLT}?|(?:${DOT})?(?:${EXP})?${FLT}|[.](?![._\p{XID_Start}]))`,
        'mf',
      ),
      rule(String.raw`(?:0b[10_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)(?:u${SIZE}?|i${SIZE})?`, 'mi'),
    ],
    string: [rule(/"/, 's', '#pop'), rule(ESCAPES, 'se'), rule(/[^"\\]+/, 's')],
  },
}));
