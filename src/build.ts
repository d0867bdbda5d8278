// One build, as Jekyll's Site#process runs it: reset, read, generate, render, cleanup, write.
//
// `Builder` keeps what outlives a single build — the Liquid engine (parsed templates and
// includes), the Markdown converter and the Sass compiler — so `serve --watch` rebuilds reuse
// them. `buildSite()` is the one-shot form the CLI's `build` uses. Threads stay behind the
// stages' interfaces: the write stage writes pages as they are rendered (on its own thread for
// large sites), Sass compiles on its own thread, and a large site's documents render on two
// (build/parallel.ts).
import { loadConfig, type LoadedConfig } from "./config/load.js";
import type { Config, ConfigOverrides } from "./config/types.js";
import { generate } from "./generate/index.js";
import type { Logger } from "./logger.js";
import type { Plugin } from "./plugins/api.js";
import { documentsStayAsRead, enabledPlugins, passPlugin, pluginLiquid, rewritesAfterRender, warnPaginateNotEnabled, warnUnknownPlugins } from "./plugins/enabled.js";
import { loadSitePlugins, withRubyPluginHint } from "./plugins/site-plugins.js";
import { Reader } from "./read/reader.js";
import type { SourceCache } from "./read/source-cache.js";
// Loaded on first use in the bundle (scripts/bundle.mjs): a site without Markdown or templates
// does not initialise them (render/lazy-engines.ts).
import * as highlighting from "./render/highlight/index.js"; // bundle: lazy
import * as liquidEngine from "./render/liquid/index.js"; // bundle: lazy
import type { JekyllLiquid } from "./render/liquid/index.js";
import * as markdownConverter from "./render/markdown/index.js"; // bundle: lazy
import type { MarkdownConverter } from "./render/markdown/index.js";
import { lazyLiquid, lazyMarkdown } from "./render/lazy-engines.js";
import { Renderer, type RenderPlan } from "./render/renderer.js";
import { SassConverter, disposeSassCompiler, sassNeededBeforeRead, startSassThread } from "./render/sass.js";
import { siteLiquidHost } from "./render/site-host.js";
import { parallelismAvailable } from "./blocking-worker.js";
import { startRenderWorker } from "./build/parallel.js";
import { Hooks } from "./site/hooks.js";
import type { Document } from "./site/document.js";
import type { Page } from "./site/page.js";
import { Site } from "./site/site.js";
import { assertDestinationOutsideSource, beginWrite, type SiteWrite, type WriteResult } from "./write/writer.js";
import { nowMs } from "./clock.js";
import { BuildError } from "./errors.js";
import { bigintReplacer, truthy } from "./ruby/values.js";
import { isPlainObject } from "./config/merge.js";

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
  ms: BuildTimings;
}

export interface BuildOptions {
  overrides: ConfigOverrides;
  logger: Logger;
  profile?: boolean;
  /** Replace a destination that holds files build-site did not write (`--force`; write/destination.ts). */
  force?: boolean;
}

/**
 * How the render stage is run for one Site: which pages to render (serve's incremental plan, the
 * parallel build's share), and who hears of each finished output (the write stage).
 */
export interface RenderOptions {
  plan?(site: Site, renderer: Renderer, outputsFinal: boolean): RenderPlan;
  /** Called once the site is generated; returns what hears of each output as it is final. */
  rendering?(site: Site, outputsFinal: boolean): ((item: Page | Document) => void) | undefined;
}

interface Engines {
  key: string;
  markdown: MarkdownConverter;
  liquid: JekyllLiquid;
}

/** Settings the long-lived engines were made from; when they change, the engines are remade. */
function engineKey(config: Config): string {
  return JSON.stringify([config.source, config.markdown, config.kramdown, config.highlighter, config.liquid, config.includes_dir, config.plugins, config.safe, config.whitelist, config.theme, config.remote_theme, config.build_site_extras, config.build_site], bigintReplacer);
}

/**
 * `markdown:` names the Markdown processor, which Jekyll's converter looks up on its first
 * conversion (Converters::Markdown#setup, run by the first Markdown page, excerpt or
 * `markdownify`): "kramdown", in any case, is the only one Jekyll 4 ships; any other name has to
 * be a converter class a Ruby plugin defines, and without one the build stops with "Invalid
 * Markdown processor given: NAME". So `redcarpet`, `rdiscount`, `maruku` (Jekyll 2's processors,
 * still in many old sites' configurations), `GFM` and `CommonMarkGhPages` (jekyll-commonmark) all
 * fail, as does " kramdown" (Jekyll does not trim), while a site with no Markdown to convert
 * builds. A value that is not a string makes Jekyll fail too, on `downcase`.
 */
