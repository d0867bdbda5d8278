/**
 * syzkaller's description languages, as Rouge 3.30 lexes them: Syzlang (tag `syzlang`,
 * lexers/syzlang.rb), its syscall descriptions — `include`/`define`/`resource`/`type`
 * declarations, flag sets `name = A, B`, syscalls `open$dir(…) fd` and structs `name { … }`,
 * each opening a chain of states (most of which end on the first character they do not take,
 * with an empty match) — and Syzprog (tag `syzprog`, lexers/syzprog.rb), its programs
 * (`r0 = open(&(0x7f0000000000)='./file0\x00', 0x0, 0x0)`). Syscall names `nf` with their
 * `$variant` `fm`, keywords `k`, types `kt`, names `n`, resources `r0` `kp`, numbers `mh`/`mi`,
 * strings `s2`/`sb`/`s1`, `'c'` `sc`, `#` comments `c`, punctuation `p`, operators `o`.
 *
 * The top-level rules `(id)(\$)?(num_id)?(\s+)?(\()` and `(id|id\$num_id)(\s+)?([{\[])` backtrack
 * through every split of a long word (and `(id|_)(\s+)(=)` scans it), and a word no rule takes is read one character at a time
 * (an error each): tried only where they match, the word's end and what follows it remembered.
 */
import { type LexerDef, type Rule, lazyLexer, mixin, rule } from '../engine.js';
import { guarded } from './loop-match.js';

const isIdChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** The run of `[a-zA-Z0-9_]` around a position and what follows it, remembered between positions. */
interface Word {
  end: number; // the run's end
  spaced: number; // after the blanks following it
  dollar: boolean; // a `$` follows the run
  end2: number; // the run after that `$` (its end; end + 1 when empty)
  spaced2: number; // after the blanks following it
}
let seen = '';
let from = -1;
let word: Word = { end: -1, spaced: -1, dollar: false, end2: -1, spaced2: -1 };
function wordAt(text: string, pos: number): Word {
  if (text !== seen || pos < from || pos > word.end) {
    const run = (i: number) => {
      while (i < text.length && isIdChar(text.charCodeAt(i))) i++;
      return i;
    };
    const blanks = (i: number) => {
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      return i;
    };
    const end = run(pos);
    const dollar = text[end] === '$';
    const end2 = dollar ? run(end + 1) : -1;
    word = { end, spaced: blanks(end), dollar, end2, spaced2: dollar ? blanks(end2) : -1 };
    seen = text;
    from = pos;
  }
  return word;
}

/** `(id)(\$)?(num_id)?(\s+)?(\()`: a syscall's name, its variant and `(`. */
const callRule = (base: Rule) =>
  guarded(base, (text, pos) => {
    if (!isIdStart(text.charCodeAt(pos))) return false;
    const w = wordAt(text, pos);
    return text[w.dollar ? w.spaced2 : w.spaced] === '(';
  });

/** `(id|id\$num_id)(\s+)?([{\[])`: a struct's or union's name and its opening bracket. */
const structRule = (base: Rule) =>
  guarded(base, (text, pos) => {
    if (!isIdStart(text.charCodeAt(pos))) return false;
    const w = wordAt(text, pos);
    const opens = (i: number) => text[i] === '{' || text[i] === '[';
    return opens(w.spaced) || (w.dollar && w.end2 > w.end + 1 && opens(w.spaced2));
  });

/** `(id|_)(\s+)(=)`: a flag set's name, blanks and `=`. */
const flagsRule = (base: Rule) =>
  guarded(base, (text, pos) => {
    if (!isIdStart(text.charCodeAt(pos))) return false;
    const w = wordAt(text, pos);
    return w.spaced > w.end && text[w.spaced] === '=';
  });

const ID = '[a-zA-Z_][a-zA-Z0-9_]*';
const NUM_ID = '[a-zA-Z0-9_]+';
const COMMENT = /#.*$/;
const words = (s: string) => new Set(s.trim().split(/\s+/));

const SYZLANG_KEYWORDS = words(`align breaks_returns dec define disabled hex ignore_return in incdir include
  inet inout oct opt out packed parent prog_timeout pseudo resource size syscall timeout type varlen`);
const SYZLANG_TYPES = words(`array bitsize bool16 bool32 bool64 bool8 boolptr buffer bytesize bytesize2
  bytesize4 bytesize8 const csum filename fileoff flags fmt int16 int16be int32 int32be int64 int64be
  int8 int8be intptr len offsetof optional proc ptr ptr64 string stringnoz text vma vma64 void`);

