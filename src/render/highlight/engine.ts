/**
 * A small state-machine lexer that behaves like Rouge's RegexLexer, so that lexers written for it
 * cut text into the same tokens Rouge does.
 *
 * Behaviour reproduced from Rouge 3.30 (lib/rouge/regex_lexer.rb, lib/rouge/lexer.rb):
 * - The state on top of the stack is tried rule by rule; the first rule whose regex matches at the
 *   current position wins (leftmost rule, not longest match). Mixed-in states are tried in place.
 * - When no rule matches, one character is emitted as an Error token (`err`) and lexing goes on
 *   in the same state.
 * - A rule whose regex source starts with `^` is only tried at the beginning of a line.
 * - More than 5 successive matches that consume nothing make the step fail (then `err`).
 * - Empty values are never emitted; consecutive tokens of the same type are merged
 *   (Lexer#continue_lex).
 *
 * Tokens are identified by Rouge's short CSS class (`k`, `nf`, `s2`, …); plain Text is `''`.
 * Regexes are written in Ruby's dialect-as-JS and translated once at load time (see `rubyRe`).
 */

import { classCaseExtras, escapedChar, foldedAtom, needsRubyCaseFold } from './ruby-case-fold.js';

export type Tok = string;
export type TokenList = Array<[Tok, string]>;

/** What a rule does when it matches. */
export type Action = (run: LexRun, m: RegExpExecArray) => void;

export interface Rule {
  re: RegExp;
  /**
   * The same regex for text that is all ASCII, where the Unicode word class of a translated `\b`
   * is `[A-Za-z0-9_]` (rubyRe). Compiling the Unicode class (four copies per `\b`) was most of a
   * cold build's highlighting time: V8 compiles each regex anew in every process.
   */
  asciiRe?: RegExp;
  /** The regex starts with `^`: only try it at the beginning of a line (Rouge's StringScanner hack). */
  bol: boolean;
  /**
   * A lookbehind, `\b` or `\B` may be reached before the match has consumed anything without
   * being at the very start of the pattern (`@?\brem`): run on the text from the scan position,
   * so that it sees nothing before it, as under Ruby's StringScanner (see seesBeforeStart).
   */
  slice?: boolean;
  action: Action;
}

export interface MixinRef {
  mixin: string;
}

export type RuleSpec = Rule | MixinRef;

export interface LexerDef {
  name: string;
  states: Record<string, RuleSpec[]>;
  /** Runs before each fresh lex (Rouge's `start` blocks), e.g. to push an initial state. */
  start?: (run: LexRun) => void;
  /** A lexer that is not a state machine (plain text): tokens for `text`. */
  external?: (text: string) => TokenList;
}

interface CompiledState {
  name: string;
  rules: Array<Rule | CompiledState>;
}

const compiledCache = new WeakMap<LexerDef, Map<string, CompiledState>>();

function compileStates(def: LexerDef): Map<string, CompiledState> {
  let states = compiledCache.get(def);
  if (states) return states;
  states = new Map();
  for (const name of Object.keys(def.states)) states.set(name, { name, rules: [] });
  for (const [name, specs] of Object.entries(def.states)) {
    const target = states.get(name)!;
    for (const spec of specs) {
      if ('mixin' in spec) {
        const mixed = states.get(spec.mixin);
        if (!mixed) throw new Error(`lexer ${def.name}: unknown mixin state ${spec.mixin}`);
        target.rules.push(mixed);
      } else {
        target.rules.push(spec);
      }
    }
  }
  compiledCache.set(def, states);
  return states;
}

const MAX_NULL_SCANS = 5;
const NON_ASCII = /[^\x00-\x7f]/;
const NO_OPTIONS = new URLSearchParams();

