// jekyll-last-modified-at 1.3.0: `page.last_modified_at` on every page and document, and the
// `{% last_modified_at [format] %}` tag. The time is the last git commit of the file when the site
// is in a git work tree and the file was committed, else the file's mtime (seconds). Spec:
// test/conformance/PLUGINS.md §19; git: last-modified-at/git-history.ts.
//
// What the gem does, kept here:
//  - Its post_init hook gives every Page (plugin pages too) and Document a Determinator for the
//    item's `path`: a page's path relative to the source (or its front matter `path:`), a
//    document's absolute path. A page's front matter `last_modified_at` is overwritten by it (the
//    hook runs after the page read its front matter); a document's front matter or defaults value
//    wins (read after the hook). jekyll-archives' pages never get one (they skip Page#initialize).
//  - Liquid reads the Determinator as a Time (`Time.at(seconds)`, in the site's zone); a file that
//    does not exist (a plugin page such as feed.xml) is an error then: "… does not exist!".
//  - The tag formats with its argument, else `last-modified-at.date-format`, else `%d-%b-%y`, for
//    the rendering page's `page.path` — and remembers the text by that path for the whole build,
//    so a second tag with another format on the same page prints the first one's text.
//  - The path is made safe as Jekyll.sanitized_path does (never outside the source).
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "../errors.js";
import { strftime, strftimeFields } from "../ruby/strftime.js";
import { zoneNameOf } from "../ruby/local-time.js";
import { RAW_JSON_TEXT, toS } from "../ruby/values.js";
import type { Document } from "../site/document.js";
import type { Site } from "../site/site.js";
import { JekyllTime } from "../ruby/time.js";
import { askGit, GitHistory, gitRepository } from "./last-modified-at/git-history.js";
import { registerPlugin } from "./registry.js";

/** After every generator: the gem's hook runs when an item is made, so plugin pages get one too. */
const AFTER_GENERATORS = -1000;
const DEFAULT_FORMAT = "%d-%b-%y";

/**
 * Jekyll.sanitized_path(source, path): an absolute path inside the source stays; anything else is
 * put under it. Jekyll's test is a bare prefix (`/site2/x` passes for `/site`); here the path must
 * be inside the source folder, so nothing outside the site is ever looked at.
 */
