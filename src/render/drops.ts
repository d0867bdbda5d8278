// What Liquid sees: `site`, `page` and friends as Jekyll's drops expose them. Values are computed
// on access (getters), because Jekyll's are too: `post.content` is the raw text before that post
// is rendered and its HTML after, and `post.excerpt` renders the excerpt when first read.
import { JEKYLL_VERSION } from "../config/defaults.js";
import { deepMerge } from "../config/merge.js";
import type { Collection } from "../site/collection.js";
import type { Document, Excerpt } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import type { StaticFile } from "../site/static-file.js";

export interface DropContext {
  /** Renders (once) and returns a document's excerpt HTML. */
  excerptOutput(excerpt: Excerpt): string;
}

type Obj = Record<string, any>;

/**
 * Dependency token: the page read the content or output of a document other than itself. (It
 * also gets `content:<label>`; `collection:<label>` is for the documents' URLs and data.)
 */
export const OTHER_CONTENT = "other-content";

function defineLazy(target: Obj, key: string, get: () => unknown, enumerable = true): void {
  Object.defineProperty(target, key, { get, enumerable, configurable: true });
}

/** Keys Jekyll leaves out of next/previous when it writes a document as JSON (DocumentDrop#collapse_document). */
const NESTED_BLACKLIST = new Set(["content", "output", "excerpt", "next", "previous"]);

function plainCopy(drop: Obj, nested: boolean): Obj {
  const out: Obj = {};
  for (const k of Object.keys(drop)) {
    if (nested && NESTED_BLACKLIST.has(k)) continue;
    const v = drop[k];
    out[k] = (k === "next" || k === "previous") && v ? plainCopy(v, true) : v;
  }
  return out;
}

export class Drops {
  private readonly docDrops = new WeakMap<Document, Obj>();
  private readonly pageDrops = new WeakMap<Page, Obj>();
  private readonly staticDrops = new WeakMap<StaticFile, Obj>();
  private readonly excerptDrops = new WeakMap<Excerpt, Obj>();
  private siteDropCache: Obj | undefined;
  /** The document being rendered: `site.related_posts` depends on it. */
  current: Page | Document | Excerpt | null = null;
  readonly jekyll: Obj;

  constructor(
    private readonly site: Site,
    private readonly ctx: DropContext,
  ) {
    const environment = process.env.JEKYLL_ENV || "development";
    this.jekyll = { version: JEKYLL_VERSION, environment };
  }

  private track(token: string): void {
    this.site.dependencyTracker?.(token);
  }

  document(doc: Document): Obj {
    let d = this.docDrops.get(doc);
    if (d) return d;
    d = {};
    this.docDrops.set(doc, d);
    const drop = d;
    for (const k of Object.keys(doc.data)) {
      if (k === "excerpt") continue;
      defineLazy(drop, k, () => doc.data[k]);
    }
    defineLazy(drop, "collection", () => doc.collection.label);
    defineLazy(drop, "excerpt", () => {
      if (this.current !== doc) this.track(`content:${doc.collection.label}`);
      const e = doc.data.excerpt;
      if (e !== undefined && e !== null) return String(e);
      return doc.excerpt ? this.ctx.excerptOutput(doc.excerpt) : "";
    });
    defineLazy(drop, "name", () => doc.data.name ?? doc.basename);
    defineLazy(drop, "id", () => doc.id);
    // Another document's content or output depends on whether it was rendered yet (Jekyll's
    // render order); parallel rendering needs to know when a page reads one.
    const otherContent = () => {
      if (this.current === doc) return;
      this.track(OTHER_CONTENT);
      this.track(`content:${doc.collection.label}`);
    };
    defineLazy(drop, "output", () => { otherContent(); return doc.output; });
    defineLazy(drop, "content", () => { otherContent(); return doc.content; });
    defineLazy(drop, "relative_path", () => doc.relativePath);
    defineLazy(drop, "path", () => doc.relativePath);
    defineLazy(drop, "url", () => doc.url);
    defineLazy(drop, "date", () => doc.date);
    defineLazy(drop, "title", () => doc.data.title);
    defineLazy(drop, "categories", () => doc.data.categories);
    defineLazy(drop, "tags", () => doc.data.tags);
    // No neighbour is a fact about the collection too: one may be added later.
    const none = () => { this.track(`collection:${doc.collection.label}`); return null; };
    defineLazy(drop, "next", () => (doc.nextDoc ? this.neighbour(doc.nextDoc) : none()));
    defineLazy(drop, "previous", () => (doc.previousDoc ? this.neighbour(doc.previousDoc) : none()));
    Object.defineProperty(drop, "toJSON", { value: () => plainCopy(drop, false), enumerable: false });
    Object.defineProperty(drop, "toString", { value: () => doc.output ?? doc.content, enumerable: false });
    return drop;
  }

