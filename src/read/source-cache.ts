// What the read stage learned about the source, kept between `serve --watch` rebuilds so that a
// rebuild reads and parses only the files that changed. The watcher names what changed
// (`invalidate`); everything else comes from here: a file's text and parsed front matter,
// whether it has front matter, and folder listings.
//
// The parsed front matter is handed out as a copy of its plain objects and arrays (values such
// as dates are shared, they are never changed in place): Documents and Pages merge defaults into
// their data and generators may add to it, and the next rebuild must see the file as it was read.
// A full build (config change, theme or plugin edit) starts from an empty cache.
//
// Documents themselves are kept too, when the build allows it (`keepDocuments`): a rebuild takes
// the Document of an unchanged file into its new Site (Document#adopt) instead of making it again
// from the parsed front matter — defaults merged, title, categories, tags, date and URL are the
// same as long as the file, the config and (for time-dependent dates) the build's time are. The
// builder allows it only when no plugin or hook can change a document after it is read
// (build.ts, `documentsStayAsRead`); whatever a kept document's render set is reset by adopt.
import path from "node:path";
import type { Document } from "../site/document.js";
import type { ParsedFile } from "./front-matter.js";

function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) out[k] = copyPlain((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

export class SourceCache {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly heads = new Map<string, boolean>();
  /** Listings by folder and kind ("dir" for one level, "walk" for everything below). */
  private readonly listings = new Map<string, unknown>();
  private readonly documents = new Map<string, Document>();
  /** Whether this build may take and keep Documents (set by the builder before each read). */
  keepDocuments = false;
  /** How many kept Documents the current build took (the reader counts; serve reports it). */
  keptCount = 0;

  /** The Document an earlier build read from `abs`, if the file has not changed since and keeping is on. */
  keptDocument(abs: string): Document | undefined {
    return this.keepDocuments ? this.documents.get(abs) : undefined;
  }

  /** Remembers a Document just read from `abs` for the next rebuild (when keeping is on). */
  keepDocument(abs: string, doc: Document): void {
    if (this.keepDocuments) this.documents.set(abs, doc);
  }

  text(abs: string, read: () => string): string {
    let t = this.texts.get(abs);
    if (t === undefined) this.texts.set(abs, (t = read()));
    return t;
  }

  frontMatter(abs: string, parse: () => ParsedFile): ParsedFile {
    let p = this.parsed.get(abs);
    if (p === undefined) this.parsed.set(abs, (p = parse()));
    return { data: copyPlain(p.data) as Record<string, unknown>, content: p.content, lineOffset: p.lineOffset };
  }

  hasFrontMatter(abs: string, test: () => boolean): boolean {
    let h = this.heads.get(abs);
    if (h === undefined) this.heads.set(abs, (h = test()));
    return h;
  }

  /** A folder listing; callers must not change the array they get. */
  listing<T>(kind: string, dir: string, list: () => T): T {
    const key = `${kind}\0${dir}`;
    if (this.listings.has(key)) return this.listings.get(key) as T;
    const value = list();
    this.listings.set(key, value);
    return value;
  }

  /**
   * Forgets what a changed path (file or folder, added, changed or removed) was: its own entries,
   * everything below it, and the listings of the folders above it. `contentOnly` are files that
   * still exist as the same kind of entry and whose text alone changed (the watcher's "change"):
   * the folders' listings stay.
   */
  invalidate(changed: Iterable<string>, contentOnly: ReadonlySet<string> = new Set()): void {
    const all = [...changed].map((p) => path.resolve(p));
    if (!all.length) return;
    for (const p of all) {
      this.texts.delete(p);
      this.parsed.delete(p);
      this.heads.delete(p);
      this.documents.delete(p);
    }
    const paths = all.filter((p) => !contentOnly.has(p));
    if (!paths.length) return;
    const below = paths.map((p) => p + path.sep);
    const isBelow = (k: string) => below.some((b) => k.startsWith(b));
    // A folder that was removed or renamed takes its files with it.
    for (const m of [this.texts, this.parsed, this.heads, this.documents] as Map<string, unknown>[]) {
      for (const k of m.keys()) if (isBelow(k)) m.delete(k);
    }
    for (const key of this.listings.keys()) {
      const dir = key.slice(key.indexOf("\0") + 1);
      const d = dir.endsWith(path.sep) ? dir : dir + path.sep;
      if (paths.some((p) => p === dir || p.startsWith(d)) || isBelow(dir)) this.listings.delete(key);
    }
  }

  clear(): void {
    this.texts.clear();
    this.parsed.clear();
    this.heads.clear();
    this.listings.clear();
    this.documents.clear();
  }
}
