// The write stage. Everything is written to a fresh staging folder beside the destination and
// swapped in only when the whole build succeeded, so a failed build never leaves a half-written
// `_site`. What Jekyll's Cleaner would keep (`keep_files`, default .git and .svn) is carried over
// from the old destination. Static files keep their modification times (jekyll-sitemap's
// `lastmod` and HTTP caching read them).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "../errors.js";
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import type { StaticFile } from "../site/static-file.js";

export interface WriteResult {
  files: number;
  conflicts: Array<{ destination: string; sources: string[] }>;
}

/** Site#ensure_not_in_dest: the destination must not be, or contain, the source. */
export function assertDestinationOutsideSource(source: string, dest: string): void {
  const rel = path.relative(path.resolve(dest), path.resolve(source));
  if (rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel))) {
    throw new BuildError("destination directory cannot be or contain the source directory", {
      hint: `Choose a destination outside ${source}, e.g. the default _site inside it.`,
    });
  }
}

function sourceName(site: Site, item: Page | Document | StaticFile): string {
  return item.path ? site.displayPath(item.path) : item.relativePath;
}

/** A static file's copy keeps its modification time (copy-on-write where the file system can). */
export function copyStaticFile(source: string, target: string): void {
  fs.rmSync(target, { force: true });
  fs.copyFileSync(source, target, fs.constants.COPYFILE_FICLONE);
  const st = fs.statSync(source);
  fs.utimesSync(target, st.atime, st.mtime);
}

export function stagingDirFor(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.build-site-staging`);
}

export function writeSite(site: Site): WriteResult {
  const dest = site.dest;
  assertDestinationOutsideSource(site.source, dest);
  const staging = stagingDirFor(dest);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const madeDirs = new Set<string>([staging]);
  const ensureDir = (dir: string) => {
    if (madeDirs.has(dir)) return;
    fs.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  };

  const written = new Map<string, string[]>();
  let files = 0;
  try {
    for (const item of site.siteFiles()) {
      const rel = item.destinationPath;
      const target = path.join(staging, rel);
      const seen = written.get(rel);
      if (seen) seen.push(sourceName(site, item));
      else written.set(rel, [sourceName(site, item)]);
      ensureDir(path.dirname(target));
      if (item.kind === "static") {
        copyStaticFile(item.path, target);
      } else {
        fs.writeFileSync(target, item.output ?? "");
      }
      files++;
    }
    carryOverKeptFiles(site, dest, staging);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  swapIn(staging, dest);
  const conflicts = [...written.entries()]
    .filter(([, sources]) => sources.length > 1)
    .map(([destination, sources]) => ({ destination: path.join(dest, destination), sources }));
  return { files, conflicts };
}

/** Cleaner#keep_file_regex: paths under dest starting with a `keep_files` entry survive. */
function carryOverKeptFiles(site: Site, dest: string, staging: string): void {
  const keep = ((site.config.keep_files ?? []) as unknown[]).map(String).filter((k) => k !== "");
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
