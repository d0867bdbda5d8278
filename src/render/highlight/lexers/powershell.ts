/**
 * PowerShell (tag `powershell`, aliases `posh`, `microsoftshell`, `msshell`), as Rouge 3.30 lexes
 * it: cmdlet and command names `n` followed by their parameters (`-Name` `nt`, bare arguments `nx`)
 * up to the line's end, a pipe or a bracket; reserved words `kr`; `-eq`-style operators `o`;
 * automatic variables (`$_`, `$true`, `$PSScriptRoot`…) `bp`, other variables `nv` (with a scope
 * `nn`); strings `s2`/`s1` with `$(…)` `si` and backtick escapes `se`; here-strings `sh`; `#` and
 * `<# … #>` comments with `.SYNOPSIS`-style help keywords `cs`; whitespace `w`.
 */
import { type LexerDef, mixin, rule, lazyLexer } from '../engine.js';
import { guarded, runEnds } from './loop-match.js';

/** Where a run of `[-\\w]` ends. */
const nameRunEnd = runEnds((c) => c === 45 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));

const AUTO_VARS =
  String.raw`\$\$|\$\?|\$\^|\$_|\$args|\$ConsoleFileName|\$Error|\$Event|\$EventArgs|\$EventSubscriber|` +
  String.raw`\$ExecutionContext|\$false|\$foreach|\$HOME|\$Host|\$input|\$IsCoreCLR|\$IsLinux|\$IsMacOS|` +
  String.raw`\$IsWindows|\$LastExitCode|\$Matches|\$MyInvocation|\$NestedPromptLevel|\$null|\$PID|\$PROFILE|` +
  String.raw`\$PSBoundParameters|\$PSCmdlet|\$PSCommandPath|\$PSCulture|\$PSDebugContext|\$PSHOME|\$PSItem|` +
  String.raw`\$PSScriptRoot|\$PSSenderInfo|\$PSUICulture|\$PSVersionTable|\$PWD|` +
  String.raw`\$REPORTERRORSHOWEXCEPTIONCLASS|\$REPORTERRORSHOWINNEREXCEPTION|\$REPORTERRORSHOWSOURCE|` +
  String.raw`\$REPORTERRORSHOWSTACKTRACE|\$SENDER|\$ShellId|\$StackTrace|\$switch|\$this|\$true`;
const KEYWORDS =
  String.raw`assembly|exit|process|base|filter|public|begin|finally|return|break|for|sequence|catch|foreach|` +
  String.raw`static|class|from|switch|command|function|throw|configuration|hidden|trap|continue|if|try|data|` +
  String.raw`in|type|define|inlinescript|until|do|interface|using|dynamicparam|module|var|else|namespace|` +
  String.raw`while|elseif|parallel|workflow|end|param|enum|private`;
const OPERATORS =
  String.raw`-split|-isplit|-csplit|-join|-is|-isnot|-as|-eq|-ieq|-ceq|-ne|-ine|-cne|-gt|-igt|-cgt|-ge|-ige|` +
  String.raw`-cge|-lt|-ilt|-clt|-le|-ile|-cle|-like|-ilike|-clike|-notlike|-inotlike|-cnotlike|-match|-imatch|` +
  String.raw`-cmatch|-notmatch|-inotmatch|-cnotmatch|-contains|-icontains|-ccontains|-notcontains|` +
  String.raw`-inotcontains|-cnotcontains|-replace|-ireplace|-creplace|-shl|-shr|-band|-bor|-bxor|-and|-or|` +
  String.raw`-xor|-not|\+=|-=|\*=|\/=|%=`;
const MULTILINE_KEYWORDS =
  String.raw`synopsis|description|parameter|example|inputs|outputs|notes|link|component|role|functionality|` +
  String.raw`forwardhelptargetname|forwardhelpcategory|remotehelprunspace|externalhelp`;
const ATTRIBUTES = new Set('ConfirmImpact DefaultParameterSetName HelpURI PositionalBinding SupportsPaging SupportsShouldProcess'.split(' '));

/**
 * Whether the braced name `\{(?:[^`]|`.)+?\}` fails from the `{` at `b` (after a `$`): its walk
 * takes one character (or a backtick and the next, not a newline) at a time, and ends at the first
 * `}` after the first character; without one it stops at the text's end or at a backtick before a
 * newline. A later `${` that the failed walk passed starts on that walk's path and fails the same
 * way, so the failed range is remembered: unclosed, each `${` of a long run (`${${${…`) scanned to
 * the end again (quadratic).
 */
const bracedWalkFails = (() => {
  let seenText = '';
  let failedFrom = -1;
  let failedEnd = -1;
  const step = (text: string, i: number): number => {
    if (text[i] !== '`') return i + String.fromCodePoint(text.codePointAt(i)!).length;
    if (i + 1 >= text.length || text[i + 1] === '\n') return -1;
    return i + 1 + String.fromCodePoint(text.codePointAt(i + 1)!).length;
  };
  return (text: string, b: number): boolean => {
    if (text !== seenText) {
      seenText = text;
      failedFrom = failedEnd = -1;
    }
    if (b >= failedFrom && b < failedEnd) return true;
    // `at` is where the walk stands; it stops there when `step` cannot go on
    let at = b + 1;
    let first = true;
    while (at < text.length) {
      if (!first && text[at] === '}') return false;
      const next = step(text, at);
      if (next < 0) break;
      at = next;
      first = false;
    }
    failedFrom = b;
    failedEnd = at;
    return true;
  };
})();

