// Where Sass may read: the one importer every compile uses, in place of Dart Sass's own file
// loading (its `loadPaths` and the entry file's relative loads), so that a stylesheet cannot read
// a file outside the site or its theme's folders in any mode: `@import "/etc/x"`,
// `@import "../../../x"` and a partial that is a symlink out of `_sass` are refused before the
// file is read, with an error at the `@import`/`@use` that asked for it. Jekyll (with
// jekyll-sass-converter) lets Sass read any file unless --safe, and even then only keeps the
// load paths inside the site; an absolute or `../` import still reads anywhere.
//
// The importer finds files the way Dart Sass's filesystem importer does
// (lib/src/importer/utils.dart, resolveImportPath): a path with a .sass, .scss or .css extension
// (its `.import` variant first when loaded by @import), else `.sass` and `.scss` (then `.css`),
// each as a partial (`_name`) or not, else the folder's `index` file; two matches are Sass's
// "It's not clear which file to import" error. A relative URL is resolved against the file that
// loads it first, then against each load path in order, as Dart Sass tries them.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as sass from "sass-embedded";
import { isInside } from "../read/outside-site.js";

/** What the importer needs, as plain data (it is built on the Sass thread). */
export interface SassReadScope {
  /** Folders searched for non-relative URLs, in order: load paths, `sass_dir`, the theme's `_sass`. */
  loadPaths: string[];
  /** Real paths of the folders whose files may be read: the site, and its theme. */
  readRoots: string[];
  /** The site's source, to name its files relative to it in errors. */
  source: string;
}

/**
 * What is at `p`, or undefined where nothing readable is: missing, a path through a file (a file
 * `_sass` where the load path's folder should be: ENOTDIR), or a symlink loop. Dart Sass's own
 * file importer answers "Can't find stylesheet to import." for all of these.
 */
function statOrNothing(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function isFile(p: string): boolean {
  return statOrNothing(p)?.isFile() ?? false;
}

function isDirectory(p: string): boolean {
  return statOrNothing(p)?.isDirectory() ?? false;
}

/** `_tryPath`: the partial and the plain file, those that exist. */
function tryPath(p: string): string[] {
  const partial = path.join(path.dirname(p), `_${path.basename(p)}`);
  return [partial, p].filter(isFile);
}

/** `_tryPathWithExtensions`: `.sass` and `.scss`, or else `.css`. */
function tryPathWithExtensions(p: string): string[] {
  const found = [...tryPath(`${p}.sass`), ...tryPath(`${p}.scss`)];
  return found.length > 0 ? found : tryPath(`${p}.css`);
}

/** `_exactlyOne`: null for none, the one, or Dart Sass's ambiguity error. */
function exactlyOne(paths: string[]): string | null {
  if (paths.length === 0) return null;
  if (paths.length === 1) return paths[0]!;
  throw new Error(`It's not clear which file to import. Found:\n${paths.map((p) => `  ${p}`).join("\n")}`);
}

/** Dart Sass's resolveImportPath: the file `p` names, or null. */
export function resolveImportPath(p: string, fromImport: boolean): string | null {
  const ext = path.extname(p);
  if (ext === ".sass" || ext === ".scss" || ext === ".css") {
    return (fromImport ? exactlyOne(tryPath(`${p.slice(0, -ext.length)}.import${ext}`)) : null) ?? exactlyOne(tryPath(p));
  }
  const file = (fromImport ? exactlyOne(tryPathWithExtensions(`${p}.import`)) : null) ?? exactlyOne(tryPathWithExtensions(p));
  if (file !== null || !isDirectory(p)) return file;
  return (fromImport ? exactlyOne(tryPathWithExtensions(path.join(p, "index.import"))) : null) ?? exactlyOne(tryPathWithExtensions(path.join(p, "index")));
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The importer for one compile: finds files as Dart Sass does and reads only those in the site or theme. */
export function siteImporter(scope: SassReadScope): sass.Importer<"sync"> {
  const shown = (p: string) => (p.startsWith(`${scope.source}${path.sep}`) ? path.relative(scope.source, p) : p);
  const checked = (file: string): URL => {
    let real: string | null;
    try {
      real = fs.realpathSync(file);
    } catch {
      // Gone since it was found, or a link loop: where it leads is unknown, so it is not read.
      real = null;
    }
    if (real === null) throw new Error(`${shown(file)} cannot be read (it vanished, or its links go round in a loop)`);
    if (!scope.readRoots.some((root) => isInside(real, root))) {
      throw new Error(`${shown(file)}${real === file ? "" : ` (a link to ${real})`} is outside the site: build-site reads nothing outside the site ` +
        "(Jekyll reads it unless --safe). Copy the partial into the site's _sass folder instead of importing it from elsewhere.");
    }
    return pathToFileURL(file);
  };
  return {
    canonicalize(url, context) {
      if (url.startsWith("file:")) {
        const file = resolveImportPath(fileURLToPath(url), context.fromImport);
        return file === null ? null : checked(file);
      }
      if (SCHEME.test(url)) return null; // another importer's scheme: none here, so Sass reports it not found
      for (const dir of scope.loadPaths) {
        const file = resolveImportPath(fileURLToPath(new URL(url, pathToFileURL(dir.endsWith(path.sep) ? dir : dir + path.sep))), context.fromImport);
        if (file !== null) return checked(file);
      }
      return null;
    },
    load(canonicalUrl) {
      const file = fileURLToPath(canonicalUrl);
      const ext = path.extname(file);
      // sourceMapUrl: the file, as Dart Sass's own importer names it in source maps (without it
      // a custom importer's files appear there as `data:` URLs).
      return { contents: fs.readFileSync(file, "utf8"), syntax: ext === ".sass" ? "indented" : ext === ".css" ? "css" : "scss", sourceMapUrl: canonicalUrl };
    },
  };
}
