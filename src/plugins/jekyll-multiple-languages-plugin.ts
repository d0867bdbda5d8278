// jekyll-multiple-languages-plugin 1.7.0 (Debian's package): the site built once per language of
// `languages:`, the first language into the destination and each other one into
// `<destination>/<lang>/` with `/<lang>` after the baseurl, and the tags that translate:
// `{% t key %}` / `{% translate key %}` (a string from `_i18n/<lang>.yml`), `{% tf file %}` /
// `{% translate_file file %}` (a file of `_i18n/<lang>/`, rendered and converted) and
// `{% tl namespace [lang] %}` / `{% translate_link … %}` (the URL of the page with that
// `namespace:`). Spec: test/conformance/PLUGINS.md §21.
//
// How the gem does it, and how it is done here:
//  - Site#process runs Jekyll's whole process once per language (Plugin#process, one pass each),
//    on one Site object whose config it changes in place: `lang`, `default_lang` (the first
//    language), `baseurl_root` (the baseurl as written), `translations` (every language's strings
//    loaded so far: the same Hash in every pass, so a later pass sees the earlier languages'), and,
//    for a language other than the first (or every one with `default_locale_in_subfolder`), the
//    destination and `baseurl`. Site#filter_cache is never reset, so `relative_url` and
//    `absolute_url` of a String give a later pass what an earlier one computed; the Liquid engine's
//    URL caches outlive a pass here too (build.ts keeps the engine while its key holds).
//  - `.htaccess` is taken out of `include` (in every pass: not copied at all).
//  - PostReader#read_posts("") reads `_i18n/<lang>/_posts` instead of `_posts` (unless
//    `exclude_from_localizations` lists "_posts"); Document#populate_categories first deletes the
//    categories "_i18n" and the pass's language, which that folder gives (and any a post names).
//  - Page#permalink and Document#permalink are `permalink_<lang>` when `permalink` is set at all.
//  - A :site :pre_render hook loads `_i18n/<lang>.yml`; a :site :post_render hook takes the static
//    files under an `exclude_from_localizations` path (Pathname#descend: whole path segments,
//    "assets/" with its slash matches nothing) out of the other languages' passes.
//  - Left out: the :post_write hook of `default_locale_in_subfolder`, which moves files inside
//    "_site/" relative to the working directory rather than the destination.
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config/types.js";
import { BuildError } from "../errors.js";
import { readDataFile } from "../read/data-reader.js";
import { refuseOutsideSite } from "../read/outside-site.js";
import { hashFind, isHash, noMethodMessage, outputS, rubyClass, toS, truthy } from "../ruby/values.js";
import type { Site } from "../site/site.js";
import type { RenderPass, TagScope } from "./api.js";
import { checkIncludeFileName, includeParams, splitIncludeMarkup } from "../render/liquid/tags/include.js";
import { rubyStrip } from "../ruby/strings.js";
import { combinePasses } from "./polyglot/passes.js";
import { registerPlugin } from "./registry.js";

interface PassState {
  lang: string;
  defaultLang: string;
  /** Site#baseurl, the attribute Site#config= set from the config as written (nil when unset), which the gem never changes. */
  baseurl: unknown;
  /** Every language's parsed `_i18n/<lang>.yml`, shared by the passes (Site#parsed_translations). */
  translations: Record<string, unknown>;
}

/** Each pass's config object is its key (a pass's Site holds it). */
const passStates = new WeakMap<object, PassState>();

function stateOf(site: Site): PassState | undefined {
  return passStates.get(site.config);
}

function excludeFromLocalizations(config: Record<string, any>): unknown[] {
  const v = config.exclude_from_localizations;
  return Array.isArray(v) ? v : [];
}

