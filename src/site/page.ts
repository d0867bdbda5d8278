// A Page: a file outside collections that has front matter. Its URL comes from its folder and
// name (Page#template), or from `permalink:` (front matter, or `defaults`).
import pathlib from "node:path";
import { ReleasableOutput } from "./released-output.js";
import { deepMerge, mergeShallow } from "../config/merge.js";
import { truthy } from "../ruby/values.js";
import { Excerpt, excerptSeparatorOf, extractExcerpt, warnExcerptModified } from "./document.js";
import type { Site } from "./site.js";
import { destinationRelative } from "../write/contain.js";
import { BuildError } from "../errors.js";
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
   * jekyll-redirect-from's RedirectPage: its destination may be shared (two `redirect_from:`
   * naming one old path, or `/research` and `/research.html`, which both write research.html), and
   * Jekyll's Doctor#destination_map leaves it out of the Conflict warning
   * (`allow_used_permalink?`), in `build` as in `doctor`.
   */
  mayShareDestination = false;
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
  /** Its Jekyll::PageExcerpt, when the site sets `page_excerpts` (generateExcerpt). */
  excerpt: Excerpt | null = null;
  /**
   * jekyll-relative-links replaced the page's excerpt with a post's Jekyll::Excerpt, which Jekyll
   * 4.3.1 cannot render for a page (assertExcerptRenders).
   */
  excerptReplaced = false;
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
    // (Keys YAML reads as no String, `5:`, stay typed, and in their order: the renderer remakes
    // the Liquid hash from this data for sites with plugins of their own.)
    this.data = mergeShallow(defaults, frontMatter);
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
    this.placeExcerptKey();
  }

  /**
   * Page#generate_excerpt puts the excerpt in the page's data after the front matter's keys, so the
   * page's Hash (`{{ page | jsonify }}`, `for` over it) lists `excerpt` there, or where `defaults`
   * have one, rather than among content, dir, name, path and url. The value is the drop's (Drops).
   */
  private placeExcerptKey(): void {
    if (this.excerpt && !Object.hasOwn(this.liquidData, "excerpt")) this.liquidData.excerpt = null;
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
    const permalink = this.site.permalinkOf(this.data);
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
    return excerptSeparatorOf(this.data, this.site.config);
  }

  /** Page#excerpt_separator once read: generateExcerpt reads it before `defaults` apply. */
  private memoizedSeparator: string | undefined;

  /**
   * jekyll-relative-links' `Jekyll::Excerpt.new(page)` for a page that has an excerpt: one cut from
   * the page's content now, at Page#excerpt_separator (`(data["excerpt_separator"] ||
   * site.config["excerpt_separator"]).to_s`, memoized), that renders as a post's excerpt does.
   */
  replaceExcerpt(): void {
    const separator = (this.memoizedSeparator ??= this.excerptSeparator);
    this.excerpt = new Excerpt(this, extractExcerpt(this.content, separator, () => warnExcerptModified(this, separator)));
    this.excerptReplaced = true;
  }

  /**
   * A page whose excerpt jekyll-relative-links replaced (`data["excerpt"] = Jekyll::Excerpt.new(page)`
   * for any Markdown page with one: an `excerpt:`, from front matter or `defaults`, or a
   * PageExcerpt) makes Jekyll 4.3.1 stop as soon as the page's Hash is made, which its render
   * always does: Excerpt#render_with_liquid? asks the page for `yaml_file?`, private in Page,
   * unless the page says `render_with_liquid: false` (test/conformance/ERRORS.md, case 50).
   */
  assertExcerptRenders(): void {
    if (!this.excerptReplaced || this.data.render_with_liquid === false) return;
    throw new BuildError(`undefined method \`yaml_file?' for #<Jekyll::Page @relative_path=${JSON.stringify(this.relativePath)}> (NoMethodError)`, {
      file: this.path ? this.site.displayPath(this.path) : this.relativePath,
      hint: "jekyll-relative-links gives a Markdown page that has an excerpt (an `excerpt:`, or `page_excerpts: true`) a post's excerpt, which Jekyll cannot render: remove the page's `excerpt:`, or list the page in `relative_links: exclude`.",
    });
  }

  /**
   * Page#generate_excerpt, which Jekyll 4.3 runs in Page#initialize of a Jekyll::Page proper (a page
   * read from a file, a jekyll-paginate copy; not a PageWithoutAFile or another plugin's subclass:
   * the callers decide) when the site sets `page_excerpts: true`, an opt-in Jekyll calls
   * experimental: `page.excerpt` is then the page's first paragraph (up to the excerpt separator),
   * rendered as a post's excerpt is, on first use. Page#initialize runs it before the page's data
   * falls back to `defaults`, so the separator (`excerpt_separator`, memoized), the permalink that
   * decides whether the page is HTML, and an `excerpt:` that keeps the generated one out (`||=`)
   * are the front matter's (else the site's setting); a `defaults` excerpt does not count then.
   */
  generateExcerpt(): void {
    if (!truthy(this.site.config.page_excerpts)) return;
    const own = this.frontMatter;
    const separator = (this.memoizedSeparator = excerptSeparatorOf(own, this.site.config));
    if (separator === "") return;
    if (!HTML_EXTENSIONS.has(this.site.converters.outputExtFor(this.ext, own.permalink))) return;
    if (truthy(own.excerpt)) return;
    this.excerpt = new Excerpt(this, extractExcerpt(this.content, separator, () => warnExcerptModified(this, separator)));
    this.placeExcerptKey();
  }
}
