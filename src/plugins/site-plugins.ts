// A site's own plugins: `_plugins/**/*.{js,mjs,cjs}` (or `plugins_dir`), loaded the way Jekyll's
// PluginManager#require_plugin_files loads `_plugins/**/*.rb`: every file, in sorted order, not
// at all in safe mode. Each file exports what a built-in plugin registers (the Plugin interface of
// src/plugins/api.ts): a plugin object, an array of them, or a function returning one or an
// array. See src/plugins/README.md for the API and README.md for a worked example.
//
// Files are loaded synchronously (Node's require, which loads ES modules too since Node 20.19),
// so the build stays synchronous. A CommonJS file that changed is loaded again; an ES module
// cannot be reloaded through require, so `serve` loads changed ones with import() beforehand
// (preloadSitePlugins) and the synchronous load takes that copy.
//
// Ruby plugins never run: a `.rb` file with no JavaScript file of the same name beside it gets one
// warning naming it, before anything renders.
//
// A plugin file whose real path leaves both the site and the plugins folder it was found in (a
// symlink `_plugins/x.js -> ~/elsewhere/x.js`) is skipped with a warning naming the link and where
// it leads, as every other symlink out of the site is (README "Safety"); Jekyll requires it unless
// --safe. A `plugins_dir` (or `-p DIR`) is honoured where it points, as Jekyll's
// PluginManager#plugins_path does: choosing a folder of code to run is the same trust as writing
// a plugin, and --safe loads none. What a plugin itself requires or imports (`../../lib.js`) is
// Node's business, not checked: a plugin is code running with the user's rights, which can read
// any file anyway (README "JavaScript plugins").
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BuildError } from "../errors.js";
import { isInside, outsideSiteMessage, realFolder } from "../read/outside-site.js";
import type { Plugin } from "./api.js";
import type { Site } from "../site/site.js";
import { validateHook } from "../site/hooks.js";
import { PRIORITY } from "./registry.js";

const JS_PLUGIN = /\.(?:js|mjs|cjs)$/;
/** Bounds on what a plugins folder may hold (files looked at, folder depth). */
const MAX_FILES = 10_000;
const MAX_DEPTH = 32;

export interface SitePluginSet {
  plugins: Plugin[];
  /** `.rb` files with no JavaScript twin (warned about), relative to the source for messages. */
  rubyOnly: string[];
  /** JavaScript files loaded, with their stamps: the engines are remade when this changes. */
  key: string;
  /** Every file under the plugins folders (for serve's watcher). */
  files: string[];
}

const EMPTY: SitePluginSet = { plugins: [], rubyOnly: [], key: "", files: [] };

/** PluginManager#plugins_path: `<source>/_plugins`, or each `plugins_dir` from the working directory. */
export function pluginsDirs(config: Record<string, any>): string[] {
  const dir = config.plugins_dir;
  if (dir === undefined || dir === null || dir === "_plugins") return [path.join(config.source, "_plugins")];
  return [dir].flat().map((d) => path.resolve(String(d)));
}

function listFiles(dir: string, depth = 0, out: string[] = []): string[] {
  if (depth > MAX_DEPTH || out.length >= MAX_FILES) return out;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, depth + 1, out);
    else if (out.length < MAX_FILES) out.push(p);
  }
  return out;
}

/** A plugin file skipped because its real path leaves the site and its plugins folder. */
export interface OutsidePlugin {
  file: string;
  real: string;
}

/**
 * The JavaScript plugin files to load, in order, and those skipped because their real path
 * leaves both the site's source and the plugins folder they were listed in (see the top).
 */
export function jsPluginFiles(config: Record<string, any>, files?: string[]): { load: string[]; outside: OutsidePlugin[] } {
  const source = realFolder(String(config.source));
  const load: string[] = [];
  const outside: OutsidePlugin[] = [];
  for (const dir of pluginsDirs(config)) {
    const root = realFolder(dir);
    for (const file of files?.filter((f) => f.startsWith(dir + path.sep)) ?? listFiles(dir)) {
      if (!JS_PLUGIN.test(file)) continue;
      let real: string;
      try {
        real = fs.realpathSync(file);
      } catch {
        continue; // a dangling link: nothing to load
      }
      if ((source !== null && isInside(real, source)) || (root !== null && isInside(real, root))) load.push(file);
      else outside.push({ file, real });
    }
  }
  return { load, outside };
}

/** Whether the site has JavaScript plugins that would load (the render worker stays off then). */
export function hasSitePlugins(config: Record<string, any>): boolean {
  return !config.safe && jsPluginFiles(config).load.length > 0;
}

function stamp(file: string): string {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  return st ? `${st.mtimeMs}:${st.size}` : "gone";
}

/** Modules loaded, by file: the stamp they were loaded at. */
const loaded = new Map<string, { stamp: string; exports: unknown }>();

/** For `serve`: loads changed ES module plugins with import() (which can load a file again), so the synchronous load finds them. */
export async function preloadSitePlugins(config: Record<string, any>): Promise<void> {
  if (config.safe) return;
  {
    // Files leading out of the site are never imported (loadSitePlugins warns about them).
    for (const file of jsPluginFiles(config).load) {
      const s = stamp(file);
      if (loaded.get(file)?.stamp === s) continue;
      try {
        const { importFresh } = createRequire(import.meta.url)("./esm-import.js") as typeof import("./esm-import.js");
        const exports = await importFresh(`${pathToFileURL(file).href}?v=${encodeURIComponent(s)}`);
        loaded.set(file, { stamp: s, exports });
      } catch {
        // The synchronous load reports it, with the file named.
      }
    }
  }
}

