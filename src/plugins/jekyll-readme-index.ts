// jekyll-readme-index 0.3: a folder's README becomes its index page when it has none.
// Spec: test/conformance/PLUGINS.md §14.
import path from "node:path";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { makeUrl } from "../site/url.js";
import { rubySplit } from "../ruby/strings.js";
import { pageFromStaticFile } from "./shared/generated-page.js";
import { PRIORITY, registerPlugin } from "./registry.js";

function option(site: Site, key: string): unknown {
  const c = site.config.readme_index;
  return c && typeof c === "object" ? (c as Record<string, unknown>)[key] : undefined;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * The gem's `%r!/readme(#{Regexp.union(extname_list)})$!i` over the site's Markdown extensions.
 * Regexp.union makes a Regexp, and interpolating it keeps its own flags (`(?-mix:…)`), so only
 * "readme" is case-insensitive: `README.md` and `readme.md` are READMEs, `readme.MD` is not.
 */
function readmeRegex(site: Site): RegExp {
  // Converters::Markdown#extname_list: split at commas, downcased, not trimmed (as converters.ts).
  const exts = rubySplit(String(site.config.markdown_ext ?? ""), ",").map((e) => `.${e.toLowerCase()}`);
  return new RegExp(`/[Rr][Ee][Aa][Dd][Mm][Ee](?:${exts.map(escapeRegExp).join("|")})$`, "m");
}

/**
 * Whether any page or static file is the folder's index: the gem's `^DIR/#{INDEX_REGEX}` with
 * INDEX_REGEX = `$|index\.(html?|xhtml|xml)$`. Interpolating a Regexp object wraps it in a group
 * (`(?i-mx:…)`), so the alternation stays after `DIR/`: the URL is `DIR/` itself or
 * `DIR/index.html` (.htm, .xhtml, .xml); an index in a subfolder does not count. Case-insensitive,
 * and `^`/`$` are line anchors as in Ruby.
 */
function dirHasIndex(site: Site, dir: string): boolean {
  const d = dir.endsWith("/") ? dir : `${dir}/`;
  const re = new RegExp(`^${escapeRegExp(d)}(?:$|index\\.(html?|xhtml|xml)$)`, "im");
  return [...site.pages, ...site.staticFiles].some((f) => re.test(f.url));
}

/** `File.dirname(url) + "/"` (the root README gives "//", which the URL cleans to "/"). */
const indexPermalink = (url: string) => `${path.posix.dirname(url)}/`;

function generate(site: Site): void {
  if (option(site, "enabled") === false) return;
  const re = readmeRegex(site);
  const readmes = site.staticFiles.filter((f) => re.test(f.relativePath));
  for (const readme of readmes) {
    if (dirHasIndex(site, path.posix.dirname(readme.url))) continue;
    site.pages.push(pageFromStaticFile(site, readme, { permalink: indexPermalink(readme.url) }));
    if (option(site, "remove_originals") === true) site.staticFiles = site.staticFiles.filter((f) => f !== readme);
  }
  if (option(site, "with_frontmatter") === true) {
    const pages = site.pages.filter((p) => re.test(`/${p.pathForLiquid}`));
    for (const page of pages) {
      if (dirHasIndex(site, path.posix.dirname(page.url))) continue;
      updatePermalink(page, indexPermalink(page.url));
    }
  }
}

/** Page#update_permalink: the new permalink in the data, and the URL made from it. */
function updatePermalink(page: Page, permalink: string): void {
  page.data.permalink = permalink;
  page.liquidData.permalink = permalink;
  page.url = makeUrl(page.template, permalink, (t) => t);
}

registerPlugin({ name: "jekyll-readme-index", priority: PRIORITY.low, generate });
