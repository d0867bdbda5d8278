/**
 * Ruby's `/i` where JavaScript's differs. Under JS's `iu` flags every character is compared
 * through Unicode case folding, `\w` included, so `/\w/iu` matches `ſ` (U+017F, folds to `s`)
 * and the Kelvin sign `K` (U+212A, folds to `k`) — while Onigmo folds the pattern's letters but
 * keeps `\w` ASCII: in Ruby `[a-z_]\w*` under `/i` takes `aſ` as `a` then `ſ`, in JS as one name (and
 * `\W` the reverse). No construct inside a JS `i` regex tells `ſ` from `s`, so a Rouge rule with
 * `/i` and `\w` or `\W` is compiled without the `i` flag, its letters spelled out in both cases
 * (./engine.ts translate, with `fold`): `k` as `[kK\u{212A}]`, `[a-z]` as `[a-zA-Z\u{17F}\u{212A}]`,
 * `\w`, `\W`, `\d`, `\s`, `\h` and `\p{…}` unchanged.
 *
 * The spelled-out cases are Unicode's simple case folding (what Onigmo applies to a pattern's
 * letters): a letter's one-character upper and lower case that map back to it, and the groups
 * where more characters fold together. Checked against Ruby 3.1 for the ASCII letters on every
 * code point up to U+2FFFF (only `k`, `s` fold with anything non-ASCII). Onigmo's multi-character
 * folds (`/ss/i` matching `ß`) are not reproduced, as JS's `i` did not either.
 */

/** Characters folding together beyond a plain upper/lower pair. */
const FOLD_GROUPS = [
  's S \u017f',
  'k K \u212a',
  'å Å \u212b',
  'ω Ω \u2126',
  'в В \u1c80',
  'д Д \u1c81',
  'о О \u1c82',
  'с С \u1c83',
  'т Т \u1c84 \u1c85',
  'ъ Ъ \u1c86',
  'ѣ Ѣ \u1c87',
  'σ Σ ς',
  'θ Θ ϑ ϴ',
  'β Β ϐ',
  'ε Ε ϵ',
  'κ Κ ϰ',
  'π Π ϖ',
  'ρ Ρ ϱ',
  'φ Φ ϕ',
  'ι Ι \u0345 \u1fbe',
  'μ Μ µ',
  'ß ẞ',
].map((g) => g.split(' '));
let groupOf: Map<string, string[]> | undefined;

/** The characters Ruby's `/i` matches for the pattern character `ch` (itself first). */
export function caseVariants(ch: string): string[] {
  groupOf ??= new Map(FOLD_GROUPS.flatMap((g) => g.map((c) => [c, g] as [string, string[]])));
  const group = groupOf.get(ch);
  if (group) return [ch, ...group.filter((c) => c !== ch)];
  const out = [ch];
  const upper = ch.toUpperCase();
  if (upper !== ch && [...upper].length === 1 && upper.toLowerCase() === ch) out.push(upper);
  const lower = ch.toLowerCase();
  if (lower !== ch && [...lower].length === 1 && lower.toUpperCase() === ch) out.push(lower);
  return out;
}

/** Whether a rule's regex needs Ruby's `/i` spelled out: `/i` with `\w` or `\W`, no backreference. */
export function needsRubyCaseFold(source: string, flags: string): boolean {
  return flags.includes('i') && /\\[wW]/.test(source) && !/\\[1-9]|\\k</.test(source);
}

const escapeCp = (cp: number) => `\\u{${cp.toString(16)}}`;

/** A character as a regex atom matching it in every case: `[kK\u{212a}]`, or itself. */
export function foldedAtom(ch: string, asWritten: string): string {
  const variants = caseVariants(ch);
  if (variants.length === 1) return asWritten;
  return '[' + asWritten + variants.slice(1).map((v) => escapeCp(v.codePointAt(0)!)).join('') + ']';
}

/**
 * The code point an escape at `source[i]` (the backslash) stands for when it is `\uHHHH`,
 * `\u{H…}` or `\xHH`, and its length; null for any other escape.
 */
export function escapedChar(source: string, i: number): { ch: string; length: number } | null {
  const m = /^\\(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(source.slice(i, i + 12));
  if (!m) return null;
  return { ch: String.fromCodePoint(parseInt(m[1] ?? m[2] ?? m[3], 16)), length: m[0].length };
}

/** Largest range whose characters are each given their other cases (no Rouge rule nears it). */
const MAX_RANGE = 0x3000;

/**
 * The other cases of the characters a class body (between `[` or `[^` and `]`) lists, written
 * as escapes to add inside it: `a-z` gives `A-Z`, `ſ` and `K`. Escapes of character types
 * (`\w`, `\s`, `\h`, `\p{…}`…) add nothing.
 */
export function classCaseExtras(body: string): string {
  type Atom = { ch: string } | null;
  const atoms: Array<Atom | '-'> = [];
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === '\\') {
      const e = escapedChar(body, i);
      if (e) {
        atoms.push({ ch: e.ch });
        i += e.length;
        continue;
      }
      const n = body[i + 1];
      if ((n === 'p' || n === 'P') && body[i + 2] === '{') {
        atoms.push(null);
        i = body.indexOf('}', i) + 1;
        continue;
      }
      atoms.push(/[A-Za-z0-9]/.test(n) ? null : { ch: n });
      i += 2;
      continue;
    }
    const ch = String.fromCodePoint(body.codePointAt(i)!);
    atoms.push(c === '-' ? '-' : { ch });
    i += ch.length;
  }
  const have = new Set<number>();
  const wanted: number[] = [];
  const add = (cp: number) => {
    for (const v of caseVariants(String.fromCodePoint(cp)).slice(1)) wanted.push(v.codePointAt(0)!);
  };
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k];
    if (a === null) continue;
    if (a === '-') {
      // a `-` between two characters is a range (handled at its start); elsewhere, literal
      continue;
    }
    const next = atoms[k + 1];
    const hi = atoms[k + 2];
    const lo = a.ch.codePointAt(0)!;
    if (next === '-' && hi && hi !== '-') {
      const top = hi.ch.codePointAt(0)!;
      for (let cp = lo; cp <= top; cp++) have.add(cp);
      if (top - lo <= MAX_RANGE) for (let cp = lo; cp <= top; cp++) add(cp);
      k += 2;
      continue;
    }
    have.add(lo);
    add(lo);
  }
  return [...new Set(wanted)].filter((cp) => !have.has(cp)).map(escapeCp).join('');
}
