// jekyll-redirect-from 0.16: `redirect_from` adds redirect pages, `redirect_to` turns a page or
// document into one, and `redirects.json` lists them all. Spec: test/conformance/PLUGINS.md §4.
import fs from "node:fs";
import path from "node:path";
import type { Document } from "../site/document.js";
import { Layout } from "../site/layout.js";
import { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { cachedAbsoluteUrl } from "../render/liquid/filters/url.js";
import { pageWithoutAFile } from "../site/page-without-a-file.js";
import { toS } from "./shared/liquid.js";
import { BuildError } from "../errors.js";
import { implicitName } from "../render/liquid/filters/standard.js";
import { inspect, isHash, noMethodMessage } from "../ruby/values.js";
import { registerPlugin } from "./registry.js";

/**
 * The plugin's built-in redirect layout, used when the site has no `_layouts/redirect.html`.
 * The target is printed unescaped (as the gem does: `&` stays raw).
 */
export const REDIRECT_LAYOUT = `<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="{{ page.redirect.to }}">
  <script>location="{{ page.redirect.to }}"</script>
  <meta http-equiv="refresh" content="0; url={{ page.redirect.to }}">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="{{ page.redirect.to }}">Click here if you are not redirected.</a>
</html>
`;

/** Where the built-in layout says it comes from (messages, template cache key): no such file exists in the site. */
const BUILT_IN_LAYOUT_PATH = "jekyll-redirect-from/redirect.html";

/** Redirectable#redirect_from: a string or a list, nils dropped. */
export function redirectFromList(value: unknown): unknown[] {
  return (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined);
}

/** Redirectable#redirect_to: a string, or the first non-nil entry of a list. */
export function redirectToValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.find((v) => v !== null && v !== undefined) ?? null;
  return value ?? null;
}

/**
 * Jekyll's ensure_leading_slash on a redirect_from entry: `input.empty? || input.start_with?("/")`,
 * so an entry YAML reads as no String (`redirect_from: 5`, `true`, a nested list) stops the build
 * with Ruby's NoMethodError (Array and Hash answer `empty?`, then fail on `start_with?`).
 */
function ensureLeadingSlash(from: unknown): string {
  if (typeof from !== "string") {
    const method = Array.isArray(from) || isHash(from) ? "start_with?" : "empty?";
    throw new BuildError(`jekyll-redirect-from: ${noMethodMessage(method, from)}`, {
      hint: `redirect_from holds ${inspect(from)}, which is not a String in YAML: quote the path, e.g. redirect_from: ["/${toS(from)}"].`,
    });
  }
  return from === "" || from.startsWith("/") ? from : `/${from}`;
}

/** RedirectPage#set_paths: `from` gets a leading slash; `to` is kept if it is http(s), else made absolute. */
export function redirectData(site: Site, from: unknown, to: unknown): Record<string, any> {
  const fromPath = ensureLeadingSlash(from);
  // `%r!^https?://!.match?(to)`: Regexp#match? takes only a String (`redirect_to: 42` stops the
  // build with Ruby's TypeError).
  if (typeof to !== "string") throw new BuildError(`jekyll-redirect-from: no implicit conversion of ${implicitName(to)} into String (TypeError)`, { hint: `redirect_to is ${inspect(to)}, which is not a String in YAML: quote the URL.` });
  const t = to;
  return {
    sitemap: false,
    layout: "redirect",
    permalink: fromPath,
    // RedirectPage mixes in URLFilters with a context whose site is the Site: Site#filter_cache applies.
    redirect: { from: fromPath, to: /^https?:\/\//.test(t) ? t : cachedAbsoluteUrl(t, site.config) },
  };
}

function generate(site: Site): void {
  if (!site.layouts.has("redirect")) {
    site.layouts.set("redirect", new Layout("redirect", BUILT_IN_LAYOUT_PATH, "_layouts/redirect.html", {}, REDIRECT_LAYOUT, 0));
  }
  const redirects: Record<string, unknown> = {};
  const docs: Document[] = [...site.collections.values()].flatMap((c) => c.docs.filter((d) => d.write));
  // Documents to write, then the pages as they are now (redirect pages added meanwhile are not visited).
  for (const item of [...docs, ...site.pages]) {
    const data = item.kind === "page" ? item.liquidData : item.data;
    for (const from of redirectFromList(data.redirect_from)) {
      // RedirectPage: a page named redirect.html whose permalink is the old path; empty content.
      const page = pageWithoutAFile(site, "redirect.html", redirectData(site, from, item.url), "");
      page.generated = true;
      page.mayShareDestination = true;
      site.pages.push(page);
      redirects[page.data.redirect.from] = page.data.redirect.to;
    }
    const to = redirectToValue(data.redirect_to);
    if (to === null || to === false) continue;
    // The item itself becomes the redirect: its data gains the redirect page's, its content is
    // emptied (a .md still goes through Markdown, which gives "\n") and only the redirect
    // layout wraps it.
    const extra = redirectData(site, item.url, to);
    item.data = { ...item.data, ...extra };
    if (item instanceof Page) item.liquidData = { ...item.liquidData, ...extra };
    item.content = "";
    redirects[extra.redirect.from] = extra.redirect.to;
  }
  const json = (site.config.redirect_from as Record<string, unknown> | undefined)?.json;
  if (json !== false && !fs.existsSync(path.join(site.source, "redirects.json"))) {
    const page = pageWithoutAFile(site, "redirects.json", { layout: null }, JSON.stringify(redirects));
    page.generated = true;
    site.pages.push(page);
  }
}

registerPlugin({ name: "jekyll-redirect-from", generate });
