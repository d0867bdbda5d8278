// What plugins share for the pages they add: per-site state, and pages made from files the reader
// took for static files. (A page with no file, Jekyll's PageWithoutAFile, is site/page-without-a-file.ts.)
import fs from "node:fs";
import { Page } from "../../site/page.js";
import type { Site } from "../../site/site.js";
import type { StaticFile } from "../../site/static-file.js";

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
  const page = new Page(site, file.dir, file.name, data, text, 0, file.path);
  page.generateExcerpt();
  return page;
}