/** One lexer instance: its state stack and scratch data survive `continueLex` calls. */
export class LexRun {
  readonly def: LexerDef;
  private readonly states: Map<string, CompiledState>;
  stack: CompiledState[] = [];
  /** Per-instance scratch space for lexers that keep extra state (string delimiters, indents…). */
  data: Record<string, any> = {};
  /** Text being lexed and the current position (valid during a rule's action). */
  text = '';
  pos = 0;
  /** `text` has only ASCII characters: the rules' asciiRe then match as their `re` would. */
  private ascii = false;
  private out: TokenList = [];
  private nullSteps = 0;
  private children = new Map<LexerDef, LexRun>();
  m: RegExpExecArray | null = null;

  /** Lexer options from `lang?key=value` (Rouge's find_fancy), e.g. `console?lang=python`. */
  readonly options: URLSearchParams;

  constructor(def: LexerDef, options: URLSearchParams = NO_OPTIONS) {
    this.def = def;
    this.options = options;
    this.states = def.external ? new Map([['root', { name: 'root', rules: [] }]]) : compileStates(def);
    this.reset();
  }

  reset(): void {
    this.stack = [this.getState('root')];
    this.data = {};
    this.children.clear();
    this.def.start?.(this);
  }

  getState(name: string): CompiledState {
    const s = this.states.get(name);
    if (!s) throw new Error(`lexer ${this.def.name}: unknown state ${name}`);
    return s;
  }

  get stateName(): string {
    return this.stack[this.stack.length - 1].name;
  }

  inState(name: string): boolean {
    return this.stack.some((s) => s.name === name);
  }

  push(name?: string): void {
    this.stack.push(name ? this.getState(name) : this.stack[this.stack.length - 1]);
  }

  pop(times = 1): void {
    // Rouge raises on an empty stack; lexers here never pop below root on valid paths, and on
    // invalid input we keep root rather than crash the build.
    for (let i = 0; i < times && this.stack.length > 1; i++) this.stack.pop();
  }

  /**
   * Push a state built at run time (Rouge's `push do … end`), e.g. a string whose delimiter is
   * only known once its opening is seen. `key` caches the compiled state per lexer.
   */
  pushDynamic(key: string, build: () => RuleSpec[]): void {
    let state = this.states.get(key);
    if (!state) {
      state = { name: key, rules: [] };
      for (const spec of build()) {
        state.rules.push('mixin' in spec ? this.getState(spec.mixin) : spec);
      }
      this.states.set(key, state);
    }
    this.stack.push(state);
  }

  goto(name: string): void {
    this.stack[this.stack.length - 1] = this.getState(name);
  }

  resetStack(): void {
    this.stack = [this.getState('root')];
  }

  /**
   * Emit a token: `token(t)` emits the whole current match, `token(t, v)` emits `v` — nothing
   * when `v` is undefined (an unmatched group), like Rouge's yield_token with nil.
   */
  token(tok: Tok, ...value: [string | undefined] | []): void {
    const val = value.length ? value[0] : this.m?.[0];
    if (!val) return;
    const out = this.out;
    const last = out[out.length - 1];
    if (last && last[0] === tok) last[1] += val;
    else out.push([tok, val]);
  }

  /** Emit one token per capture group of the current match. */
  groups(...toks: Tok[]): void {
    const m = this.m!;
    for (let i = 0; i < toks.length; i++) this.token(toks[i], m[i + 1]);
  }

  /** Lex `text` with another lexer whose instance (and state) persists for this run. */
  delegate(def: LexerDef, text: string | undefined = this.m?.[0]): void {
    if (!text) return;
    for (const [t, v] of this.childRun(def).continueLex(text)) this.token(t, v);
  }

  /** The persistent instance of `def` this run delegates to (created on first use). */
  childRun(def: LexerDef): LexRun {
    let child = this.children.get(def);
    if (!child) {
      child = new LexRun(def, this.options);
      this.children.set(def, child);
    }
    return child;
  }

  /** Lex `text` with a fresh instance of a lexer (Rouge's `recurse` and class-level delegation). */
  delegateFresh(def: LexerDef, text: string | undefined = this.m?.[0]): void {
    if (!text) return;
    for (const [t, v] of new LexRun(def).continueLex(text)) this.token(t, v);
  }

