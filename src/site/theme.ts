// A gem-based theme, as Jekyll 4.3's Jekyll::Theme sees one: a folder whose `_layouts`,
// `_includes`, `_sass`, `assets` and `_data` lie beneath the site's own files (the site's file
// wins), whose `_config.yml` lies beneath the site's config, and whose gemspec's runtime
// dependencies are loaded as plugins (PluginManager#require_theme_deps).
//
// This module only describes a theme folder; read/theme-locate.ts finds one for `theme:` and
// `remote_theme:`. The reader (read/reader.ts) layers the folders; later stages never see themes.
import fs from "node:fs";
import path from "node:path";

export type ThemeOrigin = "gem" | "node_modules" | "download" | "remote_theme";

export class Theme {
  /** The theme's folders (real paths inside `root`), null when the theme has none. */
  readonly layoutsPath: string | null;
  readonly includesPath: string | null;
  readonly sassPath: string | null;
  readonly assetsPath: string | null;
  readonly dataPath: string | null;
  /** Gem names of the gemspec's runtime dependencies, `jekyll` left out. */
  readonly runtimeDependencies: string[];

  constructor(
    /** The name as configured, lower-cased and trimmed (Jekyll::Theme#name). */
    readonly name: string,
    /** Real path of the theme folder. */
    readonly root: string,
    readonly origin: ThemeOrigin,
    /** Where the gemspec was read from, when there is one (its runtime dependencies). */
    gemspec: string | null = null,
  ) {
    this.layoutsPath = this.pathFor("_layouts");
    this.includesPath = this.pathFor("_includes");
    this.sassPath = this.pathFor("_sass");
    this.assetsPath = this.pathFor("assets");
    this.dataPath = this.pathFor("_data");
    this.runtimeDependencies = gemspec ? readRuntimeDependencies(gemspec) : [];
  }

  /** Jekyll::Theme#basename: how messages name the theme's files (`minima-2.5.1/_layouts/home.html`). */
  get basename(): string {
    return path.basename(this.root);
  }

  /** The theme's `_config.yml`, unless it is missing or a symlink (Site#load_theme_configuration skips one). */
  get configFile(): string | null {
    const file = path.join(this.root, "_config.yml");
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    return st?.isFile() ? file : null;
  }

  /**
   * Jekyll::Theme#path_for: the folder, its symlinks resolved, only while it stays inside the theme
   * (a symlinked `_layouts` pointing elsewhere in the theme is fine; one leaving it is ignored).
   */
  private pathFor(folder: string): string | null {
    let real: string;
    try {
      real = fs.realpathSync(path.join(this.root, folder));
    } catch {
      return null;
    }
    if (real !== this.root && !real.startsWith(this.root + path.sep)) return null;
    return fs.statSync(real).isDirectory() ? real : null;
  }
}

/**
 * The runtime dependencies a gemspec names, read without Ruby: both the installed stub form
 * (`s.add_runtime_dependency(%q<jekyll-feed>.freeze, ["~> 0.9"])`) and the source form
 * (`spec.add_runtime_dependency "jekyll-seo-tag", "~> 2.1"`, `add_dependency` likewise), as
 * jekyll-remote-theme's MockGemspec reads them. Development dependencies are not runtime ones.
 */
export function readRuntimeDependencies(gemspec: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(gemspec, "utf8");
  } catch {
    return [];
  }
  // An installed stub lists them in `if s.respond_to? :add_runtime_dependency then … else … end`,
  // and its `else` branch writes development dependencies with add_dependency too: only the
  // first branch counts.
  const branch = /respond_to\?\s*:add_runtime_dependency\s*then([\s\S]*?)\n\s*else\b/.exec(text);
  if (branch) text = branch[1]!;
  const names: string[] = [];
  const re = /^\s*[a-z_]+\.add_(?:runtime_)?dependency\s*\(?\s*(?:%q<([\w.-]+)>|["']([\w.-]+)["'])/gm;
  for (const m of text.matchAll(re)) {
    const name = m[1] ?? m[2]!;
    if (name !== "jekyll" && !names.includes(name)) names.push(name);
  }
  return names;
}
