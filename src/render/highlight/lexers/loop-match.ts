/**
 * Rouge rules whose loops over overlapping alternatives — `(\\[\\/]|[^/])*` — backtrack
 * exponentially in V8 where a run of backslashes is left unclosed (Onigmo is slow there too, but
 * gets through short runs), matched by a small backtracking search that remembers the positions
 * already known to fail: the same first match as Onigmo's, in linear time. Used by ./perl.ts,
 * ./jinja.ts, ./stata.ts and ./groovy.ts.
 */
import { type Action, type Rule, rule } from '../engine.js';

/** One branch of a loop body: the length it matches at `i`, or -1. */
export type Branch = (text: string, i: number) => number;

/** A `(b1|b2|…)*` (or `*?` when lazy) loop followed by a closing character. */
export interface Loop {
  lazy: boolean;
  branches: Branch[];
  close: string;
}

/** `\\` followed by one of `chars` (code points). */
export const escape =
  (...chars: string[]): Branch =>
  (text, i) => {
    if (text[i] !== '\\') return -1;
    for (const c of chars) if (text.startsWith(c, i + 1)) return 1 + c.length;
    return -1;
  };
/** One code point not in `chars` (a negated class). */
export const notIn =
  (chars: string): Branch =>
  (text, i) => {
    if (i >= text.length) return -1;
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    return chars.includes(ch) ? -1 : ch.length;
  };

/** `\\` and one character other than a newline (Ruby's `\\.`). */
export const escapedDot: Branch = (text, i) => {
  if (text[i] !== '\\' || i + 1 >= text.length || text[i + 1] === '\n') return -1;
  return 1 + String.fromCodePoint(text.codePointAt(i + 1)!).length;
};
/** Any one character (Ruby's `.` under `/m`). */
export const anyChar: Branch = (text, i) => (i >= text.length ? -1 : String.fromCodePoint(text.codePointAt(i)!).length);
/** One character other than a newline (Ruby's `.`). */
export const dot: Branch = (text, i) =>
  i >= text.length || text[i] === '\n' ? -1 : String.fromCodePoint(text.codePointAt(i)!).length;

/**
 * The first match, in Onigmo's backtracking order, of `loops[0] loops[1] …` from `start`: each
 * loop tries its branches in order (greedy) or its close first (lazy). A (loop, position) that
 * once failed fails again whatever path led to it, so it is not searched twice.
 */
export function searchLoops(text: string, start: number, loops: Loop[]): number {
  return searchLoopsPath(text, start, loops)?.end ?? -1;
}

/**
 * searchLoops, also giving where each loop's close was matched (the loops' bodies and closes are
 * the capture groups of rules like sed's `(s)(.)((?:\\.|.)*?)(\2)((?:\\.|.)*?)(\2)`).
 */
export function searchLoopsPath(text: string, start: number, loops: Loop[]): { end: number; closes: number[] } | null {
  const failed = new Set<number>();
  const width = text.length + 1;
  // explicit stack: [loop index, position, next choice]
  const stack: Array<[number, number, number]> = [[0, start, 0]];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const [k, i, choice] = frame;
    const loop = loops[k];
    const n = loop.branches.length;
    if (choice > n) {
      failed.add(k * width + i);
      stack.pop();
      continue;
    }
    frame[2]++;
    // greedy: branches 0…n-1 then close (n); lazy: close first, then the branches
    const which = loop.lazy ? (choice === 0 ? n : choice - 1) : choice;
    let nk: number;
    let ni: number;
    if (which === n) {
      if (!text.startsWith(loop.close, i)) continue;
      if (k + 1 === loops.length) {
        // the last frame of each loop on the stack is where that loop's close was taken
        const closes: number[] = [];
        for (const [fk, fi] of stack) closes[fk] = fi;
        return { end: i + loop.close.length, closes };
      }
      nk = k + 1;
      ni = i + loop.close.length;
    } else {
      const len = loop.branches[which](text, i);
      if (len < 0) continue;
      nk = k;
      ni = i + len;
    }
    if (!failed.has(nk * width + ni)) stack.push([nk, ni, 0]);
  }
  return null;
}

