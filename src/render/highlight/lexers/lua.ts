/**
 * Lua (tag `lua`), as Rouge 3.30 lexes it (lib/rouge/lexers/lua.rb): `--` comments `c1`,
 * `--[[ … ]]` `cm`; keywords `k`, `local` `kd`, `true false nil` `kc`, `and or not` `ow`; the
 * name after `function` `nf` (`mod.name`: `nc p nf`); Rouge's builtin functions (every module's,
 * `print`, `string.format`…) `nb`, other dotted names `n p n`; `'…'` `s1`, `"…"` `s2` with `se`
 * escapes at the start of a run, `[[ … ]]` `s`; the pattern string of a `gsub(…, "…")` call `sr`
 * with its classes and escapes `se`. Rouge quirks kept: a float needs a trailing `'` (`3.5'`),
 * so `3.14` is `mi p mi`; only `gsub` spelt alone starts the pattern state, where a `'` string is
 * an error; builtins are matched case-sensitively against Rouge's lower-cased list (`_G` is `n`).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { LUA_BUILTINS } from '../rouge-words.js';

export const lua: LexerDef = lazyLexer('lua', () => ({
  states: {
    root: [rule(/#!(.*?)$/, 'cp'), rule('', '', 'base')],
    base: [
      rule(/--\[(=*)\[.*?\]\1\]/s, 'cm'),
      rule(/--.*$/, 'c1'),
      rule(/(?:\d*\.\d+|\d+\.\d*)(?:e[+-]?\d+)?'/i, 'mf'),
      rule(/\d+e[+-]?\d+/i, 'mf'),
      rule(/0x[0-9a-f]*/i, 'mh'),
      rule(/\d+/, 'mi'),
      rule(/\n/, ''),
      rule(/[ \t\v\f\r]/, ''),
      rule(/\[(=*)\[.*?\]\1\]/s, 's'),
      rule(/(?:==|~=|<=|>=|\.\.\.|\.\.|[=+\-*/%^<>#])/, 'o'),
      rule(/[\[\]{}().,:;]/, 'p'),
      rule(/(?:and|or|not)\b/, 'ow'),
      rule(/(?:break|do|else|elseif|end|for|if|in|repeat|return|then|until|while)\b/, 'k'),
      rule(/local\b/, 'kd'),
      rule(/(?:true|false|nil)\b/, 'kc'),
      rule(/function\b/, 'k', 'function_name'),
      rule(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?/, (run, m) => {
        const name = m[0];
        if (name === 'gsub') {
          run.token('nb');
          run.push('gsub');
        } else if (LUA_BUILTINS.has(name)) {
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
      rule(/(?:([A-Za-z_][A-Za-z0-9_]*)(\.))?([A-Za-z_][A-Za-z0-9_]*)/, (run) => {
        run.groups('nc', 'p', 'nf');
        run.pop();
      }),
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
    regex_end: [rule(/[$]+/, 'sr', '#pop'), rule('', (run) => run.pop())],
    regex_group: [
      rule(/\//, 'se'),
      rule(/\]/, 'se', '#pop'),
      rule(/(\\)(.)/, ['se', 'sr']),
      rule(/./, 'sr'),
    ],
    escape_sqs: [mixin('string_escape'), mixin('sqs')],
    escape_dqs: [mixin('string_escape'), mixin('dqs')],
    string_escape: [rule(/\\(?:[abfnrtv\\"']|\d{1,3})/, 'se')],
    sqs: [rule(/'/, 's1', '#pop'), rule(/[^']+/, 's1')],
    dqs: [rule(/"/, 's2', '#pop'), rule(/[^"]+/, 's2')],
  },
}));
