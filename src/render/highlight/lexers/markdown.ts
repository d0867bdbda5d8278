/**
 * Markdown (tags `markdown`, `md`, `mkd`), as Rouge 3.30 lexes it: headings `gh`/`gu`, list
 * markers and rules `p`, block quotes `gt`, `**…**` `gs`, `*…*` `ge`, inline and indented code
 * `sb`, links `p nv p` + `(` url `sx` `)`, reference definitions, inline HTML through the HTML
 * lexer, front matter through the YAML lexer. Fenced code is lexed with the fence's language
 * (an unknown one as `sb`; no language: Rouge guesses, we use plain text).
 */
import { type LexerDef, LexRun, mixin, plainLexer, rule, lazyLexer } from '../engine.js';
import { html } from './html.js';
import { afterBlankRun, failsOnLineOnceFailed, onlyWhereLater, onlyWhereRunHasSemicolon, stickyMatcher } from './loop-match.js';
import { sublexers } from './sublexers.js';
import { yaml } from './yaml.js';

const EDOT = String.raw`(?:\\.|[^\\\n])`;
const UNKNOWN_FENCE = plainLexer('markdown-fence', 'sb');
const GUESSED_FENCE = plainLexer('markdown-guess', '');

const BACKTICK = 96;
const BACKSLASH = 92;
const NEWLINE = 10;

/**
 * Rouge's inline code rule `(\x60+)(?:EDOT|\n)+?\1` (EDOT = `\\.|[^\\\n]`) without the regex, which
 * backtracks quadratically on a long run of backticks (40,000 took 3.7 s). The body is a
 * sequence of tokens with one way to cut it — a backslash and the next character (not a
 * newline), or any other one character — and ends where a backslash stands before a newline or
 * the end. The opening run of R backticks is given back one at a time (greedy `\x60+`), so the
 * closing run's length L is the largest of: min(R, the longest run of backtick tokens after the
 * opening run) and (R - 1) / 2 rounded down (the opening run closing itself: L, one backtick of
 * body, L); the lazy body then ends at the first place L backticks follow — in the opening run
 * when it closes itself, else at the first later run at least L long.
 */
const codeSpan = stickyMatcher((text, pos) => {
  let r = 0;
  while (text.charCodeAt(pos + r) === BACKTICK) r++;
  if (r === 0) return null;
  // later runs of backtick tokens: stop at one of R or more (nothing longer can be used)
  const runs: Array<[number, number]> = [];
  let longest = 0;
  let i = pos + r;
  let runStart = -1;
  while (i < text.length && longest < r) {
    const c = text.charCodeAt(i);
    if (c === BACKTICK) {
      if (runStart < 0) runStart = i;
      i++;
      continue;
    }
    if (runStart >= 0) {
      runs.push([runStart, i - runStart]);
      longest = Math.max(longest, i - runStart);
      runStart = -1;
    }
    if (c === BACKSLASH) {
      if (i + 1 >= text.length || text.charCodeAt(i + 1) === NEWLINE) break; // no token here
      i += 1 + String.fromCodePoint(text.codePointAt(i + 1)!).length;
    } else i += String.fromCodePoint(text.codePointAt(i)!).length;
  }
  if (runStart >= 0) {
    runs.push([runStart, i - runStart]);
    longest = Math.max(longest, i - runStart);
  }
  const len = Math.max(Math.min(r, longest), Math.floor((r - 1) / 2));
  if (len === 0) return null;
  let end: number;
  if (2 * len + 1 <= r) end = pos + 2 * len + 1;
  else end = runs.find(([, n]) => n >= len)![0] + len;
  const m = [text.slice(pos, end), '`'.repeat(len)] as unknown as RegExpExecArray;
  m.index = pos;
  return m;
});

/**
 * Rouge's `<.*?@.+[.].+>` (`.` not a newline) without the regex, which backtracks quadratically
 * from a `<` before a long run of `@` or dots. Its one match on a line, from a `<` at `p`: the
 * greedy `.+>` ends at the line's last `>` (G), the greedy `.+[.]` at the last `.` at least two
 * before it (B), and the lazy `.*?@` at the first `@` after `p` at least two before B. The line's
 * end, G and B are found once per line.
 */
function emailLink(): RegExp {
  let seenText = '';
  let lineFrom = -1;
  let lineEnd = -1;
  let lastGt = -1;
  let lastDot = -1;
  return stickyMatcher((text, pos) => {
    if (text[pos] !== '<') return null;
    if (text !== seenText || pos < lineFrom || pos >= lineEnd) {
      seenText = text;
      lineFrom = pos;
      const nl = text.indexOf('\n', pos);
      lineEnd = nl < 0 ? text.length : nl;
      lastGt = text.lastIndexOf('>', lineEnd - 1);
      lastDot = lastGt < 2 ? -1 : text.lastIndexOf('.', lastGt - 2);
    }
    if (lastGt <= pos || lastDot < pos + 3) return null;
    let at = pos + 1;
    while (at <= lastDot - 2 && text[at] !== '@') at++;
    if (at > lastDot - 2) return null;
    const m = [text.slice(pos, lastGt + 1)] as unknown as RegExpExecArray;
    m.index = pos;
    return m;
  });
}

