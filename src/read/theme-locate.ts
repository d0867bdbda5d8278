// Finds the folder of the theme a site names, without Ruby:
//
//   theme: NAME         1. an installed gem (GEM_HOME, GEM_PATH, the site's vendor/bundle, and
//                          the places RubyGems installs to on Debian, other Linux, macOS, rbenv
//                          and rvm), the highest version when several are installed;
//                       2. a `node_modules/NAME` package, looked up from the site upwards;
//                       3. for the themes GitHub Pages supports (and minima): the gem's source
//                          at its tag on GitHub, downloaded once into the site's disk cache.
//   remote_theme: OWNER/REPO[@REF]   the repository's archive at REF (default: the default
//                          branch), downloaded once into the disk cache, as jekyll-remote-theme
//                          does (GitHub Pages enables that plugin whenever `remote_theme` is set).
//
// A theme that cannot be found is an error that says where we looked and what to do, as in Jekyll
// ("The minima theme could not be found."), not a build without layouts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BuildError } from "../errors.js";
import { ArchiveCache, archiveBaseUrl, type ArchiveKey } from "../cache/archive-cache.js";
import { Theme } from "../site/theme.js";

/** Gem name → the public repository and tag of the version GitHub Pages builds with. */
export const KNOWN_THEMES: Record<string, { repo: string; ref: string }> = {
  minima: { repo: "jekyll/minima", ref: "v2.5.1" },
  "jekyll-theme-architect": { repo: "pages-themes/architect", ref: "v0.2.0" },
  "jekyll-theme-cayman": { repo: "pages-themes/cayman", ref: "v0.2.0" },
  "jekyll-theme-dinky": { repo: "pages-themes/dinky", ref: "v0.2.0" },
  "jekyll-theme-hacker": { repo: "pages-themes/hacker", ref: "v0.2.0" },
  "jekyll-theme-leap-day": { repo: "pages-themes/leap-day", ref: "v0.2.0" },
  "jekyll-theme-merlot": { repo: "pages-themes/merlot", ref: "v0.2.0" },
  "jekyll-theme-midnight": { repo: "pages-themes/midnight", ref: "v0.2.0" },
  "jekyll-theme-minimal": { repo: "pages-themes/minimal", ref: "v0.2.0" },
  "jekyll-theme-modernist": { repo: "pages-themes/modernist", ref: "v0.2.0" },
  "jekyll-theme-primer": { repo: "pages-themes/primer", ref: "v0.6.0" },
  "jekyll-theme-slate": { repo: "pages-themes/slate", ref: "v0.2.0" },
  "jekyll-theme-tactile": { repo: "pages-themes/tactile", ref: "v0.2.0" },
  "jekyll-theme-time-machine": { repo: "pages-themes/time-machine", ref: "v0.2.0" },
};

/** What loading a theme had to say (the build prints it with its other messages). */
export interface ThemeNote {
  level: "info" | "warn" | "debug";
  topic: string;
  message: string;
}

export interface ThemeOptions {
  /** Where downloads are cached (`<source>/.build-site-cache`). */
  cacheRoot: string;
  /** Notes for the log. */
  notes: ThemeNote[];
}

/** Ruby gem folders to search, most specific first. All are conventions of RubyGems and Bundler. */
function gemRoots(source: string): string[] {
  const home = os.homedir();
  const env = (k: string) => (process.env[k] ? process.env[k]!.split(path.delimiter).filter(Boolean) : []);
  const versions = (dir: string) => {
    try {
      return fs.readdirSync(dir).sort().reverse().map((v) => path.join(dir, v));
    } catch {
      return [];
    }
  };
  return [
    ...env("GEM_HOME"),
    ...env("GEM_PATH"),
    // `bundle config set path vendor/bundle` installs here (Jekyll excludes it from the site).
    ...versions(path.join(source, "vendor", "bundle", "ruby")),
    ...versions(path.join(home, ".gem", "ruby")),
    ...versions(path.join(home, ".local", "share", "gem", "ruby")),
    ...versions("/var/lib/gems"),
    // Debian's and Ubuntu's packaged gems (ruby-*, jekyll-theme-minima).
    "/usr/share/rubygems-integration/all",
    ...versions("/usr/lib/ruby/gems"),
    ...versions("/usr/local/lib/ruby/gems"),
    ...versions("/opt/homebrew/lib/ruby/gems"),
    ...versions("/Library/Ruby/Gems"),
    ...versions(path.join(home, ".rbenv", "versions")).flatMap((v) => versions(path.join(v, "lib", "ruby", "gems"))),
    ...versions(path.join(home, ".rvm", "gems")),
  ];
}