  recurse(text?: string): void {
    this.delegateFresh(this.def, text);
  }

  /** Lex from the current state, without resetting. Returns merged tokens. */
  continueLex(text: string): TokenList {
    if (this.def.external) return this.def.external(text);
    const saved = { text: this.text, ascii: this.ascii, pos: this.pos, out: this.out, m: this.m };
    this.text = text;
    this.ascii = !NON_ASCII.test(text);
    this.pos = 0;
    this.out = [];
    this.nullSteps = 0;
    const len = text.length;
    while (this.pos < len) {
      if (!this.step(this.stack[this.stack.length - 1])) {
        const cp = text.codePointAt(this.pos)!;
        const ch = String.fromCodePoint(cp);
        this.pos += ch.length;
        this.token('err', ch);
      }
    }
    const out = this.out;
    this.text = saved.text;
    this.ascii = saved.ascii;
    this.pos = saved.pos;
    this.out = saved.out;
    this.m = saved.m;
    return out;
  }

  private step(state: CompiledState): boolean {
    const text = this.text;
    for (const rule of state.rules) {
      if ('name' in rule) {
        if (this.step(rule)) return true;
        continue;
      }
      if (rule.bol && this.pos > 0 && text.charCodeAt(this.pos - 1) !== 10) continue;
      const re = this.ascii && rule.asciiRe ? rule.asciiRe : rule.re;
      let m: RegExpExecArray | null;
      if (rule.slice && this.pos > 0) {
        re.lastIndex = 0;
        m = re.exec(text.slice(this.pos));
      } else {
        re.lastIndex = this.pos;
        m = re.exec(text);
      }
      if (!m) continue;
      this.m = m;
      const size = m[0].length;
      this.pos += size;
      rule.action(this, m);
      if (size === 0) {
        if (++this.nullSteps > MAX_NULL_SCANS) return false;
      } else {
        this.nullSteps = 0;
      }
      return true;
    }
    return false;
  }
}

/**
 * A lexer whose definition is built on first use: building every lexer's rules when the module
 * loads cost each build ~13 ms of start-up, whether or not the site has code to highlight.
 */
export function lazyLexer(name: string, build: () => Omit<LexerDef, 'name'>): LexerDef {
  let built: Omit<LexerDef, 'name'> | undefined;
  const get = () => (built ??= build());
  return {
    name,
    get states() {
      return get().states;
    },
    get start() {
      return get().start;
    },
    get external() {
      return get().external;
    },
  };
}

/** A word list of Rouge's (./rouge-words.ts), looked up through a Set built on first use. */
export interface WordList extends Iterable<string> {
  has(word: string): boolean;
}

export function wordList(words: () => string[]): WordList {
  let set: Set<string> | undefined;
  const get = () => (set ??= new Set(words()));
  return { has: (word) => get().has(word), [Symbol.iterator]: () => get().values() };
}

/**
 * An exception Rouge itself raises while lexing this input (e.g. a lexer pushing a state it never
 * defines): kramdown lets it through and Jekyll's build fails with a conversion error, so
 * `highlight` rethrows it instead of falling back to plain text as it does for bugs of ours.
 */
export class RougeRaise extends Error {}

/** A non-state-machine lexer that emits the whole text as one token (Rouge's PlainText). */
export function plainLexer(name: string, tok: Tok): LexerDef {
  return { name, states: { root: [] }, external: (text) => (text ? [[tok, text]] : []) };
}

/** Rouge::Lexer#as_bool on an option's values (`lang?key=a&key=b`): the last one decides. */
export function asBool(values: string[]): boolean {
  if (!values.length) return true;
  return !['0', 'false', 'off'].includes(values[values.length - 1]);
}

/** Rouge::Lexer#as_list: every value split at commas (trailing empty strings dropped, as Ruby's split). */
export function asList(values: string[]): string[] {
  return values.flatMap((v) => {
    const parts = v.split(',');
    while (parts.length && parts[parts.length - 1] === '') parts.pop();
    return parts;
  });
}

