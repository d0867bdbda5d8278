/**
 * Mosel, FICO Xpress's optimisation-modelling language (tag `mosel`), as Rouge 3.30 lexes it
 * (lexers/mosel.rb): keywords `k` (case-insensitive), `true false` and Mosel's core functions
 * `nb`, the mmxprs, mmsystem and mmjobs modules' functions `nf`, their parameters `py` and
 * `XPRS_…` constants `no`, other names `n`; numbers `m` (C-style suffixes taken); every other
 * punctuation character `p`; `'…'` `s1`, `"…"` `s2` with escapes `se`; `!` comments `c1` and
 * `(! … !)` `cm`.
 *
 * The word-list rules are Rouge's own regexes (`\b(w1|w2|…)\b`, in its order and with its
 * flags), generated from Rouge's compiled rules: the lists are local variables of its class.
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { onlyWhereLater } from './loop-match.js';

export const mosel: LexerDef = lazyLexer('mosel', () => ({
  states: {
    whitespace: [
      rule(/\s+/, ''),
      rule(/(!).*$\n?/, 'c1'),
      // unclosed, the lazy body would scan to the end at each opener: tried only before a closer
      onlyWhereLater('!)', 2, rule(/\(!.*?!\)/s, 'cm')),
    ],
    single_quotes: [rule(/'/, 's1', '#pop'), rule(/[^']+/, 's1')],
    double_quotes: [rule(/"/, 's2', '#pop'), rule(/(\\"|\\[0-7]{1,3}\D|\\[abfnrtv]|\\\\)/, 'se'), rule(/[^"]/, 's2')],
    base: [
      rule(/"/, 's2', 'double_quotes'),
      rule(/'/, 's1', 'single_quotes'),
      rule("((0(x|X)[0-9a-fA-F]*)|(([0-9]+\\.?[0-9]*)|(\\.[0-9]+))((e|E)(\\+|-)?[0-9]+)?)(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?", 'm'),
      rule("[~!@#\\$%\\^&\\*\\(\\)\\+`\\-={}\\[\\]:;<>\\?,\\.\\/\\|\\\\]", 'p'),
      rule(new RegExp("(true|false)\\b", 'i'), 'nb'),
      rule(new RegExp("\\b(and|array|as|boolean|break|case|count|counter|declarations|div|do|dynamic|elif|else|end|evaluation|exit|false|forall|forward|from|function|if|imports|in|include|initialisations|initializations|integer|inter|is_binary|is_continuous|is_free|is_integer|is_partint|is_semcont|is_semint|is_sos1|is_sos2|linctr|list|max|min|mod|model|mpvar|next|not|of|options|or|package|parameters|procedure|public|prod|range|real|record|repeat|requirements|set|string|sum|then|to|true|union|until|uses|version|while|with)\\b", 'i'), 'k'),
      rule("\\b(abs|arctan|assert|bitflip|bitneg|bitset|bitshift|bittest|bitval|ceil|cos|create|currentdate|currenttime|cuthead|cuttail|delcell|exists|exit|exp|exportprob|fclose|fflush|finalize|findfirst|findlast|floor|fopen|fselect|fskipline|getact|getcoeff|getcoeffs|getdual|getfid|getfirst|gethead|getfname|getlast|getobjval|getparam|getrcost|getreadcnt|getreverse|getsize|getslack|getsol|gettail|gettype|getvars|iseof|ishidden|isodd|ln|log|makesos1|makesos2|maxlist|minlist|publish|random|read|readln|reset|reverse|round|setcoeff|sethidden|setioerr|setname|setparam|setrandseed|settype|sin|splithead|splittail|sqrt|strfmt|substr|timestamp|unpublish|write|writeln)\\b", 'nb'),
      rule("\\b(addmipsol|basisstability|calcsolinfo|clearmipdir|clearmodcut|command|copysoltoinit|defdelayedrows|defsecurevecs|estimatemarginals|fixglobal|getbstat|getdualray|getiis|getiissense|getiistype|getinfcause|getinfeas|getlb|getloadedlinctrs|getloadedmpvars|getname|getprimalray|getprobstat|getrange|getsensrng|getsize|getsol|getub|getvars|implies|indicator|isiisvalid|isintegral|loadbasis|loadmipsol|loadprob|maximize|minimize|postsolve|readbasis|readdirs|readsol|refinemipsol|rejectintsol|repairinfeas|resetbasis|resetiis|resetsol|savebasis|savemipsol|savesol|savestate|selectsol|setbstat|setcallback|setcbcutoff|setgndata|setlb|setmipdir|setmodcut|setsol|setub|setucbdata|stopoptimize|unloadprob|writebasis|writedirs|writeprob|writesol|xor)\\b", 'nf'),
      rule("\\b(XPRS_OPT|XPRS_UNF|XPRS_INF|XPRS_UNB|XPRS_OTH)\\b", 'no'),
      rule(new RegExp("\\b(XPRS_colorder|XPRS_enumduplpol|XPRS_enummaxsol|XPRS_enumsols|XPRS_fullversion|XPRS_loadnames|XPRS_problem|XPRS_probname|XPRS_verbose)\\b", 'i'), 'py'),
      rule(new RegExp("\\b(addmonths|copytext|cuttext|deltext|endswith|expandpath|fcopy|fdelete|findfiles|findtext|fmove|getasnumber|getchar|getcwd|getdate|getday|getdaynum|getdays|getdirsep|getendparse|setendparse|getenv|getfsize|getfstat|getftime|gethour|getminute|getmonth|getmsec|getpathsep|getqtype|setqtype|getsecond|getsepchar|setsepchar|getsize|getstart|setstart|getsucc|setsucc|getsysinfo|getsysstat|gettime|gettmpdir|gettrim|settrim|getweekday|getyear|inserttext|isvalid|makedir|makepath|newtar|newzip|nextfield|openpipe|parseextn|parseint|parsereal|parsetext|pastetext|pathmatch|pathsplit|qsort|quote|readtextline|regmatch|regreplace|removedir|removefiles|setchar|setdate|setday|setenv|sethour|setminute|setmonth|setmsec|setsecond|settime|setyear|sleep|startswith|system|tarlist|textfmt|tolower|toupper|trim|untar|unzip|ziplist)\\b", 'i'), 'nf'),
      rule("\\b(datefmt|datetimefmt|monthnames|sys_endparse|sys_fillchar|sys_pid|sys_qtype|sys_regcache|sys_sepchar)\\b", 'py'),
      rule(new RegExp("\\b(clearaliases|connect|disconnect|findxsrvs|getaliases|getbanner|gethostalias|sethostalias|compile|detach|getannidents|getannotations|getexitcode|getgid|getid|getnode|getrmtid|getstatus|getuid|load|reset|resetmodpar|run|setcontrol|setdefstream|setmodpar|setworkdir|stop|unload|dropnextevent|getclass|getfromgid|getfromid|getfromuid|getnextevent|getvalue|isqueueempty|nullevent|peeknextevent|send|setgid|setuid|wait|waitfor)\\b", 'i'), 'nf'),
      rule("\\b(conntmpl|defaultnode|fsrvdelay|fsrvnbiter|fsrvport|jobid|keepalive|nodenumber|parentnumber)\\b", 'py'),
      rule("[a-zA-Z_][a-zA-Z0-9_]*", 'n'),
    ],
    root: [mixin('whitespace'), mixin('base')],
  },
}));
