// Ruby's Dir.glob over a folder, for the one place Jekyll globs the file system with a pattern the
// site writes: a `defaults` scope path containing `*` (FrontmatterDefaults#glob_scope). What it
// keeps from Ruby's rules:
//  - `*` is any run of characters but `/`, `?` one character, `[set]` / `[!set]` / `[^set]` a
//    class, `\` escapes; none of them matches a name's leading dot (hidden entries need a pattern
//    segment that starts with `.`);
//  - `**/` is zero or more folders (hidden ones skipped); `**` elsewhere is `*`;
//  - `{a,b}` alternatives, nested;
//  - a pattern ending in `/` matches folders only;
//  - a segment without magic is looked up as it is.
// Results are paths relative to the folder, without a trailing slash (what Jekyll gets back from
// Pathname#relative_path_from). The walk is bounded: a pattern expands to at most MAX_PATTERNS
// brace alternatives and looks at most MAX_ENTRIES folder entries, past which the matches found so
// far are returned.
import fs from "node:fs";
import path from "node:path";

const MAX_PATTERNS = 256;
const MAX_ENTRIES = 200_000;

/** `{a,b}` alternatives of a pattern, outermost first, as Ruby's glob expands them. */
export function expandBraces(pattern: string, limit = MAX_PATTERNS): string[] {
  const out: string[] = [];
  const todo = [pattern];
  while (todo.length && out.length < limit) {
    const p = todo.shift()!;
    let open = -1;
    let depth = 0;
    let close = -1;
    const commas: number[] = [];
    for (let i = 0; i < p.length; i++) {
      const c = p[i];
      if (c === "\\") { i++; continue; }
      if (c === "{") { if (depth++ === 0) open = i; }
      else if (c === "}" && depth > 0) { if (--depth === 0) { close = i; break; } }
      else if (c === "," && depth === 1) commas.push(i);
    }
    if (open < 0 || close < 0) { out.push(p); continue; }
    const head = p.slice(0, open);
    const tail = p.slice(close + 1);
    let start = open + 1;
    for (const cut of [...commas, close]) {
      if (todo.length + out.length >= limit) break;
      todo.push(head + p.slice(start, cut) + tail);
      start = cut + 1;
    }
  }
  return out;
}

function hasMagic(segment: string): boolean {
  return /[*?[\\]/.test(segment);
}

/** One path segment of a pattern (no `/`) as a RegExp over an entry name. */
function segmentRegExp(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "\\" && i + 1 < segment.length) re += segment[++i]!.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const bracket = bracketExpression(segment, i);
      re += bracket.re;
      i = bracket.last;
    } else re += c.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "s");
}

/**
 * A glob's `[set]` starting at `open` (fnmatch and Dir.glob read it alike: `!` or `^` negates, a
 * `]` right after the `[` is a member): the RegExp class and the index of its `]`; an unclosed
 * `[` is a literal one.
 */
export function bracketExpression(pattern: string, open: number): { re: string; last: number } {
  const end = pattern.indexOf("]", open + 2);
  if (end < 0) return { re: "\\[", last: open };
  let body = pattern.slice(open + 1, end);
  const negated = body.startsWith("!") || body.startsWith("^");
  if (negated) body = body.slice(1);
  return { re: `[${negated ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`, last: end };
}

function unescape(segment: string): string {
  return segment.replace(/\\(.)/g, "$1");
}

interface Walk {
  root: string;
  seen: number;
  found: Set<string>;
}

function entries(walk: Walk, rel: string): fs.Dirent[] {
  if (walk.seen >= MAX_ENTRIES) return [];
  let list: fs.Dirent[];
  try {
    list = fs.readdirSync(rel ? path.join(walk.root, rel) : walk.root, { withFileTypes: true });
  } catch {
    return [];
  }
  walk.seen += list.length;
  return list;
}

function isDir(walk: Walk, rel: string, entry?: fs.Dirent): boolean {
  if (entry && !entry.isSymbolicLink()) return entry.isDirectory();
  try {
    return fs.statSync(path.join(walk.root, rel)).isDirectory();
  } catch {
    return false;
  }
}

function join(rel: string, name: string): string {
  return rel ? `${rel}/${name}` : name;
}

function match(walk: Walk, rel: string, segments: string[], foldersOnly: boolean): void {
  if (walk.seen >= MAX_ENTRIES) return;
  if (segments.length === 0) {
    if (rel && (!foldersOnly || isDir(walk, rel))) walk.found.add(rel);
    return;
  }
  const [segment, ...rest] = segments as [string, ...string[]];
  if (segment === "**" && rest.length) {
    // Zero folders, then each visible folder below (symbolic links are not followed, as Ruby's **/).
    match(walk, rel, rest, foldersOnly);
    for (const e of entries(walk, rel)) {
      if (e.name.startsWith(".") || !e.isDirectory()) continue;
      match(walk, join(rel, e.name), segments, foldersOnly);
    }
    return;
  }
  if (!hasMagic(segment)) {
    const name = unescape(segment);
    const next = join(rel, name);
    if (rest.length === 0 ? fs.existsSync(path.join(walk.root, next)) : isDir(walk, next)) match(walk, next, rest, foldersOnly);
    return;
  }
  const re = segmentRegExp(segment === "**" ? "*" : segment);
  const dotted = segment.startsWith(".");
  for (const e of entries(walk, rel)) {
    if (e.name.startsWith(".") && !dotted) continue;
    if (!re.test(e.name)) continue;
    const next = join(rel, e.name);
    if (rest.length && !isDir(walk, next, e)) continue;
    match(walk, next, rest, foldersOnly);
  }
}

/**
 * The paths under `root` that `pattern` matches, as Ruby's Dir.glob on `root/pattern` finds them,
 * relative to `root`. A pattern starting with `/` is absolute in Ruby (Pathname#join drops the
 * root) and finds nothing inside the site here.
 */
export function dirGlob(root: string, pattern: string): string[] {
  if (pattern.startsWith("/")) return [];
  const walk: Walk = { root, seen: 0, found: new Set() };
  for (const p of expandBraces(pattern)) {
    const foldersOnly = p.endsWith("/");
    const segments = p.split("/").filter((s, i, all) => s !== "" && !(s === "." && i < all.length - 1));
    match(walk, "", segments, foldersOnly);
  }
  return [...walk.found];
}
