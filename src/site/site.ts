// The Site: everything one build knows — the config, and what the read stage found (layouts,
// pages, static files, collections with their documents, data). Generators add to it; the
// renderer fills in each page's output; the writer writes it.
import path from "node:path";
import type { Config } from "../config/types.js";
import { collectionsDirJoined, collectionsDirText } from "../config/collections-dir.js";
import { limitsOf, type Limits } from "../config/limits.js";
import { Collection, compareDocuments } from "./collection.js";
import { ConverterTable } from "./converters.js";
import { rubyKeyIdentity, rubySort, truthy } from "../ruby/values.js";
import type { Document } from "./document.js";
import { FrontMatterDefaults } from "./front-matter-defaults.js";
import type { Layout } from "./layout.js";
import type { Page } from "./page.js";
import type { Theme } from "./theme.js";
import { NO_HOOKS, type Hooks } from "./hooks.js";
import { parseDate } from "./parse-date.js";
import type { StaticFile } from "./static-file.js";
import { relativeTo } from "./paths.js";
import { sanitizedPath } from "../write/contain.js";
import { JekyllTime, posixZone } from "../ruby/time.js";
import type { Logger } from "../logger.js";

/** The POSIX TZ strings the Site has warned about in this process (see the constructor). */
const warnedPosixZones = new Set<string>();

export class Site {
  readonly source: string;
  readonly dest: string;
  readonly zone: string | undefined;
  readonly time: JekyllTime;
  readonly converters: ConverterTable;
  readonly frontMatterDefaults: FrontMatterDefaults;
  readonly permalinkStyle: string;
  /** build-site's bounds (config/limits.ts). */
  readonly limits: Limits;
  readonly collections = new Map<string, Collection>();
  layouts = new Map<string, Layout>();
  pages: Page[] = [];
  staticFiles: StaticFile[] = [];
  data: Record<string, any> = {};
  /** Absolute paths of every source file read, for `serve --watch`. */
  readonly readFiles = new Set<string>();
  /**
   * Told what the page being rendered reads: files (includes, layouts) by absolute path, and the
   * site's lists by token ("pages", "collection:posts", "data", "static", "documents"). `serve`
   * uses it to re-render only the pages a change can affect.
   */
  dependencyTracker?: (token: string) => void;
  /** The enabled plugins' hooks (src/site/hooks.ts). */
  hooks: Hooks = NO_HOOKS;
  /**
   * The folder, from the source ("" or "/sub"), whose `_posts` stand for the site root's
   * (PostReader#read_posts("")); a plugin may move it (jekyll-multiple-languages-plugin reads
   * `_i18n/<lang>/_posts`). Drafts are still read from the root.
   */
  rootPostsDir = "";
  /**
   * Page#permalink and Document#permalink from an item's data: its `permalink`, unless a plugin
   * patched the method (jekyll-multiple-languages-plugin prefers `permalink_<lang>`).
   */
  permalinkOf: (data: Record<string, any>) => unknown = (data) => data.permalink;

  constructor(
    readonly config: Config,
    readonly logger: Logger,
    /** The theme whose files lie beneath the site's (site/theme.ts); only the reader and the engines' setup look at it. */
    readonly theme: Theme | null = null,
  ) {
    this.source = config.source;
    this.dest = config.destination;
    this.limits = limitsOf(config as Record<string, unknown>);
    this.zone = config.timezone ? String(config.timezone) : undefined;
    // Jekyll says nothing, but a POSIX offset reads the other way round from what most people mean.
    // Once per zone and process: `serve` makes a Site for every rebuild.
    const posix = this.zone ? posixZone(this.zone) : null;
    if (posix && !warnedPosixZones.has(this.zone!)) {
      warnedPosixZones.add(this.zone!);
      const reading = (offsetMinutes: number) => {
        const hours = Math.abs(offsetMinutes) / 60;
        return offsetMinutes === 0 ? "UTC" : `${hours} hours ${offsetMinutes < 0 ? "behind" : "ahead of"} UTC`;
      };
      const dst = posix.dst ? `; in daylight saving time ${reading(posix.dst.offsetMinutes)}${posix.dst.name ? `, named ${posix.dst.name}` : ", unnamed"}${posix.dst.rules ? "" : " (on New York's dates, glibc's default rules)"}` : "";
      logger.warn("Timezone:", `'${this.zone}' names no zone, so it is read as Jekyll (glibc) reads it: ${reading(posix.offsetMinutes)}${posix.name ? `, named ${posix.name}` : ""}${dst}. For a place's time use its IANA name (Asia/Shanghai, Europe/Berlin, America/New_York…).`);
    }
    if (config.time !== undefined && config.time !== null) {
      const t = parseDate(config.time, this.zone);
      if (!t) throw new Error(`Invalid time in _config.yml: ${config.time}`);
      this.time = t;
    } else {
      this.time = JekyllTime.now(this.zone);
    }
    this.converters = new ConverterTable(config.markdown_ext);
    this.frontMatterDefaults = new FrontMatterDefaults(config.defaults, collectionsDirText(config), this.source, (m) => logger.warn("Defaults:", m));
    this.permalinkStyle = String(config.permalink ?? "date");
    const collections = config.collections ?? {};
    for (const [label, meta] of Object.entries(collections)) {
      const c = new Collection(this, label, (meta ?? {}) as Record<string, any>);
      this.collections.set(c.label, c);
    }
    if (!this.collections.has("posts")) this.collections.set("posts", new Collection(this, "posts", { output: true }));
  }

