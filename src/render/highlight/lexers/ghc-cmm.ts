/**
 * GHC Cmm, the Haskell compiler's C-- dialect as `-ddump-cmm` prints it (tag `ghc-cmm`, alias
 * `cmm`), as Rouge 3.30 lexes it (lexers/ghc_cmm.rb): `==== … ====` section lines `gh`, dump
 * timestamps `c1`, `section "data" {` heads (`k`, the kind `nb`), `#define` `cp` with its name
 * `nl`, `{ info_tbls: … }` blocks (`ni`, their labels `nl`, `label:`/`rep:`… `py`), comments
 * (`(likely: …)` `c`), numbers `mi`/`mf`, strings (`dl`, escapes `se`, `%d` `ss`), keywords `k`
 * (`if`/`goto`/`call`… only before a blank or comment), memory types before `[` `kt`, a line's
 * `type name` declaration (`kt` `nl`), registers (`Sp`, `Hp`, `R1`…) `vg`, `Module.name` `nn`,
 * a name before `(` or `{` `nf`, other names `nl`.
 *
 * Rouge's rules are unanchored where they look anchored: `(^id)…` starts with a group, so Ruby's
 * StringScanner lets its `^` match at every scan position, and `x y` anywhere is read as a
 * declaration; reproduced by the engine's translation of a leading `^`.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';

/** Rouge's `ws` (`/…/mx`): a blank, a `//` comment to its newline, or a `/* … *\/` comment. */
const WS = String.raw`(?:\s|\/\/[\s\S]*?\n|\/[*](?:[^*]|(?:[*][^\/]))*[*]+\/)`;
/** An identifier that is not a preprocessor line (`#if`, `#define`). */
const ID = String.raw`(?:(?!#[a-zA-Z])[\w#$%_']+)`;
/** A name that may hold `()`, `(,)` and `[]` (GHC's tuple and list constructors). */
const COMPLEX_ID = String.raw`(?:(?:[\w#$%_']|\(\)|\(,\)|\[\]|[0-9])*(?:[\w#$%_']+))`;