const CLOSE_BRACKET = 93;

/**
 * Rouge's link text rule `(!?\[)(EDOT*?|[^\]]*?)(\])(?=[\[(])` without the regex, which from
 * each `[` of a run with no such `]` scans its line (the first alternative) and the rest of the
 * text (the second): quadratic on `[[[…`. The first alternative walks EDOT's tokens (a backslash
 * and the next character, not a newline, or one character other than a backslash or newline)
 * to the first `]` followed by `[` or `(`; once it has failed from one `[` it fails from every
 * later one of the line (a tail of the same walk). The second can only end at the first `]`
 * after the `[`, wherever that is: where the next `]` lies is remembered.
 */
function linkText(): RegExp {
  let seenText = '';
  let walkFailedFrom = -1; // where the first alternative last failed, and the end of that line
  let walkFailedUntil = -1;
  let closeFrom = -1;
  let close = -1; // the first `]` at or after closeFrom (-1: none)
  const opensLink = (text: string, i: number) => text[i] === '[' || text[i] === '(';
  return stickyMatcher((text, pos) => {
    if (text !== seenText) {
      seenText = text;
      walkFailedFrom = walkFailedUntil = closeFrom = close = -1;
    }
    const bang = text.charCodeAt(pos) === 33 && text[pos + 1] === '[' ? 1 : 0;
    if (text[pos + bang] !== '[') return null;
    const start = pos + bang + 1;
    let end = -1;
    if (start < walkFailedFrom || start > walkFailedUntil) {
      walkFailedFrom = start;
      walkFailedUntil = -1;
      for (let i = start; i < text.length; ) {
        const c = text.charCodeAt(i);
        if (c === CLOSE_BRACKET && opensLink(text, i + 1)) {
          end = i;
          break;
        }
        if (c === NEWLINE || (c === BACKSLASH && (i + 1 >= text.length || text.charCodeAt(i + 1) === NEWLINE))) {
          const nl = text.indexOf('\n', i);
          walkFailedUntil = nl < 0 ? text.length : nl;
          break;
        }
        const at = c === BACKSLASH ? i + 1 : i;
        i = at + String.fromCodePoint(text.codePointAt(at)!).length;
      }
      if (end < 0 && walkFailedUntil < 0) walkFailedUntil = text.length; // walked to the end
    }
    if (end < 0) {
      if (start < closeFrom || (close >= 0 && start > close) || closeFrom < 0) {
        closeFrom = start;
        close = text.indexOf(']', start);
      }
      if (close >= 0 && opensLink(text, close + 1)) end = close;
    }
    if (end < 0) return null;
    const m = [text.slice(pos, end + 1), text.slice(pos, start), text.slice(start, end), ']'] as unknown as RegExpExecArray;
    m.index = pos;
    return m;
  });
}

/** An open fence's language lexer, kept for the lines up to the closing fence. */
function fenceLexer(name: string): LexRun {
  const q = name.indexOf('?');
  const lang = q < 0 ? name : name.slice(0, q);
  const def = lang === '' || lang === 'guess' ? GUESSED_FENCE : (sublexers.find(lang) ?? UNKNOWN_FENCE);
  // find_fancy builds a new instance per fence, so state never leaks between fences
  return new LexRun(def, new URLSearchParams(q < 0 ? '' : name.slice(q + 1)));
}

