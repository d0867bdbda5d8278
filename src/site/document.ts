// A Document: a file in a collection (`_posts`, `_drafts`, or a custom `_label`) that has front
// matter (posts need none). Mirrors Jekyll::Document: categories from folders, date and slug from
// the file name, title from the slug, `defaults` merged under the front matter, URL from the
// collection's permalink template.
import fs from "node:fs";
import { ReleasableOutput } from "./released-output.js";
import pathlib from "node:path";
import { BuildError } from "../errors.js";
import { deepMerge, isPlainObject } from "../config/merge.js";
import { datePlaceholders } from "./calendar.js";
import { detached } from "./strings.js";
import { rubyDowncase } from "../ruby/strings.js";
import type { Collection } from "./collection.js";
import { dateDependsOnNow, parseDate } from "./parse-date.js";
import { hasRubyKeys, inspect, kernelArray, noteRubyKey, rubyClass, rubyKeyOf, shareRubyKeys, toS, truthy } from "../ruby/values.js";
import { relativeTo } from "./paths.js";
import type { Site } from "./site.js";
import { emptySlugWarning, slugify, titleizeSlug } from "./slugify.js";
import { JekyllTime } from "../ruby/time.js";
import { destinationRelative } from "../write/contain.js";
import { makeUrl, permalinkTypeError, unescapePath, urlFromDrop } from "./url.js";
import type { Page } from "./page.js";

