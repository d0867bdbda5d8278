// Incremental rebuilds for `serve --watch`.
//
// Every rebuild reads the whole source again (cheap) and runs the generators, but re-renders only
// the pages and documents a change can affect, and writes only the files whose output changed.
// What a page can be affected by is recorded while it renders (Site#dependencyTracker): its own
// file, the layouts and includes it used, and the site lists it read (`site.posts`,
// `site.pages`, `site.data`, a collection, `page.next`…). A list is "dirty" when anything in it
// was added, removed or changed. Pages that are not re-rendered get their previous output back in
// render order, so everything a later page reads is what a full build would give it. The result
// equals a clean build; the random-edit test in test/e2e/serve-incremental.test.ts checks that.
import { nowMs } from "../clock.js";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Builder, afterWrite, type BuildOptions } from "../build.js";
import { pluginsDirs } from "../plugins/site-plugins.js";
import { loadConfig, type LoadedConfig } from "../config/load.js";
import type { RenderPlan } from "../render/renderer.js";
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import type { StaticFile } from "../site/static-file.js";
import type { JekyllTime } from "../ruby/time.js";
import { LiveRoot, containedPath, sanitizedPath } from "../write/contain.js";
import { copyStaticFile, writeSite } from "../write/writer.js";
import { overwriteFile } from "../write/file-ops.js";
import { buildTimeComparison } from "./build-time.js";
import { SourceCache } from "../read/source-cache.js";
import type { SourceChange } from "./coalesce.js";
import { bigintReplacer } from "../ruby/values.js";
import { KRAMDOWN_CONFIG } from "../render/drops.js";

interface RenderRecord {
  fingerprint: string;
  content: string;
  output: string;
  dependencies: Set<string>;
  /** What the content read before the layouts (RenderPlan#rendered); null when not told apart. */
  contentDependencies: Set<string> | null;
}

interface Snapshot {
  /** Each collection's documents in order, by label (their fingerprints are their own). */
  docs: Map<string, Document[]>;
  /** item key → fingerprint, per list token, for pages and static files. */
  lists: Map<string, Map<string, string>>;
  data: string;
}

export interface RebuildReport {
  full: boolean;
  rendered: number;
  reused: number;
  /** Documents of unchanged files taken over from the last build instead of read again (read/source-cache.ts). */
  kept: number;
  written: number;
  removed: number;
  /** Destination-relative paths written or removed. */
  changedOutputs: string[];
  /**
   * The changed outputs whose only difference from the last build is the build time stamped in
   * them (jekyll-feed's `<updated>`; see build-time.ts): written, but no page change.
   */
  timeOnlyOutputs: string[];
  /** Each changed output's source, relative to the site source (`_posts/x.md`, `feed.xml` for a plugin page). */
  sourceOf(output: string): string | undefined;
  ms: number;
}

/** Paginated copies and plugin pages can share a relative path (index.html, redirect.html): the URL tells them apart. */
const itemKey = (item: Page | Document) => (item.kind === "document" ? memoOf(item).key : `${item.kind}:${item.relativePath}\0${item.url}`);

function hash(s: string): string {
  return createHash("sha1").update(s).digest("base64");
}

/** What a page is (URL and data) and what it says (content), fingerprinted apart. */
interface Fingerprint {
  meta: string;
  content: string;
  full: string;
}

/**
 * Content hashes by content: an unchanged file's content is the same string on every rebuild
 * (read/source-cache.ts), and V8 keeps a string's own hash, so finding it here costs no hashing.
 * Entries not used by a rebuild are dropped after it (`pruneContentHashes`).
 */
let contentHashes = new Map<string, string>();
let usedContentHashes = new Map<string, string>();

function contentHash(content: string): string {
  let h = usedContentHashes.get(content) ?? contentHashes.get(content);
  if (h === undefined) h = hash(content);
  usedContentHashes.set(content, h);
  return h;
}

function pruneContentHashes(): void {
  contentHashes = usedContentHashes;
  usedContentHashes = new Map();
}