export const markdown: LexerDef = lazyLexer('markdown', () => ({
  start: (run) => run.childRun(html).reset(),
  states: {
    root: [
      rule(/\A(---\s*\n.*?\n?)^(---\s*$\n?)/s, (run) => run.delegateFresh(yaml)),
      rule(/\\./, 'se'),
      rule(/^[^\t\n\v\f\r]+\n(?:---*)\n/, 'gh'), // Ruby's [\S ]
      rule(/^[^\t\n\v\f\r]+\n(?:===*)\n/, 'gu'),
      rule(/^#(?=[^#]).*?$/, 'gh'),
      rule(/^##*.*?$/, 'gu'),
      // a fence needs a newline after it: without one the regex gives back its run of fence
      // characters one at a time, scanning the rest of the line each time (quadratic)
      onlyWhereLater('\n', 0, rule(/^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?/s, (run, m) => {
        const name = m[3].trim();
        const sub = fenceLexer(name);
        run.token('', m[1]);
        run.token('p', m[2]);
        run.token('nl', m[3]);
        if (m[5] !== undefined) for (const [t, v] of sub.continueLex(m[5])) run.token(t, v);
        run.token('', m[6]);
        if (m[7]) run.token('p', m[7]);
        else {
          run.data.fence = { sub, marker: m[2] };
          run.push('open_fence');
        }
      })),
      rule(/\n\n(?:(?: {4}|\t).*?\n|\n)+/, 'sb'),
      { re: codeSpan, bol: false, action: (run) => run.token('sb') },
      // Each `^\s*X` rule only where the blanks from the line start end at an X (afterBlankRun).
      afterBlankRun('*', rule(/^(?:\s*[*]){3,}\s*$/, 'p')),
      afterBlankRun('-', rule(/^(?:\s*[\-]){3,}\s*$/, 'p')),
      afterBlankRun('*+-', rule(/^\s*[*+\-](?=\s)/, 'p')),
      afterBlankRun('0123456789', rule(/^\s*\d+\./, 'p')),
      afterBlankRun('>', rule(/^\s*>.*?$/, 'gt')),
      afterBlankRun('[', rule(String.raw`^(\s*)(\[)(${EDOT}+?)(\])(\s*)(:)`, (run) => {
        run.groups('', 'p', 'ss', 'p', '', 'p');
        run.push('title');
        run.push('url');
      })),
      { re: linkText(), bol: false, action: (run) => { run.groups('p', 'nv', 'p'); run.push('link'); } },
      rule(String.raw`[*][*]${EDOT}*?[*][*]`, 'gs'),
      rule(String.raw`__${EDOT}*?__`, 'gs'),
      rule(String.raw`[*]${EDOT}*?[*]`, 'ge'),
      rule(String.raw`_${EDOT}*?_`, 'ge'),
      // these walk the rest of the line from their opener: remembered once failed (quadratic on `<<<…`)
      failsOnLineOnceFailed(/</y, { re: emailLink(), bol: false, action: (run) => run.token('nv') }),
      failsOnLineOnceFailed(/<(?:https?|mailto|ftp):\/\//y, rule(String.raw`<(?:https?|mailto|ftp):\/\/${EDOT}*?>`, 'nv')),
      rule(/[^\\`\[*\n&<]+/, ''),
      onlyWhereRunHasSemicolon(rule(/&\S*;/, (run) => run.delegate(html))),
      failsOnLineOnceFailed(/</y, rule(String.raw`<${EDOT}*?>`, (run) => run.delegate(html))),
      rule(/[&<]/, ''),
      rule(/\[/, ''),
      rule(/\n/, ''),
    ],
    // Rouge pushes an anonymous state for a fence that does not close inside its first match,
    // with two rules: /^([ \t]*)(MARKER)/ closes it (even when more fence characters or text
    // follow), /^.*\n/ hands the line to the fence's lexer. A last line without a newline matches
    // neither, so Rouge emits it as Error, character by character.
    open_fence: [
      rule(/^[^\n]*\n?/, (run, m) => {
        const { sub, marker } = run.data.fence as { sub: LexRun; marker: string };
        const line = m[0];
        const indent = /^[ \t]*/.exec(line)![0];
        if (line.startsWith(marker, indent.length)) {
          run.pos -= line.length - indent.length - marker.length;
          run.pop();
          run.token('', indent);
          run.token('p', marker);
        } else if (line.endsWith('\n')) {
          for (const [t, v] of sub.continueLex(line)) run.token(t, v);
        } else run.token('err', line);
      }),
    ],
    link: [
      rule(String.raw`(\[)(${EDOT}*?)(\])`, ['p', 'ss', 'p'], '#pop'),
      rule(/[(]/, (run) => {
        run.token('p');
        run.push('inline_title');
        run.push('inline_url');
      }),
      rule(/[ \t]+/, ''),
      rule(/(?:)/, (run) => run.pop()),
    ],
    url: [
      rule(/[ \t]+/, ''),
      rule(String.raw`(<)(${EDOT}*?)(>)`, ['nt', 'sx', 'nt'], '#pop'),
      rule(/\S+/, 'sx', '#pop'),
    ],
    title: [
      rule(String.raw`"${EDOT}*?"`, 'nn'),
      rule(String.raw`'${EDOT}*?'`, 'nn'),
      rule(String.raw`[(]${EDOT}*?[)]`, 'nn'),
      rule(/\s*(?=["'()])/, ''),
      rule(/(?:)/, (run) => run.pop()),
    ],
    inline_title: [rule(/[)]/, 'p', '#pop'), mixin('title')],
    inline_url: [rule(/[^<\s)]+/, 'sx', '#pop'), rule(/\s+/, ''), mixin('url')],
  },
}));

