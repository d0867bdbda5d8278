// Liquid's semantics for plugins that compute in TypeScript what a Jekyll plugin's Liquid template
// computes (jekyll-feed's feed.xml, jekyll-sitemap's sitemap.xml, jekyll-seo-tag's template): the
// very filter functions the engine uses, and Liquid's rules for looking up, testing and
// defaulting values, so the output is what the template would print.
import { dateFilters } from "../../render/liquid/filters/date.js";
import { jekyllFilters } from "../../render/liquid/filters/jekyll.js";
import { standardFilters } from "../../render/liquid/filters/standard.js";
import type { FilterTable } from "../../render/liquid/filters/types.js";
import { urlFilters } from "../../render/liquid/filters/url.js";
import type { LiquidHost } from "../../render/liquid/host.js";
import { hashFind, hasRubyKeys, isHash, outputS, plain, toS, truthy } from "../../ruby/values.js";

export { outputS, toS, truthy };
// Liquid's `contains` operator, for plugin templates ported to code (`unless x contains "://"`).
export { contains } from "../../render/liquid/operators.js";

/**
 * `a.b.c` as a Liquid variable lookup: a hash (or one of our drops, which are objects) gives its
 * key; anything else (a string, nil…) gives nil — `site.author.name` is nil when `site.author`
 * is a string.
 */
export function prop(value: unknown, ...keys: Array<string | number>): unknown {
  let v: unknown = value;
  for (const k of keys) {
    v = plain(v);
    if (typeof k === "number") v = Array.isArray(v) ? v[k < 0 ? v.length + k : k] : null;
    else if (isHash(v)) v = Object.prototype.hasOwnProperty.call(v, k) || k in v ? (v as Record<string, unknown>)[k] : null;
    else v = null;
    if (v === undefined) v = null;
  }
  return v === undefined ? null : v;
}

/**
 * `hash[key]` in a template (`site.data.authors[post_author]`), as Ruby's Hash#[] finds keys: by
 * type, so a String finds only a String key and an Integer only an Integer key (YAML's `5:` is an
 * Integer, `"5":` a String); an Array takes an Integer index; anything else gives nil.
 */
export function hashIndex(value: unknown, key: unknown): unknown {
  const v = plain(value);
  const k = plain(key);
  if (Array.isArray(v)) return typeof k === "number" && Number.isInteger(k) ? v[k < 0 ? v.length + k : k] ?? null : null;
  if (!isHash(v)) return null;
  if (hasRubyKeys(v)) {
    const found = hashFind(v, k);
    return found === undefined ? null : v[found] ?? null;
  }
  return typeof k === "string" && Object.prototype.hasOwnProperty.call(v, k) ? v[k] ?? null : null;
}

/** Liquid's `default` test: nil, false, and empty strings, arrays and hashes are blank. */
export function isBlank(v: unknown): boolean {
  v = plain(v);
  if (v === null || v === undefined || v === false) return true;
  if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
  if (isHash(v)) return Object.keys(v).length === 0;
  return false;
}

/** `value | default: fallback`. */
export function orDefault(value: unknown, fallback: unknown): unknown {
  return isBlank(value) ? fallback : value;
}

/**
 * Jekyll's and Liquid's filters, by the names templates use, as plain functions. Make one per
 * build (`filtersFor`): the URL filters cache their results for the config they first saw.
 */
export class Filters {
  private readonly table: FilterTable;

  constructor(host: LiquidHost) {
    this.table = { ...standardFilters(host.timezone), ...dateFilters(host), ...urlFilters(host), ...jekyllFilters(host) };
  }

  /** Applies one filter (the simple filters used here never read `this`). */
  apply(name: string, input: unknown, ...args: unknown[]): unknown {
    const fn = this.table[name];
    if (!fn) throw new Error(`no filter ${name}`);
    return fn.call({} as never, input, ...args);
  }

  str(name: string, input: unknown, ...args: unknown[]): string {
    return toS(this.apply(name, input, ...args));
  }

  xmlEscape = (v: unknown) => this.str("xml_escape", v);
  absoluteUrl = (v: unknown) => this.apply("absolute_url", v);
  relativeUrl = (v: unknown) => this.apply("relative_url", v);
  dateToXmlschema = (v: unknown) => this.str("date_to_xmlschema", v);
  smartify = (v: unknown) => this.str("smartify", v);
  markdownify = (v: unknown) => this.str("markdownify", v);
  stripHtml = (v: unknown) => this.str("strip_html", v);
  normalizeWhitespace = (v: unknown) => this.str("normalize_whitespace", v);
  escapeOnce = (v: unknown) => this.str("escape_once", v);
  uriEscape = (v: unknown) => this.apply("uri_escape", v);
  strip = (v: unknown) => this.str("strip", v);
  capitalize = (v: unknown) => this.str("capitalize", v);
}

/**
 * Liquid's VariableLookup of a markup word (`page.gist_var`, `site.owner`, `a[0]`): the parts
 * Liquid's variable parser scans out of it, looked up in the render scope. Words that are not
 * variables (`parkr/931c…`) look up nothing and give nil, as in Liquid.
 */
export function lookupWord(word: string, lookup: (path: string[]) => unknown): unknown {
  const parts = word.match(/\[[^\]]+\]|[\w-]+\??/g);
  if (!parts) return null;
  const keys = parts.map((p) => (p.startsWith("[") ? p.slice(1, -1).replace(/^(["'])(.*)\1$/, "$2") : p));
  const v = lookup(keys);
  return v === undefined ? null : v;
}

/**
 * Renders the `{{ variable }}` outputs inside a tag's markup (jekyll-avatar parses its markup as
 * a Liquid template). Only plain variable paths are supported — no filters: that is what sites
 * write there (`{% avatar {{ page.author }} %}`).
 */
export function renderMarkupOutputs(markup: string, lookup: (path: string[]) => unknown): string {
  return markup.replace(/\{\{-?\s*([^}]*?)\s*-?\}\}/g, (_m, expr: string) => outputS(lookupWord(expr, lookup)));
}

const perSite = new WeakMap<object, Filters>();

/** The Filters of one build (keyed by its Site), so cached URLs never outlive a config change in `serve`. */
export function filtersFor(site: object, host: LiquidHost): Filters {
  let f = perSite.get(site);
  if (!f) perSite.set(site, (f = new Filters(host)));
  return f;
}