function assertKramdown(processor: unknown): void {
  if (typeof processor === "string" && processor.toLowerCase() === "kramdown") return;
  const name = typeof processor === "string" ? processor : JSON.stringify(processor, bigintReplacer) ?? String(processor);
  // GitHub Pages (the pages-gem) swaps every processor but kramdown and GFM for kramdown, and
  // GFM for jekyll-commonmark-ghpages, so such sites build there.
  const gfm = typeof processor === "string" && ["gfm", "commonmarkghpages"].includes(processor.toLowerCase());
  throw new BuildError(`invalid Markdown processor given: ${name}`, {
    hint: gfm
      ? "Jekyll converts Markdown with kramdown only; GitHub Pages converts GFM with jekyll-commonmark-ghpages, which build-site does not have. " +
        "Set `markdown: kramdown` (with `kramdown: { input: GFM }`, Jekyll's default) in _config.yml."
      : "Jekyll converts Markdown with kramdown only (GitHub Pages uses kramdown in place of any other processor). Set `markdown: kramdown` in _config.yml.",
  });
}

/**
 * KramdownParser#highlighter and #load_dependencies, run with the Markdown converter's setup:
 * the highlighter is `kramdown.syntax_highlighter` when Ruby calls it true (`""` too), else
 * "coderay" when `kramdown.enable_coderay` is true (Jekyll 2's switch), else the site's
 * `highlighter` (or "rouge"). "coderay" makes Jekyll require the gem kramdown-syntax-coderay,
 * which kramdown 2 split out and Debian does not package, and the build stops there; build-site
 * has no CodeRay either, so it stops the same way.
 */
function assertNoCoderay(config: Config): void {
  const kd = (config.kramdown ?? {}) as Record<string, unknown>;
  const chosen = truthy(kd.syntax_highlighter) ? kd.syntax_highlighter
    : truthy(kd.enable_coderay) ? "coderay"
    : truthy(config.highlighter) ? config.highlighter : "rouge";
  if (chosen !== "coderay") return;
  throw new BuildError("Dependency Error: the syntax highlighter 'coderay' is not available: build-site highlights with Rouge only (Jekyll would need the gem kramdown-syntax-coderay).", {
    file: "_config.yml",
    hint: "Set `kramdown: { syntax_highlighter: rouge }` (and remove `enable_coderay` / `highlighter: coderay`).",
  });
}

/** KramdownParser::CODERAY_DEFAULTS, merged into `syntax_highlighter_opts` by a legacy `kramdown.coderay`. */
const CODERAY_DEFAULTS: Record<string, unknown> = { css: "style", bold_every: 10, line_numbers: "inline", line_number_start: 1, tab_width: 4, wrap: "div" };

/**
 * KramdownParser#setup, run when the Markdown converter converts for the first time: it fills in
 * `config["kramdown"]` in place — `syntax_highlighter ||= ` the chosen highlighter,
 * `syntax_highlighter_opts ||= {}` with `default_lang ||= "plaintext"` and `guess_lang` copied
 * from `kramdown.guess_lang`, `coderay ||= {}`, and a non-empty `coderay` merged (after
 * CODERAY_DEFAULTS) into `syntax_highlighter_opts` with its `coderay_` prefixes dropped. So
 * `{{ site.kramdown | jsonify }}` shows these keys in what is rendered after the first Markdown
 * conversion (a later document, the pages, every page of a `jekyll serve` rebuild), not before.
 * Here the site's config gets a filled-in copy (Ruby's new keys appended, in Jekyll's order), so
 * no hash another build or a defaults object shares is changed. `logger`: where Jekyll's
 * deprecation notes go (null after the first set-up: Jekyll sets its converter up once).
 */