/**
 * What the engine needs of a rule's RegExp (a sticky `exec` from `lastIndex`), done by `match`
 * instead of a regular expression: for matches a regex would find by backtracking too much.
 */
export function stickyMatcher(match: (text: string, pos: number) => RegExpExecArray | null): RegExp {
  const matcher = {
    lastIndex: 0,
    exec(text: string): RegExpExecArray | null {
      return match(text, this.lastIndex);
    },
  };
  return matcher as unknown as RegExp;
}

/**
 * A matcher with RegExp's sticky `exec` for the engine: `head` (a sticky regex whose group 1, if
 * any, is the delimiter) then the loops built from the delimiter, then `tail` (always matches).
 */
export function loopRe(head: RegExp, loops: (delim: string) => Loop[], tail: RegExp): RegExp {
  return stickyMatcher((text, pos) => {
    head.lastIndex = pos;
    const h = head.exec(text);
    if (!h) return null;
    const end = searchLoops(text, pos + h[0].length, loops(h[1] ?? ''));
    if (end < 0) return null;
    tail.lastIndex = end;
    const t = tail.exec(text)!;
    const m = [text.slice(pos, end + t[0].length)] as unknown as RegExpExecArray;
    m.index = pos;
    return m;
  });
}

/**
 * Like loopRe, with capture groups: the head's groups, then each loop's body and close in turn.
 */
export function loopGroupsRe(head: RegExp, loops: (m: RegExpExecArray) => Loop[]): RegExp {
  return stickyMatcher((text, pos) => {
    head.lastIndex = pos;
    const h = head.exec(text);
    if (!h) return null;
    const list = loops(h);
    const found = searchLoopsPath(text, pos + h[0].length, list);
    if (!found) return null;
    const m = [text.slice(pos, found.end), ...h.slice(1)] as unknown as RegExpExecArray;
    let at = pos + h[0].length;
    list.forEach((loop, k) => {
      const close = found.closes[k];
      m.push(text.slice(at, close), loop.close);
      at = close + loop.close.length;
    });
    m.index = pos;
    return m;
  });
}

export function loopRule(re: RegExp, action: Action): Rule {
  return { re, bol: false, action };
}

/**
 * Rouge's `Q(\\\\|\\Q|[^Q])*Q` (`[^\nQ]` when `newlines` is false) as a regex source (a group)
 * without its exponential backtracking on an unclosed quote before a run of backslashes. Same
 * matches, linear: the greedy path (a backslash pairs with a following backslash or Q) ends at
 * the first Q it does not pair; where it runs off the end (or into a newline) instead, every Q was
 * paired, and backtracking ends at the last one. Checked against the original on every string of
 * up to nine characters over Q, `\`, a letter and a newline.
 */
export function pairedEscapes(q: string, newlines = true): string {
  const nl = newlines ? '' : '\\n';
  const rest = newlines ? '[\\s\\S]' : '[^\\n]';
  return `(?:${q}(?:[^${q}\\\\${nl}]|\\\\[\\\\${q}]|\\\\(?![\\\\${q}]))*${q}|${q}${rest}*${q})`;
}

/**
 * Rouge's lazy `Q(\\.|.)*?Q` (with Ruby's `/m`, where `.` takes newlines too, when `dotAll`) as a
 * regex source (a group) without its exponential backtracking: the path on which every backslash
 * escapes the next character ends at the first Q not escaped; where there is none before a
 * newline (or the end), backtracking ends at the last Q before it. Checked against the original
 * on every string of up to nine characters over Q, `\`, a letter and a newline.
 */
