// Ruby's CSV.read(path, headers: true) as Jekyll's DataReader uses it: the first row names the
// fields, each later row becomes a hash of strings (empty unquoted fields are nil), quoted fields
// may hold separators, quotes ("") and newlines.
import { withInsertionOrder } from "./ordered-hash.js";

/**
 * CSV::MalformedCSVError: what Ruby's CSV refuses (and Jekyll with it), with the line the bad
 * row starts on, in Ruby's words.
 */
export class MalformedCsvError extends Error {
  constructor(readonly reason: string, readonly line: number) {
    super(`${reason} in line ${line}.`);
    this.name = "MalformedCsvError";
  }
}

export function parseDelimited(text: string, separator: string): Array<Array<string | null>> {
  const rows: Array<Array<string | null>> = [];
  let row: Array<string | null> = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endField = () => {
    row.push(field === "" && !wasQuoted ? null : field);
    field = "";
    wasQuoted = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++;
        // After the closing quote only a separator or the end of the row may follow.
        const next = text[i];
        if (next !== undefined && next !== separator && next !== "\n" && next !== "\r") {
          throw new MalformedCsvError("Any value after quoted field isn't allowed", rowLine);
        }
        continue;
      }
      if (c === "\n") line++;
      field += c; i++; continue;
    }
    if (c === '"') {
      if (field === "" && !wasQuoted) { quoted = true; wasQuoted = true; i++; continue; }
      throw new MalformedCsvError("Illegal quoting", rowLine);
    }
    if (c === separator) { endField(); i++; continue; }
    if (c === "\r" && text[i + 1] === "\n") { i++; continue; }
    if (c === "\n" || c === "\r") { endField(); rows.push(row); row = []; i++; line++; rowLine = line; continue; }
    field += c; i++;
  }
  if (quoted) throw new MalformedCsvError("Unclosed quoted field", rowLine);
  if (field !== "" || wasQuoted || row.length) { endField(); rows.push(row); }
  return rows;
}

export function readTable(text: string, separator: string, headers: boolean): unknown[] {
  // A byte order mark the caller kept is data (Ruby's CSV in plain "utf-8" mode): not removed here.
  const rows = parseDelimited(text, separator);
  if (!headers) return rows;
  const [head, ...body] = rows;
  if (!head) return [];
  return body.map((r) => {
    const o: Record<string, string | null> = {};
    const order: string[] = [];
    head.forEach((h, i) => {
      const key = h ?? "";
      if (!(key in o)) { o[key] = r[i] ?? null; order.push(key); }
    });
    // CSV::Row#to_hash is a Ruby hash: columns in file order, a `2023` column included.
    return withInsertionOrder(o, order);
  });
}
