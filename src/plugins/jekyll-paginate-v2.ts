// jekyll-paginate-v2 3.0 (AutoPages: jekyll-paginate-v2-autopages.ts): pages with
// `pagination: {enabled: true}` in their front matter are replaced by numbered copies listing a
// collection's documents, configured by the site's `pagination:` and the page's own.
// Not a GitHub Pages plugin, but academic themes (al-folio…) use it. Behaviour read from the
// gem's source and pinned by test/unit/plugins/paginate-v2.test.ts against real Jekyll output.
//
// Quirks kept: the defaults sort oldest first (`sort_reverse: false`); `offset` drops documents
// from the end of that ascending list; a page's URL keeps its `index.html` (`/blog/page2/index.html`); the template leaves site.pages and the copies go to its end;
// a copy is named ".html" whatever the template was (so an index.md is not converted);
// even without documents one page is written; setting the old `paginate:` key fails the build.
import { BuildError } from "../errors.js";
import { deepMerge, isPlainObject } from "../config/merge.js";
import type { GenerateContext } from "./api.js";
import type { Document } from "../site/document.js";
import { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { compareStrings, spaceship } from "../ruby/values.js";
import { createAutopages } from "./jekyll-paginate-v2-autopages.js";
import { toS } from "./shared/liquid.js";
import { rubySplit } from "../ruby/strings.js";
import { PRIORITY, registerPlugin } from "./registry.js";

type Obj = Record<string, any>;

export const DEFAULTS: Obj = {
  enabled: false, collection: "posts", offset: 0, per_page: 10, permalink: "/page:num/", title: ":title - page :num",
  page_num: 1, sort_reverse: false, sort_field: "date", limit: 0, trail: { before: 0, after: 0 },
  indexpage: null, extension: "html", debug: false, legacy: false,
};

const toI = (v: unknown) => { const m = /^\s*[-+]?\d+/.exec(toS(v)); return m ? Number.parseInt(m[0], 10) : 0; };
const truthy = (v: unknown) => v !== null && v !== undefined && v !== false;
/** Utils.format_page_number: the first `:num` and the first `:max`. */
export const formatPageNumber = (s: string, n: number, total: number) => s.replace(":num", String(n)).replace(":max", String(total));
const ensureTrailingSlash = (s: string) => (s.endsWith("/") ? s : `${s}/`);
/** Utils.ensure_full_path. */
function ensureFullPath(url: string, index: string, ext: string): string {
  if (url.endsWith("/")) return url + index + ext;
  if (!url.includes(".")) return url + index;
  return url;
}
/** File.join of two parts: one `/` at the joint. */
const fileJoin = (a: string, b: string) => `${a.replace(/\/+$/, "")}/${b.replace(/^\/+/, "")}`;

/** PaginationIndexer.index_posts_by: key (lower-cased, split at `;`, `,` and spaces in strings) → documents. */
export function indexBy(docs: Document[], key: string): Map<string, Document[]> {
  const index = new Map<string, Document[]>();
  for (const doc of docs) {
    let value = doc.data[key];
    if (value === undefined || value === null || toS(value).trim() === "" || (Array.isArray(value) && value.length === 0)) continue;
    if (typeof value === "string") value = rubySplit(value, /;|,|\s/);
    for (const item of [value].flat()) {
      for (const part of rubySplit(toS(item).toLowerCase().trim(), /;|,/)) {
        const k = part.toLowerCase().trim();
        const list = index.get(k) ?? [];
        list.push(doc);
        index.set(k, list);
      }
    }
  }
  return index;
}

/** read_config_value_and_filter_posts: keep documents in every listed category (tag, locale). */
function filterBy(config: Obj, key: string, docs: Document[], index: Map<string, Document[]>): Document[] {
  const value = config[key];
  if (value === undefined || value === null) return docs;
  const keys = typeof value === "string" ? rubySplit(value, /;|,/) : [value].flat();
  let out = docs;
  for (const k of keys) {
    const set = new Set(index.get(toS(k).toLowerCase().trim()) ?? []);
    out = out.filter((d) => set.has(d));
  }
  return out;
}

/** Utils.sort_get_post_data: a `a:b` path into the data; hashes and missing keys are nil. */
function sortValue(data: Obj, field: string): unknown {
  let v: unknown = data;
  for (const part of field.split(":")) {
    const k = part.toLowerCase().trim();
    if (!isPlainObject(v) || !(k in (v as Obj))) return null;
    v = (v as Obj)[k];
  }
  return isPlainObject(v) ? null : (v ?? null);
}

/** Utils.sort_values: nil first, strings without case, the rest by Ruby's <=>. */
function compareValues(a: unknown, b: unknown): number {
  const an = a === null || a === undefined, bn = b === null || b === undefined;
  if (an && !bn) return -1;
  if (!an && bn) return 1;
  if (typeof a === "string" && typeof b === "string") return compareStrings(a.toLowerCase(), b.toLowerCase());
  return spaceship(a, b) ?? 0;
}

function collectionDocs(site: Site, names: unknown): Document[] {
  const list = typeof names === "string" ? rubySplit(names, /;|,|\s/) : [names].flat().map(toS);
  let docs: Document[] = [];
  for (const raw of list) {
    const name = raw.toLowerCase().trim();
    if (name === "all") {
      for (const [label, c] of site.collections) if (label !== "posts") docs.push(...c.docs.filter((d) => !("pagination" in d.data)));
    } else {
      const c = site.collections.get(name);
      if (c) docs.push(...c.docs.filter((d) => !("pagination" in d.data)));
    }
  }
  docs = docs.filter((d) => !truthy(d.data.hidden));
  return docs;
}

/**
 * Jekyll's LiquidRenderer keeps one parsed template per file path for the whole build
 * (LiquidRenderer::File#parse: `cache[filename] ||= Liquid::Template.parse(content)`), and every
 * PaginationPage has the same path: its name, `indexpage` + `extension` (".html" by default), with
 * no folder. So of the pages sharing that path, the first rendered (site.pages order) whose content
 * has Liquid fixes the content every later one with Liquid renders: with two pagination templates
 * (say index.html and news/index.md), the second one's pages show the first one's content (with
 * their own paginator and data). A regular page whose path is that name (index.html with
 * `indexpage: index`) takes part too. Pages without Liquid skip the cache (AutoPage copies have no
 * content).
 */
class SharedLiquidPath {
  private readonly first = new Map<string, { content: string; lineOffset: number; path: string | null }>();
  private readonly scanned = new Set<string>();
  constructor(private readonly site: Site, private readonly templates: Set<Page>) {}

  /** The content a new copy renders: its own, or the first one with Liquid at its path. */
  source(key: string, copy: { content: string; lineOffset: number; path: string | null; data: Obj }): { content: string; lineOffset: number; path: string | null } {
    const withLiquid = copy.data.render_with_liquid !== false && (copy.content.includes("{%") || copy.content.includes("{{"));
    if (!withLiquid) return copy;
    if (!this.scanned.has(key)) {
      this.scanned.add(key);
      // Regular pages come before every copy in site.pages (the copies go to its end).
      const page = this.site.pages.find((p) => !p.pager && !this.templates.has(p) && p.pathForLiquid === key && p.renderWithLiquid);
      if (page) this.first.set(key, { content: page.content, lineOffset: page.lineOffset, path: page.path });
    }
    const found = this.first.get(key);
    if (found) return found;
    this.first.set(key, copy);
    return copy;
  }
}

function paginate(site: Site, ctx: GenerateContext, template: Page, config: Obj, shared: SharedLiquidPath): void {
  let docs = collectionDocs(site, config.collection);
  const categories = indexBy(docs, "categories");
  categories.set("posts", docs);
  docs = filterBy(config, "category", docs, categories);
  docs = filterBy(config, "tag", docs, indexBy(collectionDocs(site, config.collection), "tags"));
  docs = filterBy(config, "locale", docs, indexBy(collectionDocs(site, config.collection), "locale"));
  if (truthy(config.sort_field)) {
    const field = toS(config.sort_field);
    for (const d of docs) void d.date; // Document#date fills in a missing date, as the gem's loop does.
    docs = [...docs].sort((a, b) => compareValues(sortValue(a.data, field), sortValue(b.data, field)));
    const offset = Math.max(0, toI(config.offset));
    if (offset > 0) docs = docs.slice(0, Math.max(0, docs.length - offset));
    if (truthy(config.sort_reverse)) docs.reverse();
  }
  const perPage = toI(config.per_page);
  let totalPages = perPage > 0 ? Math.ceil(docs.length / perPage) : docs.length > 0 ? Infinity : 0;
  const limit = toI(config.limit);
  if (truthy(config.limit) && limit > 0 && limit < totalPages) totalPages = limit;
  if (!Number.isFinite(totalPages)) totalPages = 1;
  site.pages = site.pages.filter((p) => p !== template);
  const indexName = config.indexpage === null || config.indexpage === undefined ? "" : toS(config.indexpage).split(".")[0]!;
  const indexExt = config.extension === null || config.extension === undefined ? "" : toS(config.extension).startsWith(".") ? toS(config.extension) : `.${toS(config.extension)}`;
  const indexWithExt = indexName + indexExt;
  if (totalPages === 0) totalPages = 1;
  const permalink = template.data.permalink;
  const firstUrl = ensureTrailingSlash(truthy(permalink) ? toS(permalink) : template.dir);
  const pagedUrl = fileJoin(firstUrl, toS(config.permalink));
  const pages: Page[] = [];
  for (let n = 1; n <= totalPages; n++) {
    const pager = paginator(config, firstUrl, pagedUrl, docs, n, totalPages, indexName, indexExt, (d) => ctx.drops.document(d));
    const data: Obj = deepMerge(template.data, {});
    data.pagination_info = { curr_page: n, total_pages: totalPages };
    if (truthy(permalink)) data.permalink = pager.page_path;
    // The site's title is read only for a template without one (jekyll-github-metadata's fallback
    // for it may fail when read).
    const baseTitle = truthy(template.data.title) ? template.data.title : site.config.title;
    data.title = n > 1 && "title" in config
      ? formatPageNumber(toS(config.title).replace(":title", toS(baseTitle)), n, totalPages)
      : baseTitle;
    if (n > 1) data.autogen = "jekyll-paginate-v2";
    // PaginationPage names itself after `indexpage` + `extension`: ".html" by default, a name
    // with no extension (so no converter runs and page.name/page.path are ".html", as in Jekyll).
    // An AutoPage's content is not copied (it renders through its layout alone); its `autopage`
    // data is offered to templates as `autopages`.
    const isAutopage = truthy(template.data.autopage);
    if (isAutopage && isPlainObject(template.data.autopage) && "display_name" in template.data.autopage) data.autopages = deepMerge(template.data.autopage, {});
    const own = { content: isAutopage ? "" : template.content, lineOffset: template.lineOffset, path: template.path, data };
    const key = "path" in data && data.path != null ? toS(data.path) : indexWithExt;
    const src = shared.source(key, own);
    const page = new Page(site, "", indexWithExt, data, src.content, src.lineOffset, src.path);
    const path = pager.page_path as string;
    page.url = path.endsWith("/") ? fileJoin(path, indexWithExt) : path.endsWith(indexExt) ? path : path + indexExt;
    page.pager = pager;
    site.pages.push(page);
    pages.push(page);
  }
  const trail = isPlainObject(config.trail) ? config.trail : null;
  if (trail && pages.length > 1) {
    const before = Math.max(toI(trail.before), 0), after = Math.max(toI(trail.after), 0);
    const length = before + after + 1;
    if (before > 0 || after > 0) {
      for (const p of pages) {
        let start = Math.max(p.pager!.page - before - 1, 0);
        const end = Math.min(start + length, pages.length);
        if (end - start < length) start = Math.max(start - (length - (end - start)), 0);
        p.pager!.page_trail = pages.slice(start, end).map((q, i) => ({ num: start + i + 1, path: q.pager!.page_path, title: q.data.title }));
      }
    }
  }
}

/** Paginator#to_liquid: these keys in this order. */
function paginator(config: Obj, firstUrl: string, pagedUrl: string, docs: Document[], n: number, total: number, indexName: string, indexExt: string, drop: (d: Document) => Obj): Obj {
  const perPage = toI(config.per_page);
  const init = (n - 1) * perPage;
  const thisUrl = ensureFullPath(n === 1 ? firstUrl : pagedUrl, indexName === "" ? "index" : indexName, indexExt === "" ? ".html" : indexExt);
  let first = firstUrl, paged = pagedUrl;
  if (indexName !== "") {
    first = ensureFullPath(firstUrl, indexName, indexExt);
    paged = ensureFullPath(pagedUrl, indexName, indexExt);
  }
  const previous = n !== 1 ? n - 1 : null;
  const next = n !== total ? n + 1 : null;
  return {
    per_page: perPage,
    posts: docs.slice(init, Math.min(init + perPage, docs.length)).map(drop),
    total_posts: docs.length,
    total_pages: total,
    page: n,
    page_path: formatPageNumber(thisUrl, n, total),
    previous_page: previous,
    previous_page_path: n === 1 ? null : n === 2 ? formatPageNumber(first, 1, total) : formatPageNumber(paged, previous!, total),
    next_page: next,
    next_page_path: n !== total ? formatPageNumber(paged, next!, total) : null,
    first_page: 1,
    first_page_path: formatPageNumber(first, 1, total),
    last_page: total,
    last_page_path: formatPageNumber(paged, total, total),
    page_trail: null,
  };
}

function generate(site: Site, ctx: GenerateContext): void {
  createAutopages(site, DEFAULTS);
  const siteConfig = isPlainObject(site.config.pagination) ? site.config.pagination : {};
  const config = deepMerge(DEFAULTS, siteConfig);
  if (site.config.paginate !== undefined && site.config.paginate !== null) {
    // The gem's compatibility mode for the old key expired in 2018 and now stops the build.
    if (site.config.pagination !== undefined && site.config.pagination !== null) {
      throw new BuildError("The new jekyll-paginate-v2 and the old jekyll-paginate logic cannot both be configured in the site config at the same time. Please disable the old 'paginate:' config settings by either omitting the values or setting them to 'paginate:off'.");
    }
    throw new BuildError("Legacy jekyll-paginate configuration compatibility mode has expired. Please upgrade to jekyll-paginate-v2 configuration.", { hint: "Use `pagination:` settings instead of `paginate:` with jekyll-paginate-v2." });
  }
  if (!truthy(config.enabled)) {
    site.logger.info("Pagination:", "Disabled in site.config.");
    return;
  }
  const templates = site.pages.filter((p) => isPlainObject(p.data.pagination) && truthy(p.data.pagination.enabled));
  if (templates.length === 0) {
    site.logger.warn("Pagination:", "Is enabled, but I couldn't find any pagination page. Skipping pagination. Pages must have 'pagination: enabled: true' in their front-matter for pagination to work.");
    // The gem's model returns nil here, and the logger closes up the empty count's two spaces.
    site.logger.info("Pagination:", "Complete, processed pagination page(s)");
    return;
  }
  const shared = new SharedLiquidPath(site, new Set(templates));
  for (const template of templates) {
    const pageConfig = deepMerge(config, template.data.pagination);
    if (pageConfig.title_suffix !== undefined && pageConfig.title_suffix !== null) {
      if (pageConfig.title === undefined || pageConfig.title === null) pageConfig.title = `:title${toS(pageConfig.title_suffix)}`;
      delete pageConfig.title_suffix;
    }
    if (truthy(pageConfig.enabled)) paginate(site, ctx, template, pageConfig, shared);
  }
  site.logger.info("Pagination:", `Complete, processed ${templates.length} pagination page(s)`);
}

registerPlugin({ name: "jekyll-paginate-v2", priority: PRIORITY.lowest, generate });
