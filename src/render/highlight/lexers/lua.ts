/**
 * Lua (tag `lua`; `.lua`, `.wlua` files), as Rouge 3.30 lexes it: `#!` line `cp`; `--[[ … ]]`
 * `cm` and `--` `c1` comments; numbers — Rouge's float rule ends in a stray `'`, so `3.14` is
 * `mi` `p` `mi` — `mh`/`mi`; long strings `[[ … ]]` `s`; operators `o`, punctuation `p`;
 * `and`/`or`/`not` `ow` and keywords `k`/`kd`/`kc` (no leading `\b`); `function` then the
 * function name `nc`.`nf`; names in Rouge's builtin list (every module: the `disabled_modules`
 * option never reaches the lexer through a fence's language string) `nb`, `a.b` names `n` `p`
 * `n`, other names `n`; `gsub` `nb` followed by Lua-pattern strings `sr` with escapes `se`;
 * strings `s1`/`s2` with escapes `se`.
 * Found in code blocks of researchers' posts (Torch7-era machine learning, LuaTeX).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { LUA_BUILTINS } from '../rouge-words.js';

export const lua: LexerDef = lazyLexer('lua', () => ({
  states: {
    root: [rule(/#!(.*?)$/, 'cp'), rule('', (run) => run.push('base'))],
    base: [
      rule(/--\[(=*)\[.*?\]\1\]/s, 'cm'),
      rule(/--.*$/, 'c1'),
      // Rouge's `(?i)` applies to the whole pattern; its float rule really ends with a quote
      rule(/(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'/i, 'mf'),
      rule(/\d+e[+-]?\d+/i, 'mf'),
      rule(/0x[0-9a-f]*/i, 'mh'),
      rule(/\d+/, 'mi'),
      rule(/\n/, ''),
      rule(/[ \t\v\f\r]/, ''), // Rouge's [^\S\n]: Ruby's \s less the newline
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
        } else if (LUA_BUILTINS.has(name)) run.token('nb');
        else if (name.includes('.')) {
          const dot = name.indexOf('.');
          run.token('n', name.slice(0, dot));
          run.token('p', '.');
          run.token('n', name.slice(dot + 1));
        } else run.token('n');
      }),
      rule(/'/, 's1', 'escape_sqs'),
      rule(/"/, 's2', 'escape_dqs'),
    ],
    function_name: [
      rule(/\s+/, ''),
      rule(/(?:([A-Za-z_][A-Za-z0-9_]*)(\.))?([A-Za-z_][A-Za-z0-9_]*)/, ['nc', 'p', 'nf'], '#pop'),
      rule(/\(/, 'p', '#pop'),
    ],
    gsub: [rule(/\)/, 'p', '#pop'), rule(/[(,]/, 'p'), rule(/\s+/, ''), rule(/"/, 'sr', 'regex')],
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
    string_escape: [rule(/\\([abfnrtv\\"']|\d{1,3})/, 'se')],
    sqs: [rule(/'/, 's1', '#pop'), rule(/[^']+/, 's1')],
    dqs: [rule(/"/, 's2', '#pop'), rule(/[^"]+/, 's2')],
  },
}));
