// The generate stage (Jekyll's Site#generate): the generators the build hands over add or change
// pages before rendering (pagination, redirects, feed, sitemap…), highest priority first. Which
// generators a site has is the build's business (plugins/enabled.ts); this stage names none.
import { pageWithoutAFile } from "../site/page-without-a-file.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";

/** What every generator is given to make pages with. */
export interface PageMaker {
  /** Jekyll's PageWithoutAFile: a page at `urlPath` ("/feed.xml") with `data` as its front matter and `content` as its template; push it onto `site.pages`. */
  pageWithoutAFile(urlPath: string, data: Record<string, any>, content: string): Page;
}

export interface Generator<Context> {
  /** Higher runs first; equal priorities keep the order given. Default normal (0). */
  readonly priority?: number;
  generate?(site: Site, context: Context & PageMaker): void;
}

/** Runs each generator on the site, by priority (a stable sort: equal ones keep their order). */
export function generate<Context extends object>(site: Site, generators: ReadonlyArray<Generator<Context>>, context: Context): void {
  const ordered = [...generators].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  const withPages: Context & PageMaker = { ...context, pageWithoutAFile: (urlPath, data, content) => pageWithoutAFile(site, urlPath, data, content) };
  for (const generator of ordered) generator.generate?.(site, withPages);
}