function process(config: Config, pass: RenderPass): Site {
  const languages = config.languages;
  // `!languages or languages.empty? or !languages.all?`: the gem prints this and calls `exit`, so
  // Jekyll ends without building; here that is an error.
  if (!Array.isArray(languages) || languages.length === 0 || !languages.every(truthy)) {
    throw new BuildError('You must provide at least one language using the "languages" setting on your _config.yml.', {
      file: "_config.yml",
      hint: 'jekyll-multiple-languages-plugin builds one site per language: add e.g. languages: ["en", "es"].',
    });
  }
  const langs = languages.map(toS);
  const defaultLang = langs[0]!;
  const baseurlOrg = toS(config.baseurl);
  const subfolder = truthy(config.default_locale_in_subfolder);
  const translations: Record<string, unknown> = {};
  const include = (Array.isArray(config.include) ? config.include : []).filter((e: unknown) => e !== ".htaccess");
  const shared = {
    ...config,
    include,
    exclude_from_localizations: truthy(config.exclude_from_localizations) ? config.exclude_from_localizations : [],
    default_locale_in_subfolder: subfolder,
    default_lang: defaultLang,
    baseurl_root: baseurlOrg,
    translations,
  };
  const done: Array<{ prefix: string; site: Site; main: boolean }> = [];
  // The config the passes share keeps what the previous one set (the gem changes it in place): a
  // language listed twice after another builds that other one again.
  let current: Config = { ...shared, lang: defaultLang };
  let prefix = "";
  langs.forEach((lang, i) => {
    const own = lang !== defaultLang || subfolder;
    if (own) {
      prefix = `${lang}/`;
      // The first pass keeps the destination: combinePasses places its outputs.
      current = { ...current, destination: i === 0 ? config.destination : `${config.destination}/${lang}`, baseurl: `${baseurlOrg}/${lang}`, lang };
    } else {
      current = { ...current };
    }
    passStates.set(current, { lang: toS(current.lang), defaultLang, baseurl: config.baseurl ?? null, translations });
    done.push({ prefix, site: pass(current, i === 0), main: i === 0 });
  });
  const keep = Array.isArray(config.keep_files) ? config.keep_files.map(toS) : [];
  return combinePasses(done, keep);
}

/** After Site#reset: where this pass reads posts, and its permalink rule. */
function setUpPass(site: Site): void {
  const state = stateOf(site);
  if (!state) return;
  if (!excludeFromLocalizations(site.config).includes("_posts")) site.rootPostsDir = `/_i18n/${state.lang}`;
  const key = `permalink_${state.lang}`;
  // Permalink#permalink: nil without `permalink`, else `data['permalink_<lang>'] || data['permalink']`.
  site.permalinkOf = (data) => (data.permalink === null || data.permalink === undefined ? null : truthy(data[key]) ? data[key] : data.permalink);
}

/** Document#populate_categories: `data['categories'].delete("_i18n")` and the pass's language. */
function dropLanguageCategories(site: Site): void {
  const state = stateOf(site);
  if (!state) return;
  for (const c of site.collections.values()) {
    for (const doc of c.docs) {
      if (Array.isArray(doc.data.categories)) doc.data.categories = doc.data.categories.filter((x: unknown) => x !== "_i18n" && x !== state.lang);
    }
  }
}

/** The :site :pre_render hook: `YAML.load_file("_i18n/<lang>.yml")`. */
function loadTranslations(site: Site): void {
  const state = stateOf(site);
  if (!state) return;
  const file = path.join(site.source, "_i18n", `${state.lang}.yml`);
  if (!fs.existsSync(file)) {
    throw new BuildError(`No such file or directory @ rb_sysopen - ${file} (Errno::ENOENT)`, {
      file: site.displayPath(file),
      hint: `jekyll-multiple-languages-plugin reads each language's strings from _i18n/<lang>.yml: add _i18n/${state.lang}.yml.`,
    });
  }
  refuseOutsideSite(site.source, file, site.displayPath(file));
  state.translations[state.lang] = readDataFile(site, file);
}

/** `Pathname.new(exclude) <=> prefix == 0` for a prefix of the static file's path, segment by segment. */
function underExcludedPath(relativePath: string, excludes: unknown[]): boolean {
  const segments = relativePath.split("/");
  const prefixes = segments.map((_, i) => segments.slice(0, i + 1).join("/"));
  return excludes.some((e) => prefixes.includes(toS(e)));
}

/** The :site :post_render hook: another language's pass writes no static file of an excluded path. */
function dropExcludedStaticFiles(site: Site): void {
  const state = stateOf(site);
  if (!state || state.lang === state.defaultLang) return;
  const excludes = excludeFromLocalizations(site.config);
  const subfolder = truthy(site.config.default_locale_in_subfolder);
  site.staticFiles = site.staticFiles.filter((f) => {
    if (f.name === "base.html" && subfolder) return false;
    return !underExcludedPath(f.relativePath.slice(1), excludes);
  });
}

