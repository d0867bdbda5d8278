// What the post-render plugins (jekyll-mentions, jemoji) rewrite: pages and written documents
// whose output is HTML (`output_ext == ".html"`, or a permalink ending in `/`).
import type { Document } from "../../site/document.js";
import type { Page } from "../../site/page.js";
import type { Site } from "../../site/site.js";

/** Rendered pages and written documents with HTML output; `optOutKey: false` in their data skips them. */
export function htmlOutputItems(site: Site, optOutKey?: string): Array<Page | Document> {
  const items: Array<Page | Document> = [...site.pages];
  for (const c of site.collections.values()) for (const d of c.docs) if (d.write) items.push(d);
  return items.filter((item) => {
    const permalink = item.permalink;
    const html = item.outputExt === ".html" || (typeof permalink === "string" && permalink.endsWith("/"));
    return html && item.output !== null && (optOutKey === undefined || item.data[optOutKey] !== false);
  });
}
