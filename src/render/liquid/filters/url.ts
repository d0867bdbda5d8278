// Jekyll's URLFilters: relative_url, absolute_url, strip_index.
import type { LiquidHost } from "../host.js";
import { isAbsoluteUri, normalizeUri } from "../../../ruby/uri.js";
import { rubyStrip } from "../../../ruby/strings.js";
import { inspect, rubyClass, toS } from "../../../ruby/values.js";
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
 * kept (`cache[input] ||= …`), and Site#reset never clears them. It lives on the build's config
 * object, which the passes of a plugin that builds once per language copy, so that a later pass
 * gets what an earlier one computed, with the earlier pass's baseurl (jekyll-multiple-languages-
 * plugin's passes run on one Site; polyglot's forks, whose baseurl is the same, see the same URLs).
 */
function filterCache(config: Record<string | symbol, any>): FilterCache {
  let cache = config[FILTER_CACHE] as FilterCache | undefined;
  if (!cache) {
    cache = { relative: new Map(), absolute: new Map() };
    Object.defineProperty(config, FILTER_CACHE, { value: cache, enumerable: true, configurable: true });
  }
  return cache;
}

export function urlFilters(host: LiquidHost): FilterTable {
  return {
    relative_url(input) {
      if (typeof input !== "string") return relativeUrl(input, host.config);
      const cache = filterCache(host.config).relative;
      let r = cache.get(input);
      if (r === undefined) cache.set(input, (r = relativeUrl(input, host.config)));
      return r;
    },
    absolute_url(input) {
      if (typeof input !== "string") return absoluteUrl(input, host.config);
      const cache = filterCache(host.config).absolute;
      let r = cache.get(input);
      if (r === undefined) cache.set(input, (r = absoluteUrl(input, host.config)));
      return r;
    },
    strip_index(input) {
      if (input === null || input === undefined || toS(input) === "") return null;
      // `input.sub(…)`: only a String has sub.
      const s = stringOnly(input, (v) => `undefined method 'sub' for ${inspect(v)}:${rubyClass(v)}`, Error);
      // Ruby's `$` is end of line, hence the m flag.
      return s.replace(/\/index\.html?$/m, "/");
    },
  };
}
