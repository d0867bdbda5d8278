// What `build --watch` and `serve` share around the file watcher (src/serve/watch.ts): which paths
// never trigger a rebuild, and the lines Jekyll's watcher (jekyll-watch 2.2) prints per rebuild.
import path from "node:path";
import { loadConfig, type LoadedConfig } from "../config/load.js";
import type { Config } from "../config/types.js";
import { limitsOf } from "../config/limits.js";
import { preloadSitePlugins } from "../plugins/site-plugins.js";
import type { Logger } from "../logger.js";
import { watchSource, type SourceChange, type SourceWatcher } from "../serve/watch.js";
import { stagingDirFor } from "../write/writer.js";
import type { ParsedArgs } from "./args.js";

/**
 * Paths whose changes are not the site's: the destination and our staging folder beside it, the
 * caches, `node_modules`, `.git`, and the `exclude:` entries as plain paths (jekyll-watch ignores
 * the destination and each exclude entry the same way; it also ignores `_config.yml`, which we
 * watch: a rebuild reloads the configuration).
 */
function watchIgnored(config: Config, themeRoot: string | null): (absolutePath: string) => boolean {
  const source = path.resolve(config.source);
  const dest = path.resolve(config.destination);
  // The staging folder and the old trees being deleted share the staging folder's name as prefix.
  const staging = stagingDirFor(dest);
  const excluded = ([] as unknown[]).concat(config.exclude ?? [])
    .filter((e): e is string => typeof e === "string" && e !== "" && !/[*?[{]/.test(e))
    .map((e) => path.resolve(source, e.replace(/^\/+/, "")))
    .filter((p) => p !== source && p.startsWith(source + path.sep));
  const roots = [dest, ".jekyll-cache", ".build-site-cache", "node_modules", ".git"].map((d) => path.resolve(source, d)).concat(excluded);
  return (p: string) => {
    const abs = path.resolve(p);
    if (themeRoot && (abs === themeRoot || abs.startsWith(themeRoot + path.sep))) return false;
    if (abs.startsWith(staging)) return true;
    return roots.some((d) => abs === d || abs.startsWith(d + path.sep));
  };
}

/** `2024-05-01 13:45:07`, local time, as jekyll-watch stamps a rebuild. */
function watchTimestamp(d = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** "Regenerating: 2 file(s) changed at …" and the changed paths, relative to the source. */
export function logRegenerating(logger: Logger, source: string, changes: SourceChange[]): void {
  logger.info("Regenerating:", `${changes.length} file(s) changed at ${watchTimestamp()}`);
  for (const c of changes) logger.info("", path.relative(source, c.path).split(path.sep).join("/"));
}

/**
 * Watches the site's source for changes worth a rebuild; `force_polling` polls instead of listening.
 * A theme installed as a gem or a node_modules package is watched too: an edit to it rebuilds (a
 * downloaded theme lives in the cache, which is not watched). Before each rebuild the site's ES
 * module plugins are imported again: the synchronous build can only take an edited one that way
 * (src/plugins/site-plugins.ts); `currentConfig` gives the config as it is now, null when it does
 * not load (the build then reports why).
 */
export function watchSite(
  loaded: LoadedConfig,
  currentConfig: () => Config | null,
  onChanges: (changes: SourceChange[]) => void | Promise<void>,
  extra: { preload?: boolean; onPendingWhileRunning?: () => void } = {},
): Promise<SourceWatcher> {
  const config = loaded.config;
  const theme = loaded.theme;
  const themeRoot = theme && (theme.origin === "gem" || theme.origin === "node_modules") ? theme.root : null;
  const source = path.resolve(config.source);
  return watchSource({
    source: config.source,
    extraRoots: themeRoot ? [themeRoot] : [],
    // The configuration files outside the source: the `_config.yml` whose `source:` moved the site
    // below it, a `--config` file elsewhere. A change to one rebuilds with the configuration read
    // again, as one to `<source>/_config.yml` does (jekyll-watch ignores every configuration file).
    extraFiles: loaded.files.map((f) => path.resolve(f)).filter((f) => !f.startsWith(source + path.sep)),
    ignored: watchIgnored(config, themeRoot),
    usePolling: config.force_polling === true,
    maxLinkedVisits: linkedFolderVisits(config),
    // Editors' save bursts (temp file, rename) land within a few milliseconds; waiting longer
    // only delays the rebuild the author is waiting for. A file written in place does not wait
    // at all (serve/watch.ts).
    debounceMs: 10,
    onPendingWhileRunning: extra.onPendingWhileRunning,
    onChanges: async (changes) => {
      // serve's builds run on another thread, which loads the plugins itself (preload: false).
      if (extra.preload !== false) await preloadSitePlugins(currentConfig() ?? config);
      await onChanges(changes);
    },
  });
}

/** The site's linked_folder_visits; the default when its limits are invalid (the build says why). */
function linkedFolderVisits(config: Config): number | undefined {
  try {
    return limitsOf(config as Record<string, unknown>).linkedFolderVisits;
  } catch {
    return undefined;
  }
}

/** The config as it is now (for preloading plugins); null when it does not load (the build reports why). */
export function loadConfigQuietly(args: ParsedArgs): Config | null {
  try {
    return loadConfig(args.overrides as any).config;
  } catch {
    return null;
  }
}
