/**
 * SAS (tag `sas`; `.sas` files), as Rouge 3.30 lexes it: `*…;` and `/* *\/` comments; date,
 * datetime and time literals `ld`; strings `s1`/`s2` (with `&macro` references `si`);
 * `&var` `nv`; numbers `mh`/`m`/`mi`; automatic variables `bp`/`nb`; `datalines;` blocks `sh`;
 * operators `o`/`ow` (Rouge's `[^¬~]?=` takes the character before `=` too, so `x=1` starts with
 * an operator `x=`); `%macro name` `k`/`nf`, macro statements and functions `k`; `proc NAME`
 * (NAME `k` if a known PROC) opens a PROC state, ended by `run`/`quit` (no word boundary), whose
 * words are also looked up in that PROC's keyword list; `data`/`libname` names `nv`; DATA-step
 * statements and SAS functions `k` (case-insensitively); `.` missing values, punctuation, and any
 * other run of non-space characters plain text.
 * `datalines4;`/`cards4;` make Rouge raise (see below), failing Jekyll's build, as here.
 * For biostatistics and epidemiology course material.
 */
import { type LexerDef, RougeRaise, lazyLexer, mixin, rule } from '../engine.js';
import {
  SAS_DATA_STEP_STATEMENTS, SAS_FUNCTIONS, SAS_MACRO_FUNCTIONS, SAS_MACRO_STATEMENTS, SAS_PROC_KEYWORDS, SAS_PROC_NAMES,
} from '../rouge-words.js';

let procKeywords: Map<string, Set<string>> | undefined;
function procKeyword(proc: string, word: string): boolean {
  procKeywords ??= new Map(Object.entries(SAS_PROC_KEYWORDS).map(([k, v]) => [k, new Set(v)]));
  return procKeywords.get(proc)?.has(word) ?? false;
}

export const sas: LexerDef = lazyLexer('sas', () => ({
  states: {
    basics: [
      rule(/\s+/s, ''),
      rule(/^\s*%?\*[^;]*;/s, 'c1'),
      rule(/(;)(\s*)(%?\*[^;]*;)/s, ['p', '', 'c1']),
      rule(/\/[*].*?[*]\//s, 'cm'),
      rule(/'[0-9a-z]+?'d/i, 'ld'),
      rule(/'.+?'dt/i, 'ld'),
      rule(/'[0-9:]+?([a|p]m)?'t/i, 'ld'),
      rule(/'/, 's1', 'single_string'),
      rule(/"/, 's2', 'double_string'),
      rule(/&[a-z0-9_&.]+/i, 'nv'),
      rule(/\d[0-9a-f]*x/i, 'mh'),
      rule(/\d[0-9e\-.]+/i, 'm'),
      rule(/\b(_n_|_error_|_file_|_infile_|_msg_|_iorc_|_cmd_)\b/i, 'bp'),
      rule(/\b(_character_|_numeric_|_all_)\b/i, 'nb'),
      rule(/\b(datalines|cards)(\s*)(;)/i, ['k', '', 'p'], 'datalines'),
      rule(/\b(datalines4|cards4)(\s*)(;)/i, () => {
        // Rouge builds a state on its first push: datalines4's `;{,3}` can match nothing without
        // a callback, so building it raises, and Jekyll's build fails (RougeRaise)
        throw new RougeRaise('regex /;{,3}/ matches empty string, but has no predicate!');
      }),
      rule(/\*\*|[\*/\+-]/, 'o'),
      rule(/[^¬~]?=:?|[<>]=?:?/, 'o'),
      rule(/\b(eq|ne|gt|lt|ge|le|in)\b/i, 'ow'),
      rule(/[&|!¦¬∘~]/, 'o'),
      rule(/\b(and|or|not)\b/i, 'ow'),
      rule(/(<>|><)/, 'o'),
      rule(/\|\|/, 'o'),
      rule(/\b(of)\b/i, 'ow'),
      rule(/\b(like)\b/i, 'ow'),
      rule(/\d+/, 'mi'),
      rule(/\$/, 'kt'),
      rule(/(%macro|%mend)(\s*)(\w+)/i, ['k', '', 'nf']),
      rule(/%mend/, 'k'),
      rule(/%\w+/, (run, m) => {
        const word = m[0].toUpperCase();
        run.token(SAS_MACRO_STATEMENTS.has(word) || SAS_MACRO_FUNCTIONS.has(word) ? 'k' : 'n');
      }),
    ],
    basics2: [
      rule(/\s\.[;\s]/, 'kc'),
      rule(/\s\.[a-z_]/, 'no'),
      rule(/[\(\),;:\{\}\[\]\\\.]/, 'p'),
      rule(/@/, 'ss'),
      rule(/\?/, 'ss'),
      rule(/[^\s]+/, ''),
    ],
    root: [
      mixin('basics'),
      rule(/(proc)(\s+)(\w+)/i, (run, m) => {
        run.data.procName = m[3].toUpperCase();
        run.groups('k', '', SAS_PROC_NAMES.has(run.data.procName) ? 'k' : 'n');
        run.push('proc');
      }),
      rule(/(data)(\s+)([\w\.]+)/i, ['k', '', 'nv']),
      rule(/(libname)(\s+)(\w+)/i, ['k', '', 'nv']),
      rule(/\w+/, (run, m) => {
        const word = m[0].toUpperCase();
        run.token(SAS_DATA_STEP_STATEMENTS.has(word) || SAS_FUNCTIONS.has(word) ? 'k' : 'n');
      }),
      mixin('basics2'),
    ],
    single_string: [rule(/''/, 'se'), rule(/'/, 's1', '#pop'), rule(/[^']+/, 's1')],
    double_string: [
      rule(/&[a-z0-9_&]+\.?/i, 'si'),
      rule(/""/, 'se'),
      rule(/"/, 's2', '#pop'),
      rule(/[^&"]+/, 's2'),
      rule(/&/, 's2'),
    ],
    datalines: [rule(/[^;]/, 'sh'), rule(/;/, 'p', '#pop')],
    proc: [
      rule(/(quit|run)/i, 'k', '#pop'),
      mixin('basics'),
      rule(/\w+/, (run, m) => {
        const word = m[0].toUpperCase();
        if (SAS_DATA_STEP_STATEMENTS.has(word) || SAS_FUNCTIONS.has(word)) run.token('k');
        else if (procKeyword(run.data.procName, word)) run.token('k');
        else run.token('n');
      }),
      mixin('basics2'),
    ],
  },
}));
