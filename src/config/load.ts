// Builds the one Config a build uses: Jekyll's defaults, then each config file in order (later
// files win, hashes merge deeply), then command-line overrides — the order of Jekyll's
// Configuration#read_config_files followed by Configuration.from.
import fs from "node:fs";
import { DEFAULT_LIMITS } from "./limits.js";
import { readSourceText } from "../read/source-text.js";
import { isInside } from "../read/outside-site.js";
import { specialKind } from "../read/special-file.js";
import { sourceFolderProblem, sourceProblemHint, sourceProblemMessage } from "./source-folder.js";
import path from "node:path";
import { recordAsWritten, type WrittenPaths } from "./as-written.js";
import { BuildError } from "../errors.js";
import * as tomlReader from "../read/toml.js"; // bundle: lazy (TOML configurations are rare)
import { loadYaml } from "../read/yaml.js";
import type { Theme } from "../site/theme.js";
import { resolveTheme, type ThemeNote } from "../read/theme-locate.js";
import { assertValidZone } from "../ruby/time.js";
import { DEFAULT_EXCLUDES, PERMALINK_STYLES, jekyllDefaults } from "./defaults.js";
import { deepMerge, isPlainObject } from "./merge.js";
import { noMethodMessage, rubyClass, truthy } from "../ruby/values.js";
import type { Config, ConfigOverrides } from "./types.js";

export interface LoadedConfig {
  config: Config;
  /** Absolute paths of the config files read, for the "Configuration file:" line and for watching. */
  files: string[];
  /** The site's theme (`theme:` gem or `remote_theme:`), found or downloaded; null without one. */
  theme: Theme | null;
  /** What finding the theme had to say, for the build's log. */
  notes: ThemeNote[];
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

/**
 * A configuration file's settings; null when its YAML is not a mapping (a string, a list), which
 * Configuration#read_config_file refuses with an ArgumentError that the callers treat as Jekyll's do.
 */
function readConfigFile(file: string, zone: string | undefined): Config | null {
  // Configuration#safe_load_file picks the parser by the extension: /\.toml/i, then /\.ya?ml/i.
  const ext = path.extname(file);
  const toml = /\.toml/i.test(ext);
  if (!toml && !/\.ya?ml/i.test(ext)) {
    throw new BuildError(`no parser for '${displayPath(file)}'`, {
      file: displayPath(file),
      hint: "Use a .yml, .yaml or .toml configuration file.",
    });
  }
  // Read as every source is (read/source-text.ts): UTF-8 checked, size bounded by the default.
  const text = readSourceText(file, { display: displayPath(file), maxBytes: DEFAULT_LIMITS.fileBytes });
  if (toml) return tomlReader.loadToml(text, { file: displayPath(file) });
  const data = loadYaml(text, { file: displayPath(file), zone });
  if (data === null || data === undefined) return {};
  return isPlainObject(data) ? data : null;
}

/**
 * What is at `file`: a symlink loop or a dangling link counts as missing, as Ruby's File.exist?
 * has it; "other" is a named pipe, socket or device, whose reading could wait forever.
 */
function kindOf(file: string): "file" | "folder" | "other" | "missing" {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return "missing"; // ELOOP, or a path through a file
  }
  return stat === undefined ? "missing" : stat.isDirectory() ? "folder" : stat.isFile() ? "file" : "other";
}

function specialKindOf(file: string): string {
  return specialKind(fs.statSync(file)) ?? "not a regular file";
}

