// Which folder a build may replace. A build replaces the whole destination (Jekyll's Cleaner
// deletes everything in it that the build does not write, except `keep_files`), so a wrong
// destination costs the user that folder. Jekyll only refuses a destination that is or contains
// the source, comparing the paths as written; `-s link-to-out -d out` and `-d ~` pass and the
// folder is emptied. build-site refuses, before anything is touched:
//  - a destination that is a filesystem root, the home folder or a folder containing it, and
//  - a destination that is, or contains, the source,
// comparing real paths (symlinks resolved) as well as the paths as written. And before the new
// tree is swapped in (nothing of the destination has been touched yet):
//  - a destination holding files that no build-site build put there, unless `--force`, with the
//    files named. A destination build-site made is recognised by a marker kept in the site's cache
//    (`.build-site-cache/destinations.json`: the folder's real path with its device and inode, so
//    a folder deleted and made again by someone else is not taken for ours). A destination without
//    the marker is taken as an earlier build of this site — Jekyll's `_site`, typically — when it
//    is empty, or when at least half of its files (keep_files aside) are files this build writes;
//    its other files are then stale outputs, deleted as Jekyll deletes them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BuildError } from "../errors.js";
import { isInside } from "./contain.js";

/** The real path of `p`, or of its deepest existing ancestor with the rest appended. */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...rest);
    } catch {
      const up = path.dirname(cur);
      if (up === cur) return abs;
      rest.unshift(path.basename(cur));
      cur = up;
    }
  }
}

function sameOrInside(outer: string, inner: string): boolean {
  return outer === inner || isInside(outer, inner);
}

/**
 * A destination that cannot be a folder, or cannot be written: it is a file, lies below a file,
 * or below a folder this user may not write to. Jekyll finds out in FileUtils.mkdir_p, which
 * stops with `File exists @ dir_s_mkdir - …/out.txt (Errno::EEXIST)` or EACCES and a backtrace
 * (ERRORS.md); build-site had crashed in the same place.
 */
function assertWritableFolder(dest: string): void {
  const given = path.resolve(dest);
  const shown = (p: string) => {
    const rel = path.relative(process.cwd(), p);
    return rel && !rel.startsWith("..") ? rel : p;
  };
  let loop: string | null = null;
  for (let cur = given; ; cur = path.dirname(cur)) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(cur, { throwIfNoEntry: false });
    } catch (e) {
      // ELOOP: the highest such path is the looping link. ENOTDIR: a file further up.
      if ((e as NodeJS.ErrnoException).code === "ELOOP") loop = cur;
    }
    if (st !== undefined) {
      if (loop !== null) {
        throw new BuildError(`the destination ${shown(given)} cannot be made: ${shown(loop)} is a symlink loop (too many levels of symbolic links)`, {
          hint: "Point the symlink at a real folder, or choose another destination (-d).",
        });
      }
      if (!st.isDirectory()) {
        const what = cur === given
          ? `the destination ${shown(given)} is a file, not a folder`
          : `the destination ${shown(given)} lies below ${shown(cur)}, which is a file, not a folder`;
        throw new BuildError(what, { hint: "The destination is the folder the site is written to: remove or rename that file, or choose another destination (-d)." });
      }
      try {
        fs.accessSync(cur, fs.constants.W_OK | fs.constants.X_OK);
      } catch {
        throw new BuildError(`the destination ${shown(given)} cannot be written: ${shown(cur)} is not writable (permission denied)`, {
          hint: "Choose a destination in a folder you can write to (-d), or give your user write permission on that folder.",
        });
      }
      return;
    }
    if (path.dirname(cur) === cur) return;
  }
}

/**
 * Refuses a destination that a build must never replace (see the header), or that cannot be a
 * folder this user writes. `home` is the home folder (os.homedir(), which follows $HOME).
 */
