/**
 * GHC Core, the Haskell compiler's intermediate language as `-ddump-simpl` prints it (tag
 * `ghc-core`), as Rouge 3.30 lexes it (lexers/ghc_core.rb): `==== … ====` section lines `gh`,
 * dump timestamps and `--` comments `c1`, `Result size of …` headers `cm`, `[…]` annotations `cs`
 * (nested); a line's first word `nf` when an `=` or `::` follows anywhere later in the text, a
 * `"rule name"` at a line start `nl`, then the indented lines after it as expressions: types,
 * `[Char]` and `[]` `kt`, numbers `mi`/`mf` (with `#`), `"…"#` `s`, `'c'#` `sc`, `__DEFAULT` `no`,
 * `forall case of letrec let join` `k` — matched as prefixes, as Rouge's unanchored rules do
 * (`often` is `of` then `ten`) — operators `o`, other words `nv`; `Rec {` / `end Rec }` `k`.
 *
 * Two of Rouge's rules emit other text than they match, reproduced: at a line start inside an
 * expression `Foo.` is written as `Foo.` (`nn`) then `Foo` (`p`), so Rouge's output repeats the
 * name; a package prefix `base-4.12.0:` is `nn` then `p`.
 */
import { type LexRun, type LexerDef, type Rule, lazyLexer, mixin, rule } from '../engine.js';
import { stickyMatcher } from './loop-match.js';

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;

function customRule(bol: boolean, match: (text: string, pos: number) => RegExpExecArray | null, action: (run: LexRun, m: RegExpExecArray) => void): Rule {
  return { re: stickyMatcher(match), bol, action };
}

function result(text: string, pos: number, end: number, groups: string[] = []): RegExpExecArray {
  const m = [text.slice(pos, end), ...groups] as unknown as RegExpExecArray;
  m.index = pos;
  return m;
}

/** Where each text's last `=` or `::` starts (-1 if none), found once per text. */
let lastSeen = '';
let lastEqual = -1;
function lastEqualOrColons(text: string): number {
  if (text !== lastSeen) {
    lastSeen = text;
    const eq = text.lastIndexOf('=');
    const colons = text.lastIndexOf('::');
    lastEqual = Math.max(eq, colons);
  }
  return lastEqual;
}

/**
 * Rouge's `^(\S+)(?=.*?(=|::))` (dot matching newlines): the run of non-blanks when an `=` or `::`
 * starts anywhere after it; otherwise its longest prefix followed by one — up to the last that
 * starts inside the run after its first character. Its lookahead would scan the rest of the text
 * at every line without one (quadratic); the last `=` or `::` of the text decides.
 */
function functionName(text: string, pos: number): RegExpExecArray | null {
  let end = pos;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  if (end === pos) return null;
  const last = lastEqualOrColons(text);
  if (last >= end) return result(text, pos, end);
  // the last `=` or `::` starting inside the run (a `::` ending past it cannot: a blank follows)
  if (last >= pos + 1) return result(text, pos, last);
  return null;
}

/**
 * Rouge's `(^[a-z].*?\d+\.\d+\.\d+)(:)(?=\S)`: a lower-case letter, then the first version `1.2.3` on it followed by `:` and a non-blank. All the start positions inside one
 * run of digits lead to the same outcome, so each run is checked once (the regex would retry the
 * run's rest from each of its digits: quadratic on a long one). Its `^` is not the rule's first
 * character, so Rouge tries it anywhere, and Ruby's StringScanner matches `^` at the scan position.
 */
