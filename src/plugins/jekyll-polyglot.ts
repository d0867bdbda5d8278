// jekyll-polyglot 1.5.1 (Debian's package; the gem calls itself 1.3.3): the site built once per
// language of `languages:`, the default language into the destination and each other one into
// `<destination>/<lang>/`, with pages, posts and data chosen per language and links in the output
// rewritten to stay in the language. Spec: test/conformance/PLUGINS.md §20.
//
// How the gem does it, and how it is done here:
//  - Site#process runs Jekyll's whole process (read, generate, render, cleanup, write) for each
//    language of `languages` + `default_lang`, in that order: Plugin#process runs one pass per
//    language (polyglot/passes.ts gathers their outputs as the write would leave them).
//  - After reading (a :site :post_read hook, so before every generator), `_data/<lang>/` is merged over
//    `site.data` (default language, then the active one), and pages and each collection's
//    documents are "coordinated": each item's URL with the language segments taken out becomes its
//    `permalink` (its URL itself stays, being computed already), and of the items sharing that URL
//    the active language's wins, else the default language's, else the first (`lang:` front
//    matter, else the folder with `lang_from_path`, else the default language).
//  - After rendering (a :site :post_render hook), `href="…"` links to the site in every output are
//    rewritten for the language (polyglot/links.ts), and `{% static_href %}` marks links to leave.
//  - `parallel_localization` (default true) forks one process per language; here the passes run
//    one after the other, each from a fresh state as a fork has. With `parallel_localization:
//    false` the gem's state leaks from one language into the next, and so it does here.
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config/types.js";
import { BuildError } from "../errors.js";
import type { RenderPass } from "./api.js";
import { rubySplit, rubyStrip } from "../ruby/strings.js";
import { toS, truthy } from "../ruby/values.js";
import type { Document } from "../site/document.js";
import type { Page } from "../site/page.js";
import type { Site } from "../site/site.js";
import { mergeData } from "./polyglot/data.js";
import { relinkOutput, type LinkPatterns, linkPatterns } from "./polyglot/links.js";
import { combinePasses, excludedFromLocalization, polyglotKeepFiles } from "./polyglot/passes.js";
import { registerPlugin } from "./registry.js";
import { freshSiteLifetime, shareSiteLifetime } from "../site/lifetime.js";

export interface PolyglotSettings {
  defaultLang: string;
  /** `languages`, duplicates dropped. */
  languages: string[];
  /** Every pass, in order: the languages, then the default one if it is not among them. */
  passes: string[];
  parallel: boolean;
  langFromPath: boolean;
  langVars: string[];
  /** `exclude_from_localization`, a folder's name ending in "/" (Site#prepare). */
  excludeFromLocalization: string[];
}

/** Hash#fetch(key, default): the default only when the key is absent (a present nil stays nil). */
function fetch(config: Record<string, unknown>, key: string, fallback: unknown): unknown {
  return Object.hasOwn(config, key) ? config[key] : fallback;
}

function stringList(value: unknown, key: string): string[] {
  if (!Array.isArray(value)) {
    throw new BuildError(`jekyll-polyglot: \`${key}\` must be a list (jekyll-polyglot fails on ${JSON.stringify(value)})`, { file: "_config.yml", hint: `Write it as a list, e.g. ${key}: ["en", "de"].` });
  }
  return value.map(toS);
}

/**
 * Site#prepare and #fetch_languages. An `exclude_from_localization` entry that names a folder gets
 * a trailing "/"; the gem looks for the folder from the directory Jekyll runs in, which is the
 * site's source when Jekyll is run there, as it normally is: here it is always looked for there.
 */
export function polyglotSettings(config: Record<string, any>): PolyglotSettings {
  const defaultLang = toS(fetch(config, "default_lang", "en"));
  const languages = [...new Set(stringList(fetch(config, "languages", ["en"]), "languages"))];
  const source = String(config.source ?? ".");
  const excludeFromLocalization = stringList(fetch(config, "exclude_from_localization", []), "exclude_from_localization").map((e) => {
    const isDir = fs.statSync(path.resolve(source, e), { throwIfNoEntry: false })?.isDirectory() ?? false;
    return isDir && !e.endsWith("/") ? `${e}/` : e;
  });
  return {
    defaultLang,
    languages,
    passes: [...new Set([...languages, defaultLang])],
    parallel: truthy(fetch(config, "parallel_localization", true)),
    langFromPath: truthy(fetch(config, "lang_from_path", false)),
    langVars: stringList(fetch(config, "lang_vars", []), "lang_vars"),
    excludeFromLocalization,
  };
}

