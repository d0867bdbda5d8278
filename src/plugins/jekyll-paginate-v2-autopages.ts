// jekyll-paginate-v2's AutoPages: with `autopages: {enabled: true}`, one page per tag, category
// and collection found in the site's documents, made from a layout (`autopage_tags.html`…) and
// then paginated like any `pagination:` page. Runs first in jekyll-paginate-v2's generator.
//
// Quirks kept: every document gets `__coll` (its collection's name) in its data; a tag's page and
// title use the lower-cased tag, `autopages.display_name` the first spelling met; the page's
// content is empty and the layout file itself is its layout (so it renders once, then its own
// parent layouts); autopages exist even when pagination is off.
import { deepMerge, isPlainObject } from "../config/merge.js";
import type { Document } from "../site/document.js";
import { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { slugify } from "../site/slugify.js";
import { toS } from "./shared/liquid.js";
import { rubySplit } from "../ruby/strings.js";
import { noMethodMessage, truthy } from "../ruby/values.js";
import pathlib from "node:path";
import { BuildError } from "../errors.js";

type Obj = Record<string, any>;

export const AUTOPAGE_DEFAULTS: Obj = {
  enabled: false,
  tags: { layouts: ["autopage_tags.html"], title: "Posts tagged with :tag", permalink: "/tag/:tag", enabled: true, slugify: { mode: "none", cased: false } },
  categories: { layouts: ["autopage_category.html"], title: "Posts in category :cat", permalink: "/category/:cat", enabled: true, slugify: { mode: "none", cased: false } },
  collections: { layouts: ["autopage_collection.html"], title: "Posts in collection :coll", permalink: "/collection/:coll", enabled: true, slugify: { mode: "none", cased: false } },
};

const KINDS = [
  { key: "tags", index: "tags", macro: ":tag", filter: "tag" },
  { key: "categories", index: "categories", macro: ":cat", filter: "category" },
  { key: "collections", index: "__coll", macro: ":coll", filter: "collection" },
] as const;

/** A NoMethodError in the gem's indexing, which ends Jekyll's build. */
function rubyCrash(method: string, value: unknown): BuildError {
  return new BuildError(noMethodMessage(method, value), { hint: "jekyll-paginate-v2's AutoPages need tags and categories written as strings." });
}

/** Utils.ap_index_posts_by: lower-cased key → the first spelling met (split at `;` and `,`; strings also at spaces). */
export function autopageIndex(docs: Document[], key: string): Map<string, string> {
  const index = new Map<string, string>();
  for (const doc of docs) {
    let value = doc.data[key];
    if (value === undefined || value === null || toS(value).trim() === "" || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0)) continue;
    if (typeof value === "string") value = rubySplit(value, /;|,|\s/);
    else if (!Array.isArray(value)) throw rubyCrash(isPlainObject(value) ? "strip" : typeof value === "number" && Number.isInteger(value) ? "each" : "size", isPlainObject(value) ? Object.entries(value)[0] : value);
    for (const item of value as unknown[]) {
      // The gem calls String#strip on each entry: a tag YAML reads as a number (`tags: [2020]`;
      // Jekyll keeps tags as written, only categories become strings) stops the build.
      if (typeof item !== "string") throw rubyCrash("strip", item);
      for (const raw of rubySplit(item.trim(), /;|,/)) {
        const k = raw.toLowerCase().trim();
        if (!index.has(k)) index.set(k, raw);
      }
    }
  }
  return index;
}

/** Utils.format_*_macro: the first macro replaced by the slugified value (mode "none": lower-cased unless `cased`). */
function formatMacro(pattern: unknown, macro: string, value: string, slug: unknown): string {
  const s = isPlainObject(slug) ? slug : {};
  const mode = "mode" in s ? (s.mode === null ? null : toS(s.mode)) : null;
  return toS(pattern).replace(macro, slugify(value, mode, !!s.cased) ?? "");
}

/** File.join of two parts. */
const fileJoin = (a: string, b: string) => `${a.replace(/\/+$/, "")}/${b.replace(/^\/+/, "")}`;

export function createAutopages(site: Site, paginationDefaults: Obj): void {
  const config = deepMerge(AUTOPAGE_DEFAULTS, isPlainObject(site.config.autopages) ? site.config.autopages : {});
  if (!config.enabled) {
    site.logger.info("AutoPages:", "Disabled/Not configured in site.config.");
    return;
  }
  const paginationConfig = deepMerge(paginationDefaults, isPlainObject(site.config.pagination) ? site.config.pagination : {});
  const docs: Document[] = [];
  for (const [label, c] of site.collections) {
    for (const d of c.docs) {
      if ("pagination" in d.data) continue;
      d.data.__coll = label;
      docs.push(d);
    }
  }
  for (const kind of KINDS) {
    const sub = config[kind.key];
    if (sub === undefined || sub === null) continue;
    if (!sub.enabled) {
      site.logger.info("AutoPages:", `${kind.key} pages are disabled/not configured in site.config.`);
      continue;
    }
    site.logger.info("AutoPages:", `Generating ${kind.key} pages`);
    for (const [value, display] of autopageIndex(docs, kind.index)) {
      for (const layoutName of [sub.layouts ?? []].flat().map(toS)) {
        const layoutKey = layoutName.replace(/\.[^.]*$/, "");
        const layout = site.layouts.get(layoutKey);
        // BaseAutoPage reads the layout file as its own front matter; when there is none,
        // Convertible#read_yaml warns and the page is made all the same, with no data and no
        // content (written empty, its layout being missing).
        const layoutPath = layout ? layout.path : pathlib.join(site.source, "_layouts", layoutName);
        if (!layout) {
          const why = `No such file or directory @ rb_sysopen - ${layoutPath}`;
          site.logger.warn(`Error reading file ${layoutPath}: ${why}`);
          if (truthy(site.config.strict_front_matter)) throw new BuildError(why);
        }
        const data: Obj = deepMerge(layout ? layout.data : {}, {});
        const pagination = deepMerge(paginationConfig, isPlainObject(data.pagination) ? data.pagination : {});
        const own = deepMerge(sub, isPlainObject(data.autopages) ? data.autopages : {});
        pagination[kind.filter] = value;
        const permalink = formatMacro(own.permalink, kind.macro, value, sub.slugify);
        data.permalink = permalink;
        data.layout = layoutKey;
        data.title = formatMacro(own.title, kind.macro, value, sub.slugify);
        data.pagination = pagination;
        data.autopage = { layout_path: `_layouts/${layoutName}`, display_name: display };
        const page = new Page(site, permalink.replace(/\/+$/, ""), "index.html", data, "", layout ? layout.lineOffset : 0, layoutPath);
        page.url = fileJoin(permalink, "index.html");
        site.pages.push(page);
      }
    }
  }
}
