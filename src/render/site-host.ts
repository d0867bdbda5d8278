// The LiquidHost a Site gives the Liquid engine: config, include folders, the build time, and the
// converters and lookups Jekyll's filters and tags reach into the site for. The engine outlives a
// single Site in `serve --watch` (each rebuild reads a fresh Site), so the host reads the current
// one through `current()`. Plugins' tags and filters come from the build (`extensions`): render/
// names no plugin.
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import type { StaticFile } from "../site/static-file.js";
// Both load on first use in the bundle (render/lazy-engines.ts).
import * as highlighting from "./highlight/index.js"; // bundle: lazy
import type { LiquidHost } from "./liquid/host.js";
import * as markdownModule from "./markdown/index.js"; // bundle: lazy
import type { MarkdownConverter } from "./markdown/index.js";
import type { SassConverter } from "./sass.js";

/** Tags, block tags and filters beyond Jekyll's own, made for the host they will run with. */
export type LiquidExtensions = (host: LiquidHost) => Pick<LiquidHost, "customTags" | "customBlocks" | "customFilters">;

export function siteLiquidHost(current: () => Site, markdown: MarkdownConverter, sass: () => SassConverter, extensions?: LiquidExtensions): LiquidHost {
  const site = current();
  const includesDir = site.inSourceDir(site.config.includes_dir, "_includes");
  const host: LiquidHost = {
    get config() { return current().config; },
    source: site.source,
    // Site#configure_include_paths: the site's includes, then the theme's.
    includeDirs: site.theme?.includesPath ? [includesDir, site.theme.includesPath] : [includesDir],
    timezone: site.zone,
    now: () => current().time,
    markdownify: (input) => markdown.convert(input),
    smartify: (input) => markdownModule.smartify(input, current().config.kramdown),
    compileSass: (input, syntax) => sass().convert({ source: input, syntax }),
    highlight: (code, lang, options) => highlighting.highlightTag(code, lang, options as any),
    postUrl: (name) => findPostUrl(current(), name),
    linkUrl: (relativePath) => findLinkUrl(current(), relativePath),
    warn: (topic, message) => current().logger.warn(topic, message),
    recordDependency: (abs) => { current().readFiles.add(abs); current().dependencyTracker?.(abs); },
  };
  if (extensions) Object.assign(host, extensions(host));
  return host;
}

/**
 * Lookups by path for `{% link %}` and `{% post_url %}`, made once per Site instead of scanning
 * every file per tag (a site linking each post to others would be quadratic). Each index records
 * the sizes it was built from and is rebuilt when files were added since (stylesheet source maps
 * join site.pages while pages render), so a lookup answers what the scan over today's lists would.
 */
interface LinkIndex {
  size: number;
  /** Site#each_site_file's items (pages, written static files and documents) by relative path, with their position; first one wins. */
  byPath: Map<string, { item: Page | StaticFile | Document; position: number }>;
}

interface PostIndex {
  size: number;
  /** Posts by file name without extension, first one wins. */
  byName: Map<string, Document>;
}

const linkIndexes = new WeakMap<Site, LinkIndex>();
const postIndexes = new WeakMap<Site, PostIndex>();

function siteSize(site: Site): number {
  let n = site.pages.length + site.staticFiles.length;
  for (const c of site.collections.values()) n += c.docs.length;
  return n;
}

function linkIndex(site: Site): LinkIndex {
  const size = siteSize(site);
  let index = linkIndexes.get(site);
  if (index && index.size === size) return index;
  index = { size, byPath: new Map() };
  let position = 0;
  for (const item of site.siteFiles()) {
    if (!index.byPath.has(item.relativePath)) index.byPath.set(item.relativePath, { item, position });
    position++;
  }
  linkIndexes.set(site, index);
  return index;
}

function postIndex(site: Site): PostIndex {
  const size = site.posts.docs.length;
  let index = postIndexes.get(site);
  if (index && index.size === size) return index;
  index = { size, byName: new Map() };
  for (const post of site.posts.docs) {
    const rel = post.relativePath.replace(/\.[^.]+$/, "");
    const base = rel.slice(rel.lastIndexOf("/") + 1);
    if (!index.byName.has(base)) index.byName.set(base, post);
  }
  postIndexes.set(site, index);
  return index;
}

/**
 * Jekyll's PostComparer: `{% post_url 2025-05-30-title %}` (optionally `dir/2025-05-30-title`)
 * names a post by its file name without extension.
 */
function findPostUrl(site: Site, name: string): string | undefined {
  const wanted = name.trim();
  const m = /^(?:(.+)\/)?(\d+-\d+-\d+)-(.*)$/.exec(wanted);
  if (!(m && m[1])) return postIndex(site).byName.get(wanted)?.url;
  for (const post of site.posts.docs) {
    const rel = post.relativePath.replace(/\.[^.]+$/, "");
    if (rel.endsWith(`${m[1]}/_posts/${m[2]}-${m[3]}`) || rel === `${m[1]}/${m[2]}-${m[3]}`) return post.url;
  }
  return undefined;
}

/**
 * Jekyll 4.3's Link tag: the first of Site#each_site_file (pages, then static files and documents
 * that are written) whose relative_path is the argument as given, or the argument with a leading
 * "/" (`File.join("", path)`; static files' relative paths start with one). Not trimmed, and an
 * unwritten collection document is not found ("Could not find document"), as in Jekyll.
 */
function findLinkUrl(site: Site, relativePath: string): string | undefined {
  const withSlash = relativePath.startsWith("/") ? relativePath : `/${relativePath}`;
  const { byPath } = linkIndex(site);
  const exact = byPath.get(relativePath);
  const slashed = byPath.get(withSlash);
  const found = exact && slashed ? (exact.position <= slashed.position ? exact : slashed) : exact ?? slashed;
  return found?.item.url;
}
