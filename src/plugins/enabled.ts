// Which plugins a build runs: the built-in ones the site names under `plugins:` (after its theme's
// runtime dependencies), then the site's own (`_plugins/`, site-plugins.ts). The build hands this
// list to the stages: generators to generate/, Liquid tags and filters to the Liquid engine,
// converters and hooks to the Site, post-render rewrites to itself.
import type { Config } from "../config/types.js";
import { truthy } from "../ruby/values.js";
import type { Logger } from "../logger.js";
import type { LiquidHost } from "../render/liquid/host.js";
import type { Theme } from "../site/theme.js";
import type { Plugin, PluginLiquidContext } from "./api.js";
// The built-in plugins' registry (and the modules of all of them) loads on first use in the bundle
// (scripts/bundle.mjs): a site that names no plugin does not initialise them.
import * as builtIn from "./index.js"; // bundle: lazy

interface PluginSettings {
  config: Config;
  safe: boolean;
  theme: Theme | null;
}

/**
 * Plugin names a site enables, in order, without duplicates. Only `plugins:` counts: Jekyll 4.3
 * ignores the legacy `gems:` key entirely (fixture plugin-gems-key-ignored). With `safe: true`
 * only names in `whitelist:` load; the others are skipped silently (fixture plugin-safe-whitelist).
 */
export function enabledPluginNames(site: PluginSettings): string[] {
  // PluginManager#conscientious_require: the theme gemspec's runtime dependencies first
  // (require_theme_deps: a `theme: minima` site gets jekyll-feed and jekyll-seo-tag without
  // listing them), then `plugins:`.
  let names = [...(site.theme?.runtimeDependencies ?? []), ...[site.config.plugins].flat().filter((n) => typeof n === "string") as string[]];
  if (site.safe) {
    const allowed = new Set([site.config.whitelist].flat().filter((n) => typeof n === "string"));
    names = names.filter((n) => allowed.has(n));
  }
  return [...new Set(names)];
}

/** The enabled plugins: the built-in ones the site names, in `plugins:` order, then the site's own. */
export function enabledPlugins(site: PluginSettings, sitePlugins: readonly Plugin[] = []): Plugin[] {
  const named = enabledPluginNames(site).map((n) => builtIn.PLUGINS.get(n)).filter((p): p is Plugin => !!p);
  return [...named, ...sitePlugins];
}

/** "'x' is not built into build-site": once per name the site lists that build-site does not have. */
export function warnUnknownPlugins(site: PluginSettings, logger: Logger): void {
  for (const name of enabledPluginNames(site)) {
    if (!builtIn.PLUGINS.has(name)) logger.warn("Plugin:", `'${name}' is not built into build-site; the site is built without it.`);
  }
}

/**
 * PluginManager#deprecation_checks: a `paginate:` setting while jekyll-paginate is neither listed
 * under `plugins:` nor loaded (a theme's runtime dependency) gets Jekyll's Deprecation warning.
 * Jekyll 3-era sites list it under the legacy `gems:` key, which Jekyll 4.3 ignores, and lose
 * their paginator with only this line to say so.
 */
export function warnPaginateNotEnabled(site: PluginSettings, logger: Logger): void {
  const listed = site.config.plugins;
  // Ruby's include? on the `plugins` value: an Array's element, or a String's substring.
  const included = Array.isArray(listed) ? listed.includes("jekyll-paginate") : typeof listed === "string" && listed.includes("jekyll-paginate");
  if (!truthy(site.config.paginate) || included || site.theme?.runtimeDependencies.includes("jekyll-paginate")) return;
  logger.warn("Deprecation:", "You appear to have pagination turned on, but you haven't included the `jekyll-paginate` gem. Ensure you have `plugins: [jekyll-paginate]` in your configuration file.");
}

/** The enabled built-in plugin that builds the site in passes (Plugin#process), if any. */
export function passPlugin(config: Config, theme: Theme | null): Plugin | undefined {
  return enabledPluginNames({ config, safe: truthy(config.safe), theme }).map((n) => builtIn.PLUGINS.get(n)).find((p) => p?.process);
}

/** The plugins' Liquid tags, block tags and filters, for the Liquid engine's host. */
export function pluginLiquid(plugins: readonly Plugin[], context: PluginLiquidContext): Pick<LiquidHost, "customTags" | "customBlocks" | "customFilters"> {
  return {
    customTags: Object.assign({}, ...plugins.map((p) => p.liquidTags?.(context) ?? {})),
    customBlocks: Object.assign({}, ...plugins.map((p) => p.liquidBlocks?.(context) ?? {})),
    customFilters: Object.assign({}, ...plugins.map((p) => p.liquidFilters?.(context) ?? {})),
  };
}

/** Whether every output is final once rendered: not when a plugin or a site hook rewrites outputs afterwards (jemoji, jekyll-mentions). */
export function rewritesAfterRender(plugins: readonly Plugin[]): boolean {
  return plugins.some((p) => p.postRender);
}

/**
 * Generators that read documents but never change one (they add pages, or change pages and the
 * config): with only these, serve may keep a document between rebuilds (read/source-cache.ts).
 * Checked by reading each: jekyll-feed, jekyll-sitemap and jekyll-archives add pages,
 * jekyll-paginate moves and adds pages, jekyll-github-metadata sets config values.
 */
const GENERATORS_LEAVING_DOCUMENTS = new Set(["jekyll-feed", "jekyll-sitemap", "jekyll-archives", "jekyll-paginate", "jekyll-github-metadata"]);

/**
 * Whether every document stays as the reader made it until it renders: no hooks, no converters
 * or passes from plugins, and no generator that changes documents (jekyll-titles-from-headings,
 * jekyll-redirect-from's `redirect_to`, jekyll-last-modified-at… and any of the site's own).
 */
export function documentsStayAsRead(plugins: readonly Plugin[], sitePlugins: readonly Plugin[]): boolean {
  if (sitePlugins.length > 0) return false;
  return plugins.every((p) => !p.hooks?.length && !p.converters?.length && !p.process && (!p.generate || GENERATORS_LEAVING_DOCUMENTS.has(p.name)));
}