function fingerprintNow(item: Page | Document): Fingerprint {
  // The URL and data as JSON are the fingerprint itself: a hash of them would cost more than it saves.
  const meta = `${item.url}\0${JSON.stringify(item.data, bigintReplacer)}`;
  const content = contentHash(item.content);
  return { meta, content, full: `${content}:${meta}` };
}

/**
 * A document's key and fingerprint, taken once per Document object. serve keeps the Document of
 * an unchanged file between rebuilds only when nothing changes it after reading
 * (read/source-cache.ts), so what it was fingerprinted from — its URL, data and source content —
 * stays as it was; a changed file is a new Document. Taken before the document renders (the
 * renderer replaces its content with the converted one).
 */
interface DocumentMemo {
  key: string;
  fingerprint?: Fingerprint;
}
const documentMemos = new WeakMap<Document, DocumentMemo>();

function memoOf(doc: Document): DocumentMemo {
  let m = documentMemos.get(doc);
  if (!m) documentMemos.set(doc, (m = { key: `document:${doc.relativePath}\0${doc.url}` }));
  return m;
}

function fingerprint(item: Page | Document): Fingerprint {
  if (item.kind !== "document") return fingerprintNow(item);
  const m = memoOf(item);
  return (m.fingerprint ??= fingerprintNow(item));
}

/** An item's fingerprint: a document's own (memo), a page's as taken this build. */
function fingerprintIn(fingerprints: Map<string, Fingerprint>, item: Page | Document): Fingerprint {
  return item.kind === "document" ? fingerprint(item) : fingerprints.get(itemKey(item)) ?? fingerprint(item);
}

function takeSnapshot(site: Site, fingerprints: Map<string, Fingerprint>): Snapshot {
  const lists = new Map<string, Map<string, string>>();
  const add = (token: string, key: string, fp: string) => {
    let m = lists.get(token);
    if (!m) lists.set(token, (m = new Map()));
    m.set(key, fp);
  };
  // `collection:<label>` and `pages` change with URLs and data; `content:<label>` and
  // `content:pages` with what the pages say (read through post.content, excerpts…); `documents`
  // with any of a collection's documents or static files (`documents` below, `dirtyTokens`).
  const docs = new Map<string, Document[]>();
  for (const c of site.collections.values()) {
    for (const d of c.docs) fingerprint(d);
    docs.set(c.label, c.docs.slice());
    for (const f of c.files) add("documents", f.relativePath, f.url);
  }
  for (const p of site.pages) {
    if (p.generated) continue;
    const fp = fingerprintIn(fingerprints, p);
    const key = itemKey(p);
    add("pages", key, fp.meta);
    add("content:pages", key, fp.content);
  }
  for (const f of site.staticFiles) {
    const st = fs.statSync(f.path, { throwIfNoEntry: false });
    add("static", f.relativePath, `${f.url}\0${st?.mtimeMs ?? 0}\0${st?.size ?? 0}`);
  }
  return { docs, lists, data: JSON.stringify(site.data, bigintReplacer) };
}

/**
 * How one collection's documents changed between two snapshots, per list token: whether the
 * key → fingerprint maps (URL and data, content, both) differ. A document object at the same place
 * in both is the same entry in both (serve keeps an unchanged file's Document, and its
 * fingerprint with it), so only the others are compared: a one-post edit compares one pair, not
 * the whole collection. Keys are unique within a collection (one per file).
 */
function documentChanges(before: readonly Document[], after: readonly Document[]): { meta: boolean; content: boolean; full: boolean } {
  const a = new Map<string, Fingerprint>();
  const b = new Map<string, Fingerprint>();
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const x = before[i];
    const y = after[i];
    if (x === y) continue;
    if (x) a.set(itemKey(x), fingerprint(x));
    if (y) b.set(itemKey(y), fingerprint(y));
  }
  const changes = { meta: false, content: false, full: false };
  if (a.size !== b.size) return { meta: true, content: true, full: true };
  for (const [key, fa] of a) {
    const fb = b.get(key);
    if (!fb) return { meta: true, content: true, full: true };
    if (fa.meta !== fb.meta) changes.meta = true;
    if (fa.content !== fb.content) changes.content = true;
    if (fa.full !== fb.full) changes.full = true;
  }
  return changes;
}