/** What one pass knows: the settings, its language, and the URL → language table its coordination fills. */
interface PassState {
  settings: PolyglotSettings;
  lang: string;
  fileLangs: Map<string, string>;
  links?: LinkPatterns;
}

/** Each pass's config object is its key (a pass's Site holds it). */
const passStates = new WeakMap<object, PassState>();

function stateOf(site: Site): PassState | undefined {
  return passStates.get(site.config);
}

/** The config of one language's pass (Site#process_language, #process_active_language, #site_payload). */
function passConfig(config: Config, s: PolyglotSettings, lang: string): Config {
  const c: Config = { ...config, active_lang: lang, default_lang: s.defaultLang, languages: s.languages };
  for (const v of s.langVars) c[v] = lang;
  if (lang !== s.defaultLang) {
    c.destination = `${config.destination}/${lang}`;
    c.exclude = [...(Array.isArray(config.exclude) ? config.exclude : []), ...s.excludeFromLocalization];
  }
  return c;
}

function process(config: Config, pass: RenderPass): Site {
  const s = polyglotSettings(config);
  // One after another, the passes run on one Site and share what it memoizes (Site#filter_cache,
  // jekyll-relative-links' targets: src/site/lifetime.ts); a fork starts from the Site as it was.
  if (!s.parallel) shareSiteLifetime(config);
  let fileLangs = new Map<string, string>();
  const done: Array<{ prefix: string; site: Site; main: boolean }> = [];
  for (const lang of s.passes) {
    const isDefault = lang === s.defaultLang;
    // A fork starts from the empty table Site#prepare made; one after another, only the other
    // languages clear it (process_active_language), so the default language sees what the
    // languages before it left.
    if (s.parallel || !isDefault) fileLangs = new Map();
    const c = passConfig(config, s, lang);
    if (s.parallel) freshSiteLifetime(c);
    passStates.set(c, { settings: s, lang, fileLangs });
    done.push({ prefix: isDefault ? "" : `${lang}/`, site: pass(c, isDefault), main: isDefault });
  }
  const main = done.find((p) => p.main)!.site;
  return combinePasses(done, polyglotKeepFiles(main.config, s), (file, prefix) => prefix !== "" && excludedFromLocalization(file, s));
}

/** Site#derive_lang_from_path: `_collection/<lang>/…` or `<lang>/…`, when `lang_from_path` is on. */
const LANG_SEGMENT = /^[a-z]{2,3}(:?[_-](:?[A-Za-z]{2}){1,2}){0,2}$/;

export function langFromPath(relativePath: string): string | null {
  const segments = relativePath.split("/");
  if (relativePath.startsWith("_") && segments.length > 2 && LANG_SEGMENT.test(segments[1]!)) return segments[1]!;
  if (segments.length > 1 && LANG_SEGMENT.test(segments[0]!)) return segments[0]!;
  return null;
}

/** Site#document_url_regex: a language between two of "/" and "." (`/de/`, `.de/`, `/de.`). */
export function documentUrlPattern(languages: string[]): RegExp {
  const source = languages.map((l) => `([/.]${l}[/.])`).join("|");
  try {
    return new RegExp(source, "g");
  } catch (e) {
    throw new BuildError(`jekyll-polyglot: a language in \`languages\` is not usable in a pattern: ${(e as Error).message}`, { file: "_config.yml", hint: "Use language codes such as en, de or pt-BR." });
  }
}

/** Ruby's `||`: nil and false give way. */
const orElse = (v: unknown, fallback: () => unknown): unknown => (v === null || v === undefined || v === false ? fallback() : v);

/** Site#coordinate_documents. */
function coordinate<T extends Page | Document>(items: T[], state: PassState): T[] {
  const { settings: s, lang: active, fileLangs } = state;
  const regex = documentUrlPattern(s.languages);
  const approved = new Map<string, T>();
  for (const item of items) {
    const lang = toS(orElse(item.data.lang, () => orElse(s.langFromPath ? langFromPath(item.relativePath) : null, () => s.defaultLang)));
    const exclusive = orElse(item.data["lang-exclusive"], () => []);
    regex.lastIndex = 0;
    const url = item.url.replace(regex, "/");
    item.data.permalink = url;
    if (item.kind === "page") item.liquidData.permalink = url;
    const known = fileLangs.get(url);
    if (known === active) continue;
    if (known === s.defaultLang && lang !== active) continue;
    if (isExcluded(exclusive, active)) continue;
    approved.set(url, item);
    fileLangs.set(url, lang);
  }
  return [...approved.values()];
}

