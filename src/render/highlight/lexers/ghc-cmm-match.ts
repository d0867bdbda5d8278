/**
 * Linear-time matchers for the GHC Cmm lexer's rules that Rouge writes as regexes which backtrack
 * over every split of a word or every way of cutting blanks and comments (lexers/ghc_cmm.rb):
 *
 * - `ws*` then something: Rouge's `ws` is a blank, a `//` comment up to *some* newline (lazy, so
 *   when what follows fails it is retried up to each later newline) or a `/* … *\/` comment.
 *   Tried in the regex's order (a depth-first search: more comments first, a `//` comment to its
 *   first newline first, a block comment to its last possible end first), but each position is
 *   given up at most once per text: what follows `ws*` does not depend on how it was reached.
 *   Onigmo (and V8) try every way of cutting `//\n//\n…`, exponential in the number of lines.
 * - `complex_id` then something: a word's atoms (`x`, `()`, `(,)`, `[]`) form one chain, and the
 *   regex `(?:atom)*(?:char+)` ends the word at the longest chain position after a plain
 *   character from which the rest matches — found by walking the chain backwards once
 *   (the regex retries the rest of the word from each split: quadratic).
 */

const isBlank = (c: number) => c === 32 || (c >= 9 && c <= 13);
/** Rouge's `[\w#$%_']`. */
export const isIdChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 35 || c === 36 || c === 37 || c === 39;

/** What must follow `ws*`: the end of its match at `pos`, or -1. */
export type Tail = (text: string, pos: number) => number;

interface WsMemo {
  /** Positions from which `ws*` then the tail is known to fail. */
  failed: Set<number>;
  /** Every position after a newline at or past this one is known to fail. */
  failedAfterNewlinesFrom: number;
}

let memoText = '';
let memos = new Map<Tail, WsMemo>();

function memoFor(text: string, tail: Tail): WsMemo {
  if (text !== memoText) {
    memoText = text;
    memos = new Map();
  }
  let memo = memos.get(tail);
  if (!memo) {
    memo = { failed: new Set(), failedAfterNewlinesFrom: Infinity };
    memos.set(tail, memo);
  }
  return memo;
}

/** The ends of a `/* … *\/` comment at `pos`, in the order the regex tries them (longest first). */
function blockCommentEnds(text: string, pos: number): number[] {
  // the body (?:[^*]|[*][^/])* takes one way only: the places it may stop, in order
  const stops = [pos + 2];
  let b = pos + 2;
  for (;;) {
    if (b >= text.length) break;
    if (text[b] !== '*') b += 1;
    else if (b + 1 < text.length && text[b + 1] !== '/') b += 2;
    else break;
    stops.push(b);
  }
  const ends: number[] = [];
  for (let i = stops.length - 1; i >= 0; i--) {
    let j = stops[i];
    while (text[j] === '*') j++;
    if (j > stops[i] && text[j] === '/') ends.push(j + 1);
  }
  return ends;
}

interface Frame {
  pos: number;
  /** The ends of the item at `pos` still to try (a `//` comment's are found as they come). */
  ends: number[] | null;
  index: number;
  /** For a `//` comment: where the next newline is looked for, and the first end it had. */
  lineFrom: number;
  firstLineEnd: number;
  canStop: boolean;
}

function frameAt(text: string, pos: number, canStop: boolean): Frame {
  const frame: Frame = { pos, ends: [], index: 0, lineFrom: -1, firstLineEnd: -1, canStop };
  const c = text.charCodeAt(pos);
  if (isBlank(c)) frame.ends = [pos + 1];
  else if (c === 47 && text[pos + 1] === '/') {
    frame.ends = null;
    frame.lineFrom = pos + 2;
  } else if (c === 47 && text[pos + 1] === '*') frame.ends = blockCommentEnds(text, pos);
  return frame;
}

/**
 * Rouge's `(ws*)` (or `(ws+)` with `min` 1) then `tail` at `pos`: [end of the blanks, end of the
 * match], the first way the regex would find, or null.
 */
export function wsThen(text: string, pos: number, min: 0 | 1, tail: Tail): [number, number] | null {
  const memo = memoFor(text, tail);
  const stack: Frame[] = [frameAt(text, pos, min === 0)];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    let next = -1;
    if (frame.ends === null) {
      // a `//` comment: up to each newline in turn
      while (frame.lineFrom >= 0) {
        const nl = text.indexOf('\n', frame.lineFrom);
        if (nl < 0 || nl + 1 >= memo.failedAfterNewlinesFrom) {
          frame.lineFrom = -1;
          if (frame.firstLineEnd >= 0) memo.failedAfterNewlinesFrom = Math.min(memo.failedAfterNewlinesFrom, frame.firstLineEnd);
          break;
        }
        frame.lineFrom = nl + 1;
        if (frame.firstLineEnd < 0) frame.firstLineEnd = nl + 1;
        if (!memo.failed.has(nl + 1)) {
          next = nl + 1;
          break;
        }
      }
    } else {
      while (frame.index < frame.ends.length) {
        const end = frame.ends[frame.index++];
        if (!memo.failed.has(end)) {
          next = end;
          break;
        }
      }
    }
    if (next >= 0) {
      stack.push(frameAt(text, next, true));
      continue;
    }
    // no more items from here: stop the blanks here and try the tail
    stack.pop();
    if (frame.canStop) {
      const end = tail(text, frame.pos);
      if (end >= 0) return [frame.pos, end];
    }
    if (frame.canStop || stack.length) memo.failed.add(frame.pos);
  }
  return null;
}

/** The chain of a `complex_id`'s atoms from `pos`: the positions after atoms that are one character of `[\w#$%_']`. */
function complexIdEnds(text: string, pos: number): number[] {
  const ends: number[] = [];
  let i = pos;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isIdChar(c)) {
      i += 1;
      ends.push(i);
    } else if (c === 40 && text[i + 1] === ')') i += 2;
    else if (c === 40 && text[i + 1] === ',' && text[i + 2] === ')') i += 3;
    else if (c === 91 && text[i + 1] === ']') i += 2;
    else break;
  }
  return ends;
}

/**
 * Rouge's `(complex_id)` then `rest` at `pos`: [end of the name, end of the match], the longest
 * name from which `rest` matches (the regex's first), or null.
 */
export function complexIdThen(text: string, pos: number, rest: Tail): [number, number] | null {
  const ends = complexIdEnds(text, pos);
  for (let i = ends.length - 1; i >= 0; i--) {
    const end = rest(text, ends[i]);
    if (end >= 0) return [ends[i], end];
  }
  return null;
}

/** Rouge's `id`, `(?!#[a-zA-Z])[\w#$%_']+`, at `pos`: its end (the longest), or -1. */
export function idEnd(text: string, pos: number): number {
  if (text[pos] === '#' && /[a-zA-Z]/.test(text[pos + 1] ?? '')) return -1;
  let i = pos;
  while (i < text.length && isIdChar(text.charCodeAt(i))) i++;
  return i > pos ? i : -1;
}