export const DATE_FILENAME = /^(?:.+\/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$/;
export const DATELESS_FILENAME = /^(?:.+\/)*(.*)(\.[^.]+)$/;

/**
 * Utils.deep_merge_hashes!(data, other), in place: the document owns its `data` (nothing else
 * holds it while the reader fills it), so the four merges of a read need not copy it each time.
 * Same result as `data = deepMerge(data, other)`: keys keep their places, new ones are appended.
 */
function mergeInto(data: Record<string, any>, other: Record<string, any>): void {
  const typed = hasRubyKeys(other);
  for (const [k, v] of Object.entries(other)) {
    // A front matter key that is not a String (`7:`) stays typed (src/ruby/values.ts, noteRubyKey).
    if (typed && !Object.hasOwn(data, k)) noteRubyKey(data, k, rubyKeyOf(other, k));
    if ((v === null || v === undefined) && k in data) continue;
    data[k] = isPlainObject(data[k]) && isPlainObject(v) ? deepMerge(data[k], v) : v;
  }
}

/** The line of a top-level `key:` in a file's front matter (only read to locate an error). */
function frontMatterKeyLine(file: string, key: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split(/\r?\n/);
  if (!/^---\s*$/.test(lines[0] ?? "")) return undefined;
  for (let i = 1; i < lines.length && !/^(?:---|\.\.\.)\s*$/.test(lines[i]!); i++) {
    if (lines[i]!.startsWith(`${key}:`)) return i + 1;
  }
  return undefined;
}

/**
 * Document#excerpt_separator and Page#excerpt_separator: `(data["excerpt_separator"] ||
 * config["excerpt_separator"]).to_s`, so `false` falls back to the site's.
 */
export function excerptSeparatorOf(data: Record<string, unknown>, config: Record<string, unknown>): string {
  const own = data.excerpt_separator;
  return toS(truthy(own) ? own : config.excerpt_separator);
}

/** Utils.pluralized_array_from_hash: the singular key wins; a string plural is split on spaces. */
function pluralized(data: Record<string, any>, singular: string, plural: string): unknown[] {
  let value: unknown = data[singular];
  if (value === undefined || value === null) {
    const v = data[plural];
    if (typeof v === "string") value = v.split(/\s+/).filter(Boolean);
    else if (Array.isArray(v)) value = v.filter((x) => x !== null && x !== undefined);
    else value = undefined;
  }
  // `[value].flatten.compact`. (Without a flat(Infinity) where nothing is nested: the usual list
  // of names, or none, asks for no flattening, and this runs for every document.)
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [value];
  if (!value.some(Array.isArray)) return value.filter(isPresent);
  return value.flat(Infinity).filter(isPresent);
}

function isPresent(x: unknown): boolean {
  return x !== null && x !== undefined;
}

/**
 * Jekyll::Excerpt, a document's; or Jekyll::PageExcerpt, a page's (only with `page_excerpts: true`,
 * Page#generateExcerpt). Both render on first use, with a payload of their own (Renderer#run).
 */
export class Excerpt {
  readonly kind = "excerpt" as const;
  output: string | null = null;
  constructor(
    readonly doc: Document | Page,
    /** The excerpt's Markdown/HTML source, before rendering. */
    readonly content: string,
  ) {}
  get data(): Record<string, any> {
    const d = { ...this.doc.data };
    delete d.layout;
    delete d.excerpt;
    return d;
  }
  get relativePath(): string {
    return `${this.doc.relativePath}/#excerpt`;
  }
}

export class Document {
  readonly kind = "document" as const;
  readonly extname: string;
  readonly relativePath: string;
  readonly basename: string;
  readonly basenameWithoutExt: string;
  data: Record<string, any> = {};
  content = "";
  lineOffset = 0;
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
  excerpt: Excerpt | null = null;
  readonly isDraft: boolean;
  private cachedUrl: string | undefined;
  /** The content as read (the renderer replaces `content` with the converted one). */
  private sourceContent = "";
  /**
   * What this document was made of depends on the build's "now" (`site.time`): a date that is
   * not complete, or none at all. serve does not keep such a document between rebuilds (`adopt`).
   */
  private nowDependent = false;
  /** The front matter's date, when populate compared it with the site's time (populateTitle). */
  private comparedWithSiteTime: number | undefined;

  constructor(
    /** The Site being built; serve moves a kept document to the next rebuild's (`adopt`). */
    public site: Site,
    /** Absolute source path. */
    readonly path: string,
    public collection: Collection,
    /** For drafts, the source file's mtime (a draft's default date). */
    private readonly mtime?: JekyllTime,
  ) {
    this.extname = pathlib.extname(this.path);
    this.relativePath = relativeTo(site.collectionsPath, this.path).split(pathlib.sep).join("/");
    this.basename = pathlib.basename(this.path);
    this.basenameWithoutExt = pathlib.basename(this.path, this.extname);
    this.isDraft = collection.label === "posts" && !this.relativePath.includes(collection.relativeDirectory);
    // Document#draft? stores its answer in the data, so every document has `draft`.
    this.data.draft = this.isDraft;
    this.categoriesFromPath(this.isDraft ? "_drafts" : collection.relativeDirectory);
  }

  /** Document#merge_data!: categories union, deep merge, date parsed. */
  mergeData(other: Record<string, any>, source: string): void {
    const o = { ...other };
    shareRubyKeys(other, o);
    if ("categories" in o && o.categories !== null && o.categories !== undefined) {
      if (typeof o.categories === "string") o.categories = o.categories.split(/\s+/).filter(Boolean);
      if (Array.isArray(this.data.categories) && Array.isArray(o.categories)) {
        o.categories = [...new Set([...this.data.categories, ...o.categories])];
      }
    }
    mergeInto(this.data, o);
    // Document#merge_date!: the date is read again (Utils.parse_date of its to_s) after every
    // merge, whatever it merged (the categories and tags too). A `date:` left empty is nil, whose
    // to_s is "": not a date, so Jekyll stops, as it does for any text Ruby's Time.parse rejects.
    // Each reading of a Time's to_s drops its fraction of a second and the seconds of its offset
    // (`-0456` for New York's -4:56:02 before 1883): a post dated `1800-03-01` there is at
    // 23:59:56 the day before after Jekyll's three readings. A whole-second time at a
    // whole-minute offset reads back as itself, so that one is not read again.
    if ("date" in o || ("date" in this.data && !readsBackUnchanged(this.data.date))) {
      if (dateDependsOnNow(this.data.date)) this.nowDependent = true;
      let parsed: JekyllTime | undefined;
      try {
        parsed = parseDate(this.data.date, this.site.zone, this.site.time.epochMs);
      } catch (e) {
        // (A year past what build-site's dates hold: its message, at the document's date.)
        if (e instanceof BuildError && e.file === undefined) {
          throw new BuildError(e.message, { file: this.site.displayPath(this.path), line: source === "YAML front matter" ? frontMatterKeyLine(this.path, "date") : undefined, hint: e.hint, cause: e });
        }
        throw e;
      }
      if (!parsed) {
        throw new BuildError(`Invalid date '${toS(this.data.date)}': Document '${this.relativePath}' does not have a valid date in the ${source}.`, {
          file: this.site.displayPath(this.path),
          line: source === "YAML front matter" ? frontMatterKeyLine(this.path, "date") : undefined,
          hint: "Write the date as Ruby's Time.parse reads it, e.g. 2024-05-30, 2024-05-30 14:05:00 +0800 or May 30, 2024.",
        });
      }
      this.data.date = parsed;
    }
  }

  private categoriesFromPath(specialDir: string): void {
    let superdirs: string[] = [];
    if (!this.relativePath.startsWith(specialDir)) {
      const idx = this.relativePath.indexOf(specialDir);
      const rest = idx >= 0 ? this.relativePath.slice(0, idx) : this.relativePath;
      superdirs = rest.split("/").filter((c) => c !== "" && c !== specialDir && c !== this.basename);
    }
    this.mergeData({ categories: superdirs }, "file path");
  }

  /**
   * Document#read after the file's text is known. `readPostData` false is Jekyll after a front
   * matter that did not parse: Document#read's rescue skips read_post_data, so the document keeps
   * its defaults but takes no title, slug, date, categories, tags or excerpt from its name or body.
   */
  populate(frontMatter: Record<string, any> | null, content: string, lineOffset: number, readPostData = true): void {
    const defaults = this.site.frontMatterDefaults.isEmpty
      ? {}
      : this.site.frontMatterDefaults.all(this.relativePath, this.collection.label);
    if (Object.keys(defaults).length) {
      const refused = categoriesUnionError(this.data.categories, defaults.categories);
      if (refused) {
        this.defaultsUnread(refused, defaults);
        return;
      }
      this.mergeData(defaults, "front matter defaults");
    }
    this.content = content;
    this.sourceContent = content;
    this.lineOffset = lineOffset;
    if (frontMatter) {
      const refused = categoriesUnionError(this.data.categories, frontMatter.categories);
      if (refused) {
        // Document#read's rescue (handle_read_error): Jekyll logs the error and goes on without
        // this front matter and without read_post_data; strict_front_matter makes it fatal.
        const error = new BuildError(`could not read the front matter: ${refused}`, {
          file: this.site.displayPath(this.path),
          line: frontMatterKeyLine(this.path, "categories"),
          hint: "categories: is a list (categories: [a, b]) or a string of space-separated names (categories: a b).",
        });
        if (this.site.config.strict_front_matter) throw error;
        this.site.logger.warn("Error:", `${error.location}: ${error.message}`);
        this.site.logger.warn("", "The file is built without its front matter, as Jekyll does. Fix the categories, or set strict_front_matter: true to stop the build on such files.");
        return;
      }
      this.mergeData(frontMatter, "YAML front matter");
    }
    if (!readPostData) return;
    this.populateTitle();
    // Document#populate_categories: `Array(categories) + pluralized(…)`, each element's to_s
    // before the flatten (so a nested list is its inspect, `["a", "b"]`, nil is "", a Hash its
    // inspect), then uniq; merge_data! then unions that with the raw list.
    const categories = [...kernelArray(this.data.categories), ...pluralized(this.data, "category", "categories")].map((c) => toS(c));
    this.mergeData({ categories: [...new Set(categories)] }, "YAML front matter");
    this.mergeData({ tags: pluralized(this.data, "tag", "tags") }, "YAML front matter");
    if (this.excerptSeparator !== "") this.excerpt = new Excerpt(this, extractExcerpt(this.content, this.excerptSeparator, () => warnExcerptModified(this)));
  }

  /**
   * Document#read when merge_defaults fails, as merge_categories! does for defaults whose
   * `categories:` is no String or list (`Array#|`: TypeError), before the file is read: the
   * rescue (handle_read_error) logs "could not read file", fatal with strict_front_matter, and the
   * document goes on with no content (nil), no front matter, no read_post_data. Its data is the
   * path's categories; the defaults are still what `data`'s default_proc answers (the layout, a
   * permalink, published) but no key Liquid sees (DocumentDrop asks key?): here they are the data's
   * prototype. A post without content is dropped (PostReader#processable?); another collection's
   * document is written, empty but for its layout.
   */
  private defaultsUnread(refused: string, defaults: Record<string, any>): void {
    const error = new BuildError(`could not read the file: ${refused}, from the front matter defaults`, {
      file: this.site.displayPath(this.path),
      hint: "A defaults set's categories: is a list (categories: [a, b]) or a string of space-separated names (categories: a b): every document it applies to is skipped (a post) or written empty, as Jekyll does.",
    });
    if (this.site.config.strict_front_matter) throw error;
    this.site.logger.warn("Error:", `${error.location}: ${error.message}`);
    const { categories: _refused, ...fallback } = defaults;
    Object.setPrototypeOf(this.data, fallback);
    this.contentNil = true;
    this.content = "";
    this.sourceContent = "";
    this.lineOffset = 0;
  }

  /** Document#read left the content nil (defaultsUnread): PostReader drops such a post. */
  contentNil = false;

  /**
   * Document#read for a `.yml`/`.yaml` document: the data is the file's first YAML document and
   * nothing else (no defaults, no title or date from the name, not even `draft` or the path's
   * categories: Jekyll replaces its data hash), and there is no content, so nothing is rendered
   * and the written file is empty. (A post like that is then dropped: PostReader skips documents
   * whose content is nil.)
   */
  populateYamlFile(data: unknown): void {
    for (const k of Object.keys(this.data)) delete this.data[k];
    if (data && typeof data === "object" && !Array.isArray(data)) Object.assign(this.data, data);
    this.content = "";
    this.sourceContent = "";
    this.lineOffset = 0;
  }

  private populateTitle(): void {
    let slug: string | undefined;
    let ext: string | undefined;
    const d = DATE_FILENAME.exec(this.relativePath);
    if (d) {
      slug = d[2];
      ext = d[3];
      if (this.data.date instanceof JekyllTime) {
        this.comparedWithSiteTime = this.data.date.epochMs;
        if (this.data.date.epochMs === this.site.time.epochMs) this.nowDependent = true;
      }
      if (!this.data.date || (this.data.date instanceof JekyllTime && this.data.date.epochMs === this.site.time.epochMs)) {
        this.mergeData({ date: d[1] }, "filename");
      }
    } else {
      const m = DATELESS_FILENAME.exec(this.relativePath);
      if (m) {
        slug = m[1];
        ext = m[2];
      }
    }
    slug = (slug ?? this.basenameWithoutExt).replace(/\.*$/, "");
    // Ruby's `data["title"] ||= …`: only nil and false are replaced; `title: ""` and `title: 0` stay.
    const unset = (v: unknown) => v === undefined || v === null || v === false;
    if (unset(this.data.title)) this.data.title = titleizeSlug(slug);
    if (unset(this.data.slug)) this.data.slug = slug;
    if (unset(this.data.ext)) this.data.ext = ext;
  }

  /** Document#date: front matter or file name, else a draft's mtime, else the site time. */
  get date(): JekyllTime {
    if (!(this.data.date instanceof JekyllTime)) {
      if (!(this.isDraft && this.mtime)) this.nowDependent = true;
      this.data.date = this.isDraft && this.mtime ? this.mtime : this.site.time;
    }
    return this.data.date;
  }

  /**
   * serve --watch: takes this document, read by an earlier build from a file that has not changed
   * since, into `site` (the next rebuild's), as if it had just been read — the same data, URL and
   * excerpt, its source content back, nothing rendered. False when it cannot be: what it was made
   * of depends on the build's time. Only for builds whose generators and hooks leave documents
   * as read (read/source-cache.ts decides), since what they would change is not undone here.
   */
  adopt(site: Site, collection: Collection): boolean {
    if (this.nowDependent) return false;
    if (this.comparedWithSiteTime !== undefined && this.comparedWithSiteTime === site.time.epochMs) return false;
    if (collection.label !== this.collection.label) return false;
    this.site = site;
    this.collection = collection;
    this.content = this.sourceContent;
    this.output = null;
    if (this.excerpt) this.excerpt.output = null;
    this.index = -1;
    return true;
  }

  get outputExt(): string {
    return this.site.converters.outputExtFor(this.extname, this.permalink);
  }

  /** Front matter `permalink`: one that is no String (`permalink: 2020`) stops Jekyll in URL#generate_url_from_drop's gsub (NoMethodError). */
  get permalink(): unknown {
    const permalink = this.site.permalinkOf(this.data);
    if (truthy(permalink) && typeof permalink !== "string") throw permalinkTypeError(permalink, "gsub", this.site.displayPath(this.path));
    return permalink;
  }

  get cleanedRelativePath(): string {
    return this.relativePath
      .slice(0, this.relativePath.length - this.extname.length)
      .replace(this.collection.relativeDirectory, "")
      .replace(/\.*$/, "");
  }

  /**
   * Utils.slugify's warning, for the permalink placeholders that slugify (see emptySlugWarning),
   * naming the document (Jekyll does not, and prints it when the URL is first asked for).
   */
  private readonly warnEmptySlug = (input: string): void =>
    this.site.logger.warn("Warning:", `${emptySlugWarning(input)} (in the URL of ${this.relativePath})`);

  /**
   * The `slug` the :title and :slug placeholders slugify (UrlDrop#title, #slug): nil, or text.
   * Utils.slugify calls String#gsub on it, so any other value (`slug: 42`, `slug: true`, a date)
   * stops Jekyll's build with a NoMethodError where a permalink uses them; build-site stops too,
   * at the slug.
   */
  private slugText(): string | null {
    const slug = this.data.slug;
    if (slug === null || slug === undefined || typeof slug === "string") return slug ?? null;
    // (Ruby names the receiver by its inspect, and its class unless the inspect is a `#<…>`.)
    const receiver = inspect(slug).startsWith("#<") ? inspect(slug) : `${inspect(slug)}:${rubyClass(slug)}`;
    throw new BuildError(`slug: ${inspect(slug)} is no text: Jekyll's Utils.slugify fails on it (undefined method \`gsub' for ${receiver})`, {
      file: this.site.displayPath(this.path),
      line: frontMatterKeyLine(this.path, "slug"),
      hint: `Quote the slug (slug: ${JSON.stringify(toS(slug))}): the permalink's :title and :slug are made from text.`,
    });
  }

  /** Drops::UrlDrop: what each `:placeholder` of a permalink template means for this document. */
  private placeholder(key: string, dates: () => Record<string, string>): string | null | undefined {
    switch (key) {
      case "collection": return this.collection.label;
      case "output_ext": return this.outputExt;
      case "path": return this.cleanedRelativePath;
      case "name": return slugify(this.basenameWithoutExt, "default", false, this.warnEmptySlug);
      case "title":
        return slugify(this.slugText(), "pretty", true, this.warnEmptySlug) ?? slugify(this.basenameWithoutExt, "pretty", true, this.warnEmptySlug);
      case "slug":
        return slugify(this.slugText(), "default", false, this.warnEmptySlug) ?? slugify(this.basenameWithoutExt, "default", false, this.warnEmptySlug);
      // UrlDrop#categories / #slugified_categories: each of `Array(categories)` by its to_s
      // (nil gives "", a nested list its inspect), so `categories: [a, null]` makes `/a/`.
      case "categories":
        return [...new Set(kernelArray(this.data.categories).map((c: unknown) => rubyDowncase(toS(c))))].join("/");
      case "slugified_categories":
        return [...new Set(kernelArray(this.data.categories).map((c: unknown) => slugify(toS(c), "default", false, this.warnEmptySlug)))].join("/");
      default: {
        const parts = dates();
        return key in parts ? parts[key] : undefined;
      }
    }
  }

  get url(): string {
    if (this.cachedUrl === undefined) this.cachedUrl = this.makeUrl(() => this.date);
    return this.cachedUrl;
  }

  /**
   * The URL from the permalink, the dates taken from `dateOf`. Document#url reads Document#date,
   * which sets a dateless draft's `data["date"]` (its file's mtime) on first call; peekDestinationPath
   * works the same URL out without that.
   */
  private makeUrl(dateOf: () => JekyllTime): string {
    try {
      // The date parts are worked out once per URL, not once per `:year`, `:month`, `:day`…
      let dates: Record<string, string> | undefined;
      const datesOnce = () => (dates ??= datePlaceholders(dateOf()));
      // The collection's template is read only for a document without a permalink of its own: a
      // collection's `permalink: false` (no template) fails only those (URL#initialize's ArgumentError).
      const permalink = this.permalink;
      return makeUrl(typeof permalink === "string" ? permalink : this.collection.urlTemplate, permalink, (t) => urlFromDrop(t, (k) => this.placeholder(k, datesOnce)));
    } catch (e) {
      // (A located error of this document's own, as slugText's, stays as it is.)
      if (e instanceof BuildError && e.file !== undefined) throw e;
      throw new BuildError(`${(e as Error).message}`, { file: this.site.displayPath(this.path), hint: "Use only the placeholders Jekyll knows, e.g. :year, :month, :day, :title, :slug, :categories, :path." });
    }
  }

  /**
   * The destination path, worked out without asking the document for its date: the writer checks
   * every path before rendering, when Jekyll has not asked a dateless draft for its date yet (with
   * `future: true` nothing does while reading). Asking would set it early, and SiteDrop#posts,
   * which sorts with the dates set by the time a template first lists the posts, would then place
   * the draft by date where Jekyll places it by path. Computed each time, nothing kept.
   */
  peekDestinationPath(): string {
    if (this.cachedUrl !== undefined || this.data.date instanceof JekyllTime) return this.destinationPath;
    return this.destinationFor(this.makeUrl(() => {
      if (!(this.isDraft && this.mtime)) this.nowDependent = true;
      return this.isDraft && this.mtime ? this.mtime : this.site.time;
    }));
  }

  get id(): string {
    const url = this.url;
    const slug = String(this.data.slug ?? this.basenameWithoutExt);
    if (this.idMemo?.url !== url || this.idMemo.slug !== slug) {
      this.idMemo = { url, slug, id: pathlib.posix.join(pathlib.posix.dirname(url), slug) };
    }
    return this.idMemo.id;
  }
  private idMemo: { url: string; slug: string; id: string } | undefined;

  /** Output path relative to the destination; the writer asks several times, so it is kept per URL and permalink. */
  get destinationPath(): string {
    const url = this.url;
    const permalink = this.permalink;
    const memo = this.destinationMemo;
    if (memo && memo.url === url && memo.permalink === permalink) return memo.path;
    const p = this.destinationFor(url);
    this.destinationMemo = { url, permalink, path: p };
    return p;
  }

  /** Document#destination: Site#in_dest_dir (Jekyll.sanitized_path) keeps the decoded URL inside. */
  private destinationFor(url: string): string {
    let p = destinationRelative(this.site.dest, unescapePath(url));
    if (url.endsWith("/")) p = p ? `${p}/index.html` : "index.html";
    else if (!p.endsWith(this.outputExt)) p += this.outputExt;
    return p;
  }
  private destinationMemo: { url: string; permalink: unknown; path: string } | undefined;

  /** Publisher#can_be_published?: `data.fetch("published", true)`, nil (an empty `published:`) hiding it as false does. */
  get published(): boolean {
    return !("published" in this.data) || truthy(this.data.published);
  }

  /** Publisher#publish?: published (or --unpublished) and not in the future (or --future). */
  get publishable(): boolean {
    return (this.published || this.site.unpublished) && !this.hiddenInTheFuture;
  }

  get hiddenInTheFuture(): boolean {
    return !this.site.future && Math.floor(this.date.epochMs / 1000) > Math.floor(this.site.time.epochMs / 1000);
  }

  get write(): boolean {
    return this.collection.write && this.publishable;
  }

  get isAsset(): boolean {
    return this.extname === ".sass" || this.extname === ".scss" || this.extname === ".coffee";
  }

  get isYaml(): boolean {
    return this.extname === ".yaml" || this.extname === ".yml";
  }

  get placeInLayout(): boolean {
    return !(this.isAsset || this.isYaml || this.data.layout === "none");
  }

  get renderWithLiquid(): boolean {
    if (this.data.render_with_liquid === false) return false;
    if (this.extname === ".coffee" || this.isYaml) return false;
    return this.content.includes("{%") || this.content.includes("{{");
  }

  get excerptSeparator(): string {
    return excerptSeparatorOf(this.data, this.site.config);
  }

  /** Position in the collection, for `page.next` / `page.previous`. */
  index = -1;

  get nextDoc(): Document | undefined {
    return this.index >= 0 ? this.collection.docs[this.index + 1] : undefined;
  }

  get previousDoc(): Document | undefined {
    return this.index > 0 ? this.collection.docs[this.index - 1] : undefined;
  }
}

/**
 * Excerpt#print_build_warning, word for word. `separator`: the one the excerpt was cut at, when it
 * is not the item's current one (a page's excerpt keeps what Page#excerpt_separator memoized).
 */
export function warnExcerptModified(doc: Document | Page, separator = doc.excerptSeparator): void {
  const warn = (topic: string, message: string) => doc.site.logger.warn(topic, message);
  warn("Warning:", `Excerpt modified in ${doc.relativePath}!`);
  warn("", `Found a Liquid block containing the excerpt separator ${inspect(separator)}.`);
  warn("", "The block has been modified with the appropriate closing tag.");
  warn("", "Feel free to define a custom excerpt or excerpt_separator in the");
  warn("", "document's Front Matter if the generated excerpt is unsatisfactory.");
}

const LIQUID_TAG = /{%-?\s*(\w+)\s*.*?-?%}/gs;
const LINK_REF = /^ {0,3}(?:(\[[^\]]+\])(:.+))$/gm;
const LIQUID_BLOCKS = new Set(["if", "unless", "for", "case", "capture", "comment", "raw", "tablerow", "highlight", "ifchanged"]);