export const powershell: LexerDef = lazyLexer('powershell', () => ({
  states: {
    variable: [
      rule(AUTO_VARS, 'bp'),
      // the two `${…}` rules skip a brace whose walk is known to fail (bracedWalkFails)
      guarded(rule(/(\$)(?:(\w+)(:))?(\w+|\{(?:[^`]|`.)+?\})/, ['nv', 'nn', 'p', 'nv']), (text, pos) => !(text[pos + 1] === '{' && bracedWalkFails(text, pos + 1))),
      rule(/\$\w+/, 'nv'),
      guarded(rule(/\$\{(?:[^`]|`.)+?\}/, 'nv'), (text, pos) => !(text[pos + 1] === '{' && bracedWalkFails(text, pos + 1))),
    ],
    multiline: [
      rule(new RegExp(`\\.(?:${MULTILINE_KEYWORDS})`, 'i'), 'cs'),
      rule(/#>/, 'cm', '#pop'),
      rule(/[^#.]+?/s, 'cm'),
      rule(/[#.]+/, 'cm'),
    ],
    interpol: [rule(/\)/, 'si', '#pop'), mixin('root')],
    dq: [
      rule(/(?:\$#?)?"/, 's2', '#pop'),
      rule(/\$\(/, 'si', 'interpol'),
      rule(/`$/, 'se'),
      rule(/`./, 'se'),
      rule(/[^"`$]+/, 's2'),
      mixin('variable'),
    ],
    sq: [rule(/'/, 's1', '#pop'), rule(/[^']+/, 's1')],
    heredoc: [
      rule(/(?:\$#?)?"@/, 'sh', '#pop'),
      rule(/\$\(/, 'si', 'interpol'),
      rule(/`$/, 'se'),
      rule(/`./, 'se'),
      rule(/[^"`$]+?/s, 'sh'),
      rule(/"+/, 'sh'),
      mixin('variable'),
    ],
    class: [
      rule(/[{]/, 'p', '#pop'),
      rule(/\s+/, 'w'),
      rule(/\w+/, 'nc'),
      rule(/[:,]/, 'p'),
    ],
    expr: [
      mixin('comments'),
      rule(/"/, 's2', 'dq'),
      rule(/'/, 's1', 'sq'),
      rule(/@"/, 'sh', 'heredoc'),
      rule(/@'.*?'@/s, 'sh'),
      rule(/\d*\.\d+/, 'mf'),
      rule(/\d+/, 'mi'),
      rule(/@[{]/, 'p', 'hasht'),
      rule(/@\(/, 'p', 'array'),
      rule(/[{]/, 'p', 'brace'),
      rule(/\[/, 'p', 'bracket'),
    ],
    hasht: [
      rule(/[}]/, 'p', '#pop'),
      rule(/=/, 'o'),
      rule(/[,;]/, 'p'),
      mixin('expr'),
      rule(/\w+/, 'nx'),
      mixin('variable'),
    ],
    array: [
      rule(/\s+/, 'w'),
      rule(/\)/, 'p', '#pop'),
      rule(/[,;]/, 'p'),
      mixin('expr'),
      mixin('variable'),
    ],
    brace: [rule(/[}]/, 'p', '#pop'), mixin('root')],
    bracket: [
      rule(/\]/, 'p', '#pop'),
      rule(/[A-Za-z]\w+\./, 'n'),
      rule(/([A-Za-z]\w+)/, (run, m) => run.token(ATTRIBUTES.has(m[0]) ? 'bp' : 'n')),
      mixin('root'),
    ],
    parameters: [
      rule(/`./s, 'se'),
      rule(/\s*?\n/, 'w', '#pop'),
      rule(/[;(){}\]]/, 'p', '#pop'),
      rule(/[|=]/, 'o', '#pop'),
      rule(/[\/\\~\w][-.:\/\\~\w]*/, 'nx'),
      rule(/\w[-\w]+/, 'nx'),
      mixin('root'),
    ],
    comments: [
      rule(/\s+/, 'w'),
      rule(/#.*/, 'c'),
      rule(/<#/, 'cm', 'multiline'),
    ],
    root: [
      mixin('comments'),
      rule(/#requires\s-version \d(?:\.\d+)?/, 'cp'),
      rule(/\.\.(?=\.?\d)/, 'o'),
      rule(new RegExp(`(?:${OPERATORS})\\b`, 'i'), 'o'),
      rule(/(class)(\s+)(\w+)/i, ['kr', 'w', 'nc'], 'class'),
      rule(/(function)(\s+)(?:(\w+)(:))?(\w[-\w]+)/i, ['kr', 'w', 'nn', 'p', 'nf']),
      rule(new RegExp(`(?:${KEYWORDS})\\b(?![-.])`, 'i'), 'kr'),
      rule(/-{1,2}\w+/, 'nt'),
      // tried only where the run of `[-\w]` (after an optional `.`) is followed by `[` (the
      // greedy run cannot stop early): a long run of `-` or `_` is not scanned at each of its
      // characters (quadratic)
      guarded(rule(/(\.)?([-\w]+)(\[)/, ['o', 'n', 'p'], 'bracket'), (text, pos) => {
        const start = text.charCodeAt(pos) === 46 ? pos + 1 : pos;
        const end = nameRunEnd(text, start);
        return end > start && text.charCodeAt(end) === 91;
      }),
      rule(/([\/\\~a-z][-.:\/\\~\w]*)(\n)?/i, ['n', 'w'], 'parameters'),
      rule(/(\.)([-\w]+)(?:(\()|(\n))?/, (run, m) => {
        run.groups('o', 'nf', 'p', 'w');
        if (m[3] !== undefined) run.push('parameters');
      }),
      rule(/\?/, 'nf', 'parameters'),
      mixin('expr'),
      mixin('variable'),
      rule(/[-+*\/%=!.&|]/, 'o'),
      rule(/[{}(),:;]/, 'p'),
    ],
  },
}));