export const ghcCmm: LexerDef = lazyLexer('ghc-cmm', () => ({
  states: {
    root: [
      rule(/\s+/s, ''),
      rule(/^=====.*=====$/, 'gh'),
      rule(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ UTC$/, 'c1'),
      { mixin: 'detect_section' },
      { mixin: 'preprocessor_macros' },
      { mixin: 'info_tbls' },
      { mixin: 'comments' },
      { mixin: 'literals' },
      { mixin: 'keywords' },
      { mixin: 'types' },
      { mixin: 'infos' },
      { mixin: 'names' },
      { mixin: 'operators' },
      rule(/\\\n/, ''),
      rule(/./, ''),
    ],
    detect_section: [rule(/(section)(\s+)/, ['k', ''], 'section')],
    section: [
      rule(/"(data|cstring|text|rodata|relrodata|bss)"/, 'nb'),
      rule(/\{/, 'p', '#pop'),
      { mixin: 'names' },
      { mixin: 'operators' },
      { mixin: 'keywords' },
      rule(/\s+/, ''),
    ],
    preprocessor_macros: [
      rule(/#(include|endif|else|if)/, 'cp'),
      rule(String.raw`(#define)(${WS}*)(${ID})`, (run, m) => {
        run.token('cp', m[1]);
        run.recurse(m[2]);
        run.token('nl', m[3]);
      }),
    ],
    info_tbls: [rule(/(\{ )(info_tbls)(:)/, ['p', 'ni', 'p'], 'info_tbls_body')],
    info_tbls_body: [
      rule(/\}/, 'p', '#pop'),
      rule(/\{/, 'p', 'info_tbls_body'),
      rule(/(?=label:)/, (run) => run.push('label')),
      rule(String.raw`(\()(${COMPLEX_ID})(,)`, ['p', 'nl', 'p']),
      { mixin: 'literals' },
      { mixin: 'infos' },
      { mixin: 'keywords' },
      { mixin: 'operators' },
      rule(ID, ''),
      rule(/\s+/, ''),
    ],
    label: [
      { mixin: 'infos' },
      { mixin: 'names' },
      { mixin: 'keywords' },
      { mixin: 'operators' },
      // Rouge's `[^\S\n]+`: blanks other than a newline
      rule(/[ \t\v\f\r]+/, ''),
      rule(/\n/, '', '#pop'),
    ],
    comments: [rule(/\/{2}.*/, 'c1'), rule(/\(likely.*?\)/, 'c'), rule(/\/\*.*?\*\//s, 'cm')],
    literals: [
      rule(/-?[0-9]+\.[0-9]+/, 'mf'),
      rule(/-?[0-9]+/, 'mi'),
      rule(/"/, 'dl', 'literal_string'),
    ],
    literal_string: [rule(/\\./, 'se'), rule(/%./, 'ss'), rule(/"/, 'dl', '#pop'), rule(/./, 's')],
    operators: [rule(/\.\./, 'o'), rule(/[+\-*\/<>=!&|~]/, 'o'), rule(/[\[\].{}:;,()]/, 'p')],
    keywords: [
      rule(/(const)(\s+)/, ['kc', '']),
      rule(/"/, 's2'),
      rule(/(switch)([^{]*)(\{)/, (run, m) => {
        run.token('k', m[1]);
        run.recurse(m[2]);
        run.token('p', m[3]);
      }),
      rule(String.raw`(arg|result)(${WS}+)(hints)(:)`, (run, m) => {
        run.token('py', m[1]);
        run.recurse(m[2]);
        run.token('py', m[3]);
        run.token('p', m[4]);
      }),
      rule(String.raw`(returns)(${WS}*)(to)`, (run, m) => {
        run.token('k', m[1]);
        run.recurse(m[2]);
        run.token('k', m[3]);
      }),
      rule(String.raw`(never)(${WS}*)(returns)`, (run, m) => {
        run.token('k', m[1]);
        run.recurse(m[2]);
        run.token('k', m[3]);
      }),
      rule(String.raw`(return)(${WS}*)(\()`, (run, m) => {
        run.token('k', m[1]);
        run.recurse(m[2]);
        run.token('p', m[3]);
      }),
      rule(
        String.raw`(if|else|goto|call|offset|import|jump|ccall|foreign|prim|case|unwind|export|reserve|push)(${WS})`,
        (run, m) => {
          run.token('k', m[1]);
          run.recurse(m[2]);
        },
      ),
      rule(String.raw`(default)(${WS}*)(:)`, (run, m) => {
        run.token('k', m[1]);
        run.recurse(m[2]);
        run.token('p', m[3]);
      }),
    ],
    types: [
      // memory access `I64[…]`: only the type is a token
      rule(String.raw`(${ID})(?=\[[^\]])`, (run, m) => run.token('kt', m[1])),
      rule(String.raw`(${ID}\[\])`, (run, m) => run.token('kt', m[1])),
      // a macro before a call (`MACRO fun(`): no type there
      rule(String.raw`(^${ID})(${WS}+)(${ID})(${WS}*)(\()`, (run, m) => {
        run.token('nl', m[1]);
        run.recurse(m[2]);
        run.token('nf', m[3]);
        run.recurse(m[4]);
        run.token('p', m[5]);
      }),
      // `type name` in a declaration (only the type and the name are tokens)
      rule(String.raw`(^${ID})(${WS}+)(${ID})`, (run, m) => {
        run.token('kt', m[1]);
        run.recurse(m[2]);
        run.token('nl', m[3]);
      }),
    ],
    infos: [
      rule(/(args|res|upd|label|rep|srt|arity|fun_type|arg_space|updfr_space)(:)/, ['py', 'p']),
      rule(/(stack_info)(:)/, ['ni', 'p']),
    ],
    names: [
      rule(String.raw`(::)(${WS}*)([A-Z]\w+)`, (run, m) => {
        run.token('o', m[1]);
        run.recurse(m[2]);
        run.token('kt', m[3]);
      }),
      rule(String.raw`<(${ID})>`, 'nb'),
      rule(String.raw`(Sp|SpLim|Hp|HpLim|HpAlloc|BaseReg|CurrentNursery|CurrentTSO|R\d{1,2}|gcptr)(?!${ID})`, 'vg'),
      rule(String.raw`([A-Z]${ID})(\.)`, ['nn', 'p'], 'namespace_name'),
      // an infix call: arg1 `lt` arg2
      rule(String.raw`(\x60)(${ID})(\x60)`, ['p', 'nf', 'p']),
      // a function: its name before `(`, or `{` (arguments passed on the stack)
      rule(String.raw`(?=${COMPLEX_ID}${WS}*[\{\(])`, (run) => run.push('function')),
      rule(/CLOSURE/, 'kt'),
      rule(COMPLEX_ID, 'nl'),
    ],
    namespace_name: [
      rule(String.raw`([A-Z]${ID})(\.)`, ['nn', 'p']),
      rule(String.raw`(${COMPLEX_ID})(${WS}*)([\{\(])`, (run, m) => {
        run.token('nf', m[1]);
        run.recurse(m[2]);
        run.token('p', m[3]);
        run.pop();
      }),
      rule(COMPLEX_ID, 'nl', '#pop'),
      rule(/(?=.)/s, (run) => run.pop()),
    ],
    function: [
      rule(/INFO_TABLE_FUN|INFO_TABLE_CONSTR|INFO_TABLE_SELECTOR|INFO_TABLE_RET|INFO_TABLE/, 'nb'),
      rule(String.raw`%${ID}`, 'nb'),
      rule(COMPLEX_ID, 'nf'),
      rule(/\s+/, ''),
      rule(/[({]/, 'p', '#pop'),
      { mixin: 'comments' },
    ],
  },
}));
