// A block scalar that is the whole document (`|` or `>` as the root). libyaml indents its content
// past the root's indent of -1 with a floor of 1: an indentation indicator N means N columns, and
// without one the content must start at column 1 or later. js-yaml counts from -1 (N means N - 1
// columns) and takes content at column 0. So `|2\n  x` is "x" to Psych (js-yaml: " x"), and in
// `|\nfoo` the scalar holds only the empty lines before `foo` ("", or their breaks with keep
// chomping), where the document ends: Psych.safe_load returns that and never reads `foo`, unless
// the scanner, looking for the next token, meets a character no token starts with (`@`, a
// backquote).

/** The header line of a root block scalar, after blank and comment lines and an optional `--- `. */
const ROOT_HEADER = /^((?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:---[ \t]+)?[ \t]*[|>])([-+1-9]*)([ \t]*(?:#[^\n]*)?\r?\n)/;

/**
 * The same header after the root's properties (`!!str\n|2`, `&x |2`, `!t #c\n|`): its
 * indentation indicator counts from the root's -1 all the same, and without one, a line at column
 * 0 ends the scalar and the document alike. (A comment runs to its line's end: `&x #c > # c` is
 * no header.)
 */
const ROOT_HEADER_AFTER_PROPERTIES = /^((?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:---[ \t]+)?[ \t]*(?:[!&][^\s]*(?:[ \t]+(?!#)|[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*))+[|>])([-+]?[1-9]?[-+]?)([ \t]*(?:#[^\n]*)?\r?\n)/;

/** A root block scalar's header indented on its line (`  >2-`): its spaces, and where they stand. */
const INDENTED_HEADER = /^((?:[ \t]*(?:#[^\n]*)?\r?\n)*)( +)(?=[|>])/;

/** What the root block scalar reads as where libyaml and js-yaml differ: a value (the document ends early), a text to read instead, or nothing. */
export function rootBlockScalar(text: string): { value: string } | { reason: string; at: number } | { text: string } | null {
  // The header's own column counts for nothing at the root (libyaml measures from the root's -1,
  // `  |2` as `|2`; `  |` takes content from column 1): js-yaml measures from the header's line,
  // and took less of the text (`\n  >2-\n  a` is "a" to Psych, "" to js-yaml). So the header is
  // read as if written at column 0.
  // So are the root's properties' (`\n    &y\n  |\n    x`, `  !t &y\n\n>+`), and the lines they
  // stand on: they are gathered on the header's line, at column 0 (js-yaml took the properties'
  // column for the scalar's, or the header for the end of an empty node).
  const withProperties = ROOT_HEADER_AFTER_PROPERTIES.exec(text);
  if (withProperties && !ROOT_HEADER.test(text)) {
    const head = withProperties[1]!;
    const lines = head.split("\n").length - 1;
    const marker = /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*---[ \t]/.test(head) ? "--- " : "";
    const properties = head.slice(0, -1).replace(/(^|[ \t])#[^\n]*/g, "$1").replace(/^(?:[ \t]*\r?\n)*(?:---[ \t]+)?/, "").match(/[!&][^\s]*/g) ?? [];
    const gathered = "\n".repeat(lines) + marker + properties.join(" ") + " " + head.slice(-1);
    const shift = gathered.length - head.length;
    const read = rootBlockScalarAtColumn0(gathered + text.slice(head.length));
    if (read === null) return { text: gathered + text.slice(head.length) };
    if ("reason" in read) return { reason: read.reason, at: read.at >= gathered.length ? read.at - shift : read.at };
    return read;
  }
  const indented = INDENTED_HEADER.exec(text);
  if (!indented) return rootBlockScalarAtColumn0(text);
  const cut = indented[1]!.length;
  const spaces = indented[2]!.length;
  const read = rootBlockScalarAtColumn0(text.slice(0, cut) + text.slice(cut + spaces));
  if (read === null) return { text: text.slice(0, cut) + text.slice(cut + spaces) };
  if ("reason" in read) return { reason: read.reason, at: read.at >= cut ? read.at + spaces : read.at };
  return read;
}

function rootBlockScalarAtColumn0(text: string): { value: string } | { reason: string; at: number } | { text: string } | null {
  const bare = ROOT_HEADER.exec(text);
  const m = bare ?? ROOT_HEADER_AFTER_PROPERTIES.exec(text);
  if (!m) return null;
  const indicators = m[2]!;
  const digit = /[1-9]/.exec(indicators);
  if (digit) {
    // N columns to libyaml: N + 1 to js-yaml (which has no 10).
    if (digit[0] === "9") return nineColumns(text, m[0].length);
    const header = indicators.replace(digit[0], String(Number(digit[0]) + 1));
    return { text: m[1]! + header + text.slice(m[1]!.length + indicators.length) };
  }
  const after = m[0].length;
  // The first line holding more than spaces: at column 0 it is past the scalar.
  const rest = text.slice(after);
  const first = /^((?:[ ]*\r?\n)*)(?=[^ \r\n])/.exec(rest);
  if (!first) return null;
  const at = after + first[1]!.length;
  if (text[at] === "\t" || text[at] === "%") return null;
  // A comment at column 0 ends the scalar too; the scanner then skips it (and any blank and
  // comment lines after it) to the next token, which is what it may stumble on.
  const token = text[at] === "#" ? at + /^(?:[ ]*(?:#[^\n]*)?\r?\n)*[ ]*/.exec(text.slice(at))![0].length : at;
  if (text[token] === "\t" || (text[token] === "%" && (token === 0 || text[token - 1] === "\n"))) return null;
  if (text[token] === "@" || text[token] === "`") return { reason: "found character that cannot start any token while scanning for the next token", at: token };
  // After properties the scalar is read up to that line, where the document ends: the tag then
  // applies to its value as to any other (`!t |\nfoo` is nil to Psych, as `!t ''` is; `&x |\nfoo`
  // is "").
  if (!bare) return { text: text.slice(0, at) };
  const breaks = (first[1]!.match(/\n/g) ?? []).length;
  return { value: indicators.includes("+") ? "\n".repeat(breaks) : "" };
}

/**
 * `|9` at the root: nine columns to libyaml, and js-yaml has no ten. Its content lines (those
 * indented nine or more; shorter lines of spaces are its empty lines) lose one space each and
 * js-yaml reads them with its `|9`, eight columns. The first line indented less ends the scalar
 * for both, except one indented exactly eight, which js-yaml would still take for content: there
 * the document ends (Psych returns the scalar without reading on), unless the scanner, looking
 * for the next token, meets `@` or a backquote there.
 */
function nineColumns(text: string, bodyStart: number): { text: string } | { reason: string; at: number } {
  let out = text.slice(0, bodyStart);
  let at = bodyStart;
  while (at < text.length) {
    const end = text.indexOf("\n", at);
    const lineEnd = end < 0 ? text.length : end + 1;
    const line = text.slice(at, lineEnd);
    if (line.startsWith("         ")) out += line.slice(1);
    else if (/^ *\r?\n?$/.test(line)) out += line;
    else if (/^ {8}[@`]/.test(line)) return { reason: "found character that cannot start any token while scanning for the next token", at: at + 8 };
    else if (/^ {8}/.test(line)) return { text: out };
    else return { text: out + text.slice(at) };
    at = lineEnd;
  }
  return { text: out };
}
