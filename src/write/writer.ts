// The write stage. Everything is written to a fresh staging folder beside the destination and
// swapped in only when the whole build succeeded, so a failed build never leaves a half-written
// `_site`. Because the staging folder is private until the swap, pages can be written into it
// while later pages still render (on the writer thread, for large sites). What Jekyll's Cleaner
// would keep (`keep_files`, default .git and .svn) is carried over from the old destination. Static files keep their modification times (jekyll-sitemap's
// `lastmod` and HTTP caching read them).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "../errors.js";
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import type { StaticFile } from "../site/static-file.js";
import { assertReplaceableDestination, assertSafeDestination, markDestination } from "./destination.js";
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

function sourceName(site: Site, item: Page | Document | StaticFile): string {
  return item.path ? site.displayPath(item.path) : item.relativePath;
}

export { copyStaticFile } from "./file-ops.js";

export function stagingDirFor(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.build-site-staging`);
}

export interface WriteOptions {
  /** Do the file system calls on a writer thread (write-thread.ts). */
  thread?: boolean;
  /** The staging folder exists already (a parallel build's render worker writes into it too). */
  staged?: boolean;
  /**
   * Write each page as soon as its output is final. Off when a plugin rewrites outputs after
   * rendering (jemoji, jekyll-mentions), because then no output is final before the end.
   */
  stream?: boolean;
  /** Replace a destination even when it holds files build-site did not write (`--force`). */
  force?: boolean;
}

/** The write stage of one build, begun before rendering so that writing can overlap it. */
export interface SiteWrite {
  /** An item's output is final (see Renderer#renderSite). */
  rendered(item: Page | Document): void;
  /** Another thread wrote this output of the item (the render worker, see writeEarly). */
  writtenElsewhere(item: Page | Document, output: string): void;
  /** Writes what is left, waits for the writes, and swaps the new tree in. */
  finish(): WriteResult;
  /** The build failed: nothing of it reaches the destination. */
  abort(): void;
}

/** Where operations go: this thread, or the writer thread. */
interface Sink {
  add(op: FileOp): void;
  makeDirs(dirs: string[]): void;
  /** Waits until everything added is on disk; throws what failed. */
  drain(): void;
}

function syncSink(root: string): Sink {
  const dirs = new DirMaker(root);
  return {
    add: (op) => perform(op, dirs),
    makeDirs: (list) => { for (const d of list) dirs.ensure(d); },
    drain: () => {},
  };
}

function threadSink(root: string): Sink {
  const thread = new WriteThread(root);
  // Kept so that a thread that never started costs time, not the build.
  const sent: FileOp[] = [];
  return {
    add: (op) => { sent.push(op); thread.add(op); },
    makeDirs: (dirs) => thread.makeDirs(dirs),
    drain: () => {
      const reply = thread.finish();
      if (!reply) {
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
export function earlyWritable(site: Site): Set<Page | Document | StaticFile> {
  const owners = new Map<string, number>();
  const files = [...site.siteFiles()];
  for (const f of files) owners.set(f.destinationPath, (owners.get(f.destinationPath) ?? 0) + 1);
  return new Set(files.filter((f) => owners.get(f.destinationPath) === 1));
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
    perform({ kind: "write", target: path.join(staging, item.destinationPath), data: item.output }, dirs);
    return true;
  };
}

export function beginWrite(site: Site, options: WriteOptions = {}): SiteWrite {
  const dest = site.dest;
  assertDestinationOutsideSource(site.source, dest);
  // Every destination path is worked out before anything is made: a bad one (a NUL in a
  // permalink) fails the build before the staging folder exists.
  for (const f of site.siteFiles()) void f.destinationPath;
  const staging = options.staged ? stagingDirFor(dest) : prepareStaging(site);
  let sink: Sink | null = null;
  const open = () => (sink ??= options.thread ? threadSink(staging) : syncSink(staging));
  const target = (item: Page | Document | StaticFile) => path.join(staging, item.destinationPath);

  const early = options.stream ? earlyWritable(site) : new Set<Page | Document | StaticFile>();
  const sent = new Map<Page | Document | StaticFile, string>();
  if (options.stream) {
    open().makeDirs([...new Set([...early].map((f) => path.dirname(target(f))))].sort());
    for (const f of early) {
      if (f.kind !== "static") continue;
      sink!.add({ kind: "copy", source: f.path, target: target(f) });
      sent.set(f, "");
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
      sink!.add({ kind: "write", target: target(item), data: item.output });
      sent.set(item, item.output);
    },
    writtenElsewhere(item, output) {
      sent.set(item, output);
    },
    finish() {
      const written = new Map<string, string[]>();
      const all = [...site.siteFiles()];
      for (const item of all) {
        const rel = item.destinationPath;
        const seen = written.get(rel);
        if (seen) seen.push(sourceName(site, item));
        else written.set(rel, [sourceName(site, item)]);
      }
      try {
        const out = open();
        for (const item of all) {
          const shared = written.get(item.destinationPath)!.length > 1;
          if (item.kind === "static") {
            if (shared || !sent.has(item)) out.add({ kind: "copy", source: item.path, target: target(item) });
          } else if (shared || sent.get(item) !== (item.output ?? "")) {
            out.add({ kind: "write", target: target(item), data: item.output ?? "" });
          }
        }
        out.drain();
        const keep = keptPrefixes(site);
        assertReplaceableDestination(site.source, dest, new Set(written.keys()), (rel) => keep.some((k) => rel.startsWith(k)), !!options.force);
        carryOverKeptFiles(site, dest, staging);
      } catch (e) {
        fs.rmSync(staging, { recursive: true, force: true });
        throw e;
      }
      swapIn(staging, dest);
      markDestination(site.source, dest, site.config.disable_disk_cache !== true);
      const conflicts = [...written.entries()]
        .filter(([, sources]) => sources.length > 1)
        .map(([destination, sources]) => ({ destination: path.join(dest, destination), sources }));
      return { files: all.length, conflicts };
    },
    abort,
  };
}

/** The whole write stage at once, on this thread (serve's full rebuilds). */
export function writeSite(site: Site, options: WriteOptions = {}): WriteResult {
  return beginWrite(site, options).finish();
}

function keptPrefixes(site: Site): string[] {
  return ((site.config.keep_files ?? []) as unknown[]).map(String).filter((k) => k !== "");
}

/** Cleaner#keep_file_regex: paths under dest starting with a `keep_files` entry survive. */
function carryOverKeptFiles(site: Site, dest: string, staging: string): void {
  const keep = keptPrefixes(site);
  if (!keep.length || !fs.existsSync(dest)) return;
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dest, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (keep.some((k) => r.startsWith(k))) {
        const target = path.join(staging, r);
        if (fs.existsSync(target)) continue;
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.cpSync(path.join(dest, r), target, { recursive: true, preserveTimestamps: true });
      } else if (e.isDirectory()) walk(r);
    }
  };
  walk("");
}

/**
 * Replace `dest` by `staging` with two renames. The old tree is deleted by a detached `rm`, so
 * a large site's deletion does not add to the build's time; a later build sweeps any leftovers.
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
  const doomed = hadDest ? [...leftovers, old] : leftovers;
  if (doomed.length) removeInBackground(doomed);
}

function removeInBackground(paths: string[]): void {
  try {
    const child = spawn("rm", ["-rf", "--", ...paths], { detached: true, stdio: "ignore" });
    child.on("error", () => { for (const p of paths) fs.rmSync(p, { recursive: true, force: true }); });
    child.unref();
  } catch {
    for (const p of paths) fs.rmSync(p, { recursive: true, force: true });
  }
}
