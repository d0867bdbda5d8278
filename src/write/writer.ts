// The write stage. Everything is written to a fresh staging folder beside the destination and
// swapped in only when the whole build succeeded, so a failed build never leaves a half-written
// `_site`. Because the staging folder is private until the swap, pages can be written into it
// while later pages still render (streamed writes, on the writer thread for large sites: the
// stage decides both). Jekyll's Cleaner has little left to do here: the new tree holds only this
// build's files, so what the old one keeps (`keep_files`, default .git and .svn) is carried over
// and the rest goes with it. Static files keep their modification times (jekyll-sitemap's
// `lastmod` and HTTP caching read them).
import { parallelismAvailable } from "../blocking-worker.js";
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "../errors.js";
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import type { StaticFile } from "../site/static-file.js";
import { assertReplaceableDestination, assertSafeDestination, markDestination } from "./destination.js";
import { assertWritableName } from "./contain.js";
import { DirMaker, perform, type FileOp } from "./file-ops.js";
import { WriteThread } from "./write-thread.js";

export interface WriteResult {
  files: number;
  conflicts: Array<{ destination: string; sources: string[] }>;
}

/**
 * Site#ensure_not_in_dest, and more: the destination must not be or contain the source, the home
 * folder or a filesystem root, by real paths too (destination.ts).
 */
export function assertDestinationOutsideSource(source: string, dest: string): void {
  assertSafeDestination(source, dest);
}

/** What the write stage writes: a rendered page or document, or a copied static file. */
type SiteFile = Page | Document | StaticFile;

function sourceName(site: Site, item: SiteFile): string {
  return item.path ? site.displayPath(item.path) : item.relativePath;
}

export { copyStaticFile } from "./file-ops.js";

