/**
 * PHP (tags `php`, `php3`, `php4`, `php5`), as Rouge 3.30 lexes it (lib/rouge/lexers/php.rb, a
 * TemplateLexer over HTML): text outside `<?php … ?>` (`cp`) is HTML; unless told otherwise
 * (`php?start_inline=…`) a block that does not start with `<` and has no `<?php`/`<?=` before
 * its first `$` is read as PHP from the start. In PHP: `$vars` `nv`; numbers (a `.` alone is
 * Rouge's float `mf`, so the concatenation operator is `mf`); `'…'` `s1`, `` `…` `` `sb`,
 * `"…"` `s2` with escapes `se` and `{$…}` interpolation `si`, heredocs `sh`; `#`/`//`
 * comments `c1`, doc comments `cd`, block comments `cm`; a name before `(` is a keyword `k`, one of Rouge's
 * builtin functions `nb` (PHP_BUILTIN_MODULES, without `php?disabledmodules=…`; none with
 * `funcnamehighlighting=false`) or `nf`; other names by Rouge's tests (`E_…`/`PHP_…` `kc`,
 * all-capitals `no`, capitalised `nc`, `__x__` `nb`); `function` heads, `new`, `use`, `const`,
 * `catch` and visibility keywords with the states that follow them.
 */
import { type LexRun, type LexerDef, type RuleSpec, asBool, asList, lazyLexer, mixin, rule } from '../engine.js';
import { PHP_BUILTIN_MODULES } from '../rouge-words.js';
import { html } from './html.js';
import { escapedWalkStop, failsOnceFailed, guardedByRun, onlyWhereLater } from './loop-match.js';
import { sublexers } from './sublexers.js';
import { lazyRegExp } from '../../../lazy-regexp.js';

export const KEYWORDS = new Set(`old_function cfunction
  __class__ __dir__ __file__ __function__ __halt_compiler __line__
  __method__ __namespace__ __trait__ abstract and array as break case
  catch clone continue declare default die do echo else elseif empty
  enddeclare endfor endforeach endif endswitch endwhile eval exit
  extends final finally fn for foreach global goto if implements
  include include_once instanceof insteadof isset list match new or
  parent print private protected public readonly require require_once
  return self static switch throw try unset var while xor yield`.split(/\s+/));

// Ruby interpolates a Regexp as a group (`(?-mix:…)`).
const ID = String.raw`(?:[\p{L}_][\p{L}\p{N}_]*)`;
const isDollar = (c: number) => c === 36;
/** ID's first character, `[\p{L}_]`. */
const NAME_START = lazyRegExp(String.raw`^[\p{L}_]$`, 'u');
const NS = String.raw`(?:(?:${ID}\\)+)`;
const ID_WITH_NS = `(?:${NS}?${ID})`;

let modules: Map<string, string[]> | undefined;
/** Rouge's PHP.builtins: module name → function names. */
function builtinModules(): Map<string, string[]> {
  return (modules ??= new Map(
    PHP_BUILTIN_MODULES.split('\n').map((line) => {
      const tab = line.indexOf('\t');
      return [line.slice(0, tab), line.slice(tab + 1).split(' ')];
    }),
  ));
}

let allBuiltins: Set<string> | undefined;
const NO_BUILTINS = new Set<string>();


/** The instance's builtin functions (PHP#builtins): every module's but the disabled ones. */
function builtins(run: LexRun): Set<string> {
  if (run.data.builtins) return run.data.builtins;
  const o = run.options;
  let set: Set<string>;
  if (o.has('funcnamehighlighting') && !asBool(o.getAll('funcnamehighlighting'))) set = NO_BUILTINS;
  else {
    const disabled = asList(o.getAll('disabledmodules'));
    if (!disabled.length) set = allBuiltins ??= new Set([...builtinModules().values()].flat());
    else {
      set = new Set();
      for (const [mod, fns] of builtinModules()) if (!disabled.includes(mod)) for (const f of fns) set.add(f);
    }
  }
  return (run.data.builtins = set);
}

/** TemplateLexer#parent: the `parent` option's lexer, else HTML. */
function parent(run: LexRun): LexerDef {
  const values = run.options.getAll('parent');
  return (values.length ? sublexers.find(values[values.length - 1]) : undefined) ?? html;
}

const UPPER = String.raw`\p{Uppercase}`;
const KEYWORD_CONSTANT = lazyRegExp(String.raw`^(?:E|PHP)(?:_${UPPER}+)+$`, 'u');
const CONSTANT = lazyRegExp(String.raw`(?:\\|^)${UPPER}[${UPPER}\p{Nd}_]+$`, 'u');
const CLASS = lazyRegExp(String.raw`(?:\\|^)${UPPER}[\p{Alphabetic}\p{Nd}]*?$`, 'u');
const DUNDER = /^__.*?__$/;

/**
 * Rouge's PHP lexer over a keyword list, with rules put before a state's own (`prepend`), as
 * Rouge's Hack < PHP does (./hack.ts).
 */
