/**
 * The method-declaration rule Rouge's Java, Dart and Groovy lexers share,
 * `(\s*(?:W\s+)+?)(I)(\s*)(\()` — a run of type-like words, each followed by whitespace, then a
 * name and its `(` — matched without a regex. As a regex, at every word of a long run of
 * lines without a `(` it scans to the end of the run (`\s` takes newlines) before failing:
 * quadratic (20,000 one-word lines of Java took 4.6 s).
 *
 * The regex has one way to match: W's and I's characters are never whitespace or `(`, so each
 * greedy run is taken whole (a shorter W would be followed by a W character, not `\s`; a shorter
 * I by an I character, not `\s` or `(`), and the lazy loop tries the name-and-`(` tail after each
 * word before taking one more. From a word's start, the walk to the match or to the failure is
 * therefore the same whichever position it was reached from: the starts of a failed walk are
 * remembered (per text), so no word is walked twice.
 */
import type { Action, Rule } from '../engine.js';
import { runEnds, stickyMatcher } from './loop-match.js';

/** Ruby's `\s`: [ \t\n\v\f\r]. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

export interface MethodHeadShape {
  /** W's first character and the rest of it (code units; all ASCII in Rouge's three rules). */
  wordStart: (c: number) => boolean;
  wordChar: (c: number) => boolean;
  /** I's first character and the rest of it. */
  nameStart: (c: number) => boolean;
  nameChar: (c: number) => boolean;
  /** The rule starts with `^` (Dart, Groovy): only tried at the start of a line. */
  bol: boolean;
}

export function methodHeadRule(shape: MethodHeadShape, action: Action): Rule {
  const { wordStart, wordChar, nameStart, nameChar } = shape;
  let seenText: string | undefined;
  let failed = new Set<number>();

  const skipSpace = (text: string, i: number) => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    return i;
  };
  // the leading `\s*`: from each position of a long run of blank lines, its end is found once
  const spaceRunEnd = runEnds(isSpace);
  // W's run after its first character, remembered apart for first words and for the words of a
  // walk: on a long run of W characters without whitespace (`a]a]a]…`, each `a` a word start)
  // the first word's run is found once, not scanned again from each of its starts (quadratic)
  const firstWordRunEnd = runEnds(wordChar);
  const walkWordRunEnd = runEnds(wordChar);
  /** The end of `W\s+` at `i`, or -1. */
  const word = (text: string, i: number, runEnd: (text: string, i: number) => number) => {
    if (i >= text.length || !wordStart(text.charCodeAt(i))) return -1;
    i = runEnd(text, i + 1);
    if (i >= text.length || !isSpace(text.charCodeAt(i))) return -1;
    return skipSpace(text, i);
  };
  /** `(I)(\s*)(\()` at `i`: the ends of I and of the spaces, or null. */
  const tail = (text: string, i: number): [number, number] | null => {
    if (i >= text.length || !nameStart(text.charCodeAt(i))) return null;
    let j = i + 1;
    while (j < text.length && nameChar(text.charCodeAt(j))) j++;
    const k = skipSpace(text, j);
    return text.charCodeAt(k) === 40 /* ( */ ? [j, k] : null;
  };

  const re = stickyMatcher((text, pos) => {
    if (text !== seenText) {
      seenText = text;
      failed = new Set();
    }
    // group 1: `\s*` then at least one `W\s+`, lazily
    const first = spaceRunEnd(text, pos);
    // a first word already walked in vain (`failed` holds walk starts; first words are keyed
    // one past the end of the text so the two do not mix)
    if (failed.has(-1 - first)) return null;
    let at = word(text, first, firstWordRunEnd);
    if (at < 0) {
      failed.add(-1 - first);
      return null;
    }
    const walked: number[] = [];
    while (!failed.has(at)) {
      walked.push(at);
      const t = tail(text, at);
      if (t) {
        const [nameEnd, spaceEnd] = t;
        const m = [text.slice(pos, spaceEnd + 1), text.slice(pos, at), text.slice(at, nameEnd), text.slice(nameEnd, spaceEnd), '('] as unknown as RegExpExecArray;
        m.index = pos;
        return m;
      }
      at = word(text, at, walkWordRunEnd);
      if (at < 0) break;
    }
    for (const w of walked) failed.add(w);
    failed.add(-1 - first);
    return null;
  });
  return { re, bol: shape.bol, action };
}

const between = (c: number, lo: string, hi: string) => c >= lo.charCodeAt(0) && c <= hi.charCodeAt(0);
/** [a-zA-Z_] */
export const isAsciiLetterOrUnderscore = (c: number) => between(c, 'a', 'z') || between(c, 'A', 'Z') || c === 95;
/** [a-zA-Z0-9_], Ruby's `\w` */
export const isAsciiWordChar = (c: number) => isAsciiLetterOrUnderscore(c) || between(c, '0', '9');