/** Lex `text` from scratch with `def`. */
export function lex(def: LexerDef, text: string, options?: URLSearchParams): TokenList {
  return new LexRun(def, options).continueLex(text);
}

const ESC_RE = /[&<>]/g;
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Rouge::Formatters::HTML escapes only `&`, `<` and `>` (not quotes). */
export function escapeHtml(s: string): string {
  return s.replace(ESC_RE, (c) => ESC[c]);
}

/**
 * Rouge::Formatters::HTML: Text bare, every other token in `<span class="short">`. An Escape
 * token (`esc`, from the Escape lexer) is written as an Error, as Rouge's formatter does while
 * escapes are not enabled (Formatter#filter_escapes; kramdown and Jekyll never enable them) —
 * after lexing, so it is not merged with a neighbouring `err`.
 */
export function formatHtml(tokens: TokenList): string {
  let html = '';
  for (const [tok, val] of tokens) {
    html += tok === '' ? escapeHtml(val) : `<span class="${tok === 'esc' ? 'err' : tok}">${escapeHtml(val)}</span>`;
  }
  return html;
}

// ---------------------------------------------------------------------------------------------
// Rule construction helpers.

/**
 * Whether a lookbehind, `\b` or `\B` can be reached with nothing consumed yet but not at the very
 * start of the pattern (after optional atoms or an alternation's optional part, e.g. `@?\brem`).
 * There Ruby's StringScanner sees no text before the scan position, while a JS regex run on the
 * whole text would; translate() handles only the pattern's very start, so such rules run on the
 * text from the scan position. Over-approximates (groups count as possibly consuming).
 */
export function seesBeforeStart(source: string): boolean {
  let nullable = true;
  let atStart = true;
  const stack: Array<{ nullable: boolean; atStart: boolean; any: boolean; look: boolean }> = [];
  const optional = (j: number): boolean => source[j] === '?' || source[j] === '*' || /^\{0*(?:,|\})/.test(source.slice(j, j + 4)) || source.startsWith('{0', j);
  const atom = (next: number): void => {
    if (!optional(next)) nullable = false;
    atStart = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[i + 1];
      i++;
      if (n === 'b' || n === 'B') {
        if (nullable && !atStart) return true;
      } else if ('AzZG'.includes(n)) {
        // zero-width
      } else {
        if ((n === 'p' || n === 'P' || n === 'k' || n === 'x' || n === 'u') && source[i + 1] === '{') i = source.indexOf('}', i);
        atom(i + 1);
      }
      continue;
    }
    if (c === '[') {
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') depth++;
        else if (source[j] === ']' && --depth === 0) break;
      }
      i = j;
      atom(i + 1);
      continue;
    }
    if (c === '(') {
      if (source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
        if (nullable && !atStart) return true;
        i = groupEnd(source, i) - 1;
        continue;
      }
      const look = source.startsWith('(?=', i) || source.startsWith('(?!', i);
      stack.push({ nullable, atStart, any: false, look });
      GROUP_OPEN.lastIndex = i;
      i += GROUP_OPEN.exec(source)![0].length - 1;
      continue;
    }
    if (c === '|') {
      const top = stack[stack.length - 1];
      if (top) top.any ||= nullable;
      nullable = top ? top.nullable : true;
      atStart = top ? top.atStart : true;
      continue;
    }
    if (c === ')') {
      const top = stack.pop();
      if (!top) continue;
      if (top.look) {
        nullable = top.nullable;
        atStart = top.atStart;
      } else {
        const inner: boolean = top.any || nullable;
        nullable = top.nullable && (inner || optional(i + 1));
        atStart = false;
      }
      continue;
    }
    if (c === '^' || c === '$') continue;
    if (c === '?' || c === '*' || c === '+') continue;
    if (c === '{' && /^\{\d*,?\d*\}/.test(source.slice(i))) {
      i = source.indexOf('}', i);
      continue;
    }
    atom(i + 1);
  }
  return false;
}