const end = () => rule(/(?:)/, '', '#pop');

export const syzlang: LexerDef = lazyLexer('syzlang', () => ({
  states: {
    inline_break: [rule(/[ \t]+/, ''), end()],
    space_break: [rule(/\s+/, ''), rule(COMMENT, 'c'), end()],
    mixin_name: [rule(ID, 'n')],
    mixin_number: [rule(/-?0x[\da-f]+/i, 'mh'), rule(/-?\d+/, 'mi'), rule(/'[^']?'/, 'sc')],
    mixin_string: [rule(/"[^"]*"/, 's2'), rule(/`[^`]*`/, 'sb')],
    mixin_term: [
      mixin('mixin_number'),
      mixin('mixin_string'),
      rule(ID, (run, m) => run.token(SYZLANG_KEYWORDS.has(m[0]) ? 'k' : SYZLANG_TYPES.has(m[0]) ? 'kt' : 'n')),
      rule(/:/, 'p'),
      rule(/\$/, 'n'),
    ],
    term_list: [
      rule(/\s+/, ''),
      rule(COMMENT, 'c'),
      mixin('mixin_term'),
      rule(/\[/, 'p', 'term_list'),
      rule(/,/, 'p'),
      rule(/[\]\)]/, 'p', '#pop'),
    ],
    arg_type: [mixin('mixin_term'), rule(/\[/, 'p', 'term_list'), end()],
    include: [rule(/(<)([^>]+)(>)/, ['p', 's', 'p']), end()],
    define_name: [mixin('mixin_name'), end()],
    define_exp: [
      mixin('mixin_name'),
      mixin('mixin_number'),
      mixin('mixin_string'),
      rule(/[~!%\^&\*\-\+\/\|<>\?:]/, 'o'),
      rule(/[\(\){}\[\];,]/, 'p'),
      rule(/[ \t]+/, ''),
      end(),
    ],
    resource_name: [mixin('mixin_name'), end()],
    resource_type: [rule(/\[/, 'p', 'arg_type'), rule(/\]/, 'p', '#pop')],
    resource_values: [
      rule(/:/, (run) => {
        run.token('p');
        run.push('resource_values_list');
        run.push('space_break');
      }),
      end(),
    ],
    resource_values_list: [
      rule(/[ \t]+/, ''),
      mixin('mixin_name'),
      mixin('mixin_number'),
      mixin('mixin_string'),
      rule(/,/, 'p', 'space_break'),
      end(),
    ],
    flags_list: [
      rule(/[ \t]+/, ''),
      rule(/\./, 'p'),
      mixin('mixin_name'),
      mixin('mixin_number'),
      mixin('mixin_string'),
      rule(/,/, 'p', 'space_break'),
      rule(/(?:)/, 'p', '#pop'),
    ],
    syscall_args: [
      rule(/\s+/, ''),
      rule(COMMENT, 'c'),
      rule(/\./, 'p'),
      rule(ID, (run) => {
        run.token('n');
        run.push('arg_type');
        run.push('space_break');
      }),
      rule(/,/, 'p'),
      rule(/\)/, 'p', '#pop'),
    ],
    syscall_retval: [mixin('mixin_name'), end()],
    syscall_mods: [rule(/\(/, 'p', 'term_list'), end()],
    struct_fields: [
      rule(ID, (run) => {
        run.token('n');
        run.push('space_break');
        run.push('struct_field_mods');
        run.push('inline_break');
        run.push('arg_type');
        run.push('space_break');
      }),
      rule(/[}\]]/, 'p', '#pop'),
    ],
    struct_field_mods: [rule(/\(/, 'p', 'term_list'), end()],
    struct_mods: [rule(/\[/, 'p', 'term_list'), end()],
    type_name: [mixin('mixin_name'), end()],
    type_args: [rule(/\[/, 'p', 'type_args_list'), end()],
    type_args_list: [rule(/\s+/, ''), rule(COMMENT, 'c'), mixin('mixin_name'), rule(/,/, 'p'), rule(/\]/, 'p', '#pop')],
    type_body: [
      rule(/[{\[]/, (run) => {
        run.token('p');
        run.pop();
        run.push('space_break');
        run.push('struct_mods');
        run.push('inline_break');
        run.push('struct_fields');
        run.push('space_break');
      }),
      rule(/(?:)/, (run) => {
        run.pop();
        run.push('arg_type');
      }),
    ],
    root: [
      rule(/\s+/, ''),
      rule(COMMENT, 'c'),
      rule(/(include|incdir)/, (run) => {
        run.token('k');
        run.push('include');
        run.push('space_break');
      }),
      rule(/define/, (run) => {
        run.token('k');
        run.push('define_exp');
        run.push('space_break');
        run.push('define_name');
        run.push('space_break');
      }),
      rule(/resource/, (run) => {
        run.token('k');
        run.push('resource_values');
        run.push('inline_break');
        run.push('resource_type');
        run.push('inline_break');
        run.push('resource_name');
        run.push('space_break');
      }),
      flagsRule(
        rule(`(${ID}|_)(\\s+)(=)`, (run, m) => {
          run.groups(m[1] === '_' ? 'k' : 'n', '', 'p');
          run.push('flags_list');
          run.push('space_break');
        }),
      ),
      callRule(
        rule(`(${ID})(\\$)?(${NUM_ID})?(\\s+)?(\\()`, (run) => {
          run.groups('nf', 'p', 'fm', '', 'p');
          run.push('syscall_mods');
          run.push('inline_break');
          run.push('syscall_retval');
          run.push('inline_break');
          run.push('syscall_args');
          run.push('space_break');
        }),
      ),
      structRule(
        rule(`(${ID}|${ID}\\$${NUM_ID})(\\s+)?([{\\[])`, (run) => {
          run.groups('n', '', 'p');
          run.push('inline_break');
          run.push('struct_mods');
          run.push('inline_break');
          run.push('struct_fields');
          run.push('space_break');
        }),
      ),
      rule(/type/, (run) => {
        run.token('k');
        run.push('type_body');
        run.push('space_break');
        run.push('type_args');
        run.push('type_name');
        run.push('space_break');
      }),
    ],
  },
}));

const SYZPROG_KEYWORDS = words(`ANY ANYBLOB ANYPTR ANYPTR64 ANYPTRS ANYRES16 ANYRES32 ANYRES64 ANYRESDEC
  ANYRESHEX ANYRESOCT ANYUNION AUTO false nil true void async fail_nth rerun`);

export const syzprog: LexerDef = lazyLexer('syzprog', () => ({
  states: {
    inline_break: [rule(/[ \t]+/, ''), end()],
    eol_break: [rule(/[\n\r]+/, ''), rule(COMMENT, 'c'), end()],
    space_break: [rule(/\s+/, ''), rule(COMMENT, 'c'), end()],
    mixin_number: [rule(/-?0x[\da-f]+/i, 'mh'), rule(/-?\d+/, 'mi')],
    mixin_string: [rule(/"[^"]*"/, 's2'), rule(/`[^`]*`/, 'sb'), rule(/'[^']*'/, 's1')],
    mixin_term: [
      mixin('mixin_number'),
      mixin('mixin_string'),
      rule(/r[0-9]+/, 'kp'),
      rule(ID, (run, m) => run.token(SYZPROG_KEYWORDS.has(m[0]) ? 'k' : 'n')),
    ],
    mods_list: [rule(/\s+/, ''), rule(COMMENT, 'c'), mixin('mixin_term'), rule(/[,:]/, 'p'), rule(/\)/, 'p', '#pop')],
    syscall_mods: [rule(/\(/, 'p', 'mods_list'), end()],
    syscall_args: [
      rule(/\s+/, ''),
      rule(COMMENT, 'c'),
      mixin('mixin_term'),
      mixin('mixin_number'),
      mixin('mixin_string'),
      rule(/[@&=,<>{}\[\]]/, 'p'),
      rule(/[!#\$%\^\*\-\+\/\|~:;.\?]/, 'p'),
      rule(/\(/, 'p', 'syscall_args'),
      rule(/\)/, 'p', '#pop'),
    ],
    root: [
      rule(/\s+/, ''),
      rule(COMMENT, 'c'),
      rule(/(r[0-9]+)(\s+)(=)/, ['kp', '', 'p']),
      callRule(
        rule(`(${ID})(\\$)?(${NUM_ID})?(\\s+)?(\\()`, (run) => {
          run.groups('nf', 'p', 'fm', '', 'p');
          run.push('syscall_mods');
          run.push('inline_break');
          run.push('syscall_args');
          run.push('space_break');
        }),
      ),
    ],
  },
}));
