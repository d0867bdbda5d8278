// Watches the site source for `serve --watch` and hands the build one batch of changes at a time.
//
// - The source is watched one folder at a time with the platform's events (tree-watch.ts), or with
//   chokidar's polling for `--force_polling`.
// - Editor noise is dropped before it reaches the batch: the file names below are the ones
//   `jekyll serve --watch` never sees, because jekyll-watch uses the `listen` gem, whose
//   Listen::Silencer ignores them (listen 3.7 lib/listen/silencer.rb): Vim swap files and its
//   `4913` write test, `~` backups, Emacs `.#x` / `#x#`, JetBrains `___jb_*___`, Kate `.kate-swp`
//   and `x.123.new`, gedit `.goutputstream-XXXXXX`, sed `sedAbC123`, `.DS_Store`, `.tmp`, and the
//   `.git`/`.svn`/`.hg` folders.
// - Events are folded per path (coalesce.ts). A batch of files written in place goes out as soon
//   as the events already delivered are in; anything else (adds, unlinks: a save by rename) waits
//   for a quiet period `debounceMs`, but never longer than `maxWait`, so a file that is rewritten
//   continuously still builds.
// - `onChanges` calls never overlap: what arrives while one runs is queued into the next batch.
// - When polling, a file's second save soon after its first is not lost (`recheckLater`).
//   chokidar 5 drops a path's "change" for 50 ms after the one it emits (FSWatcher#_emit
//   throttles with no trailing event), and a file's raw events for 5 ms after one (handler.js): an
//   author who saves, sees the rebuild and saves again within 50 ms would be left with the first
//   save built. So each changed or added file is looked at again once that window has passed, and
//   a file that is not as chokidar last saw it counts as changed. (tree-watch.ts drops nothing.)
// What else to skip (the destination, `.jekyll-cache`, excluded paths, `_config.yml` — jekyll-watch
// ignores the config files too) is the caller's `ignored`; `ignorePaths` below builds one.

import fs from "node:fs";
import * as path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { ChangeSet, type ChangeKind, type SourceChange } from "./coalesce.js";
import { watchTrees } from "./tree-watch.js";

export type { SourceChange, ChangeKind } from "./coalesce.js";

export interface SourceWatcher {
  close(): Promise<void>;
}

export interface WatchSourceOptions {
  source: string;
  /** Folders outside the source to watch too (a theme's folder). */
  extraRoots?: string[];
  /**
   * Single files outside the source to watch too: the configuration files read from beside it
   * (a `source:` key moves the site below the `_config.yml` that names it, or `--config` names
   * one elsewhere). Only these files are watched, not the folders holding them.
   */
  extraFiles?: string[];
  /** Called with absolute paths (files and folders); true skips the path (and a folder's contents). */
  ignored: (absolutePath: string) => boolean;
  /** Quiet period before a batch is handed out. Default 150 ms. */
  debounceMs?: number;
  onChanges: (changes: SourceChange[]) => void | Promise<void>;
  /** Told when a change arrives while `onChanges` is still running (serve abandons a runaway build). */
  onPendingWhileRunning?: () => void;
  /** How many times symlinks may lead into one folder (`build_site.limits.linked_folder_visits`). */
  maxLinkedVisits?: number;
  /** Poll files for changes instead of listening to file-system events (`--force_polling`). */
  usePolling?: boolean;
  /** Errors from `onChanges` or the watcher. Default: printed to stderr; watching goes on. */
  onError?: (error: unknown) => void;
}

const DEFAULT_DEBOUNCE_MS = 150;

/** Past chokidar's 50 ms window in which a path's further "change" events are dropped. */
const RECHECK_AFTER_MS = 60;

/** Whether one of the files is empty (a file being written, after its truncation). */
function someEmpty(paths: Iterable<string>): boolean {
  for (const p of paths) if (fs.statSync(p, { throwIfNoEntry: false })?.size === 0) return true;
  return false;
}

/** What tells one version of a file from the next: modified and changed times, size, inode. */
function stampOf(st: fs.Stats | undefined): string | null {
  return st ? `${st.mtimeMs}:${st.ctimeMs}:${st.size}:${st.ino}` : null;
}

