// The Plugin interface (src/plugins/README.md): what a built-in plugin and a site's own
// (`_plugins/*.js`) may define — generators, Liquid tags and filters, converters, hooks — and what
// they are given. The build hands the enabled plugins (enabled.ts) to the stages that run them;
// generate/ and render/ never name a plugin.
import type { Config } from "../config/types.js";
import type { PageMaker } from "../generate/index.js";
import type { Logger } from "../logger.js";
import type { Drops } from "../render/drops.js";
import type { LiquidHost, TagScope } from "../render/liquid/host.js";
import type { JekyllLiquid } from "../render/liquid/index.js";
import type { PluginConverter } from "../site/converters.js";
import type { PluginHook } from "../site/hooks.js";
import type { Site } from "../site/site.js";

export type { TagScope };

/** What the build gives a generator and a post-render hook besides the Site. */
export interface GenerateContext {
  /** The Liquid view of pages and documents (jekyll-paginate's `paginator.posts`, jekyll-archives' lists). */
  drops: Drops;
  liquid: JekyllLiquid;
  logger: Logger;
}

/** What a generator may use besides the Site: the build's context and `pageWithoutAFile` (generate/index.ts). */
export interface GeneratorContext extends GenerateContext, PageMaker {}

/** What a plugin's Liquid tags and filters may use: the Site being built (it changes between `serve` rebuilds) and the engine's host (converters, config). */
export interface PluginLiquidContext {
  site(): Site;
  host: LiquidHost;
}

/**
 * A Liquid tag: its markup (the text after the name), a lookup into the render scope
 * (`lookup(["page", "title"])`) and the scope itself (`TagScope`) → the HTML it writes.
 */
export type PluginTag = (markup: string, lookup: (path: string[]) => unknown, scope: TagScope) => unknown;

/** A Liquid block tag (`{% name markup %}…{% endname %}`): its rendered body, markup and lookup → the HTML it writes. */
export type PluginBlock = (body: string, markup: string, lookup: (path: string[]) => unknown) => unknown;
export type PluginFilter = (input: unknown, ...args: unknown[]) => unknown;

/** Runs one read → generate → render with this config; `main` is the pass whose Site is written (it gets serve's render plan). */
export type RenderPass = (config: Config, main: boolean) => Site;

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
