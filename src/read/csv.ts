// Ruby's CSV.read(path, headers: true) as Jekyll's DataReader uses it: the first row names the
// fields, each later row becomes a hash of strings (empty unquoted fields are nil), quoted fields
// may hold separators, quotes ("") and newlines.
import { noteRubyKey, shareRubyKeys } from "../ruby/values.js";
import { withInsertionOrder } from "../ruby/ordered-hash.js";

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

export function readTable(text: string, separator: string, headers: boolean, convert?: (field: string) => unknown): unknown[] {
  // A byte order mark the caller kept is data (Ruby's CSV in plain "utf-8" mode): not removed here.
  const parsed = parseDelimited(text, separator);
  // Field converters (csv_converters) see the fields of data rows, not the header row, nor nil.
  const conv = (row: (string | null)[]) => (convert ? row.map((f) => (f === null ? f : convert(f))) : row);
  if (!headers) return parsed.map(conv);
  const [head, ...rest] = parsed;
  if (!head) return [];
  const body = rest.map(conv);
  return body.map((r) => {
    // CSV::Row pairs headers with fields, padding the shorter with nil: a field past the last
    // header has the header nil, as has an empty unquoted header (`a,,c`). Row#to_hash keeps the
    // first field of each header (`self[header]`), so a second `name` column or a second extra
    // field is dropped. The nil key's property is its to_s, "", with the Ruby key noted beside the
    // hash (as YAML's `~:`), so `inspect` writes `nil=>` and `jsonify` `"":` as Jekyll does.
    const o: Record<string, unknown> = {};
    const order: string[] = [];
    let nilKey = false;
    for (let i = 0; i < Math.max(head.length, r.length); i++) {
      const h = i < head.length ? head[i]! : null;
      const key = h ?? "";
      if (Object.hasOwn(o, key)) continue;
      // A `__proto__` column is a key like any other (an assignment would set the prototype).
      Object.defineProperty(o, key, { value: r[i] ?? null, enumerable: true, configurable: true, writable: true });
      order.push(key);
      if (h === null) nilKey = true;
    }
    // CSV::Row#to_hash is a Ruby hash: columns in file order, a `2023` column included.
    const hash = withInsertionOrder(o, order);
    if (nilKey) {
      noteRubyKey(o, "", null);
      if (hash !== o) shareRubyKeys(o, hash);
    }
    return hash;
  });
}
