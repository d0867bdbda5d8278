// Jekyll's EntryFilter: which directory entries the reader skips.
//  - names ending in "." are skipped;
//  - `exclude` patterns (unless also in `include`) match the path from the source root, by
//    File.fnmatch (where `*` also crosses "/"), or as a plain string prefix, or as "dir/";
//  - `include` patterns match the entry's name or basename at any depth, and rescue entries that
//    are special: names starting with ".", "_", "#" or "~", and backups ending in "~";
//  - entries whose real path leaves the source (symlinks, or below a symlinked folder) are
//    skipped in every mode, with a warning (Jekyll skips them, silently, only in safe mode:
//    EntryFilter#symlink? is `site.safe && File.symlink?(e) && !File.realpath(e).start_with?(…)`).
//    build-site reads nothing outside the site, whatever the mode (README "Safety").
import fs from "node:fs";
import path from "node:path";

const SPECIAL = /^[._#~]/;
/** An entry path.posix.join would change: absolute, "." or ".." segments, "//", a trailing "/". */
const UNCLEAN_ENTRY = /^\/|(?:^|\/)\.{0,2}(?:\/|$)/;

/** Ruby's File.fnmatch with no flags, compiled to a RegExp. */
export function fnmatchToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) { re += "\\["; continue; }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("!")) body = "^" + body.slice(1);
      re += `[${body.replace(/\\/g, "\\\\")}]`;
      i = close;
    } else if (c === "\\" && i + 1 < pattern.length) {
      re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "s");
}

const literalBelowSource = new WeakMap<CompiledPattern[], boolean>();

/** Whether every pattern is a literal path below the source (the default excludes are). */
function allLiteralBelowSource(patterns: CompiledPattern[]): boolean {
  let all = literalBelowSource.get(patterns);
  if (all === undefined) literalBelowSource.set(patterns, (all = patterns.every((p) => p.regexp === null && p.rel !== null)));
  return all;
}

