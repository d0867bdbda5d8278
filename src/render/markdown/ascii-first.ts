/**
 * Patterns with Unicode property classes (`\p{L}`, `\p{N}`: REXML's and kramdown's tag names),
 * run first in a cheap form that gives the same answer on the text real pages have.
 *
 * Why: V8 expands `\p{L}` into its ~650 ranges each time it parses such a pattern (when it is
 * made) and compiles it again at its first run (bytecode) and second run (native code, separately
 * for one- and two-byte subjects): kramdown's HTML tag pattern alone became 45 KB of native code.
 * On this repository's homepage these compiles were ~4.5 % of the main thread's instructions
 * (bench/PROFILE.md, "speed4"). The cheap form widens each property class to its ASCII members
 * plus every non-ASCII character (`\p{L}` -> `A-Za-z\u{80}-\u{10FFFF}`), a small range V8
 * compiles in a fraction; the exact pattern is made only when an answer needs it.
 *
 * When the two agree: the widened pattern accepts every string the exact one does, and on ASCII
 * characters every class answers the same. So a match of the widened pattern whose text is all
 * ASCII is the exact pattern's match: every path tried before it failed in the wider pattern and
 * fails in the stricter one, and it only consumed ASCII characters. A match with a non-ASCII
 * character in it is checked with the exact pattern. A failure is the exact pattern's failure too
 * for a pattern without lookarounds (`failIsExact`); with a lookahead (the tag pattern's atomic
 * `(?=(…))\3`) the wider class can commit the lookahead to a longer text after which the rest
 * fails where the exact one's shorter text would not (`<a b=c\u00a0x-y>`), so there a failure is
 * checked with the exact pattern.
 */

/** Each property class's ASCII members (the ASCII letters are L, the digits N; nothing else is). */
const ASCII_MEMBERS: Readonly<Record<string, string>> = { L: 'A-Za-z', N: '0-9' };
const NON_ASCII = /[^\x00-\x7f]/;

export interface ExecOnly {
  exec(text: string): RegExpExecArray | null;
}

/**
 * `source`'s classes with `\p{L}` / `\p{N}` in them widened as above. Only inside classes (each
 * property escape must stand in a `[…]`), only those two properties, only with the `u` flag.
 */
export function widenedSource(source: string, nonAscii = '\\u{80}-\\u{10FFFF}'): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const m = /^\\[pP]\{(\w+)\}/.exec(source.slice(i, i + 16));
      if (m) {
        const members = ASCII_MEMBERS[m[1]!];
        if (!inClass || members === undefined || source[i + 1] === 'P') throw new Error(`widenedSource: ${m[0]} not supported in ${source}`);
        out += members + nonAscii;
        i += m[0].length - 1;
        continue;
      }
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/**
 * `new RegExp(source, flags)` (flags with `u`, neither `g` nor `y`) as an `exec` that runs the
 * widened pattern first and makes the exact one only when its answer is needed (above).
 */
export function asciiFirst(source: string, flags: string, failIsExact: boolean): ExecOnly {
  if (!flags.includes('u') || /[gy]/.test(flags)) throw new Error(`asciiFirst: flags ${flags}`);
  const fast = new RegExp(widenedSource(source), flags);
  let exact: RegExp | undefined;
  return {
    exec(text: string): RegExpExecArray | null {
      const m = fast.exec(text);
      if (m ? !NON_ASCII.test(m[0]) : failIsExact) return m;
      return (exact ??= new RegExp(source, flags)).exec(text);
    },
  };
}

/** Whether `text` has only ASCII characters (where a property class is its ASCII members). */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/**
 * `source` with each `\p{L}` / `\p{N}` in a class replaced by its ASCII members only: the same
 * matches as `source` on an all-ASCII text.
 */
export function asciiSource(source: string): string {
  return widenedSource(source, '');
}
