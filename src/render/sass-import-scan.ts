// When Dart Sass may find and read a compile's files itself. The site's importer
// (sass-importer.ts) checks every file a stylesheet loads before it is read, but each file then
// costs two messages between the Sass thread and the compiler's process (canonicalize, load):
// ~100 ms more for a theme of ~100 partials, such as academicpages' (bench/PROFILE.md,
// seventeenth session). Dart Sass's own loading (its `loadPaths`) is as safe wherever no load can
// leave the folders it starts from, which this scan proves before a compile, or else the compile
// goes through the importer:
// - no symbolic link anywhere below the entry's folder and the load paths (a walk by entries,
//   hidden folders and node_modules included, since Sass may load from them);
// - every URL an `@import`, `@use` or `@forward` names, in the entry and in every Sass or CSS
//   file below those folders, is a plain relative path without a `..` segment, a leading `/`, a
//   scheme (but `sass:` modules) or an escape; `@import url(…)` and `@import "http(s)://…"` are
//   plain CSS imports Sass never loads. A relative path resolved against a file in one of the
//   folders, or against a load path, then stays below it.
// - no `load-css` (meta.load-css takes a URL computed at run time), and no indented-syntax file
//   (its unquoted, newline-ended imports are not read here).
// Comments Sass surely skips are blanked before the search (sass-comments.ts), so a directive
// written in a comment is no doubt. Anything the scan does not understand sends the compile
// through the importer: it can only cost time, never let a read out.
import fs from "node:fs";
import path from "node:path";
import { blankSassComments } from "./sass-comments.js";
import { SASS_FILE } from "./sass-files.js";
import { isInside } from "../read/outside-site.js";
import { resolveImportPath } from "./sass-importer.js";

/** Entries walked before giving up on the fast path (a site root full of files, say). */
const MAX_ENTRIES = 5000;
// Case-blind, as CSS at-rule names are; an escaped at-rule name (`@\69mport`) is not read here.
const DIRECTIVE = /@(?:import|use|forward)\b|load-css|@\\/gi;
const QUOTED = /(url\(\s*)?(["'])((?:(?!\2)[^\\\n])*)(\2|\\)?/g;
const PLAIN_PATH = /^[A-Za-z0-9_.\-/]+$/;

/**
 * Whether every load a Sass/CSS text names stays inside `roots`: each URL resolved against each
 * folder Sass may resolve it against (`bases`: the text's own folder, then the load paths, until
 * one holds the file), as Dart Sass resolves URLs, lexically (`a/../b` is `b` before any file is
 * opened).
 */
export function importsStayInside(source: string, bases: string[], roots: string[], plainCss = false): boolean {
  // What Sass surely reads as comments is blanked first (`// @import "{{ site.theme }}";` in a
  // theme's partial): sass-comments.ts, which answers null when it is unsure.
  const text = blankSassComments(source, plainCss);
  if (text === null) return false;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const directive = m[0].toLowerCase();
    if (directive === "load-css" || directive === "@\\") return false;
    const end = text.indexOf(";", m.index);
    const span = text.slice(m.index + m[0].length, end < 0 ? text.length : end);
    // A comment left in the span (one the blanking was not sure of) may hold the `;` found, and
    // the directive's URLs run on past it: unsure.
    const bare = span.replace(/"[^"\\\n]*"|'[^'\\\n]*'|url\([^)"'\\\n]*\)/gi, "");
    if (bare.includes("//") || bare.includes("/*")) return false;
    QUOTED.lastIndex = 0;
    for (let q = QUOTED.exec(span); q; q = QUOTED.exec(span)) {
      if (q[4] !== q[2]) return false; // an escape or an unclosed string
      const url = q[3]!;
      if (directive === "@import" && (q[1] !== undefined || /^https?:\/\//.test(url))) continue; // plain CSS import
      if (/^sass:[a-z-]+$/.test(url)) continue;
      if (!PLAIN_PATH.test(url) || url.startsWith("/")) return false;
      // The text's own folder first; the load paths only when that finds no file, as Dart Sass tries them.
      for (const base of bases) {
        const target = path.resolve(base, url);
        if (!roots.some((root) => isInside(target, root))) return false;
        try {
          if (resolveImportPath(target, directive === "@import") !== null) break;
        } catch {
          return false; // two candidates: the importer reports it
        }
      }
    }
  }
  return true;
}

/** The Sass and CSS files below `dir`, or null for a link, an indented-syntax file or too many entries. */
function sassFilesBelow(dir: string, out: string[], budget: { left: number }): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return true; // a load path that does not exist holds nothing to load
  }
  for (const e of entries) {
    if (--budget.left < 0 || e.isSymbolicLink()) return false;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!sassFilesBelow(p, out, budget)) return false;
    } else if (SASS_FILE.test(e.name)) {
      if (/\.sass$/i.test(e.name)) return false;
      out.push(p);
    }
  }
  return true;
}

/**
 * Whether a compile of `source` (SCSS; its file in `entryDir`, when it has one) with these load
 * paths can only read files below those folders, each inside one of `readRoots` (real paths: the
 * site, its theme), so Dart Sass may load them itself.
 */
export function loadsStayInside(source: string, syntax: "scss" | "indented", entryDir: string | undefined, loadPaths: string[], readRoots: string[]): boolean {
  if (syntax !== "scss" || entryDir === undefined) return false;
  const files: string[] = [];
  const budget = { left: MAX_ENTRIES };
  const roots = [...new Set([entryDir, ...loadPaths].map((dir) => path.resolve(dir)))];
  for (const dir of roots) {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      continue; // a load path that does not exist holds nothing to load
    }
    if (!readRoots.some((root) => isInside(real, root))) return false;
    if (!sassFilesBelow(dir, files, budget)) return false;
  }
  const stays = (text: string, dir: string, plainCss = false) => importsStayInside(text, [dir, ...loadPaths], roots, plainCss);
  if (!stays(source, entryDir)) return false;
  for (const file of new Set(files)) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      return false;
    }
    if (!stays(text, path.dirname(file), /\.css$/i.test(file))) return false;
  }
  return true;
}
