// jekyll-titles-from-headings 0.5.3: a Markdown page without a title takes it from the heading
// its content starts with. Spec: test/conformance/PLUGINS.md §12.
import type { GenerateContext } from "./api.js";
import { rubyStrip } from "../ruby/strings.js";
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { regenerateExcerpt } from "./shared/excerpt.js";
import { PRIORITY, registerPlugin } from "./registry.js";

/**
 * The gem's TITLE_REGEX (Ruby, /x): at the very start after whitespace, an ATX heading of level
 * 1–3 (`(.*)` takes the rest of the line, so a closing `#` stays in the title) or a Setext
 * heading. In Ruby `.` stops only at "\n" (a "\r" is kept in the title) and `$` is the end of a
 * line, written here as `[^\n]` and `(?![^\n])`.
 */
export const TITLE_REGEX = /(?<![\s\S])\s*(?:#{1,3}\s+([^\n]*)(?:\s+#{1,3})?|([^\n]*)\r?\n[-=]+\s*)(?![^\n])/;
const FOOTNOTE_MARKER = /\[\^[^\]]*\]/g;

function option(site: Site, key: string): unknown {
  const c = site.config.titles_from_headings;
  return c && typeof c === "object" ? (c as Record<string, unknown>)[key] : undefined;
}

function generate(site: Site, ctx: GenerateContext): void {
  if (option(site, "enabled") === false) return;
  const items: Array<Page | Document> = [...site.pages];
  if (option(site, "collections") === true) {
    for (const c of site.collections.values()) items.push(...c.docs.filter((d) => d.write));
  }
  // markdownify → strip_html → normalize_whitespace, with the site's own filters.
  const template = ctx.liquid.parse("{{ heading | markdownify | strip_html | normalize_whitespace }}", "jekyll-titles-from-headings");
  const stripMarkup = (s: string) => ctx.liquid.render(template, { heading: s }).replace(FOOTNOTE_MARKER, "");
  for (const item of items) {
    const ext = item.kind === "page" ? item.ext : item.extname;
    if (site.converters.kindFor(ext) !== "markdown") continue;
    // A document's title is always inferred (from its file name), so it is replaced; a page keeps its own.
    if (item.kind === "page" && item.data.title !== undefined && item.data.title !== null) continue;
    const m = TITLE_REGEX.exec(item.content);
    if (m) {
      const title = stripMarkup(m[1] ?? m[2] ?? "");
      item.data.title = title;
      if (item.kind === "page") item.liquidData.title = title;
    }
    const strip = "strip_title" in item.data ? item.data.strip_title === true : option(site, "strip_title") === true;
    if (!strip) continue;
    // Even without a heading the content is stripped (Ruby's String#strip).
    item.content = rubyStrip(item.content.replace(TITLE_REGEX, ""));
    if (item.kind === "document" && item.collection.label === "posts") regenerateExcerpt(item);
  }
}

registerPlugin({ name: "jekyll-titles-from-headings", priority: PRIORITY.lowest, generate });
