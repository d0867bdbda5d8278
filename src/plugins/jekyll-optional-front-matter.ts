// jekyll-optional-front-matter 0.3: Markdown files without front matter become pages too.
// Spec: test/conformance/PLUGINS.md §11.
import { EntryFilter } from "../read/entry-filter.js";
import { truthy } from "../ruby/values.js";
import type { Site } from "../site/site.js";
import type { StaticFile } from "../site/static-file.js";
import { pageFromStaticFile } from "./shared/generated-page.js";
import { PRIORITY, registerPlugin } from "./registry.js";

/** Files that stay static unless `include:` names them. */
export const FILENAME_BLACKLIST = new Set(["README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING", "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE"]);

function option(site: Site, key: string): unknown {
  const c = site.config.optional_front_matter;
  return c && typeof c === "object" ? (c as Record<string, unknown>)[key] : undefined;
}

function generate(site: Site): void {
  const requireFrontMatter = truthy(site.config.require_front_matter);
  if (option(site, "enabled") === false || requireFrontMatter) return;
  const include = site.config.include;
  const filter = Array.isArray(include) ? new EntryFilter(site.source, include, []) : null;
  const blacklisted = (file: StaticFile) => {
    // A file listed in `include:` is never blacklisted (EntryFilter#included?, which also tries the base name).
    if (filter && filter.isIncluded(file.relativePath.replace(/^\//, ""))) return false;
    return FILENAME_BLACKLIST.has(file.basename.toUpperCase());
  };
  const markdown = site.staticFiles.filter((f) => !f.collection && site.converters.kindFor(f.extname) === "markdown");
  const converted = markdown.filter((f) => !blacklisted(f));
  for (const file of converted) site.pages.push(pageFromStaticFile(site, file));
  // `remove_originals: true` (or `require_front_matter`) stops copying the converted files.
  if (option(site, "remove_originals") === true || requireFrontMatter) {
    const gone = new Set(converted);
    site.staticFiles = site.staticFiles.filter((f) => !gone.has(f));
  }
}

registerPlugin({ name: "jekyll-optional-front-matter", priority: PRIORITY.normal, generate });