/** `lang-exclusive`: a list naming the languages (a string is searched as text, as Ruby's String#include? does). */
function isExclusiveTo(exclusive: unknown, lang: string): boolean {
  if (Array.isArray(exclusive)) return exclusive.some((x) => toS(x) === lang);
  return toS(exclusive).includes(lang);
}

function isExcluded(exclusive: unknown, active: string): boolean {
  const empty = Array.isArray(exclusive) ? exclusive.length === 0 : toS(exclusive) === "";
  return !empty && !isExclusiveTo(exclusive, active);
}

/** hook_coordinate (:site, :post_read). */
function coordinateSite(site: Site): void {
  const state = stateOf(site);
  if (!state) return;
  const { defaultLang } = state.settings;
  if (Object.hasOwn(site.data, defaultLang)) site.data = mergeData(site.data, site.data[defaultLang]);
  if (Object.hasOwn(site.data, state.lang)) site.data = mergeData(site.data, site.data[state.lang]);
  for (const c of site.collections.values()) {
    c.docs.splice(0, c.docs.length, ...coordinate(c.docs, state));
    c.docs.forEach((d, i) => { d.index = i; });
  }
  site.pages = coordinate(site.pages, state);
}

/** hook_process (:site, :post_render): every collection document's and page's output relinked. */
function relinkSite(site: Site): void {
  const state = stateOf(site);
  if (!state) return;
  const links = (state.links ??= linkPatterns(site.config, state.settings, state.lang));
  const items: Array<Page | Document> = [];
  for (const c of site.collections.values()) items.push(...c.docs);
  items.push(...site.pages);
  for (const item of items) if (item.output !== null) item.output = relinkOutput(item.output, links);
}

/** StaticHrefTag: the body must be exactly `href="…"`; it is written as `ferh="…"`, which the relinking turns back untouched. */
export function staticHref(body: string): string {
  const parts = rubySplit(rubyStrip(body), "=");
  const value = parts[1] ?? "";
  if (parts.length !== 2 || parts[0] !== "href" || !value.startsWith('"') || !value.endsWith('"')) {
    throw new BuildError(`Liquid syntax error: static_href parameters must include match href="..." attribute param, eg. href="http://example.com\\, href="/about", href="/" , instead got:\n${body}`, {
      hint: 'Write the block\'s content as href="/path/", and nothing else.',
    });
  }
  return `ferh=${value}`;
}

/** I18nHeadersTag: the Content-Language meta and one alternate link per language (the default one unprefixed). */
export function i18nHeaders(markup: string, site: Site, permalink: unknown): string {
  const state = stateOf(site);
  const s = state?.settings ?? polyglotSettings(site.config);
  const active = state?.lang ?? s.defaultLang;
  let url = rubyStrip(markup);
  if (url.endsWith("/")) url = url.slice(0, -1);
  const siteUrl = url === "" ? toS(site.config.url) : url;
  const p = toS(permalink);
  let out = `<meta http-equiv="Content-Language" content="${active}">\n`;
  out += `<link rel="alternate" hreflang="${s.defaultLang}" href="${siteUrl}${p}"/>\n`;
  for (const lang of s.languages) {
    if (lang === s.defaultLang) continue;
    out += `<link rel="alternate" hreflang="${lang}" href="${siteUrl}/${lang}${p}"/>\n`;
  }
  return out;
}

registerPlugin({
  name: "jekyll-polyglot",
  process,
  hooks: [
    { owner: "site", event: "post_read", run: coordinateSite },
    { owner: "site", event: "post_render", run: relinkSite },
  ],
  liquidTags(ctx) {
    const tag = (markup: string, lookup: (path: string[]) => unknown) => i18nHeaders(markup, ctx.site(), lookup(["page", "permalink"]));
    return { I18n_Headers: tag, i18n_headers: tag };
  },
  liquidBlocks() {
    const block = (body: string) => staticHref(body);
    return { Static_Href: block, static_href: block };
  },
});
