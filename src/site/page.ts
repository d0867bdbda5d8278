// A Page: a file outside collections that has front matter. Its URL comes from its folder and
// name (Page#template), or from `permalink:` (front matter, or `defaults`).
import pathlib from "node:path";
import { ReleasableOutput } from "./released-output.js";
import { deepMerge } from "../config/merge.js";
import { toS, truthy } from "../ruby/values.js";
import type { Site } from "./site.js";
import { destinationRelative } from "../write/contain.js";
import { addPermalinkSuffix, makeUrl, permalinkTypeError, unescapePath, urlFromHash } from "./url.js";

const HTML_EXTENSIONS = new Set([".html", ".xhtml", ".htm"]);

export class Page {
  readonly kind = "page" as const;
  readonly ext: string;
  readonly basename: string;
  /** `dir` as Jekyll's reader passes it: "" for the source root, "/sub/dir" below it. */
  readonly sourceDir: string;
  readonly relativePath: string;
  content: string;
  private readonly rendered = new ReleasableOutput();
  /** The rendered page; see ReleasableOutput for when it is let go and loaded back. */
  get output(): string | null {
    return this.rendered.get();
  }
  set output(value: string | null) {
    this.rendered.set(value);
  }
  /** The write stage wrote the output: drop it; `reload` gives it back if it is read again. */
  releaseOutput(reload: () => string): void {
    this.rendered.release(reload);
  }
  /** Written and released, and not set again since. */
  get outputReleased(): boolean {
    return this.rendered.released;
  }
  /** Front matter, with defaults for the keys it lacks. */
  data: Record<string, any>;
  /** What `page.*` shows: defaults deep-merged with the front matter. */
  liquidData: Record<string, any>;
  /** Front matter alone. */
  readonly frontMatter: Record<string, any>;
  readonly lineOffset: number;
  /** Made by the build (source maps, plugin pages) rather than read from a file. */
  generated = false;
  /**
   * The Liquid hash is `liquidData` alone, without the content, dir, excerpt, name, path and url
   * every page adds: for plugin pages that list their own attributes (jekyll-archives' Archive).
   */
  ownLiquidHash = false;
  /**
   * `name` as Liquid reads it, when a plugin page's Ruby class keeps a name unlike the file name:
   * jekyll-feed builds its feeds as `PageWithoutAFile.new(site, __dir__, "", "/feed.xml")`, the whole
   * path as the name, so `page.name` is "/feed.xml" (and "/feed/news.xml" for a category feed) while
   * `path` is "feed.xml" and `dir` "/".
   */
  liquidName: string | undefined = undefined;
  /** jekyll-paginate's pager, when this page is paginated. */
  pager: Record<string, any> | null = null;
  private cachedUrl: string | undefined;

  constructor(
    readonly site: Site,
    dir: string,
    readonly name: string,
    frontMatter: Record<string, any>,
    content: string,
    lineOffset: number,
    /** Absolute source path; generated pages (redirects, feeds…) have none. */
    readonly path: string | null,
  ) {
    this.sourceDir = dir;
    this.ext = pathlib.extname(name);
    this.basename = name.slice(0, name.length - this.ext.length).replace(/\.*$/, "");
    this.relativePath = `${dir}/${name}`.replace(/^\/+/, "");
    this.frontMatter = frontMatter;
    // Page#data is the front matter, with `defaults` only for keys it does not have: a key set to
    // null (`layout: null`) stays null for rendering. Liquid sees both deep-merged instead
    // (Convertible#to_liquid), where null falls back to the default.
    const defaults = site.frontMatterDefaults.isEmpty ? {} : site.frontMatterDefaults.all(this.relativePath, "pages");
    this.data = { ...defaults, ...frontMatter };
    this.liquidData = deepMerge(defaults, frontMatter);
    this.content = content;
    this.lineOffset = lineOffset;
  }

  /**
   * Convertible#to_liquid merges the defaults with `data` at every render; here `liquidData` is
   * made once, and made again when a plugin may have changed `data` (the renderer asks, for sites
   * with plugins of their own).
   */
  refreshLiquidData(): void {
    const defaults = this.site.frontMatterDefaults.isEmpty ? {} : this.site.frontMatterDefaults.all(this.relativePath, "pages");
    this.liquidData = deepMerge(defaults, this.data);
  }

