// A Collection: `posts` (always), and each label under `collections:`. Its documents and the
// static files in its folder; `output` decides whether they are written, `permalink` their URLs.
import path from "node:path";
import type { Document } from "./document.js";
import type { Site } from "./site.js";
import type { StaticFile } from "./static-file.js";
import { addPermalinkSuffix } from "./url.js";

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

  get write(): boolean {
    return !!this.metadata.output;
  }

  get urlTemplate(): string {
    const p = this.metadata.permalink;
    if (p !== undefined && p !== null) return String(p);
    return addPermalinkSuffix("/:collection/:path", this.site.permalinkStyle);
  }

  /** Collection#sort_docs!: `order:` list, else `sort_by:` key, else date then path. */
  sortDocs(): void {
    const byDateThenPath = (a: Document, b: Document) => {
      const da = a.data.date, db = b.data.date;
      if (da != null && db != null) {
        const c = Number(da) - Number(db);
        if (c !== 0) return c;
      }
      return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
    };
    const order = this.metadata.order;
    const sortBy = this.metadata.sort_by;
    if (Array.isArray(order)) {
      const sorted = [...this.docs].sort(byDateThenPath);
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
      this.docs.sort((a, b) => {
        const va = a.data[sortBy], vb = b.data[sortBy];
        if ((va === undefined || va === null) && vb != null) return 1;
        if (va != null && (vb === undefined || vb === null)) return -1;
        if (va != null && vb != null && va !== vb) {
          if (typeof va === typeof vb || (typeof va === "object" && typeof vb === "object")) {
            const c = Number(va) - Number(vb);
            if (!Number.isNaN(c) && c !== 0) return c;
            if (Number.isNaN(c) && String(va) !== String(vb)) return String(va) < String(vb) ? -1 : 1;
          }
        }
        return byDateThenPath(a, b);
      });
    } else {
      this.docs.sort(byDateThenPath);
    }
    this.docs.forEach((d, i) => { d.index = i; });
  }
}
