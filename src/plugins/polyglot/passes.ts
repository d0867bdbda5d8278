// What the passes of a plugin that builds once per language leave in the destination, as one Site
// to write (jekyll-polyglot; jekyll-multiple-languages-plugin uses it too). Each pass is a whole
// Jekyll process into its own folder (the default language's into the destination, another
// language's into `<lang>/`): its Cleaner first removes what that folder holds and the pass does
// not write — except paths starting with a `keep_files` entry, to which polyglot adds the other
// languages, so the default language's pass leaves their folders alone — then it writes. So a
// later pass replaces an earlier one's files in its folder (a default-language page under a
// `de/` folder is gone once the `de` pass ran after it), and a later write of a path wins.
import { Page } from "../../site/page.js";
import type { Site } from "../../site/site.js";
import { StaticFile } from "../../site/static-file.js";
import type { Document } from "../../site/document.js";
import type { PolyglotSettings } from "../jekyll-polyglot.js";

type Item = Page | Document | StaticFile;

/** Another language's page or document output, written at its place under `<lang>/`. */
class RelocatedOutput extends Page {
  constructor(site: Site, original: Page | Document, private readonly target: string) {
    const slash = target.lastIndexOf("/");
    super(site, slash < 0 ? "" : `/${target.slice(0, slash)}`, target.slice(slash + 1), {}, "", 0, original.path);
    this.output = original.output;
    this.generated = true;
  }
  override get destinationPath(): string {
    return this.target;
  }
}

/** Another language's static file, copied to its place under `<lang>/`. */
class RelocatedStaticFile extends StaticFile {
  constructor(site: Site, original: StaticFile, private readonly target: string) {
    super(site, original.path, original.dir, original.name, null);
  }
  override get destinationPath(): string {
    return this.target;
  }
  override get write(): boolean {
    return true;
  }
}

/** The Cleaner's keep list of a pass: `keep_files` and the languages other than the default. */
export function polyglotKeepFiles(config: Record<string, any>, s: PolyglotSettings): string[] {
  const own = Array.isArray(config.keep_files) ? config.keep_files.map(String) : [];
  return [...own, ...s.languages.filter((l) => l !== s.defaultLang)].filter((k) => k !== "");
}

/** StaticFile#exclude_from_localization?: in another language's pass, a static file under an excluded path is not written. */
export function excludedFromLocalization(file: StaticFile, s: PolyglotSettings): boolean {
  const rel = file.relativePath.slice(1);
  return s.excludeFromLocalization.some((e) => rel.startsWith(e));
}

/**
 * One pass per language, each a whole process into `<destination>/<prefix>` (the `main` one's
 * Site is written); `keep` is every pass's Cleaner keep list, `skipStatic` the static files a pass
 * does not write.
 */
export function combinePasses(
  passes: Array<{ prefix: string; site: Site; main: boolean }>,
  keep: string[],
  skipStatic: (file: StaticFile, prefix: string) => boolean = () => false,
): Site {
  const main = passes.find((p) => p.main)!.site;
  const written = new Map<string, Array<{ item: Item; site: Site }>>();
  for (const { prefix, site } of passes) {
    for (const p of [...written.keys()]) {
      if (p.startsWith(prefix) && !keep.some((k) => p.slice(prefix.length).startsWith(k))) written.delete(p);
    }
    const own = new Map<string, Array<{ item: Item; site: Site }>>();
    for (const item of site.siteFiles()) {
      if (item.kind === "static" && skipStatic(item, prefix)) continue;
      const target = prefix + item.destinationPath;
      const list = own.get(target);
      if (list) list.push({ item, site });
      else own.set(target, [{ item, site }]);
    }
    for (const [p, list] of own) written.set(p, list);
  }

  // The default language's own outputs that survived stay as they are; the others join them.
  const kept = new Set<Item>();
  const relocated: { pages: Page[]; statics: StaticFile[] } = { pages: [], statics: [] };
  for (const [target, list] of written) {
    for (const { item, site } of list) {
      // The main pass's outputs stay as they are, unless its folder is a subfolder too.
      if (site === main && target === item.destinationPath) kept.add(item);
      else if (item.kind === "static") relocated.statics.push(new RelocatedStaticFile(main, item, target));
      else relocated.pages.push(new RelocatedOutput(main, item, target));
    }
  }
  const survives = (item: Item) => kept.has(item) || !isWritten(item);
  main.pages = [...main.pages.filter(survives), ...relocated.pages];
  main.staticFiles = [...main.staticFiles.filter(survives), ...relocated.statics];
  for (const c of main.collections.values()) c.docs.splice(0, c.docs.length, ...c.docs.filter(survives));
  // The writer carries over what the old destination holds under these (Cleaner#keep_file_regex).
  main.config.keep_files = keep;
  return main;
}

/** Whether Site#each_site_file would write the item at all. */
function isWritten(item: Item): boolean {
  if (item.kind === "page") return true;
  return item.write;
}
