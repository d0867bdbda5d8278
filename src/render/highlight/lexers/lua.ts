/**
 * Lua (tag `lua`), as Rouge 3.30 lexes it (lib/rouge/lexers/lua.rb with its default options:
 * function highlighting on, no module disabled). Torch-era deep-learning posts are full of it.
 *
 * - A shebang on the first line is `cp`; everything else is lexed in `base`.
 * - Comments `--[[ … ]]` (any level of `=`) `cm`, `-- …` `c1`; long strings `[[ … ]]` `s`.
 * - Numbers: Rouge's float rule ends in a stray `'` (`(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'`), so a
 *   plain `1.5` is not a float but `mi` `p` `mi`; `1e-3` is `mf`, `0x1F` `mh`.
 * - A name (one optional `.member` included) that is a builtin of keywords.rb (`print`,
 *   `string.format`, `require`…) is `nb`; other dotted names are `n p n`; `gsub` is `nb` and opens
 *   Rouge's pattern state, whose `"…"` is a regex (`sr`/`se`) and where anything else (a `'`
 *   string, a name) has no rule and comes out as `err`, one character at a time.
 * - `function` `k` then its name: `Class.method` as `nc p nf`, a plain name `nf`.
 * - Strings `'…'` `s1` / `"…"` `s2` with escapes `se`.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

/** Rouge's lua/keywords.rb, every module (the builtin set is their union). */
const BUILTINS = new Set<string>([
  // basic
  '_g', '_version', 'assert', 'collectgarbage', 'dofile', 'error', 'getmetatable', 'ipairs', 'load', 'loadfile', 'next',
  'pairs', 'pcall', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'select', 'setmetatable', 'tonumber', 'tostring',
  'type', 'xpcall', 'file:close', 'file:flush', 'file:lines', 'file:read', 'file:seek', 'file:setvbuf', 'file:write',
  'lua_cpath', 'lua_cpath_5_3', 'lua_init', 'lua_init_5_3', 'lua_path', 'lua_path_5_3', 'luaopen_base',
  'luaopen_coroutine', 'luaopen_debug', 'luaopen_io', 'luaopen_math', 'luaopen_os', 'luaopen_package',
  'luaopen_string', 'luaopen_table', 'luaopen_utf8', 'lua_errerr', 'lua_errfile', 'lua_errgcmm', 'lua_errmem',
  'lua_errrun', 'lua_errsyntax', 'lua_hookcall', 'lua_hookcount', 'lua_hookline', 'lua_hookret', 'lua_hooktailcall',
  'lua_maskcall', 'lua_maskcount', 'lua_maskline', 'lua_maskret', 'lua_maxinteger', 'lua_mininteger', 'lua_minstack',
  'lua_multret', 'lua_noref', 'lua_ok', 'lua_opadd', 'lua_opband', 'lua_opbnot', 'lua_opbor', 'lua_opbxor',
  'lua_opdiv', 'lua_opeq', 'lua_opidiv', 'lua_ople', 'lua_oplt', 'lua_opmod', 'lua_opmul', 'lua_oppow', 'lua_opshl',
  'lua_opshr', 'lua_opsub', 'lua_opunm', 'lua_refnil', 'lua_registryindex', 'lua_ridx_globals',
  'lua_ridx_mainthread', 'lua_tboolean', 'lua_tfunction', 'lua_tlightuserdata', 'lua_tnil', 'lua_tnone',
  'lua_tnumber', 'lua_tstring', 'lua_ttable', 'lua_tthread', 'lua_tuserdata', 'lua_use_apicheck', 'lua_yield',
  'lual_buffersize',
  // modules
  'require', 'package.config', 'package.cpath', 'package.loaded', 'package.loadlib', 'package.path',
  'package.preload', 'package.searchers', 'package.searchpath',
  // coroutine
  'coroutine.create', 'coroutine.isyieldable', 'coroutine.resume', 'coroutine.running', 'coroutine.status',
  'coroutine.wrap', 'coroutine.yield',
  // debug
  'debug.debug', 'debug.gethook', 'debug.getinfo', 'debug.getlocal', 'debug.getmetatable', 'debug.getregistry',
  'debug.getupvalue', 'debug.getuservalue', 'debug.sethook', 'debug.setlocal', 'debug.setmetatable',
  'debug.setupvalue', 'debug.setuservalue', 'debug.traceback', 'debug.upvalueid', 'debug.upvaluejoin',
  // io
  'io.close', 'io.flush', 'io.input', 'io.lines', 'io.open', 'io.output', 'io.popen', 'io.read', 'io.stderr',
  'io.stdin', 'io.stdout', 'io.tmpfile', 'io.type', 'io.write',
  // math
  'math.abs', 'math.acos', 'math.asin', 'math.atan', 'math.ceil', 'math.cos', 'math.deg', 'math.exp', 'math.floor',
  'math.fmod', 'math.huge', 'math.log', 'math.max', 'math.maxinteger', 'math.min', 'math.mininteger', 'math.modf',
  'math.pi', 'math.rad', 'math.random', 'math.randomseed', 'math.sin', 'math.sqrt', 'math.tan', 'math.tointeger',
  'math.type', 'math.ult',
  // os
  'os.clock', 'os.date', 'os.difftime', 'os.execute', 'os.exit', 'os.getenv', 'os.remove', 'os.rename',
  'os.setlocale', 'os.time', 'os.tmpname',
  // string
  'string.byte', 'string.char', 'string.dump', 'string.find', 'string.format', 'string.gmatch', 'string.gsub',
  'string.len', 'string.lower', 'string.match', 'string.pack', 'string.packsize', 'string.rep', 'string.reverse',
  'string.sub', 'string.unpack', 'string.upper',
  // table
  'table.concat', 'table.insert', 'table.move', 'table.pack', 'table.remove', 'table.sort', 'table.unpack',
  // utf8
  'utf8.char', 'utf8.charpattern', 'utf8.codepoint', 'utf8.codes', 'utf8.len', 'utf8.offset',
]);

