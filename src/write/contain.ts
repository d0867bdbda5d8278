// The one containment rule for everything build-site writes: a path made from site input
// (a permalink, a URL, a plugin's output name, an archive member) is decoded by its maker, then
// placed inside its root here, and only a path that lies inside the root is ever written.
//
// Placing is Jekyll's `Jekyll.sanitized_path` (lib/jekyll/path_manager.rb, used by
// Site#in_dest_dir for every page, document and static file): the questionable path is expanded
// against "/" (so `..` can climb no higher than "/", and `~` is taken literally), and joined onto
// the root unless it already names a path inside the root. `/%2e%2e/%2e%2e/x.txt`, decoded to
// `/../../x.txt`, becomes `<root>/x.txt`, as in Jekyll.
//
// Checking is `assertInside`: the resolved path must lie below the root, and where part of it
// already exists on disk (serve writes into a live `_site`, a cache folder may hold symlinks),
// the real path of its deepest existing folder must lie below the real root too. Theme and cache
// extraction call `containedPath` for each archive member and `assertInside` before writing it.
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "../errors.js";

/**
 * File.expand_path(p, "/"): an absolute, normalised path; ".." stops at "/". Ruby's expand_path
 * also turns a leading "~" into the home folder; sanitized_path prefixes "/" first so that never
 * happens, and this function never does it either.
 */
function expandFromRoot(p: string): string {
  return path.posix.resolve("/", p);
}

/**
 * Jekyll.sanitized_path(root, questionable): the absolute path inside `root` that Jekyll would
 * use for `questionable`. `root` must be absolute and normalised.
 */
export function sanitizedPath(root: string, questionable: string | null | undefined): string {
  if (questionable === null || questionable === undefined || questionable === root) return root;
  assertNoNul(questionable);
  const clean = expandFromRoot(questionable.startsWith("~") ? `/${questionable}` : questionable);
  if (clean === root) return clean;
  if (clean.startsWith(root.endsWith("/") ? root : `${root}/`)) return clean;
  // Ruby strips a Windows drive ("C:/") before joining; harmless on POSIX paths.
  return path.posix.join(root, clean.replace(/^\w:\//, "/"));
}

/**
 * The destination-relative path ("a/b.html", no leading "/") that Jekyll's in_dest_dir gives a
 * decoded URL path: what Page, Document and StaticFile write to. (Jekyll keeps a path that
 * already names a place inside the destination, so `dest` takes part.)
 */
export function destinationRelative(dest: string, decodedUrlPath: string): string {
  const root = path.posix.resolve(dest);
  const abs = sanitizedPath(root, decodedUrlPath);
  return abs === root ? "" : abs.slice(root === "/" ? 1 : root.length + 1);
}

/**
 * Linux's limits on a name (NAME_MAX, 255 bytes for one file or folder name) and on a whole path
 * (PATH_MAX, 4096 bytes). A permalink past them is refused where the destination paths are worked
 * out, naming the page, instead of failing inside mkdir with ENAMETOOLONG (Jekyll crashes there).
 */
const NAME_MAX_BYTES = 255;
const PATH_MAX_BYTES = 4095;

/** Refuses a destination-relative path whose names the file system cannot hold. */
export function assertWritableName(root: string, rel: string, what?: string): void {
  if (rel.length < NAME_MAX_BYTES / 4 && root.length + rel.length < PATH_MAX_BYTES / 4) return;
  for (const name of rel.split("/")) {
    const bytes = Buffer.byteLength(name);
    if (bytes > NAME_MAX_BYTES) {
      throw new BuildError(`the output path ${JSON.stringify(rel.length > 120 ? `${rel.slice(0, 120)}…` : rel)} has a name of ${bytes} bytes; file systems allow ${NAME_MAX_BYTES}`, {
        file: what,
        hint: "Shorten the permalink (or the title, slug or file name it is made from).",
      });
    }
  }
  const total = Buffer.byteLength(root) + 1 + Buffer.byteLength(rel);
  if (total > PATH_MAX_BYTES) {
    throw new BuildError(`the output path ${JSON.stringify(`${rel.slice(0, 120)}…`)} is ${total} bytes long with the destination; paths may be ${PATH_MAX_BYTES}`, {
      file: what,
      hint: "Shorten the permalink (or the title, slug or file name it is made from), or use a shorter destination.",
    });
  }
}

function assertNoNul(p: string): void {
  if (p.includes("\0")) {
    throw new BuildError(`a path to write contains a NUL character: ${JSON.stringify(p)}`, {
      hint: "Remove the %00 (or other NUL) from the permalink or file name.",
    });
  }
}

/** Whether `target` is `root` or below it (both absolute; compared after normalising). */
export function isInside(root: string, target: string, allowRoot = false): boolean {
  const r = path.resolve(root);
  const t = path.resolve(target);
  if (t === r) return allowRoot;
  return t.startsWith(r.endsWith(path.sep) ? r : r + path.sep);
}

/**
 * The real path of `p`'s deepest existing ancestor (or itself), with the rest appended. The
 * system's realpath(3): one call, where Node's own realpathSync looks at every folder of the path
 * in turn (a serve rebuild that rewrites every page checked 1,000 paths this way).
 */
function realPathOfExisting(p: string): string {
  let existing = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...rest.reverse());
    } catch {
      const up = path.dirname(existing);
      if (up === existing) return path.join(existing, ...rest.reverse());
      rest.push(path.basename(existing));
      existing = up;
    }
  }
}