export function lazyEscapes(q: string, dotAll = false): string {
  if (dotAll) return `(?:${q}(?:\\\\[\\s\\S]|[^${q}\\\\])*${q}|${q}[\\s\\S]*${q})`;
  return `(?:${q}(?:\\\\[^\\n]|[^${q}\\\\\\n])*${q}|${q}[^\\n]*${q})`;
}

/**
 * Rouge's `Q(\\\\|\\.|[^Q\\])*Q` (Make's strings; `.` without /m) as a regex source (a group)
 * without its exponential backtracking: `\\\\` and `\\.` both take a pair of backslashes, so an
 * unclosed quote before a run of them tried every way of choosing between the two (in V8, 60
 * backslashes: 8 s; 20,000: never). Both take exactly two characters, so every path through the
 * loop stops at the same places, and only the one alternative `\\[^\n]` is needed: same matches,
 * linear. No quote lies where the loop can stop (it passes quotes only escaped), so the greedy
 * walk's stop is the only place a closing quote can be.
 */
export function dotEscapes(q: string): string {
  return `(?:${q}(?:\\\\[^\\n]|[^${q}\\\\])*${q})`;
}

/**
 * Rouge's `Q(\\.|.)*?[Q\n]` (C#'s strings, closed by a quote or the line's end) as a regex source
 * (a group), without the exponential backtracking of lazyEscapes's form on an unclosed quote
 * before a run of backslashes (in V8, 40 of them took half a second). The walk on which every
 * backslash escapes the next character (a backslash before a newline or the end is a character
 * of its own) ends at the first quote or newline it reaches; it can pass no newline, so where it
 * runs off the end the line has none left, and backtracking ends at its last quote. Checked
 * against the original on every string of up to ten characters over Q, `\`, a letter and a
 * newline.
 */
export function lazyEscapesToLineEnd(q: string): string {
  return `(?:${q}(?:\\\\[^\\n]|\\\\(?![^\\n])|[^${q}\\\\\\n])*[${q}\\n]|${q}[^\\n]*${q})`;
}

/**
 * Rouge's `Q(\\\\|\\Q|[^Q\n])*[Q\n]` (Kotlin's strings, closed by a quote or the line's end) as a
 * regex source (a group), without its exponential backtracking on an unclosed quote before a run
 * of backslashes (in V8, 40 of them took a second): `[^Q\n]` takes a backslash too. The walk on
 * which a backslash pairs with a following backslash or quote ends at the first quote or newline
 * it reaches; it passes no newline, so where it runs off the end the line has none left, and
 * backtracking ends at its last quote. Checked against the original on every string of up to ten
 * characters over Q, `\`, a letter and a newline.
 */
export function pairedEscapesToLineEnd(q: string): string {
  return `(?:${q}(?:[^${q}\\\\\\n]|\\\\[\\\\${q}]|\\\\(?![\\\\${q}]))*[${q}\\n]|${q}[^\\n]*${q})`;
}

/** A rule whose regex is only run where `ok(text, pos)` holds (an exact precondition of it). */
export function guarded(base: Rule, ok: (text: string, pos: number) => boolean): Rule {
  // the engine checks `bol` before running the regex; a sliced text would defeat the caches
  if (base.slice) throw new Error('guarded: a rule needing a sliced text');
  const guard = (inner: () => RegExp): RegExp => stickyMatcher((text, pos) => {
    if (!ok(text, pos)) return null;
    const re = inner();
    re.lastIndex = pos;
    return re.exec(text);
  });
  return { re: guard(() => base.re), asciiRe: guard(() => base.asciiRe ?? base.re), bol: base.bol, action: base.action };
}

/**
 * `base`, tried only where the rest of the line holds `needle` (one character, not a newline) —
 * for rules like systemd's `(.*?)(=)(.*)`, which cannot match otherwise: run at every position
 * of a long line without one, each attempt would scan to the line's end (quadratic). Where the
 * next `needle` or newline lies is remembered between positions, so a line is scanned once.
 */
