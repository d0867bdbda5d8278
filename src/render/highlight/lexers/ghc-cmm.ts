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
 *
 * The rules built on Rouge's `ws` (blanks and comments, a `//` comment lazily up to some newline)
 * and `complex_id` (a word that may hold `()`, `(,)`, `[]`) followed by more pattern backtrack
 * exponentially or quadratically as regexes; they are matched by ./ghc-cmm-match.ts, which finds
 * the regex's first match in linear time. So are `/* … *\/` and `switch … {`, whose regexes would
 * rescan the rest of the text from each candidate.
 */
import { type LexRun, type LexerDef, type Rule, lazyLexer, rule } from '../engine.js';
import { complexIdThen, idEnd, type Tail, wsThen } from './ghc-cmm-match.js';
import { stickyMatcher } from './loop-match.js';

/** Rouge's `ws` (`/…/mx`): a blank, a `//` comment to its newline, or a `/* … *\/` comment. */
const WS = String.raw`(?:\s|\/\/[\s\S]*?\n|\/[*](?:[^*]|(?:[*][^\/]))*[*]+\/)`;
/** An identifier that is not a preprocessor line (`#if`, `#define`). */
const ID = String.raw`(?:(?!#[a-zA-Z])[\w#$%_']+)`;
/** A name that may hold `()`, `(,)` and `[]` (GHC's tuple and list constructors). */
const COMPLEX_ID = String.raw`(?:(?:[\w#$%_']|\(\)|\(,\)|\[\]|[0-9])*(?:[\w#$%_']+))`;

function customRule(match: (text: string, pos: number) => RegExpExecArray | null, action: (run: LexRun, m: RegExpExecArray) => void): Rule {
  return { re: stickyMatcher(match), bol: false, action };
}

/** A match from `pos` to `end` whose groups are cut at `cuts` (each group from the previous cut). */
function cutMatch(text: string, pos: number, cuts: number[]): RegExpExecArray {
  const groups: string[] = [];
  let from = pos;
  for (const cut of cuts) {
    groups.push(text.slice(from, cut));
    from = cut;
  }
  const m = [text.slice(pos, from), ...groups] as unknown as RegExpExecArray;
  m.index = pos;
  return m;
}

const literal = (word: string): Tail => (text, pos) => (text.startsWith(word, pos) ? pos + word.length : -1);
const TAIL_ID: Tail = idEnd;
const TAIL_TO = literal('to');
const TAIL_RETURNS = literal('returns');
const TAIL_PAREN = literal('(');
const TAIL_COLON = literal(':');
const TAIL_COMMA = literal(',');
const TAIL_HINTS = literal('hints:');
/** `[A-Z]\w+` */
const TAIL_TYPE: Tail = (text, pos) => {
  if (!/[A-Z]/.test(text[pos] ?? '')) return -1;
  let i = pos + 1;
  while (i < text.length && /\w/.test(text[i])) i++;
  return i > pos + 1 ? i : -1;
};
const TAIL_BRACE_OR_PAREN: Tail = (text, pos) => (text[pos] === '{' || text[pos] === '(' ? pos + 1 : -1);
/** `ws*` then `[\{\(]` */
const TAIL_WS_BRACE: Tail = (text, pos) => wsThen(text, pos, 0, TAIL_BRACE_OR_PAREN)?.[1] ?? -1;
/** `ws*` then `\(` */
const TAIL_WS_PAREN: Tail = (text, pos) => wsThen(text, pos, 0, TAIL_PAREN)?.[1] ?? -1;
/** `id` `ws*` `\(` */
const TAIL_ID_WS_PAREN: Tail = (text, pos) => {
  const end = idEnd(text, pos);
  return end < 0 ? -1 : TAIL_WS_PAREN(text, end);
};

/** `(head)(ws*)(tail)` (`ws+` with `min` 1): the groups head, blanks, tail. */
function wsRule(head: RegExp, min: 0 | 1, tail: Tail, action: (run: LexRun, m: RegExpExecArray) => void): Rule {
  const sticky = new RegExp(head.source, 'y');
  return customRule((text, pos) => {
    sticky.lastIndex = pos;
    const h = sticky.exec(text);
    if (!h) return null;
    const r = wsThen(text, pos + h[0].length, min, tail);
    return r ? cutMatch(text, pos, [pos + h[0].length, r[0], r[1]]) : null;
  }, action);
}

/** Rouge's `(^id)(ws+)(id)(ws*)(\()`: a macro before a call. */
function macroCall(text: string, pos: number): RegExpExecArray | null {
  const first = idEnd(text, pos);
  if (first < 0) return null;
  const r = wsThen(text, first, 1, TAIL_ID_WS_PAREN);
  if (!r) return null;
  const second = idEnd(text, r[0]);
  const r2 = wsThen(text, second, 0, TAIL_PAREN)!;
  return cutMatch(text, pos, [first, r[0], second, r2[0], r2[1]]);
}

