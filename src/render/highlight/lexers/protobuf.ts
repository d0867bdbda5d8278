/**
 * Protocol Buffers (tag `protobuf`, alias `proto`), as Rouge 3.30 lexes it: keywords `k`, scalar
 * types `kt`, `package` `kn` with its name `nn`, `message`/`extend` `kd` with the name `nc`,
 * `enum`/`group`/`service` `kd` with a plain name `n`; a name before `=` `na`; strings `s`;
 * comments `c1`/`cm`. Rouge's operator class `[+-=]` is the range from `+` to `=` (it takes `.`,
 * `/`, `:`, `<`…), kept as written.
 */
import { type LexerDef, rule, lazyLexer } from '../engine.js';

export const protobuf: LexerDef = lazyLexer('protobuf', () => ({
  states: {
    root: [
      rule(/[\s]+/, ''),
      rule(/[,;{}\[\]()]/, 'p'),
      rule(/\/(\\\n)?\/($|(.|\n)*?[^\\]$)/, 'c1'),
      rule(/\/(\\\n)?\*(.|\n)*?\*(\\\n)?\//, 'cm'),
      rule(/\b(ctype|default|extensions|import|max|oneof|option|optional|packed|repeated|required|returns|rpc|to)\b/, 'k'),
      rule(/\b(bool|bytes|double|fixed32|fixed64|float|int32|int64|sfixed32|sfixed64|sint32|sint64|string|uint32|uint64)\b/, 'kt'),
      rule(/true|false/, 'kc'),
      rule(/(package)(\s+)/, ['kn', ''], 'package'),
      rule(/(message|extend)(\s+)/, ['kd', ''], 'message'),
      rule(/(enum|group|service)(\s+)/, ['kd', ''], 'type'),
      rule(/".*?"/, 's'),
      rule(/'.*?'/, 's'),
      rule(/(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+[LlUu]*/, 'mf'),
      rule(/(\d+\.\d*|\.\d+|\d+[fF])[fF]?/, 'mf'),
      rule(/(-?(inf|nan))\b/, 'mf'),
      rule(/0x[0-9a-fA-F]+[LlUu]*/, 'mh'),
      rule(/0[0-7]+[LlUu]*/, 'mo'),
      rule(/\d+[LlUu]*/, 'mi'),
      rule(/[+-=]/, 'o'),
      rule(/([a-zA-Z_][\w.]*)([ \t]*)(=)/, ['na', '', 'o']),
      rule(/[a-zA-Z_][\w.]*/, 'n'),
    ],
    package: [rule(/[a-zA-Z_]\w*/, 'nn', '#pop'), rule(/(?:)/, (run) => run.pop())],
    message: [rule(/[a-zA-Z_]\w*/, 'nc', '#pop'), rule(/(?:)/, (run) => run.pop())],
    type: [rule(/[a-zA-Z_]\w*/, 'n', '#pop'), rule(/(?:)/, (run) => run.pop())],
  },
}));