export function onlyWhereLineHas(needle: string, base: Rule): Rule {
  let seenText = '';
  let from = -1;
  let found = -1; // the first needle or newline at or after `from` (text.length if neither)
  return guarded(base, (text, pos) => {
    if (text !== seenText || pos < from || pos > found) {
      let i = pos;
      while (i < text.length && text[i] !== needle && text[i] !== '\n') i++;
      seenText = text;
      from = pos;
      found = i;
    }
    return text[found] === needle;
  });
}

/**
 * `base`, tried only where the line ends with `end` (its last characters before the newline, or
 * before the end of the text unless `newline`): systemd's continuation `(.*?)(\\\n)`. The line's
 * end is remembered between positions.
 */
export function onlyWhereLineEndsWith(end: string, newline: boolean, base: Rule): Rule {
  let seenText = '';
  let from = -1;
  let eol = -1;
  return guarded(base, (text, pos) => {
    if (text !== seenText || pos < from || pos > eol) {
      const nl = text.indexOf('\n', pos);
      seenText = text;
      from = pos;
      eol = nl < 0 ? text.length : nl;
    }
    if (newline && eol === text.length) return false;
    return eol - end.length >= pos && text.startsWith(end, eol - end.length);
  });
}

/**
 * `base`, tried only where `needle` occurs at or after `pos + skip` in the text: for a lazy
 * rule like plist's `/\*.+?\*\/`, which otherwise scans to the text's end at each of many
 * unclosed openers (quadratic). The needle's last place is found once per text.
 */
export function onlyWhereLater(needle: string, skip: number, base: Rule): Rule {
  let seenText = '';
  let last = -1;
  return guarded(base, (text, pos) => {
    if (text !== seenText) {
      seenText = text;
      last = text.lastIndexOf(needle);
    }
    return last >= pos + skip;
  });
}

/**
 * `base`, a C-style block comment that may split its star-slash with a backslash-newline
 * (`/(\\\n)?[*]…[*](\\\n)?\//`, in Rouge's Io, MiniZinc, Pony and Sieve lexers), tried only where
 * such a closer is left after the opener: unclosed, the lazy body scans to the text's end at each
 * opener (quadratic). The last closer is found once per text.
 */
export function onlyBeforeBlockCommentCloser(base: Rule): Rule {
  let seenText = '';
  let last = -1;
  return guarded(base, (text, pos) => {
    if (text !== seenText) {
      seenText = text;
      last = Math.max(text.lastIndexOf('*/'), text.lastIndexOf('*\\\n/'));
    }
    return last >= pos + 2;
  });
}

/**
 * `base`, tried only where `ok` says so, given where the run of characters matching `inRun` (code
 * units) that starts at the position ends. The run's end is remembered between positions (a lexer
 * asks at each position of a run in turn), so the guard stays linear where the rule it stands for
 * would scan the rest of the run at each of them (quadratic).
 */
export function guardedByRun(inRun: (code: number) => boolean, base: Rule, ok: (text: string, pos: number, end: number) => boolean): Rule {
  const endOf = runEnds(inRun);
  return guarded(base, (text, pos) => ok(text, pos, endOf(text, pos)));
}

/**
 * Where the run of characters matching `inRun` (code units) that starts at `i` ends, remembered
 * while later starts fall inside the last run found (asked at each position of a run in turn,
 * it scans the run once).
 */
export function runEnds(inRun: (code: number) => boolean): (text: string, i: number) => number {
  let seenText = '';
  let from = -1;
  let end = -1;
  return (text, i) => {
    if (text !== seenText || i < from || i > end) {
      let j = i;
      while (j < text.length && inRun(text.charCodeAt(j))) j++;
      seenText = text;
      from = i;
      end = j;
    }
    return end;
  };
}

/**
 * guardedByRun for runs of code points: `run` is a sticky regex (`u` and `y` flags) matching a
 * run of characters (`[…]*`), whose end is remembered while later positions fall inside it.
 */
