// jekyll-scholar, the subset al-folio and similar sites use: `{% bibliography %}`,
// `{% bibliography_count %}` and `{% cite %}`, reading the .bib files of `scholar: source:`
// (default _bibliography/) with `scholar:` settings from _config.yml and the page's front matter.
// Listed in `plugins:` as `jekyll-scholar` or, as al-folio writes it, `jekyll/scholar`.
// build-site's own (Jekyll needs the gem): off with `build_site_extras: false`, where the tags are
// unknown, as in a Jekyll without the gem.
//
// {% bibliography [-f FILE]… [-q QUERY] [-T TEMPLATE] [-m MAX] [-c|-C] [-p PREFIX] %}
//   The entries of the files (the `bibliography:` file by default; a name without extension gets
//   .bib), those the query selects (`query:`, default `@*`; `{{ var }}` in it is the variable's
//   value), sorted by `sort_by`/`order`, each rendered with `bibliography_template` — a layout's
//   name (its content is the template) or Liquid text, default `{{reference}}` — inside
//   `<li>…</li>` (bibliography_item_tag) in `<ol class="bibliography">` (bibliography_list_tag,
//   bibliography_class). The template sees `entry` (every field as text, key, type, bibtex,
//   author_array…, and the homepage's pub-box fields where the entry has no field of that name:
//   src/read/publication.ts, so `{% include pub-box.html pub=entry %}` works), `reference`,
//   `key`, `type`, `index` (from 1), `page`, `site`. `-c` keeps the entries this page cited.
// {% cite KEY… %}
//   `<a class="citation" href="#KEY">(Author et al., Year)</a>`; a key may be a variable; an
//   unknown key writes `missing_reference` ("(missing reference)"). Remembered for `-c`.
//
// Not reproduced: CSL styles other than this APA subset for `reference` and citations
// (jekyll-scholar runs citeproc-ruby: apa.ts), details pages and their links, `repository` file
// links, grouping (group_by), locators, and the less common tags (reference, quote, nocite…).
import fs from "node:fs";
import path from "node:path";
import type { GenerateContext, PluginLiquidContext, PluginTag } from "../api.js";
import { BuildError } from "../../errors.js";
import type { JekyllLiquid } from "../../render/liquid/index.js";
import { bibliographyDir, loadBibFile, scholarConfig } from "../../read/bibliography.js";
import type { BibEntry } from "../../read/bibtex.js";
import { publicationData } from "../../read/publication.js";
import type { Site } from "../../site/site.js";
import { registerPlugin } from "../registry.js";
import { apaCitation, apaReference } from "./apa.js";
import { parseScholarArgs, type ScholarArgs } from "./options.js";
import { matchesQuery, sortEntries } from "./query.js";

/** jekyll-scholar's defaults (Scholar.defaults) for the settings read here. */
const DEFAULTS: Record<string, unknown> = {
  bibliography: "references.bib",
  bibliography_template: "{{reference}}",
  bibliography_list_tag: "ol",
  bibliography_item_tag: "li",
  bibliography_class: "bibliography",
  bibliography_list_attributes: {},
  bibliography_item_attributes: {},
  reference_tagname: "span",
  missing_reference: "(missing reference)",
  cite_class: "citation",
  query: "@*",
  sort_by: "none",
  order: "ascending",
};

type Lookup = (path: string[]) => unknown;

/** The Liquid engine of the build, kept by generate() for rendering bibliography templates. */
const engines = new WeakMap<Site, JekyllLiquid>();
/** Keys cited on each page (by URL), in citation order, for `--cited`. */
const citedByPage = new WeakMap<Site, Map<string, string[]>>();

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? v as Record<string, unknown> : {});

/** Settings: the defaults, the site's `scholar:`, the page's `scholar:` (Utilities#set_context_to). */
function settings(site: Site, lookup: Lookup): Record<string, any> {
  return { ...DEFAULTS, ...scholarConfig(site), ...asObject(lookup(["page", "scholar"])) };
}

/** `{{ name }}` in an argument is the variable's value (Utilities#interpolate). */
function interpolate(text: string, lookup: Lookup): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
    const v = lookup(name.split("."));
    return v === undefined || v === null || v === false ? whole : String(v);
  });
}

/** `*` and `?` of a file name pattern (`bibliography: "*.bib"`). */
function globRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
}

/** The .bib files a tag reads (Utilities#bibtex_paths), inside the bibliography folder. */
function bibFiles(site: Site, config: Record<string, any>, args: ScholarArgs, lookup: Lookup): string[] {
  const dir = bibliographyDir(site);
  const fallback = String(config.bibliography ?? "references.bib");
  let names = args.files.map((f) => interpolate(f, lookup));
  if (names.length === 0) {
    names = fallback.includes("*")
      ? fs.readdirSync(dir).filter((n) => globRegExp(fallback).test(n)).sort()
      : [fallback];
  }
  return names.map((name) => {
    let file = path.resolve(dir, (name || fallback).replace(/^\/+/, ""));
    if (path.extname(file) === "" && !fs.existsSync(file)) file += ".bib";
    const rel = path.relative(dir, file);
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
      throw new BuildError(`jekyll-scholar: the bibliography '${name}' is outside ${site.displayPath(dir)}`, { hint: "Name a .bib file of the bibliography folder." });
    }
    if (!fs.existsSync(file)) {
      throw new BuildError(`jekyll-scholar: no bibliography file ${site.displayPath(file)}`, { hint: `Add it, or name an existing file with --file (scholar: source: is ${site.displayPath(dir)}).` });
    }
    return file;
  });
}