const TEMP_FILE_PATTERNS: RegExp[] = [
  /\.(?:swp|swo|swn|swx|swpx)$/, // Vim swap files
  /^4913$/, // Vim checks it may write in a folder by creating and deleting "4913"
  /~$/, // Vim/Emacs backups
  /^\.#/, // Emacs lock files
  /^#.*#$/, // Emacs auto-save
  /___jb_(?:tmp|old|bak)___$/, // JetBrains safe write
  /\.kate-swp$/,
  /\..*\d+\.new$/, // Kate
  /^\.goutputstream-.{6}$/, // gedit
  /^\.mutagen-temporary/,
  /^\.DS_Store$/,
  /\.tmp$/,
];

/** Whether a file name is an editor's temporary/backup file (see the header comment). */
export function isEditorTempFile(name: string): boolean {
  if (TEMP_FILE_PATTERNS.some((re) => re.test(name))) return true;
  // sed -i writes "sed" + 6 random alphanumerics; like listen, require a capital so that real
  // words ("sedation") are not taken for temp files.
  return /^sed[a-zA-Z0-9]{6}$/.test(name) && /[A-Z]/.test(name.slice(3));
}

const VCS_DIRS = new Set([".git", ".svn", ".hg"]);

/** A predicate for `ignored`: true for each given path and everything under it. */
export function ignorePaths(paths: string[]): (absolutePath: string) => boolean {
  const roots = paths.map((p) => path.resolve(p));
  return (absolutePath) => {
    const p = path.resolve(absolutePath);
    return roots.some((r) => p === r || p.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  };
}

export async function watchSource(options: WatchSourceOptions): Promise<SourceWatcher> {
  const source = path.resolve(options.source);
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxWaitMs = Math.max(1000, debounceMs * 10);
  const onError = options.onError ?? ((error: unknown) => console.error("build-site: watch:", error));

  const pending = new ChangeSet();
  /** The pending flush: a quiet-period timer, or an immediate for changes that need none. */
  let timer: { cancel(): void } | null = null;
  let firstPendingAt = 0;
  let running: Promise<void> | null = null;
  let closed = false;

  const skip = (absolutePath: string): boolean => {
    if (absolutePath === source) return false;
    const rel = path.relative(source, absolutePath);
    if (rel.split(path.sep).some((segment) => VCS_DIRS.has(segment))) return true;
    return isEditorTempFile(path.basename(absolutePath)) || options.ignored(absolutePath);
  };

  function schedule(): void {
    if (closed || pending.size === 0) return;
    const waited = Date.now() - firstPendingAt;
    // Files written in place need no quiet period: each write is an event that comes after it,
    // and one that arrives during the build is the next batch. An immediate still takes in every
    // event read with this one (it runs once they are all handled). But a file that is empty now
    // is most likely being written (open with truncation, then write: two events, which can come
    // a few milliseconds apart): building it now would show the author an empty page until the
    // next batch. It waits for the quiet period, as does what an editor's save by rename or a new
    // file makes (unlink, add: its other half).
    const quiet = pending.onlyChanges() && !someEmpty(pending.paths()) ? 0 : debounceMs;
    const delay = Math.max(0, Math.min(quiet, maxWaitMs - waited));
    timer?.cancel();
    if (delay === 0) {
      const immediate = setImmediate(flush);
      timer = { cancel: () => clearImmediate(immediate) };
    } else {
      const timeout = setTimeout(flush, delay);
      timer = { cancel: () => clearTimeout(timeout) };
    }
  }

  function flush(): void {
    timer = null;
    // A batch is running: leave the changes pending; the run picks them up when it ends.
    if (closed || running !== null || pending.size === 0) return;
    const changes = pending.take();
    running = (async () => {
      try {
        await options.onChanges(changes);
      } catch (error) {
        onError(error);
      }
    })().finally(() => {
      running = null;
      if (pending.size > 0 && timer === null) {
        // These waited at least as long as the running build took; hand them out now.
        flush();
      }
    });
  }

  function record(kind: ChangeKind, absolutePath: string): void {
    if (closed) return;
    if (pending.size === 0 && timer === null) firstPendingAt = Date.now();
    pending.add(path.resolve(absolutePath), kind);
    if (running !== null && pending.size > 0) options.onPendingWhileRunning?.();
    if (pending.size === 0) {
      // Everything pending cancelled out (a temp file came and went): nothing to build.
      timer?.cancel();
      timer = null;
      return;
    }
    schedule();
  }

  const roots = [source, ...(options.extraRoots ?? []).map((r) => path.resolve(r))];
  const files = (options.extraFiles ?? []).map((f) => path.resolve(f));
  const stop = options.usePolling === true
    ? await watchByPolling([...roots, ...files], skip, record, onError, () => closed)
    : watchByEvents(roots, skip, record, onError, files, options.maxLinkedVisits);

  return {
    async close() {
      closed = true;
      timer?.cancel();
      timer = null;
      await stop();
      // Let a running build finish, so the caller can tear down what it uses.
      if (running !== null) await running;
    },
  };
}

type Record = (kind: ChangeKind, absolutePath: string) => void;

/** The file-system events of each watched folder (tree-watch.ts). */
function watchByEvents(roots: string[], skip: (p: string) => boolean, record: Record, onError: (e: unknown) => void, files: string[] = [], maxLinkedVisits?: number): () => Promise<void> {
  const tree = watchTrees({
    roots,
    skip,
    maxLinkedVisits,
    onEvent: (kind, p) => {
      record(kind, p);
    },
    onError,
  });
  const single = watchFiles(files, record, onError);
  return async () => {
    tree.close();
    single();
  };
}

/**
 * Each file by an event watch of its folder (not recursive), keeping only events that name it: a
 * save by rename replaces the file, which a watch of the file itself would stop seeing. An event
 * is a "change" while the file exists and an "unlink" once it does not (an "add" when it comes back
 * is a "change" too: for a configuration file the rebuild is the same).
 */
function watchFiles(files: string[], record: Record, onError: (e: unknown) => void): () => void {
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    const names = byDir.get(path.dirname(f)) ?? new Set<string>();
    names.add(path.basename(f));
    byDir.set(path.dirname(f), names);
  }
  const watchers: fs.FSWatcher[] = [];
  for (const [dir, names] of byDir) {
    try {
      const w = fs.watch(dir, { persistent: true }, (_event, name) => {
        // No name (possible on some platforms): each file is looked at.
        for (const n of name === null ? names : names.has(String(name)) ? [String(name)] : []) {
          const abs = path.join(dir, n);
          record(fs.existsSync(abs) ? "change" : "unlink", abs);
        }
      });
      w.on("error", onError);
      watchers.push(w);
    } catch (error) {
      onError(error);
    }
  }
  return () => {
    for (const w of watchers) w.close();
  };
}