export function guardedByRunRe(run: RegExp, base: Rule, ok: (text: string, pos: number, end: number) => boolean): Rule {
  if (!run.sticky) throw new Error('guardedByRunRe: a sticky run regex');
  let seenText = '';
  let from = -1;
  let end = -1;
  return guarded(base, (text, pos) => {
    if (text !== seenText || pos < from || pos > end) {
      run.lastIndex = pos;
      end = pos + run.exec(text)![0].length;
      seenText = text;
      from = pos;
    }
    return ok(text, pos, end);
  });
}

/**
 * `base`, tried only where the run of characters matching `inRun` (code units) that starts at the
 * position is followed by `next`: for C's function rule `([\w*\s]+?[\s*])(id)(\s*\(…`, whose
 * text up to the `(` is all `[\w*\s]` — otherwise it scans a long run of words at each of its
 * positions (quadratic).
 */
export function onlyWhereRunThen(inRun: (code: number) => boolean, next: string, base: Rule): Rule {
  return guardedByRun(inRun, base, (text, _pos, end) => text.startsWith(next, end));
}

/**
 * `base`, tried only where the run of characters matching `inRun` (code units) that starts at the
 * position is followed by a code unit matching `next`: for rules like Clean's `_*[a-z]…`, whose
 * greedy run cannot stop early (a shorter one is followed by another run character) — on a long
 * run each position scanned the rest of it (quadratic).
 */
export function onlyWhereRunThenCode(inRun: (code: number) => boolean, next: (code: number) => boolean, base: Rule): Rule {
  return guardedByRun(inRun, base, (text, _pos, end) => end < text.length && next(text.charCodeAt(end)));
}

/**
 * `base`, a rule like `(name)(\s*)(:)` tried only where the run of characters matching `inRun`
 * (a test of code units, or a sticky regex matching a run of code points) that starts at the
 * position is followed by characters matching `isSpace` and then `next` (a code unit, or a test
 * of one): neither greedy run can stop early, so nothing else can match. The run's end and
 * the answer for it are remembered, so a long run (or one followed by many spaces) is scanned
 * once, not at each of its positions (quadratic).
 */
export function onlyWhereRunSpacedThen(
  inRun: ((code: number) => boolean) | RegExp,
  isSpace: (code: number) => boolean,
  next: number | ((code: number) => boolean),
  base: Rule,
): Rule {
  const isNext = typeof next === 'number' ? (c: number) => c === next : next;
  let seenText = '';
  let seenEnd = -1;
  let answer = false;
  const ok = (text: string, _pos: number, end: number) => {
    if (text !== seenText || end !== seenEnd) {
      let i = end;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      seenText = text;
      seenEnd = end;
      answer = isNext(text.charCodeAt(i));
    }
    return answer;
  };
  // a sticky regex for runs of code points (guardedByRunRe), else a test of code units
  return inRun instanceof RegExp ? guardedByRunRe(inRun, base, ok) : guardedByRun(inRun, base, ok);
}

/**
 * `base`, a rule starting with `open` that, once it has failed at an `open` of a text, fails at
 * every later position of that text — like Lasso's `'[^'\\]*(\\.[^'\\]*)*'`: the walk from a
 * quote that finds no closer passes every later quote as an escaped character, so a walk from
 * that later quote is the same walk's tail and fails too. Unclosed, each such quote would scan
 * to the text's end (quadratic on `'\'\'\…`); the first failing quote is remembered instead.
 * Where the walk can stop before the text's end (`\\.` without /m does not take a newline),
 * `stuckAt` gives where the failed walk stopped: only the quotes before that share its tail.
 */
