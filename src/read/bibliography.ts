// The site's BibTeX files: `_bibliography/*.bib` (or jekyll-scholar's `scholar: source:`) become
// `site.data.bibliography.<file name>`, a list of entries as publication data (publication.ts),
// in file order; the jekyll-scholar tags (src/plugins/jekyll-scholar.ts) read the same parsed
// entries. build-site's own addition (Jekyll reads no .bib files): off with
// `build_site_extras: false`.
//
// Each file is parsed when a template first reads it, once per build, so a site that keeps a .bib
// file its pages never show pays nothing for it.
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "../errors.js";
import type { Site } from "../site/site.js";
import { parseBibtex, type BibEntry } from "./bibtex.js";
import { sanitizeDataKey } from "./data-reader.js";
import { publicationData } from "./publication.js";
import { refuseOutsideSite } from "./outside-site.js";

/** jekyll-scholar's default `source`. */
const DEFAULT_SOURCE = "./_bibliography";
/** No site needs more; a bound on what one folder can make us parse. */
const MAX_FILES = 200;

export function scholarConfig(site: Site): Record<string, any> {
  const c = site.config.scholar;
  return c && typeof c === "object" && !Array.isArray(c) ? c : {};
}

/** The folder the .bib files are in; it must be inside the site. */
export function bibliographyDir(site: Site): string {
  const source = String(scholarConfig(site).source ?? DEFAULT_SOURCE);
  const dir = path.resolve(site.source, source.replace(/^\/+/, ""));
  const rel = path.relative(site.source, dir);
  if (rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new BuildError(`scholar: source: '${source}' is outside the site`, { file: "_config.yml", hint: "Keep the .bib files in a folder of the site, such as _bibliography/." });
  }
  return dir;
}

/** The .bib files of the bibliography folder, by file name, sorted. */
export function bibliographyFiles(site: Site): string[] {
  const dir = bibliographyDir(site);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith(".bib") && !n.startsWith(".")).sort();
  } catch {
    return [];
  }
  return names.slice(0, MAX_FILES).map((n) => path.join(dir, n)).filter((p) => fs.statSync(p).isFile());
}

const parsed = new WeakMap<Site, Map<string, BibEntry[]>>();

/** The entries of one .bib file (absolute path), parsed once per build. */
export function loadBibFile(site: Site, abs: string): BibEntry[] {
  let cache = parsed.get(site);
  if (!cache) parsed.set(site, (cache = new Map()));
  let entries = cache.get(abs);
  if (!entries) {
    site.readFiles.add(abs);
    const file = site.displayPath(abs);
    refuseOutsideSite(site.source, abs, file);
    try {
      entries = parseBibtex(fs.readFileSync(abs, "utf8"), file, (w) => site.logger.warn("BibTeX:", `${file}:${w.line}: ${w.message}`));
    } catch (e) {
      // Read while a template renders: the error belongs to the .bib file, not to the template.
      if (e instanceof BuildError && !e.ownLocation) {
        throw new BuildError(e.message, { file: e.file, line: e.line, column: e.column, hint: e.hint, ownLocation: true, cause: e });
      }
      throw e;
    }
    cache.set(abs, entries);
  }
  return entries;
}

/** Adds site.data.bibliography.<name> for each .bib file (read when a template first uses it). */
export function attachBibliographyData(site: Site): void {
  const files = bibliographyFiles(site);
  if (files.length === 0) return;
  const existing = site.data.bibliography;
  if (existing !== undefined && (typeof existing !== "object" || existing === null || Array.isArray(existing))) {
    throw new BuildError("site.data.bibliography is taken by a data file, and build-site puts the .bib files of _bibliography/ there", {
      file: "_data", hint: "Rename _data/bibliography.* (or set build_site_extras: false).",
    });
  }
  const target: Record<string, unknown> = existing ?? {};
  for (const abs of files) {
    const name = sanitizeDataKey(path.basename(abs, path.extname(abs)));
    if (Object.prototype.hasOwnProperty.call(target, name)) {
      throw new BuildError(`site.data.bibliography.${name} is defined twice: by a data file and by ${site.displayPath(abs)}`, {
        file: site.displayPath(abs), hint: "Rename one of them.",
      });
    }
    Object.defineProperty(target, name, {
      enumerable: true,
      configurable: true,
      get() {
        const value = loadBibFile(site, abs).map((e) => publicationData(e));
        Object.defineProperty(target, name, { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
    });
  }
  site.data.bibliography = target;
}