function setUpKramdownConfig(config: Config, logger: Logger | null): Record<string, any> {
  const kd: Record<string, any> = isPlainObject(config.kramdown) ? { ...config.kramdown } : {};
  const highlighter = truthy(kd.syntax_highlighter) ? kd.syntax_highlighter
    : truthy(kd.enable_coderay) ? "coderay"
    : truthy(config.highlighter) ? config.highlighter : "rouge";
  if (!truthy(kd.syntax_highlighter)) kd.syntax_highlighter = highlighter;
  if (!truthy(kd.syntax_highlighter_opts)) kd.syntax_highlighter_opts = {};
  if (isPlainObject(kd.syntax_highlighter_opts)) {
    const opts = { ...kd.syntax_highlighter_opts };
    if (!truthy(opts.default_lang)) opts.default_lang = "plaintext";
    opts.guess_lang = kd.guess_lang ?? null;
    kd.syntax_highlighter_opts = opts;
  }
  if (!truthy(kd.coderay)) kd.coderay = {};
  if (isPlainObject(kd.coderay) && Object.keys(kd.coderay).length > 0 && isPlainObject(kd.syntax_highlighter_opts)) {
    logger?.warn("Deprecation:", "You are using 'kramdown.coderay' in your configuration, please use 'syntax_highlighter_opts' instead.");
    const merged = { ...kd.syntax_highlighter_opts, ...CODERAY_DEFAULTS, ...kd.coderay };
    const stripped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(merged)) {
      const clean = key.startsWith("coderay_") ? key.slice("coderay_".length) : key;
      if (clean !== key) logger?.warn("Deprecation:", `You are using '${key}'. Normalizing to ${clean}.`);
      stripped[clean] = value;
    }
    kd.syntax_highlighter_opts = stripped;
  }
  // Then kramdown reads the hash (Kramdown::Document.new, Options.merge), and its validators
  // leave Symbol keys in some options' hashes.
  markdownConverter.kramdownOptionsAsValidated(kd);
  // (`config["kramdown"] || {}`: a site whose `kramdown` is not a hash keeps it.)
  if (isPlainObject(config.kramdown)) config.kramdown = kd;
  return kd;
}

/** What one pass of the build made for its Site. */
interface Pass {
  plugins: Plugin[];
  /** The site has plugins of its own (`_plugins/*.js`). */
  ownPlugins: boolean;
  /** `_plugins/*.rb` files, named in a "tag not found" error's hint. */
  rubyOnly: string[];
  renderer?: Renderer;
}

export class Builder {
  private engines: Engines | null = null;
  private sass: SassConverter | null = null;
  /** The Site being built; the Liquid engine's host reads it through this. */
  private site: Site | null = null;
  private pass: Pass | null = null;
  /** Which site plugin files (and versions) the current build loaded: the engines hold their tags. */
  private sitePluginsKey = "";
  /**
   * Whether the Markdown converter has converted: Jekyll's converter lives as long as the Site
   * (every `jekyll serve` rebuild), and so does the kramdown config its setup filled in.
   */
  private kramdownSetUp = false;
  /** Whether the Markdown converter has converted, in this build or an earlier one. */
  get markdownSetUp(): boolean {
    return this.kramdownSetUp;
  }
  private readonly ms = { read: 0, generate: 0, render: 0 };
  /** Set by serve: what was read is kept between builds, and only changed files are read again. */
  sourceCache: SourceCache | null = null;

  constructor(readonly options: BuildOptions) {}

  /** Site#process: a full build, written atomically. */
  build(loaded: LoadedConfig = loadConfig(this.options.overrides)): BuildResult {
    const t0 = nowMs();
    if (parallelismAvailable() && sassNeededBeforeRead(loaded.config) && startSassThread()) {
      this.options.logger.debug("Stylesheets:", "Sass loads on its own thread, from the start (no CSS cached)");
    }
    const worker = startRenderWorker(loaded, this.options);
    let output: SiteWrite | null = null;
    try {
      const { site, renderer } = this.render(loaded, {
        plan: worker ? (site, renderer) => worker.plan(renderer, site, this.options.logger, (doc, out) => output!.writtenElsewhere(doc, out)) : undefined,
        // Outputs are let go once written, unless a hook may read them after writing or the
        // render worker hands them over (releaseOutputs in write/writer.ts).
        rendering: (site, outputsFinal) => (output = beginWrite(site, { outputsFinal, staged: worker !== null, force: this.options.force, releaseOutputs: outputsFinal && !worker && site.hooks.empty })).rendered,
      });
      const t1 = nowMs();
      output!.cleanup();
      const write = output!.finish();
      afterWrite(site);
      reportConflicts(write, this.options.logger);
      const t2 = nowMs();
      return { site, renderer, write, ms: { ...this.ms, write: t2 - t1, total: t2 - t0 } };
    } catch (e) {
      worker?.cancel();
      (output as SiteWrite | null)?.abort();
      throw e;
    }
  }

