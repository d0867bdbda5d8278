// jekyll-sitemap 1.4: `/sitemap.xml` and `/robots.txt`. Spec: test/conformance/PLUGINS.md §2.
//
// Both are pages added by a :lowest generator, unless a page or static file already has their
// URL (checked by URL, against the pages and static files that exist when the generator runs).
// The sitemap's content is one private tag rendered at page-render time, printing what the
// plugin's minified template prints: every element on its own line, no indentation.

import type { PluginLiquidContext } from "./api.js";
import type { Site } from "../site/site.js";
import type { StaticFile } from "../site/static-file.js";
import { pageWithoutAFile } from "../site/page-without-a-file.js";
import { PerSite } from "./shared/generated-page.js";
import { Filters, filtersFor, orDefault, toS } from "./shared/liquid.js";
import { PRIORITY, registerPlugin } from "./registry.js";

type Obj = Record<string, any>;

interface SitemapSpec {
  /** Static files listed, as they were when the generator ran. */
  staticFiles: StaticFile[];
}

const SITEMAPS = new PerSite<SitemapSpec[]>(() => []);
const SITEMAP_TAG = "jekyll_sitemap_xml";
/** Only static files with exactly these extensions are listed (case-sensitive, as the gem's list). */
const STATIC_EXTENSIONS = new Set([".htm", ".html", ".xhtml", ".pdf"]);

function generate(site: Site): void {
  const urls = new Set<string>([...site.pages.map((p) => p.url), ...site.staticFiles.map((f) => f.url)]);
  if (!urls.has("/sitemap.xml")) {
    const specs = SITEMAPS.get(site);
    specs.push({ staticFiles: site.staticFiles.filter((f) => STATIC_EXTENSIONS.has(f.extname)) });
    const page = pageWithoutAFile(site, "sitemap.xml", { layout: null, xsl: urls.has("/sitemap.xsl") }, `{% ${SITEMAP_TAG} ${specs.length - 1} %}`);
    page.generated = true;
    site.pages.push(page);
  }
  if (!urls.has("/robots.txt")) {
    const page = pageWithoutAFile(site, "robots.txt", { layout: null }, '{% jekyll_sitemap_robots %}');
    page.generated = true;
    site.pages.push(page);
  }
}

/** `url | replace: '/index.html', '/' | absolute_url | xml_escape`. */
function loc(url: unknown, f: Filters): string {
  return f.xmlEscape(f.absoluteUrl(toS(url).split("/index.html").join("/")));
}

function urlEntry(location: string, lastmod: string | null): string {
  return `<url>\n<loc>${location}</loc>\n${lastmod === null ? "" : `<lastmod>${lastmod}</lastmod>\n`}</url>\n`;
}

export function renderSitemap(spec: SitemapSpec, lookup: (path: string[]) => unknown, f: Filters): string {
  const page = (lookup(["page"]) ?? {}) as Obj;
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (page.xsl === true) out += `<?xml-stylesheet type="text/xsl" href="${toS(f.absoluteUrl("/sitemap.xsl"))}"?>\n`;
  out += '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n';
  // 1. Documents of every collection that is written (site.collections: sorted by label).
  const collections = (lookup(["site", "collections"]) ?? []) as Obj[];
  for (const c of collections) {
    if (c.output === false) continue;
    for (const doc of (c.docs ?? []) as Obj[]) {
      if (doc.sitemap === false) continue;
      const date = orDefault(doc.last_modified_at, doc.date);
      const has = (doc.last_modified_at !== null && doc.last_modified_at !== undefined && doc.last_modified_at !== false) || (doc.date !== null && doc.date !== undefined && doc.date !== false);
      out += urlEntry(loc(doc.url, f), has ? f.dateToXmlschema(date) : null);
    }
  }
  // 2. HTML pages (pagination and plugin pages included), but not 404.html.
  for (const p of (lookup(["site", "html_pages"]) ?? []) as Obj[]) {
    if (p.sitemap === false || p.url === "/404.html") continue;
    const lm = p.last_modified_at;
    out += urlEntry(loc(p.url, f), lm !== null && lm !== undefined && lm !== false ? f.dateToXmlschema(lm) : null);
  }
  // 3. HTML and PDF static files, with their modification time.
  for (const file of spec.staticFiles) {
    if (file.data.sitemap === false || file.name === "404.html") continue;
    out += urlEntry(loc(file.relativePath, f), f.dateToXmlschema(file.modifiedTime));
  }
  return `${out}</urlset>\n`;
}

registerPlugin({
  name: "jekyll-sitemap",
  priority: PRIORITY.lowest,
  generate,
  liquidTags(ctx: PluginLiquidContext) {
    const filters = () => filtersFor(ctx.site(), ctx.host);
    return {
      [SITEMAP_TAG]: (markup, lookup) => {
        const site = ctx.site();
        const spec = SITEMAPS.get(site)[Number(markup.trim())];
        // It lists static files too (the pages and documents are read through the drops, which report themselves).
        site.dependencyTracker?.("static");
        return spec ? renderSitemap(spec, lookup, filters()) : "";
      },
      // robots.txt: one line naming the sitemap.
      jekyll_sitemap_robots: () => `Sitemap: ${toS(filters().absoluteUrl("sitemap.xml"))}\n`,
    };
  },
});

