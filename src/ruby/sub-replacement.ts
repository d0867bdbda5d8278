// Ruby's String#sub and #gsub with a String pattern and a String replacement, as Liquid's `replace`
// (gsub) and `replace_first` (sub) call them: the replacement is no plain text, Ruby's rb_reg_regsub
// reads backslash sequences in it at every match. `\0` and `\&` are the match, `` \` `` the text
// before it and `\'` the text after it (of the whole input), `\\` one backslash, `\1`…`\9` a group
// a String pattern never has (nothing); `\k<name>` names a group no String pattern has (IndexError:
// "undefined group name reference: name") and `\k<` without its `>` is RuntimeError's "invalid
// group name reference format", both raised only when a match is replaced (Jekyll stops on them).
// Any other backslash stays as it is, with the character after it. So the documentation theme's
// tooltips.json, `replace: '\', '\\\\' | replace: '"', '\\"'`, writes `\\` and `\"`.

/** A piece of a parsed replacement: text, or where the match, the text before it or after it goes. */
type Piece = string | typeof MATCH | typeof PRE | typeof POST;
const MATCH = 0;
const PRE = 1;
const POST = 2;

/** A replacement Ruby refuses once a match is replaced: the message Ruby raises. */
export class ReplacementError extends Error {
  readonly hint =
    "In replace and replace_first, Ruby reads a backslash sequence in the replacement: \\k<…> names a regular-expression group, which a text search has none of. Write the backslash twice (\\\\k) to replace with a backslash and k.";
}

interface Parsed {
  pieces: Piece[];
  /** Raised at the first match, as rb_reg_regsub raises while it builds the replacement. */
  error: ReplacementError | null;
}

function parse(replacement: string): Parsed {
  const pieces: Piece[] = [];
  let text = "";
  let i = 0;
  while (i < replacement.length) {
    const slash = replacement.indexOf("\\", i);
    if (slash < 0 || slash === replacement.length - 1) {
      text += replacement.slice(i);
      break;
    }
    text += replacement.slice(i, slash);
    const c = replacement[slash + 1];
    i = slash + 2;
    if (c === "0" || c === "&" || c === "`" || c === "'") {
      if (text) pieces.push(text);
      text = "";
      pieces.push(c === "`" ? PRE : c === "'" ? POST : MATCH);
    } else if (c >= "1" && c <= "9") {
      // A group a String pattern does not have: nothing.
    } else if (c === "\\") {
      text += "\\";
    } else if (c === "k" && replacement[i] === "<") {
      const close = replacement.indexOf(">", i + 1);
      const error = close < 0
        ? new ReplacementError("invalid group name reference format")
        : new ReplacementError(`undefined group name reference: ${replacement.slice(i + 1, close)}`);
      return { pieces: [], error };
    } else {
      text += "\\" + c;
    }
  }
  if (text) pieces.push(text);
  return { pieces, error: null };
}

function expand(parsed: Parsed, input: string, at: number, length: number): string {
  if (parsed.error) throw parsed.error;
  let out = "";
  for (const piece of parsed.pieces) {
    if (typeof piece === "string") out += piece;
    else if (piece === MATCH) out += input.slice(at, at + length);
    else if (piece === PRE) out += input.slice(0, at);
    else out += input.slice(at + length);
  }
  return out;
}

/** The offsets where an empty pattern matches: before each character (code point) and at the end. */
function emptyMatches(input: string): number[] {
  const at: number[] = [];
  let i = 0;
  for (const ch of input) {
    at.push(i);
    i += ch.length;
  }
  at.push(input.length);
  return at;
}

/** Ruby's `input.gsub(search, replacement)` with String arguments. */
export function rubyGsub(input: string, search: string, replacement: string): string {
  if (!replacement.includes("\\")) {
    if (search === "") return replacement + [...input].join(replacement) + (input === "" ? "" : replacement);
    return input.split(search).join(replacement);
  }
  const parsed = parse(replacement);
  let out = "";
  if (search === "") {
    let last = 0;
    for (const at of emptyMatches(input)) {
      out += input.slice(last, at) + expand(parsed, input, at, 0);
      last = at;
    }
    return out + input.slice(last);
  }
  let last = 0;
  for (let at = input.indexOf(search); at >= 0; at = input.indexOf(search, at + search.length)) {
    out += input.slice(last, at) + expand(parsed, input, at, search.length);
    last = at + search.length;
  }
  return out + input.slice(last);
}

/** Ruby's `input.sub(search, replacement)` with String arguments. */
export function rubySub(input: string, search: string, replacement: string): string {
  const at = input.indexOf(search);
  if (at < 0) return input;
  const expanded = replacement.includes("\\") ? expand(parse(replacement), input, at, search.length) : replacement;
  return input.slice(0, at) + expanded + input.slice(at + search.length);
}
