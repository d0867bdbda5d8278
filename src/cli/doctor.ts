// `build-site doctor`: reads and generates the site (no rendering, nothing written) and looks for
// the problems `jekyll doctor` (Jekyll 4.3.1 lib/jekyll/commands/doctor.rb) looks for, under the
// same topics, in this order:
//   - `relative_permalinks` set (removed in Jekyll 3.0)            "Deprecation:"
//   - two files written to one destination (jekyll-redirect-from's
//     generated redirect pages excepted, as in Jekyll)               "Conflict:"
//   - pages or documents whose destinations differ only by case     "Warning:"
//   - `url` missing, not a string, or not absolute (no scheme)      "Warning:"
//     (Jekyll 4.3.1 stops with a NoMethodError on a `url` that is not a string)
//   - a `_posts` folder at the root when `collections_dir` is set   "Warning:"
// A healthy site gets Jekyll's "Your test results are in. Everything looks fine."; otherwise the
// command exits with 1 after the warnings. Jekyll's macOS-only fsevents check is left out: it is
// about rb-fsevent, and the watcher here is Node's fs.watch (serve/tree-watch.ts), or chokidar's
// polling.
import fs from "node:fs";
import path from "node:path";
import { Builder } from "../build.js";
import { loadConfig } from "../config/load.js";
import type { Config } from "../config/types.js";
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import type { Logger } from "../logger.js";
import type { StaticFile } from "../site/static-file.js";
import type { ParsedArgs } from "./args.js";
import { logConfigFiles } from "./build.js";
import type { ConsoleLogger } from "../logger.js";
import { collectionsDirText } from "../config/collections-dir.js";

type SiteFile = Page | Document | StaticFile;

/** Each check warns about what it finds and returns whether all was well. */
function checkRelativePermalinks(config: Config, logger: Logger): boolean {
  if (!config.relative_permalinks) return true;
  logger.warn("Deprecation:", "Your site still sets `relative_permalinks`, which Jekyll removed in v3.0.0: permalinks are relative to the source folder.");
  return false;
}

/** Jekyll's `path` of a site file, as its doctor lists them: a page's relative path, a document's or static file's full path. */
function sourceOf(item: SiteFile): string {
  if (item.kind === "page") return String(item.data.path ?? item.relativePath);
  return item.path;
}

/** jekyll-redirect-from's RedirectPage, which may share a destination on purpose. */
function isRedirectPage(item: SiteFile): boolean {
  return item.kind === "page" && item.mayShareDestination;
}

function checkConflictingUrls(site: Site, logger: Logger): boolean {
  const byDestination = new Map<string, string[]>();
  for (const item of site.siteFiles()) {
    if (isRedirectPage(item)) continue;
    const dest = path.join(site.dest, item.destinationPath);
    const list = byDestination.get(dest);
    if (list) list.push(sourceOf(item));
    else byDestination.set(dest, [sourceOf(item)]);
  }
  let healthy = true;
  for (const [dest, sources] of byDestination) {
    if (sources.length < 2) continue;
    healthy = false;
    logger.warn("Conflict:", "The following destination is shared by multiple files.");
    logger.warn("", "The written file may end up with unexpected contents.");
    logger.warn("", dest);
    for (const s of sources) logger.warn("", ` - ${s}`);
    logger.warn("", "");
  }
  return healthy;
}

/** Pages and written documents only, as Jekyll's check (static files are not compared). */
function checkUrlsDifferingByCase(site: Site, logger: Logger): boolean {
  const byLowerCase = new Map<string, Set<string>>();
  const items: SiteFile[] = [...site.pages];
  for (const c of site.collections.values()) items.push(...c.docs.filter((d) => d.write));
  for (const item of items) {
    const dest = path.join(site.dest, item.destinationPath);
    const key = dest.toLowerCase();
    const set = byLowerCase.get(key) ?? new Set<string>();
    set.add(dest);
    byLowerCase.set(key, set);
  }
  let healthy = true;
  for (const dests of byLowerCase.values()) {
    if (dests.size < 2) continue;
    healthy = false;
    logger.warn("Warning:", `These URLs differ only by case, so on a case-insensitive file system one overwrites the other: ${[...dests].join(", ")}`);
  }
  return healthy;
}

/** Jekyll's three checks of `url`, each warning on its own: set, a string, absolute. */
export function checkSiteUrl(config: Config, logger: Logger): boolean {
  const url = config.url;
  let healthy = true;
  if (url === null || url === undefined || url === "") {
    logger.warn("Warning:", "No `url` is set in the configuration; plugins that write absolute links (feeds, sitemaps, SEO tags) need it.");
    healthy = false;
  }
  // Addressable::URI.parse refuses only what is not a string; strings it always takes.
  if (url !== null && url !== undefined && typeof url !== "string") {
    logger.warn("Warning:", "The site `url` is not a valid URL: check its value in the configuration.");
    healthy = false;
  }
  if (typeof url !== "string" || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) {
    logger.warn("Warning:", "The site `url` is not absolute (it needs a scheme and a host, e.g. https://example.com): check its value in the configuration.");
    healthy = false;
  }
  return healthy;
}

function checkPostsInCollectionsDir(config: Config, logger: Logger): boolean {
  const dir = collectionsDirText(config);
  if (dir === "") return true;
  const postsAtRoot = path.join(config.source, "_posts");
  if (!fs.statSync(postsAtRoot, { throwIfNoEntry: false })?.isDirectory()) return true;
  logger.warn("Warning:", "There is a '_posts' folder outside the custom `collections_dir`: its posts are not read.");
  logger.warn("", `Move '${postsAtRoot}' into '${path.join(config.source, dir)}'.`);
  return false;
}

export function runDoctor(args: ParsedArgs, logger: ConsoleLogger): number {
  const loaded = loadConfig(args.overrides as any);
  logConfigFiles(loaded, logger);
  const builder = new Builder({ overrides: args.overrides as any, logger });
  let site: Site;
  try {
    site = builder.readAndGenerate(loaded);
  } finally {
    builder.dispose();
  }
  const config = loaded.config;
  // Every check runs, so that one report lists every problem.
  const results = [
    checkRelativePermalinks(config, logger),
    checkConflictingUrls(site, logger),
    checkUrlsDifferingByCase(site, logger),
    checkSiteUrl(config, logger),
    checkPostsInCollectionsDir(config, logger),
  ];
  if (results.every(Boolean)) {
    logger.info("Your test results", "are in. Everything looks fine.");
    return 0;
  }
  return 1;
}
