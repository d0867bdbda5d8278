// Ruby String methods whose edge cases Liquid filters expose.

/** Ruby's ASCII whitespace (String#strip, split(" "), \s in a regexp). */
export const RUBY_SPACE = " \t\n\v\f\r";

/** String#split(" ") (awk mode): leading whitespace ignored, runs of whitespace separate; optional limit. */
export function awkSplit(s: string, limit = 0): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  const isSpace = (c: string) => RUBY_SPACE.includes(c);
  while (i < n) {
    while (i < n && isSpace(s[i]!)) i++;
    if (i >= n) break;
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

/** String#split(pattern) with a string pattern: " " is awk mode, "" splits characters, trailing empty fields dropped. */
export function rubySplit(s: string, pattern: string): string[] {
  if (pattern === " ") return awkSplit(s);
  const parts = pattern === "" ? [...s] : s.split(pattern);
  while (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

export function rubyStrip(s: string): string {
  return rubyRstrip(rubyLstrip(s));
}

export function rubyLstrip(s: string): string {
  let i = 0;
  while (i < s.length && RUBY_SPACE.includes(s[i]!)) i++;
  return s.slice(i);
}

export function rubyRstrip(s: string): string {
  let j = s.length;
  while (j > 0 && (RUBY_SPACE.includes(s[j - 1]!) || s[j - 1] === "\0")) j--;
  return s.slice(0, j);
}

/** String#capitalize: first character upcased, the rest downcased. */
export function capitalize(s: string): string {
  const chars = [...s];
  if (!chars.length) return s;
  return chars[0]!.toUpperCase() + chars.slice(1).join("").toLowerCase();
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
