// Compiled CSS kept between builds, keyed by everything the compiler reads: the stylesheet's
// text, the options, the compiler's name and version, and the contents of every Sass/CSS file it
// could import (the load paths and the stylesheet's own folder, recursively). Sass is the largest
// single cost of a small site's cold build (loading the compiler and booting its process take
// longer than rendering a homepage), and stylesheets rarely change between two builds.
//
// Stored in `<source>/.build-site-cache/sass/` (skipped by the reader like every dot-folder), or
// in the folder `build_site: { css_cache: … }` names: a folder the site commits, so that a fresh
// clone (a CI runner) builds without a Sass compiler at all, as Hugo sites commit
// `resources/_gen`. For that the entries are portable: every path in a key is relative to the
// site (or to the theme), never absolute, and an entry holds only the CSS, its map and warnings.
// `disable_disk_cache: true` and safe mode turn it off, as they do Jekyll's caches.
//
// Never stale: an entry is used only when its key — all of the above, hashed — matches; the key is
// computed again after compiling and the CSS is stored only if no input changed meanwhile; and
// files the compiler loaded that the key's walk did not read (a `../../` import, a partial in a
// `.`-folder or `node_modules` below a keyed folder) are recorded with the folders they lie in,
// whose contents must still match before the entry is used.
// Loaded on first use in the bundle (scripts/bundle.mjs): a site without Sass never hashes.
import * as crypto from "node:crypto"; // bundle: lazy
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SASS_FILE } from "./sass-files.js";
import { isInside, realFolder } from "../read/outside-site.js";

export interface CachedSass {
  css: string;
  map?: string;
  warnings: string[];
}

interface Entry extends CachedSass {
  /** Folders outside the keyed ones that the compile read from (portable), and their fingerprint. */
  outside?: { folders: string[]; hash: string };
}

/** Beyond this many candidate files, fingerprinting costs more than it saves: no caching. */
const MAX_FILES = 5000;

/**
 * The Sass files below `dir`, by sass-import-scan.ts's pattern. A walk of its own: the scan's
 * (sassFilesBelow) must see every file Dart Sass may load, hidden folders and node_modules
 * included, and gives up at the first link; the key skips `.`-folders, node_modules and `_site`
 * (the CSS written there would change the key at every build; a site's node_modules can hold
 * thousands of files), and an entry records the folders of what a compile loaded from them (set()). A symlink among them (or a symlinked folder, whose files a walk by
 * directory entries would not see) spends the whole budget: such folders are not cached, so every
 * build compiles them and the importer (sass-importer.ts) checks where each link leads. An entry
 * cached before would otherwise be served without that check, or stay stale when a linked
 * folder's files change.
 */
function collectInputs(dir: string, out: string[], budget: { left: number }): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (budget.left <= 0) return;
    if (skippedByKeyWalk(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isSymbolicLink()) { budget.left = 0; return; }
    if (e.isDirectory()) collectInputs(p, out, budget);
    else if (SASS_FILE.test(e.name)) { out.push(p); budget.left--; }
  }
}

/** The names collectInputs passes over below a folder it walks. */
function skippedByKeyWalk(name: string): boolean {
  return name.startsWith(".") || name === "node_modules" || name === "_site";
}

/** Whether the key's walk of `folders` read `file`: below one of them, through no skipped name. */
function coveredByKey(file: string, folders: string[]): boolean {
  return folders.some((d) => {
    const rel = path.relative(path.resolve(d), file);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return false;
    return !rel.split(path.sep).some(skippedByKeyWalk);
  });
}

let versionMemo: string | undefined;
/**
 * The installed sass-embedded's version ("" when there is none), part of every key as
 * sassCompilerId(): a new Dart Sass may print other CSS. Read from sass-embedded's package.json without loading the package (loading it is the cost the
 * cache avoids). Found as Node finds a bare package name, by looking in `node_modules` of this
 * module's folder and each folder above it (build-site's own, a hoisted one, pnpm's sibling
 * layout); asking `require.resolve` instead took 5–7 ms of a cold build on every site with
 * committed CSS (it reads the package's exports map with cold loader code). It is still the
 * fallback when no folder above has the package (NODE_PATH, global folders).
 */
