// The file operations of the write stage, shared by the main thread, the writer thread and
// serve's incremental writes.
import fs from "node:fs";
import path from "node:path";
import { assertInside, isInside } from "./contain.js";

/** A static file's copy keeps its modification time (copy-on-write where the file system can). */
export function copyStaticFile(source: string, target: string): void {
  fs.rmSync(target, { force: true });
  fs.copyFileSync(source, target, fs.constants.COPYFILE_FICLONE);
  const st = fs.statSync(source);
  fs.utimesSync(target, st.atime, st.mtime);
}

/**
 * Replaces an existing file's text in place (serve's rebuilds), or creates the file. Not by
 * truncating it first: on ext4, a file truncated to nothing and written again is flushed to disk
 * when closed (its `auto_da_alloc` heuristic), so rewriting every page after an include edit
 * waited on the disk; written over and cut to its new length, the file is not.
 */
export function overwriteFile(target: string, data: string): void {
  let fd: number;
  try {
    // O_NOFOLLOW: a symlink at the target (one `keep_files` carried over from the old `_site`) is
    // replaced, never written through, which would write wherever it points.
    fd = fs.openSync(target, fs.constants.O_RDWR | fs.constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") fs.rmSync(target, { force: true });
    else if (code !== "ENOENT") throw e;
    fs.writeFileSync(target, data, { flag: "wx" });
    return;
  }
  try {
    const bytes = Buffer.from(data);
    let done = 0;
    while (done < bytes.length) {
      const n = fs.writeSync(fd, bytes, done, bytes.length - done, done);
      if (n <= 0) throw new Error(`could not write ${target}`);
      done += n;
    }
    if (fs.fstatSync(fd).size !== bytes.length) fs.ftruncateSync(fd, bytes.length);
  } finally {
    fs.closeSync(fd);
  }
}

/** mkdir -p that remembers what it made, so a folder costs one system call per build. */
export class DirMaker {
  private readonly made = new Set<string>();

  constructor(readonly root: string) {
    this.made.add(root);
  }

  ensure(dir: string): void {
    if (this.made.has(dir)) return;
    fs.mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }

  ensureParent(file: string): void {
    this.ensure(path.dirname(file));
  }
}

/** One write the stage performs: a rendered output or a static file's copy. */
export type FileOp =
  | { kind: "write"; target: string; data: string }
  | { kind: "copy"; target: string; source: string };

export function perform(op: FileOp, dirs: DirMaker): void {
  // The containment rule (contain.ts), by path: the staging folder is new and build-site makes
  // only plain folders in it, so no symlink can lead a path that is inside it out of it.
  if (!isInside(dirs.root, op.target)) assertInside(dirs.root, op.target);
  dirs.ensureParent(op.target);
  if (op.kind === "copy") copyStaticFile(op.source, op.target);
  else fs.writeFileSync(op.target, op.data);
}
