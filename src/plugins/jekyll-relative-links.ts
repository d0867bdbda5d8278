// jekyll-relative-links 0.7: Markdown links to source files (`[guide](docs/guide.md)`) are
// rewritten, in the Markdown source before rendering, to the URL the target is written at.
// Spec: test/conformance/PLUGINS.md §10.
import path from "node:path";
import { cachedRelativeUrl } from "../render/liquid/filters/url.js";
import { cgiUnescape, isAbsoluteUri } from "../ruby/uri.js";
import { truthy } from "../ruby/values.js";
import { EntryFilter } from "../read/entry-filter.js";
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { siteLifetime } from "../site/lifetime.js";
import { replaceExcerpt } from "./shared/excerpt.js";
import { PRIORITY, registerPlugin } from "./registry.js";

// The gem's regexes, in JavaScript: Ruby's `.` stops only at "\n" (`[^\n]` here), its `^`/`$`
// are the start/end of a line at "\n" only (`(?<![^\n])`/`(?![^\n])` here). The title's second
// alternative opens with `"` and closes with `'`: a quirk of the gem, kept.
const LINK_TEXT = String.raw`([^\n]*?)`;
const FRAGMENT = String.raw`(#[^\n]+?|)?`;
const TITLE = String.raw`(\s+"(?:\\"|[^"])*(?<!\\)"|\s+"(?:\\'|[^'])*(?<!\\)')?`;
const INLINE_LINK = String.raw`\[${LINK_TEXT}\]\(([^)]+?)${FRAGMENT}${TITLE}\)`;
const REFERENCE_LINK = String.raw`(?<![^\n])\s*?\[${LINK_TEXT}\]: ([^\n]+?)${FRAGMENT}${TITLE}\s*?(?![^\n])`;
export const LINK_REGEX = new RegExp(`(${INLINE_LINK}|${REFERENCE_LINK})`, "g");

type Target = { relativePath: string; url: string };

function option(site: Site, key: string): unknown {
  const c = site.config.relative_links;
  return c && typeof c === "object" ? (c as Record<string, unknown>)[key] : undefined;
}

/** File.expand_path(path, base) relative to the source root; a path that climbs out stays unmatched. */
export function pathFromRoot(linkPath: string, urlBase: string): string {
  const absolute = linkPath.startsWith("/");
  const rel = linkPath.replace(/^\//, "");
  const root = "/\u0000root";
  const joined = path.posix.resolve(root, absolute ? "" : urlBase, rel);
  return joined.startsWith(`${root}/`) ? joined.slice(root.length + 1) : joined;
}

/** Rewrites the links of one Markdown source; `find` maps a source path to a target. */
export function rewriteLinks(content: string, documentRelativePath: string, find: (p: string) => Target | undefined, config: Record<string, any>): string {
  const urlBase = path.posix.dirname(documentRelativePath);
  return content.replace(LINK_REGEX, (original: string, ...groups: unknown[]) => {
    const g = groups as Array<string | undefined>;
    const inline = g[1] !== undefined;
    const [text, linkPath, fragment, title] = inline ? [g[1], g[2], g[3], g[4]] : [g[5], g[6], g[7], g[8]];
    if (linkPath === undefined || linkPath.startsWith("#") || isAbsoluteUri(linkPath)) return original;
    const target = find(cgiUnescape(pathFromRoot(linkPath, urlBase)));
    if (!target || !target.url) return original;
    // The generator mixes in URLFilters with a context whose site is the Site: Site#filter_cache applies.
    const url = `${cachedRelativeUrl(target.url, config) ?? ""}${fragment ?? ""}`;
    // A reference definition gains a newline before it, as the gem writes it.
    return inline ? `[${text}](${url}${title ?? ""})` : `\n[${text}]: ${url}${title ?? ""}`;
  });
}

const POTENTIAL_TARGETS = Symbol("JekyllRelativeLinks::Generator#potential_targets");

function generate(site: Site): void {
  if (option(site, "enabled") === false) return;
  const docsToWrite: Document[] = [...site.collections.values()].flatMap((c) => c.docs.filter((d) => d.write));
  const items: Array<Page | Document> = [...site.pages];
  if (option(site, "collections") === true) items.push(...docsToWrite);
  const exclude = option(site, "exclude");
  const filter = exclude ? new EntryFilter(site.source, [], [exclude].flat().map(String)) : null;
  // Generator#potential_targets: `@potential_targets ||= site.pages + site.static_files +
  // site.docs_to_write`, made at the first link looked up and kept by the generator for the life of
  // the Site: a later language's pass of jekyll-multiple-languages-plugin finds the first pass's
  // pages, with their URLs (src/site/lifetime.ts).
  const memo = siteLifetime(site.config, POTENTIAL_TARGETS, () => ({ targets: null as Map<string, Target> | null }));
  const find = (p: string) => {
    if (!memo.targets) {
      const targets = (memo.targets = new Map());
      // First match wins: pages, then static files, then documents to write.
      for (const t of [...site.pages, ...site.staticFiles, ...docsToWrite]) {
        const key = t.relativePath.replace(/^\//, "");
        if (!targets.has(key)) targets.set(key, t);
      }
    }
    return memo.targets.get(p);
  };
  for (const item of items) {
    const ext = item.kind === "page" ? item.ext : item.extname;
    if (site.converters.kindFor(ext) !== "markdown") continue;
    if (filter && filter.isExcluded(item.relativePath)) continue;
    item.content = rewriteLinks(item.content, item.relativePath, find, site.config);
    if (item.kind === "document") replaceExcerpt(item);
    // replace_relative_links_excerpt! does it to a page too when `data["excerpt"]` is truthy (its
    // data falls back to `defaults`; a PageExcerpt counts): Page#assertExcerptRenders.
    else if (item.excerpt || truthy(item.data.excerpt)) item.replaceExcerpt();
  }
}

registerPlugin({ name: "jekyll-relative-links", priority: PRIORITY.lowest, generate });