export function installedSassVersion(): string {
  if (versionMemo !== undefined) return versionMemo;
  const versionIn = (file: string): string | null => {
    try {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
      return pkg.name === "sass-embedded" && typeof pkg.version === "string" ? pkg.version : null;
    } catch {
      return null;
    }
  };
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 64; depth++) {
    const id = versionIn(path.join(dir, "node_modules", "sass-embedded", "package.json"));
    if (id) return (versionMemo = id);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve("sass-embedded"));
    for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
      const id = versionIn(path.join(dir, "package.json"));
      if (id) return (versionMemo = id);
    }
  } catch {
    // not installed: nothing can be compiled, and nothing cached is used
  }
  return (versionMemo = "");
}

/** The compiler's name and version (`sass-embedded@1.105.0`), part of every key; "" when it is not installed. */
export function sassCompilerId(): string {
  const version = installedSassVersion();
  return version ? `sass-embedded@${version}` : "";
}

/** Keys used by this process's builds, per cache folder: what prune() keeps. */
const usedKeys = new Map<string, Set<string>>();

export interface SassCacheOptions {
  /** The site's source folder: paths in keys are relative to it. */
  source: string;
  /** The theme's folder, when there is one: its paths are keyed relative to it. */
  themeRoot?: string | null;
  /** Where entries live (default `<source>/.build-site-cache/sass`). */
  dir?: string;
  enabled: boolean;
}

export class SassCache {
  readonly dir: string;
  private readonly source: string;
  private readonly themeRoot: string | null;
  private readonly wanted: boolean;

  constructor(options: SassCacheOptions) {
    this.source = path.resolve(options.source);
    this.themeRoot = options.themeRoot ? path.resolve(options.themeRoot) : null;
    this.dir = options.dir ?? defaultSassCacheDir(this.source);
    this.wanted = options.enabled;
  }

  /** Asked when a stylesheet is first looked up: finding sass-embedded's package.json is start-up cost a site without Sass need not pay. */
  get enabled(): boolean {
    return this.wanted && sassCompilerId() !== "";
  }

  /** A path as the key holds it: relative to the site or the theme, so that a clone elsewhere has the same key. */
  portable(p: string): string {
    const abs = path.resolve(p);
    const rel = (root: string) => path.relative(root, abs).split(path.sep).join("/");
    if (abs === this.source || abs.startsWith(this.source + path.sep)) return `site:${rel(this.source)}`;
    if (this.themeRoot && (abs === this.themeRoot || abs.startsWith(this.themeRoot + path.sep))) return `theme:${rel(this.themeRoot)}`;
    return abs;
  }

  private inSiteOrTheme(folder: string): boolean {
    const real = realFolder(folder);
    const within = (root: string | null) => {
      const top = root ? realFolder(root) : null;
      return real !== null && top !== null && isInside(real, top);
    };
    return within(this.source) || within(this.themeRoot);
  }

  private fromPortable(p: string): string {
    if (p.startsWith("site:")) return path.join(this.source, p.slice(5));
    if (p.startsWith("theme:") && this.themeRoot) return path.join(this.themeRoot, p.slice(6));
    return p;
  }

  /** Hash of every Sass/CSS file (name and contents) below `folders`; null past MAX_FILES. */
  private fingerprint(folders: string[]): string | null {
    const files: string[] = [];
    const budget = { left: MAX_FILES };
    for (const f of [...new Set(folders)]) collectInputs(f, files, budget);
    if (budget.left <= 0) return null;
    const h = crypto.createHash("sha256");
    for (const f of [...new Set(files)].sort()) {
      h.update("\0").update(this.portable(f)).update("\0");
      try {
        h.update(fs.readFileSync(f));
      } catch {
        // vanished while we looked
      }
    }
    return h.digest("hex");
  }