/** Finds the `timezone:` a file sets without fully trusting it, so times in it parse in that zone. */
function peekTimezone(files: string[]): string | undefined {
  let zone: string | undefined;
  for (const f of files) {
    const key = /\.toml/i.test(path.extname(f)) ? /^timezone\s*=\s*["']?([^"'\s#]+)/m : /^timezone:\s*["']?([^"'\s#]+)/m;
    const m = key.exec(fs.readFileSync(f, "utf8"));
    if (m) zone = m[1];
  }
  return zone;
}

export function loadConfig(overrides: ConfigOverrides, cwd = process.cwd()): LoadedConfig {
  // The folder the command names (--source, default the working directory): `_config.yml` is
  // read from it. The default destination and a relative `destination:` (from the command line or
  // the configuration) are placed in the working directory, as Jekyll places them
  // (`File.join(Dir.pwd, "_site")`, Site#initialize's `File.expand_path(config["destination"])`):
  // `jekyll build -s docs` writes `./_site`, not `docs/_site`, and CI scripts publish that folder.
  const root = path.resolve(cwd, overrides.source ?? ".");
  const rootProblem = sourceFolderProblem(root);
  if (rootProblem) {
    const origin = { option: true } as const;
    throw new BuildError(sourceProblemMessage(rootProblem, overrides.source ?? root, origin), { hint: sourceProblemHint(rootProblem, origin) });
  }
  let files: string[];
  let explicit = true;
  if (overrides.config && overrides.config.length) {
    files = overrides.config.map((f) => path.resolve(cwd, f));
  } else {
    explicit = false;
    // Configuration#config_files: the first of _config.yml, _config.yaml and _config.toml that is
    // a file. Jekyll passes over a folder of that name silently ("Configuration file: none"), and
    // so does build-site, with a warning.
    const found = ["yml", "yaml", "toml"].map((e) => path.join(root, `_config.${e}`)).find((f) => kindOf(f) === "file");
    files = found ? [found] : [];
  }
  const notes: ThemeNote[] = [];
  if (!explicit && files.length === 0) {
    const other = ["yml", "yaml", "toml"].map((e) => path.join(root, `_config.${e}`)).find((f) => kindOf(f) === "folder" || kindOf(f) === "other");
    if (other) {
      const what = kindOf(other) === "folder" ? "a folder" : specialKindOf(other);
      notes.push({ level: "warn", topic: "Warning:", message: `${displayPath(other)} is ${what}, not a file: no configuration is read (Jekyll passes over a folder too). Remove or rename it and write the settings in a _config.yml file.` });
    }
  }
  for (const f of files) {
    const kind = kindOf(f);
    if (kind === "missing") {
      throw new BuildError(`the configuration file '${displayPath(f)}' could not be found`, {
        hint: explicit ? "Check the paths given to --config." : undefined,
      });
    }
    // Jekyll: "could not be found" for `--config d.yml` naming a folder, and for a folder without
    // a .yml/.toml extension a warning that no parser reads it, then a build with the defaults.
    if (kind === "folder" || kind === "other") {
      throw new BuildError(`the configuration file '${displayPath(f)}' is ${kind === "folder" ? "a folder" : specialKindOf(f)}, not a file`, {
        hint: "--config takes configuration files (such as _config.yml), separated by commas.",
      });
    }
  }
  const zone = peekTimezone(files);
  let config: Config = jekyllDefaults(root);
  config.destination = path.join(cwd, "_site");
  // The file that last set each top-level key, so a bad value is reported where it was written.
  const setBy = new Map<string, string>();
  for (const f of files) {
    const data = readConfigFile(f, zone);
    if (data === null) {
      // Configuration#read_config_files: a file whose YAML is not a mapping raises, and the rescue
      // warns and builds with what was read so far (the defaults, earlier files) and the command
      // line's options; the files after it are not read (ERRORS.md, case 2).
      notes.push({ level: "warn", topic: "WARNING:", message: "Error reading configuration. Using defaults (and options)." });
      notes.push({ level: "warn", topic: "", message: `Configuration file: (INVALID) ${f}` });
      break;
    }
    for (const key of Object.keys(data)) setBy.set(key, f);
    config = deepMerge(config, data);
  }

  const cli: Config = {};
  for (const [k, v] of Object.entries(overrides)) {
    if (v !== undefined && k !== "config" && k !== "source" && k !== "destination") cli[k] = v;
  }
  config = deepMerge(config, cli);
  const written: WrittenPaths = {
    source: overrides.source ?? (setBy.has("source") && typeof config.source === "string" ? config.source : undefined),
    destination: overrides.destination ?? (setBy.has("destination") && typeof config.destination === "string" ? config.destination : undefined),
  };
  const source = siteSource(root, overrides.source !== undefined, config.source, setBy.get("source"));
  config.source = source;
  // Site#initialize: File.expand_path(config["destination"]), which takes only a String: a
  // `destination:` that YAML reads as a number, true/false or null is Ruby's TypeError there.
  if (overrides.destination === undefined && typeof config.destination !== "string") {
    const f = setBy.get("destination");
    throw new BuildError(`no implicit conversion of ${implicitName(config.destination)} into String (TypeError)`, {
      file: f === undefined ? undefined : displayPath(f),
      hint: "destination: is the folder to write the site to, written as a String, e.g. destination: _site (or remove it for the default).",
    });
  }
  config.destination = path.resolve(cwd, overrides.destination ?? String(config.destination ?? "_site"));
  validate(config, setBy);
  addDefaultCollections(config);
  config.exclude = [...new Set([...(config.exclude ?? []), ...DEFAULT_EXCLUDES])];
  const theme = resolveTheme(config, { cacheRoot: path.join(source, ".build-site-cache"), notes });
  if (theme && theme.origin !== "remote_theme") config = withThemeConfig(config, theme, zone, notes);
  recordAsWritten(config, written);
  return { config, files, theme, notes };
}

/**
 * The site's source. Jekyll reads the configuration from the folder the command names, and a
 * `source:` key there then becomes the source (Configuration#config_files reads from the
 * command-line source; Site#config= expands `source` against the working directory, which is that
 * folder when no --source is given; `--source` on the command line wins over the key, which is
 * then ignored). Measured with Jekyll 4.3.1: `_config.yml` saying `source: src` builds `src/`
 * into `./_site`, and `src/_config.yml` is not read. build-site resolves the key against the
 * folder the configuration was read from, and refuses one that leaves that folder (Jekyll builds
 * any folder it names): safer, as nothing else the configuration names may leave the site.
 */
function siteSource(root: string, fromCommandLine: boolean, key: unknown, file: string | undefined): string {
  if (fromCommandLine || key === undefined || key === null) return root;
  const where = file === undefined ? undefined : displayPath(file);
  if (typeof key !== "string") {
    // Site#config=: File.expand_path(config["source"]) takes only a String.
    throw new BuildError(`no implicit conversion of ${implicitName(key)} into String (TypeError)`, {
      file: where,
      hint: "source: is the folder of the site's files, written as a String, e.g. source: src (or remove it to build this folder).",
    });
  }
  const source = path.resolve(root, key);
  const problem = sourceFolderProblem(source);
  if (problem) {
    const origin = { option: false, relativeTo: displayPath(root) || "." } as const;
    throw new BuildError(sourceProblemMessage(problem, key, origin), { file: where, hint: sourceProblemHint(problem, origin) });
  }
  const realRoot = fs.realpathSync(root);
  const real = fs.realpathSync(source);
  if (!isInside(real, realRoot)) {
    throw new BuildError(`source: ${key} is outside the folder the configuration was read from (${displayPath(root) || root}); build-site builds only sources inside it`, {
      file: where,
      hint: "Jekyll would build that folder; build-site reads nothing outside the site's folder. Point source: at a folder inside it, or run build-site --source FOLDER instead.",
    });
  }
  return source;
}

/**
 * Site#load_theme_configuration: the theme's `_config.yml` lies beneath the site's config, without
 * the keys Jekyll has defaults for (a theme cannot change `exclude`, `permalink`…), unless
 * `ignore_theme_config: true`. jekyll-remote-theme sets the theme after the config is read, so a
 * remote theme's `_config.yml` is never read.
 */
function withThemeConfig(config: Config, theme: Theme, zone: string | undefined, notes: ThemeNote[]): Config {
  if (config.ignore_theme_config === true || !theme.configFile) return config;
  const themeConfig = readConfigFile(theme.configFile, zone);
  // Site#load_theme_configuration: `return config unless theme_config.is_a?(Hash)`.
  if (themeConfig === null) return config;
  notes.push({ level: "info", topic: "Theme Config file:", message: theme.configFile });
  const defaults = jekyllDefaults(config.source);
  for (const key of Object.keys(themeConfig)) if (key in defaults) delete themeConfig[key];
  return deepMerge(themeConfig, config);
}

/** How Ruby's "no implicit conversion of X into String" names a value: nil, true and false by name. */
function implicitName(v: unknown): string {
  return v === null || v === undefined ? "nil" : v === true || v === false ? String(v) : rubyClass(v);
}

function validate(config: Config, setBy: Map<string, string>): void {
  // The config file the key came from (none for a command-line option).
  const where = (key: string) => {
    const f = setBy.get(key);
    return f === undefined ? undefined : displayPath(f);
  };
  for (const key of ["include", "exclude", "keep_files"]) {
    if (config[key] !== undefined && config[key] !== null && !Array.isArray(config[key])) {
      throw new BuildError(`'${key}' should be set as an array, but was: ${JSON.stringify(config[key])}`, {
        file: where(key),
        hint: `Write it as a list, e.g. ${key}: [a, b]`,
      });
    }
  }
  if (config.plugins !== undefined && config.plugins !== null && !Array.isArray(config.plugins)) {
    throw new BuildError(`'plugins' should be set as an array of gem names, but was: ${JSON.stringify(config.plugins)}`, {
      file: where("plugins"),
      hint: "Write it as a list, e.g. plugins: [jekyll-feed]",
    });
  }
  // Site#config= takes `config["permalink"].to_sym` (and add_default_collections' style_to_permalink
  // the same): a permalink that YAML reads as no String (`permalink: false`, `5`) is Ruby's
  // NoMethodError there; null falls back to the default style.
  if (config.permalink !== undefined && config.permalink !== null && typeof config.permalink !== "string") {
    throw new BuildError(noMethodMessage("to_sym", config.permalink), {
      file: where("permalink"),
      hint: "permalink: is a style name (date, pretty, ordinal, weekdate, none) or a template such as /:year/:title/, written as a String.",
    });
  }
  // Site#file_read_opts takes a truthy `encoding`, and Utils.merged_file_read_opts calls
  // downcase on it when a file is read: one that is no String (`encoding: 5`) is NoMethodError.
  if (truthy(config.encoding) && typeof config.encoding !== "string") {
    throw new BuildError(noMethodMessage("downcase", config.encoding), {
      file: where("encoding"),
      hint: "encoding: names a Ruby encoding as a String, e.g. encoding: utf-8.",
    });
  }
  if (config.timezone) {
    try {
      assertValidZone(String(config.timezone));
    } catch {
      throw new BuildError(`unknown timezone '${config.timezone}'`, {
        file: where("timezone"),
        hint: "Use an IANA zone name such as America/New_York or Asia/Shanghai (a POSIX TZ string such as UTC+8 or EST5EDT,M3.2.0,M11.1.0 is read as glibc reads it).",
      });
    }
  }
  const errorMode = config.liquid?.error_mode;
  if (errorMode !== undefined && !["warn", "lax", "strict"].includes(errorMode)) {
    throw new BuildError(`liquid.error_mode must be one of warn, lax or strict, not ${JSON.stringify(errorMode)}`, {
      file: where("liquid"),
      hint: "Jekyll's default is warn: a malformed tag or output is read leniently, with a warning.",
    });
  }
  const c = config.collections;
  if (c !== null && c !== undefined && !isPlainObject(c) && !Array.isArray(c)) {
    throw new BuildError("your `collections` key must be a hash or an array", {
      file: where("collections"),
      hint: "List the collections' names (collections: [recipes]) or give each its settings (collections: { recipes: { output: true } }).",
    });
  }
  // Converters::SmartyPants#initialize, made for every site at setup, takes `config["kramdown"].dup`
  // and sets `[:input] = :SmartyPants` on it: a `kramdown:` that is no mapping stops every build
  // there (a String or list: TypeError; a number, true, a date: NoMethodError); false and an empty
  // value build. (Measured with Jekyll 4.3.1, ERRORS.md case 106.)
  const kd = config.kramdown;
  if (truthy(kd) && !isPlainObject(kd)) {
    throw new BuildError(typeof kd === "string" || Array.isArray(kd) ? "no implicit conversion of Symbol into Integer (TypeError)" : noMethodMessage("[]=", kd), {
      file: where("kramdown"),
      hint: "kramdown: holds kramdown's settings as a mapping (kramdown: { input: GFM }), or remove it for the defaults.",
    });
  }
  // LayoutReader and DataReader join `layouts_dir` / `data_dir` to the source with
  // PathManager.sanitize_and_join, which asks the value `start_with?("~")`: one that YAML reads as
  // no String is NoMethodError there, at every build (nil is the source itself). `includes_dir`
  // is taken with `.to_s` (a list becomes a folder named `["a"]`), so it builds.
  for (const key of ["layouts_dir", "data_dir"]) {
    const v = config[key];
    if (v !== null && v !== undefined && typeof v !== "string") {
      throw new BuildError(noMethodMessage("start_with?", v), {
        file: where(key),
        hint: `${key}: names a folder of the site, as a String (${key}: ${key === "layouts_dir" ? "_layouts" : "_data"}), or remove it for the default.`,
      });
    }
  }
  // Reader#outside_configured_directory? asks `collections_dir.empty?` for every folder it reads
  // posts from, the source's root first: a number, a boolean or a date has no empty?
  // (NoMethodError). (nil keeps the default "", a list or a mapping has one.)
  const dir = config.collections_dir;
  if (dir !== null && dir !== undefined && typeof dir !== "string" && !Array.isArray(dir) && !isPlainObject(dir)) {
    throw new BuildError(noMethodMessage("empty?", dir), {
      file: where("collections_dir"),
      hint: "collections_dir: names a folder of the site, as a String (collections_dir: my_collections).",
    });
  }
  // Converters::Markdown#extname_list splits `markdown_ext` at commas when it first asks whether a
  // file is Markdown: anything but a String (`markdown_ext: [md]`, `5`) is NoMethodError.
  const ext = config.markdown_ext;
  if (ext !== null && ext !== undefined && typeof ext !== "string") {
    throw new BuildError(noMethodMessage("split", ext), {
      file: where("markdown_ext"),
      hint: "markdown_ext: is one String of extensions separated by commas, e.g. markdown_ext: \"markdown,mkdown,mkdn,mkd,md\".",
    });
  }
  checkDefaultScopes(config.defaults, where("defaults"));
  // (An empty list or mapping is empty?, so no folder is outside it, as with ""; a non-empty list
  // or mapping stays one: config/collections-dir.ts reads it as Jekyll does, and Liquid's
  // site.collections_dir shows it.)
  if (typeof dir !== "string" && !((Array.isArray(dir) || isPlainObject(dir)) && Object.keys(dir).length > 0)) config.collections_dir = "";
}

/**
 * FrontmatterDefaults, on the first file it finds defaults for (every page, document and static
 * file asks): update_deprecated_types asks each set's `scope` for `key?("type")`, so a `scope:` that
 * is no mapping (`scope: x`, or left empty) is NoMethodError; applies_type? calls `to_sym` on a
 * scope's `type`, which a String has and a number, a boolean, a date or nil do not. Jekyll logs it
 * for a document ("could not read file") and stops at the first page or static file.
 */
function checkDefaultScopes(sets: unknown, file: string | undefined): void {
  if (!Array.isArray(sets)) return;
  for (const set of sets) {
    // (A set that is no mapping, or whose values are none, is skipped with a warning first.)
    if (!isPlainObject(set) || !isPlainObject(set.values) || !Object.hasOwn(set, "scope")) continue;
    const scope = set.scope;
    const hint = "A defaults set's scope: is a mapping of path: and type:, e.g. scope: {path: \"_posts\", type: posts}.";
    if (!isPlainObject(scope)) throw new BuildError(`defaults: ${noMethodMessage("key?", scope)} (its scope)`, { file, hint });
    if (Object.hasOwn(scope, "type") && typeof scope.type !== "string") throw new BuildError(`defaults: ${noMethodMessage("to_sym", scope.type)} (its scope's type)`, { file, hint });
  }
}

/** Configuration#add_default_collections: `posts` always exists, writes, and takes the site permalink. */
function addDefaultCollections(config: Config): void {
  if (config.collections === null || config.collections === undefined) return;
  if (Array.isArray(config.collections)) {
    config.collections = Object.fromEntries(config.collections.map((l: unknown) => [String(l), {}]));
  }
  const collections = deepMerge({ posts: {} }, config.collections);
  for (const [k, v] of Object.entries(collections)) if (!isPlainObject(v)) collections[k] = {};
  collections.posts = { ...collections.posts, output: true };
  if (config.permalink && collections.posts.permalink == null) {
    const style = String(config.permalink);
    collections.posts.permalink = PERMALINK_STYLES[style] ?? style;
  }
  config.collections = collections;
}
