// jekyll-archives 2.2.1: archive pages of the posts by year, month, day, category and tag, each a
// page with the archive's layout and `page.posts`, `page.type`, `page.title`, `page.date`.
// Configured by `jekyll-archives:` (`enabled`, `layout`, `layouts`, `permalinks`). Spec:
// test/conformance/PLUGINS.md §18.
//
// Not in 2.2.1, so not here: `slug_mode` (added in a later release; 2.2.1 always slugifies in
// Jekyll's default mode).
import { BuildError } from "../errors.js";
import type { GenerateContext } from "./api.js";
import { deepMerge, isPlainObject } from "../config/merge.js";
import type { Document } from "../site/document.js";
import { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { slugify } from "../site/slugify.js";
import { JekyllTime } from "../ruby/time.js";
import { noMethodMessage, rubySort, truthy } from "../ruby/values.js";
import { compareDocuments } from "../site/collection.js";
import { makeUrl, unescapePath, urlFromHash } from "../site/url.js";
import { registerPlugin } from "./registry.js";

/** Archives::DEFAULTS. */
const DEFAULTS = {
  layout: "archive",
  enabled: [] as unknown,
  permalinks: {
    year: "/:year/",
    month: "/:year/:month/",
    day: "/:year/:month/:day/",
    tag: "/tag/:name/",
    category: "/category/:name/",
  },
};

export type ArchiveType = "year" | "month" | "day" | "tag" | "category";

/** The plugin's settings: its defaults deep-merged with `jekyll-archives:` (a nil value keeps the default). */
export function archivesConfig(config: Record<string, any>): Record<string, any> {
  const own = Object.hasOwn(config, "jekyll-archives") ? config["jekyll-archives"] : {};
  if (!isPlainObject(own)) {
    // Utils.deep_merge_hashes(DEFAULTS, value) raises TypeError when the generator is made.
    throw new BuildError("jekyll-archives: the `jekyll-archives` setting must be a mapping (jekyll-archives fails on it with TypeError)", {
      file: "_config.yml",
      hint: "Write it as `jekyll-archives:` followed by indented keys such as `enabled: [year, tags]`, or remove it.",
    });
  }
  return deepMerge(DEFAULTS, own);
}

/** Archives#enabled?: `enabled: true`, `enabled: all`, or a list naming the kind (tags, categories, year, month, day). */
export function archiveEnabled(config: Record<string, any>, kind: string): boolean {
  const e = config.enabled;
  return e === true || e === "all" || (Array.isArray(e) && e.includes(kind));
}

/** What an archive is of: a tag or category (its value as written in front matter), or a year/month/day. */
export type ArchiveTitle = unknown | { year: string; month?: string; day?: string };

function isDateTitle(t: ArchiveTitle): t is { year: string; month?: string; day?: string } {
  return isPlainObject(t) && "year" in t;
}

/**
 * Archive#url: the type's permalink template filled from the archive's placeholders (the slug of
 * a tag or category as `:name`; `:year`, `:month`, `:day` of a date archive), and `:type`. A
 * tag that is not a string (`tags: [2024]`) has no slug, so "/:name" disappears.
 */
export function archiveUrl(template: unknown, type: ArchiveType, title: ArchiveTitle): string {
  if (typeof template !== "string") {
    throw new BuildError(`jekyll-archives: Template "${template ?? ""}" provided is invalid.`, { file: "_config.yml", hint: `Give jekyll-archives.permalinks.${type} a permalink template such as "/${type}/:name/".` });
  }
  const placeholders: Array<[string, string | null]> = isDateTitle(title)
    ? [...Object.entries(title).map(([k, v]) => [k, v ?? null] as [string, string | null]), ["type", type]]
    : [["name", typeof title === "string" ? slugify(title) : null], ["type", type]];
  return makeUrl(template, null, (t) => urlFromHash(t, placeholders));
}

/** Archive#relative_path: where it is written, from its URL (`index.html` added to a folder URL). */
export function archiveRelativePath(url: string): string {
  const path = unescapePath(url).replace(/^\//, "");
  if (!url.endsWith("/")) return path;
  return path === "" ? "/index.html" : `${path}index.html`;
}

/** The post date's strftime %Y, %m or %d (in the site's zone), which the gem groups by. */
function datePart(doc: Document, part: "year" | "month" | "day"): string {
  const w = doc.date.wall;
  if (part === "year") return String(w.year).padStart(4, "0");
  return String(part === "month" ? w.month : w.day).padStart(2, "0");
}

/**
 * The gem's years/months/days: a Hash.new { [] } filled in `items` order (keys in order of first
 * appearance), each list then sorted newest first (`sort!.reverse!` on Document#<=>). Sorted, not
 * reversed: the keys ask each post for its date first, which sets an undated draft's (its file's
 * mtime), so the sort may place it elsewhere than the reader did.
 */
function group<K>(items: Document[], keysOf: (d: Document) => K[]): Map<K, Document[]> {
  const map = new Map<K, Document[]>();
  for (const d of items) {
    for (const k of keysOf(d)) {
      let list = map.get(k);
      if (!list) map.set(k, (list = []));
      list.push(d);
    }
  }
  for (const [k, list] of map) map.set(k, rubySort(list, compareDocuments).reverse());
  return map;
}

/**
 * Archive#layout's `@config["layouts"][type]` (null where it gives nil or false, and the archive
 * takes `layout:`): a mapping's entry; a String's `[]` is the type's name where the String holds
 * it; nil and false are skipped. Any other value stops Jekyll as Ruby's `[]` does: an Integer's
 * or an Array's takes no String (TypeError), true, a Float or a date has none (NoMethodError).
 */
function archiveLayout(layouts: unknown, type: ArchiveType): unknown {
  if (layouts === null || layouts === undefined || layouts === false) return null;
  if (isPlainObject(layouts)) return truthy(layouts[type]) ? layouts[type] : null;
  if (typeof layouts === "string") return layouts.includes(type) ? type : null;
  const hint = "Give jekyll-archives.layouts a layout per kind (layouts: {tag: tag-archive, year: year-archive}), or one layout for all as layout:.";
  if (Array.isArray(layouts) || (typeof layouts === "number" && Number.isInteger(layouts)) || typeof layouts === "bigint") {
    throw new BuildError("jekyll-archives: no implicit conversion of String into Integer (TypeError) in `layouts`", { file: "_config.yml", hint });
  }
  throw new BuildError(`jekyll-archives: ${noMethodMessage("[]", layouts)} in \`layouts\``, { file: "_config.yml", hint });
}

/**
 * An archive page. Like the gem's Archive (a Jekyll::Page that skips Page#initialize), its data
 * is only `layout`, and its Liquid hash is its own list of attributes (posts, type, title, date,
 * name, path, url, permalink) over the front matter defaults whose scope matches its output path
 * and its archive type (`type: tag`, not `type: pages`).
 */
export class ArchivePage extends Page {
  constructor(
    site: Site,
    readonly archiveType: ArchiveType,
    readonly archiveTitle: ArchiveTitle,
    readonly posts: Document[],
    archives: Record<string, any>,
    drop: (d: Document) => Record<string, any>,
  ) {
    const url = archiveUrl(archives.permalinks?.[archiveType], archiveType, archiveTitle);
    const relativePath = archiveRelativePath(url);
    const slash = relativePath.lastIndexOf("/");
    super(site, slash <= 0 ? "" : `/${relativePath.slice(0, slash)}`, relativePath.slice(slash + 1), {}, "", 0, null);
    this.url = url;
    this.generated = true;
    this.ownLiquidHash = true;
    const layout = archiveLayout(archives.layouts, archiveType) ?? archives.layout;
    this.data = { layout };
    const date = isDateTitle(archiveTitle)
      ? JekyllTime.date(Number(archiveTitle.year), Number(archiveTitle.month ?? 1), Number(archiveTitle.day ?? 1), site.zone)
      : null;
    this.attributes = {
      posts: posts.map(drop),
      type: archiveType,
      title: typeof archiveTitle === "string" ? archiveTitle : null,
      date,
      name: this.basename,
      path: relativePath,
      url,
      permalink: null,
    };
    this.refreshLiquidData();
  }

  /** Archive::ATTRIBUTES_FOR_LIQUID's values, fixed when the archive is made. */
  private readonly attributes: Record<string, unknown>;

  /**
   * Convertible#to_liquid: defaults, then data, then the attributes (a nil attribute keeps a
   * default's value), made again at each render in Jekyll; here whenever the page's hash is remade
   * (the renderer does so for sites with plugins of their own, which may change `data`). The
   * attributes stay: a Page's refresh (front matter over defaults) would leave only `layout`.
   */
  override refreshLiquidData(): void {
    const defaults = this.site.frontMatterDefaults.isEmpty ? {} : this.site.frontMatterDefaults.all(this.relativePath, this.archiveType);
    this.liquidData = deepMerge(defaults, deepMerge(this.data, this.attributes));
  }
}

function generate(site: Site, ctx: GenerateContext): void {
  const config = archivesConfig(site.config);
  site.config["jekyll-archives"] = config;
  const posts = site.posts.docs;
  const drop = (d: Document) => ctx.drops.document(d);
  const archives: ArchivePage[] = [];
  const add = (type: ArchiveType, title: ArchiveTitle, list: Document[]) => archives.push(new ArchivePage(site, type, title, list, config, drop));
  // Site#post_attr_hash (keys in order of first appearance, oldest post first), which the gem asks
  // for first: Jekyll keeps these lists for the build, and `site.tags`/`site.categories` show them.
  if (archiveEnabled(config, "tags")) for (const [tag, list] of site.postAttrLists("tags")) add("tag", tag, list);
  if (archiveEnabled(config, "categories")) for (const [category, list] of site.postAttrLists("categories")) add("category", category, list);
  // Years oldest first; a year's posts are newest first, so its months (and their days) are too.
  // (The gem works the years out even when no date archive is enabled: every post is asked for its date.)
  for (const [year, yearPosts] of group(posts, (d) => [datePart(d, "year")])) {
    if (archiveEnabled(config, "year")) add("year", { year }, yearPosts);
    for (const [month, monthPosts] of group(yearPosts, (d) => [datePart(d, "month")])) {
      if (archiveEnabled(config, "month")) add("month", { year, month }, monthPosts);
      for (const [day, dayPosts] of group(monthPosts, (d) => [datePart(d, "day")])) {
        if (archiveEnabled(config, "day")) add("day", { year, month, day }, dayPosts);
      }
    }
  }
  site.pages.push(...archives);
  // `site.archives`: the gem stores its pages in the config, which Liquid's `site` shows.
  site.config.archives = archives.map((a) => ctx.drops.page(a));
}

registerPlugin({ name: "jekyll-archives", generate });