export function failsOnceFailed(open: string, base: Rule, stuckAt?: (text: string, pos: number) => number): Rule {
  let seenText = '';
  let failedAt = Infinity;
  let failedEnd = Infinity;
  const remember = (inner: () => RegExp): RegExp =>
    stickyMatcher((text, pos) => {
      if (text !== seenText) {
        seenText = text;
        failedAt = failedEnd = Infinity;
      }
      if (pos > failedAt && pos < failedEnd) return null;
      const re = inner();
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m && text.startsWith(open, pos)) {
        failedAt = pos;
        failedEnd = stuckAt ? stuckAt(text, pos) : Infinity;
      }
      return m;
    });
  if (base.slice) throw new Error('failsOnceFailed: a rule needing a sliced text');
  return { re: remember(() => base.re), asciiRe: remember(() => base.asciiRe ?? base.re), bol: base.bol, action: base.action };
}

/**
 * `base`, a rule that from an opener (`open`, a sticky regex) walks the rest of its line, like
 * Markdown's `<(?:\\.|[^\\\n])*?>`: a walk that found nothing from one opener finds nothing from
 * any later opener of that line either (its walk is a tail of the first), so after a failure
 * the rest of the line is not walked again from each of them (quadratic on `<<<…`).
 */
export function failsOnLineOnceFailed(open: RegExp, base: Rule): Rule {
  if (!open.sticky) throw new Error('failsOnLineOnceFailed: a sticky opener');
  if (base.slice) throw new Error('failsOnLineOnceFailed: a rule needing a sliced text');
  let seenText = '';
  let failedAt = -1;
  let lineEnd = -1;
  const remember = (inner: () => RegExp): RegExp =>
    stickyMatcher((text, pos) => {
      if (text !== seenText) {
        seenText = text;
        failedAt = lineEnd = -1;
      }
      if (pos > failedAt && pos < lineEnd) return null;
      const re = inner();
      re.lastIndex = pos;
      const m = re.exec(text);
      open.lastIndex = pos;
      if (!m && open.test(text)) {
        failedAt = pos;
        const nl = text.indexOf('\n', pos);
        lineEnd = nl < 0 ? text.length : nl;
      }
      return m;
    });
  return { re: remember(() => base.re), asciiRe: remember(() => base.asciiRe ?? base.re), bol: base.bol, action: base.action };
}

/**
 * Where the last match of `re` (a global regex) in a text starts (-1 if none), found once per
 * text: for closers that are matched case-insensitively (Lasso's `script>`, Xojo's
 * `#tag EndNote`), where onlyWhereLater's exact search would not do.
 */
export function lastMatchIndex(re: RegExp): (text: string) => number {
  if (!re.global) throw new Error('lastMatchIndex: a global regex');
  let seen: string | undefined;
  let last = -1;
  return (text) => {
    if (text !== seen) {
      seen = text;
      last = -1;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        last = m.index;
        if (m[0] === '') re.lastIndex++;
      }
    }
    return last;
  };
}

/** `base`, tried only where a match of `closer` (a global regex) starts at or after `pos + skip`. */
export function onlyWhereLaterMatch(closer: RegExp, skip: number, base: Rule): Rule {
  const last = lastMatchIndex(closer);
  return guarded(base, (text, pos) => last(text) >= pos + skip);
}

/** Ruby's `\s` (Onigmo's, not Unicode's): space, tab, newline, vertical tab, form feed, carriage return. */
export const isRubySpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * `base`, a rule `^\s*X…`, tried only where the run of blanks from the position (newlines
 * included) ends at one of `first`, X's possible first characters: a shorter part of the run is
 * followed by a blank, never by X. On many blank lines each line start scanned the rest of the
 * run (quadratic); the run's end is remembered (guardedByRun).
 */
export function afterBlankRun(first: string, base: Rule): Rule {
  return guardedByRun(isRubySpace, base, (text, _pos, end) => end < text.length && first.includes(text[end]!));
}

/**
 * `base`, a rule `\s*CC+\s…` (Lean's comment `\s*--+\s+.*?$`: `c` one code unit, `min` of them at
 * least), tried only where after the blanks from the position a run of at least `min` of `c`
 * ends at a blank: neither greedy run can stop early (a shorter one is followed by another `c`
 * or blank), so nothing else can match. On a long run of `c` each position scanned the rest of
 * it (quadratic); both runs' ends are remembered (runEnds).
 */
