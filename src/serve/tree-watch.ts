// Watches folder trees with one `fs.watch` per folder, for `serve --watch` and `build --watch`
// (serve/watch.ts; chokidar is kept for `force_polling`).
//
// Why not chokidar (5.0): on every event in a folder it reads the whole folder again, with an
// lstat per entry (its folder listener runs `_handleRead`, throttled to once a second), and it
// watches every file with an `fs.watch` of its own. At 10,000 posts one saved post cost the main
// thread ~0.4 s of CPU and the thread pool as much again, beside the rebuild (bench/PROFILE.md,
// "serve latency"). It also drops a path's "change" events for 50 ms after one it reports, which
// serve/watch.ts had to work around by looking at each changed file again later.
//
// Here an event names the entry that changed (inotify, FSEvents and ReadDirectoryChangesW all do):
// - "change" of a file we know: reported as it is, with no stat. Every write of a file is an
//   event that arrives after the write, so a build started after the last event reads the last
//   content; nothing is throttled or dropped.
// - anything else ("rename", or a name we do not know): the entry is looked at (stat) and
//   compared with what we knew: a new file is an "add", a new folder an "addDir" with everything
//   in it ("add"s) and is watched, a file or folder that is gone an "unlink"/"unlinkDir" (with
//   everything that was in the folder), a file replaced by a rename a "change".
// - an event without a name (possible on some platforms): the folder is compared entry by entry.
// Symbolic links are followed, as chokidar does by default: a linked folder is watched through the
// link (a folder that links back to one of its parents is not entered again), and a linked file
// gets a watch of its own, since its folder's watch does not see writes to the file it points to.
import fs from "node:fs";
import path from "node:path";
import type { ChangeKind } from "./coalesce.js";
import { DEFAULT_LIMITS } from "../config/limits.js";
import { isInside, realFolder } from "../read/outside-site.js";

export interface TreeWatcher {
  close(): void;
}

export interface TreeWatchOptions {
  roots: string[];
  /** The site's `build_site.limits.linked_folder_visits` (read/loop-guard.ts). */
  maxLinkedVisits?: number;
  /** True skips the path (and a folder's contents). Called with absolute paths. */
  skip: (absolutePath: string) => boolean;
  onEvent: (kind: ChangeKind, absolutePath: string) => void;
  onError: (error: unknown) => void;
}

type EntryKind = "file" | "dir";

interface WatchedDir {
  watcher: fs.FSWatcher | null;
  /** Entry name → what it is (skipped names are not here). */
  entries: Map<string, EntryKind>;
  /** Real paths of this folder and the folders above it, to stop at links back up the tree. */
  chain: Set<string>;
}

