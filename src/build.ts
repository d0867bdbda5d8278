// One build: config → read → generate → render → write.
//
// `Builder` keeps what outlives a single build — the Liquid engine (parsed templates and
// includes), the Markdown converter and the Sass compiler — so `serve --watch` rebuilds reuse
// them. `buildSite()` is the one-shot form the CLI's `build` uses.
import { loadConfig, type LoadedConfig } from "./config/load.js";
import type { Config, ConfigOverrides } from "./config/types.js";
import { enabledPlugins, generate, passPlugin, postRender } from "./generate/index.js";
import { createLiquidEngine, type JekyllLiquid } from "./render/liquid/index.js";
import { highlight, rougeLexerTag } from "./render/highlight/index.js";
import { createMarkdownConverter, type MarkdownConverter } from "./render/markdown/index.js";
import { RenderWorker, parallelMinDocuments, parallelismAvailable } from "./render/parallel.js";
import { Renderer, type RenderPlan } from "./render/renderer.js";
import { SassConverter, disposeSassCompiler, startSassThread } from "./render/sass.js";
import { siteLiquidHost } from "./render/site-host.js";
import fs from "node:fs";
import path from "node:path";
import { Reader } from "./read/reader.js";
import { Site } from "./site/site.js";
import type { Logger } from "./logger.js";
import { Hooks } from "./site/hooks.js";
import { hasSitePlugins, loadSitePlugins, withRubyPluginHint } from "./plugins/site-plugins.js";
import type { Document } from "./site/document.js";
import type { Page } from "./site/page.js";
import { assertDestinationOutsideSource, beginWrite, prepareStaging, stagingDirFor, type SiteWrite, type WriteOptions, type WriteResult } from "./write/writer.js";

export interface BuildTimings {
  read: number;
  generate: number;
  render: number;
  write: number;
  total: number;
}

export interface BuildResult {
  site: Site;
  renderer: Renderer;
  write: WriteResult;
  configFiles: string[];
  ms: BuildTimings;
}

export interface BuildOptions {
  overrides: ConfigOverrides;
  logger: Logger;
  profile?: boolean;
  /** Replace a destination that holds files build-site did not write (`--force`; write/destination.ts). */
  force?: boolean;
}

interface Engines {
  key: string;
  markdown: MarkdownConverter;
  liquid: JekyllLiquid;
}

/** Settings the long-lived engines were made from; when they change, the engines are remade. */
function engineKey(config: Config): string {
  return JSON.stringify([config.source, config.kramdown, config.highlighter, config.liquid, config.includes_dir, config.plugins, config.safe, config.whitelist, config.theme, config.remote_theme, config.build_site_extras, config.build_site]);
}

export class Builder {
  private engines: Engines | null = null;
  /** The Site being built; the Liquid host reads it through this. */
  private site: Site | null = null;
  private sass: SassConverter | null = null;
  /** Which site plugin files (and versions) the current build loaded: the engines hold their tags. */
  private sitePluginsKey = "";

  constructor(readonly options: BuildOptions) {}

  /**
   * Runs read, generate and render; the caller writes. `plan` (or a function making one for the
   * site and renderer) lets `serve` skip unchanged pages and the parallel build split the work.
   */
  render(
    loaded: LoadedConfig,
    plan?: RenderPlan | ((site: Site, renderer: Renderer) => RenderPlan),
    onGenerated?: (site: Site) => ((item: Page | Document) => void) | undefined,
  ): { site: Site; renderer: Renderer; ms: Omit<BuildTimings, "write" | "total"> } {
    const { config } = loaded;
    assertDestinationOutsideSource(config.source, config.destination);
    for (const n of loaded.notes) this.options.logger[n.level](n.topic, n.message);
    const ms = { read: 0, generate: 0, render: 0 };
    let main: { site: Site; renderer: Renderer } | null = null;
    const pass = (passConfig: Config, isMain: boolean): Site => {
      const r = this.renderPass(loaded, passConfig, isMain ? plan : undefined, isMain ? onGenerated : undefined);
      ms.read += r.ms.read;
      ms.generate += r.ms.generate;
      ms.render += r.ms.render;
      if (isMain) main = r;
      return r.site;
    };
    // A plugin may build the site in passes (jekyll-polyglot: one per language) and return the one to write.
    const driver = passPlugin(config, loaded.theme);
    const site = driver ? driver.process!(config, pass) : pass(config, true);
    if (!main) throw new Error(`${driver?.name ?? "build"}: no main pass was run`);
    this.site = site;
    return { site, renderer: (main as { renderer: Renderer }).renderer, ms };
  }