/** Hash#access (the gem's): each "."-part an Integer index when it reads as one, else a key. */
function access(root: unknown, key: string): unknown {
  let ret: unknown = root;
  for (const part of key.split(".").filter((p, i, all) => p !== "" || all.slice(i).some((q) => q !== ""))) {
    const index = /^-?\d+$/.test(part) && String(Number.parseInt(part, 10)) === part ? Number.parseInt(part, 10) : null;
    if (Array.isArray(ret)) {
      if (index === null) throw new BuildError(`no implicit conversion of String into Integer (TypeError)`, { hint: `An i18n key part ("${part}") names an entry of a list: use its index.` });
      ret = ret.at(index);
    } else if (isHash(ret)) {
      // `ret[p.to_i]` finds an Integer key only (YAML `12:`, not `"12":`); `ret[p.to_s] ||
      // ret[p.to_sym]` a String key, false giving way to the (absent) Symbol key.
      const prop = hashFind(ret, index ?? part);
      const value = prop === undefined ? null : ret[prop];
      ret = index === null && value === false ? null : value;
    } else if (typeof ret === "string") {
      // String#[]: a character by index, or the part when the text contains it; else `ret[:part]`,
      // which String#[] refuses.
      if (index === null && !ret.includes(part)) throw new BuildError("no implicit conversion of Symbol into Integer (TypeError)", { hint: `The i18n key "${key}" goes past a text: "${part}" names nothing in it.` });
      ret = index !== null ? ([...ret].at(index) ?? null) : part;
    } else {
      throw new BuildError(noMethodMessage("[]", ret), { hint: `The i18n key "${key}" goes past a value that is no Hash or list.` });
    }
    if (ret === null || ret === undefined || ret === false) break;
  }
  return ret ?? null;
}

/** The markup's key as the gem's tags read it: `context[markup]` when that is not empty, then rendered as a template. */
function keyOf(markup: string, scope: TagScope): string {
  const value = outputS(scope.evaluate(markup));
  return scope.render(value !== "" ? value : markup);
}

/** `translation.empty?`: Strings, Arrays and Hashes have it; anything else is Ruby's NoMethodError. */
function isEmpty(v: unknown): boolean {
  if (typeof v === "string") return v === "";
  if (Array.isArray(v)) return v.length === 0;
  if (isHash(v)) return Object.keys(v).length === 0;
  throw new BuildError(noMethodMessage("empty?", v), { hint: "An i18n key used with {% t %} holds a number or a boolean: quote it in _i18n/<lang>.yml." });
}

/** LocalizeTag#render. */
function translate(site: Site, markup: string, scope: TagScope, record: (file: string) => void): unknown {
  const state = stateOf(site);
  if (!state) return "";
  // serve re-renders the page when a language's strings change.
  for (const lang of new Set([state.lang, state.defaultLang])) record(path.join(site.source, "_i18n", `${lang}.yml`));
  const key = keyOf(rubyStrip(markup), scope);
  let translation = access(state.translations[state.lang], key);
  if (translation === null || isEmpty(translation)) translation = access(state.translations[state.defaultLang], key);
  // Tag#render_to_output_buffer: `output << translation`, which takes only a String.
  if (typeof translation !== "string") {
    throw new BuildError(`no implicit conversion of ${translation === null ? "nil" : rubyClass(translation)} into String (TypeError)`, {
      hint: `The i18n key "${key}" is missing from _i18n/${state.lang}.yml and _i18n/${state.defaultLang}.yml, or holds no text.`,
    });
  }
  return translation;
}