/** Index just past the `)` closing the group that opens at `open` (escapes and classes skipped). */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  throw new Error(`rubyRe: unbalanced group in ${source}`);
}

/**
 * Translate a regex written with Ruby (Onigmo) semantics, as Rouge runs it through Ruby 3.1's
 * StringScanner, into an equivalent sticky JS regex:
 * - StringScanner matches as if the string began at the scan position: at the start of a pattern
 *   `^` and `\A` always match, a lookbehind sees nothing (so `(?<!\.)name` also matches after a
 *   dot — this is why Rouge's Python lexer calls `np.sum`'s `sum` a builtin) and `\b` only asks
 *   whether the next character is a word character.
 * - `\b` and `\B` use Unicode word characters (JS's are ASCII-only), while `\w` stays ASCII.
 * - Elsewhere `^` / `$` are line anchors: `^` = after "\n", `$` = before "\n" or at the end (JS's
 *   multiline mode would also treat "\r", U+2028 and U+2029 as line breaks).
 * - `.` matches anything but "\n" (JS also excludes "\r", U+2028, U+2029); with Ruby's /m flag
 *   (passed here as `s`) it matches everything.
 * - `\s` is ASCII whitespace [ \t\n\v\f\r] (JS's includes NBSP and other Unicode spaces); `\h` is
 *   a hex digit; `\z`, `\Z` are string anchors.
 * Always compiled with the `u` flag (Ruby matches code points) and `y` (match at the position).
 */
export function rubyRe(source: string, flags = '', asciiText = false): RegExp {
  return new RegExp(rubyReSource(source, flags, asciiText), rubyReFlags(source, flags));
}

/** `i` is left out where Ruby's case folding is spelled out in the pattern (./ruby-case-fold.ts). */
function rubyReFlags(source: string, flags: string): string {
  const i = flags.includes('i') && !needsRubyCaseFold(source, flags);
  return 'uy' + (i ? 'i' : '') + (flags.includes('s') ? 's' : '');
}

/**
 * With `asciiText`, for text without non-ASCII characters only: there `\b`'s word class and
 * `[A-Za-z0-9_]` hold the same characters (the ASCII letters are Alphabetic, the digits Nd, `_`
 * Pc; no ASCII character is a Mark), and so do the properties of ASCII_PROPERTY_MEMBERS and their
 * ASCII members, so the regex matches the same, and compiles in a fraction.
 */
function rubyReSource(source: string, flags: string, asciiText: boolean): string {
  return translate(source, flags.includes('s'), true, asciiText ? ASCII_WORD : WORD, needsRubyCaseFold(source, flags));
}

/**
 * Onigmo's word character for `\b` on UTF-8 text (Alphabetic, Mark, Decimal_Number,
 * Connector_Punctuation): unlike `\w` (ASCII in Ruby), `\b` sees `é` or `π` as word characters.
 */
const WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}]';
const ASCII_WORD = '[A-Za-z0-9_]';
/**
 * With `asciiText`, the Unicode properties the lexers use, as their ASCII members (a class member
 * each; '' where no ASCII character has the property): on ASCII text a class of these matches the
 * same characters, and V8 does not expand the properties' thousands of ranges, which made each such
 * rule cost a million instructions or more to make and compile (the Python lexer's names:
 * bench/PROFILE.md, "speed4"). Properties whose ASCII members are not listed here stay as they are.
 */
const ASCII_PROPERTY_MEMBERS: Readonly<Record<string, string>> = {
  Alphabetic: 'A-Za-z', L: 'A-Za-z', Lu: 'A-Z', Ll: 'a-z', Uppercase: 'A-Z', Lowercase: 'a-z',
  Nd: '0-9', N: '0-9', Pc: '_',
  M: '', Mn: '', Mc: '', Lt: '', Lm: '', Nl: '', Cf: '',
};