  /**
   * `page.next` / `page.previous`: the neighbour's drop, recording a dependency on the collection
   * only when one of its values is read. liquidjs probes every value for `.next` (is it an
   * iterator?), which would otherwise make every document depend on its whole collection.
   */
  private neighbour(doc: Document): Obj {
    let view = this.neighbourViews.get(doc);
    if (!view) {
      const token = `collection:${doc.collection.label}`;
      view = new Proxy(this.document(doc), {
        get: (target, key, receiver) => {
          this.track(token);
          return Reflect.get(target, key, receiver);
        },
      });
      this.neighbourViews.set(doc, view);
    }
    return view;
  }

  private readonly neighbourViews = new WeakMap<Document, Obj>();

  excerpt(excerpt: Excerpt): Obj {
    let d = this.excerptDrops.get(excerpt);
    if (d) return d;
    const docDrop = this.document(excerpt.doc);
    d = Object.create(null) as Obj;
    for (const k of Object.keys(docDrop)) {
      if (k === "layout") continue;
      defineLazy(d, k, () => docDrop[k]);
    }
    defineLazy(d, "content", () => excerpt.content);
    defineLazy(d, "output", () => excerpt.output);
    defineLazy(d, "excerpt", () => null);
    defineLazy(d, "layout", () => excerpt.doc.data.layout);
    defineLazy(d, "id", () => `${excerpt.doc.id}#excerpt`);
    defineLazy(d, "path", () => `${excerpt.doc.relativePath}/#excerpt`);
    this.excerptDrops.set(excerpt, d);
    return d;
  }

  /** Convertible#to_liquid for pages: data with defaults, plus content, dir, excerpt, name, path, url. */
  page(page: Page): Obj {
    let d = this.pageDrops.get(page);
    if (d) return d;
    d = {};
    const drop = d;
    for (const k of Object.keys(page.liquidData)) defineLazy(drop, k, () => page.liquidData[k]);
    defineLazy(drop, "content", () => { if (this.current !== page) this.track("content:pages"); return page.content; });
    defineLazy(drop, "dir", () => page.dir);
    defineLazy(drop, "excerpt", () => (page.data.excerpt === undefined || page.data.excerpt === null ? null : String(page.data.excerpt)));
    defineLazy(drop, "name", () => page.name);
    defineLazy(drop, "path", () => page.pathForLiquid);
    defineLazy(drop, "url", () => page.url);
    Object.defineProperty(drop, "toJSON", { value: () => plainCopy(drop, false), enumerable: false });
    this.pageDrops.set(page, d);
    return d;
  }

  staticFile(file: StaticFile): Obj {
    let d = this.staticDrops.get(file);
    if (d) return d;
    d = {};
    const drop = d;
    defineLazy(drop, "name", () => file.name);
    defineLazy(drop, "extname", () => file.extname);
    defineLazy(drop, "modified_time", () => file.modifiedTime);
    defineLazy(drop, "basename", () => file.basename);
    defineLazy(drop, "path", () => file.relativePath);
    defineLazy(drop, "collection", () => file.collection?.label ?? null);
    for (const k of Object.keys(file.data)) if (!(k in drop)) defineLazy(drop, k, () => file.data[k]);
    this.staticDrops.set(file, d);
    return d;
  }