/** LocalizeLink#render: the baseurl as first configured, the language, and the page's permalink for it. */
function translateLink(site: Site, markup: string, scope: TagScope): string {
  const state = stateOf(site);
  if (!state) return "";
  const key = keyOf(markup, scope).split(/\s+/).filter(Boolean);
  const namespace = key[0];
  const lang = key[1] ?? state.lang;
  // `site.baseurl`: without `baseurl:` in the config it is nil, and `nil + "/"` or `nil + permalink` stops Jekyll.
  const plus = (base: unknown, s: string): string => {
    if (typeof base !== "string") throw new BuildError(noMethodMessage("+", base), { hint: "{% tl %} starts its URL with the site's baseurl: set baseurl: \"\" (or the site's path) in _config.yml." });
    return base + s;
  };
  let baseurl: unknown = state.baseurl;
  if (state.defaultLang !== lang || truthy(site.config.default_locale_in_subfolder)) baseurl = plus(baseurl, `/${lang}`);
  let url = "";
  const items = [...site.pages, ...[...site.collections.values()].flatMap((c) => c.docs)];
  for (const p of items) {
    const ns = p.data.namespace;
    if (ns === null || ns === undefined || ns !== namespace) continue;
    const permalink = truthy(p.data[`permalink_${lang}`]) ? p.data[`permalink_${lang}`] : p.data.permalink;
    if (typeof permalink !== "string") {
      throw new BuildError(`no implicit conversion of ${permalink === null || permalink === undefined ? "nil" : rubyClass(permalink)} into String (TypeError)`, {
        file: p.path ? site.displayPath(p.path) : undefined,
        hint: `{% tl ${namespace} %} joins the baseurl and the page's permalink: give the page with namespace: ${namespace} a permalink.`,
      });
    }
    url = plus(baseurl, permalink);
  }
  return url;
}

/** LocalizeInclude#render: `_i18n/<lang>/FILE` (else the default language's), rendered, then converted by its extension. */
function translateFile(site: Site, markup: string, scope: TagScope, convert: (ext: string, text: string) => string, record: (file: string) => void): string {
  const state = stateOf(site);
  if (!state) return "";
  const { file: fileMarkup, params } = splitIncludeMarkup(rubyStrip(markup), "translate_file");
  const value = outputS(scope.evaluate(fileMarkup));
  const file = scope.render(value !== "" ? value : fileMarkup);
  checkIncludeFileName(file, "translate_file");
  const dirFor = (lang: string) => path.join(site.source, "_i18n", lang);
  let dir = dirFor(state.lang);
  if (!fs.existsSync(dir) || !isFileIn(dir, file)) dir = dirFor(state.defaultLang);
  if (!isFileIn(dir, file)) throw new BuildError(`Included file '${file}' not found in ${dir} directory`, { hint: `Add _i18n/${state.defaultLang}/${file} (or the language's own copy).` });
  record(path.join(dir, file));
  const source = fs.readFileSync(path.join(dir, file), "utf8");
  const locals = params === null ? undefined : { include: includeParams(params, (expr) => scope.evaluate(expr)) };
  return convert(path.extname(file), scope.render(source, locals ?? {}));
}

// Dir['**/*'].include?(file): a file or folder below dir that is no dotfile and no symlink.
function isFileIn(dir: string, file: string): boolean {
  if (file.split("/").some((s) => s.startsWith("."))) return false;
  try {
    return !fs.lstatSync(path.join(dir, file)).isSymbolicLink();
  } catch {
    return false;
  }
}

registerPlugin({
  name: "jekyll-multiple-languages-plugin",
  process,
  hooks: [
    { owner: "site", event: "after_reset", run: setUpPass },
    { owner: "site", event: "post_read", run: dropLanguageCategories },
    { owner: "site", event: "pre_render", run: loadTranslations },
    { owner: "site", event: "post_render", run: dropExcludedStaticFiles },
  ],
  liquidTags(ctx) {
    const record = (file: string) => ctx.host.recordDependency?.(file);
    const t = (markup: string, _lookup: unknown, scope: TagScope) => translate(ctx.site(), markup, scope, record);
    const tl = (markup: string, _lookup: unknown, scope: TagScope) => translateLink(ctx.site(), markup, scope);
    const convert = (ext: string, text: string) => (ctx.site().converters.kindFor(ext) === "markdown" ? ctx.host.markdownify(text) : text);
    const tf = (markup: string, _lookup: unknown, scope: TagScope) => translateFile(ctx.site(), markup, scope, convert, record);
    return { t, translate: t, tl, translate_link: tl, tf, translate_file: tf };
  },
});

export const forTests = { access, underExcludedPath };
