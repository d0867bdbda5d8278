/**
 * Nial, the nested interactive array language (tag `nial`), as Rouge 3.30 lexes it
 * (lexers/nial.rb): words looked up lower-cased — keywords (`is gets op if then begin end
 * for`…) `k`, Nial's operations (`sum reshape pick tally`…) `kp`, transformers (`each reduce
 * fold`…) `nb`, `false null pi true` `kc`, other names `nv`; words of `l` and `o` only are
 * boolean literals `mb`; numbers `mf`/`mi`; `'…'` `s1` (`''` `se`), `` `c `` `sc`, `"phrase`
 * `ss`, `?fault` `gr`; `% … ;` and `#` comment blocks (at a line start, up to a blank line)
 * `cm`; punctuation `p`, operators `o`.
 */
import { type LexerDef, type Rule, lazyLexer, rule } from '../engine.js';
import { onlyWhereLater, stickyMatcher } from './loop-match.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const KEYWORDS = new Set(['is', 'gets', 'op', 'tr', ';', 'if', 'then', 'elseif', 'else', 'endif', 'case', 'from',
  'endcase', 'begin', 'end', 'for', 'with', 'endfor', 'while', 'do', 'endwhile', 'repeat', 'until', 'endrepeat']);
const FUNCS = set(`
  operation expression and abs allbools allints allchars allin allreals allnumeric append arcsin
  arccos appendfile apply arctan atomic assign atversion axes cart break blend breaklist breakin
  bye callstack choose char ceiling catenate charrep check_socket cos content close clearws
  clearprofile cols continue copyright cosh cull count diverse deepplace cutall cut display
  deparse deepupdate descan depth diagram div divide drop dropright edit empty exit except erase
  equal eval eraserecord execute exp external exprs findall find fault falsehood filestatus
  filelength filepath filetally floor first flip fuse fromraw front gage getfile getdef
  getcommandline getenv getname hitch grid getsyms gradeup gt gte host in inverse innerproduct inv
  ip ln link isboolean isinteger ischar isfault isreal isphrase isstring istruthvalue last
  laminate like libpath library list load loaddefs nonlocal max match log lt lower lte mate min
  maxlength mod mix minus nialroot mold not numeric no_op no_expr notin open or opposite opp
  operators plus pick pack pass pair parse paste phrase place picture placeall power positions
  post quotient putfile profile prod product profiletree profiletable quiet_fault raise reach
  random reciprocal read readfile readchar readarray readfield readscreen readrecord recip reshape
  seek second rest reverse restart return_status scan save rows rotate seed see sublist sin simple
  shape setformat setdeftrace set seeusercalls seeprimcalls separator setwidth settrigger
  setmessages setlogname setinterrupts setprompt setprofile sinh single sqrt solitary sketch sleep
  socket_listen socket_accept socket_close socket_bind socket_connect socket_getline
  socket_receive socket_peek socket_read socket_send socket_write solve split sortup string status
  take symbols sum system tan tally takeright tanh tell tr times third time toupper tolower
  timestamp tonumber toraw toplevel transformer type transpose trs truth unequal variable valence
  up updateall update vacate value version vars void watch watchlist write writechars writearray
  writefile writefield writescreen writerecord`);
const TRANSFORMERS = set(`
  accumulate across bycols bykey byrows converse down eachboth eachall each eachleft eachright
  filter fold fork grade inner iterate leaf no_tr outer partition rank recur reduce reducecols
  reducerows sort team timeit twig`);
const CONSTS = set('false null pi true');

/**
 * Rouge's `^#(.+\n)+\n`: a `#` at a line start, then non-empty lines up to a blank one. The run
 * of non-empty lines ends at the same place from each of its lines, so it is found once: the
 * regex would rescan it from every `#` line of a block without a blank line after it.
 */
let seen = '';
let from = -1;
let stop = -1; // where the run of non-empty lines from `from` ends: a blank line's newline, or -1
let last = -1; // the start of the run's last line
function runStop(text: string, pos: number): number {
  if (text !== seen || pos < from || pos > last) {
    seen = text;
    from = pos;
    stop = -1;
    last = pos;
    let i = pos;
    for (;;) {
      const e = text.indexOf('\n', i);
      if (e < 0) break;
      if (e === i) {
        stop = i;
        break;
      }
      last = i;
      i = e + 1;
    }
  }
  return stop;
}
const commentBlock: Rule = {
  re: stickyMatcher((text, pos) => {
    if (text[pos] !== '#') return null;
    const e = text.indexOf('\n', pos);
    if (e < 0 || e === pos + 1) return null;
    const end = runStop(text, pos);
    if (end < 0) return null;
    const m = [text.slice(pos, end + 1)] as unknown as RegExpExecArray;
    m.index = pos;
    return m;
  }),
  bol: true,
  action: (run) => run.token('cm'),
};

export const nial: LexerDef = lazyLexer('nial', () => ({
  states: {
    root: [
      rule(/'/, 's1', 'str'),
      rule(/\b[lo]+\b/, 'mb'),
      rule(/-?\d+((\.\d*)?[eE][+-]?\d|\.)\d*/, 'mf'),
      rule(/-?\d+/, 'mi'),
      rule(/`./, 'sc'),
      rule(/"[^\s()\[\]{}#,;]*/, 'ss'),
      rule(/\?[^\s()\[\]{}#,;]*/, 'gr'),
      // unclosed, [^;]+ would scan to the end at each `%`: tried only before a later `;`
      onlyWhereLater(';', 2, rule(/%[^;]+;/, 'cm')),
      commentBlock,
      rule(/:=|[\{\}\[\]\(\),:;]/, 'p'),
      rule(/>>|>=|<=|~=|[.!#+*\-=><\/|@]/, 'o'),
      rule(/\b[_A-Za-z]\w*\b/, (run, m) => {
        const lower = m[0].toLowerCase();
        if (KEYWORDS.has(lower)) run.token('k');
        else if (FUNCS.has(lower)) run.token('kp');
        else if (TRANSFORMERS.has(lower)) run.token('nb');
        else if (CONSTS.has(lower)) run.token('kc');
        else run.token('nv');
      }),
      rule(/\s+/, ''),
    ],
    str: [rule(/''/, 'se'), rule(/[^']+/, 's1'), rule(/'|$/, 's1', '#pop')],
  },
}));