  /**
   * The key for compiling `source` with `options` (paths in it already portable), reading from
   * `folders`; null when the cache is off or the folders hold too many files.
   */
  key(source: string, options: unknown, folders: string[]): string | null {
    if (!this.enabled) return null;
    const files = this.fingerprint(folders);
    if (files === null) return null;
    return crypto.createHash("sha256")
      .update(sassCompilerId()).update("\0")
      .update(JSON.stringify(options)).update("\0")
      .update(JSON.stringify([...new Set(folders)].map((f) => this.portable(f)).sort())).update("\0")
      .update(files).update("\0")
      .update(source)
      .digest("hex");
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  /** Whether an entry for `key` exists (without checking it): enough to decide whether to start the compiler. */
  has(key: string | null): boolean {
    return !!key && fs.existsSync(this.file(key));
  }

  get(key: string | null): CachedSass | null {
    if (!key) return null;
    let entry: Entry;
    try {
      entry = JSON.parse(fs.readFileSync(this.file(key), "utf8")) as Entry;
    } catch {
      return null;
    }
    if (typeof entry?.css !== "string" || !Array.isArray(entry.warnings)) return null;
    // Files read from outside the keyed folders must be in the site or the theme: an entry an older
    // build-site stored after reading elsewhere is compiled again, and refused (sass-importer.ts).
    if (entry.outside && !entry.outside.folders.every((f) => this.inSiteOrTheme(this.fromPortable(f)))) return null;
    if (entry.outside && this.fingerprint(entry.outside.folders.map((f) => this.fromPortable(f))) !== entry.outside.hash) return null;
    this.used(key);
    return { css: entry.css, map: entry.map, warnings: entry.warnings };
  }

  /**
   * Stores a compile's result. `keyFolders` are the folders the key covers and `loaded` the files
   * the compiler read: the folders of those the key's walk did not read (outside the keyed
   * folders, or below them in a folder the walk skips) are fingerprinted with the entry.
   */
  set(key: string | null, value: CachedSass, keyFolders: string[], loaded: string[]): void {
    if (!key) return;
    const outsideFolders = [...new Set(loaded.filter((f) => !coveredByKey(f, keyFolders)).map((f) => path.dirname(f)))].sort();
    const entry: Entry = { css: value.css, warnings: value.warnings };
    if (value.map !== undefined) entry.map = value.map;
    if (outsideFolders.length) {
      const hash = this.fingerprint(outsideFolders);
      if (hash === null) return;
      entry.outside = { folders: outsideFolders.map((f) => this.portable(f)), hash };
    }
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const file = this.file(key);
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, `${JSON.stringify(entry, null, 1)}\n`);
      fs.renameSync(tmp, file);
      this.used(key);
    } catch {
      // a cache that cannot be written is only slower
    }
  }

  private used(key: string): void {
    let set = usedKeys.get(this.dir);
    if (!set) usedKeys.set(this.dir, (set = new Set()));
    set.add(key);
  }

  /**
   * After a successful one-shot build: removes the entries it did not use, so that a committed
   * cache folder holds the site's current CSS and nothing else (as `hugo --gc` does).
   */
  prune(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    if (!this.enabled) return;
    const keep = usedKeys.get(this.dir) ?? new Set<string>();
    for (const n of names) {
      const m = /^([0-9a-f]{64})\.json$/.exec(n);
      if (m && !keep.has(m[1]!)) fs.rmSync(path.join(this.dir, n), { force: true });
    }
  }
}

/** Where compiled CSS is cached when the site names no `css_cache` folder. */
export function defaultSassCacheDir(source: string): string {
  return path.join(source, ".build-site-cache", "sass");
}
