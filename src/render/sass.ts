// The Sass/SCSS converter, configured as jekyll-sass-converter configures its compiler: the
// `sass:` keys `sass_dir` (default `_sass`), `load_paths`, `style` (Dart Sass: expanded or
// compressed; libsass-only styles fall back to expanded) and `quiet_deps` /
// `silence_deprecations` (jekyll-sass-converter 3 keys). We compile with Dart Sass
// (sass-embedded): Debian's Jekyll uses libsass, whose CSS text differs (see jekyll-facts.md), so
// conformance compares CSS after normalising whitespace.
//
// Deprecation warnings from vendored libraries (anything reached through a load path, like
// Minimal Mistakes' susy and breakpoint) are silenced by default; the site's own are shown.
import fs from "node:fs";
import path from "node:path";
import { sanitizedPath } from "../write/contain.js";
import { pathToFileURL, fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type * as sass from "sass-embedded";
import { BuildError } from "../errors.js";
import { realFolder } from "../read/outside-site.js";
import { limitsOf, raiseHint } from "../config/limits.js";
import { defaultSassCacheDir, SassCache } from "./sass-cache.js";
import { compileToReply } from "./sass-compile.js";
import type { SassCompileOptions, SassReply } from "./sass-protocol.js";
import { SassThread } from "./sass-thread.js";
import type { SassProcessGuard } from "./sass-process-guard.js";
import type { Site } from "../site/site.js";
import type { Config } from "../config/types.js";

export interface SassInput {
  source: string;
  syntax: "scss" | "sass";
  /** Absolute path of the file the source came from (relative imports resolve from it). */
  file?: string;
  /** Front matter lines removed before `source`. */
  lineOffset?: number;
}

export interface SassOutput {
  css: string;
  /** Source map JSON, when the `sourcemap` setting asks for one. */
  map?: string;
}

/**
 * One Dart Sass compiler process for the whole run: sass-embedded's top-level `compileString`
 * starts a new one per call, which costs more than compiling a theme. `disposeSassCompiler()`
 * ends it (the CLI does, so the process can exit).
 */
let sharedCompiler: sass.Compiler | null = null;
/** sass-embedded takes 160–280 ms to load: only sites with stylesheets pay for it. */
let sassModule: typeof sass | null = null;
function sassApi(): typeof sass {
  sassModule ??= createRequire(import.meta.url)("sass-embedded") as typeof sass;
  return sassModule;
}
function compiler(): sass.Compiler {
  sharedCompiler ??= sassApi().initCompiler();
  return sharedCompiler;
}
/** The Sass thread (sass-thread.ts), when the build started one. */
let sharedThread: SassThread | null = null;
/** Set on serve's rebuild thread: its Sass threads end their compiler when it is abandoned. */
let processGuard: SassProcessGuard | undefined;

/** serve's rebuild thread hands over its guard (sass-process-guard.ts) before it builds. */
export function guardSassProcesses(guard: SassProcessGuard): void {
  processGuard = guard;
}

/** Starts loading Sass on its own thread (Builder does, once the reader has seen a stylesheet); false if it runs already. */
export function startSassThread(): boolean {
  if (sharedThread) return false;
  sharedThread = new SassThread(processGuard);
  return true;
}

/**
 * Whether to start the Sass thread before the site is read (Builder.build): the site has a Sass
 * folder with partials and no compiled CSS is cached, as on a first build or a CI runner without a
 * committed cache. Loading the compiler takes longer than reading and rendering a small site, so
 * every millisecond it starts earlier comes off the build's time. Otherwise the reader decides,
 * once it knows the stylesheets and whether their CSS is cached.
 */
export function sassNeededBeforeRead(config: Config): boolean {
  let partials: string[];
  try {
    partials = fs.readdirSync(sassDir(config));
  } catch {
    return false;
  }
  if (!partials.some((n) => /\.s[ac]ss$/.test(n))) return false;
  if (config.disable_disk_cache === true || config.safe) return true;
  const dir = cssCacheDir(config) ?? defaultSassCacheDir(config.source);
  try {
    return !fs.readdirSync(dir).some((n) => n.endsWith(".json"));
  } catch {
    return true;
  }
}

export function disposeSassCompiler(): void {
  sharedCompiler?.dispose();
  sharedCompiler = null;
  sharedThread?.dispose();
  sharedThread = null;
}

/**
 * On the Sass thread, started now if the build has not yet, because only there does a compile have
 * a time limit (sass-worker.ts); here when the thread cannot load Sass, or with
 * BUILD_SITE_WORKERS=0 (one thread, no limit).
 */
function compileAnywhere(source: string, options: SassCompileOptions, timeLimitMs: number): SassReply {
  if (process.env.BUILD_SITE_WORKERS !== "0") startSassThread();
  return sharedThread?.compile(source, options, timeLimitMs) ?? compileToReply(sassApi(), compiler(), 0, source, options);
}

/**
 * `build_site: { css_cache: FOLDER }`: compiled CSS kept in a folder of the site that it may
 * commit (sass-cache.ts); inside the source, like every path a site names. Default: the private
 * `.build-site-cache/sass/`.
 */
function cssCacheDir(config: Config): string | undefined {
  const own = (config.build_site as Record<string, unknown> | undefined)?.css_cache;
  if (own === undefined || own === null || own === false || own === "") return undefined;
  return sanitizedPath(config.source, String(own));
}

/**
 * The site's Sass folder (`sass: { sass_dir: … }`, default `_sass`). jekyll-sass-converter puts it
 * inside the source in every mode (sass_dir_relative_to_site_source: `sass_dir: ../x` is
 * `<source>/x`).
 */
function sassDir(config: Config): string {
  const conf = (config.sass ?? {}) as Record<string, any>;
  return sanitizedPath(config.source, conf.sass_dir ? String(conf.sass_dir) : "_sass");
}

export class SassConverter {
  private readonly loadPaths: string[];
  /**
   * Real paths of the folders a stylesheet may import from, in every mode: the site and its
   * theme's folder. The importer (sass-importer.ts) refuses anything else before reading it.
   */
  private readonly readRoots: string[];
  private readonly style: "expanded" | "compressed";
  private readonly quietDeps: boolean;
  private readonly silence: sass.DeprecationOrId[];
  /** jekyll-sass-converter's `sourcemap`: always (default), never, or development. */
  private readonly sourcemap: boolean;
  private readonly cache: SassCache;
  /** `build_site.limits.sass_seconds`: Dart Sass has no bound of its own. */
  private readonly timeLimitMs: number;

  constructor(private readonly site: Site) {
    // jekyll-sass-converter: no caching in safe mode (allow_caching?), and every load path is
    // put inside the source (Jekyll.sanitized_path).
    const conf = (site.config.sass ?? {}) as Record<string, any>;
    this.timeLimitMs = limitsOf(site.config as Record<string, unknown>).sassMs;
    this.cache = new SassCache({
      source: site.source,
      themeRoot: site.theme?.root,
      dir: cssCacheDir(site.config),
      enabled: site.config.disable_disk_cache !== true && !site.safe,
    });
    const user = conf.load_paths === undefined || conf.load_paths === null ? [] : [conf.load_paths].flat().map(String);
    // `load_paths` are put inside the source, as `sass_dir` is. Safer than Jekyll, which does so
    // only in safe mode and otherwise lets Sass read any folder the configuration names.
    const place = (p: string) => {
      const inside = sanitizedPath(site.source, p);
      if (inside !== path.resolve(site.source, p)) {
        site.logger.warn("Sass:", `load_paths: ${p} is outside the site; build-site reads ${site.displayPath(inside)} instead (it reads nothing outside the site).`);
      }
      return inside;
    };
    this.loadPaths = [...new Set([...user.map(place), sassDir(site.config)])];
    // jekyll-sass-converter: the theme's `_sass` comes after the site's own load paths.
    if (site.theme?.sassPath) this.loadPaths.push(site.theme.sassPath);
    this.readRoots = [site.source, site.theme?.root].flatMap((dir) => (dir ? realFolder(dir) ?? [] : []));
    this.style = String(conf.style ?? "expanded").replace(/^:/, "") === "compressed" ? "compressed" : "expanded";
    this.quietDeps = conf.quiet_deps ?? true;
    const sm = String(conf.sourcemap ?? "always").replace(/^:/, "");
    this.sourcemap = sm === "always" || (sm === "development" && (process.env.JEKYLL_ENV || "development") === "development");
    // `@import` is how every Jekyll theme loads its partials (libsass knows nothing else), so its
    // deprecation is silenced unless the site lists its own `silence_deprecations`.
    this.silence = Array.isArray(conf.silence_deprecations) ? conf.silence_deprecations.map(String) as sass.DeprecationOrId[] : ["import"];
  }

  /** CSS only (the `sassify`/`scssify` filters). */
  convert(input: SassInput): string {
    return this.compile(input, false).css;
  }

  /**
   * A stylesheet page: CSS, and with `sourcemap` on, the map Jekyll writes next to it
   * (`main.css.map`) and the `sourceMappingURL` comment that points at it.
   */
  convertPage(input: SassInput & { file: string }, cssName: string): SassOutput {
    return this.compile(input, this.sourcemap, cssName);
  }

  /** The cache key of a compile, and the folders it covers. */
  private keyFor(input: SassInput, withMap: boolean, cssName?: string): { key: string | null; folders: string[] } {
    const folders = input.file ? [...this.loadPaths, path.dirname(input.file)] : this.loadPaths;
    const p = (f: string) => this.cache.portable(f);
    const options = [input.syntax, input.file && p(input.file), withMap, cssName, this.style, this.loadPaths.map(p), this.quietDeps, this.silence];
    return { key: this.cache.key(input.source, options, folders), folders };
  }

  /**
   * Whether a stylesheet page will need the compiler: false only when its text has no Liquid (so
   * it is what Sass will get) and its CSS is in the cache. The Builder starts the Sass thread only
   * for a page that does.
   */
  needsCompiler(page: { content: string; path: string | null; ext: string; basename: string }): boolean {
    if (!this.cache.enabled || !page.path || page.content.includes("{{") || page.content.includes("{%")) return true;
    const syntax = page.ext === ".sass" ? "sass" : "scss";
    const cssName = `${page.basename}.css`;
    return !this.cache.has(this.keyFor({ source: page.content, syntax, file: page.path }, this.sourcemap, cssName).key);
  }

  /** After a successful one-shot build: cache entries this build did not use are removed (sass-cache.ts). */
  pruneCache(): void {
    this.cache.prune();
  }

  private compile(input: SassInput, withMap: boolean, cssName?: string): SassOutput {
    const { key, folders } = this.keyFor(input, withMap, cssName);
    const cached = this.cache.get(key);
    if (cached) {
      for (const w of cached.warnings) this.site.logger.warn("Sass:", w);
      return { css: cached.css, map: cached.map };
    }
    const { loaded, ...out } = this.compileNow(input, withMap, cssName);
    // Stored only if no input changed while the compiler read them.
    if (key && this.keyFor(input, withMap, cssName).key === key) this.cache.set(key, out, folders, loaded);
    return { css: out.css, map: out.map };
  }

  private compileNow(input: SassInput, withMap: boolean, cssName?: string): SassOutput & { warnings: string[]; loaded: string[] } {
    const url = input.file ? pathToFileURL(input.file).href : undefined;
    const reply = compileAnywhere(input.source, {
      syntax: input.syntax === "sass" ? "indented" : "scss",
      style: this.style,
      loadPaths: this.loadPaths,
      readRoots: this.readRoots,
      source: this.site.source,
      url,
      sourceMap: withMap,
      quietDeps: this.quietDeps,
      silenceDeprecations: this.silence.map(String),
    }, this.timeLimitMs);
    const warnings = reply.warnings.map((w) => {
      const where = w.url?.startsWith("file:") ? `${this.site.displayPath(fileURLToPath(w.url))}:${(w.line ?? 0) + 1}` : "";
      // Dart Sass appends "More info…" paragraphs; the first line says what is wrong.
      return `${where ? `${where}: ` : ""}${w.message.split("\n")[0]}`;
    });
    for (const w of warnings) this.site.logger.warn("Sass:", w);
    if (!reply.ok) {
      if (reply.timedOut) {
        const seconds = this.timeLimitMs / 1000;
        throw new BuildError(`Sass error: compiling the stylesheet took longer than ${seconds} s and was stopped`, {
          file: input.file ? this.site.displayPath(input.file) : undefined,
          hint: `Look for an @while whose condition never turns false, or an @for or @each over far too much. ${raiseHint("sass_seconds", `${seconds}`)}`,
        });
      }
      if (!reply.span) throw new Error(reply.message);
      const span = reply.span;
      const inSelf = !span.url || span.url === url;
      const file = span.url?.startsWith("file:") ? this.site.displayPath(fileURLToPath(span.url)) : input.file ? this.site.displayPath(input.file) : undefined;
      throw new BuildError(`Sass error: ${reply.sassMessage?.replace(/^Error: /, "")}`, {
        file,
        line: span.line + 1 + (inSelf ? input.lineOffset ?? 0 : 0),
        column: span.column + 1,
        hint: "Fix the stylesheet; partials are looked up in the sass_dir (default _sass) and load_paths.",
        cause: new Error(reply.message),
      });
    }
    const loaded = (reply.loadedUrls ?? []).filter((u) => u.startsWith("file:")).map((u) => fileURLToPath(u));
    if (!withMap || !reply.sourceMap || !cssName) return { css: `${reply.css}\n`, warnings, loaded };
    const map = reply.sourceMap;
    const relative = (u: string) => {
      if (!u.startsWith("file:")) return u;
      return this.site.displayPath(fileURLToPath(u));
    };
    const json = JSON.stringify({ ...map, file: cssName, sources: map.sources.map(relative) }, null, "\t");
    return { css: `${reply.css}\n\n/*# sourceMappingURL=${encodeURI(`${cssName}.map`)} */`, map: json, warnings, loaded };
  }
}