export function onlyWhereBlanksRunThenBlank(c: number, min: number, base: Rule): Rule {
  const blanksEnd = runEnds(isRubySpace);
  const runEnd = runEnds((code) => code === c);
  return guarded(base, (text, pos) => {
    const start = blanksEnd(text, pos);
    const end = runEnd(text, start);
    return end - start >= min && end < text.length && isRubySpace(text.charCodeAt(end));
  });
}

const ENTITY = /&\S*?;/;

/**
 * Rouge's entity rule `&\S*?;` (HTML, XML and the lexers built on them), tried only where a `;`
 * ends the run of non-spaces from the `&`: otherwise it scans that run at each `&` of it
 * (quadratic on `&&&…`).
 */
export function entityRule(): Rule {
  return onlyWhereRunHasSemicolon(rule(ENTITY, 'ni'));
}

/**
 * `base`, a rule like `&\S*?;` or Markdown's greedy `&\S*;`, tried only where a `;` lies in the
 * run of non-spaces (Ruby's `\S`) from the position. Where the next `;` lies is remembered
 * between positions, so neither the run nor the text to the `;` is scanned at each of them.
 */
export function onlyWhereRunHasSemicolon(base: Rule): Rule {
  let seenText = '';
  let from = -1;
  let semi = -1; // the first `;` at or after `from`, -1 if none
  return guardedByRun((c) => !isRubySpace(c), base, (text, pos, end) => {
    if (text !== seenText || pos < from || (semi >= 0 && pos > semi)) {
      seenText = text;
      from = pos;
      semi = text.indexOf(';', pos);
    }
    return semi >= 0 && semi < end;
  });
}

/**
 * Rouge's Haml and Slim Ruby-line rule `.*?(?=([ends]$| \|)?[ \t]*$)` (`ends` the characters that
 * continue a line: `,` for Haml, `,` and `\` for Slim), matched directly: the shortest part of
 * the line from the position after which come either one of `ends` then the line's end, or ` |`
 * and blanks to it, or only blanks. Its lookahead scans the line's trailing blanks at each
 * position tried, and on a long run of them each position is tried in turn (quadratic); here the
 * start of the line's trailing blanks is remembered while positions stay on that line.
 */
export function beforeLineTail(ends: string): RegExp {
  let seenText = '';
  let from = -1;
  let eol = -1;
  let blanks = -1; // where the line's trailing run of spaces and tabs starts
  return stickyMatcher((text, pos) => {
    if (text !== seenText || pos < from || pos > eol) {
      const nl = text.indexOf('\n', pos);
      eol = nl < 0 ? text.length : nl;
      blanks = eol;
      while (blanks > pos && (text[blanks - 1] === ' ' || text[blanks - 1] === '\t')) blanks--;
      seenText = text;
      from = pos;
    }
    // the first of the three ends at or after the position, and what the lookahead's group took
    let end = Math.max(pos, blanks);
    let tail: string | undefined;
    if (eol - 1 >= pos && ends.includes(text[eol - 1]!)) {
      end = eol - 1;
      tail = text[end];
    } else if (blanks - 2 >= pos && text[blanks - 1] === '|' && text[blanks - 2] === ' ') {
      end = blanks - 2;
      tail = ' |';
    }
    const m = [text.slice(pos, end), tail] as unknown as RegExpExecArray;
    m.index = pos;
    return m;
  });
}

/**
 * Where the last `needle` (no newline in it) lies within the line of a position, at or after that
 * position (-1 if none): the exact condition of a lookahead like Stata's `(?=.*\])`, which scans
 * to the line's end and back at each position tried (quadratic on a long line of them). The
 * answer is remembered while positions stay on the line, so each line is scanned once.
 */