const GROUP_OPEN = /\((?:\?(?::|=|!|<[A-Za-z_][A-Za-z0-9_]*>))?/y;

/**
 * `fold`: the rule is `/i` but compiled without JS's `i` (see ./ruby-case-fold.ts): each letter
 * outside a class becomes a class of its cases, and each class gets its letters' other cases.
 */
function translate(source: string, dotAll: boolean, startOfPattern: boolean, word: string, fold = false): string {
  let out = '';
  let inClass = false;
  // with `fold`: the other cases of the open class's letters, written before its `]`
  let classExtras = '';
  // Whether nothing can have been consumed yet on the way to this point of the pattern, and the
  // same flag saved at each open group (restored by `|`).
  let atStart = startOfPattern;
  const groupStart: boolean[] = [];
  // Whether each open group is a lookahead: one consumes nothing, so what follows it is still at
  // the pattern's start (`(?!\bif\b)\bname`), as seesBeforeStart() counts it.
  const groupLook: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[i + 1];
      if ((n === 'p' || n === 'P') && source[i + 2] === '{' && word === ASCII_WORD) {
        const close = source.indexOf('}', i);
        const members = ASCII_PROPERTY_MEMBERS[source.slice(i + 3, close)];
        // (A negated property inside a class has no ASCII spelling as a class member: kept.)
        if (members !== undefined && !(n === 'P' && inClass)) {
          out += inClass ? members : `[${n === 'P' ? '^' : ''}${members}]`;
          i = close;
          atStart = false;
          continue;
        }
      }
      i++;
      if (fold && !inClass) {
        const e = escapedChar(source, i - 1);
        if ((n === 'p' || n === 'P') && source[i + 1] === '{') {
          const close = source.indexOf('}', i);
          out += source.slice(i - 1, close + 1);
          i = close;
          atStart = false;
          continue;
        }
        if (e) {
          out += foldedAtom(e.ch, source.slice(i - 1, i - 1 + e.length));
          i += e.length - 2;
          atStart = false;
          continue;
        }
      }
      if (inClass) {
        if (n === 's') out += ' \\t\\n\\v\\f\\r';
        else if (n === 'h') out += '0-9a-fA-F';
        else if (n === 'S') throw new Error(`rubyRe: \\S inside a class is not supported: ${source}`);
        else out += '\\' + n;
        continue;
      }
      if (n === 's') out += '[ \\t\\n\\v\\f\\r]';
      else if (n === 'S') out += '[^ \\t\\n\\v\\f\\r]';
      else if (n === 'h') out += '[0-9a-fA-F]';
      else if (n === 'A') out += atStart ? '' : '(?!)';
      else if (n === 'z') out += '(?![\\s\\S])';
      else if (n === 'Z') out += '(?=\\n?(?![\\s\\S]))';
      else if (n === 'b') out += atStart ? `(?=${word})` : `(?:(?<=${word})(?!${word})|(?<!${word})(?=${word}))`;
      else if (n === 'B') out += atStart ? `(?!${word})` : `(?:(?<=${word})(?=${word})|(?<!${word})(?!${word}))`;
      else out += '\\' + n;
      if (!'AzZbB'.includes(n)) atStart = false;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        out += classExtras;
        classExtras = '';
      }
      out += c;
      continue;
    }
    if (c === '[') {
      if (source.startsWith('[\\s\\S]', i)) {
        out += '[^]'; // any character, newlines included
        i += 5;
        atStart = false;
        continue;
      }
      inClass = true;
      atStart = false;
      out += c;
      // a `]` right after `[` or `[^` is literal in Ruby; JS (u mode) needs it escaped
      if (source[i + 1] === '^') {
        out += '^';
        i++;
      }
      const bodyStart = i + 1;
      if (source[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      if (fold) {
        let close = i + 1;
        while (close < source.length && source[close] !== ']') close += source[close] === '\\' ? 2 : 1;
        classExtras = classCaseExtras(source.slice(bodyStart, close));
      }
      continue;
    }
    if (c === '(') {
      if (source.startsWith('(?<!', i) || source.startsWith('(?<=', i)) {
        const end = groupEnd(source, i);
        if (atStart) {
          // the lookbehind sees an empty string: a negative one passes, a positive one fails
          if (source[i + 3] === '=') out += '(?!)';
        } else {
          out += source.slice(i, i + 4) + translate(source.slice(i + 4, end - 1), dotAll, false, word, fold) + ')';
        }
        i = end - 1;
        continue;
      }
      GROUP_OPEN.lastIndex = i;
      const open = GROUP_OPEN.exec(source)![0];
      groupStart.push(atStart);
      groupLook.push(open === '(?=' || open === '(?!');
      out += open;
      i += open.length - 1;
      continue;
    }
    if (c === '|') {
      atStart = groupStart.length ? groupStart[groupStart.length - 1] : startOfPattern;
      out += c;
      continue;
    }
    if (c === ')') {
      const start = groupStart.pop();
      atStart = groupLook.pop() ? start ?? false : false;
      out += c;
      continue;
    }
    if (c === '^') {
      out += atStart ? '' : '(?<![^\\n])';
      continue;
    }
    if (c === '$') out += '(?=\\n|(?![\\s\\S]))';
    else if (c === '.' && !dotAll) out += '[^\\n]';
    else if (fold) {
      const ch = String.fromCodePoint(source.codePointAt(i)!);
      out += foldedAtom(ch, ch);
      i += ch.length - 1;
    } else out += c;
    atStart = false;
  }
  return out;
}