/**
 * The documents of one snapshot that are not in the other (compared by object: serve keeps an
 * unchanged file's Document): \`gone\` were in \`before\` only, \`fresh\` are in \`after\` only. A
 * document at the same place in both costs one comparison; one that moved (a post added before it)
 * is in neither list.
 */
function documentMoves(before: Snapshot, after: Snapshot): { gone: Document[]; fresh: Document[] } {
  const was = new Set<Document>();
  const now = new Set<Document>();
  for (const label of new Set([...before.docs.keys(), ...after.docs.keys()])) {
    const a = before.docs.get(label) ?? [];
    const b = after.docs.get(label) ?? [];
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const y = b[i];
      if (x === y) continue;
      if (x) was.add(x);
      if (y) now.add(y);
    }
  }
  return { gone: [...was].filter((d) => !now.has(d)), fresh: [...now].filter((d) => !was.has(d)) };
}

/** The list tokens (Site#dependencyTracker) whose lists differ between two snapshots. */
function dirtyTokens(before: Snapshot, after: Snapshot, into: Set<string>): void {
  for (const label of new Set([...before.docs.keys(), ...after.docs.keys()])) {
    const c = documentChanges(before.docs.get(label) ?? [], after.docs.get(label) ?? []);
    if (c.meta) into.add(`collection:${label}`);
    if (c.content) into.add(`content:${label}`);
    if (c.full) into.add("documents");
  }
  for (const token of new Set([...after.lists.keys(), ...before.lists.keys()])) {
    if (!sameMap(after.lists.get(token), before.lists.get(token))) into.add(token);
  }
  if (after.data !== before.data) into.add("data");
}