export function stagingDirFor(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.build-site-staging`);
}

export interface WriteOptions {
  /**
   * Every output is final once rendered: no plugin or hook rewrites outputs after rendering
   * (jemoji and jekyll-mentions do), so each page may be written as soon as it is rendered.
   */
  outputsFinal?: boolean;
  /** The staging folder exists already: a parallel build's render worker writes into it too (and uses the other core). */
  staged?: boolean;
  /** Replace a destination even when it holds files build-site did not write (`--force`). */
  force?: boolean;
  /**
   * Let go of each page's output once it is handed to the writer (Page#releaseOutput), so that a
   * large build does not hold every rendered page: a one-shot build whose site has no hooks to
   * read outputs after writing. An output read again is loaded back from its written file.
   */
  releaseOutputs?: boolean;
}

/** The write stage of one build, begun before rendering so that writing can overlap it. */
export interface SiteWrite {
  /** An item's output is final (see Renderer#renderSite). */
  rendered(item: Page | Document): void;
  /** Another thread wrote this output of the item (the render worker, see writeEarly). */
  writtenElsewhere(item: Page | Document, output: string): void;
  /**
   * Jekyll's Cleaner: checks the old destination may be replaced, and carries what it keeps
   * (`keep_files`) into the new tree; nothing else of it survives the swap.
   */
  cleanup(): void;
  /** Writes what is left, waits for the writes, and swaps the new tree in. */
  finish(): WriteResult;
  /** The build failed: nothing of it reaches the destination. */
  abort(): void;
}

/**
 * Below this many files the writes stay on the main thread: a writer thread costs ~30 ms of
 * start-up on the other core, and a small site's writes take less. BUILD_SITE_WRITER_MIN
 * overrides it; BUILD_SITE_WORKERS=0 turns every thread off.
 */
function writerThreadMinFiles(): number {
  const v = Number(process.env.BUILD_SITE_WRITER_MIN);
  return Number.isFinite(v) && v >= 0 && process.env.BUILD_SITE_WRITER_MIN !== "" ? v : 200;
}

function useWriterThread(site: Site, options: WriteOptions): boolean {
  if (!options.outputsFinal || options.staged || !parallelismAvailable()) return false;
  let files = site.staticFiles.length + site.pages.length;
  for (const c of site.collections.values()) files += c.docs.length;
  return files >= writerThreadMinFiles();
}

/** Where operations go: this thread, or the writer thread. */
interface Sink {
  /** Operations go to the writer thread (and are on disk only after drain). */
  threaded: boolean;
  add(op: FileOp): void;
  makeDirs(dirs: string[]): void;
  /** Waits until everything added is on disk; throws what failed. */
  drain(): void;
}

function syncSink(root: string): Sink {
  const dirs = new DirMaker(root);
  return {
    threaded: false,
    add: (op) => perform(op, dirs),
    makeDirs: (list) => { for (const d of list) dirs.ensure(d); },
    drain: () => {},
  };
}

function threadSink(root: string): Sink {
  const thread = new WriteThread(root);
  // Kept so that a thread that never started costs time, not the build; once it has started they
  // are let go (they hold every page's text).
  let sent: FileOp[] | null = [];
  return {
    threaded: true,
    add: (op) => {
      if (sent && thread.started()) sent = null;
      sent?.push(op);
      thread.add(op);
    },
    makeDirs: (dirs) => thread.makeDirs(dirs),
    drain: () => {
      const reply = thread.finish();
      if (!reply) {
        if (!sent) throw new BuildError("the writer thread stopped answering", { hint: "Build again; BUILD_SITE_WORKERS=0 writes on the main thread." });
        const fallback = syncSink(root);
        for (const op of sent) fallback.add(op);
        return;
      }
      if (!reply.ok) throw writeError(reply.target, reply.code, reply.message);
    },
  };
}

function writeError(target: string, code: string | undefined, message: string): BuildError {
  const hint = code === "ENOSPC" ? "The disk is full: free some space and build again."
    : code === "EACCES" || code === "EPERM" ? "Check that the destination's folder is writable by you."
    : "Check the destination folder and build again.";
  return new BuildError(`could not write ${target}: ${message}`, { hint });
}

/** An empty staging folder for the destination (whatever an earlier build left there is removed). */
export function prepareStaging(site: { source: string; dest: string }): string {
  assertDestinationOutsideSource(site.source, site.dest);
  const staging = stagingDirFor(site.dest);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  return staging;
}

/**
 * What may be written before the end: items whose destination no other item shares. Shared ones
 * are written at the end, in Jekyll's order, so that the last one wins as it does there.
 */
export function earlyWritable(site: Site): Set<SiteFile> {
  const owners = new Map<string, number>();
  const files = [...site.siteFiles()];
  const paths = files.map(plannedPath);
  for (const p of paths) owners.set(p, (owners.get(p) ?? 0) + 1);
  return new Set(files.filter((_, i) => owners.get(paths[i]) === 1));
}

/**
 * A file's destination path worked out before rendering. A document's comes without asking it
 * for its date, which Jekyll does only later (Document#peekDestinationPath): asking would set a
 * dateless draft's date before the templates list the posts.
 */
function plannedPath(f: SiteFile): string {
  return "peekDestinationPath" in f ? (f as Document).peekDestinationPath() : f.destinationPath;
}

/**
 * The render worker's share of the write stage: it writes the documents it rendered into the
 * staging folder the main thread prepared, and tells the main thread which (writtenElsewhere).
 */
export function writeEarly(site: Site, staging: string): (item: Page | Document) => boolean {
  const early = earlyWritable(site);
  const dirs = new DirMaker(staging);
  return (item) => {
    if (!early.has(item) || item.output === null) return false;
    perform({ kind: "write", target: path.join(staging, plannedPath(item)), data: item.output }, dirs);
    return true;
  };
}

export function beginWrite(site: Site, options: WriteOptions = {}): SiteWrite {
  const dest = site.dest;
  assertDestinationOutsideSource(site.source, dest);
  // Every destination path is worked out before anything is made: a bad one (a NUL in a
  // permalink, a name longer than the file system allows) fails the build before the staging
  // folder exists, naming the file it came from.
  for (const f of site.siteFiles()) {
    const rel = plannedPath(f);
    assertWritableName(dest, rel, sourceName(site, f));
  }
  const staging = options.staged ? stagingDirFor(dest) : prepareStaging(site);
  const thread = useWriterThread(site, options);
  if (thread) site.logger.debug("Writing:", "on a writer thread, as pages render");
  let sink: Sink | null = null;
  const open = () => (sink ??= thread ? threadSink(staging) : syncSink(staging));
  const target = (item: SiteFile) => path.join(staging, item.destinationPath);
  // A released output read again: its file must be on disk. The writer thread is drained (rarely
  // needed: a page that shows another's whole output), and the rest is written on this thread.
  let swapped = false;
  const reload = (item: Page | Document) => (): string => {
    if (swapped) return fs.readFileSync(path.join(dest, item.destinationPath), "utf8");
    if (sink?.threaded) {
      sink.drain();
      sink = syncSink(staging);
    }
    return fs.readFileSync(target(item), "utf8");
  };

  const early = options.outputsFinal ? earlyWritable(site) : new Set<SiteFile>();
  const sent = new Map<SiteFile, string>();
  // Every file of the site, and by destination path the items written there (more than one is a
  // conflict: the last wins). Taken once rendering is over: stylesheets add their source maps
  // to site.pages while they render. Items are named (sourceName) only for a conflict's message:
  // a path made relative for each of a site's files cost ~8 ms of a cold homepage build.
  let outputs: { all: SiteFile[]; written: Map<string, SiteFile[]> } | null = null;
  const finalOutputs = () => {
    if (outputs) return outputs;
    const all = [...site.siteFiles()];
    const written = new Map<string, SiteFile[]>();
    for (const item of all) {
      const rel = item.destinationPath;
      const seen = written.get(rel);
      if (seen) seen.push(item);
      else written.set(rel, [item]);
    }
    return (outputs = { all, written });
  };
  if (options.outputsFinal) {
    try {
      open().makeDirs([...new Set([...early].map((f) => path.dirname(path.join(staging, plannedPath(f)))))].sort());
      for (const f of early) {
        if (f.kind !== "static") continue;
        sink!.add({ kind: "copy", source: f.path, target: target(f) });
        sent.set(f, "");
      }
    } catch (e) {
      // No SiteWrite is returned, so nobody else can abort: the staging folder goes here.
      fs.rmSync(staging, { recursive: true, force: true });
      throw e;
    }
  }

  const abort = () => {
    try {
      sink?.drain();
    } catch {
      // the build failed already; its error is the one to report
    }
    fs.rmSync(staging, { recursive: true, force: true });
  };

  return {
    rendered(item) {
      if (!early.has(item) || item.output === null) return;
      // (plannedPath: Jekyll works a document's URL out when it writes, after every page rendered.)
      sink!.add({ kind: "write", target: path.join(staging, plannedPath(item)), data: item.output });
      if (options.releaseOutputs) {
        // finish() knows a released output is written and unchanged (setting it again un-releases it).
        sent.set(item, "");
        item.releaseOutput(reload(item));
      } else sent.set(item, item.output);
    },
    writtenElsewhere(item, output) {
      sent.set(item, output);
    },
    cleanup() {
      try {
        const { written } = finalOutputs();
        const keep = keptPrefixes(site);
        assertReplaceableDestination(site.source, dest, new Set(written.keys()), (rel) => keep.some((k) => rel.startsWith(k)), !!options.force);
        carryOverKeptFiles(site, dest, staging, new Set(written.keys()));
      } catch (e) {
        abort();
        throw e;
      }
    },
    finish() {
      const { all, written } = finalOutputs();
      try {
        const out = open();
        for (const item of all) {
          const shared = written.get(item.destinationPath)!.length > 1;
          if (item.kind === "static") {
            if (shared || !sent.has(item)) out.add({ kind: "copy", source: item.path, target: target(item) });
          } else if (shared || !(item.outputReleased || sent.get(item) === (item.output ?? ""))) {
            out.add({ kind: "write", target: target(item), data: item.output ?? "" });
          }
        }
        out.drain();
      } catch (e) {
        fs.rmSync(staging, { recursive: true, force: true });
        throw e;
      }
      swapIn(staging, dest);
      swapped = true;
      markDestination(site.source, dest, site.config.disable_disk_cache !== true);
      // Doctor.conflicting_urls, which Site#write calls: redirect pages are left out of the count.
      const conflicts = [...written.entries()]
        .map(([destination, items]) => [destination, items.filter((item) => !(item.kind === "page" && item.mayShareDestination))] as const)
        .filter(([, sources]) => sources.length > 1)
        .map(([destination, sources]) => ({ destination: path.join(dest, destination), sources: sources.map((item) => sourceName(site, item)) }));
      return { files: all.length, conflicts };
    },
    abort,
  };
}

/** The whole write stage at once, on this thread (serve's full rebuilds). */
export function writeSite(site: Site, options: WriteOptions = {}): WriteResult {
  const write = beginWrite(site, options);
  write.cleanup();
  return write.finish();
}

function keptPrefixes(site: Site): string[] {
  return ((site.config.keep_files ?? []) as unknown[]).map(String).filter((k) => k !== "");
}

/**
 * Cleaner#keep_file_regex: paths under dest starting with a `keep_files` entry survive, except
 * where this build writes a file of its own (Jekyll writes after cleaning: the site's file wins).
 * A kept folder is copied whole unless this build writes inside it. Which paths the build writes
 * is known before they are written, so this does not wait for the writes.
 */
function carryOverKeptFiles(site: Site, dest: string, staging: string, outputs: Set<string>): void {
  const keep = keptPrefixes(site);
  if (!keep.length || !fs.existsSync(dest)) return;
  const outputDirs = new Set<string>();
  for (const o of outputs) for (let d = path.posix.dirname(o); d !== "."; d = path.posix.dirname(d)) outputDirs.add(d);
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dest, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (keep.some((k) => r.startsWith(k))) {
        if (outputs.has(r)) continue;
        if (outputDirs.has(r)) {
          // The build writes inside: a kept folder is taken file by file, anything else gives way.
          if (e.isDirectory()) walk(r);
          continue;
        }
        const target = path.join(staging, r);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.cpSync(path.join(dest, r), target, { recursive: true, preserveTimestamps: true });
      } else if (e.isDirectory()) walk(r);
    }
  };
  walk("");
}

/**
 * Replace `dest` by `staging` with two renames, then delete the old tree. The deletion is part of
 * the build (and of its measured time): a detached `rm` would leave a process running after the
 * build has returned, and its disk work would fall on whatever runs next. Trees left by a build
 * that was killed between the renames and the deletion are swept here too.
 */
function swapIn(staging: string, dest: string): void {
  const parent = path.dirname(staging);
  const oldPrefix = `${path.basename(staging)}-old-`;
  const leftovers = fs.readdirSync(parent).filter((n) => n.startsWith(oldPrefix)).map((n) => path.join(parent, n));
  const old = path.join(parent, `${oldPrefix}${process.pid}-${Date.now()}`);
  const hadDest = fs.existsSync(dest);
  if (hadDest) fs.renameSync(dest, old);
  try {
    fs.renameSync(staging, dest);
  } catch (e) {
    if (hadDest) fs.renameSync(old, dest);
    throw e;
  }
  for (const p of hadDest ? [...leftovers, old] : leftovers) fs.rmSync(p, { recursive: true, force: true });
}