  /** One read → generate → render of the site with `config` (the loaded one, or a pass's). */
  private renderPass(
    loaded: LoadedConfig,
    config: Config,
    plan?: RenderPlan | ((site: Site, renderer: Renderer) => RenderPlan),
    onGenerated?: (site: Site) => ((item: Page | Document) => void) | undefined,
  ): { site: Site; renderer: Renderer; ms: Omit<BuildTimings, "write" | "total"> } {
    const { site, renderer, engines, ms, rubyOnlyPlugins } = this.readAndGenerate(loaded, { startSass: true, config });
    try {
      const t2 = performance.now();
      const payload = site.hooks.empty ? null : { site: renderer.drops.siteDrop(), jekyll: renderer.drops.jekyll };
      site.hooks.trigger("site", "pre_render", site, payload);
      const onOutput = onGenerated?.(site);
      renderer.renderSite(typeof plan === "function" ? plan(site, renderer) : plan, onOutput);
      // Plugins' post-render hooks (jemoji, jekyll-mentions) rewrite outputs before anything is written.
      postRender(site, { renderer, liquid: engines.liquid, logger: this.options.logger });
      site.hooks.trigger("site", "post_render", site, payload);
      const t3 = performance.now();
      return { site, renderer, ms: { ...ms, render: t3 - t2 } };
    } catch (e) {
      throw withRubyPluginHint(e, rubyOnlyPlugins);
    }
  }

  /**
   * Site#reset, #read and #generate: the site as it is about to be rendered (what `doctor`
   * inspects), with the loaded config or a pass's (`config`). `startSass` starts loading Sass on
   * its own thread once the reader has found stylesheets, so that it is ready when they render
   * (sass-thread.ts).
   */
  readAndGenerate(
    loaded: LoadedConfig,
    { startSass = false, config = loaded.config }: { startSass?: boolean; config?: Config } = {},
  ): { site: Site; renderer: Renderer; engines: Engines; ms: { read: number; generate: number }; rubyOnlyPlugins: string[] } {
    const t0 = performance.now();
    const site = new Site(config, this.options.logger, loaded.theme);
    this.site = site;
    // PluginManager#conscientious_require: the site's own plugins load before anything is read.
    const sitePlugins = loadSitePlugins(site);
    this.sitePluginsKey = sitePlugins.key;
    site.sitePlugins = sitePlugins.plugins;
    const plugins = enabledPlugins(site);
    site.hooks = new Hooks(plugins.flatMap((p) => p.hooks ?? []));
    site.converters.addPluginConverters(plugins.flatMap((p) => p.converters ?? []));
    try {
      site.hooks.trigger("site", "after_init", site);
      site.hooks.trigger("site", "after_reset", site);
      this.sass = new SassConverter(site);
      new Reader(site).read();
      site.hooks.trigger("site", "post_read", site);
      // Sass loads on its own thread while the pages before the stylesheets render (sass-thread.ts).
      const isStylesheet = (kind: string) => kind === "sass" || kind === "scss";
      if (startSass && parallelismAvailable() && site.pages.some((p) => isStylesheet(site.converters.kindFor(p.ext)))) {
        if (startSassThread()) this.options.logger.debug("Stylesheets:", "Sass loads on its own thread");
      }
      const t1 = performance.now();

      const engines = this.enginesFor(config, this.sitePluginsKey);
      const renderer = new Renderer(site, engines.liquid, { markdown: engines.markdown, sass: this.sass });
      renderer.profiling = !!this.options.profile;
      generate(site, { renderer, liquid: engines.liquid, logger: this.options.logger });
      return { site, renderer, engines, ms: { read: t1 - t0, generate: performance.now() - t1 }, rubyOnlyPlugins: sitePlugins.rubyOnly };
    } catch (e) {
      throw withRubyPluginHint(e, sitePlugins.rubyOnly);
    }
  }

  /** A full build, written atomically. */
  build(loaded: LoadedConfig = loadConfig(this.options.overrides)): BuildResult {
    const t0 = performance.now();
    // Large sites render on two threads; the worker starts first so it reads while we do. The
    // staging folder is made before it starts: the worker writes into it.
    const config = loaded.config;
    // The threshold first: on most machines it is infinite, and counting walks every collection.
    const minDocuments = parallelMinDocuments();
    // Site plugins run on the main thread only: their generators and hooks may keep state that a
    // second thread, reading the site on its own, would not share.
    // Nor does a site built in passes (jekyll-polyglot): the worker would build one Site of its own.
    const worker = !this.options.profile && parallelismAvailable() && minDocuments !== Infinity && !hasSitePlugins(config) && !passPlugin(config, loaded.theme) && estimateDocuments(config) >= minDocuments
      ? new RenderWorker(this.options.overrides, prepareStaging({ source: config.source, dest: config.destination }))
      : null;
    if (worker) this.options.logger.debug("Rendering:", "on two threads");
    let rendered: ReturnType<Builder["render"]>;
    let writing: SiteWrite | null = null;
    const startWriting = (site: Site) => {
      const options: WriteOptions = { ...(worker ? { stream: streamsOutputs(site), staged: true } : writeOptions(site)), force: this.options.force };
      if (options.thread) this.options.logger.debug("Writing:", "on a writer thread, as pages render");
      writing = beginWrite(site, options);
      return writing.rendered;
    };
    const plan = worker
      ? (site: Site, renderer: Renderer) => worker.plan(renderer, site, this.options.logger, (doc, output) => writing!.writtenElsewhere(doc, output))
      : undefined;
    try {
      rendered = this.render(loaded, plan, startWriting);
    } catch (e) {
      worker?.cancel();
      if (writing) (writing as SiteWrite).abort();
      else if (worker) fs.rmSync(stagingDirFor(config.destination), { recursive: true, force: true });
      throw e;
    }
    const { site, renderer, ms } = rendered;
    const t1 = performance.now();
    const write = writing!.finish();
    afterWrite(site);
    reportConflicts(write, this.options.logger);
    const t2 = performance.now();
    return { site, renderer, write, configFiles: loaded.files, ms: { ...ms, write: t2 - t1, total: t2 - t0 } };
  }