function sameMap(a: Map<string, string> | undefined, b: Map<string, string> | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

export class IncrementalBuilder {
  private readonly builder: Builder;
  /**
   * Item key → what it rendered to and read, kept from build to build: a rebuild adds what it
   * rendered and drops what is gone (`keepRecords`) instead of making the map again.
   */
  private records = new Map<string, RenderRecord>();
  /** Dependency (file or list token) → the records that read it: what a dirty token makes render. */
  private dependents = new Map<string, Set<RenderRecord>>();
  /** The keys of the pages the last build went through (pages are made anew each build). */
  private pageKeys = new Set<string>();
  private snapshot: Snapshot | null = null;
  /** Destination-relative path → what was written there (output text, or a static file's stamp). */
  private written = new Map<string, string>();
  /** Destination-relative path → the item it was written from, for this build and the one before. */
  private sources = new Map<string, Page | Document | StaticFile>();
  private previousSources = new Map<string, Page | Document | StaticFile>();
  /**
   * Destination path → the document written there, kept between rebuilds so that a rebuild
   * lists only the outputs that can have changed (`writeSomeChanges`); null when two documents
   * share a destination (every rebuild then lists every output).
   */
  private docDests: Map<string, Document> | null = null;
  /** Destination path → the page or static file written there (the last one, as in the full list). */
  private pageDests = new Map<string, Page | StaticFile>();
  /** Documents of the last listing that were not written (unpublished, in the future): looked at again each rebuild. */
  private unwrittenDocs = new Set<Document>();
  private configKey = "";
  /**
   * The last build set the Markdown converter up (its first conversion), so what it rendered
   * before that saw `site.kramdown` unfilled; from this rebuild on every page sees it filled in,
   * as in a `jekyll serve` rebuild, so whatever read it renders again.
   */
  private kramdownFilledIn = false;
  private readFiles = new Set<string>();
  /** The last build's site.time, which its outputs may have printed. */
  private time: JekyllTime | null = null;
  /** The parsed sources, kept between rebuilds; the watcher's changed paths are forgotten. */
  private readonly sourceCache = new SourceCache();

  /**
   * `onWriting` is told when a rebuild has rendered and starts writing into the destination:
   * from then on it must not be abandoned halfway (serve's rebuild thread waits for it).
   */
  constructor(private readonly options: BuildOptions, private readonly onWriting: () => void = () => {}) {
    this.builder = new Builder(options);
    this.builder.sourceCache = this.sourceCache;
  }

  /** A full build, written atomically, that also records what each page read. */
  buildAll(loaded: LoadedConfig = loadConfig(this.options.overrides)): RebuildReport {
    const t0 = nowMs();
    this.builder.invalidate();
    this.sourceCache.clear();
    const records = new Map<string, RenderRecord>();
    const fingerprints = new Map<string, Fingerprint>();
    const plan: RenderPlan = {
      // Fingerprints are taken before an item renders, from its source content.
      mustRender: (item) => { if (item.kind !== "document") fingerprints.set(itemKey(item), fingerprint(item)); else fingerprint(item); return true; },
      reuse: () => {},
      rendered: (item, deps, contentDeps) => {
        const fp = fingerprintIn(fingerprints, item);
        const key = itemKey(item);
        if (item.kind === "page") pageKeys.add(key);
        records.set(key, { fingerprint: fp.full, content: item.content, output: item.output ?? "", dependencies: deps, contentDependencies: contentDeps });
      },
    };
    const pageKeys = new Set<string>();
    this.snapshot = null;
    // The config as loaded: generators may add to it (jekyll-archives' `archives`), and the next
    // rebuild compares a freshly loaded one with this.
    const configKey = JSON.stringify(loaded.config, bigintReplacer);
    const setUpBefore = this.builder.markdownSetUp;
    const { site } = this.builder.render(loaded, { plan: () => plan });
    this.kramdownFilledIn = !setUpBefore && this.builder.markdownSetUp;
    this.onWriting();
    const result = writeSite(site, { force: this.options.force });
    afterWrite(site);
    this.readFiles = new Set(site.readFiles);
    this.records = records;
    this.dependents = new Map();
    for (const rec of records.values()) this.index(rec);
    this.pageKeys = pageKeys;
    this.snapshot = takeSnapshot(site, fingerprints);
    this.written = this.outputsOf(site);
    this.configKey = configKey;
    this.time = site.time;
    pruneContentHashes();
    return { full: true, rendered: records.size, reused: 0, kept: 0, written: result.files, removed: 0, changedOutputs: [...this.written.keys()], timeOnlyOutputs: [], sourceOf: this.sourceLookup(), ms: nowMs() - t0 };
  }

  /**
   * Rebuild after `changed` source files: absolute paths, or the watcher's changes, whose kind
   * says which files only had their text changed (folder listings stay then). `loaded`: the
   * config as it is now, when the caller has just loaded it (serve's thread, for the plugins).
   */
  rebuild(changed: Array<string | SourceChange>, loaded: LoadedConfig = loadConfig(this.options.overrides)): RebuildReport {
    const changedSet = new Set(changed.map((c) => path.resolve(typeof c === "string" ? c : c.path)));
    const contentOnly = new Set(changed.flatMap((c) => (typeof c !== "string" && c.kind === "change" ? [path.resolve(c.path)] : [])));
    this.sourceCache.invalidate(changedSet, contentOnly);
    const configChanged = JSON.stringify(loaded.config, bigintReplacer) !== this.configKey || loaded.files.some((f) => changedSet.has(path.resolve(f)));
    // A layout or include that appeared or disappeared changes which file a name resolves to.
    const dirs = ["layouts_dir", "includes_dir"].map((k) => sanitizedPath(loaded.config.source, String(loaded.config[k] ?? `_${k.split("_")[0]}`)));
    const structural = [...changedSet].some((p) => dirs.some((d) => p.startsWith(d + path.sep)) && (!fs.existsSync(p) || !this.readFiles.has(p)));
    // A theme's files and the site's plugins can change anything: build everything again.
    const inside = (p: string, dir: string) => p === dir || p.startsWith(dir + path.sep);
    const themeRoot = loaded.theme?.root;
    const pluginDirs = pluginsDirs(loaded.config);
    const wide = [...changedSet].some((p) => (themeRoot && inside(p, themeRoot)) || pluginDirs.some((d) => inside(p, d)));
    if (!this.snapshot || configChanged || structural || wide) return this.buildAll(loaded);

    const t0 = nowMs();
    this.builder.invalidate([...changedSet]);
    const kramdownFilledIn = this.kramdownFilledIn;
    // The last build's records stay as they are until this one has rendered: what it rendered
    // (and the pages it reused: a page's key can repeat, and the last one visited counts) goes
    // into \`renderedRecords\` meanwhile.
    const previous = this.records;
    const renderedRecords = new Map<string, RenderRecord>();
    const visitedPages = new Set<string>();
    const fingerprints = new Map<string, Fingerprint>();
    let dirty: Set<string> | null = null;
    /** The records that read something dirty: they must render. */
    const flagged = new Set<RenderRecord>();
    const markDirty = (d: Set<string>, token: string) => {
      if (d.has(token)) return;
      d.add(token);
      const readers = this.dependents.get(token);
      if (readers) for (const r of readers) flagged.add(r);
    };
    let reusable: { item: Page | Document; key: string; rec: RenderRecord } | null = null;
    /** Items whose converted content was kept (only their layouts rendered), with what that content read. */
    const contentKept = new Map<Page | Document, Set<string>>();
    let rendered = 0;
    let reused = 0;
    /** Documents rendered by this rebuild: their outputs may have changed. */
    const renderedDocs: Document[] = [];
    let outputsFinal = false;

    const before = this.snapshot;
    let after: Snapshot | null = null;
    const computeDirty = (s: Site): Set<string> => {
      const tokens = new Set<string>(changedSet);
      // Documents keep their own fingerprints (taken once per Document); pages are made anew each rebuild.
      for (const c of s.collections.values()) for (const doc of c.docs) fingerprint(doc);
      for (const page of s.pages) {
        if (page.generated) continue;
        fingerprints.set(itemKey(page), fingerprint(page));
      }
      after = takeSnapshot(s, fingerprints);
      dirtyTokens(before, after, tokens);
      if (kramdownFilledIn) tokens.add(KRAMDOWN_CONFIG);
      const d = new Set<string>();
      for (const token of tokens) markDirty(d, token);
      return d;
    };

    const plan: RenderPlan = {
      mustRender: (item) => {
        dirty ??= computeDirty(item.site);
        // Plugin pages, stylesheets (their source maps are made while rendering) and paginated
        // pages (the paginator hands them posts outside the tracked site lists) always render.
        if (item.kind === "page" && (item.generated || item.isAsset || item.pager)) return true;
        const key = itemKey(item);
        if (item.kind === "page") visitedPages.add(key);
        const rec = previous.get(key);
        if (!rec || rec.fingerprint !== (item.kind === "document" ? fingerprint(item) : fingerprints.get(key))?.full) return true;
        // What it read is dirty (\`flagged\`, from the dependency index: one lookup, not one per dependency).
        if (flagged.has(rec)) return true;
        reusable = { item, key, rec };
        return false;
      },
      reuse: (item) => {
        // mustRender has just looked the record up (the renderer asks reuse right after).
        const { key, rec } = reusable?.item === item ? reusable : { key: itemKey(item), rec: previous.get(itemKey(item))! };
        item.content = rec.content;
        item.output = rec.output;
        if (item.kind === "page") renderedRecords.set(key, rec);
        reused++;
      },
      convertedContent: (item) => {
        // An item that renders because something only its layouts read changed (an include every
        // page's layout uses): its content is what it was, as are what it read.
        if (item.kind === "page" && (item.generated || item.isAsset || item.pager)) return undefined;
        const key = itemKey(item);
        const rec = previous.get(key);
        if (!dirty || !rec?.contentDependencies || rec.fingerprint !== (item.kind === "document" ? fingerprint(item) : fingerprints.get(key))?.full) return undefined;
        for (const dep of rec.contentDependencies) if (dirty.has(dep)) return undefined;
        contentKept.set(item, rec.contentDependencies);
        return rec.content;
      },
      rendered: (item, deps, contentDeps) => {
        rendered++;
        if (item.kind === "document") renderedDocs.push(item);
        const key = itemKey(item);
        const keptDeps = contentKept.get(item);
        if (keptDeps) {
          for (const dep of keptDeps) deps.add(dep);
          contentDeps = keptDeps;
        }
        const rec: RenderRecord = { fingerprint: fingerprintIn(fingerprints, item).full, content: item.content, output: item.output ?? "", dependencies: deps, contentDependencies: contentDeps };
        renderedRecords.set(key, rec);
        // A page whose rendered content changed changes what later pages read of it.
        const before = previous.get(key);
        if (dirty && (!before || before.content !== rec.content)) {
          markDirty(dirty, item.kind === "page" ? "content:pages" : `content:${item.collection.label}`);
          if (item.kind === "document") markDirty(dirty, "documents");
        }
      },
    };
    // A failed rebuild leaves the snapshot unknown: the next one is a full build.
    this.snapshot = null;
    this.sourceCache.keptCount = 0;
    const setUpBefore = this.builder.markdownSetUp;
    const out = this.builder.render(loaded, { plan: (_site, _renderer, final) => { outputsFinal = final; return plan; } });
    this.kramdownFilledIn = !setUpBefore && this.builder.markdownSetUp;
    this.snapshot = after ?? takeSnapshot(out.site, fingerprints);
    // Documents that are not the ones of the last build (changed files, added, removed, moved).
    const moved = documentMoves(before, this.snapshot);
    this.keepRecords(renderedRecords, visitedPages, moved);
    // A file read by an earlier build existed then: editing it is not a structural change, even
    // if this rebuild did not read it (its pages were reused).
    for (const f of out.site.readFiles) this.readFiles.add(f);
    this.onWriting();
    let changes: ReturnType<IncrementalBuilder["writeChanges"]>;
    try {
      changes = (outputsFinal && this.docDests && this.writeSomeChanges(out.site, moved, renderedDocs)) || this.writeChanges(out.site);
    } catch (e) {
      // What is on disk is not known now: the next rebuild is a full one.
      this.snapshot = null;
      throw e;
    }
    const { written, removed, changedOutputs, timeOnlyOutputs } = changes;
    afterWrite(out.site);
    pruneContentHashes();
    return { full: false, rendered, reused, kept: this.sourceCache.keptCount, written, removed, changedOutputs, timeOnlyOutputs, sourceOf: this.sourceLookup(), ms: nowMs() - t0 };
  }

  dispose(): void {
    this.builder.dispose();
  }

  private index(rec: RenderRecord): void {
    for (const dep of rec.dependencies) {
      let readers = this.dependents.get(dep);
      if (!readers) this.dependents.set(dep, (readers = new Set()));
      readers.add(rec);
    }
  }

  private unindex(rec: RenderRecord): void {
    for (const dep of rec.dependencies) {
      const readers = this.dependents.get(dep);
      if (!readers) continue;
      readers.delete(rec);
      if (readers.size === 0) this.dependents.delete(dep);
    }
  }

  /**
   * The records after a rebuild: those of every item it went through, as a map made again would
   * hold. What it rendered replaces what was there; the pages it did not go through and the
   * documents that are gone (unless the same file's new Document, with the same key, came) are
   * dropped; every other document was reused and keeps its record.
   */
  private keepRecords(renderedRecords: Map<string, RenderRecord>, visitedPages: Set<string>, moved: { gone: Document[]; fresh: Document[] }): void {
    const records = this.records;
    const drop = (key: string) => {
      const rec = records.get(key);
      if (!rec) return;
      records.delete(key);
      this.unindex(rec);
    };
    for (const key of this.pageKeys) if (!visitedPages.has(key)) drop(key);
    const freshKeys = new Set(moved.fresh.map((d) => memoOf(d).key));
    for (const d of moved.gone) {
      const key = memoOf(d).key;
      if (!freshKeys.has(key)) drop(key);
    }
    for (const [key, rec] of renderedRecords) {
      const old = records.get(key);
      if (old === rec) continue;
      if (old) this.unindex(old);
      records.set(key, rec);
      this.index(rec);
    }
    this.pageKeys = visitedPages;
  }

  /** Finds a changed output's source among this build's items, then the last build's (removed outputs). */
  private sourceLookup(): (output: string) => string | undefined {
    const now = this.sources;
    const before = this.previousSources;
    const sourceOf = (item: Page | Document | StaticFile | undefined) => item?.relativePath.replace(/^\/+/, "");
    return (output) => sourceOf(now.get(output) ?? before.get(output));
  }

  /** Every output of the site: destination path → content (or a static file's stamp). */
  private outputsOf(site: Site): Map<string, string> {
    const m = new Map<string, string>();
    this.previousSources = this.sources;
    this.sources = new Map();
    let docDests: Map<string, Document> | null = new Map();
    this.pageDests = new Map();
    this.unwrittenDocs = new Set();
    for (const c of site.collections.values()) for (const d of c.docs) if (!d.write) this.unwrittenDocs.add(d);
    for (const item of site.siteFiles()) {
      const dest = item.destinationPath;
      this.sources.set(dest, item);
      if (item.kind !== "document") this.pageDests.set(dest, item);
      else if (docDests) {
        const other = docDests.get(dest);
        if (other && other !== item) docDests = null;
        else docDests.set(dest, item);
      }
      if (item.kind === "static") {
        const st = fs.statSync(item.path);
        m.set(dest, `\0static\0${item.path}\0${st.mtimeMs}\0${st.size}`);
      } else m.set(dest, item.output ?? "");
    }
    this.docDests = docDests;
    return m;
  }

  /** What is written at `dest` in a full list of outputs (`outputsOf`): the stamp of a static file. */
  private static outputValue(item: Page | Document | StaticFile): string {
    if (item.kind !== "static") return item.output ?? "";
    const st = fs.statSync(item.path);
    return `\0static\0${item.path}\0${st.mtimeMs}\0${st.size}`;
  }

  /**
   * writeChanges for the outputs that can have changed, instead of every output of the site: the
   * pages and static files (made anew each rebuild), the documents rendered by this rebuild, and
   * the destinations of documents that came or went (\`moved\`). Every other document is the same
   * object as in the last build and was not rendered: its output is the record it was written
   * from (RenderPlan#reuse), its destination comes from the same URL — unless its output is
   * rewritten after rendering (jemoji), which \`outputsFinal\` rules out before this is called.
   * Returns null, having changed nothing on disk, when two documents would share a destination:
   * the full list decides which one is written.
   */
  private writeSomeChanges(site: Site, moved: { gone: Document[]; fresh: Document[] }, renderedDocs: Document[]): ReturnType<IncrementalBuilder["writeChanges"]> | null {
    const docDests = this.docDests!;
    const candidates = new Set<string>();
    const unwritten = new Set(this.unwrittenDocs);
    const gone = new Set(moved.gone);
    for (const d of gone) unwritten.delete(d);
    // A document not written last time (in the future) may be now, as time goes on.
    const arrived = new Map<string, Document>();
    for (const d of [...moved.fresh, ...unwritten]) {
      if (!d.write) {
        unwritten.add(d);
        continue;
      }
      unwritten.delete(d);
      const dest = d.destinationPath;
      // Checked before anything changes: a destination held by another document that stays.
      const other = arrived.get(dest) ?? docDests.get(dest);
      if (other && other !== d && !(gone.has(other) && !arrived.has(dest))) return null;
      arrived.set(dest, d);
    }
    for (const d of gone) {
      const dest = d.destinationPath;
      if (docDests.get(dest) === d) docDests.delete(dest);
      candidates.add(dest);
    }
    for (const [dest, d] of arrived) {
      docDests.set(dest, d);
      candidates.add(dest);
    }
    for (const d of renderedDocs) if (docDests.get(d.destinationPath) === d) candidates.add(d.destinationPath);
    const pageDests = new Map<string, Page | StaticFile>();
    for (const p of site.pages) pageDests.set(p.destinationPath, p);
    for (const f of site.staticFiles) if (f.write) pageDests.set(f.destinationPath, f);
    for (const dest of this.pageDests.keys()) candidates.add(dest);
    for (const dest of pageDests.keys()) candidates.add(dest);

    // From here on the outputs are the ones the full list would give.
    this.pageDests = pageDests;
    this.unwrittenDocs = unwritten;
    const changedOutputs: string[] = [];
    const timeOnlyOutputs: string[] = [];
    const goneOutputs: string[] = [];
    let written = 0;
    const onlyTime = this.time ? buildTimeComparison(this.time, site.time) : null;
    const live = new LiveRoot(site.dest);
    const goneSources = new Map<string, Page | Document | StaticFile>();
    for (const rel of candidates) {
      // Documents come after pages and static files in Site#each_site_file: theirs is written.
      const item = docDests.get(rel) ?? pageDests.get(rel);
      const before = this.written.get(rel);
      if (!item) {
        if (before !== undefined) goneOutputs.push(rel);
        continue;
      }
      this.sources.set(rel, item);
      const value = IncrementalBuilder.outputValue(item);
      if (before === value) continue;
      if (before !== undefined && onlyTime && !value.startsWith("\0static\0") && !before.startsWith("\0static\0") && onlyTime(before, value)) {
        timeOnlyOutputs.push(rel);
      }
      const target = live.prepare(rel);
      if (value.startsWith("\0static\0")) copyStaticFile(value.split("\0")[2]!, target);
      else overwriteFile(target, value);
      this.written.set(rel, value);
      written++;
      changedOutputs.push(rel);
    }
    for (const rel of goneOutputs) {
      const removed = containedPath(site.dest, rel);
      fs.rmSync(removed, { force: true });
      removeEmptyParents(site.dest, path.dirname(removed));
      this.written.delete(rel);
      const source = this.sources.get(rel);
      if (source) goneSources.set(rel, source);
      this.sources.delete(rel);
      changedOutputs.push(rel);
    }
    this.previousSources = goneSources;
    this.time = site.time;
    return { written, removed: goneOutputs.length, changedOutputs, timeOnlyOutputs };
  }

  /** Writes what changed into the destination in place, and removes outputs that are gone. */
  private writeChanges(site: Site): { written: number; removed: number; changedOutputs: string[]; timeOnlyOutputs: string[] } {
    const next = this.outputsOf(site);
    const changedOutputs: string[] = [];
    const timeOnlyOutputs: string[] = [];
    let written = 0;
    let removed = 0;
    let added = 0;
    const onlyTime = this.time ? buildTimeComparison(this.time, site.time) : null;
    const live = new LiveRoot(site.dest);
    for (const [rel, value] of next) {
      const before = this.written.get(rel);
      if (before === value) continue;
      if (before === undefined) added++;
      if (before !== undefined && onlyTime && !value.startsWith("\0static\0") && !before.startsWith("\0static\0") && onlyTime(before, value)) {
        timeOnlyOutputs.push(rel);
      }
      // Written into the live destination: the full check, real paths included (contain.ts).
      const target = live.prepare(rel);
      if (value.startsWith("\0static\0")) {
        copyStaticFile(value.split("\0")[2]!, target);
      } else overwriteFile(target, value);
      written++;
      changedOutputs.push(rel);
    }
    // Every output of this build was one of the last build's, and there are as many: none is gone.
    const noneGone = added === 0 && next.size === this.written.size;
    for (const rel of noneGone ? [] : this.written.keys()) {
      if (next.has(rel)) continue;
      const gone = containedPath(site.dest, rel);
      fs.rmSync(gone, { force: true });
      removeEmptyParents(site.dest, path.dirname(gone));
      removed++;
      changedOutputs.push(rel);
    }
    this.written = next;
    this.time = site.time;
    return { written, removed, changedOutputs, timeOnlyOutputs };
  }
}

function removeEmptyParents(root: string, dir: string): void {
  while (dir.startsWith(root + path.sep)) {
    try {
      if (fs.readdirSync(dir).length) return;
      fs.rmdirSync(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}
