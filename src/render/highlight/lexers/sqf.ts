/**
 * SQF, the Arma scripting language (tag `sqf`), as Rouge 3.30 lexes it (lexers/sqf.rb): words
 * looked up lower-cased — `and or not` `ow`, `private params` `kd`, control flow `kr`, constants
 * `kc`, namespaces `kn`, diagnostic and engine commands `nf` (SQF_COMMANDS in ../rouge-words.ts),
 * names with `_` before another character `nv`, other names `vg`; `#define`… and line
 * continuations `cp`, `__EVAL`… `nb`; strings `s`, `$`/`0x` hex and numbers `mf`; comments.
 */
import { type LexerDef, lazyLexer, rule } from '../engine.js';
import { SQF_COMMANDS } from '../rouge-words.js';
import { onlyWhereLater } from './loop-match.js';

const set = (s: string) => new Set(s.trim().split(/\s+/));
const WORD_OPERATORS = set('and or not');
const INITIALIZERS = set('private param params');
const CONTROL_FLOW = set('if then else exitwith switch do case default while for from to step foreach');
const CONSTANTS = set(`true false player confignull controlnull displaynull grpnull locationnull netobjnull
  objnull scriptnull tasknull teammembernull`);
const NAMESPACES = set('currentnamespace missionnamespace parsingnamespace profilenamespace uinamespace');
const DIAG_COMMANDS = set(`diag_activemissionfsms diag_activesqfscripts diag_activesqsscripts
  diag_activescripts diag_captureframe diag_captureframetofile diag_captureslowframe
  diag_codeperformance diag_drawmode diag_enable diag_enabled diag_fps diag_fpsmin diag_frameno
  diag_lightnewload diag_list diag_log diag_logslowframe diag_mergeconfigfile diag_recordturretlimits
  diag_setlightnew diag_ticktime diag_toggle`);

export const sqf: LexerDef = lazyLexer('sqf', () => ({
  states: {
    root: [
      rule(/\s+/, ''),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater('*/', 2, rule(/\/\*.*?\*\//s, 'cm')),
      rule(/\/\/.*/, 'c1'),
      rule(/#(define|undef|if(n)?def|else|endif|include)/, 'cp'),
      rule(/\\\r?\n/, 'cp'),
      rule(/__(EVAL|EXEC|LINE__|FILE__)/, 'nb'),
      rule(/".*?"/, 's'),
      rule(/'.*?'/, 's'),
      rule(/(\$|0x)[0-9a-fA-F]+/, 'mh'),
      rule(/[0-9]+(\.)?(e[0-9]+)?/, 'mf'),
      rule(/[!%&*+\-\/<=>^|#]/, 'o'),
      rule(/[(){}\[\],:;]/, 'p'),
      rule(/[a-zA-Z0-9_]+/, (run, m) => {
        const name = m[0].toLowerCase();
        if (WORD_OPERATORS.has(name)) run.token('ow');
        else if (INITIALIZERS.has(name)) run.token('kd');
        else if (CONTROL_FLOW.has(name)) run.token('kr');
        else if (CONSTANTS.has(name)) run.token('kc');
        else if (NAMESPACES.has(name)) run.token('kn');
        else if (DIAG_COMMANDS.has(name) || SQF_COMMANDS.has(name)) run.token('nf');
        // Rouge's `%r"_.+" =~ name`: an underscore anywhere with a character after it
        else run.token(/_./.test(name) ? 'nv' : 'vg');
      }),
    ],
  },
}));