/** Compares "2.5.1" and "2.10.0" as RubyGems versions compare (numbers by value). */
function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "0";
    const y = pb[i] ?? "0";
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

/** The installed gem `name` with the highest version: its folder and its gemspec. */
function findInstalledGem(name: string, source: string): { dir: string; gemspec: string | null } | null {
  let best: { dir: string; gemspec: string | null; version: string } | null = null;
  for (const root of gemRoots(source)) {
    let entries: string[];
    try {
      entries = fs.readdirSync(path.join(root, "gems"));
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.startsWith(`${name}-`)) continue;
      const version = entry.slice(name.length + 1);
      // "minima-2.5.1" is minima; "minima-extra-1.0" is another gem.
      if (!/^\d[\w.]*(?:-[\w.]+)?$/.test(version)) continue;
      if (best && compareVersions(version, best.version) <= 0) continue;
      const spec = path.join(root, "specifications", `${entry}.gemspec`);
      best = { dir: path.join(root, "gems", entry), gemspec: fs.existsSync(spec) ? spec : sourceGemspec(path.join(root, "gems", entry), name), version };
    }
  }
  return best;
}

/** A gemspec at the top of a theme's source (a repository, an npm package). */
function sourceGemspec(dir: string, name: string): string | null {
  for (const f of [`${name}.gemspec`, `jekyll-theme-${name}.gemspec`]) {
    if (fs.existsSync(path.join(dir, f))) return path.join(dir, f);
  }
  try {
    const any = fs.readdirSync(dir).find((f) => f.endsWith(".gemspec"));
    return any ? path.join(dir, any) : null;
  } catch {
    return null;
  }
}