export function lastOnLine(needle: string): (text: string, pos: number) => number {
  let seenText = '';
  let from = -1;
  let eol = -1;
  let last = -1;
  return (text, pos) => {
    if (text !== seenText || pos < from || pos > eol) {
      const nl = text.indexOf('\n', pos);
      eol = nl < 0 ? text.length : nl;
      last = eol - needle.length;
      while (last >= pos && !text.startsWith(needle, last)) last--;
      if (last < pos) last = -1;
      seenText = text;
      from = pos;
    }
    return last;
  };
}

/**
 * Where the walk of `Q[^Q\\]*(\\.[^Q\\]*)*Q` (`.` not taking a newline) from the opener at
 * `pos` stops when it finds no closer: at a backslash before a newline, or at the text's end
 * (failsOnceFailed's `stuckAt` for such rules).
 */
export const escapedWalkStop =
  (q: string) =>
  (text: string, pos: number): number => {
    let i = pos + 1;
    while (i < text.length) {
      const c = text[i];
      if (c === q) return i;
      if (c === '\\') {
        if (i + 1 >= text.length || text[i + 1] === '\n') return i;
        i += 1 + String.fromCodePoint(text.codePointAt(i + 1)!).length;
      } else i++;
    }
    return text.length;
  };

/**
 * Whether CoffeeScript's and LiveScript's regex literal
 * `/(\\.|[^\[/\\\n]|\[(\\.|[^\]\\\n])*\])+/(flags)` matches at `pos`, for `flags` (a sticky regex
 * run just after the closing `/`). The walk is deterministic: each iteration's alternatives start
 * with different characters, and giving an iteration back leaves a `\`, `[` or plain character
 * where the closing `/` (or `]`) would have to be, so only the greedy walk can match, and a
 * failed walk or flags part fails the rule. A later attempt entering a state the failed walk
 * passed through (outside a class, or inside one: `[/[/[/…` starts a regex at each `/` whose
 * class reads the same rest of the line) ends the same way: the outcome is remembered for every
 * position and state a walk passed, so each is walked once per text (each `/` walked the rest
 * of the line: quadratic). A match is consumed, so the rule's regex, run only where this holds,
 * stays linear.
 */
export function slashRegexMatches(flags: RegExp): (text: string, pos: number) => boolean {
  if (!flags.sticky) throw new Error('slashRegexMatches: a sticky flags regex');
  let seenText = '';
  // per position and state (outside a class, inside one): 0 not walked, 1 fails, 2 matches
  let outside = new Uint8Array(0);
  let inside = new Uint8Array(0);
  const passed: number[] = []; // positions walked, inside a class as -1 - position
  return (text, pos) => {
    if (text.charCodeAt(pos) !== 47) return false;
    const n = text.length;
    if (pos + 1 >= n || text.charCodeAt(pos + 1) === 47) return false; // `+`: one iteration at least
    if (text !== seenText) {
      seenText = text;
      outside = new Uint8Array(n + 1);
      inside = new Uint8Array(n + 1);
    }
    passed.length = 0;
    let i = pos + 1;
    let inClass = false;
    let outcome = 1;
    for (;;) {
      const known = inClass ? inside[i]! : outside[i]!;
      if (known) {
        outcome = known;
        break;
      }
      passed.push(inClass ? -1 - i : i);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 10) break;
      if (c === 92) {
        // `\\.`: Ruby's `.` takes anything but a newline (a surrogate pair's halves come apart
        // the same way either path)
        if (i + 1 >= n || text.charCodeAt(i + 1) === 10) break;
        i += 2;
      } else if (inClass) {
        if (c === 93) inClass = false;
        i++;
      } else if (c === 47) {
        flags.lastIndex = i + 1;
        outcome = flags.test(text) ? 2 : 1;
        break;
      } else {
        if (c === 91) inClass = true;
        i++;
      }
    }
    for (const p of passed) {
      if (p < 0) inside[-1 - p] = outcome;
      else outside[p] = outcome;
    }
    return outcome === 2;
  };
}
