// Jekyll's PageWithoutAFile: a page that plugins add (jekyll-feed's feeds, jekyll-sitemap's files,
// redirects), with no source file; its URL comes from the path it is given.
import path from "node:path";
import { Page } from "./page.js";
import type { Site } from "./site.js";

/**
 * A page at `urlPath` ("/feed/news.xml", "robots.txt"), with `data` as its front matter (the
 * site's `defaults` fill in the rest, as for any page) and `content` as its template.
 */
export function pageWithoutAFile(site: Site, urlPath: string, data: Record<string, any>, content: string): Page {
  const clean = `/${urlPath}`.replace(/\/+/g, "/");
  const dir = path.posix.dirname(clean);
  return new Page(site, dir === "/" ? "" : dir, path.posix.basename(clean), data, content, 0, null);
}