export const lua: LexerDef = lazyLexer('lua', () => ({
  states: {
    root: [
      // lua allows a file to start with a shebang
      rule(/#!(.*?)$/, 'cp'),
      rule(/(?:)/, '', 'base'),
    ],
    base: [
      rule(/--\[(=*)\[.*?\]\1\]/s, 'cm'),
      rule(/--.*$/, 'c1'),

      // Rouge's `(?i)…'`: the trailing quote is in its source, so only `1.5'` is a float here.
      rule(/(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'/i, 'mf'),
      rule(/\d+e[+-]?\d+/i, 'mf'),
      rule(/0x[0-9a-f]*/i, 'mh'),
      rule(/\d+/, 'mi'),

      rule(/\n/, ''),
      // Rouge's `[^\S\n]`: whitespace other than a newline.
      rule(/[ \t\v\f\r]/, ''),
      // multiline strings
      rule(/\[(=*)\[.*?\]\1\]/s, 's'),

      rule(/(==|~=|<=|>=|\.\.\.|\.\.|[=+\-*/%^<>#])/, 'o'),
      rule(/[\[\]\{\}\(\)\.,:;]/, 'p'),
      rule(/(and|or|not)\b/, 'ow'),

      rule(/(break|do|else|elseif|end|for|if|in|repeat|return|then|until|while)\b/, 'k'),
      rule(/(local)\b/, 'kd'),
      rule(/(true|false|nil)\b/, 'kc'),

      rule(/(function)\b/, 'k', 'function_name'),

      rule(/[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?/, (run, m) => {
        const name = m[0];
        if (name === 'gsub') {
          run.token('nb');
          run.push('gsub');
        } else if (BUILTINS.has(name)) {
          run.token('nb');
        } else if (name.includes('.')) {
          const dot = name.indexOf('.');
          run.token('n', name.slice(0, dot));
          run.token('p', '.');
          run.token('n', name.slice(dot + 1));
        } else {
          run.token('n');
        }
      }),

      rule(/'/, 's1', 'escape_sqs'),
      rule(/"/, 's2', 'escape_dqs'),
    ],
    function_name: [
      rule(/\s+/, ''),
      rule(/(?:([A-Za-z_][A-Za-z0-9_]*)(\.))?([A-Za-z_][A-Za-z0-9_]*)/, ['nc', 'p', 'nf'], '#pop'),
      // inline function
      rule(/\(/, 'p', '#pop'),
    ],
    gsub: [
      rule(/\)/, 'p', '#pop'),
      rule(/[(,]/, 'p'),
      rule(/\s+/, ''),
      rule(/"/, 'sr', 'regex'),
    ],
    regex: [
      rule(/"/, (run) => {
        run.token('sr');
        run.goto('regex_end');
      }),
      rule(/\[\^?/, 'se', 'regex_group'),
      rule(/\\./, 'se'),
      rule(/[(][?][:=<!]/, 'se'),
      rule(/[{][\d,]+[}]/, 'se'),
      rule(/[()?]/, 'se'),
      rule(/./, 'sr'),
    ],
    regex_end: [
      rule(/[$]+/, 'sr', '#pop'),
      rule(/(?:)/, (run) => run.pop()),
    ],
    regex_group: [
      rule(/\//, 'se'),
      rule(/\]/, 'se', '#pop'),
      rule(/(\\)(.)/, ['se', 'sr']),
      rule(/./, 'sr'),
    ],
    escape_sqs: [mixin('string_escape'), mixin('sqs')],
    escape_dqs: [mixin('string_escape'), mixin('dqs')],
    string_escape: [rule(/\\([abfnrtv\\"']|\d{1,3})/, 'se')],
    sqs: [rule(/'/, 's1', '#pop'), rule(/[^']+/, 's1')],
    dqs: [rule(/"/, 's2', '#pop'), rule(/[^"]+/, 's2')],
  },
}));
