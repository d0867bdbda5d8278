// A Collection: `posts` (always), and each label under `collections:`. Its documents and the
// static files in its folder; `output` decides whether they are written, `permalink` their URLs.
import path from "node:path";
import type { Document } from "./document.js";
import type { Site } from "./site.js";
import type { StaticFile } from "./static-file.js";
import { addPermalinkSuffix, permalinkTypeError } from "./url.js";
import { BuildError } from "../errors.js";
import { compareStrings, rubySort, spaceship, toS, truthy } from "../ruby/values.js";

/**
 * Document#<=>: `data["date"]` compared, then the source paths where the dates are equal or do not
 * compare (one missing).
 */
export function compareDocuments(a: Document, b: Document): number {
  const da = a.data.date, db = b.data.date;
  if (da != null && db != null) {
    const c = spaceship(da, db);
    if (c !== null && c !== 0) return c;
  }
  return compareStrings(a.path, b.path);
}

export class Collection {
  readonly docs: Document[] = [];
  readonly files: StaticFile[] = [];
  readonly label: string;

  constructor(
    readonly site: Site,
    label: string,
    readonly metadata: Record<string, any>,
  ) {
    this.label = label.replace(/[^a-z0-9_\-.]/gi, "");
  }

  get relativeDirectory(): string {
    return `_${this.label}`;
  }

  /** Absolute folder of the collection (inside `collections_dir` when set). */
  get directory(): string {
    return path.join(this.site.collectionsPath, this.relativeDirectory);
  }

  /** Collection#write?: `!!metadata.fetch("output", false)`, Ruby's `!!` (`output: ""` writes). */
  get write(): boolean {
    return truthy(this.metadata.output);
  }

  /**
   * Collection#url_template: `metadata.fetch("permalink") { default }`, so a `permalink:` key
   * that is null or false is kept, and URL.new then has neither template nor permalink
   * (ArgumentError); one that is no String fails URL#generate_url_from_drop's gsub. Asked only
   * for documents without a permalink of their own, as Jekyll's URL does.
   */
  get urlTemplate(): string {
    const m = this.metadata;
    if (Object.prototype.hasOwnProperty.call(m, "permalink") && m.permalink !== undefined) {
      const p = m.permalink;
      if (p === null || p === false) {
        throw new BuildError("One of :template or :permalink must be supplied. (ArgumentError)", {
          hint: `The collection '${this.label}' has \`permalink: ${toS(p) || "null"}\` in the config: remove the key, or give a template such as /:collection/:path/.`,
        });
      }
      if (typeof p !== "string") throw permalinkTypeError(p, "gsub", undefined);
      return p;
    }
    return addPermalinkSuffix("/:collection/:path", this.site.permalinkStyle);
  }

  /** Collection#sort_docs!: `order:` list, else `sort_by:` key, else date then path. */
  sortDocs(): void {
    const byDateThenPath = compareDocuments;
    const order = this.metadata.order;
    const sortBy = this.metadata.sort_by;
    if (Array.isArray(order)) {
      const sorted = rubySort(this.docs, byDateThenPath);
      const byPath = new Map(sorted.map((d) => [d.relativePath, d]));
      const result: Document[] = [];
      for (const entry of order) {
        const key = path.posix.join(this.relativeDirectory, String(entry));
        const d = byPath.get(key);
        if (d) { result.push(d); byPath.delete(key); }
      }
      result.push(...byPath.values());
      this.docs.splice(0, this.docs.length, ...result);
    } else if (typeof sortBy === "string") {
      // Collection#sort_docs_by_key!: a document without the key goes after one with it (with a
      // "Sort warning"); otherwise Ruby's `<=>` of the two values, and where that is nil (values
      // of different kinds: "10" and 2, a Date and a Time) or 0, Document#<=>. Sorted with Ruby's
      // own merge order, since such a comparison need not be consistent.
      const warn = (d: Document) => this.site.logger.warn("Sort warning:", `'${sortBy}' not defined in ${d.relativePath}`);
      const sorted = rubySort(this.docs, (a, b) => {
        const va = a.data[sortBy], vb = b.data[sortBy];
        if (va == null && vb != null) { warn(a); return 1; }
        if (va != null && vb == null) { warn(b); return -1; }
        const c = spaceship(va, vb);
        return c === null || c === 0 ? byDateThenPath(a, b) : c;
      });
      this.docs.splice(0, this.docs.length, ...sorted);
    } else {
      // Ruby's sort order, not JavaScript's: Document#<=> is not transitive when some documents
      // have no date (a dated and an undated one compare by path), and the order the merge sort
      // meets them in decides (`_projects` with dates on some files only).
      this.docs.splice(0, this.docs.length, ...rubySort(this.docs, byDateThenPath));
    }
    this.docs.forEach((d, i) => { d.index = i; });
  }
}