/**
 * `--force_polling`: chokidar's polling, each file stat'ed on an interval. A file's second save
 * soon after its first is looked at again (`recheckLater`, see the header).
 */
async function watchByPolling(roots: string[], skip: (p: string) => boolean, record: Record, onError: (e: unknown) => void, isClosed: () => boolean): Promise<() => Promise<void>> {
  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    ignored: (p: string) => skip(path.resolve(p)),
    // chokidar's own atomic-save handling holds every unlink back 100 ms to see whether an add
    // follows. That delay can push one half of a create/delete or rename pair past our debounce
    // into a second batch; the folding in coalesce.ts already turns unlink+add into a change.
    atomic: false,
    usePolling: true,
  });
  // Files to look at again once chokidar's throttle window is over (see the header): the stamp
  // chokidar's event came with.
  const rechecks = new Map<string, { timer: NodeJS.Timeout; stamp: string | null }>();
  function recheckLater(absolutePath: string, stamp: string | null): void {
    const earlier = rechecks.get(absolutePath);
    if (earlier) clearTimeout(earlier.timer);
    const timer = setTimeout(() => {
      rechecks.delete(absolutePath);
      if (isClosed()) return;
      fs.stat(absolutePath, (error, st) => {
        if (isClosed() || error) return; // gone: chokidar reports the unlink
        const now = stampOf(st);
        if (now === stamp) return;
        record("change", absolutePath);
        recheckLater(absolutePath, now);
      });
    }, RECHECK_AFTER_MS);
    timer.unref();
    rechecks.set(absolutePath, { timer, stamp });
  }

  for (const kind of ["add", "change", "unlink", "addDir", "unlinkDir"] as const) {
    watcher.on(kind, (p: string, stats?: fs.Stats) => {
      record(kind, p);
      const abs = path.resolve(p);
      if (kind === "add" || kind === "change") {
        recheckLater(abs, stampOf(stats ?? fs.statSync(abs, { throwIfNoEntry: false })));
      } else if (kind === "unlink") {
        const earlier = rechecks.get(abs);
        if (earlier) clearTimeout(earlier.timer);
        rechecks.delete(abs);
      }
    });
  }
  watcher.on("error", (error: unknown) => onError(error));

  await new Promise<void>((resolve, reject) => {
    watcher.once("ready", () => resolve());
    watcher.once("error", reject);
  });
  return async () => {
    for (const r of rechecks.values()) clearTimeout(r.timer);
    rechecks.clear();
    await watcher.close();
  };
}
