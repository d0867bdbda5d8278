/**
 * Windows batch files (tags `batchfile`, `bat`, `batch`, `dosbatch`, `winbatch`), as Rouge 3.30
 * lexes them (lib/rouge/lexers/batchfile.rb): `rem` and `::` comments `c`, `:label` `nl`,
 * `%var%`/`!var!` `nv` and `%~dp0`-style `vm`, switches `/x` `--x` `na`, operators `o`, strings
 * `s2`/`s1`/`sb` with `^` escapes `se`, numbers. Words: devices `kr`, keywords `k`, `not equ…`
 * `ow`, builtin and other known commands `nb`, `on off enabledelayedexpansion…` `na`, all
 * matched case-sensitively (`ECHO` is not a builtin) and with an optional `.exe`/`com`/`bat`/…
 * suffix `err`.
 * Rouge quirk kept: its last test, `"set".casecmp m[1]`, is an Integer and so always true in
 * Ruby: every other word is `kd` (not plain text).
 */
import { type LexerDef, lazyLexer, mixin, rule } from '../engine.js';
import { guardedByRun } from './loop-match.js';

const isPercent = (c: number) => c === 37;
const isPercentOrBang = (c: number) => c === 37 || c === 33;
/** Could be `[a-z]` under /i: an ASCII letter, or any non-ASCII character (see expansions). */
const isLetterish = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 128;
/** Could be `[a-z_$@#]` under /i. */
const isVariableInitial = (c: number) => isLetterish(c) || c === 95 || c === 36 || c === 64 || c === 35;

const KEYWORDS = new Set('if else for in do goto call exit'.split(' '));
const OPERATOR_WORDS = new Set('exist defined errorlevel cmdextversion not equ neq lss leq gtr geq'.split(' '));
const DEVICES = new Set(`con prn aux nul com1 com2 com3 com4 com5 com6 com7 com8 com9 lpt1 lpt2
  lpt3 lpt4 lpt5 lpt6 lpt7 lpt8 lpt9`.split(/\s+/));
const COMMANDS = new Set(`assoc attrib break bcdedit cacls cd chcp chdir chkdsk chkntfs choice
  cls cmd color comp compact convert copy date del dir diskpart doskey
  dpath driverquery echo endlocal erase fc find findstr format fsutil
  ftype gpresult graftabl help icacls label md mkdir mklink mode more
  move openfiles path pause popd print prompt pushd rd recover ren
  rename replace rmdir robocopy setlocal sc schtasks shift shutdown sort
  start subst systeminfo takeown tasklist taskkill time timeout title
  tree type ver verify vol xcopy waitfor wmic
  addusers admodcmd ansicon arp at bcdboot bitsadmin browstat certreq
  certutil change cidiag cipher cleanmgr clip cmdkey compress convertcp
  coreinfo csccmd csvde cscript curl debug defrag delprof deltree devcon
  diamond dirquota diruse diskshadow diskuse dism dnscmd dsacls dsadd
  dsget dsquery dsmod dsmove dsrm dsmgmt dsregcmd edlin eventcreate
  expand extract fdisk fltmc forfiles freedisk ftp getmac gpupdate
  hostname ifmember inuse ipconfig kill lgpo lodctr logman logoff
  logtime makecab mapisend mbsacli mem mountvol moveuser msg mshta
  msiexec msinfo32 mstsc nbtstat net net1 netdom netsh netstat nlsinfo
  nltest now nslookup ntbackup ntdsutil ntoskrnl ntrights nvspbind
  pathping perms ping portqry powercfg pngout pnputil printbrm prncnfg
  prnmngr procdump psexec psfile psgetsid psinfo pskill pslist
  psloggedon psloglist pspasswd psping psservice psshutdown pssuspend
  qbasic qgrep qprocess query quser qwinsta rasdial reg reg1 regdump
  regedt32 regsvr32 regini reset restore rundll32 rmtshare route rpcping
  run runas scandisk setspn setx sfc share shellrunas shortcut sigcheck
  sleep slmgr strings subinacl sysmon telnet tftp tlist touch tracerpt
  tracert tscon tsdiscon tskill tttracer typeperf tzutil undelete
  unformat verifier vmconnect vssadmin w32tm wbadmin wecutil wevtutil
  wget where whoami windiff winrm winrs wpeutil wpr wusa wuauclt wscript`.split(/\s+/));
const ATTRIBUTES = new Set('on off disable enableextensions enabledelayedexpansion'.split(' '));

export const batchfile: LexerDef = lazyLexer('batchfile', () => ({
  states: {
    basic: [
      rule(/@?\brem\b.*$/i, 'c'),
      rule(/^::.*$/, 'c'),
      rule(/:[a-z]+/i, 'nl'),
      rule(/([a-z]\w*)(\.exe|com|bat|cmd|msi)?/i, (run, m) => {
        const w = m[1];
        if (DEVICES.has(w)) run.groups('kr', 'err');
        else if (KEYWORDS.has(w)) run.groups('k', 'err');
        else if (OPERATOR_WORDS.has(w)) run.groups('ow', 'err');
        else if (COMMANDS.has(w)) run.token('nb');
        else if (ATTRIBUTES.has(w)) run.groups('na', 'err');
        else run.groups('kd', 'err');
      }),
      rule(/((?:[\/+]|--?)[a-z]+)\s*/i, 'na'),
      mixin('expansions'),
      rule(/[<>&|(){}\[\]\-+=;,~?*]/, 'o'),
    ],
    escape: [rule(/\^./s, 'se')],
    // Each tried only where what follows the run of `%`/`!` (a greedy run, which gives back only
    // more of the same) can start the rest of it: otherwise a long run (`%%%%…`) is scanned and
    // backtracked from each of its positions (quadratic). Under Ruby's /i `[a-z]` also takes
    // `ſ` and the Kelvin sign, so any non-ASCII character passes.
    expansions: [
      guardedByRun(isPercentOrBang, rule(/[%!]+([a-z_$@#]+)[%!]+/i, 'nv'), (text, pos, end) => end > pos && isVariableInitial(text.charCodeAt(end))),
      guardedByRun(isPercent, rule(/(%+~?[a-z]+\d?)/i, 'vm'), (text, pos, end) => {
        if (end === pos) return false;
        return isLetterish(text.charCodeAt(end)) || (text[end] === '~' && isLetterish(text.charCodeAt(end + 1)));
      }),
    ],
    double_quotes: [mixin('escape'), rule(/["]/, 's2', '#pop'), mixin('expansions'), rule(/[^\^"%!]+/, 's2')],
    single_quotes: [mixin('escape'), rule(/[']/, 's1', '#pop'), mixin('expansions'), rule(/[^\^'%!]+/, 's1')],
    backtick: [mixin('escape'), rule(/[`]/, 'sb', '#pop'), mixin('expansions'), rule(/[^\^`%!]+/, 'sb')],
    data: [
      rule(/\s+/, ''),
      rule(/0x[0-9a-f]+/i, 'mh'),
      rule(/[0-9]/, 'm'),
      rule(/["]/, 's2', 'double_quotes'),
      rule(/[']/, 's1', 'single_quotes'),
      rule(/[`]/, 'sb', 'backtick'),
      rule(/[^\s&|()\[\]{}\^=;!%+\-,"'`~?*]+/, ''),
      mixin('escape'),
    ],
    root: [mixin('basic'), mixin('data')],
  },
}));
