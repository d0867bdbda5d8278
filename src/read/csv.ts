// Ruby's CSV.read(path, headers: true) as Jekyll's DataReader uses it: the first row names the
// fields, each later row becomes a hash of strings (empty unquoted fields are nil), quoted fields
// may hold separators, quotes ("") and newlines.

export function parseDelimited(text: string, separator: string): Array<Array<string | null>> {
  const rows: Array<Array<string | null>> = [];
  let row: Array<string | null> = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
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
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"' && field === "") { quoted = true; wasQuoted = true; i++; continue; }
    if (c === separator) { endField(); i++; continue; }
    if (c === "\r" && text[i + 1] === "\n") { i++; continue; }
    if (c === "\n" || c === "\r") { endField(); rows.push(row); row = []; i++; continue; }
    field += c; i++;
  }
  if (field !== "" || wasQuoted || row.length) { endField(); rows.push(row); }
  return rows;
}

export function readTable(text: string, separator: string, headers: boolean): unknown[] {
  const rows = parseDelimited(text.replace(/^\uFEFF/, ""), separator);
  if (!headers) return rows;
  const [head, ...body] = rows;
  if (!head) return [];
  return body.map((r) => {
    const o: Record<string, string | null> = {};
    head.forEach((h, i) => {
      const key = h ?? "";
      if (!(key in o)) o[key] = r[i] ?? null;
    });
    return o;
  });
}