  get posts(): Collection {
    return this.collections.get("posts")!;
  }

  /**
   * Site#post_attr_hash("tags" / "categories"): each tag (or category) with its posts, newest
   * first, keys in order of first appearance. The keys are the values themselves, of any class
   * (one list per Ruby key: 2020 and "2020" are two). Jekyll memoizes it per build at its first
   * call and sorts each list then (`sort!.reverse!`, Document#<=>) with the dates known at that
   * moment: jekyll-archives asks while generating, before anything has asked an undated draft for
   * its date, and `site.tags`/`site.categories` then show those same lists.
   */
  postAttrLists(attr: "tags" | "categories"): [unknown, Document[]][] {
    let lists = this.postAttrMemo.get(attr);
    if (lists) return lists;
    const byKey = new Map<string, Document[]>();
    lists = [];
    for (const p of this.posts.docs) {
      const values = p.data[attr];
      if (!Array.isArray(values)) continue;
      for (const v of values) {
        const k = rubyKeyIdentity(v);
        let list = byKey.get(k);
        if (!list) {
          byKey.set(k, (list = []));
          lists.push([v ?? null, list]);
        }
        list.push(p);
      }
    }
    for (const entry of lists) entry[1] = rubySort(entry[1], compareDocuments).reverse();
    this.postAttrMemo.set(attr, lists);
    return lists;
  }
  private readonly postAttrMemo = new Map<string, [unknown, Document[]][]>();

  // Site#initialize copies these settings as they are and tests them Ruby's way: everything but
  // nil and false is on, so `future: ""` or `future: 0` publishes future posts.
  get future(): boolean {
    return truthy(this.config.future);
  }

  get unpublished(): boolean {
    return truthy(this.config.unpublished);
  }

  get showDrafts(): boolean {
    return truthy(this.config.show_drafts);
  }

  get safe(): boolean {
    return truthy(this.config.safe);
  }

  /**
   * Site#in_source_dir: a folder the configuration names (`layouts_dir`, `includes_dir`,
   * `data_dir`), placed inside the source whatever it says. Jekyll does the same with
   * Jekyll.sanitized_path: `layouts_dir: ../x` is `<source>/x`, an absolute path outside the
   * source is put below it.
   */
  inSourceDir(configured: unknown, fallback: string): string {
    return sanitizedPath(this.source, configured === undefined || configured === null ? fallback : String(configured));
  }

  /**
   * The folder collections live in (`collections_dir`, else the source), computed once per config
   * value. Inside the source whatever it says, as Jekyll's Site#collections_path (in_source_dir):
   * `collections_dir: ../x` is `<source>/x`.
   */
  get collectionsPath(): string {
    const dir = this.config.collections_dir;
    if (this.collectionsPathFor?.dir !== dir) {
      this.collectionsPathFor = { dir, path: collectionsPathOf(this.config) };
    }
    return this.collectionsPathFor!.path;
  }
  private collectionsPathFor: { dir: unknown; path: string } | undefined;

  get baseurl(): string {
    const b = this.config.baseurl;
    return b === null || b === undefined ? "" : String(b);
  }

  /** A path for messages: relative to the source when inside it. */
  displayPath(abs: string): string {
    const rel = relativeTo(this.source, abs);
    if (rel && !rel.startsWith("..")) return rel.split(path.sep).join("/");
    // LiquidRenderer#filename_regex: a theme's files are named from the theme folder's name.
    if (this.theme && abs.startsWith(this.theme.root + path.sep)) {
      return `${this.theme.basename}/${abs.slice(this.theme.root.length + 1).split(path.sep).join("/")}`;
    }
    return abs;
  }

  /** Site#documents: every collection's documents and static files, once each. */
  get documents(): Array<Document | StaticFile> {
    const seen = new Set<Document | StaticFile>();
    for (const c of this.collections.values()) {
      for (const d of c.docs) seen.add(d);
      for (const f of c.files) seen.add(f);
    }
    return [...seen];
  }

  /** Site#each_site_file order: pages, static files, then documents that are written. */
  *siteFiles(): Generator<Page | StaticFile | Document> {
    const seen = new Set<unknown>();
    for (const p of this.pages) if (!seen.has(p)) { seen.add(p); yield p; }
    for (const f of this.staticFiles) if (f.write && !seen.has(f)) { seen.add(f); yield f; }
    for (const c of this.collections.values()) {
      for (const d of c.docs) if (d.write && !seen.has(d)) { seen.add(d); yield d; }
    }
  }
}

/** Site#collectionsPath for a configuration alone (the render worker's estimate has no Site). */
export function collectionsPathOf(config: Config): string {
  const dir = config.collections_dir;
  return dir ? sanitizedPath(config.source, collectionsDirJoined(config)) : config.source;
}
