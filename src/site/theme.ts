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
  /** What `{{ theme }}` shows of an installed gem's gemspec (readGemspecFacts); null for others. */
  readonly gemspecFacts: GemspecFacts | null;

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
    this.gemspecFacts = gemspec && origin === "gem" ? readGemspecFacts(gemspec) : null;
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

/** A runtime dependency as Gem::Dependency shows it: its name and requirement strings, in order. */
export interface GemDependency {
  name: string;
  requirements: string[];
}

/** The gemspec attributes Jekyll 4.3's ThemeDrop reads (`{{ theme.version }}`…). */
export interface GemspecFacts {
  version: string;
  authors: string[];
  summary: string | null;
  description: string | null;
  metadata: Record<string, string>;
  /** Gem::Specification#runtime_dependencies, `jekyll` included. */
  dependencies: GemDependency[];
}

/** A Ruby double-quoted string literal's text (the escapes a gemspec stub writes). */
function rubyString(lit: string): string {
  return lit.replace(/\\(u\{?[0-9a-fA-F]+\}?|.)/g, (_, e: string) => {
    if (e[0] === "u") return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ""), 16));
    return ({ n: "\n", t: "\t", r: "\r", e: "\x1b", s: " ", "0": "\0" } as Record<string, string>)[e] ?? e;
  });
}

const RUBY_STRING = String.raw`"((?:[^"\\]|\\.)*)"`;

/**
 * The facts of an installed gem's specification stub (`specifications/<gem>.gemspec`, what
 * RubyGems loads): `s.version = "2.5.1"`, `s.authors = ["…".freeze]`, `s.summary`,
 * `s.description`, `s.metadata = { "k" => "v" }` and the runtime dependencies with their
 * requirements (`s.add_runtime_dependency(%q<jekyll-feed>.freeze, ["~> 0.9"])`). Null when the
 * file has no version.
 */
export function readGemspecFacts(gemspec: string): GemspecFacts | null {
  let text: string;
  try {
    text = fs.readFileSync(gemspec, "utf8");
  } catch {
    return null;
  }
  const attr = (name: string): string | null => {
    const m = new RegExp(String.raw`^\s*\w+\.${name}\s*=\s*${RUBY_STRING}`, "m").exec(text);
    return m ? rubyString(m[1]!) : null;
  };
  const version = attr("version");
  if (version === null) return null;
  const list = (name: string): string[] => {
    const m = new RegExp(String.raw`^\s*\w+\.${name}\s*=\s*\[([^\]\n]*)\]`, "m").exec(text);
    return m ? [...m[1]!.matchAll(new RegExp(RUBY_STRING, "g"))].map((x) => rubyString(x[1]!)) : [];
  };
  const metadata: Record<string, string> = {};
  const meta = /^\s*\w+\.metadata\s*=\s*\{([^}\n]*)\}/m.exec(text);
  if (meta) {
    for (const m of meta[1]!.matchAll(new RegExp(`${RUBY_STRING}\\s*=>\\s*${RUBY_STRING}`, "g"))) metadata[rubyString(m[1]!)] = rubyString(m[2]!);
  }
  // As readRuntimeDependencies: the stub's runtime branch only.
  const branch = /respond_to\?\s*:add_runtime_dependency\s*then([\s\S]*?)\n\s*else\b/.exec(text);
  const deps: GemDependency[] = [];
  for (const m of (branch ? branch[1]! : "").matchAll(/^\s*\w+\.add_runtime_dependency\(%q<([\w.-]+)>(?:\.freeze)?,\s*\[([^\]\n]*)\]\)/gm)) {
    deps.push({ name: m[1]!, requirements: [...m[2]!.matchAll(new RegExp(RUBY_STRING, "g"))].map((x) => rubyString(x[1]!)) });
  }
  return { version, authors: list("authors"), summary: attr("summary"), description: attr("description"), metadata, dependencies: deps };
}
