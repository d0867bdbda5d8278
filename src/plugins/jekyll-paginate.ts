// jekyll-paginate 1.1: splits `site.posts` over copies of an `index.html` page and gives them
// `paginator`. Spec: test/conformance/PLUGINS.md §5.
import path from "node:path";
import type { Document } from "../site/document.js";
import { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { sanitizeUrl } from "../site/url.js";
import type { GenerateContext } from "./api.js";
import { PRIORITY, registerPlugin } from "./registry.js";
import { BuildError } from "../errors.js";
import { inspect, RubyFloat, rubyClass, rubySort, truthy } from "../ruby/values.js";
import { compareDocuments } from "../site/collection.js";

/** `paginate_path` with `:num` (first occurrence) replaced, leading slash ensured (Pager.paginate_path). */
export function paginatePath(pattern: string, num: number): string {
  const s = pattern.replace(":num", String(num));
  return s.startsWith("/") ? s : `/${s}`;
}

/**
 * Pagination#template_page: among pages named exactly `index.html` (an index.md never
 * paginates) whose folder is the folder of `paginate_path` or one of its ancestors inside the
 * source, the one with the longest path.
 */
export function templatePage(pages: Page[], paginatePathPattern: string): Page | undefined {
  const target = path.posix.dirname(path.posix.normalize(`/${paginatePathPattern.replace(/^\/+/, "")}`).replace(/(.)\/+$/, "$1"));
  const ancestors = new Set<string>();
  for (let d = target; ; d = path.posix.dirname(d)) {
    ancestors.add(d);
    if (d === "/") break;
  }
  const candidates = pages.filter((p) => {
    if (p.name !== "index.html") return false;
    const dir = path.posix.dirname(path.posix.normalize(`/${p.relativePath}`));
    return ancestors.has(dir);
  });
  // Ruby's sort by path length, longest first (equal lengths: the first read, as sort_by is not stable).
  return candidates.sort((a, b) => b.relativePath.length - a.relativePath.length)[0];
}

interface PagerSpec {
  page: number;
  perPage: number;
  totalPages: number;
  posts: Document[];
  firstPageUrl: string;
  pattern: string;
}

/** Pager#to_liquid: exactly these keys, in this order. */
function pager(spec: PagerSpec, drop: (d: Document) => Record<string, any>): Record<string, any> {
  const { page, perPage, totalPages, posts } = spec;
  const pathOf = (n: number | null) => (n === null ? null : n <= 1 ? spec.firstPageUrl : paginatePath(spec.pattern, n));
  const init = (page - 1) * perPage;
  const previous = page !== 1 ? page - 1 : null;
  const next = page !== totalPages ? page + 1 : null;
  return {
    page,
    per_page: perPage,
    posts: posts.slice(init, Math.min(init + perPage, posts.length)).map(drop),
    total_posts: posts.length,
    total_pages: totalPages,
    previous_page: previous,
    previous_page_path: pathOf(previous),
    next_page: next,
    next_page_path: pathOf(next),
  };
}

/**
 * `site.config['paginate'].to_i`: String#to_i (leading digits), Integer and Float#to_i (toward
 * zero); a value without to_i (`paginate: true`, a list) stops the build with NoMethodError.
 */
function toI(v: unknown): number {
  if (typeof v === "string") {
    const m = /^\s*[-+]?\d+/.exec(v);
    return m ? Number.parseInt(m[0], 10) : 0;
  }
  if (v instanceof RubyFloat) return Math.trunc(v.value);
  if (typeof v === "number") return Math.trunc(v);
  if (typeof v === "bigint") return Number(v);
  // NoMethodError names the receiver by its inspect, and its class unless that inspect is `#<…>` (a Date).
  const receiver = inspect(v).startsWith("#<") ? inspect(v) : `${inspect(v)}:${rubyClass(v)}`;
  throw new BuildError(`jekyll-paginate: undefined method \`to_i' for ${receiver} (NoMethodError)`, {
    hint: `paginate is ${inspect(v)} in the config: give the number of posts per page, e.g. paginate: 5.`,
  });
}

function generate(site: Site, ctx: GenerateContext): void {
  const paginate = site.config.paginate;
  if (paginate === null || paginate === undefined || site.pages.length === 0) return;
  const pattern = String(site.config.paginate_path ?? "/page:num");
  const template = templatePage(site.pages, pattern);
  if (!template) {
    site.logger.warn("Pagination:", "Pagination is enabled, but I couldn't find an index.html page to use as the pagination template. Skipping pagination.");
    return;
  }
  const perPage = toI(paginate);
  // Pager.calculate_pages is `(posts.size.to_f / per_page).ceil`: a per_page of 0 divides to
  // Infinity (NaN without posts), whose ceil is Ruby's FloatDomainError; a negative one gives no
  // pages at all.
  if (perPage === 0) {
    throw new BuildError(`jekyll-paginate: ${site.posts.docs.filter((p) => !truthy(p.data.hidden)).length > 0 ? "Infinity" : "NaN"} (FloatDomainError)`, {
      hint: `paginate is ${inspect(paginate)} in the config, which makes 0 posts per page: give at least 1, or remove paginate to turn pagination off.`,
    });
  }
  // site.posts (newest first) without `hidden: true` posts: `site.site_payload['site']['posts']`,
  // i.e. SiteDrop#posts, which sorts again with the dates known now (jekyll-archives, a generator
  // of higher priority, may have asked an undated draft for its date by then).
  const posts = rubySort(site.posts.docs, (a, b) => compareDocuments(b, a)).filter((p) => !(p.data.hidden !== undefined && p.data.hidden !== null && p.data.hidden !== false));
  const totalPages = perPage > 0 ? Math.ceil(posts.length / perPage) : 0;
  const drop = (d: Document) => ctx.drops.document(d);
  const firstPageUrl = template.url;
  for (let n = 1; n <= totalPages; n++) {
    const spec: PagerSpec = { page: n, perPage, totalPages, posts, firstPageUrl, pattern };
    if (n === 1) {
      template.pager = pager(spec, drop);
      continue;
    }
    // A copy of the template read again from the same file, moved to the formatted path. Its
    // `page.path` stays the template's. Jekyll's Page#url lets a front matter permalink win, so
    // a paginated page with a permalink lands on the template's URL (as in Jekyll).
    const copy = new Page(site, template.sourceDir, template.name, template.frontMatter, template.content, template.lineOffset, template.path);
    // Pagination#paginate makes the copy with Page.new: a page of its own (page_excerpts too).
    copy.generateExcerpt();
    copy.pager = pager(spec, drop);
    const dir = paginatePath(pattern, n);
    copy.url = template.permalink !== undefined && template.permalink !== null ? template.url : sanitizeUrl(`/${dir}/`);
    site.pages.push(copy);
  }
}

registerPlugin({ name: "jekyll-paginate", priority: PRIORITY.lowest, generate });