  get outputExt(): string {
    return this.site.converters.outputExtFor(this.ext, this.permalink);
  }

  get isHtml(): boolean {
    return HTML_EXTENSIONS.has(this.outputExt);
  }

  get isIndex(): boolean {
    return this.basename === "index";
  }

  /**
   * Front matter `permalink`, or one from `defaults` (Page#data falls back to them). One that YAML
   * reads as no String (`permalink: 2020`) stops Jekyll in Renderer#permalink_ext, which calls
   * end_with? on it (NoMethodError); false and nil mean none.
   */
  get permalink(): unknown {
    const permalink = this.data.permalink;
    if (truthy(permalink) && typeof permalink !== "string") throw permalinkTypeError(permalink, "end_with?", this.path ? this.site.displayPath(this.path) : undefined);
    return permalink;
  }

  get template(): string {
    if (!this.isHtml) return "/:path/:basename:output_ext";
    if (this.isIndex) return "/:path/";
    return addPermalinkSuffix("/:path/:basename", this.site.permalinkStyle);
  }

  get url(): string {
    if (this.cachedUrl === undefined) {
      const placeholders: Array<[string, string | null]> = [
        ["path", this.sourceDir],
        ["basename", this.basename],
        ["output_ext", this.outputExt],
      ];
      this.cachedUrl = makeUrl(this.template, this.permalink, (t) => urlFromHash(t, placeholders));
    }
    return this.cachedUrl;
  }

  /** Generators (pagination) may move a page. */
  set url(value: string) {
    this.cachedUrl = value;
  }

  /** `page.dir`: the URL's folder. */
  get dir(): string {
    const url = this.url;
    if (url.endsWith("/")) return url;
    const d = pathlib.posix.dirname(url);
    return d.endsWith("/") ? d : `${d}/`;
  }

  /**
   * Page#path, which `page.path` shows: `data.fetch("path") { relative_path }`, the page's own front
   * matter `path` else the path relative to the source; a `path` from `defaults` does not count
   * (Hash#fetch skips the default_proc that gives a page its defaults).
   */
  get pathForLiquid(): string {
    return "path" in this.frontMatter && this.frontMatter.path != null ? this.frontMatter.path : this.relativePath;
  }

  /** Output path relative to the destination. */
  get destinationPath(): string {
    const url = this.url;
    const permalink = this.permalink;
    const memo = this.destinationMemo;
    if (memo && memo.url === url && memo.permalink === permalink) return memo.path;
    // Page#destination: Site#in_dest_dir (Jekyll.sanitized_path) keeps the decoded URL inside.
    let p = destinationRelative(this.site.dest, unescapePath(url));
    if (url.endsWith("/")) p = p ? `${p}/index` : "index";
    if (!p.endsWith(this.outputExt)) p += this.outputExt;
    this.destinationMemo = { url, permalink, path: p };
    return p;
  }
  /** The writer asks several times; kept per URL (pagination may move a page) and permalink. */
  private destinationMemo: { url: string; permalink: unknown; path: string } | undefined;

  /**
   * Publisher#can_be_published?: `data.fetch("published", true)`. Hash#fetch does not consult the
   * default_proc through which a page sees `defaults`, so only the page's own front matter counts
   * (a `published: false` default does not hide a page, though it hides posts and static files),
   * and it counts Ruby's way: an empty `published:` (nil) hides the page as false does.
   */
  get published(): boolean {
    return !("published" in this.frontMatter) || truthy(this.frontMatter.published);
  }

  get isAsset(): boolean {
    return this.ext === ".sass" || this.ext === ".scss" || this.ext === ".coffee";
  }

  get placeInLayout(): boolean {
    return !(this.isAsset || this.data.layout === "none");
  }

  get renderWithLiquid(): boolean {
    if (this.data.render_with_liquid === false) return false;
    return this.content.includes("{%") || this.content.includes("{{");
  }

  get excerptSeparator(): string {
    // Page#excerpt_separator: `(data["excerpt_separator"] || config["excerpt_separator"]).to_s`.
    const own = this.data.excerpt_separator;
    return toS(truthy(own) ? own : this.site.config.excerpt_separator);
  }
}
