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

export function urlFilters(host: LiquidHost): FilterTable {
  // Jekyll caches these per build for string inputs; the config does not change within a build.
  const relCache = new Map<string, string | null>();
  const absCache = new Map<string, string | null>();
  return {
    relative_url(input) {
      if (typeof input !== "string") return relativeUrl(input, host.config);
      let r = relCache.get(input);
      if (r === undefined) relCache.set(input, (r = relativeUrl(input, host.config)));
      return r;
    },
    absolute_url(input) {
      if (typeof input !== "string") return absoluteUrl(input, host.config);
      let r = absCache.get(input);
      if (r === undefined) absCache.set(input, (r = absoluteUrl(input, host.config)));
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
