// Strings that live as long as the site, stored compactly. Two ways V8 represents a string cost
// memory out of proportion when the string is kept (measured in bench/PROFILE.md, "Memory"):
// - a slice of a long string (13 characters or more) is a view that keeps the whole original
//   alive: a value of a file's front matter keeps the file's whole text;
// - a string built by concatenation is a tree of pieces (32 bytes per join, plus each piece's
//   header): converted Markdown is ~100 joins per page, several times its characters' size.

/** `s` as a string of its own, not a view into a larger one. */
export function detached(s: string): string {
  // The concatenation is flattened into a new string when it is sliced, and the slice is of that.
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** `s` flattened in place into one piece (reading a character of a joined string makes V8 do it). */
export function flattened(s: string): string {
  if (s.length > 0) s.charCodeAt(0);
  return s;
}