let pkgSeen = '';
let pkgFrom = -1;
let pkgRun = -1; // the end of the first digit run of the line's next version after `pkgFrom`, or -1
let pkgEnd = -1; // that version's end (its `:`)
let pkgLineEnd = -1; // where the scan stopped without one: the line's end
function packagePrefix(text: string, pos: number): RegExpExecArray | null {
  const c = text.charCodeAt(pos);
  if (!(c >= 97 && c <= 122)) return null;
  // a later position on the same line finds the same version while it lies ahead (or none)
  if (text !== pkgSeen || pos < pkgFrom || (pkgRun >= 0 && pos + 1 >= pkgRun) || (pkgRun < 0 && pos >= pkgLineEnd)) {
    pkgSeen = text;
    pkgFrom = pos;
    pkgRun = -1;
    const runEnd = (i: number) => {
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      return i;
    };
    let i = pos + 1;
    while (i < text.length && text[i] !== '\n') {
      if (!isDigit(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const r1 = runEnd(i);
      if (text[r1] === '.') {
        const r2 = runEnd(r1 + 1);
        if (r2 > r1 + 1 && text[r2] === '.') {
          const r3 = runEnd(r2 + 1);
          if (r3 > r2 + 1 && text[r3] === ':' && r3 + 1 < text.length && !isSpace(text.charCodeAt(r3 + 1))) {
            pkgRun = r1;
            pkgEnd = r3;
            break;
          }
        }
      }
      i = r1;
    }
    pkgLineEnd = i;
  }
  if (pkgRun < 0) return null;
  return result(text, pos, pkgEnd + 1, [text.slice(pos, pkgEnd), ':']);
}

/**
 * Rouge's `\S*\(,\)\S*`: the rest of the run of non-blanks when it holds `(,)`. The regex would scan
 * the run from each of its words (quadratic on a long one); the run's last `(,)` is remembered.
 */
let runSeen = '';
let runFrom = -1;
let runEnd = -1;
let runLastTuple = -1;
function tupleName(text: string, pos: number): RegExpExecArray | null {
  if (text !== runSeen || pos < runFrom || pos > runEnd) {
    let i = pos;
    runLastTuple = -1;
    while (i < text.length && !isSpace(text.charCodeAt(i))) {
      if (text.startsWith('(,)', i)) runLastTuple = i;
      i++;
    }
    runSeen = text;
    runFrom = pos;
    runEnd = i;
  }
  if (runLastTuple < pos) return null;
  return result(text, pos, runEnd);
}

/**
 * Rouge's `".*"#`: up to the line's last `"#`. Tried at every `"` of a line without one, the regex
 * would scan to the line's end each time (quadratic); the line's last `"#` is remembered.
 */
let lineSeen = '';
let lineFrom = -1;
let lineEnd = -1;
let lineLastHash = -1;
function hashString(text: string, pos: number): RegExpExecArray | null {
  if (text[pos] !== '"') return null;
  if (text !== lineSeen || pos < lineFrom || pos > lineEnd) {
    let i = pos;
    lineLastHash = -1;
    while (i < text.length && text[i] !== '\n') {
      if (text[i] === '"' && text[i + 1] === '#') lineLastHash = i;
      i++;
    }
    lineSeen = text;
    lineFrom = pos;
    lineEnd = i;
  }
  if (lineLastHash < pos + 1) return null;
  return result(text, pos, lineLastHash + 2);
}

/**
 * Rouge's `^Result size of .+\n.+{[^}]*}`: the header line, then on the next line the last `{`
 * (after its first character) with a `}` somewhere after it, to that `}`. Found directly: the
 * regex would retry each `{` of the line against the rest of the text.
 */
let closeSeen = '';
let closeLast = -1;
function lastCloseBrace(text: string): number {
  if (text !== closeSeen) {
    closeSeen = text;
    closeLast = text.lastIndexOf('}');
  }
  return closeLast;
}

function resultSize(text: string, pos: number): RegExpExecArray | null {
  const head = 'Result size of ';
  if (!text.startsWith(head, pos)) return null;
  const nl = text.indexOf('\n', pos + head.length);
  if (nl < 0 || nl === pos + head.length) return null;
  // the line's last `{` after its first character with a `}` after it: the last one before the
  // text's last `}`
  const lastClose = lastCloseBrace(text);
  let open = -1;
  for (let i = nl + 2; i < text.length && text[i] !== '\n' && i < lastClose; i++) if (text[i] === '{') open = i;
  if (open < 0 || nl + 1 >= text.length || text[nl + 1] === '\n') return null;
  return result(text, pos, text.indexOf('}', open) + 1);
}

export const ghcCore: LexerDef = lazyLexer('ghc-core', () => ({
  states: {
    root: [
      rule(/^=====.*=====$/, 'gh'),
      rule(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ UTC$/, 'c1'),
      customRule(true, resultSize, (run) => run.token('cm')),
      rule(/--.*$/, 'c1'),
      rule(/\[/, 'cs', 'annotation'),
      mixin('recursive_binding'),
      mixin('ghc_rule'),
      mixin('function'),
      rule(/\s/, ''),
      rule(/./, ''),
    ],
    expression: [
      rule(/[\n]+/, ''),
      rule(/(?=^\S)/, (run) => run.pop()),
      rule(/\s+/, '', 'expression_line'),
    ],
    expression_line: [rule(/ /, ''), mixin('common'), rule(/\n/, '', '#pop')],
    annotation: [rule(/\]/, 'cs', '#pop'), rule(/\[/, 'cs', 'annotation'), rule(/[^\[\]]+/, 'cs')],
    common: [
      rule(/\[[^=]*\]/, 'kt'),
      rule(/\[/, 'cs', 'annotation'),
      mixin('literal'),
      mixin('constants'),
      mixin('punctuation'),
      mixin('operator'),
      mixin('name'),
    ],
    literal: [
      rule(/\d+\.\d+#{0,2}/, 'mf'),
      rule(/\d+#{0,2}/, 'mi'),
      customRule(false, hashString, (run) => run.token('s')),
      rule(/'.'#/, 'sc'),
    ],
    constants: [rule(/__DEFAULT/, 'no')],
    name: [
      // Rouge writes the whole match, then its first group: the name appears twice
      rule(/^([A-Z]\w*)(\.)/, (run, m) => {
        run.token('nn', m[0]);
        run.token('p', m[1]);
      }),
      rule(/[A-Z][^\s.,(){}]*/, 'kt'),
      customRule(false, packagePrefix, (run) => run.groups('nn', 'p')),
      customRule(false, tupleName, (run) => run.token('nv')),
      rule(/\S[^\s.,(){}]*/, 'nv'),
    ],
    punctuation: [rule(/[.,(){};]/, 'p')],
    operator: [
      rule(/=>/, 'o'),
      rule(/->/, 'o'),
      rule(/::/, 'o'),
      rule(/=/, 'o'),
      rule(/forall/, 'k'),
      rule(/case/, 'k'),
      rule(/of/, 'k'),
      rule(/letrec/, 'k'),
      rule(/let/, 'k'),
      rule(/join/, 'k'),
      rule(/@/, 'o'),
      rule(/\\/, 'o'),
    ],
    recursive_binding: [
      rule(/(Rec)(\s*)(\{)/, ['k', '', 'p']),
      rule(/^(end)(\s*)(Rec)(\s*)(\})/, ['k', '', 'k', '', 'p']),
    ],
    ghc_rule: [rule(/^(".*?")/s, 'nl', 'expression')],
    function: [
      customRule(true, functionName, (run) => {
        run.token('nf');
        run.push('expression');
      }),
    ],
  },
}));
