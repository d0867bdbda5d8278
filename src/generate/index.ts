// The generate stage: plugins that add or change pages before rendering (pagination, redirects,
// feed, sitemap…). Each plugin is a module in src/plugins/ with one entry point; this stage knows
// them only through the registry, keyed by the gem name a site lists under `plugins:`.
import type { Config } from "../config/load.js";
import type { LiquidHost } from "../render/liquid/host.js";
import type { JekyllLiquid } from "../render/liquid/index.js";
import type { Renderer } from "../render/renderer.js";
import type { Logger, Site } from "../site/site.js";
import { PLUGINS } from "../plugins/index.js";

export interface GenerateContext {
  renderer: Renderer;
  liquid: JekyllLiquid;
  logger: Logger;
}

/** What a plugin's Liquid tags and filters may use: the Site being built (it changes between `serve` rebuilds) and the engine's host (converters, config). */
export interface PluginLiquidContext {
  site(): Site;
  host: LiquidHost;
}

export type PluginTag = (markup: string, lookup: (path: string[]) => unknown) => string;
/** A block tag: its markup, its rendered body, and the render scope. */
export type PluginBlock = (markup: string, body: string, lookup: (path: string[]) => unknown) => string;
/** Runs one read → generate → render with this config; `main` is the pass whose Site is written (it gets serve's render plan). */
export type RenderPass = (config: Config, main: boolean) => Site;
export type PluginFilter = (input: unknown, ...args: unknown[]) => unknown;

export interface Plugin {
  /** The gem name, as written in `plugins:`. */
  readonly name: string;
  /** Generator priority (PRIORITY in src/plugins/registry.ts); generators run highest first, then in `plugins:` order. Default normal. */
  readonly priority?: number;
  /** Adds or changes site content before rendering. */
  generate?(site: Site, ctx: GenerateContext): void;
  /** Liquid tags the plugin defines (`{% seo %}`…), made once per Liquid engine. */
  liquidTags?(ctx: PluginLiquidContext): Record<string, PluginTag>;
  /** Liquid block tags the plugin defines. */
  liquidBlocks?(ctx: PluginLiquidContext): Record<string, PluginBlock>;
  /** Liquid filters the plugin defines. */
  liquidFilters?(ctx: PluginLiquidContext): Record<string, PluginFilter>;
  /**
   * Builds the site in several passes instead of one (jekyll-polyglot's Site#process: once per
   * language): runs `pass` for each config it makes and returns the Site to write, which holds the
   * outputs of every pass. At most one enabled plugin may have it.
   */
  process?(config: Config, pass: RenderPass): Site;
  /** Rewrites rendered output (jemoji, jekyll-mentions: Jekyll's :post_render hooks), after every page is rendered and before writing. */
  postRender?(site: Site, ctx: GenerateContext): void;
}

/**
 * Plugin names a site enables, in order, without duplicates. Only `plugins:` counts: Jekyll 4.3
 * ignores the legacy `gems:` key entirely (fixture plugin-gems-key-ignored). With `safe: true`
 * only names in `whitelist:` load; the others are skipped silently (fixture plugin-safe-whitelist).
 */
export function enabledPluginNames(site: Pick<Site, "config" | "safe">): string[] {
  let names = [site.config.plugins].flat().filter((n) => typeof n === "string") as string[];
  if (site.safe) {
    const allowed = new Set([site.config.whitelist].flat().filter((n) => typeof n === "string"));
    names = names.filter((n) => allowed.has(n));
  }
  return [...new Set(names)];
}

/** The enabled plugins build-site knows, in `plugins:` order. */
export function enabledPlugins(site: Pick<Site, "config" | "safe">): Plugin[] {
  return enabledPluginNames(site).map((n) => PLUGINS.get(n)).filter((p): p is Plugin => !!p);
}

export function generate(site: Site, ctx: GenerateContext): void {
  for (const name of enabledPluginNames(site)) {
    if (!PLUGINS.has(name)) ctx.logger.warn("Plugin:", `'${name}' is not built into build-site; the site is built without it.`);
  }
  // Site#generate: generators sorted by priority; a stable sort keeps load order within one.
  const plugins = enabledPlugins(site).sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  for (const plugin of plugins) plugin.generate?.(site, ctx);
}

/** The enabled plugin that builds the site in passes (Plugin#process), if any. */
export function passPlugin(config: Config): Plugin | undefined {
  return enabledPlugins({ config, safe: !!config.safe }).find((p) => p.process);
}

/** Runs the plugins' post-render hooks (between rendering and writing). */
export function postRender(site: Site, ctx: GenerateContext): void {
  for (const plugin of enabledPlugins(site)) plugin.postRender?.(site, ctx);
}
