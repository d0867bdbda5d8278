// Jekyll's URLFilters: relative_url, absolute_url, strip_index.
import type { LiquidHost } from "../host.js";
import { isAbsoluteUri, normalizeUri } from "../../../ruby/uri.js";
import { toS } from "../../../ruby/values.js";
import type { FilterTable } from "./types.js";

function ensureLeadingSlash(s: string): string {
  return s === "" || s.startsWith("/") ? s : `/${s}`;
}

export function relativeUrl(input: unknown, config: Record<string, any>): string | null {
  if (input === null || input === undefined) return null;
  const s = toS(input);
  if (isAbsoluteUri(s)) return s;
  const base = config.baseurl === null || config.baseurl === undefined ? "" : toS(config.baseurl).replace(/\/$/, "");
  return normalizeUri(ensureLeadingSlash(base) + ensureLeadingSlash(s));
}

export function absoluteUrl(input: unknown, config: Record<string, any>): string | null {
  if (input === null || input === undefined) return null;
  const s = toS(input);
  if (isAbsoluteUri(s)) return s;
  const siteUrl = config.url;
  if (siteUrl === null || siteUrl === undefined || siteUrl === "") return relativeUrl(s, config);
  return normalizeUri(toS(siteUrl) + relativeUrl(s, config));
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
      // Ruby's `$` is end of line, hence the m flag.
      return toS(input).replace(/\/index\.html?$/m, "/");
    },
  };
}
