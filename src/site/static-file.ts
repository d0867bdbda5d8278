// A StaticFile: copied to the destination as it is. `site.static_files` shows its path (with a
// leading "/" outside collections, as Jekyll's StaticFile#relative_path has), name, basename,
// extname, modified_time and collection, plus any `defaults` that apply to it.
import fs from "node:fs";
import pathlib from "node:path";
import type { Collection } from "./collection.js";
import type { Site } from "./site.js";
import { JekyllTime } from "../ruby/time.js";
import { truthy } from "../ruby/values.js";
import { destinationRelative } from "../write/contain.js";
import { sanitizeUrl, unescapePath, urlFromHash } from "./url.js";

export class StaticFile {
  readonly kind = "static" as const;
  readonly relativePath: string;
  readonly extname: string;
  readonly basename: string;
  private cachedUrl: string | undefined;
  private cachedData: Record<string, any> | undefined;
  private cachedMtime: JekyllTime | undefined;

  constructor(
    readonly site: Site,
    /** Absolute source path. */
    readonly path: string,
    /** Folder as Jekyll names it: "/sub" (or "" at the root) for site files, "_label/sub" in a collection. */
    readonly dir: string,
    readonly name: string,
    readonly collection: Collection | null = null,
  ) {
    this.relativePath = dir === "" ? `/${name}` : `${dir}/${name}`;
    if (!collection && !this.relativePath.startsWith("/")) this.relativePath = `/${this.relativePath}`;
    this.extname = pathlib.extname(name);
    this.basename = name.slice(0, name.length - this.extname.length).replace(/\.*$/, "");
  }

  get cleanedRelativePath(): string {
    let c = this.relativePath.slice(0, this.relativePath.length - this.extname.length).replace(/\.*$/, "");
    if (this.collection) c = c.replace(this.collection.relativeDirectory, "");
    return c;
  }

  get url(): string {
    if (this.cachedUrl === undefined) {
      let base: string;
      if (!this.collection) base = this.cleanedRelativePath;
      else {
        base = sanitizeUrl(urlFromHash(this.collection.urlTemplate, [
          ["collection", this.collection.label],
          ["path", this.cleanedRelativePath],
          ["output_ext", ""],
          ["name", this.basename],
          ["title", ""],
        ]));
      }
      this.cachedUrl = base.replace(/\/$/, "") + this.extname;
    }
    return this.cachedUrl;
  }

  get destinationPath(): string {
    // StaticFile#destination: Site#in_dest_dir (Jekyll.sanitized_path) keeps the decoded URL inside.
    return destinationRelative(this.site.dest, unescapePath(this.url));
  }

  get modifiedTime(): JekyllTime {
    if (!this.cachedMtime) this.cachedMtime = JekyllTime.at(Math.floor(fs.statSync(this.path).mtimeMs / 1000) * 1000, this.site.zone);
    return this.cachedMtime;
  }

  /** Defaults that apply to this file (StaticFile#data: scoped by its relative path). */
  get data(): Record<string, any> {
    if (!this.cachedData) {
      this.cachedData = this.site.frontMatterDefaults.isEmpty
        ? {}
        : this.site.frontMatterDefaults.all(this.relativePath, this.collection?.label ?? null);
    }
    return this.cachedData;
  }

  /** StaticFile#write?: `published: false` from defaults (scoped by URL) hides it; collections must output. */
  get write(): boolean {
    const defaults = this.site.frontMatterDefaults.isEmpty ? {} : this.site.frontMatterDefaults.all(this.url, this.collection?.label ?? null);
    // `defaults.fetch("published", true)`, tested Ruby's way (nil hides, "" does not).
    const publishable = !("published" in defaults) || truthy(defaults.published);
    if (!this.collection) return publishable;
    return publishable && this.collection.write;
  }
}
