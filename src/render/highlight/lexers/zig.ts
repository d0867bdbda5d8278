/**
 * Zig (tag `zig`, alias `zir`; `.zig` files), as Rouge 3.30 lexes it (lexers/zig.rb): `//`
 * comments `c` (a `# …` line start `cs`); `i32`/`u8`/`f64`/`usize` `kt`; `true`/`false`/`null`
 * `kc`; character literals `sc`, strings `s` with escapes `se`, old raw strings `r"…"` `s`;
 * numbers `mf`/`mi` (Rouge's integer rule `[0-9_]+` also takes a lone `_`, so `_foo` is `mi`
 * then `n`); `'label` `nv`; names with Rouge's keyword list `k`, `@builtins` `nb`, `.name(` `nf`,
 * `.name` `py`, else `n` — the dot, spaces and `(` around them `p`/bare; other brackets `p`,
 * operators `o`. (Rouge's `attribute` state is never entered, so it is left out.)
 * For systems-programming posts.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

const words = (s: string) => new Set(s.trim().split(/\s+/));

const KEYWORDS = words(`
  align linksection threadlocal struct enum union error break return
  anyframe fn c_longlong c_ulonglong c_longdouble c_void comptime_float
  c_short c_ushort c_int c_uint c_long c_ulong continue asm defer
  errdefer const var extern packed export pub if else switch and or
  orelse while for bool unreachable try catch async suspend nosuspend
  await resume undefined usingnamespace test void noreturn type
  anyerror usize noalias inline noinline comptime callconv volatile
  allowzero`);

const BUILTINS = words(`
  @addWithOverflow @as @atomicLoad @atomicStore @bitCast @breakpoint
  @alignCast @alignOf @cDefine @cImport @cInclude @bitOffsetOf
  @atomicRmw @bytesToSlice @byteOffsetOf @OpaqueType @panic @ptrCast
  @bitReverse @Vector @sin @cUndef @canImplicitCast @clz @cmpxchgWeak
  @cmpxchgStrong @compileError @compileLog @ctz @popCount @divExact
  @divFloor @cos @divTrunc @embedFile @export @tagName @TagType
  @errorName @call @errorReturnTrace @fence @fieldParentPtr @field
  @unionInit @errorToInt @intToEnum @enumToInt @setAlignStack @frame
  @Frame @exp @exp2 @log @log2 @log10 @fabs @floor @ceil @trunc @round
  @floatCast @intToFloat @floatToInt @boolToInt @errSetCast @intToError
  @frameAddress @import @newStackCall @asyncCall @intToPtr @intCast
  @frameSize @memcpy @memset @mod @mulWithOverflow @splat @ptrToInt
  @rem @returnAddress @setCold @Type @shuffle @setGlobalLinkage
  @setGlobalSection @shlExact @This @hasDecl @hasField
  @setRuntimeSafety @setEvalBranchQuota @setFloatMode @shlWithOverflow
  @shrExact @sizeOf @bitSizeOf @sqrt @byteSwap @subWithOverflow
  @sliceToBytes comptime_int @truncate @typeInfo @typeName @TypeOf`);

// Rouge's id is /[a-z_]\w*/i, interpolated as (?i-mx:…): its [a-z] also takes ſ and K (which
// case-fold to ASCII letters), its \w does not
const ID = '[a-zA-Z_\\u017f\\u212a]\\w*';
const ESCAPES = String.raw`\\([nrt'"\\0]|x\h{2}|u\h{4}|U\h{8})`;

export const zig: LexerDef = lazyLexer('zig', () => ({
  states: {
    bol: [mixin('whitespace'), rule(/#\s[^\n]*/, 'cs'), rule('', (run) => run.pop())],
    whitespace: [rule(/\s+/, ''), rule(/\/\/[^\n]*/, 'c')],
    root: [
      rule(/\n/, '', 'bol'),
      mixin('whitespace'),
      rule(/\b(?:(i|u)[0-9]+)\b/, 'kt'),
      rule(/\b(?:f(16|32|64|128))\b/, 'kt'),
      rule(/\b(?:(isize|usize))\b/, 'kt'),
      mixin('literals'),
      rule(`'${ID}`, 'nv'),
      rule(`([.]?)(\\s*)(@?${ID})(\\s*)([(]?)`, (run, m) => {
        const name = m[3];
        let t: string;
        if (KEYWORDS.has(name)) t = 'k';
        else if (BUILTINS.has(name)) t = 'nb';
        else if (m[1] && m[5]) t = 'nf';
        else if (m[1]) t = 'py';
        else t = 'n';
        run.groups('p', '', t, '', 'p');
      }),
      rule(/[()[\]{}|,:;]/, 'p'),
      rule(/[*/!@~&+%^<>=?-]|\.{1,3}/, 'o'),
    ],
    literals: [
      rule(/\b(?:true|false|null)\b/, 'kc'),
      rule(`'(?:${ESCAPES}|[^\\\\])'`, 'sc'),
      rule(/"/, 's', 'string'),
      rule(/r(#*)".*?"\1/s, 's'),
      rule(/[0-9]+([.][0-9_]+(e[-+]?[0-9_]+)?|([.][0-9_]+)?e[-+]?[0-9_]+)/, 'mf'),
      rule(/(0b[10_]+|0x[0-9a-fA-F_]+|[0-9_]+)/, 'mi'),
    ],
    string: [rule(/"/, 's', '#pop'), rule(ESCAPES, 'se'), rule(/[^"\\]+/, 's')],
  },
}));