/** `node_modules/<name>` in the site's folder or any folder above it, as Node resolves packages. */
function findNodePackage(name: string, source: string): string | null {
  if (!/^(?:@[\w.-]+\/)?[\w.-]+$/.test(name)) return null;
  for (let dir = source; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isDirectory()) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

function themeAt(name: string, dir: string, origin: Theme["origin"], gemspec: string | null): Theme {
  return new Theme(name, fs.realpathSync(dir), origin, gemspec);
}

/** Jekyll::Theme.new(name): the `theme:` gem. */
export function locateGemTheme(rawName: string, source: string, options: ThemeOptions): Theme {
  const name = rawName.toLowerCase().trim();
  const gem = findInstalledGem(name, source);
  if (gem) return themeAt(name, gem.dir, "gem", gem.gemspec);
  const pkg = findNodePackage(name, source);
  if (pkg) return themeAt(name, pkg, "node_modules", sourceGemspec(pkg, name));
  const known = KNOWN_THEMES[name];
  if (known) {
    const [owner, repo] = known.repo.split("/") as [string, string];
    const dir = fetchTheme({ owner, repo, ref: known.ref }, options, `the ${name} theme`);
    return themeAt(name, dir, "download", sourceGemspec(dir, name));
  }
  throw new BuildError(`the ${name} theme could not be found`, {
    hint: `\`theme: ${name}\` names a Ruby gem. Install it (gem install ${name}), put its files in node_modules/${name}, ` +
      "or copy its _layouts, _includes, _sass and assets folders into the site and remove the `theme:` line.",
  });
}

/** jekyll-remote-theme's accepted forms: owner/name, owner/name@ref, and the same after http(s)://host/. */
const REMOTE_THEME = /^(?:(https?):\/\/([^/\s]+)\/)?([a-z0-9-]+)\/([a-z0-9._-]+?)(?:@([a-z0-9._\-/]+))?\/?$/i;

export interface RemoteThemeSpec extends ArchiveKey {
  /** The host from an http(s):// form; null for github.com. */
  host: string | null;
}

export function parseRemoteTheme(raw: string): RemoteThemeSpec | null {
  const m = REMOTE_THEME.exec(raw.trim());
  if (!m) return null;
  // jekyll-remote-theme lower-cases the whole value; GitHub's names are case-insensitive.
  const host = m[2] && m[2].toLowerCase() !== "github.com" ? m[2].toLowerCase() : null;
  // Without a ref, the repository's default branch: GitHub resolves HEAD to it (jekyll-remote-theme
  // 0.4 asks for "master", which no longer exists in repositories made since 2020).
  return { owner: m[3]!.toLowerCase(), repo: m[4]!.toLowerCase(), ref: m[5] ?? "HEAD", host };
}

/** jekyll-remote-theme: the repository's archive, from the cache or downloaded into it. */
export function locateRemoteTheme(raw: string, options: ThemeOptions): Theme {
  const spec = parseRemoteTheme(raw);
  if (!spec) {
    throw new BuildError(`${JSON.stringify(raw)} is not a valid remote theme`, {
      hint: "Write remote_theme: OWNER/REPOSITORY or OWNER/REPOSITORY@REF (a branch, tag or commit), e.g. mmistakes/minimal-mistakes@4.26.2.",
    });
  }
  if (spec.host) options.notes.push({ level: "warn", topic: "Remote Theme:", message: `${spec.host} is not github.com; build-site downloads from ${archiveBaseUrl()} (BUILD_SITE_ARCHIVE_BASE).` });
  const dir = fetchTheme(spec, options, `remote theme ${spec.owner}/${spec.repo}@${spec.ref}`);
  // jekyll-remote-theme's MockGemspec: <name>.gemspec or jekyll-theme-<name>.gemspec at the top.
  return themeAt(spec.repo, dir, "remote_theme", sourceGemspec(dir, spec.repo));
}

function fetchTheme(key: ArchiveKey, options: ThemeOptions, what: string): string {
  const cache = new ArchiveCache(path.join(options.cacheRoot, "themes"));
  const cached = cache.lookup(key);
  if (cached) return cached;
  options.notes.push({ level: "info", topic: "Theme:", message: `downloaded ${what} into ${cache.folderFor(key)}` });
  return cache.fetch(key, what);
}

/**
 * The site's theme, as Site#configure_theme and jekyll-remote-theme's Munger choose it:
 * `remote_theme` (when the jekyll-remote-theme plugin may run) wins over `theme`, and sets
 * `theme` to the repository's name. Returns null for a site without one.
 */
export function resolveTheme(config: Record<string, any>, options: ThemeOptions): Theme | null {
  const remote = config.remote_theme;
  if (typeof remote === "string" && remote.trim() !== "") {
    const allowed = !config.safe || [config.whitelist].flat().includes("jekyll-remote-theme");
    if (allowed) {
      const theme = locateRemoteTheme(remote, options);
      config.theme = theme.name;
      return theme;
    }
    options.notes.push({ level: "warn", topic: "Remote Theme:", message: "ignored in safe mode: jekyll-remote-theme is not in `whitelist:`" });
  }
  const name = config.theme;
  if (name === null || name === undefined) return null;
  if (typeof name !== "string") {
    options.notes.push({ level: "warn", topic: "Theme:", message: `value of 'theme' in config should be String to use gem-based themes, but got ${Array.isArray(name) ? "Array" : typeof name === "object" ? "Hash" : typeof name}` });
    return null;
  }
  const theme = locateGemTheme(name, config.source, options);
  options.notes.push({ level: "debug", topic: "Theme source:", message: theme.root });
  return theme;
}