function isDirectory(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

interface CompiledPattern {
  withSource: string;
  /** null for a pattern with no wildcard: its fnmatch is equality, which the prefix test covers. */
  regexp: RegExp | null;
  /** `withSource` below the source ("a/b" for "<source>/a/b"), or null when it is not below it. */
  rel: string | null;
}

/** Told of an entry skipped because it leads out of the site: the entry, and its real path. */
export type OutsideReport = (absolute: string, real: string) => void;

export class EntryFilter {
  private readonly include: CompiledPattern[];
  private readonly exclude: CompiledPattern[];
  /** The source is normalised, so `${source}/${entry}` is already what path.posix.join makes. */
  private readonly sourceJoinable: boolean;

  constructor(
    private readonly source: string,
    includes: unknown[],
    excludes: unknown[],
    private readonly report?: OutsideReport,
  ) {
    const compile = (p: unknown): CompiledPattern => {
      const withSource = path.posix.join(source, String(p));
      const rel = withSource.startsWith(`${source}/`) && withSource.length > source.length + 1 ? withSource.slice(source.length + 1) : null;
      return { withSource, regexp: /[*?[\\]/.test(withSource) ? fnmatchToRegExp(withSource) : null, rel };
    };
    this.sourceJoinable = source !== "/" && path.posix.normalize(source) === source && !source.endsWith("/");
    const inc = includes.map(String);
    this.include = inc.map(compile);
    // EntryFilter#glob_include? matches String patterns (and Regexps) only: an `exclude:` entry
    // YAML reads as a number (`exclude: [2020]`) excludes nothing.
    this.exclude = excludes.filter((e): e is string => typeof e === "string").filter((e) => !inc.includes(e)).map(compile);
  }

  private globInclude(patterns: CompiledPattern[], entry: string): boolean {
    if (patterns.length === 0) return false;
    if (allLiteralBelowSource(patterns) && this.isClean(entry)) {
      // Only literal patterns below the source, and `${source}/${entry}` is the joined path: the
      // same prefix and folder tests on the parts below the source, without building that path.
      for (const p of patterns) {
        const rel = p.rel!;
        if (entry.startsWith(rel)) return true;
        if (rel.length === entry.length + 1 && rel.endsWith("/") && rel.startsWith(entry) && isDirectory(`${this.source}/${entry}`)) return true;
      }
      return false;
    }
    const withSource = this.withSource(entry);
    let isDir: boolean | undefined;
    for (const p of patterns) {
      if (withSource.startsWith(p.withSource) || p.regexp?.test(withSource)) return true;
      // "dir/" names a folder: stat only the entry it could name, not every entry.
      if (p.withSource.length === withSource.length + 1 && p.withSource.endsWith("/") && p.withSource.startsWith(withSource)) {
        isDir ??= isDirectory(withSource);
        if (isDir) return true;
      }
    }
    return false;
  }

  /**
   * path.posix.join(source, entry): for an entry the reader made (a plain relative path, no "."
   * or ".." segments, no doubled or trailing "/") that is the two joined by "/", without
   * normalising ~3 times per file.
   */
  private withSource(entry: string): string {
    if (this.isClean(entry)) return `${this.source}/${entry}`;
    return path.posix.join(this.source, entry);
  }

  private isClean(entry: string): boolean {
    return this.sourceJoinable && entry !== "" && !UNCLEAN_ENTRY.test(entry);
  }

  isIncluded(entry: string): boolean {
    return this.globInclude(this.include, entry) || this.globInclude(this.include, path.posix.basename(entry));
  }

  /** `entryFromSource` is the entry's path relative to the source root. */
  isExcluded(entryFromSource: string): boolean {
    return this.globInclude(this.exclude, entryFromSource);
  }

  isSpecial(entry: string): boolean {
    return SPECIAL.test(entry) || SPECIAL.test(path.posix.basename(entry));
  }

  /**
   * Whether reading `absolute` would leave the site: its real path (symlinks resolved, the
   * entry's own and its folders') is not inside the source's real path. Asked in every mode.
   * Jekyll's EntryFilter#symlink? asks this of symlinks only, in safe mode only, with a string
   * prefix test (so `/site-x` passes for `/site`); we ask it of every entry the reader cannot
   * vouch for, with a path test, so a symlinked folder (`_layouts -> /etc`) is caught as well as
   * a symlinked file. An entry that leaves is reported (the reader warns).
   */
  leavesSite(absolute: string): boolean {
    const root = this.realFolder(this.source);
    return root !== null && this.leavesReal(absolute, root);
  }

  /** leavesSite for a folder outside the source (a theme's): `absolute` must really be in `folder`. */
  leavesFolder(absolute: string, folder: string): boolean {
    const root = this.realFolder(folder);
    return root !== null && this.leavesReal(absolute, root);
  }

  private leavesReal(absolute: string, root: string): boolean {
    const real = this.realPath(absolute);
    if (real === null) return false; // a dangling symlink: reading it fails later, nothing leaks
    const inside = real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
    if (!inside) this.report?.(absolute, real);
    return !inside;
  }

  /** Real paths of folders, asked once per build: most entries only need their folder's. */
  private readonly realFolders = new Map<string, string | null>();

  private realFolder(dir: string): string | null {
    let real = this.realFolders.get(dir);
    if (real === undefined) {
      try {
        real = fs.realpathSync(dir);
      } catch {
        real = null;
      }
      this.realFolders.set(dir, real);
    }
    return real;
  }

  /** The real path of an entry: one lstat, and its folder's (remembered) real path unless it is a symlink. */
  private realPath(absolute: string): string | null {
    const st = fs.lstatSync(absolute, { throwIfNoEntry: false });
    if (!st) return null;
    if (st.isSymbolicLink()) {
      try {
        return fs.realpathSync(absolute);
      } catch {
        return null;
      }
    }
    const folder = this.realFolder(path.dirname(absolute));
    return folder === null ? null : path.join(folder, path.basename(absolute));
  }

  /** EntryFilter#symlink? (see leavesSite, which it is, in every mode). */
  isSymlinkOutside(absolute: string): boolean {
    return this.leavesSite(absolute);
  }

  /**
   * EntryFilter#filter. `baseFromSource` is the folder the entries are relative to, from the source
   * root ("" for the root); entries may be names or relative paths below it. `mayLeave`, when the
   * caller knows (from the directory entries it walked), says which entries are symlinks or below
   * one: the others are in the site when their folder is, and cost no system call.
   */
  filter(entries: string[], baseFromSource: string, mayLeave?: (entry: string) => boolean): string[] {
    return entries.filter((e) => {
      if (e.endsWith(".")) return false;
      const included = this.isIncluded(e);
      const fromSource = baseFromSource ? `${baseFromSource}/${e}` : e;
      if (!included && this.isExcluded(fromSource)) return false;
      if ((mayLeave?.(e) ?? true) && this.isSymlinkOutside(path.join(this.source, fromSource))) return false;
      if (included) return true;
      return !(this.isSpecial(e) || e.endsWith("~"));
    });
  }
}