function requireFresh(file: string): unknown {
  const s = stamp(file);
  const hit = loaded.get(file);
  if (hit?.stamp === s) return hit.exports;
  const req = createRequire(file);
  // A CommonJS module is loaded again once forgotten; an ES module stays as first loaded (see above).
  delete req.cache[file];
  const exports = req(file);
  loaded.set(file, { stamp: s, exports });
  return exports;
}

function pluginsFrom(exports: unknown, display: string): Plugin[] {
  let value: unknown = exports;
  if (value && typeof value === "object" && "default" in (value as object) && (value as any).default !== undefined) value = (value as any).default;
  if (typeof value === "function") value = (value as (api: unknown) => unknown)({ PRIORITY });
  const list = (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]) as unknown[];
  const plugins: Plugin[] = [];
  list.forEach((p, i) => {
    if (!p || typeof p !== "object") throw new Error(`it exports ${typeof p}, not a plugin object`);
    const plugin = { ...(p as Record<string, any>) };
    plugin.name = typeof plugin.name === "string" && plugin.name ? plugin.name : list.length > 1 ? `${display}#${i}` : display;
    if (typeof plugin.priority === "string") {
      const v = (PRIORITY as Record<string, number>)[plugin.priority];
      if (v === undefined) throw new Error(`unknown generator priority ${JSON.stringify(plugin.priority)} (highest, high, normal, low or lowest)`);
      plugin.priority = v;
    }
    for (const key of ["generate", "liquidTags", "liquidBlocks", "liquidFilters", "postRender"]) {
      if (plugin[key] !== undefined && typeof plugin[key] !== "function") throw new Error(`${key} must be a function`);
    }
    for (const c of plugin.converters ?? []) {
      if (!c || typeof c.matches !== "function" || typeof c.convert !== "function" || typeof c.outputExt !== "function") {
        throw new Error("a converter needs matches(ext), outputExt(ext) and convert(content)");
      }
    }
    for (const h of plugin.hooks ?? []) {
      const problem = validateHook(h);
      if (problem) throw new Error(problem);
    }
    plugins.push(plugin as Plugin);
  });
  return plugins;
}

/** The site's plugins (none in safe mode), warning once about each Ruby plugin that has no JavaScript twin. */
export function loadSitePlugins(site: Site): SitePluginSet {
  const dirs = pluginsDirs(site.config);
  const files = dirs.flatMap((d) => listFiles(d));
  if (files.length === 0) return EMPTY;
  if (site.safe) {
    if (files.some((f) => JS_PLUGIN.test(f) || f.endsWith(".rb"))) site.logger.debug("Plugins:", "safe mode: the site's _plugins are not loaded");
    return { ...EMPTY, files };
  }
  const jsBases = new Set(files.filter((f) => JS_PLUGIN.test(f)).map((f) => f.replace(JS_PLUGIN, "")));
  const rubyOnly: string[] = [];
  for (const f of files) {
    if (f.endsWith(".rb") && !jsBases.has(f.slice(0, -3))) {
      const shown = site.displayPath(f);
      rubyOnly.push(shown);
      site.logger.warn("Plugin:", `${shown} is a Ruby plugin, and build-site does not run Ruby: the tags, filters and pages it defines will be missing. Write it in JavaScript as ${shown.slice(0, -3)}.js (see "JavaScript plugins" in build-site's README).`);
    }
  }
  const { load, outside } = jsPluginFiles(site.config, files);
  for (const { file, real } of outside) {
    site.logger.warn("Outside the site:", outsideSiteMessage(site.displayPath(file), real));
  }
  const plugins: Plugin[] = [];
  const stamps: string[] = [];
  for (const file of load) {
    const display = site.displayPath(file);
    try {
      const list = pluginsFrom(requireFresh(file), display);
      if (list.length === 0) site.logger.debug("Plugins:", `${display} exports no plugin (a helper module?)`);
      plugins.push(...list);
    } catch (e) {
      if (e instanceof BuildError) throw e;
      const err = e as Error;
      throw new BuildError(`could not load the plugin ${display}: ${err?.message ?? e}`, {
        file: display,
        hint: "A plugin file exports a plugin object (or an array of them, or a function returning them): see \"JavaScript plugins\" in build-site's README.",
        cause: e,
      });
    }
    stamps.push(`${file}@${stamp(file)}`);
  }
  return { plugins, rubyOnly, key: stamps.join("\n"), files };
}

/** A "tag … not found" (or filter) error, when Ruby plugins were skipped, says they may be why. */
export function withRubyPluginHint(e: unknown, rubyOnly: string[]): unknown {
  if (!(e instanceof BuildError) || rubyOnly.length === 0 || !/\b(?:tag|filter)\b.*\bnot found\b|undefined filter|Unknown tag/i.test(e.message)) return e;
  const hint = `${rubyOnly.join(", ")} ${rubyOnly.length > 1 ? "are Ruby plugins" : "is a Ruby plugin"} (not run by build-site) and may define it: write ${rubyOnly.length > 1 ? "them" : "it"} in JavaScript (see "JavaScript plugins" in build-site's README).`;
  return new BuildError(e.message, { file: e.file, line: e.line, column: e.column, hint: e.hint ? `${e.hint} ${hint}` : hint, cause: e.cause ?? e });
}
