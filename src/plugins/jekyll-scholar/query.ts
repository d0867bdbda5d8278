// Which entries a jekyll-scholar query selects, and in which order: bibtex-ruby's
// Element#matches? and jekyll-scholar's Utilities#sort.
//
// A query is `@type[conditions]`, `@*` for every type, several of them (any may match), `!@type`
// for the others; conditions are separated by `,` or `&&` (all must hold) and `||` (either side).
// A condition is `field`, `field=value`, `!=` (or `/=`), `^=` (starts with), `~=` (matches the
// regular expression), `!~` (does not match), `<=` / `>=` (as integers). `type` names the field
// called type; `key` the entry's key. Text after the last `]` (al-folio writes `@*[year=2020]*`) is
// ignored, as bibtex-ruby's scan ignores it.
import type { BibEntry } from "../../read/bibtex.js";

function fieldValue(entry: BibEntry, property: string): string | undefined {
  if (property === "key") return entry.key;
  return entry.fields[property.toLowerCase()];
}

/** A regular expression written for Ruby, as JavaScript reads it (a bad one matches nothing). */
function rubyRegExp(source: string): RegExp | null {
  try {
    return new RegExp(source.replace(/\\A/g, "^").replace(/\\[zZ]/g, "$"));
  } catch {
    return null;
  }
}

function meetsCondition(entry: BibEntry, condition: string): boolean {
  const m = /^(.*?)\s*([!~/^<>]?=|!~)\s*(.*)$/.exec(condition);
  if (!m) {
    const property = condition.trim();
    return property === "" || fieldValue(entry, property) !== undefined;
  }
  const [, property, operator, value] = m as unknown as [string, string, string, string];
  const actual = fieldValue(entry, property.trim());
  switch (operator) {
    case "!=": case "/=": return actual === undefined || actual !== value;
    case "^=": return actual !== undefined && actual.startsWith(value);
    case "~=": return actual !== undefined && !!rubyRegExp(value)?.test(actual);
    case "!~": return actual === undefined || !rubyRegExp(value)?.test(actual);
    case "<=": return actual !== undefined && Number.parseInt(actual, 10) <= Number.parseInt(value, 10);
    case ">=": return actual !== undefined && Number.parseInt(actual, 10) >= Number.parseInt(value, 10);
    default: return actual !== undefined && actual === value;
  }
}

export function matchesQuery(entry: BibEntry, query: string): boolean {
  const q = query.trim();
  if (q === "") return true;
  const regex = /^\/(.+)\/$/.exec(q);
  if (regex) return !!rubyRegExp(regex[1]!)?.test(entry.source);
  const parts = [...q.matchAll(/(!)?@(\*|\w+)(?:\[([^\]]*)\])?/g)];
  if (parts.length === 0) return entry.key === q;
  return parts.some(([, not, type, condition]) => {
    const typeMatches = type === "*" || type!.toLowerCase() === "entry" || type!.toLowerCase() === entry.type;
    if (not ? typeMatches : !typeMatches) return false;
    if (!condition) return true;
    return condition.split(/\s*\|\|\s*/).some((all) => all.split(/\s*(?:,|&&)\s*/).every((c) => meetsCondition(entry, c)));
  });
}

/** Values compare as integers when both are, else as text; a missing value sorts first. */
function compareValues(a: string | undefined, b: string | undefined): number {
  const x = a ?? "", y = b ?? "";
  if (/^-?\d+$/.test(x) && /^-?\d+$/.test(y)) return Math.sign(Number(x) - Number(y));
  return x < y ? -1 : x > y ? 1 : 0;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function sortValue(entry: BibEntry, key: string): string | undefined {
  if (key === "month" || key === "month_numeric") {
    const m = entry.fields.month;
    if (m === undefined) return undefined;
    const i = MONTHS.indexOf(m.slice(0, 3).toLowerCase());
    return i >= 0 ? String(i + 1) : m;
  }
  return fieldValue(entry, key);
}

const list = (v: unknown): string[] => [v].flat().filter((x) => x !== undefined && x !== null)
  .flatMap((x) => String(x).split(/\s*,\s*/)).filter(Boolean);

/** jekyll-scholar's sort: `sort_by` keys (none: file order), each with its `order` (the last one repeats). */
export function sortEntries(entries: BibEntry[], sortBy: unknown, order: unknown): BibEntry[] {
  const keys = list(sortBy);
  if (keys.length === 0 || keys[0] === "none") return entries;
  const orders = list(order);
  return [...entries].sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const descending = /^(desc|reverse)/i.test(orders[i] ?? orders[orders.length - 1] ?? "");
      const c = compareValues(sortValue(a, keys[i]!), sortValue(b, keys[i]!));
      if (c !== 0) return descending ? -c : c;
    }
    return 0;
  });
}