type ActionSpec = Tok | Tok[] | Action;
/** `'#pop'`, `'#pop:2'`, `'#push'` (the current state again), or a state name to push. */
type NextSpec = string | undefined;

function toAction(spec: ActionSpec, next: NextSpec): Action {
  let base: Action;
  if (typeof spec === 'function') base = spec;
  else if (Array.isArray(spec)) base = (run) => run.groups(...spec);
  else base = (run) => run.token(spec);
  if (next === undefined) return base;
  let after: (run: LexRun) => void;
  if (next === '#pop') after = (run) => run.pop();
  else if (next.startsWith('#pop:')) {
    const n = Number(next.slice(5));
    after = (run) => run.pop(n);
  } else if (next === '#push') after = (run) => run.push();
  else after = (run) => run.push(next);
  return (run, m) => {
    base(run, m);
    after(run);
  };
}

/**
 * A rule: `re` is a RegExp literal (its source and i/s flags are used) or a Ruby-style source
 * string. `spec` is a token class, a list of classes (one per group), or an action.
 */
export function rule(re: RegExp | string, spec: ActionSpec, next?: NextSpec): Rule {
  const source = typeof re === 'string' ? re : re.source;
  const flags = typeof re === 'string' ? '' : re.flags;
  return new LazyRule(source, flags, toAction(spec, next));
}

/**
 * A rule whose regex is translated on first use: every lexer is defined when the module loads,
 * and translating all of them up front cost every build ~50 ms, with or without code blocks.
 */
class LazyRule implements Rule {
  private compiled: RegExp | undefined;
  private compiledAscii: RegExp | undefined;
  readonly bol: boolean;
  readonly slice: boolean;
  constructor(private readonly source: string, private readonly flags: string, readonly action: Action) {
    this.bol = source.startsWith('^');
    this.slice = seesBeforeStart(source);
  }
  get re(): RegExp {
    return (this.compiled ??= rubyRe(this.source, this.flags));
  }
  get asciiRe(): RegExp {
    if (!this.compiledAscii) {
      const ascii = rubyReSource(this.source, this.flags, true);
      const flags = rubyReFlags(this.source, this.flags);
      // Without a translated `\b`, `\B` or property the two are the same regex: compile it once.
      this.compiledAscii = ascii !== rubyReSource(this.source, this.flags, false) ? new RegExp(ascii, flags) : (this.compiled ??= new RegExp(ascii, flags));
    }
    return this.compiledAscii;
  }
}

export function mixin(name: string): MixinRef {
  return { mixin: name };
}

/** Build a regex alternative matching any of `words` (escaped), longest first. */
export function wordsRe(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
}
