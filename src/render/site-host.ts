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
    markdownify: (input, asciiSource) => markdown.convert(input, asciiSource),
    smartify: (input, asciiSource) => markdownModule.smartify(input, current().config.kramdown, asciiSource),
    compileSass: (input, syntax) => sass().convert({ source: input, syntax }),
    highlight: (code, lang, options) => highlighting.highlightTag(code, lang, options as any),
    postUrl: (name) => findPostUrl(current(), name),
    linkUrl: (relativePath) => findLinkUrl(current(), relativePath),
    // Jekyll's logger (Stevenson#message) turns every run of whitespace in a message into one
    // space: a Liquid warning quoting a markup over several lines prints it on one.
    warn: (topic, message) => current().logger.warn(topic, message?.replace(/\s+/g, " ")),
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
  /** Posts by relative path without its last extension, first one wins. */
  byPath: Map<string, Document>;
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
  index = { size, byPath: new Map() };
  for (const post of site.posts.docs) {
    const m = /^(.*)\.[^./]+$/.exec(post.relativePath);
    if (m && !index.byPath.has(m[1]!)) index.byPath.set(m[1]!, post);
  }
  postIndexes.set(site, index);
  return index;
}

/**
 * Jekyll 4.3's PostUrl tag (tags/post_url.rb). PostComparer reads `[dir/…/]DATE-SLUG` (a leading
 * "/" dropped) and first looks for the post whose relative path matches
 * `^_posts/DIR/DATE-SLUG\.ext` or `^DIR/_posts/?DATE-SLUG\.ext`: so `sub/2020-02-02-x` names
 * `_posts/sub/2020-02-02-x.md` as well as `sub/_posts/2020-02-02-x.md`. Failing that, the old
 * matching: the first post whose slug (front matter `slug:` or the file name's) and date (its day
 * in the site's zone) are the name's, whatever its folder, with Jekyll's Deprecation warning.
 * (DIR is escaped here; Jekyll puts it in its regex as written.)
 */
function findPostUrl(site: Site, name: string): string | undefined {
  const m = /^(.+\/)*(\d+-\d+-\d+)-(.*)$/.exec(name.trim().replace(/^\//, ""));
  if (!m) return undefined;
  const [, dir = "", date, slug] = m as unknown as [string, string | undefined, string, string];
  const { byPath } = postIndex(site);
  const found = byPath.get(`_posts/${dir}${date}-${slug}`) ?? byPath.get(`${dir}_posts/${date}-${slug}`) ?? byPath.get(`${dir}_posts${date}-${slug}`);
  if (found) return found.url;
  const [y, mo, d] = date.split("-").map(Number);
  for (const post of site.posts.docs) {
    const w = post.date.wall;
    if (String(post.data.slug) !== slug || w.year !== y || w.month !== mo || w.day !== d) continue;
    site.logger.warn("Deprecation:", `A call to '{% post_url ${name.trim()} %}' did not match a post using the new matching method of checking name (path-date-slug) equality. Please make sure that you change this tag to match the post's name exactly.`);
    return post.url;
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