function entriesOf(site: Site, files: string[]): BibEntry[] {
  return files.flatMap((f) => loadBibFile(site, f));
}

function citedKeys(site: Site, lookup: Lookup): string[] {
  let pages = citedByPage.get(site);
  if (!pages) citedByPage.set(site, (pages = new Map()));
  const url = String(lookup(["page", "url"]) ?? "");
  let keys = pages.get(url);
  if (!keys) pages.set(url, (keys = []));
  return keys;
}

const attributes = (attrs: unknown) => Object.entries(asObject(attrs)).map(([k, v]) => ` ${k}="${String(v)}"`).join("");

/** The entries a bibliography tag shows, in order. */
function selectEntries(site: Site, config: Record<string, any>, args: ScholarArgs, lookup: Lookup): BibEntry[] {
  const query = args.query !== undefined ? interpolate(args.query, lookup) : String(config.query ?? "@*");
  let items = sortEntries(entriesOf(site, bibFiles(site, config, args, lookup)).filter((e) => matchesQuery(e, query)), config.sort_by, config.order);
  if (args.cited) {
    const cited = citedKeys(site, lookup);
    items = args.citedInOrder
      ? cited.map((k) => items.find((e) => e.key === k)).filter((e): e is BibEntry => !!e)
      : items.filter((e) => cited.includes(e.key));
  }
  if (args.max !== undefined) items = items.slice(0, Math.max(0, args.max));
  return items;
}

function bibliographyTag(site: Site, markup: string, lookup: Lookup): string {
  const config = settings(site, lookup);
  const args = parseScholarArgs(markup);
  const items = selectEntries(site, config, args, lookup);
  const liquid = engines.get(site);
  if (!liquid) throw new BuildError("jekyll-scholar: the bibliography tag ran before the site was generated");
  // The template: a layout's content when it names a layout, else Liquid text itself.
  const name = String(args.template ?? config.bibliography_template ?? "");
  const layout = site.layouts.get(name);
  const template = name === ""
    ? liquid.parse("{{reference}}", "(jekyll-scholar default template)")
    : layout
      ? liquid.parse(layout.content, layout.path, layout.lineOffset)
      : liquid.parse(name, "_config.yml (scholar: bibliography_template)");
  if (layout) site.readFiles.add(layout.path);
  const base = { site: lookup(["site"]), page: lookup(["page"]), jekyll: lookup(["jekyll"]) };
  const itemTag = String(config.bibliography_item_tag);
  const listTag = String(config.bibliography_list_tag);
  const body = items.map((entry, i) => {
    const id = [args.prefix, entry.key].filter((x) => x !== undefined && x !== "").join("-");
    const reference = `<${config.reference_tagname} id="${id}">${apaReference(entry)}</${config.reference_tagname}>`;
    const html = liquid.render(template, { ...base, entry: publicationData(entry, true), reference, key: entry.key, type: entry.type, index: i + 1, link: null, links: {} });
    return `<${itemTag}${attributes(config.bibliography_item_attributes)}>${html}</${itemTag}>`;
  }).join("\n");
  return `<${listTag} class="${config.bibliography_class}"${attributes(config.bibliography_list_attributes)}>${body}</${listTag}>`;
}

function bibliographyCountTag(site: Site, markup: string, lookup: Lookup): string {
  return String(selectEntries(site, settings(site, lookup), parseScholarArgs(markup), lookup).length);
}

function citeTag(site: Site, markup: string, lookup: Lookup): string {
  const config = settings(site, lookup);
  // Utilities#split_arguments: the words before the first option are the keys.
  const tokens = markup.trim().split(/\s+/).filter(Boolean);
  const firstOption = tokens.findIndex((t) => t.startsWith("-"));
  const keyTokens = firstOption < 0 ? tokens : tokens.slice(0, firstOption);
  const args = parseScholarArgs(firstOption < 0 ? "" : tokens.slice(firstOption).join(" "));
  // A key may be a variable (`{% cite page.ref %}`): its value, else the text itself.
  const keys = keyTokens.map((k) => {
    const v = lookup(k.split("."));
    return v === undefined || v === null || v === false ? k : String(v);
  });
  const byKey = new Map(entriesOf(site, bibFiles(site, config, args, lookup)).map((e) => [e.key, e]));
  const found = keys.map((k) => byKey.get(k));
  if (keys.length === 0 || found.some((e) => !e)) return String(config.missing_reference);
  const cited = citedKeys(site, lookup);
  for (const k of keys) if (!cited.includes(k)) cited.push(k);
  const prefix = args.prefix ? `${args.prefix}-` : "";
  const relative = config.relative ? String(config.relative) : "";
  return `<a class="${config.cite_class}" href="${relative}#${prefix}${keys[0]}">${apaCitation(found as BibEntry[])}</a>`;
}

function scholarPlugin(name: string) {
  return {
    name,
    generate(site: Site, ctx: GenerateContext) {
      engines.set(site, ctx.liquid);
      citedByPage.delete(site);
    },
    liquidTags(ctx: PluginLiquidContext): Record<string, PluginTag> {
      if (ctx.site().config.build_site_extras === false) return {};
      return {
        bibliography: (markup, lookup) => bibliographyTag(ctx.site(), markup, lookup),
        bibliography_count: (markup, lookup) => bibliographyCountTag(ctx.site(), markup, lookup),
        cite: (markup, lookup) => citeTag(ctx.site(), markup, lookup),
      };
    },
  };
}

registerPlugin(scholarPlugin("jekyll-scholar"));
registerPlugin(scholarPlugin("jekyll/scholar"));