export function sanitizedPath(source: string, questionable: string): string {
  if (questionable === source) return source;
  let clean = path.posix.resolve("/", questionable).replace(/\/+/g, "/");
  if (clean === source || clean.startsWith(`${source.replace(/\/+$/, "")}/`)) return clean;
  clean = clean.replace(/^\//, "");
  return clean === "" ? source : path.join(source, clean);
}

/** Per build: the repository (found once), its history (read at the first question), and the tag's texts by path. */
class BuildState {
  private repository: { gitDir: string; top: string } | null | undefined;
  private history: GitHistory | null | undefined;
  readonly formatted = new Map<string, string>();
  readonly times = new Map<string, number>();

  constructor(private readonly site: Site) {}

  /** Determinator#last_modified_at_unix for an absolute file path. */
  seconds(file: string): number {
    let s = this.times.get(file);
    if (s === undefined) this.times.set(file, (s = this.compute(file)));
    return s;
  }

  private compute(file: string): number {
    if (this.repository === undefined) this.repository = gitRepository(this.site.source);
    const repo = this.repository;
    if (repo) {
      const relative = path.relative(repo.top, file).split(path.sep).join("/") || ".";
      let time: number | null | "ask-git";
      // Outside the work tree, or a folder (a page whose `path:` names one): git answers that itself.
      if (relative.startsWith("../") || relative === ".." || fs.statSync(file).isDirectory()) time = "ask-git";
      else {
        if (this.history === undefined) this.history = GitHistory.read(repo.gitDir);
        time = this.history ? this.history.lastCommitTime(relative) : "ask-git";
      }
      if (time === "ask-git") time = askGit(repo.gitDir, relative);
      if (time !== null) return time;
    }
    return Math.floor(fs.statSync(file).mtimeMs / 1000);
  }
}

const states = new WeakMap<Site, BuildState>();
function stateOf(site: Site): BuildState {
  let s = states.get(site);
  if (!s) states.set(site, (s = new BuildState(site)));
  return s;
}

/** Determinator#last_modified_at_time: the file must exist; then Time.at(seconds) in the site's zone. */
export function lastModifiedTime(site: Site, pagePath: string): JekyllTime {
  const file = sanitizedPath(site.source, pagePath);
  if (!fs.existsSync(file)) {
    throw new BuildError(`No such file or directory - ${file} does not exist!`, {
      hint: "jekyll-last-modified-at gives every page a date from its file; a page made by a plugin has none. Do not read page.last_modified_at on such pages.",
    });
  }
  return JekyllTime.at(stateOf(site).seconds(file) * 1000, site.zone);
}

/** Determinator#formatted_last_modified_date: the first text made for a path is kept for the build. */
export function formattedLastModified(site: Site, pagePath: string, format: string | null): string {
  const cache = stateOf(site).formatted;
  const known = cache.get(pagePath);
  if (known !== undefined) return known;
  const t = lastModifiedTime(site, pagePath);
  const f = format ?? DEFAULT_FORMAT;
  const text = strftime(strftimeFields(t, zoneNameOf(t, site.zone)), f);
  cache.set(pagePath, text);
  return text;
}

function configuredFormat(site: Site): string | null {
  const c = site.config["last-modified-at"];
  const f = c && typeof c === "object" ? (c as Record<string, unknown>)["date-format"] : undefined;
  return f === undefined || f === null ? null : toS(f);
}

/**
 * The Determinator as a value on an item's data: read as a Time, worked out when first read. In a
 * document's JSON it is its to_s: the formatted date (Determinator#to_s, with the configured
 * format, remembered by path like the tag's). `strict`: reading it fails when the file does not
 * exist, as Liquid's read does in Jekyll; the build's own reads (serve's fingerprints of a page's
 * data) get nil instead.
 */
function defineLastModified(target: Record<string, any>, site: Site, pagePath: string, strict: boolean): void {
  let value: JekyllTime | null | undefined;
  const make = () => {
    if (!strict && !fs.existsSync(sanitizedPath(site.source, pagePath))) return null;
    const t = lastModifiedTime(site, pagePath);
    Object.defineProperty(t, RAW_JSON_TEXT, { value: () => formattedLastModified(site, pagePath, configuredFormat(site)) });
    return t;
  };
  Object.defineProperty(target, "last_modified_at", {
    enumerable: true,
    configurable: true,
    get: () => (value === undefined ? (value = make()) : value),
    set: (v) => Object.defineProperty(target, "last_modified_at", { value: v, enumerable: true, configurable: true, writable: true }),
  });
}

/** A document's data in the order Jekyll built it: draft, categories, the hook's key, then the rest. */
function withKeyAfterCategories(data: Record<string, any>, add: (d: Record<string, any>) => void): Record<string, any> {
  const out: Record<string, any> = {};
  for (const k of ["draft", "categories"]) if (Object.hasOwn(data, k)) out[k] = data[k];
  add(out);
  for (const k of Object.keys(data)) if (!Object.hasOwn(out, k)) Object.defineProperty(out, k, Object.getOwnPropertyDescriptor(data, k)!);
  return out;
}

function generate(site: Site): void {
  for (const page of site.pages) {
    if (page.ownLiquidHash) continue;
    const pagePath = toS(page.pathForLiquid);
    // Liquid reads a page's liquidData; its data is what the build itself looks at.
    defineLastModified(page.data, site, pagePath, false);
    defineLastModified(page.liquidData, site, pagePath, true);
  }
  for (const c of site.collections.values()) {
    for (const doc of c.docs as Document[]) {
      const own = doc.data.last_modified_at;
      // Front matter or a default with a value was merged over the hook's; it keeps its place.
      doc.data = withKeyAfterCategories(doc.data, (d) => {
        if (own !== undefined && own !== null) d.last_modified_at = own;
        else defineLastModified(d, site, doc.path, true);
      });
    }
  }
}

registerPlugin({
  name: "jekyll-last-modified-at",
  priority: AFTER_GENERATORS,
  generate,
  liquidTags(ctx) {
    return {
      last_modified_at(markup, lookup) {
        const site = ctx.site();
        const format = markup.trim() === "" ? configuredFormat(site) : markup.trim();
        const pagePath = lookup(["page", "path"]);
        if (pagePath === null || pagePath === undefined) return formattedLastModified(site, site.source, format);
        return formattedLastModified(site, toS(pagePath), format);
      },
    };
  },
});