  /** Forget cached templates for changed files (serve --watch). */
  invalidate(absolutePaths?: string[]): void {
    if (!this.engines) return;
    if (!absolutePaths) this.engines.liquid.invalidate();
    else for (const p of absolutePaths) this.engines.liquid.invalidate(p);
  }

  dispose(): void {
    disposeSassCompiler();
  }

  private enginesFor(config: Config, sitePlugins: string): Engines {
    const key = `${engineKey(config)}\n${sitePlugins}`;
    if (this.engines?.key === key) return this.engines;
    // kramdown's `syntax_highlighter_opts: { disable: true }` (or no syntax_highlighter) turns
    // Rouge off for Markdown code blocks, as `highlighter: none` does.
    const kd = (config.kramdown ?? {}) as Record<string, any>;
    const off = kd.syntax_highlighter_opts?.disable === true || ("syntax_highlighter" in kd && !kd.syntax_highlighter);
    const markdown = createMarkdownConverter({ kramdown: kd, highlighter: off ? "none" : config.highlighter, highlight, lexerTag: rougeLexerTag, extras: config.build_site_extras !== false });
    const liquid = createLiquidEngine(siteLiquidHost(() => this.site!, markdown, () => this.sass!));
    this.engines = { key, markdown, liquid };
    return this.engines;
  }
}

/**
 * Below this many files the write stage runs on the main thread: a writer thread costs ~30 ms
 * of start-up on the other core, and a small site's writes take less. BUILD_SITE_WRITER_MIN
 * overrides it; BUILD_SITE_WORKERS=0 turns every thread off.
 */
function writerThreadMinFiles(): number {
  const v = Number(process.env.BUILD_SITE_WRITER_MIN);
  return Number.isFinite(v) && v >= 0 && process.env.BUILD_SITE_WRITER_MIN !== "" ? v : 200;
}

/**
 * jemoji and jekyll-mentions rewrite outputs after every page is rendered, and so may a site
 * plugin's `site` post_render hook: none is final before.
 */
export function streamsOutputs(site: Site): boolean {
  return !enabledPlugins(site).some((p) => p.postRender) && !site.hooks.has("site", "post_render");
}

/**
 * The post_write hooks, once the build is in place: each written page and document's (in
 * Site#each_site_file order), then the site's. Jekyll runs each item's right after writing its
 * file; here every file is written (and the new `_site` swapped in) first.
 */
export function afterWrite(site: Site): void {
  if (site.hooks.empty) return;
  for (const item of site.siteFiles()) if (item.kind !== "static") site.hooks.triggerItem(item, "post_write");
  site.hooks.trigger("site", "post_write", site);
}

function writeOptions(site: Site): WriteOptions {
  const stream = streamsOutputs(site);
  let files = site.staticFiles.length + site.pages.length;
  for (const c of site.collections.values()) files += c.docs.length;
  return { stream, thread: stream && parallelismAvailable() && files >= writerThreadMinFiles() };
}

/** A quick count of collection files (posts and custom collections), to decide on a worker. */
function estimateDocuments(config: Config): number {
  const base = path.join(config.source, String(config.collections_dir ?? ""));
  const dirs = Object.keys(config.collections ?? {}).map((label) => path.join(base, `_${label}`));
  let n = 0;
  for (const dir of dirs) {
    try {
      n += (fs.readdirSync(dir, { recursive: true }) as string[]).length;
    } catch {
      // no such collection folder
    }
  }
  return n;
}

function reportConflicts(write: WriteResult, logger: Logger): void {
  for (const c of write.conflicts) {
    logger.warn("Conflict:", "The following destination is shared by multiple files.");
    logger.warn("", "The written file may end up with unexpected contents.");
    logger.warn("", c.destination);
    for (const s of c.sources) logger.warn("", ` - ${s}`);
  }
}

/** One complete build (the `build` command). */
export function buildSite(options: BuildOptions, loaded = loadConfig(options.overrides)): BuildResult {
  const builder = new Builder(options);
  try {
    return builder.build(loaded);
  } finally {
    builder.dispose();
  }
}
