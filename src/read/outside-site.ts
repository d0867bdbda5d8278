// build-site reads nothing outside the site (and its theme's folders), in every mode. Jekyll
// refuses such reads only with --safe (which GitHub Pages builds with): EntryFilter#symlink? skips
// symlinks whose real path leaves the source, the include tag refuses includes whose real path
// leaves their folder, jekyll-sass-converter puts load paths inside the source. Without --safe it
// follows a symlink anywhere, and Sass imports any absolute or `../` path. What the reader, the
// include tag and the Sass importer say when they refuse such a read is written here, once.
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "../errors.js";

/** The warning for a file or folder skipped because its real path leaves the site. */
export function outsideSiteMessage(shown: string, real: string): string {
  return `${shown} leads to ${real}, outside the site, and is skipped: build-site reads nothing outside the site ` +
    "(Jekyll follows such a symlink unless --safe). Copy the file into the site instead of linking to it.";
}

/** The real path of a folder, or null when it does not exist. */
export function realFolder(dir: string): string | null {
  try {
    return fs.realpathSync(dir);
  } catch {
    return null;
  }
}

/** Whether the real path `real` is `root` or below it (both real paths). */
export function isInside(real: string, root: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * For a file a plugin or an extra reads by name (a `.bib` file, `_i18n/<lang>.yml`): a located
 * error when its real path leaves the site (`source`), as for an include.
 */
export function refuseOutsideSite(source: string, abs: string, shown: string): void {
  const root = realFolder(source);
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    return; // missing: the caller reports it
  }
  if (root === null || isInside(real, root)) return;
  throw new BuildError(`${shown} leads to ${real}, outside the site: build-site reads nothing outside the site (Jekyll reads it unless --safe)`, {
    file: shown,
    hint: "Copy the file into the site instead of linking to it.",
  });
}