/**
 * Excerpt#extract_excerpt: text before the separator, open Liquid blocks closed, link definitions
 * kept. `onModified` is called when a block was closed (where Jekyll prints "Excerpt modified").
 */
export function extractExcerpt(content: string, separator: string, onModified?: () => void): string {
  const idx = content.indexOf(separator);
  if (idx < 0) return content;
  let head = content.slice(0, idx);
  const tail = content.slice(idx + separator.length);
  // The excerpt outlives the document's source text, which it must not keep alive (strings.ts).
  if (tail === "") return detached(head);
  if (head.includes("{%")) {
    const names = [...head.matchAll(LIQUID_TAG)].map((m) => m[1]!);
    let modified = false;
    for (const name of names.reverse()) {
      if (!LIQUID_BLOCKS.has(name)) continue;
      if (new RegExp(`{%-?\\s*end${name}.*?\\s*-?%}`, "s").test(head)) continue;
      head += `\n{% end${name} %}`;
      modified = true;
    }
    if (modified) onModified?.();
  }
  const defs: string[] = [];
  // A link definition line contains "]:"; most bodies have none, and LINK_REF is costly to scan.
  if (tail.includes("]:")) for (const m of tail.matchAll(LINK_REF)) if (head.includes(m[1]!)) defs.push(m[1]! + m[2]!);
  return detached(defs.length === 0 ? head : `${head}\n\n${defs.join("\n")}`);
}

/** Whether Utils.parse_date of the value's to_s is the same Time: a Time of whole seconds, at a whole-minute offset, within a Date's range. */
function readsBackUnchanged(value: unknown): boolean {
  return value instanceof JekyllTime && !value.dateOnly && !value.utc && value.cycles === 0 && value.subMs === "" &&
    value.epochMs % 1000 === 0 && Number.isInteger(value.offsetMinutes);
}

/**
 * The TypeError of Document#merge_categories!, null when there is none: front matter categories
 * that are no String (split into a list) and no Array, united with the document's list
 * (`data["categories"] | other["categories"]`): Ruby's Array#| takes no Hash, number or boolean.
 */
function categoriesUnionError(current: unknown, incoming: unknown): string | null {
  if (!Array.isArray(current) || incoming === null || incoming === undefined || typeof incoming === "string" || Array.isArray(incoming)) return null;
  const name = incoming === true || incoming === false ? String(incoming) : rubyClass(incoming);
  return `no implicit conversion of ${name} into Array (categories: ${inspect(incoming)})`;
}
