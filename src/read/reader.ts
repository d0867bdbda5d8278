// The read stage: walks the source once, the way Jekyll's Reader does, and fills the Site with
// layouts, pages, static files, posts and drafts, collection documents and data.
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "../errors.js";
import type { Collection } from "../site/collection.js";
import { DATELESS_FILENAME, DATE_FILENAME, Document } from "../site/document.js";
import { Layout } from "../site/layout.js";
import { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { StaticFile } from "../site/static-file.js";
import { JekyllTime } from "../ruby/time.js";
import { readData } from "./data-reader.js";
import { attachBibliographyData } from "./bibliography.js";
import { EntryFilter } from "./entry-filter.js";
import { LoopGuard } from "./loop-guard.js";
import { specialKind, specialSkippedMessage } from "./special-file.js";
import { outsideSiteMessage } from "./outside-site.js";
import { deepMerge } from "../config/merge.js";
import { collectionsDirJoined, collectionsDirRefused, collectionsDirText } from "../config/collections-dir.js";
import { hasFrontMatter, parseFrontMatter, type ParsedFile } from "./front-matter.js";
import { loadYaml } from "./yaml.js";
import { isPermissionDenied, readSiteSource, unreadableFile } from "./source-text.js";
import type { SourceCache } from "./source-cache.js";
import { compareStrings, noMethodMessage, RubyFloat, toS } from "../ruby/values.js";

function isDir(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The first bytes of a file, enough to see a `---` line (one buffer for every file). */
const HEAD = Buffer.alloc(64);

/** Whether to pass over a walked entry (a named pipe, socket or device), saying so. */
type SkipSpecial = (abs: string, e: fs.Dirent) => boolean;

/** A path below a walked folder, and whether it is a folder (a symlink to one counts). */
interface WalkEntry {
  rel: string;
  isDir: boolean;
  /** It is a symlink, or below one: only then can its real path leave the walked folder. */
  linked: boolean;
}

/**
 * Everything below `dir` ("**\/*"), as paths relative to it, in sorted order, folders included;
 * `dotfiles` like File::FNM_DOTMATCH. The directory entries' own types say what is a folder, so
 * only symlinks cost a stat.
 */
function walk(dir: string, dotfiles: boolean, rel: string, out: WalkEntry[], chain: LoopGuard, skip: SkipSpecial, linked = false): WalkEntry[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(rel ? `${dir}/${rel}` : dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const e of entries) {
    if (!dotfiles && e.name.startsWith(".")) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (skip(`${dir}/${r}`, e)) continue;
    const dirent = e.isDirectory() || (e.isSymbolicLink() && isDir(`${dir}/${r}`));
    const link = linked || e.isSymbolicLink();
    out.push({ rel: r, isDir: dirent, linked: link });
    if (dirent && chain.enter(`${dir}/${r}`, e.name, e.isSymbolicLink())) {
      walk(dir, dotfiles, r, out, chain, skip, link);
      chain.leave();
    }
  }
  return out;
}

/** The files below `dir` (folders left out), relative to it. */
function walkFiles(dir: string, dotfiles: boolean, shown: (abs: string) => string, maxLinkedVisits: number, skip: SkipSpecial): WalkEntry[] {
  return walk(dir, dotfiles, "", [], new LoopGuard(dir, shown, maxLinkedVisits), skip).filter((e) => !e.isDir);
}

/** Whether a directory entry is a folder, following a symlink as stat does. */
function direntIsDir(parent: string, e: fs.Dirent): boolean {
  if (e.isDirectory()) return true;
  return e.isSymbolicLink() && isDir(path.join(parent, e.name));
}

/** Whether a file starts with a front matter line, from its first bytes. */
function fileHasFrontMatter(abs: string): boolean {
  const fd = fs.openSync(abs, "r");
  try {
    const n = fs.readSync(fd, HEAD, 0, HEAD.length, 0);
    return hasFrontMatter(HEAD.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

export class Reader {
  private readonly filter: EntryFilter;

  /** `cache`: serve's memory of the source between rebuilds (source-cache.ts); none for a one-off build. */
  constructor(private readonly site: Site, private readonly cache?: SourceCache) {
    const c = site.config;
    this.filter = new EntryFilter(site.source, c.include ?? [], c.exclude ?? [], this.reportOutside);
  }

  private readonly reported = new Set<string>();
  private readonly shown = (abs: string): string => this.site.displayPath(abs);

  /**
   * An entry skipped because its real path leaves the site (a symlink out of it, or a file in a
   * symlinked folder): said once, with where it leads and what to do. Jekyll follows such links
   * unless --safe, where it skips them without a word; build-site skips them in every mode.
   */
  private readonly reportOutside = (absolute: string, real: string): void => {
    if (this.reported.has(absolute)) return;
    this.reported.add(absolute);
    this.site.logger.warn("Outside the site:", outsideSiteMessage(this.site.displayPath(absolute), real));
  };

  /**
   * A named pipe, socket or device (special-file.ts), or a symlink to one: said once, and skipped
   * wherever the source is walked. Only symlinks cost a stat.
   */
  private readonly skipSpecial: SkipSpecial = (abs, e) => {
    let kind = specialKind(e);
    if (kind === null && e.isSymbolicLink()) {
      try {
        kind = specialKind(fs.statSync(abs));
      } catch {
        // a dangling link or a loop: not special
      }
    }
    if (kind === null) return false;
    if (!this.reported.has(abs)) {
      this.reported.add(abs);
      this.site.logger.warn("Skipped:", specialSkippedMessage(this.site.displayPath(abs), kind));
    }
    return true;
  };

  read(): void {
    this.readLayouts();
    this.readDirectories("");
    this.readIncludedFiles();
    this.site.pages.sort((a, b) => compareStrings(a.name, b.name));
    this.site.staticFiles.sort((a, b) => compareStrings(a.relativePath, b.relativePath));
    for (const c of this.site.collections.values()) if (c.label !== "posts" && c.label !== "data") this.readCollection(c);
    for (const c of this.site.collections.values()) c.sortDocs();
    this.readThemeAssets();
    this.limitPosts();
    this.site.data = readData(this.site, this.site.inSourceDir(this.site.config.data_dir, "_data"), this.filter);
    this.readThemeData();
    // build-site's own: _bibliography/*.bib as site.data.bibliography (off for Jekyll parity).
    if (this.site.config.build_site_extras !== false) attachBibliographyData(this.site);
  }

  /**
   * ThemeAssetsReader: the theme's `assets/` after everything of the site's own, unsorted (in
   * Find.find order: depth first, names sorted); a file whose relative path the site already has
   * is left out, and symlinks are ignored with a warning. Files with front matter are pages
   * (`assets/main.scss` becomes main.css), the others static files.
   */
  private readThemeAssets(): void {
    const theme = this.site.theme;
    if (!theme?.assetsPath) return;
    const pageNames = new Set(this.site.pages.map((p) => p.relativePath));
    const staticNames = new Set(this.site.staticFiles.map((f) => f.relativePath));
    const visit = (dir: string) => {
      let names: string[];
      try {
        names = fs.readdirSync(dir).sort(compareStrings);
      } catch {
        return;
      }
      for (const name of names) {
        const abs = path.join(dir, name);
        const st = fs.lstatSync(abs);
        if (st.isSymbolicLink()) {
          this.site.logger.warn("Theme reader:", `Ignored symlinked asset: ${abs}`);
          continue;
        }
        if (st.isDirectory()) { visit(abs); continue; }
        const rel = path.relative(theme.root, abs).split(path.sep).join("/");
        const relDir = path.posix.dirname(rel);
        if (this.fileHasFrontMatter(abs)) {
          if (pageNames.has(rel)) { this.site.logger.debug("Theme:", `Ignoring ${rel} in theme due to existing file with that path in site.`); continue; }
          const text = this.readText(abs);
          const parsed = mappingOnly(this.parse(abs, text));
          const page = new Page(this.site, `/${relDir}`, name, parsed.data, parsed.content, parsed.lineOffset, abs);
          page.generateExcerpt();
          this.site.pages.push(page);
        } else {
          const file = new StaticFile(this.site, abs, `/${relDir}`, name);
          if (staticNames.has(file.relativePath)) { this.site.logger.debug("Theme:", `Ignoring ${file.relativePath} in theme due to existing file with that path in site.`); continue; }
          this.site.staticFiles.push(file);
        }
      }
    };
    visit(theme.assetsPath);
  }

  /** Reader#read_data: the theme's `_data` beneath the site's, merged key by key (deep_merge_hashes). */
  private readThemeData(): void {
    const dataPath = this.site.theme?.dataPath;
    if (!dataPath) return;
    const themeData = readData(this.site, dataPath, this.themeFilter());
    this.site.data = deepMerge(themeData, this.site.data);
  }

  /** The theme's files pass the same name rules as the site's (EntryFilter), based at the theme. */
  private themeFilter(): EntryFilter {
    const c = this.site.config;
    return new EntryFilter(this.site.theme!.root, c.include ?? [], c.exclude ?? [], this.reportOutside);
  }

  /** Site#limit_posts!: `limit_posts: N` (or --limit-posts N) keeps the N newest posts. */
  private limitPosts(): void {
    const raw = this.site.config.limit_posts ?? 0;
    // Site#reset asks `limit_posts.negative?`: a value that is no number (`limit_posts: "2"`,
    // `true`) is Ruby's NoMethodError.
    const limit = raw instanceof RubyFloat ? raw.value : typeof raw === "number" ? raw : typeof raw === "bigint" ? Number(raw) : undefined;
    if (limit === undefined) {
      throw new BuildError(noMethodMessage("negative?", raw), { hint: "limit_posts is a number of posts: write it unquoted, e.g. limit_posts: 2." });
    }
    if (!(limit >= 0)) {
      throw new BuildError(`limit_posts must be a number of posts, at least 1 (it was ${toS(raw)})`, { hint: "Remove limit_posts, or set it to the number of newest posts to build." });
    }
    // limit_posts!: `posts.docs[-limit, limit]` with limit the smaller of the count and the
    // setting; a Float index and length are truncated (to_int), so 2.5 keeps the 2 newest and
    // 0.5 keeps none.
    const docs = this.site.posts.docs;
    if (limit > 0) {
      const keep = Math.trunc(docs.length < limit ? docs.length : limit);
      docs.splice(0, docs.length - keep);
      docs.forEach((d, i) => { d.index = i; });
    }
  }

  private readText(abs: string): string {
    const cache = this.cache;
    if (!cache) return readSiteSource(this.site, abs);
    this.site.readFiles.add(abs);
    return cache.text(abs, () => readSiteSource(this.site, abs));
  }

  /** A file's front matter and body, from serve's cache when the file has not changed. */
  private parse(abs: string, text?: string): ParsedFile {
    const run = () => {
      const shown = this.site.displayPath(abs);
      const parsed = parseFrontMatter(text ?? this.readText(abs), shown, this.site.zone, this.site.limits.yamlAliasNodes, !this.site.config.strict_front_matter);
      if (parsed.yamlError) reportYamlError(this.site, parsed.yamlError);
      return parsed;
    };
    const cache = this.cache;
    if (!cache) return run();
    this.site.readFiles.add(abs);
    return cache.frontMatter(abs, run);
  }

  /** walkFiles, remembered by serve's cache until something below the folder changes. */
  private walkFiles(dir: string, dotfiles: boolean): WalkEntry[] {
    const cache = this.cache;
    const visits = this.site.limits.linkedFolderVisits;
    return cache ? cache.listing(`walk${dotfiles ? "." : ""}`, dir, () => walkFiles(dir, dotfiles, this.shown, visits, this.skipSpecial)) : walkFiles(dir, dotfiles, this.shown, visits, this.skipSpecial);
  }

  /** LayoutReader: the site's layouts, then the theme's for every name the site does not have. */
  private readLayouts(): void {
    this.readLayoutsIn(this.site.inSourceDir(this.site.config.layouts_dir, "_layouts"), false);
    const themeLayouts = this.site.theme?.layoutsPath;
    if (themeLayouts) this.readLayoutsIn(themeLayouts, true);
  }

  /** Both folders' entries pass the site's EntryFilter, as in LayoutReader#entries_in. */
  private readLayoutsIn(dir: string, fromTheme: boolean): void {
    if (fromTheme ? !isDir(dir) : !this.folderToRead(dir, "layouts")) return;
    const entries = this.walkFiles(dir, false).map((e) => e.rel).filter((f) => /\.[^/]*$/.test(path.posix.basename(f)));
    // Jekyll filters layout entries relative to the layouts folder but tests them as if they
    // were at the source root, so its safe-mode symlink test never sees them: here it does, on
    // the layout's own path (below), not on the root path Jekyll's name filter sees.
    for (const rel of this.filter.filter(entries, "", () => false)) {
      const name = rel.split(".").slice(0, -1).join(".");
      if (fromTheme && this.site.layouts.has(name)) continue;
      const abs = path.join(dir, rel);
      // In every mode: a site layout must really be in the site, a theme's in the theme's folder.
      if (fromTheme ? this.filter.leavesFolder(abs, dir) : this.filter.leavesSite(abs)) continue;
      const parsed = mappingOnly(this.parse(abs));
      this.site.layouts.set(name, new Layout(name, abs, this.site.displayPath(abs), parsed.data, parsed.content, parsed.lineOffset));
    }
  }

  /** Reader#read_directories: `dir` is "" for the source root, "/sub" below it. */
  private readDirectories(dir: string, chain = new LoopGuard(this.site.source, this.shown, this.site.limits.linkedFolderVisits)): void {
    const base = path.join(this.site.source, dir);
    if (!isDir(base)) return;
    const fromSource = dir.replace(/^\//, "");
    const list = () => new Map(fs.readdirSync(base, { withFileTypes: true }).map((e) => [e.name, e]));
    const dirents = this.cache ? this.cache.listing("dir", base, list) : list();
    // Only a symlink can lead out of a folder that is itself in the site.
    // Byte order, on purpose: Jekyll takes Dir.entries as the file system returns them (on ext4,
    // even a small folder lists in name-hash order, seeded per file system), and the stable
    // sort_by!(&:name) after reading keeps that order among pages of the same name — several
    // `index.html` in sibling folders reach site.pages, site.html_pages and jekyll-sitemap in an
    // order no other machine reproduces. Byte order gives the same output everywhere.
    const entries = this.filter.filter([...dirents.keys()].sort(compareStrings), fromSource, (e) => dirents.get(e)!.isSymbolicLink());
    const dirs: string[] = [];
    const pages: string[] = [];
    const statics: string[] = [];
    for (const e of entries) {
      const abs = path.join(base, e);
      if (this.skipSpecial(abs, dirents.get(e)!)) continue;
      if (direntIsDir(base, dirents.get(e)!)) dirs.push(e);
      else if (this.fileHasFrontMatter(abs)) pages.push(e);
      else statics.push(e);
    }
    this.retrievePosts(dir);
    for (const d of dirs) {
      const abs = path.join(base, d);
      if (path.resolve(abs) === path.resolve(this.site.dest)) continue;
      if (!chain.enter(abs, d, dirents.get(d)!.isSymbolicLink())) continue;
      this.readDirectories(`${dir}/${d}`, chain);
      chain.leave();
    }
    for (const name of pages) this.addPage(dir, name);
    for (const name of statics) this.site.staticFiles.push(new StaticFile(this.site, path.join(base, name), dir, name));
  }

  private fileHasFrontMatter(abs: string): boolean {
    const cache = this.cache;
    try {
      return cache ? cache.hasFrontMatter(abs, () => fileHasFrontMatter(abs)) : fileHasFrontMatter(abs);
    } catch (e) {
      if (isPermissionDenied(e)) throw unreadableFile(this.site.displayPath(abs));
      throw e;
    }
  }

  private addPage(dir: string, name: string): void {
    const abs = path.join(this.site.source, dir, name);
    const parsed = mappingOnly(this.parse(abs));
    if (parsed.data.permalink === "") {
      throw new BuildError("invalid permalink: it is empty", { file: this.site.displayPath(abs), hint: "Remove the `permalink:` line or give it a value such as /about/." });
    }
    const page = new Page(this.site, dir, name, parsed.data, parsed.content, parsed.lineOffset, abs);
    page.generateExcerpt();
    if (page.published || this.site.unpublished) this.site.pages.push(page);
  }

  private outsideCollectionsDir(dir: string): boolean {
    const cd = collectionsDirText(this.site.config);
    return cd !== "" && !dir.startsWith(`/${cd}`);
  }

  /**
   * Whether the folder `abs` is there to read. A file in its place is an error: Jekyll tests it
   * with File.exist? and then Dir.chdir's into it, which stops the build with `Not a directory @
   * dir_chdir - …/_posts (Errno::ENOTDIR)` (ERRORS.md), for _posts, _drafts and the layouts folder.
   */
  private folderToRead(abs: string, holds: string): boolean {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs, { throwIfNoEntry: false });
    } catch {
      return false; // a symlink loop: File.exist? is false
    }
    if (stat === undefined) return false;
    if (stat.isDirectory()) return true;
    const shown = this.site.displayPath(abs);
    throw new BuildError(`this is a file, not a folder: the site's ${holds} are read from a folder named ${path.basename(abs)}`, {
      file: shown,
      hint: `Rename or remove the file ${shown}, and put the ${holds} in a folder of that name.`,
    });
  }

  private retrievePosts(dir: string): void {
    if (this.outsideCollectionsDir(dir)) return;
    const posts = this.site.posts;
    posts.docs.push(...this.readPublishable(dir === "" ? this.site.rootPostsDir : dir, "_posts", DATE_FILENAME));
    if (this.site.showDrafts) posts.docs.push(...this.readPublishable(dir, "_drafts", DATELESS_FILENAME));
  }

  private readPublishable(dir: string, magic: string, matcher: RegExp): Document[] {
    const base = path.join(this.site.source, dir, magic);
    if (!this.folderToRead(base, magic === "_posts" ? "posts" : "drafts")) return [];
    const fromSource = `${dir}/${magic}`.replace(/^\//, "");
    const docs: Document[] = [];
    for (const { rel, abs } of this.filteredFiles(base, fromSource, false)) {
      if (!matcher.test(rel)) continue;
      // A `.yml` post is read (its YAML must load) but has no content: PostReader#processable? drops it.
      if (/\.ya?ml$/.test(rel)) {
        this.document(abs, this.site.posts);
        continue;
      }
      const mtime = magic === "_drafts" ? () => JekyllTime.at(Math.floor(fs.statSync(abs).mtimeMs / 1000) * 1000, this.site.zone) : undefined;
      const doc = this.document(abs, this.site.posts, mtime);
      if (doc.contentNil) continue;
      if (doc.publishable) docs.push(doc);
      else if (doc.hiddenInTheFuture) this.site.logger.debug("Skipping:", `${doc.relativePath} has a future date`);
    }
    return docs;
  }

  /**
   * The files below `base` that pass the EntryFilter, with their absolute paths. serve keeps the
   * list until something is added to or removed from the folder (the filter is the config's, and a
   * config change starts from an empty cache); in safe mode the filter looks at the file system
   * (real paths), so it runs every time.
   */
  private filteredFiles(base: string, fromSource: string, dotfiles: boolean): Array<{ rel: string; abs: string }> {
    // The folder itself may be a symlink out of the site (`_posts -> /elsewhere`); below it, only
    // entries that are symlinks or under one can leave it.
    if (this.filter.leavesSite(base)) return [];
    const list = () => {
      const walked = this.walkFiles(base, dotfiles);
      const linked = new Set(walked.filter((e) => e.linked).map((e) => e.rel));
      return this.filter.filter(walked.map((e) => e.rel), fromSource, (rel) => linked.has(rel)).map((rel) => ({ rel, abs: path.join(base, rel) }));
    };
    const cache = this.cache;
    return cache && !this.site.safe ? cache.listing(`filtered${dotfiles ? "." : ""}:${fromSource}`, base, list) : list();
  }

  /** The Document read from `abs`: serve's kept one when the file has not changed, else read now. */
  private document(abs: string, collection: Collection, mtime?: () => JekyllTime): Document {
    const kept = this.cache?.keptDocument(abs);
    if (kept && kept.adopt(this.site, collection)) {
      this.cache!.keptCount++;
      return kept;
    }
    const doc = new Document(this.site, abs, collection, mtime?.());
    this.populate(doc, abs);
    this.cache?.keepDocument(abs, doc);
    return doc;
  }

  private populate(doc: Document, abs: string): void {
    const text = this.readText(abs);
    if (doc.isYaml) {
      doc.populateYamlFile(loadYaml(firstYamlDocument(text), { file: this.site.displayPath(abs), zone: this.site.zone, maxAliasNodes: this.site.limits.yamlAliasNodes }));
      return;
    }
    const parsed = this.parse(abs, text);
    if (parsed.notMapping) {
      // Document#merge_data! asks the value for key? (NoMethodError), inside Document#read's
      // rescue: logged, and the document is read without front matter or read_post_data.
      this.site.logger.warn("Error:", `${parsed.notMapping.location}: ${parsed.notMapping.message}`);
      this.site.logger.warn("", "The file is built without its front matter, as Jekyll does. Fix it, or set strict_front_matter: true to stop the build on such files.");
    }
    doc.populate(hasFrontMatter(text) ? parsed.data : null, parsed.content, parsed.lineOffset, !parsed.yamlError && !parsed.notMapping);
  }

  private readCollection(c: Collection): void {
    const refused = collectionsDirRefused(this.site.config);
    if (refused) {
      throw new BuildError(`${refused}, reading the collection '${c.label}'`, {
        hint: `collections_dir: in the config is a mapping (${collectionsDirText(this.site.config)}); it names one folder, as a String (collections_dir: my_collections).`,
      });
    }
    const dir = c.directory;
    if (!isDir(dir) || this.filter.isSymlinkOutside(dir)) return;
    const listed = this.site.config.collections_dir;
    if (Array.isArray(listed) && fs.readdirSync(dir).length > 0) {
      // Collection#collection_dir(entry): Site#in_source_dir(collections_dir, …) asks the list
      // for start_with? (Jekyll.sanitized_path) as soon as the folder holds an entry.
      throw new BuildError(noMethodMessage("start_with?", listed), {
        file: this.site.displayPath(dir),
        hint: `collections_dir: in the config is a list; it names one folder, as a String (collections_dir: ${collectionsDirJoined(this.site.config)}).`,
      });
    }
    const fromSource = path.relative(this.site.source, dir).split(path.sep).join("/");
    for (const { rel, abs } of this.filteredFiles(dir, fromSource, true)) {
      if (this.fileHasFrontMatter(abs)) {
        const doc = this.document(abs, c);
        if (this.site.unpublished || doc.published) c.docs.push(doc);
      } else {
        const relDir = path.posix.join(c.relativeDirectory, path.posix.dirname(rel)).replace(/\/\.$/, "");
        c.files.push(new StaticFile(this.site, abs, relDir, path.posix.basename(rel), c));
      }
    }
    this.site.staticFiles.push(...c.files);
  }

  /** Reader#read_included_excludes: `include` entries that are files at the root and were not read yet. */
  private readIncludedFiles(): void {
    for (const entry of (this.site.config.include ?? []) as unknown[]) {
      const abs = path.join(this.site.source, String(entry));
      const st = fs.statSync(abs, { throwIfNoEntry: false });
      if (!st || !st.isFile() || this.filter.isSymlinkOutside(abs)) continue;
      const rel = path.relative(this.site.source, abs).split(path.sep).join("/");
      const dirRel = path.posix.dirname(rel);
      const dir = dirRel === "." ? "" : `/${dirRel}`;
      const name = path.posix.basename(rel);
      if (this.fileHasFrontMatter(abs)) {
        if (this.site.pages.some((p) => p.relativePath === rel)) continue;
        this.addPage(dir, name);
      } else {
        if (this.site.staticFiles.some((f) => f.relativePath.replace(/^\//, "") === rel)) continue;
        this.site.staticFiles.push(new StaticFile(this.site, abs, dir, name));
      }
    }
  }
}

/**
 * Jekyll logs "YAML Exception reading <file>: <Psych's message>" and builds the file without its
 * front matter (front-matter.ts). The warning keeps build-site's located message and says what
 * happened to the file.
 */
function reportYamlError(site: Site, error: BuildError): void {
  site.logger.warn("YAML Exception:", `${error.location}: ${error.message}`);
  site.logger.warn("", "The file is built without its front matter, as Jekyll does. Fix the YAML, or set strict_front_matter: true to stop the build on such files.");
}

/**
 * The first document of a YAML stream, as Psych.safe_load reads it: after an optional `---` line,
 * up to the next `---` or `...` line (a `.yml` document with front matter and a body gives the
 * front matter).
 */
export function firstYamlDocument(text: string): string {
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length && /^[ \t]*(?:#.*)?\r?$/.test(lines[i]!)) i++;
  if (i < lines.length && /^---(?:[ \t]|\r?$)/.test(lines[i]!)) i++;
  for (let j = i; j < lines.length; j++) {
    if (/^(?:---|\.\.\.)(?:[ \t]|\r?$)/.test(lines[j]!)) return lines.slice(0, j).join("\n") + "\n";
  }
  return text;
}

/** A page's or layout's front matter: one that is no mapping stops the build (Convertible#validate_data!). */
function mappingOnly(parsed: ParsedFile): ParsedFile {
  if (parsed.notMapping) throw parsed.notMapping;
  return parsed;
}
