// The LiquidHost a Site gives the Liquid engine: config, include folders, the build time, and the
// converters and lookups Jekyll's filters and tags reach into the site for. The engine outlives a
// single Site in `serve --watch` (each rebuild reads a fresh Site), so the host reads the current
// one through `current()`.
import path from "node:path";
import { enabledPlugins } from "../generate/index.js";
import type { Site } from "../site/site.js";
import { highlightTag } from "./highlight/index.js";
import type { LiquidHost } from "./liquid/host.js";
import { smartify, type MarkdownConverter } from "./markdown/index.js";
import type { SassConverter } from "./sass.js";

export function siteLiquidHost(current: () => Site, markdown: MarkdownConverter, sass: () => SassConverter): LiquidHost {
  const site = current();
  const includesDir = path.resolve(site.source, String(site.config.includes_dir ?? "_includes"));
  const host: LiquidHost = {
    get config() { return current().config; },
    source: site.source,
    includeDirs: [includesDir],
    timezone: site.zone,
    now: () => current().time,
    markdownify: (input) => markdown.convert(input),
    smartify: (input) => smartify(input, current().config.kramdown),
    compileSass: (input, syntax) => sass().convert({ source: input, syntax }),
    highlight: (code, lang, options) => highlightTag(code, lang, options as any),
    postUrl: (name) => findPostUrl(current(), name),
    linkUrl: (relativePath) => findLinkUrl(current(), relativePath),
    recordDependency: (abs) => { current().readFiles.add(abs); current().dependencyTracker?.(abs); },
  };
  // The enabled plugins' tags and filters (the engine is remade when `plugins:` changes).
  const plugins = enabledPlugins(site);
  const ctx = { site: current, host };
  host.customTags = Object.assign({}, ...plugins.map((p) => p.liquidTags?.(ctx) ?? {}));
  host.customFilters = Object.assign({}, ...plugins.map((p) => p.liquidFilters?.(ctx) ?? {}));
  return host;
}

/**
 * Jekyll's PostComparer: `{% post_url 2025-05-30-title %}` (optionally `dir/2025-05-30-title`)
 * names a post by its file name without extension.
 */
function findPostUrl(site: Site, name: string): string | undefined {
  const wanted = name.trim();
  const m = /^(?:(.+)\/)?(\d+-\d+-\d+)-(.*)$/.exec(wanted);
  for (const post of site.posts.docs) {
    const rel = post.relativePath.replace(/\.[^.]+$/, "");
    const base = rel.slice(rel.lastIndexOf("/") + 1);
    if (m && m[1]) {
      if (rel.endsWith(`${m[1]}/_posts/${m[2]}-${m[3]}`) || rel === `${m[1]}/${m[2]}-${m[3]}`) return post.url;
    } else if (base === wanted) return post.url;
  }
  return undefined;
}

/** Jekyll's Link tag: the page, document or static file whose relative path is the argument. */
function findLinkUrl(site: Site, relativePath: string): string | undefined {
  const wanted = relativePath.trim().replace(/^\/+/, "");
  for (const item of site.siteFiles()) {
    if (item.relativePath.replace(/^\/+/, "") === wanted) return item.url;
  }
  for (const c of site.collections.values()) {
    for (const d of c.docs) if (d.relativePath === wanted) return d.url;
  }
  return undefined;
}