/** Rouge's `(^id)(ws+)(id)`: a declaration. */
function declaration(text: string, pos: number): RegExpExecArray | null {
  const first = idEnd(text, pos);
  if (first < 0) return null;
  const r = wsThen(text, first, 1, TAIL_ID);
  return r ? cutMatch(text, pos, [first, r[0], r[1]]) : null;
}

/** Rouge's `(?=complex_id ws* [\{\(])`: a function name ahead. */
function functionAhead(text: string, pos: number): RegExpExecArray | null {
  return complexIdThen(text, pos, TAIL_WS_BRACE) ? cutMatch(text, pos, []) : null;
}

/** Rouge's `(complex_id)(ws*)([\{\(])`. */
function namespacedFunction(text: string, pos: number): RegExpExecArray | null {
  const r = complexIdThen(text, pos, TAIL_WS_BRACE);
  if (!r) return null;
  const ws = wsThen(text, r[0], 0, TAIL_BRACE_OR_PAREN)!;
  return cutMatch(text, pos, [r[0], ws[0], ws[1]]);
}

/** Rouge's `(\()(complex_id)(,)`. */
function labelTuple(text: string, pos: number): RegExpExecArray | null {
  if (text[pos] !== '(') return null;
  const r = complexIdThen(text, pos + 1, TAIL_COMMA);
  return r ? cutMatch(text, pos, [pos + 1, r[0], r[1]]) : null;
}

/**
 * The first index of `needle` at or after `from`, remembered per text: Rouge's `/\*.*?\*\/` (dot
 * matching newlines) and `(switch)([^{]*)({)` look for it from every candidate, which would rescan
 * the rest of the text each time.
 */
function nextIndexFinder(needle: string): (text: string, from: number) => number {
  let seen = '';
  let searchedFrom = -1;
  let found = -1;
  return (text, from) => {
    if (text !== seen || from < searchedFrom || (found >= 0 && from > found)) {
      seen = text;
      searchedFrom = from;
      found = text.indexOf(needle, from);
    }
    return found;
  };
}
const nextCommentClose = nextIndexFinder('*/');
const nextOpenBrace = nextIndexFinder('{');

function blockComment(text: string, pos: number): RegExpExecArray | null {
  if (!text.startsWith('/*', pos)) return null;
  const close = nextCommentClose(text, pos + 2);
  return close < 0 ? null : cutMatch(text, pos, [close + 2]);
}

function switchHead(text: string, pos: number): RegExpExecArray | null {
  if (!text.startsWith('switch', pos)) return null;
  const open = nextOpenBrace(text, pos + 6);
  return open < 0 ? null : cutMatch(text, pos, [pos + 6, open, open + 1]);
}

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
      wsRule(/#define/, 0, TAIL_ID, (run, m) => {
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
      customRule(labelTuple, (run) => run.groups('p', 'nl', 'p')),
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
    comments: [rule(/\/{2}.*/, 'c1'), rule(/\(likely.*?\)/, 'c'), customRule(blockComment, (run) => run.token('cm'))],
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
      customRule(switchHead, (run, m) => {
        run.token('k', m[1]);
        run.recurse(m[2]);
        run.token('p', m[3]);
      }),
      wsRule(/arg|result/, 1, TAIL_HINTS, (run, m) => {
        run.token('py', m[1]);
        run.recurse(m[2]);
        run.token('py', 'hints');
        run.token('p', ':');
      }),
      wsRule(/returns/, 0, TAIL_TO, (run, m) => {
        run.token('k', m[1]);
        run.recurse(m[2]);
        run.token('k', m[3]);
      }),
      wsRule(/never/, 0, TAIL_RETURNS, (run, m) => {
        run.token('k', m[1]);
        run.recurse(m[2]);
        run.token('k', m[3]);
      }),
      wsRule(/return/, 0, TAIL_PAREN, (run, m) => {
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
      wsRule(/default/, 0, TAIL_COLON, (run, m) => {
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
      customRule(macroCall, (run, m) => {
        run.token('nl', m[1]);
        run.recurse(m[2]);
        run.token('nf', m[3]);
        run.recurse(m[4]);
        run.token('p', m[5]);
      }),
      // `type name` in a declaration (only the type and the name are tokens)
      customRule(declaration, (run, m) => {
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
      wsRule(/::/, 0, TAIL_TYPE, (run, m) => {
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
      customRule(functionAhead, (run) => run.push('function')),
      rule(/CLOSURE/, 'kt'),
      rule(COMPLEX_ID, 'nl'),
    ],
    namespace_name: [
      rule(String.raw`([A-Z]${ID})(\.)`, ['nn', 'p']),
      customRule(namespacedFunction, (run, m) => {
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