  /**
   * Reset, read, generate and render: the Site ready to write. A plugin that builds in passes
   * (jekyll-polyglot: one per language) runs them once per pass and returns the Site to write.
   */
  render(loaded: LoadedConfig, hooks: RenderOptions = {}): { site: Site; renderer: Renderer } {
    const { config } = loaded;
    assertDestinationOutsideSource(config.source, config.destination);
    for (const n of loaded.notes) this.options.logger[n.level](n.topic, n.message);
    Object.assign(this.ms, { read: 0, generate: 0, render: 0 });
    let main: { site: Site; renderer: Renderer } | null = null;
    const pass = (passConfig: Config, isMain: boolean): Site => {
      const site = this.process(loaded, passConfig, isMain ? hooks : {});
      if (isMain) main = { site, renderer: this.pass!.renderer! };
      return site;
    };
    const driver = passPlugin(config, loaded.theme);
    const site = driver ? driver.process!(config, pass) : pass(config, true);
    if (!main) throw new Error(`${driver?.name ?? "build"}: no main pass was run`);
    this.site = site;
    return { site, renderer: (main as { renderer: Renderer }).renderer };
  }

  /** One pass up to writing: reset, read, generate, render. */
  private process(loaded: LoadedConfig, config: Config, hooks: RenderOptions): Site {
    const site = this.reset(loaded, config);
    this.timed("read", () => this.read(site, { startSass: true }));
    this.timed("generate", () => this.generate(site));
    this.timed("render", () => this.renderSite(site, hooks));
    return site;
  }

  /** Reset, read and generate: the site as it is about to be rendered (what `doctor` inspects). */
  readAndGenerate(loaded: LoadedConfig): Site {
    const site = this.reset(loaded, loaded.config);
    this.read(site, { startSass: false });
    this.generate(site);
    return site;
  }

  /**
   * Site#reset: a new Site, and the plugins it runs. The site's own plugins load before anything
   * is read (PluginManager#conscientious_require), and their hooks and converters join the Site.
   */
  private reset(loaded: LoadedConfig, config: Config): Site {
    if (this.kramdownSetUp) setUpKramdownConfig(config, null);
    const site = new Site(config, this.options.logger, loaded.theme);
    this.site = site;
    const own = loadSitePlugins(site);
    this.sitePluginsKey = own.key;
    const plugins = enabledPlugins(site, own.plugins);
    this.pass = { plugins, ownPlugins: own.plugins.length > 0, rubyOnly: own.rubyOnly };
    site.hooks = new Hooks(plugins.flatMap((p) => p.hooks ?? []));
    site.converters.addPluginConverters(plugins.flatMap((p) => p.converters ?? []));
    // serve keeps unchanged files' documents between rebuilds only when nothing changes one after reading.
    if (this.sourceCache) this.sourceCache.keepDocuments = site.hooks.empty && documentsStayAsRead(plugins, own.plugins);
    this.withPluginHint(() => {
      site.hooks.trigger("site", "after_init", site);
      site.hooks.trigger("site", "after_reset", site);
    });
    return site;
  }

  /**
   * Site#read. With `startSass`, Sass starts loading on its own thread once the reader has found
   * stylesheets, so that it is ready when they render (sass-thread.ts).
   */
  private read(site: Site, { startSass }: { startSass: boolean }): void {
    this.withPluginHint(() => {
      this.sass = new SassConverter(site);
      new Reader(site, this.sourceCache ?? undefined).read();
      site.hooks.trigger("site", "post_read", site);
    });
    const isStylesheet = (kind: string) => kind === "sass" || kind === "scss";
    // Not when every stylesheet's CSS is cached: loading the compiler would only take the other
    // core from the build and delay the exit.
    const sass = this.sass!;
    if (startSass && parallelismAvailable() && site.pages.some((p) => isStylesheet(site.converters.kindFor(p.ext)) && sass.needsCompiler(p))) {
      if (startSassThread()) this.options.logger.debug("Stylesheets:", "Sass loads on its own thread");
    }
  }

  /** Site#generate: the engines for this site, then the enabled plugins' generators. */
  private generate(site: Site): void {
    const pass = this.pass!;
    const engines = this.enginesFor(site.config, pass.plugins);
    const renderer = new Renderer(site, engines.liquid, { markdown: engines.markdown, sass: this.sass! }, pass.ownPlugins);
    renderer.profiling = !!this.options.profile;
    pass.renderer = renderer;
    warnUnknownPlugins(site, this.options.logger);
    warnPaginateNotEnabled(site, this.options.logger);
    this.withPluginHint(() => generate(site, pass.plugins, { drops: renderer.drops, liquid: engines.liquid, logger: this.options.logger }));
  }

