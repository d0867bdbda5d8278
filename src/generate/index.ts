// The generate stage: plugins that add or change pages before rendering (pagination, redirects,
// feed, sitemap…). Each plugin is a module in src/plugins/ with one entry point; this stage knows
// them only through the registry, keyed by the gem name a site lists under `plugins:`.
import type { Config } from "../config/types.js";
import type { LiquidHost } from "../render/liquid/host.js";
import type { JekyllLiquid } from "../render/liquid/index.js";
import type { Renderer } from "../render/renderer.js";
import type { Site } from "../site/site.js";
import type { Logger } from "../logger.js";
import type { Page } from "../site/page.js";
import type { PluginHook } from "../site/hooks.js";
import { PLUGINS } from "../plugins/index.js";
import { generatedPage } from "../plugins/shared/generated-page.js";

export interface GenerateContext {
  renderer: Renderer;
  liquid: JekyllLiquid;
  logger: Logger;
}

/** What a generator may use besides the Site (the public API of src/plugins/README.md). */
export interface GeneratorContext extends GenerateContext {
  /** Jekyll's PageWithoutAFile: a page at `urlPath` ("/feed.xml") with `data` as its front matter and `content` as its template; push it onto `site.pages`. */
  pageWithoutAFile(urlPath: string, data: Record<string, any>, content: string): Page;
}

/** What a plugin's Liquid tags and filters may use: the Site being built (it changes between `serve` rebuilds) and the engine's host (converters, config). */
export interface PluginLiquidContext {
  site(): Site;
  host: LiquidHost;
}

/** A Liquid tag: its markup (the text after the name) and a lookup into the render scope (`lookup(["page", "title"])`) → the HTML it writes. */
export type PluginTag = (markup: string, lookup: (path: string[]) => unknown) => unknown;
/** A Liquid block tag (`{% name markup %}…{% endname %}`): its rendered body, markup and lookup → the HTML it writes. */
export type PluginBlock = (body: string, markup: string, lookup: (path: string[]) => unknown) => unknown;
export type PluginFilter = (input: unknown, ...args: unknown[]) => unknown;

/** Runs one read → generate → render with this config; `main` is the pass whose Site is written (it gets serve's render plan). */
export type RenderPass = (config: Config, main: boolean) => Site;
/** Jekyll::Converter: converts files whose extension it matches (before the built-in converters are asked). */
export interface PluginConverter {
  /** Whether this converter handles a file with extension `ext` (".typ"). */
  matches(ext: string): boolean;
  /** The output extension for `ext` (".html"). */
  outputExt(ext: string): string;
  convert(content: string): string;
  /** Among plugin converters matching one extension, the highest priority converts. Default normal (0). */
  priority?: number;
}

export interface Plugin {
  /** The gem name, as written in `plugins:`. */
  readonly name: string;
  /** Generator priority (PRIORITY in src/plugins/registry.ts); generators run highest first, then in `plugins:` order. Default normal. */
  readonly priority?: number;
  /** Adds or changes site content before rendering. */
  generate?(site: Site, ctx: GeneratorContext): void;
  /** Liquid tags the plugin defines (`{% seo %}`…), made once per Liquid engine. */
  liquidTags?(ctx: PluginLiquidContext): Record<string, PluginTag>;
  /** Liquid block tags the plugin defines. */
  liquidBlocks?(ctx: PluginLiquidContext): Record<string, PluginBlock>;
  /** Liquid filters the plugin defines. */
  liquidFilters?(ctx: PluginLiquidContext): Record<string, PluginFilter>;
  /** Converters for file extensions (Jekyll::Converter). */
  converters?: PluginConverter[];
  /** Jekyll::Hooks.register: code run at points of the build (src/site/hooks.ts). */
  hooks?: PluginHook[];
  /**
   * Builds the site in several passes instead of one (jekyll-polyglot's Site#process: once per
   * language): runs `pass` for each config it makes and returns the Site to write, which holds the
   * outputs of every pass. Built-in plugins only; at most one enabled plugin may have it.
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
export function enabledPluginNames(site: Pick<Site, "config" | "safe" | "theme">): string[] {
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

/** The enabled plugins: the built-in ones the site names, in `plugins:` order, then the site's own (`_plugins/`, site.sitePlugins). */
export function enabledPlugins(site: Site): Plugin[] {
  const named = enabledPluginNames(site).map((n) => PLUGINS.get(n)).filter((p): p is Plugin => !!p);
  return site.sitePlugins?.length ? [...named, ...site.sitePlugins] : named;
}

export function generate(site: Site, ctx: GenerateContext): void {
  for (const name of enabledPluginNames(site)) {
    if (!PLUGINS.has(name)) ctx.logger.warn("Plugin:", `'${name}' is not built into build-site; the site is built without it.`);
  }
  // Site#generate: generators sorted by priority; a stable sort keeps load order within one.
  const plugins = enabledPlugins(site).sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  const context: GeneratorContext = { ...ctx, pageWithoutAFile: (urlPath, data, content) => generatedPage(site, urlPath, data, content) };
  for (const plugin of plugins) plugin.generate?.(site, context);
}

/** The enabled built-in plugin that builds the site in passes (Plugin#process), if any. */
export function passPlugin(config: Config, theme: Site["theme"]): Plugin | undefined {
  return enabledPluginNames({ config, safe: !!config.safe, theme }).map((n) => PLUGINS.get(n)).find((p) => p?.process);
}

/** Runs the plugins' post-render hooks (between rendering and writing). */
export function postRender(site: Site, ctx: GenerateContext): void {
  for (const plugin of enabledPlugins(site)) plugin.postRender?.(site, ctx);
}
