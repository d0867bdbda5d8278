/**
 * GDScript (tags `gdscript`, `gd`; `.gd` files), the Godot engine's language, as Rouge 3.30 lexes
 * it: `#` comments `c1`; `in`/`and`/`or`/`not` `ow` (before the operators); operators `o`,
 * punctuation `p`; `func name` `k` `nf`, `class Name` `k` `nc`; keywords `k` (`do`/`switch`/`case`
 * `kr`), builtin functions `nb`, `self`/`true`/`PI`… `bp`, builtin types `kt`; every string opens
 * with an `s2` quote, then `'…'` and `'''…'''` contents and closing quotes are `s1` (Rouge's
 * single-quote states), `"…"` `s2`; escapes `se`, `%` format specs `si`; numbers `mf`/`mh`/`mi`,
 * other names `n`.
 * For Godot game-development posts.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';

const KEYWORDS =
  'and|in|not|or|as|breakpoint|class|class_name|extends|is|func|setget|signal|tool|const|enum|export|onready|static|var|break|continue|if|elif|else|for|pass|return|match|while|remote|master|puppet|remotesync|mastersync|puppetsync';
const KEYWORDS_RESERVED = 'do|switch|case';
const BUILTINS =
  'Color8|ColorN|abs|acos|asin|assert|atan|atan2|bytes2var|ceil|char|clamp|convert|cos|cosh|db2linear|decimals|dectime|deg2rad|dict2inst|ease|exp|floor|fmod|fposmod|funcref|hash|inst2dict|instance_from_id|is_inf|is_nan|lerp|linear2db|load|log|max|min|nearest_po2|pow|preload|print|print_stack|printerr|printraw|prints|printt|rad2deg|rand_range|rand_seed|randf|randi|randomize|range|round|seed|sign|sin|sinh|sqrt|stepify|str|str2var|tan|tan|tanh|type_exist|typeof|var2bytes|var2str|weakref|yield';
const BUILTINS_TYPE =
  'bool|int|float|String|Vector2|Rect2|Transform2D|Vector3|AABB|Plane|Quat|Basis|Transform|Color|RID|Object|NodePath|Dictionary|Array|PoolByteArray|PoolIntArray|PoolRealArray|PoolStringArray|PoolVector2Array|PoolVector3Array|PoolColorArray|null';

const FORMAT = String.raw`%(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?[hlL]?[E-GXc-giorsux%]`;

export const gdscript: LexerDef = lazyLexer('gdscript', () => ({
  states: {
    root: [
      rule(/\n/, ''),
      rule(/[ \t\v\f\r]+/, ''), // Rouge's [^\S\n]+
      rule(/#.*/, 'c1'),
      rule(/[\[\]{}:(),;]/, 'p'),
      rule(/\\\n/, ''),
      rule(/(in|and|or|not)\b/, 'ow'),
      rule(/!=|==|<<|>>|&&|\+=|-=|\*=|\/=|%=|&=|\|=|\|\||[-~+\/*%=<>&^.!|$]/, 'o'),
      rule(/(func)((?:\s|\\)+)/, (run) => {
        run.groups('k', '');
        run.push('funcname');
      }),
      rule(/(class)((?:\s|\\)+)/, (run) => {
        run.groups('k', '');
        run.push('classname');
      }),
      mixin('keywords'),
      mixin('builtins'),
      rule(/"""/, 's2', 'escape_tdqs'),
      rule(/'''/, 's2', 'escape_tsqs'),
      rule(/"/, 's2', 'escape_dqs'),
      rule(/'/, 's2', 'escape_sqs'),
      mixin('name'),
      mixin('numbers'),
    ],
    keywords: [rule(`\\b(${KEYWORDS})\\b`, 'k'), rule(`\\b(${KEYWORDS_RESERVED})\\b`, 'kr')],
    builtins: [
      rule(`\\b(${BUILTINS})\\b`, 'nb'),
      rule(/\b((self|false|true)|(PI|TAU|NAN|INF))\b/, 'bp'),
      rule(`\\b(${BUILTINS_TYPE})\\b`, 'kt'),
    ],
    numbers: [
      rule(/(\d+\.\d*|\d*\.\d+)([eE][+-]?[0-9]+)?j?/, 'mf'),
      rule(/\d+[eE][+-]?[0-9]+j?/, 'mf'),
      rule(/0[xX][a-fA-F0-9]+/, 'mh'),
      rule(/\d+j?/, 'mi'),
    ],
    name: [rule(/[a-zA-Z_]\w*/, 'n')],
    funcname: [rule(/[a-zA-Z_]\w*/, 'nf', '#pop')],
    classname: [rule(/[a-zA-Z_]\w*/, 'nc', '#pop')],
    string_escape: [rule(/\\([\\abfnrtv"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})/, 'se')],
    strings_single: [rule(FORMAT, 'si'), rule(/[^\\'%\n]+/, 's1'), rule(/["\\]/, 's1'), rule(/%/, 's1')],
    strings_double: [rule(FORMAT, 'si'), rule(/[^\\"%\n]+/, 's2'), rule(/['\\]/, 's2'), rule(/%/, 's2')],
    dqs: [rule(/"/, 's2', '#pop'), rule(/\\\\|\\"|\\\n/, 'se'), mixin('strings_double')],
    escape_dqs: [mixin('string_escape'), mixin('dqs')],
    sqs: [rule(/'/, 's1', '#pop'), rule(/\\\\|\\'|\\\n/, 'se'), mixin('strings_single')],
    escape_sqs: [mixin('string_escape'), mixin('sqs')],
    tdqs: [rule(/"""/, 's2', '#pop'), mixin('strings_double'), rule(/\n/, 's2')],
    escape_tdqs: [mixin('string_escape'), mixin('tdqs')],
    tsqs: [rule(/'''/, 's1', '#pop'), mixin('strings_single'), rule(/\n/, 's1')],
    escape_tsqs: [mixin('string_escape'), mixin('tsqs')],
  },
}));
