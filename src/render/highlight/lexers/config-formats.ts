/**
 * Small configuration formats, as Rouge 3.30 lexes them:
 * - INI (tag `ini`): `key =` `py` + `p`, values `s` (escapes `se`), `[section]` `nn`, `;`/`#`
 *   comments `c` (with their newline);
 * - TOML (tag `toml`): keys `py` (`key = {` makes the key `nn`), `[table]` `nn`, strings `s`,
 *   numbers, `true`/`false` `kc` (even inside words: Rouge's rule has no boundaries), dates `ld`;
 * - Dockerfile (tags `docker`, `dockerfile`, `Dockerfile`): an instruction `k` and the rest of its
 *   line `s` (one token), `RUN` lines through one persistent shell lexer reset at each `RUN`.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';
import { shell } from './shell.js';
import { failsOnLineOnceFailed, guarded, isRubySpace, onlyWhereLater, onlyWhereRunSpacedThen, runEnds } from './loop-match.js';

const INI_ID = String.raw`[\w\-.]+`;
const isIniKeyChar = (c: number) => c === 95 || c === 45 || c === 46 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export const ini: LexerDef = lazyLexer('ini', () => ({
  states: {
    // a comment needs a newline after it, a key `\s*=` after its run, a section its `]` on the line:
    // tried only there (otherwise each character of a long line scans the rest of it, quadratic)
    basic: [onlyWhereLater('\n', 1, rule(/[;#].*?\n/, 'c')), rule(/\s+/, ''), rule(/\\\n/, 'se')],
    root: [
      mixin('basic'),
      onlyWhereRunSpacedThen(isIniKeyChar, isRubySpace, 61 /* = */, rule(String.raw`(${INI_ID})(\s*)(=)`, ['py', '', 'p'], 'value')),
      failsOnLineOnceFailed(/\[/y, rule(/\[.*?\]/, 'nn')),
    ],
    value: [
      rule(/\n/, '', '#pop'),
      mixin('basic'),
      rule(/"/, 's', 'dq'),
      rule(/'.*?'/, 's'),
      mixin('esc_str'),
      rule(/[^\\\n]+/, 's'),
    ],
    dq: [rule(/"/, 's', '#pop'), mixin('esc_str'), rule(/[^\\"]+/, 's')],
    esc_str: [rule(/\\./s, 'se')],
  },
}));

const TOML_ID = String.raw`(?:\S+|"[^"]+"|'[^']+')`;

const nonSpaceRunEnd = runEnds((c) => !isRubySpace(c));
/** Whether `\s*=` follows `i`. */
const equalsAfter = (text: string, i: number): boolean => {
  while (i < text.length && isRubySpace(text.charCodeAt(i))) i++;
  return text[i] === '=';
};
let eqText = '';
let eqRunEnd = -1;
let eqFrom = -1; // where the search for eqLast started
let eqLast = -1; // the last `=` of the run ending at eqRunEnd, at or after eqFrom (-1 if none)
let eqAfter = false; // whether `\s*=` follows that run
/**
 * An exact precondition of TOML's key rule `(\S+|"[^"]+"|'[^']+')(\s*)(=)`: `\S+` can end before
 * an `=` of its run of non-spaces (past its first character) or at the run's end before `\s*=`;
 * a quoted key ends at the next quote. The run's last `=` and what follows it are found once per
 * run: from each character of a long run without one, the regex's `\S+` gave the run back one
 * character at a time (quadratic; 20,000 quotes took 5.8 s).
 */
function tomlKeyAhead(text: string, pos: number): boolean {
  const end = nonSpaceRunEnd(text, pos);
  if (end > pos) {
    if (text !== eqText || end !== eqRunEnd || pos < eqFrom) {
      eqText = text;
      eqRunEnd = end;
      eqFrom = pos;
      // searched within the run only: lastIndexOf went on to the text's start from each run of
      // a line like ` [ [ [ …` without an `=` (quadratic)
      eqLast = -1;
      for (let i = end - 1; i > pos; i--) {
        if (text.charCodeAt(i) === 61) {
          eqLast = i;
          break;
        }
      }
      eqAfter = equalsAfter(text, end);
    }
    if (eqAfter || eqLast > pos) return true;
  }
  const q = text[pos];
  if (q !== '"' && q !== "'") return false;
  const close = text.indexOf(q, pos + 1);
  return close > pos + 1 && equalsAfter(text, close + 1);
}

const tomlBlanksEnd = runEnds(isRubySpace);
let tableText = '';
let tableFrom = -1;
let tableEnd = -1;
let tableLast = -1; // the last `]` in [tableFrom, tableEnd), -1 if none

/**
 * Whether TOML's table rule `(?<!=)\s*\[\S+\]` can match: after the blanks, a `[` whose run of
 * non-spaces holds a `]` at least two characters on (`\S+` cannot reach past the run). The run's
 * last `]` is found once per run: on `[[[…` the regex scanned the rest of the run from each `[`
 * and gave it back one character at a time (quadratic).
 */
