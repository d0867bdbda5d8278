// Jekyll's URLFilters: relative_url, absolute_url, strip_index.
import type { LiquidHost } from "../host.js";
import { isAbsoluteUri, normalizeUri } from "../../../ruby/uri.js";
import { rubyStrip } from "../../../ruby/strings.js";
import { inspect, rubyClass, toS } from "../../../ruby/values.js";
import { siteLifetime } from "../../../site/lifetime.js";
import { stringOnly } from "./standard.js";
import type { FilterTable } from "./types.js";

function ensureLeadingSlash(s: string): string {
  return s === "" || s.startsWith("/") ? s : `/${s}`;
}

/** Addressable's InvalidURIError for a scheme, with the "what to do" line of a build error. */
export class InvalidSchemeError extends Error {
  hint = "relative_url and absolute_url read the text before the first ':' as a URL scheme, as Jekyll (Addressable) does: give them a path or a full URL. A Hash or an Array reaches them as its Ruby inspect text.";
  constructor(scheme: string) {
    super(`Invalid scheme format: '${scheme}'`);
  }
}

/**
 * `Addressable::URI.parse(s).absolute?`. Addressable strips the text first (Ruby's whitespace and
 * NUL) and takes whatever precedes the first `:` (with no `/`, `?` or `#` before it) as the scheme,
 * failing on one that is not a scheme: "2025-05-30 10:00" fails the build in Jekyll.
 */
function parsesAbsolute(s: string): boolean {
  const stripped = rubyStrip(s);
  const scheme = /^([^:/?#]+):/.exec(stripped)?.[1];
  if (scheme !== undefined && !/^[a-z][a-z0-9.+-]*$/i.test(scheme)) throw new InvalidSchemeError(scheme);
  return isAbsoluteUri(stripped);
}

export function relativeUrl(input: unknown, config: Record<string, any>): string | null {
  if (input === null || input === undefined) return null;
  const s = toS(input);
  if (parsesAbsolute(s)) return s;
  const base = config.baseurl === null || config.baseurl === undefined ? "" : toS(config.baseurl).replace(/\/$/, "");
  // Addressable::URI.parse strips the joined text too: `' 42 '` is `/base/%2042`.
  return normalizeUri(rubyStrip(ensureLeadingSlash(base) + ensureLeadingSlash(s)));
}

export function absoluteUrl(input: unknown, config: Record<string, any>): string | null {
  if (input === null || input === undefined) return null;
  const s = toS(input);
  if (parsesAbsolute(s)) return s;
  const siteUrl = config.url;
  if (siteUrl === null || siteUrl === undefined || siteUrl === "") return relativeUrl(s, config);
  return normalizeUri(rubyStrip(toS(siteUrl) + relativeUrl(s, config)));
}

const FILTER_CACHE = Symbol("Site#filter_cache");
type FilterCache = { relative: Map<string, string | null>; absolute: Map<string, string | null> };

/**
 * Site#filter_cache: `relative_url` and `absolute_url` of a String are computed once per Site and
 * kept (`cache[input] ||= …`); Site#reset never clears them, so with a plugin that builds once per
 * language on one Site a later pass gets what an earlier one computed, with the earlier pass's
 * baseurl (src/site/lifetime.ts).
 */
function filterCache(config: Record<string | symbol, any>): FilterCache {
  return siteLifetime(config, FILTER_CACHE, () => ({ relative: new Map(), absolute: new Map() }));
}

/** `filter(input)` through the Site's cache of that filter, for a String input (Site#filter_cache). */
function cachedFilter(which: keyof FilterCache, filter: (input: unknown, config: Record<string, any>) => string | null, input: unknown, config: Record<string, any>): string | null {
  if (typeof input !== "string") return filter(input, config);
  const cache = filterCache(config)[which];
  let r = cache.get(input);
  if (r === undefined) cache.set(input, (r = filter(input, config)));
  return r;
}

/** The `relative_url` filter, Site#filter_cache included: also what Ruby plugins that mix in URLFilters get (jekyll-relative-links). */
export function cachedRelativeUrl(input: unknown, config: Record<string, any>): string | null {
  return cachedFilter("relative", relativeUrl, input, config);
}

/** The `absolute_url` filter, Site#filter_cache included: also what Ruby plugins that mix in URLFilters get (jekyll-redirect-from's RedirectPage). */
export function cachedAbsoluteUrl(input: unknown, config: Record<string, any>): string | null {
  return cachedFilter("absolute", absoluteUrl, input, config);
}

export function urlFilters(host: LiquidHost): FilterTable {
  return {
    relative_url: (input) => cachedRelativeUrl(input, host.config),
    absolute_url: (input) => cachedAbsoluteUrl(input, host.config),
    strip_index(input) {
      if (input === null || input === undefined || toS(input) === "") return null;
      // `input.sub(…)`: only a String has sub.
      const s = stringOnly(input, (v) => `undefined method 'sub' for ${inspect(v)}:${rubyClass(v)}`, Error);
      // Ruby's `$` is end of line, hence the m flag.
      return s.replace(/\/index\.html?$/m, "/");
    },
  };
}