export function assertSafeDestination(source: string, dest: string, home = os.homedir()): void {
  assertWritableFolder(dest);
  const given = path.resolve(dest);
  const real = realPathOf(dest);
  const pairs: Array<[string, string]> = [[given, path.resolve(source)], [real, realPathOf(source)]];
  for (const [d] of pairs) {
    if (path.parse(d).root === d) {
      throw new BuildError(`refusing to use ${dest} as the destination: it is the root of the filesystem`, {
        hint: "A build replaces everything in its destination. Choose a folder of its own, e.g. the default _site.",
      });
    }
  }
  if (home) {
    const homes = [path.resolve(home), realPathOf(home)];
    for (const [d] of pairs) {
      if (homes.some((h) => sameOrInside(d, h))) {
        throw new BuildError(`refusing to use ${dest} as the destination: it ${homes.includes(d) ? "is" : "contains"} your home folder`, {
          hint: "A build replaces everything in its destination. Choose a folder of its own, e.g. the default _site.",
        });
      }
    }
  }
  for (const [i, [d, s]] of pairs.entries()) {
    if (sameOrInside(d, s)) {
      const how = i === 0 ? "" : ` (${dest} and ${source} lead to the same place through a symlink)`;
      throw new BuildError(`destination directory cannot be or contain the source directory${how}`, {
        hint: `Choose a destination outside ${source}, e.g. the default _site inside it.`,
      });
    }
  }
}

interface Marker {
  dev: number;
  ino: number;
  /** Creation time (0 where the file system does not keep one): inode numbers are reused. */
  birth: number;
}

function markerFile(source: string): string {
  return path.join(source, ".build-site-cache", "destinations.json");
}

function readMarkers(source: string): Record<string, Marker> {
  try {
    const json = JSON.parse(fs.readFileSync(markerFile(source), "utf8"));
    return json && typeof json === "object" && !Array.isArray(json) ? json : {};
  } catch {
    return {};
  }
}

/**
 * Records that build-site made `dest` (after a successful swap). A failure only costs a check
 * later; so does `disable_disk_cache: true`, which keeps nothing in the cache folder.
 */
export function markDestination(source: string, dest: string, enabled = true): void {
  if (!enabled) return;
  try {
    const st = fs.statSync(dest);
    const real = fs.realpathSync(dest);
    const markers = readMarkers(source);
    // Folders that are gone (test runs, renamed outputs) are forgotten.
    for (const k of Object.keys(markers)) if (!fs.existsSync(k)) delete markers[k];
    markers[real] = { dev: st.dev, ino: st.ino, birth: st.birthtimeMs };
    fs.mkdirSync(path.dirname(markerFile(source)), { recursive: true });
    const tmp = `${markerFile(source)}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(markers, null, 1)}\n`);
    fs.renameSync(tmp, markerFile(source));
  } catch {
    // a read-only source: the next build checks the folder's contents instead
  }
}

function isMarked(source: string, dest: string): boolean {
  try {
    const st = fs.statSync(dest);
    const m = readMarkers(source)[fs.realpathSync(dest)];
    return !!m && m.dev === st.dev && m.ino === st.ino && m.birth === st.birthtimeMs;
  } catch {
    return false;
  }
}

/** Files (and symlinks) below `dir`, relative to it, "/"-separated; at most `limit` of them. */
function listFiles(dir: string, limit: number): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(rel ? path.join(dir, rel) : dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= limit) return;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk("");
  return out;
}

/**
 * Refuses to replace a destination that holds files no build-site build wrote (see the header),
 * unless `force`. `outputs` are the destination-relative paths this build writes; `kept` says
 * whether keep_files keeps a path.
 */
export function assertReplaceableDestination(
  source: string,
  dest: string,
  outputs: Set<string>,
  kept: (rel: string) => boolean,
  force: boolean,
): void {
  if (force || !fs.existsSync(dest) || isMarked(source, dest)) return;
  const files = listFiles(dest, 1_000_000).filter((f) => !kept(f));
  const foreign = files.filter((f) => !outputs.has(f));
  if (foreign.length === 0) return;
  if (files.length - foreign.length >= files.length / 2) return; // an earlier build of this site
  const shown = foreign.slice(0, 10).map((f) => `  ${f}`).join("\n");
  const more = foreign.length > 10 ? `\n  … and ${foreign.length - 10} more` : "";
  throw new BuildError(
    `the destination ${dest} holds ${foreign.length} file(s) that build-site did not write and this build would delete:\n${shown}${more}`,
    {
      hint: "Nothing was changed. If that folder is an old build, delete it or run again with --force; otherwise choose another destination (-d).",
    },
  );
}
