/**
 * MoonScript (tags `moonscript`, `moon`; `.moon` files), as Rouge 3.30 lexes it
 * (lexers/moonscript.rb): a `#!` line `cp`; `--` comments `c1`; `[[ … ]]` long strings `sh`;
 * numbers as Lua's (`mf`/`mh`/`mi`; the float rule ends in a stray `'`, so `3.14` is `mi` `p`
 * `mi`); `@ivar` `vi`; capitalised names `nc`; `"key":`, `key:` and `:sym` `ss`; operators `o`,
 * punctuation `p`; `and`/`or`/`not` `ow`, keywords `k`, `local`/`export` `kd`, `true`/`false`/`nil`
 * `kc`; Lua's builtins `nb` (Rouge's list from its Lua lexer, LUA_BUILTINS), `a.b` names `n` `p`
 * `n`, others `n`; `'…'` `s1`, `"…"` `s2` with `#{…}` interpolations `si` lexed as code.
 * The `function_highlighting` and `disabled_modules` options are not read (as for lua.ts).
 * Rouge's `"?[^"]+":` rule scans to the next quote at every position; it is run only where it
 * matches (the next quote is followed by `:`), so long texts without one lex linearly.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { LUA_BUILTINS } from '../rouge-words.js';
import { guarded, onlyWhereLater } from './loop-match.js';

/** The `"?[^"]+":` rule's exact precondition, with the next quote's place remembered. */
function keyStringGuard(): (text: string, pos: number) => boolean {
  let seenText = '';
  let from = -1;
  let next = -1; // the first `"` at or after `from` (text.length if none)
  const nextQuote = (text: string, i: number): number => {
    if (text !== seenText || i < from || i > next) {
      const q = text.indexOf('"', i);
      seenText = text;
      from = i;
      next = q < 0 ? text.length : q;
    }
    return next;
  };
  return (text, pos) => {
    if (text[pos] === '"') {
      const q = nextQuote(text, pos + 1);
      return q > pos + 1 && text[q + 1] === ':';
    }
    const q = nextQuote(text, pos);
    return text[q + 1] === ':';
  };
}

const KEYWORDS = 'break|class|continue|do|else|elseif|end|extends|for|if|import|in|repeat|return|switch|super|then|unless|until|using|when|with|while';

export const moonscript: LexerDef = lazyLexer('moonscript', () => ({
  states: {
    root: [rule(/#!(.*?)$/, 'cp'), rule(/(?:)/, '', 'main')],
    base: [
      // Rouge's `(?i)` applies to the whole pattern; its float rule really ends with a quote
      rule(/(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'/i, 'mf'),
      rule(/\d+e[+-]?\d+/i, 'mf'),
      rule(/0x[0-9a-f]*/i, 'mh'),
      rule(/\d+/, 'mi'),
      rule(/@\w*/, 'vi'), // Rouge's @(?:\w\w*)*
      rule(/[A-Z]\w*/, 'nc'),
      guarded(rule(/"?[^"]+":/, 'ss'), keyStringGuard()),
      rule(/\w\w*:/, 'ss'),
      rule(/:\w\w*/, 'ss'),
      rule(/\s+/, 'w'),
      rule(/(==|~=|!=|<=|>=|\.\.\.|\.\.|->|=>|[=+\-*/%^<>#!\\])/, 'o'),
      rule(/[[\]{}().,:;]/, 'p'),
      rule(/(and|or|not)\b/, 'ow'),
      rule(String.raw`(${KEYWORDS})\b`, 'k'),
      rule(/(local|export)\b/, 'kd'),
      rule(/(true|false|nil)\b/, 'kc'),
      rule(/[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?/, (run, m) => {
        const name = m[0];
        if (LUA_BUILTINS.has(name)) run.token('nb');
        else if (name.includes('.')) {
          const dot = name.indexOf('.');
          run.token('n', name.slice(0, dot));
          run.token('p', '.');
          run.token('n', name.slice(dot + 1));
        } else run.token('n');
      }),
    ],
    main: [
      rule(/--.*$/, 'c1'),
      // needs a closing `]`: only tried where one is left (linear on many unclosed openers)
      onlyWhereLater(']', 2, rule(/\[(=*)\[.*?\]\1\]/s, 'sh')),
      { mixin: 'base' },
      rule(/'/, 's1', 'sqs'),
      rule(/"/, 's2', 'dqs'),
    ],
    sqs: [rule(/'/, 's1', '#pop'), rule(/[^']+/, 's1')],
    interpolation: [rule(/\}/, 'si', '#pop'), { mixin: 'base' }],
    dqs: [rule(/#\{/, 'si', 'interpolation'), rule(/"/, 's2', '#pop'), rule(/#[^{]/, 's2'), rule(/[^"#]+/, 's2')],
  },
}));