/** Starts watching; the trees are read synchronously before this returns (nothing is reported for them). */
export function watchTrees(options: TreeWatchOptions): TreeWatcher {
  const dirs = new Map<string, WatchedDir>();
  /** Watches of linked files (their folder's watch does not see writes to the target). */
  const linkedFiles = new Map<string, fs.FSWatcher>();
  let closed = false;

  const kindOf = (abs: string): EntryKind | null => {
    // stat follows links: a linked folder is a folder, a broken link is nothing.
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    if (!st) return null;
    return st.isDirectory() ? "dir" : st.isFile() ? "file" : null;
  };

  // What the build reads is what is watched: a folder or file whose real path leaves every root (a
  // symlink out of the site, which the reader skips) is not watched, and no real folder is watched
  // under more than maxLinkedVisits names (links doubling at each level: the build stops there).
  const realRoots = options.roots.map(realFolder).filter((r): r is string => r !== null);
  const insideRoots = (real: string) => realRoots.some((r) => isInside(real, r));
  const linkedVisits = new Map<string, number>();
  const maxLinkedVisits = options.maxLinkedVisits ?? DEFAULT_LIMITS.linkedFolderVisits;

  const isLink = (abs: string) => fs.lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink() === true;

  function watchLinkedFile(abs: string): void {
    if (linkedFiles.has(abs)) return;
    try {
      if (!insideRoots(fs.realpathSync(abs))) return;
    } catch {
      return;
    }
    try {
      const w = fs.watch(abs, { persistent: true }, () => {
        if (!closed) options.onEvent("change", abs);
      });
      w.on("error", () => closeLinkedFile(abs));
      linkedFiles.set(abs, w);
    } catch {
      // The target went away meanwhile: the folder's event reports it.
    }
  }

  function closeLinkedFile(abs: string): void {
    linkedFiles.get(abs)?.close();
    linkedFiles.delete(abs);
  }

  /** Watches a folder and reads what is in it; with `report`, everything found is reported as added. */
  function addDir(dir: string, parentChain: Set<string>, report: boolean): void {
    if (closed || dirs.has(dir) || options.skip(dir)) return;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return; // gone already
    }
    if (parentChain.has(real)) return; // a link back up the tree
    if (!insideRoots(real)) return;
    if (real !== dir) {
      const n = (linkedVisits.get(real) ?? 0) + 1;
      linkedVisits.set(real, n);
      if (n > maxLinkedVisits) return;
    }
    const chain = new Set(parentChain).add(real);
    const entry: WatchedDir = { watcher: null, entries: new Map(), chain };
    dirs.set(dir, entry);
    // Watch first, then read: an entry made in between is both read and reported (an "add" twice
    // folds into one, serve/coalesce.ts); none is missed.
    try {
      entry.watcher = fs.watch(dir, { persistent: true }, (event, name) => onFolderEvent(dir, event, name == null ? null : String(name)));
      entry.watcher.on("error", (error) => {
        // The folder was removed (Windows reports that as an error): its parent's event says so.
        if (fs.existsSync(dir)) options.onError(error);
        entry.watcher?.close();
        entry.watcher = null;
      });
    } catch (error) {
      dirs.delete(dir);
      if (fs.existsSync(dir)) options.onError(error);
      return;
    }
    if (report) options.onEvent("addDir", dir);
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // removed meanwhile: the parent's event removes it
    }
    for (const d of names) {
      const abs = path.join(dir, d.name);
      if (options.skip(abs)) continue;
      const kind = d.isDirectory() ? "dir" : d.isFile() ? "file" : d.isSymbolicLink() ? kindOf(abs) : null;
      if (kind === null) continue;
      entry.entries.set(d.name, kind);
      if (kind === "dir") addDir(abs, chain, report);
      else {
        if (d.isSymbolicLink()) watchLinkedFile(abs);
        if (report) options.onEvent("add", abs);
      }
    }
  }

  /** Stops watching a folder and what is under it; with `report`, each file and folder is reported gone. */
  function removeDir(dir: string, report: boolean): void {
    const entry = dirs.get(dir);
    if (!entry) return;
    dirs.delete(dir);
    entry.watcher?.close();
    for (const [name, kind] of entry.entries) {
      const abs = path.join(dir, name);
      if (kind === "dir") removeDir(abs, report);
      else {
        closeLinkedFile(abs);
        if (report) options.onEvent("unlink", abs);
      }
    }
    if (report) options.onEvent("unlinkDir", dir);
  }

  /** Compares one entry of a watched folder with what we knew, and reports the difference. */
  function look(dir: string, name: string): void {
    const entry = dirs.get(dir);
    if (!entry) return;
    const abs = path.join(dir, name);
    if (options.skip(abs)) return;
    const before = entry.entries.get(name);
    const now = kindOf(abs);
    if (now === "dir" && before === "dir") {
      // The same folder, or one renamed over it: compare what is in it.
      if (!dirs.has(abs)) addDir(abs, entry.chain, true);
      return;
    }
    if (before === "dir") removeDir(abs, true);
    else if (before === "file" && now !== "file") {
      closeLinkedFile(abs);
      options.onEvent("unlink", abs);
    }
    if (now === null) {
      entry.entries.delete(name);
      return;
    }
    entry.entries.set(name, now);
    if (now === "dir") {
      addDir(abs, entry.chain, true);
      return;
    }
    if (isLink(abs)) watchLinkedFile(abs);
    else closeLinkedFile(abs);
    // A file that was there and is there now was replaced (a rename over it) or touched: a change.
    options.onEvent(before === "file" ? "change" : "add", abs);
  }

  function onFolderEvent(dir: string, event: string, name: string | null): void {
    if (closed) return;
    try {
      if (name === null) {
        // No name given: compare every entry, known and present.
        const entry = dirs.get(dir);
        if (!entry) return;
        const names = new Set(entry.entries.keys());
        try {
          for (const n of fs.readdirSync(dir)) names.add(n);
        } catch {
          /* gone: each known entry is looked at and found missing */
        }
        for (const n of names) look(dir, n);
        return;
      }
      // The common case, a write into a file we know: reported at once, no stat.
      if (event === "change" && dirs.get(dir)?.entries.get(name) === "file") {
        const abs = path.join(dir, name);
        if (!options.skip(abs)) options.onEvent("change", abs);
        return;
      }
      look(dir, name);
    } catch (error) {
      options.onError(error);
    }
  }

  for (const root of options.roots) {
    const resolved = path.resolve(root);
    if (kindOf(resolved) === "dir") addDir(resolved, new Set(), false);
  }

  return {
    close() {
      closed = true;
      for (const d of dirs.values()) d.watcher?.close();
      dirs.clear();
      for (const w of linkedFiles.values()) w.close();
      linkedFiles.clear();
    },
  };
}