  item(x: Page | Document | StaticFile): Obj {
    if (x.kind === "page") return this.page(x);
    if (x.kind === "document") return this.document(x);
    return this.staticFile(x);
  }

  collection(c: Collection): Obj {
    const d: Obj = {};
    for (const k of Object.keys(c.metadata)) defineLazy(d, k, () => c.metadata[k]);
    defineLazy(d, "output", () => c.write);
    defineLazy(d, "label", () => c.label);
    defineLazy(d, "docs", () => c.docs.map((x) => this.document(x)));
    defineLazy(d, "files", () => c.files.map((x) => this.staticFile(x)));
    defineLazy(d, "directory", () => c.directory);
    defineLazy(d, "relative_directory", () => c.relativeDirectory);
    return d;
  }

  /** Site#post_attr_hash: tag/category → posts, newest first, keys in order of first appearance. */
  private postAttrHash(attr: "tags" | "categories"): Obj {
    const hash: Obj = {};
    for (const p of this.site.posts.docs) {
      const values = p.data[attr];
      if (!Array.isArray(values)) continue;
      for (const v of values) (hash[String(v)] ??= []).push(p);
    }
    for (const k of Object.keys(hash)) {
      hash[k] = (hash[k] as Document[]).slice().reverse().map((p) => this.document(p));
    }
    return hash;
  }

  /** The `site` variable: every config key, plus the site's contents. */
  siteDrop(): Obj {
    if (this.siteDropCache) return this.siteDropCache;
    const site = this.site;
    const d: Obj = { ...site.config };
    const once = <T>(fn: () => T) => {
      let v: T | undefined;
      let done = false;
      return () => {
        if (!done) { v = fn(); done = true; }
        return v;
      };
    };
    defineLazy(d, "time", () => site.time);
    const tracked = <T>(token: string, fn: () => T) => () => { this.track(token); return fn(); };
    defineLazy(d, "pages", tracked("pages", once(() => site.pages.map((p) => this.page(p)))));
    defineLazy(d, "posts", tracked("collection:posts", once(() => [...site.posts.docs].reverse().map((p) => this.document(p)))));
    defineLazy(d, "html_pages", tracked("pages", once(() => site.pages.filter((p) => p.isHtml || p.url.endsWith("/")).map((p) => this.page(p)))));
    defineLazy(d, "static_files", tracked("static", once(() => site.staticFiles.map((f) => this.staticFile(f)))));
    defineLazy(d, "documents", tracked("documents", once(() => site.documents.map((x) => this.item(x)))));
    defineLazy(d, "collections", tracked("documents", once(() => [...site.collections.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)).map((c) => this.collection(c)))));
    defineLazy(d, "data", tracked("data", () => site.config.data ?? site.data));
    defineLazy(d, "tags", tracked("collection:posts", once(() => this.postAttrHash("tags"))));
    defineLazy(d, "categories", tracked("collection:posts", once(() => this.postAttrHash("categories"))));
    defineLazy(d, "related_posts", () => {
      this.track("collection:posts");
      const cur = this.current;
      if (!cur || cur.kind !== "document") return null;
      return this.relatedPosts(cur);
    });
    for (const c of site.collections.values()) {
      if (c.label === "posts") continue;
      defineLazy(d, c.label, tracked(`collection:${c.label}`, once(() => c.docs.map((x) => this.document(x)))));
    }
    this.siteDropCache = d;
    return d;
  }

  /** RelatedPosts#most_recent_posts (no LSI): the ten newest other posts. */
  private relatedPosts(doc: Document): Obj[] {
    const docs = this.site.posts.docs;
    if (docs.length <= 1) return [];
    return docs.slice(-11).reverse().filter((p) => p !== doc).slice(0, 10).map((p) => this.document(p));
  }

  /** Layout data for `layout.*`: a child layout's keys win over its parents'. */
  static mergeLayoutData(layoutData: Obj, current: Obj | null): Obj {
    return deepMerge(layoutData, current ?? {});
  }
}