/**
 * Refuses a write to `target` unless it lies inside `root`, by its path and, where folders of it
 * exist already, by their real paths (a symlinked folder inside the root must not lead out of it).
 * `what` names the item for the message (e.g. the source file the output came from).
 */
export function assertInside(root: string, target: string, what?: string): void {
  assertNoNul(target);
  const inside = isInside(root, target) && isInside(realPathOfExisting(root), realPathOfExisting(path.dirname(target)), true);
  if (!inside) throw outside(root, target, what);
}

function outside(root: string, target: string, what?: string): BuildError {
  return new BuildError(`refusing to write ${target}: it is outside ${root}`, {
    file: what,
    hint: "build-site only writes inside the destination (and its cache). Check the permalink or file name, and any symlinks inside the destination.",
  });
}

/**
 * Many writes into one live folder (serve's rebuilds write into `_site` in place): the rule of
 * containedPath and assertInside, with the root's real path taken once and each folder's checked
 * (and made) once per pass, instead of every real path again for every file.
 */
export class LiveRoot {
  private readonly root: string;
  private readonly realRoot: string;
  private readonly ready = new Set<string>();

  constructor(root: string) {
    this.root = path.resolve(root);
    this.realRoot = realPathOfExisting(this.root);
  }

  /** The absolute path to write `questionable` to, its folder made; refused when it is outside. */
  prepare(questionable: string, what?: string): string {
    const target = sanitizedPath(this.root, questionable);
    assertNoNul(target);
    if (!isInside(this.root, target)) throw outside(this.root, target, what);
    assertWritableName(this.root, target.slice(this.root.length + 1), what);
    const dir = path.dirname(target);
    if (this.ready.has(dir)) return target;
    // Before making folders (mkdir -p follows a symlinked folder), and after, when it made any.
    if (!isInside(this.realRoot, realPathOfExisting(dir), true)) throw outside(this.root, target, what);
    if (fs.mkdirSync(dir, { recursive: true }) !== undefined && !isInside(this.realRoot, realPathOfExisting(dir), true)) {
      throw outside(this.root, target, what);
    }
    this.ready.add(dir);
    return target;
  }
}

/** `containedPath(root, questionable)`: sanitise like Jekyll, then check; the path to write. */
export function containedPath(root: string, questionable: string, what?: string): string {
  const target = sanitizedPath(path.resolve(root), questionable);
  assertInside(root, target, what);
  return target;
}
