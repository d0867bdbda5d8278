// jekyll-default-layout 0.1.5: Markdown pages and posts without a layout get one by convention.
// Spec: test/conformance/PLUGINS.md §13.
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { PRIORITY, registerPlugin } from "./registry.js";

/** `home` for the site root, `page` for pages, `post` for posts, else `default` — each only if that layout exists. */
export function defaultLayoutFor(site: Site, item: Page | Document): string | null {
  const has = (name: string) => site.layouts.has(name);
  if (item.url === "/" && has("home")) return "home";
  if (item.kind === "page" && has("page")) return "page";
  if (item.kind === "document" && item.collection.label === "posts" && has("post")) return "post";
  if (has("default")) return "default";
  return null;
}

function generate(site: Site): void {
  const items: Array<Page | Document> = [...site.pages, ...site.posts.docs];
  for (const item of items) {
    const ext = item.kind === "page" ? item.ext : item.extname;
    if (site.converters.kindFor(ext) !== "markdown") continue;
    // `to_liquid.key?("layout")`: a `layout: null` (front matter or defaults) counts as set.
    const liquid = item.kind === "page" ? item.liquidData : item.data;
    if ("layout" in liquid) continue;
    const layout = defaultLayoutFor(site, item);
    item.data.layout = layout;
    if (item.kind === "page") item.liquidData.layout = layout;
  }
}

registerPlugin({ name: "jekyll-default-layout", priority: PRIORITY.lowest, generate });
