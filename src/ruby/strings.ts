// Ruby String methods whose edge cases Liquid filters expose.

/** Ruby's ASCII whitespace (String#strip, split(" "), \s in a regexp). */
export const RUBY_SPACE = " \t\n\v\f\r";

/** String#split(" ") (awk mode): leading whitespace ignored, runs of whitespace separate; optional limit. */
export function awkSplit(s: string, limit = 0): string[] {
  if (limit === 1) return s === "" ? [] : [s];
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  const isSpace = (c: string) => RUBY_SPACE.includes(c);
  while (i < n) {
    const before = i;
    while (i < n && isSpace(s[i]!)) i++;
    if (i >= n) {
      // With a limit, what follows the last separator is a field even when empty:
      // "tab\t\n".split(" ", 2) is ["tab", ""], "   ".split(" ", 2) is [""].
      if (limit > 0 && i > before) out.push("");
      break;
    }
    if (limit > 0 && out.length === limit - 1) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < n && !isSpace(s[j]!)) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

/**
 * String#split(pattern): trailing empty fields dropped; a string pattern " " is awk mode and ""
 * splits characters; a regexp splits as JavaScript's split does otherwise.
 */
export function rubySplit(s: string, pattern: string | RegExp): string[] {
  if (pattern === " ") return awkSplit(s);
  const parts = pattern === "" ? [...s] : s.split(pattern);
  while (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

export function rubyStrip(s: string): string {
  return rubyRstrip(rubyLstrip(s));
}

/** String#lstrip: Ruby 3.1 takes NUL as whitespace at either end (`"\0 a".lstrip` is "a"). */
export function rubyLstrip(s: string): string {
  let i = 0;
  while (i < s.length && (RUBY_SPACE.includes(s[i]!) || s[i] === "\0")) i++;
  return s.slice(i);
}

export function rubyRstrip(s: string): string {
  let j = s.length;
  while (j > 0 && (RUBY_SPACE.includes(s[j - 1]!) || s[j - 1] === "\0")) j--;
  return s.slice(0, j);
}

/**
 * String#downcase: Unicode's full lower-case mapping of each character, without the contextual
 * rules JavaScript applies: a capital sigma is always σ, where toLowerCase makes a word-final one ς
 * ("ΟΔΟΣ" → "οδοσ" in Ruby, "οδος" in JavaScript).
 */
export function rubyDowncase(s: string): string {
  if (!s.includes("\u03a3")) return s.toLowerCase();
  let out = "";
  for (const ch of s) out += ch === "\u03a3" ? "\u03c3" : ch.toLowerCase();
  return out;
}

// Characters whose title case (what capitalize gives a first character) is not their upper case:
// the DŽ/LJ/NJ/DZ digraphs, ß and the Latin ligatures (SpecialCasing), Greek with ypogegrammeni.
const TITLE_CASE: Record<string, string> = {
  "\u01c4": "\u01c5", "\u01c5": "\u01c5", "\u01c6": "\u01c5", "\u01c7": "\u01c8", "\u01c8": "\u01c8", "\u01c9": "\u01c8",
  "\u01ca": "\u01cb", "\u01cb": "\u01cb", "\u01cc": "\u01cb", "\u01f1": "\u01f2", "\u01f2": "\u01f2", "\u01f3": "\u01f2",
  "\u00df": "Ss", "\ufb00": "Ff", "\ufb01": "Fi", "\ufb02": "Fl", "\ufb03": "Ffi", "\ufb04": "Ffl", "\ufb05": "St", "\ufb06": "St",
  "\u1fb3": "\u1fbc", "\u1fc3": "\u1fcc", "\u1ff3": "\u1ffc",
};
for (let c = 0x1f80; c <= 0x1faf; c++) if ((c & 0xf) < 8) TITLE_CASE[String.fromCharCode(c)] = String.fromCharCode(c + 8);
for (let c = 0x1f88; c <= 0x1faf; c++) if ((c & 0xf) >= 8) TITLE_CASE[String.fromCharCode(c)] = String.fromCharCode(c);

/** String#capitalize: the first character in title case, the rest downcased (see rubyDowncase). */
export function capitalize(s: string): string {
  const chars = [...s];
  if (!chars.length) return s;
  const first = chars[0]!;
  return (TITLE_CASE[first] ?? first.toUpperCase()) + rubyDowncase(chars.slice(1).join(""));
}

/** CGI.escapeHTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** String#encode(xml: :attr) without the surrounding quotes (Jekyll's xml_escape). */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Ruby's String#[](string): the substring when present, else nil. */
export function stringIndex(s: string, key: string): string | null {
  return s.includes(key) ? key : null;
}
