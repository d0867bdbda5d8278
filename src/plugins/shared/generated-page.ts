// Pages that plugins add (jekyll-feed's feeds, jekyll-sitemap's files, redirects): Jekyll's
// PageWithoutAFile, a Page with no source file whose URL comes from the path it is given.
import fs from "node:fs";
import path from "node:path";
import { Page } from "../../site/page.js";
import type { Site } from "../../site/site.js";
import type { StaticFile } from "../../site/static-file.js";

/**
 * A page at `urlPath` ("/feed/news.xml", "robots.txt"), with `data` as its front matter (the
 * site's `defaults` fill in the rest, as for any page) and `content` as its template.
 */
export function generatedPage(site: Site, urlPath: string, data: Record<string, any>, content: string): Page {
  const clean = `/${urlPath}`.replace(/\/+/g, "/");
  const dir = path.posix.dirname(clean);
  const page = new Page(site, dir === "/" ? "" : dir, path.posix.basename(clean), data, content, 0, null);
  return page;
}

/**
 * Per-site state of a plugin (the Liquid engine outlives one Site in `serve`, so tags look their
 * state up by the Site they render).
 */
export class PerSite<T> {
  private readonly map = new WeakMap<Site, T>();
  constructor(private readonly make: () => T) {}
  get(site: Site): T {
    let v = this.map.get(site);
    if (v === undefined) this.map.set(site, (v = this.make()));
    return v;
  }
}

/**
 * `Jekyll::Page.new(site, base, dir, name)` for a file the reader took for a static file (no
 * front matter): jekyll-optional-front-matter and jekyll-readme-index turn those into pages.
 * The whole file is the content; `data` (e.g. a permalink) is its only front matter.
 */
export function pageFromStaticFile(site: Site, file: StaticFile, data: Record<string, any> = {}): Page {
  site.readFiles.add(file.path);
  // Jekyll reads with "bom|utf-8": a byte order mark is dropped.
  const text = fs.readFileSync(file.path, "utf8").replace(/^\uFEFF/, "");
  return new Page(site, file.dir, file.name, data, text, 0, file.path);
}