function tomlTableAhead(text: string, pos: number): boolean {
  const start = tomlBlanksEnd(text, pos);
  if (text.charCodeAt(start) !== 91) return false;
  const end = nonSpaceRunEnd(text, start);
  if (text !== tableText || end !== tableEnd || start < tableFrom) {
    tableText = text;
    tableFrom = start;
    tableEnd = end;
    tableLast = -1;
    for (let i = end - 1; i >= start; i--) {
      if (text.charCodeAt(i) === 93) {
        tableLast = i;
        break;
      }
    }
  }
  return tableLast >= start + 2;
}

export const toml: LexerDef = lazyLexer('toml', () => ({
  states: {
    basic: [
      rule(/\s+/, ''),
      rule(/#.*?$/, 'c'),
      rule(/(?:true|false)/, 'kc'),
      // a key before `= {`: tried only where a key before `=` can be (tomlKeyAhead, necessary here)
      guarded(rule(String.raw`(${TOML_ID})(\s*)(=)(\s*)(\{)`, ['nn', '', 'o', '', 'p'], 'inline'), tomlKeyAhead),
      guarded(rule(/(?<!=)\s*\[[^ \t\n\v\f\r]+\]/, 'nn'), tomlTableAhead),
      rule(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/, 'ld'),
      rule(/[+\-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+\-]?\d+(?:_\d+)*)?/, 'mf'),
      rule(/[+\-]?\d+(?:_\d+)*[eE][+\-]?\d+(?:_\d+)*/, 'mf'),
      rule(/[+\-]?(?:nan|inf)/, 'mf'),
      rule(/0x\h+(?:_\h+)*/, 'mh'),
      rule(/0o[0-7]+(?:_[0-7]+)*/, 'mo'),
      rule(/0b[01]+(?:_[01]+)*/, 'mb'),
      rule(/[+\-]?\d+(?:_\d+)*/, 'mi'),
    ],
    root: [mixin('basic'), guarded(rule(String.raw`(${TOML_ID})(\s*)(=)`, ['py', '', 'p'], 'value'), tomlKeyAhead)],
    value: [rule(/\n/, '', '#pop'), mixin('content')],
    content: [
      mixin('basic'),
      guarded(rule(String.raw`(${TOML_ID})(\s*)(=)`, ['py', '', 'p']), tomlKeyAhead),
      rule(/"""/, 's', 'mdq'),
      rule(/"/, 's', 'dq'),
      rule(/'''/, 's', 'msq'),
      rule(/'/, 's', 'sq'),
      mixin('esc_str'),
      rule(/,/, 'p'),
      rule(/\[/, 'p', 'array'),
    ],
    dq: [rule(/"/, 's', '#pop'), rule(/\n/, 'err', '#pop'), mixin('esc_str'), rule(/[^\\"\n]+/, 's')],
    mdq: [rule(/"""/, 's', '#pop'), mixin('esc_str'), rule(/[^\\"]+/, 's'), rule(/"+/, 's')],
    sq: [rule(/'/, 's', '#pop'), rule(/\n/, 'err', '#pop'), rule(/[^'\n]+/, 's')],
    msq: [rule(/'''/, 's', '#pop'), rule(/[^']+/, 's'), rule(/'+/, 's')],
    esc_str: [rule(/\\[0t\tn\n "\\r]/, 'se')],
    array: [mixin('content'), rule(/\]/, 'p', '#pop')],
    inline: [mixin('content'), rule(/\}/, 'p', '#pop')],
  },
}));

const DOCKER_KEYWORDS =
  'FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|STOPSIGNAL|HEALTHCHECK|SHELL';

export const docker: LexerDef = lazyLexer('docker', () => ({
  start: (run) => run.childRun(shell).reset(),
  states: {
    root: [
      rule(/\s+/, ''),
      rule(/^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)/i, ['k', 'w', 's', 'w', 'k', 'w', 's']),
      rule(new RegExp(String.raw`^(ONBUILD)(\s+)(${DOCKER_KEYWORDS})(.*)`, 'i'), ['k', 'w', 'k', 's']),
      rule(new RegExp(String.raw`^(${DOCKER_KEYWORDS})\b(.*)`, 'i'), ['k', 's']),
      rule(/#.*?$/, 'c'),
      rule(/^(?:ONBUILD\s+)?RUN(?:\s+)/i, (run) => {
        run.token('k');
        run.push('run');
        run.childRun(shell).reset();
      }),
      rule(/\w+/, ''),
      rule(/[^\w]+/, ''),
      rule(/./, ''),
    ],
    run: [
      rule(/\n/, '', '#pop'),
      rule(/\\./s, 'se'),
      rule(/(?:\\.|[^\n\\])+/, (run) => run.delegate(shell)),
    ],
  },
}));