  /**
   * Site#render, with the `site` pre_render and post_render hooks around it, and the plugins'
   * post-render rewrites (jemoji, jekyll-mentions) before anything final is handed on.
   */
  private renderSite(site: Site, hooks: RenderOptions): void {
    // Site#render's relative_permalinks_are_deprecated: Jekyll 3.0 dropped permalinks relative to
    // the page's folder, and any truthy `relative_permalinks` (a Jekyll 2 setting, `true` in some
    // old sites' _config.yml) stops the build before anything renders.
    if (truthy(site.config.relative_permalinks)) {
      throw new BuildError("Since v3.0, permalinks for pages in subfolders must be relative to the site source directory, not the parent directory.", {
        hint: "Remove `relative_permalinks` from _config.yml (https://jekyllrb.com/docs/upgrading/ says more).",
      });
    }
    const { plugins, renderer } = this.pass!;
    const outputsFinal = !rewritesAfterRender(plugins) && !site.hooks.has("site", "post_render");
    this.withPluginHint(() => {
      const payload = site.hooks.empty ? null : { site: renderer!.drops.siteDrop(), jekyll: renderer!.drops.jekyll };
      site.hooks.trigger("site", "pre_render", site, payload);
      const onOutput = hooks.rendering?.(site, outputsFinal);
      renderer!.renderSite(hooks.plan?.(site, renderer!, outputsFinal), onOutput);
      const context = { drops: renderer!.drops, liquid: this.engines!.liquid, logger: this.options.logger };
      for (const plugin of plugins) plugin.postRender?.(site, context);
      site.hooks.trigger("site", "post_render", site, payload);
    });
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

  /** After a one-shot build: the CSS cache keeps only what this build used (sass-cache.ts). */
  pruneSassCache(): void {
    this.sass?.pruneCache();
  }

  private timed(stage: keyof Builder["ms"], run: () => void): void {
    const t = nowMs();
    run();
    this.ms[stage] += nowMs() - t;
  }

  /** A Liquid error about an unknown tag or filter names the site's Ruby plugins, which may define it. */
  private withPluginHint(run: () => void): void {
    try {
      run();
    } catch (e) {
      throw withRubyPluginHint(e, this.pass?.rubyOnly ?? []);
    }
  }

  private enginesFor(config: Config, plugins: Plugin[]): Engines {
    const key = `${engineKey(config)}\n${this.sitePluginsKey}`;
    if (this.engines?.key === key) return this.engines;
    // kramdown's `syntax_highlighter_opts: { disable: true }` turns Rouge off for Markdown code
    // blocks, as `highlighter: none` does (the highlighter's name: syntaxHighlighter in markdown).
    const markdown = lazyMarkdown(() => {
      assertKramdown(config.markdown);
      assertNoCoderay(config);
      // (The site being built now: the engines may have been made for an earlier build's config.)
      const kd = setUpKramdownConfig(this.site!.config, this.kramdownSetUp ? null : this.options.logger);
      this.kramdownSetUp = true;
      const off = kd.syntax_highlighter_opts?.disable === true;
      // The highlighter module (every lexer, thousands of patterns) loads at the first call, not
      // here: reading `highlighting.highlight` loaded it for a site that highlights nothing
      // (syntax_highlighter_opts: { disable: true }, or no code blocks), ~41 M instructions of a
      // 100-post build's main thread (bench/PROFILE.md, eighteenth session, "speed3").
      const highlight = (code: string, lang: string) => highlighting.highlight(code, lang);
      const lexerTag = (lang: string, code: string) => highlighting.rougeLexerTag(lang, code);
      return markdownConverter.createMarkdownConverter({ kramdown: kd, highlighter: off ? "none" : config.highlighter, highlight, lexerTag, extras: config.build_site_extras !== false });
    });
    const current = () => this.site!;
    // The plugins' tags and filters: the engine is remade when `plugins:` or the site's plugins change.
    const liquid = lazyLiquid(() => liquidEngine.createLiquidEngine(siteLiquidHost(current, markdown, () => this.sass!, (host) => pluginLiquid(plugins, { site: current, host }))));
    this.engines = { key, markdown, liquid };
    return this.engines;
  }
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
    const result = builder.build(loaded);
    builder.pruneSassCache();
    return result;
  } finally {
    builder.dispose();
  }
}