export function phpLexer(tag: string, keywords: Set<string>, prepend: Record<string, RuleSpec[]> = {}): LexerDef {
  return lazyLexer(tag, () => {
    const def: Omit<LexerDef, 'name'> = {
      start: (run) => {
        const o = run.options;
        if (o.has('start_inline')) {
          if (asBool(o.getAll('start_inline'))) run.push('php');
        } else run.push('start');
      },
      states: {
        escape: [
          rule(/\?>/, (run) => {
            run.token('cp');
            run.resetStack();
          }),
        ],
        return: [rule('', (run) => run.pop())],
        start: [
          rule(/\s*(?=<)/, (run) => {
            run.delegate(parent(run));
            run.pop();
          }),
          rule(/[^$]+(?=<\?(?:php|=))/i, (run) => {
            run.delegate(parent(run));
            run.pop();
          }),
          rule('', (run) => run.goto('php')),
        ],
        names: [
          rule(String.raw`${ID_WITH_NS}(?=\s*\()`, (run, m) => {
            const name = m[0].toLowerCase();
            if (keywords.has(name)) run.token('k');
            else if (builtins(run).has(name)) run.token('nb');
            else run.token('nf');
          }),
          rule(ID_WITH_NS, (run, m) => {
            const word = m[0];
            const name = word.toLowerCase();
            if (name === 'use') {
              run.push('in_use');
              run.token('kn');
            } else if (name === 'const') {
              run.push('in_const');
              run.token('k');
            } else if (name === 'catch') {
              run.push('in_catch');
              run.token('k');
            } else if (name === 'public' || name === 'protected' || name === 'private') {
              run.push('in_visibility');
              run.token('k');
            } else if (keywords.has(name)) run.token('k');
            // (Rouge also tests the lower-cased name against 'stdClass', which never matches)
            else if (DUNDER.test(word)) run.token('nb');
            else if (KEYWORD_CONSTANT().test(word)) run.token('kc');
            else if (CONSTANT().test(word)) run.token('no');
            else if (CLASS().test(word)) run.token('nc');
            else run.token('n');
          }),
        ],
        operators: [rule(/[~!%^&*+|:.<>\/@-]+/, 'o')],
        string: [
          rule(/"/, 's2', '#pop'),
          rule(/[^\\{$"]+/, 's2'),
          rule(/\\u\{[0-9a-fA-F]+\}/, 'se'),
          rule(/\\(?:[efrntv"$\\]|[0-7]{1,3}|[xX][0-9a-fA-F]{1,2})/, 'se'),
          rule(String.raw`\$${ID}(?:\[\S+\]|->${ID})?`, 'nv'),
          rule(/\{\$\{/, 'si', 'string_interp_double'),
          rule(/\{(?=\$)/, 'si', 'string_interp_single'),
          rule(/(\{)(\S+)(\})/, ['si', 'nv', 'si']),
          rule(/[${\\]+/, 's2'),
        ],
        string_interp_double: [rule(/\}\}/, 'si', '#pop'), mixin('php')],
        string_interp_single: [rule(/\}/, 'si', '#pop'), mixin('php')],
        values: [
          rule(new RegExp(String.raw`<<<(["']?)(${ID})\1\n.*?\n\s*\2;?`, 'is'), 'sh'),
          rule(/(?:\d[_\d]*)?\.(?:\d[_\d]*)?(?:e[+-]?\d[_\d]*)?/i, 'mf'),
          rule(/0[0-7][0-7_]*/, 'mo'),
          rule(/0b[01][01_]*/i, 'mb'),
          rule(/0x[a-f0-9][a-f0-9_]*/i, 'mh'),
          rule(/\d[_\d]*/, 'mi'),
          // unclosed, each later quote the walk passed (escaped) would walk to the same dead end
          // again (quadratic on `'\\'\\'`, unclosed): remembered until where the walk stopped (failsOnceFailed)
          failsOnceFailed("'", rule(/'(?:[^'\\]*(?:\\.[^'\\]*)*)'/, 's1'), escapedWalkStop("'")),
          failsOnceFailed('`', rule(/`(?:[^`\\]*(?:\\.[^`\\]*)*)`/, 'sb'), escapedWalkStop('`')),
          rule(/"/, 's2', 'string'),
          rule(/(?:function|fn)\b/i, (run) => {
            run.push('in_function_return');
            run.push('in_function_params');
            run.push('in_function_name');
            run.token('k');
          }),
          rule(/(?:true|false|null)\b/i, 'kc'),
          rule(/new\b/i, 'k', 'in_new'),
        ],
        variables: [
          rule(String.raw`\$\{\$+${ID}\}`, 'nv'),
          // tried only where the run of `$` is followed by a name's first character: otherwise a
          // long run (`$$$$…`) is scanned and backtracked from each of its positions (quadratic)
          guardedByRun(isDollar, rule(String.raw`\$+${ID}`, 'nv'), (text, pos, end) => end > pos && NAME_START().test(String.fromCodePoint(text.codePointAt(end) ?? 0))),
        ],
        whitespace: [
          rule(/\s+/, ''),
          rule(/#.*?$/, 'c1'),
          rule(/\/\/.*?$/, 'c1'),
          // unclosed, the lazy bodies would scan to the end at each opener: tried only before a closer
          onlyWhereLater('*/', 2, rule(/\/\*\*(?!\/).*?\*\//s, 'cd')),
          onlyWhereLater('*/', 2, rule(/\/\*.*?\*\//s, 'cm')),
        ],
        root: [
          rule(/<\?(?:php|=)?/i, 'cp', 'php'),
          rule(/.*?(?=<\?)|.*/s, (run) => run.delegate(parent(run))),
        ],
        php: [
          mixin('escape'),
          mixin('whitespace'),
          mixin('variables'),
          mixin('values'),
          rule(new RegExp(String.raw`(namespace)(\s+)(${ID_WITH_NS})`, 'i'), ['kn', '', 'nn']),
          rule(new RegExp(String.raw`(class|interface|trait|extends|implements)(\s+)(${ID_WITH_NS})`, 'i'), ['kd', '', 'nc']),
          mixin('names'),
          rule(/[;,(){}\[\]]/, 'p'),
          mixin('operators'),
          rule(/[=?]/, 'o'),
        ],
        in_assign: [
          rule(/,/, 'p', '#pop'),
          rule(/[\[\]]/, 'p'),
          rule(/\(/, 'p', 'in_assign_function'),
          mixin('escape'),
          mixin('whitespace'),
          mixin('values'),
          mixin('variables'),
          mixin('names'),
          mixin('operators'),
          mixin('return'),
        ],
        in_assign_function: [rule(/\)/, 'p', '#pop'), rule(/,/, 'p'), mixin('in_assign')],
        in_catch: [
          rule(/\(/, 'p'),
          rule(/\|/, 'o'),
          rule(ID, 'nc'),
          mixin('escape'),
          mixin('whitespace'),
          mixin('return'),
        ],
        in_const: [
          rule(ID, 'no'),
          rule(/=/, 'o', 'in_assign'),
          mixin('escape'),
          mixin('whitespace'),
          mixin('return'),
        ],
        in_function_body: [rule(/\{/, 'p', '#push'), rule(/\}/, 'p', '#pop'), mixin('php')],
        in_function_name: [
          rule(/&/, 'o'),
          rule(ID, 'n'),
          rule(/\(/, 'p', '#pop'),
          mixin('escape'),
          mixin('whitespace'),
          mixin('return'),
        ],
        in_function_params: [
          rule(/\)/, 'p', '#pop'),
          rule(/,/, 'p'),
          rule(/[.]{3}/, 'p'),
          rule(/=/, 'o', 'in_assign'),
          rule(/\b(?:public|protected|private|readonly)\b/i, 'k'),
          rule(String.raw`\??${ID}`, 'kt', 'in_assign'),
          mixin('escape'),
          mixin('whitespace'),
          mixin('variables'),
          mixin('return'),
        ],
        in_function_return: [
          rule(/:/, 'p'),
          rule(/use\b/i, 'k', 'in_function_use'),
          rule(String.raw`\??${ID}`, 'kt', 'in_assign'),
          rule(/\{/, (run) => {
            run.token('p');
            run.goto('in_function_body');
          }),
          mixin('escape'),
          mixin('whitespace'),
          mixin('return'),
        ],
        in_function_use: [
          rule(/[,(]/, 'p'),
          rule(/&/, 'o'),
          rule(/\)/, 'p', '#pop'),
          mixin('escape'),
          mixin('whitespace'),
          mixin('variables'),
          mixin('return'),
        ],
        in_new: [
          rule(/class\b/i, (run) => {
            run.token('kd');
            run.goto('in_new_class');
          }),
          rule(ID_WITH_NS, 'nc', '#pop'),
          mixin('escape'),
          mixin('whitespace'),
          mixin('return'),
        ],
        in_new_class: [rule(/\}/, 'p', '#pop'), rule(/\{/, 'p'), mixin('php')],
        in_use: [
          rule(/[,}]/, 'p'),
          rule(/(?:function|const)\b/i, 'k'),
          rule(String.raw`(${NS})(\{)`, ['nn', 'p']),
          rule(String.raw`${ID_WITH_NS}(?:_${ID})+`, 'nf'),
          mixin('escape'),
          mixin('whitespace'),
          mixin('names'),
          mixin('return'),
        ],
        in_visibility: [
          rule(/\b(?:readonly|static)\b/i, 'k'),
          rule(/(?=(?:abstract|const|function)\b)/i, 'k', '#pop'),
          rule(String.raw`\??${ID}`, 'kt', '#pop'),
          mixin('escape'),
          mixin('whitespace'),
          mixin('return'),
        ],
      },
    };
    for (const [state, rules] of Object.entries(prepend)) def.states[state].unshift(...rules);
    return def;
  });
}

export const php: LexerDef = phpLexer('php', KEYWORDS);
