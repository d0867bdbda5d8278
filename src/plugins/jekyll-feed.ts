// jekyll-feed 0.17: Atom feeds for posts (and other collections, categories, tags) and the
// `{% feed_meta %}` tag. Spec: test/conformance/PLUGINS.md §1.
//
// Each feed is a page added at the end of site.pages (generator priority :lowest) whose content
// is one private tag, `{% jekyll_feed_xml N %}`: the page is rendered by the normal renderer, at
// the time Jekyll renders it (after every document, so `post.content` is the converted HTML), and
// the tag writes what jekyll-feed's minified Liquid template prints: one line, no newline at the
// end, whitespace kept only inside printed values.
import fs from "node:fs";
import path from "node:path";
import { JEKYLL_VERSION } from "../config/defaults.js";
import type { PluginLiquidContext } from "./api.js";
import type { Site } from "../site/site.js";
import { pageWithoutAFile } from "../site/page-without-a-file.js";
import { PerSite } from "./shared/generated-page.js";
import { contains, Filters, filtersFor, hashIndex, isBlank, orDefault, prop, toS, truthy } from "./shared/liquid.js";
import { PRIORITY, registerPlugin } from "./registry.js";
import { InvalidSchemeError } from "../render/liquid/filters/url.js";
import { BuildError } from "../errors.js";
import { implicitName, toInteger } from "../render/liquid/filters/standard.js";
import { inspect, isFloat, noMethodMessage, rubyKeyIdentity } from "../ruby/values.js";

interface FeedSpec {
  collection: string;
  category: string | null;
  tag: string | null;
}

const FEEDS = new PerSite<FeedSpec[]>(() => []);
const FEED_TAG = "jekyll_feed_xml";

type Obj = Record<string, any>;

/**
 * Generator#config is `site.config["feed"] || {}`, first asked for `["disable_in_development"]`:
 * `feed: true` has no `[]` (NoMethodError), and an Integer's or an Array's `[]` takes no String key
 * (TypeError), so Jekyll stops there. A String's `[]` of a String is that text where the String
 * holds it, else nil, so a String reads as the settings whose names it holds, each set to its own
 * name (stringFeedSettings); checkStringFeedSettings then fails where normalize_posts_meta does.
 */
function feedConfig(site: Site): Obj {
  const c = site.config.feed;
  if (typeof c === "string") return stringFeedSettings(c);
  if (c === true || isFloat(c)) {
    throw new BuildError(`jekyll-feed: ${noMethodMessage("[]", c)}`, { hint: FEED_CONFIG_HINT });
  }
  if (typeof c === "number" || typeof c === "bigint" || Array.isArray(c)) {
    throw new BuildError("jekyll-feed: no implicit conversion of String into Integer (TypeError)", { hint: FEED_CONFIG_HINT });
  }
  return c && typeof c === "object" ? c : {};
}

/** The settings the Generator asks a String config for (`config["…"]`). */
const FEED_SETTING_NAMES = ["disable_in_development", "collections", "path", "categories", "tags"];

/**
 * `feed: "…"` as the Generator reads it: `config["path"]` is "path" where the text holds "path",
 * and so on. So `feed: "disable_in_development"` skips the feed in development, a text holding
 * "path" writes the posts feed to `/path` (`collections.dig("posts", "path")`), one holding
 * "tags" adds the tag feeds, one holding "collections" is no Array or Hash (no other feeds).
 */
function stringFeedSettings(text: string): Obj {
  const settings: Obj = {};
  for (const name of FEED_SETTING_NAMES) if (text.includes(name)) settings[name] = name;
  return settings;
}

/**
 * normalize_posts_meta ends with `config["path"] ||= …`, String#[]= of a text the String does not
 * hold where it holds no "path" (IndexError, "string not matched": `feed: "on"` stops Jekyll).
 */
function checkStringFeedSettings(site: Site, config: Obj): void {
  if (typeof site.config.feed === "string" && !config.path) {
    throw new BuildError("jekyll-feed: string not matched (IndexError)", { hint: FEED_CONFIG_HINT });
  }
}

const FEED_CONFIG_HINT = "`feed:` in the config is settings (path:, posts_limit:, tags: …), not a switch: jekyll-feed is on when it is in plugins:, so remove `feed:` or give it keys.";

/** Collections with feeds, in config order, `posts` last unless listed (Generator#collections). */
function feedCollections(config: Obj): Map<string, { path: unknown; categories: string[] }> {
  const raw = config.collections;
  const entries: Array<[string, Obj]> = Array.isArray(raw)
    ? raw.map((c) => [String(c), {}])
    : raw && typeof raw === "object" ? Object.entries(raw).map(([k, v]) => [k, v && typeof v === "object" ? { ...v } : {}]) : [];
  const map = new Map<string, Obj>(entries);
  // normalize_posts_meta: posts always has a feed, with the top-level path and categories.
  const posts = map.get("posts") ?? {};
  if (!map.has("posts")) map.set("posts", posts);
  posts.path ??= config.path;
  posts.categories ??= config.categories;
  const out = new Map<string, { path: unknown; categories: string[] }>();
  for (const [name, meta] of map) {
    // `(meta["categories"] || []).to_set`: an Array's items (a Hash's pairs are left as they were
    // read); a String, a number or true has no to_set (NoMethodError), so `categories: news`
    // stops Jekyll, where `categories: [news]` was meant.
    const raw = meta.categories;
    if (raw !== null && raw !== undefined && raw !== false && !Array.isArray(raw) && typeof raw !== "object") {
      throw new BuildError(`jekyll-feed: ${noMethodMessage("to_set", raw)}`, {
        hint: `The feed's categories: ${name === "posts" ? "" : `(collection ${name}) `}is ${inspect(raw)}, not a list: write categories: [${toS(raw)}].`,
      });
    }
    const cats = [raw ?? []].flat().filter((c) => c !== null && c !== undefined).map(String);
    out.set(name, { path: meta.path, categories: [...new Set(cats)] });
  }
  return out;
}

/** The feed path jekyll-feed uses for `{% feed_meta %}`: `feed.path`, or the posts collection's `path`. */
function postsFeedPath(config: Obj): unknown {
  if (config.path) return config.path;
  const c = config.collections;
  if (c && typeof c === "object" && !Array.isArray(c)) return c.posts?.path;
  return undefined;
}

function feedPath(collections: ReturnType<typeof feedCollections>, collection: string, category: string | null): string {
  const prefix = collection === "posts" ? "/feed" : `/feed/${collection}`;
  if (category !== null) return `${prefix}/${category}.xml`;
  // `collections.dig(collection, "path") || "#{prefix}.xml"`, then File.exist? through
  // PathManager.sanitized_path, which calls start_with? on it: a path that is no String stops
  // Jekyll with NoMethodError.
  const p = collections.get(collection)?.path;
  if (!truthy(p)) return `${prefix}.xml`;
  if (typeof p !== "string") {
    throw new BuildError(`jekyll-feed: ${noMethodMessage("start_with?", p)}`, { hint: `The feed's path: is ${inspect(p)}, which is not a String in YAML: quote it, e.g. path: "/feed.xml".` });
  }
  return p;
}

function generate(site: Site): void {
  const config = feedConfig(site);
  const env = process.env.JEKYLL_ENV || "development";
  if (config.disable_in_development && env === "development") {
    site.logger.info("Jekyll Feed:", "Skipping feed generation in development");
    return;
  }
  checkStringFeedSettings(site, config);
  const specs = FEEDS.get(site);
  // The check is File.exist?(source + path): a source file, not a URL.
  const exists = (p: string) => fs.existsSync(path.join(site.source, p));
  const xsl = exists("feed.xslt.xml");
  const add = (p: string, spec: FeedSpec) => {
    if (exists(p)) return;
    specs.push(spec);
    const page = pageWithoutAFile(site, p, {
      layout: null, sitemap: false, xsl, collection: spec.collection, category: spec.category, tags: spec.tag,
    }, `{% ${FEED_TAG} ${specs.length - 1} %}`);
    page.generated = true;
    // make_page passes the feed's path as the page's name (with an empty dir): Liquid's page.name.
    page.liquidName = p;
    site.pages.push(page);
  };
  const collections = feedCollections(config);
  for (const [name, meta] of collections) {
    // jekyll-feed 0.17 says so once a collection, before it looks for the collection's paths.
    site.logger.info("Jekyll Feed:", `Generating feed for ${name}`);
    for (const category of [...meta.categories, null]) {
      add(feedPath(collections, name, category), { collection: name, category, tag: null });
    }
  }
  if (truthy(config.tags)) {
    // site.tags' keys: the posts' tags as written, of any class (`tags: [7]` is the Integer 7),
    // one per Ruby key (eql?), in the order the posts bring them.
    const tags = new Map<string, unknown>();
    for (const post of site.posts.docs) {
      for (const t of [post.data.tags ?? []].flat()) if (!tags.has(rubyKeyIdentity(t))) tags.set(rubyKeyIdentity(t), t);
    }
    if (tags.size === 0) return;
    const tc: Obj = config.tags && typeof config.tags === "object" && !Array.isArray(config.tags) ? config.tags : {};
    const except = new Set([tc.except ?? []].flat().map(rubyKeyIdentity));
    const only: unknown[] = tc.only ? [tc.only].flat() : [...tags.values()];
    const base = truthy(tc.path) ? toS(tc.path) : "/feed/by_tag/";
    const seen = new Set<string>();
    for (const tag of only) {
      const id = rubyKeyIdentity(tag);
      if (except.has(id) || seen.has(id)) continue;
      seen.add(id);
      // generate_tag_feed tests each tag with Regexp#match?, which takes only Strings: a tag that is
      // a number, a boolean or a date stops Jekyll's build with Ruby's TypeError.
      if (typeof tag !== "string") {
        throw new BuildError(`jekyll-feed: no implicit conversion of ${implicitName(tag)} into String (TypeError)`, {
          hint: `A post's tags include ${inspect(tag)}, which is not a String in YAML: jekyll-feed's tag feeds (feed: tags:) need every tag quoted, e.g. tags: ["${toS(tag)}"].`,
        });
      }
      // Tags with anything but word characters get no feed.
      if (/[^a-zA-Z0-9_]/.test(tag)) continue;
      add(`${base}${tag}.xml`, { collection: "posts", category: null, tag });
    }
  }
}

/** Liquid's `sort: "date"` then `reverse`: nils last before reversing, stable otherwise. */
function newestFirst(posts: Obj[]): Obj[] {
  const withDate = posts.filter((p) => p.date !== null && p.date !== undefined);
  const without = posts.filter((p) => p.date === null || p.date === undefined);
  withDate.sort((a, b) => Number(a.date) - Number(b.date));
  return [...withDate, ...without].reverse();
}

/** One feed, as jekyll-feed's template prints it. */
export function renderFeed(spec: FeedSpec, lookup: (path: string[]) => unknown, f: Filters): string {
  const site = (lookup(["site"]) ?? {}) as Obj;
  const page = (lookup(["page"]) ?? {}) as Obj;
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  if (truthy(page.xsl)) out.push(`<?xml-stylesheet type="text/xml" href="${toS(f.absoluteUrl("/feed.xslt.xml"))}"?>`);
  const lang = site.lang;
  out.push(`<feed xmlns="http://www.w3.org/2005/Atom" ${truthy(lang) ? `xml:lang="${toS(lang)}"` : ""}>`);
  out.push(`<generator uri="https://jekyllrb.com/" version="${JEKYLL_VERSION}">Jekyll</generator>`);
  const selfUrl = toS(f.absoluteUrl(page.url));
  out.push(`<link href="${selfUrl}" rel="self" type="application/atom+xml" />`);
  out.push(`<link href="${toS(f.absoluteUrl("/"))}" rel="alternate" type="text/html" ${truthy(lang) ? `hreflang="${toS(lang)}" ` : ""}/>`);
  out.push(`<updated>${f.dateToXmlschema(site.time)}</updated>`);
  out.push(`<id>${f.xmlEscape(f.absoluteUrl(page.url))}</id>`);

  let title: unknown = orDefault(site.title, site.name);
  if (spec.collection !== "posts") title = `${toS(title)} | ${f.capitalize(spec.collection)}`;
  if (truthy(spec.category)) title = `${toS(title)} | ${f.capitalize(spec.category)}`;
  if (truthy(title)) out.push(`<title type="html">${f.xmlEscape(f.smartify(title))}</title>`);
  if (truthy(site.description)) out.push(`<subtitle>${f.xmlEscape(site.description)}</subtitle>`);
  if (truthy(site.author)) {
    out.push(`<author><name>${f.xmlEscape(orDefault(prop(site.author, "name"), site.author))}</name>`);
    const email = prop(site.author, "email");
    if (truthy(email)) out.push(`<email>${f.xmlEscape(email)}</email>`);
    const uri = prop(site.author, "uri");
    if (truthy(uri)) out.push(`<uri>${f.xmlEscape(uri)}</uri>`);
    out.push("</author>");
  }

  let posts = (spec.tag !== null ? prop(site.tags, spec.tag) : prop(site, spec.collection)) as Obj[] | null;
  posts = Array.isArray(posts) ? posts : [];
  if (spec.category !== null) {
    // `where: "categories", category`: an array property matches when an element equals it.
    const cat = spec.category;
    posts = posts.filter((p) => {
      const c = p.categories;
      return typeof c === "string" ? c === cat : [c ?? []].flat().some((x) => toS(x) === cat);
    });
  }
  if (!truthy(site.show_drafts)) posts = posts.filter((p) => p.draft !== true);
  posts = newestFirst(posts);
  // `{% for post in posts limit: posts_limit %}`: Liquid's to_integer, Integer(to_s) ("3" and
  // " 0x3" count, 2.5 and true are "invalid integer").
  const limit = toInteger(orDefault(prop(site, "feed", "posts_limit"), 10));
  for (const post of posts.slice(0, Math.max(0, limit))) out.push(renderEntry(post, site, f));
  out.push("</feed>");
  return out.join("");
}

function renderEntry(post: Obj, site: Obj, f: Filters): string {
  const out: string[] = [];
  out.push(`<entry${truthy(post.lang) ? ` xml:lang="${toS(post.lang)}"` : ""}>`);
  const title = f.xmlEscape(f.normalizeWhitespace(f.stripHtml(f.smartify(post.title))));
  out.push(`<title type="html">${title}</title>`);
  out.push(`<link href="${toS(f.absoluteUrl(post.url))}" rel="alternate" type="text/html" title="${title}" />`);
  out.push(`<published>${f.dateToXmlschema(post.date)}</published>`);
  out.push(`<updated>${f.dateToXmlschema(orDefault(post.last_modified_at, post.date))}</updated>`);
  out.push(`<id>${f.xmlEscape(f.absoluteUrl(post.id))}</id>`);
  // `post.feed.excerpt_only | default: site.feed.excerpt_only`: a post's `false` is blank, so
  // only the site can switch content off and a post cannot switch it back on.
  const excerptOnly = orDefault(prop(post, "feed", "excerpt_only"), prop(site, "feed", "excerpt_only"));
  if (!truthy(excerptOnly)) {
    out.push(`<content type="html" xml:base="${f.xmlEscape(f.absoluteUrl(post.url))}"><![CDATA[${f.strip(post.content)}]]></content>`);
  }
  let author = orDefault(orDefault(post.author, prop(post, "authors", 0)), site.author);
  const authors = prop(site, "data", "authors");
  // `site.data.authors[post_author] | default: post_author`: Hash#[] by type (an Integer author
  // finds YAML's `5:`, not `"5":`), and a Hash author finds nothing.
  author = orDefault(hashIndex(authors, author), author);
  const email = orDefault(prop(author, "email"), null);
  const uri = orDefault(prop(author, "uri"), null);
  const name = orDefault(prop(author, "name"), author);
  out.push(`<author><name>${f.xmlEscape(orDefault(name, ""))}</name>`);
  if (truthy(email)) out.push(`<email>${f.xmlEscape(email)}</email>`);
  if (truthy(uri)) out.push(`<uri>${f.xmlEscape(uri)}</uri>`);
  out.push("</author>");
  if (truthy(post.category)) out.push(`<category term="${f.xmlEscape(post.category)}" />`);
  else if (truthy(post.categories)) for (const c of [post.categories].flat()) out.push(`<category term="${f.xmlEscape(c)}" />`);
  for (const t of Array.isArray(post.tags) ? post.tags : truthy(post.tags) ? [post.tags] : []) out.push(`<category term="${f.xmlEscape(t)}" />`);
  const summary = orDefault(post.description, post.excerpt);
  if (truthy(summary) && !isBlank(summary)) {
    out.push(`<summary type="html"><![CDATA[${f.normalizeWhitespace(f.stripHtml(summary))}]]></summary>`);
  }
  let image = orDefault(prop(post, "image", "path"), post.image);
  if (truthy(image)) {
    // `unless post_image contains "://"`: Liquid's contains, so a Hash image (`image: {feature: …}`,
    // no `path`) is asked for a "://" key and goes to absolute_url, which fails on its to_s as
    // Addressable does (Jekyll stops: "Invalid scheme format: '{"feature"=>…'").
    if (!contains(image, "://")) {
      try {
        image = f.absoluteUrl(image);
      } catch (e) {
        // Jekyll names only feed.xml; say which post's image it was.
        if (e instanceof InvalidSchemeError) e.hint = `jekyll-feed passes each post's image.path, or else its image, through absolute_url: give ${toS(post.path)} \`image: FILE\` or an image with a \`path:\` key (it has ${inspect(image)}).`;
        throw e;
      }
    }
    const url = f.xmlEscape(image);
    out.push(`<media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="${url}" />`);
    out.push(`<media:content medium="image" url="${url}" xmlns:media="http://search.yahoo.com/mrss/" />`);
  }
  out.push("</entry>");
  return out.join("");
}

/** `{% feed_meta %}`: the `<link>` to the posts feed, attributes in jekyll-feed's order, values escaped as XML attributes. */
export function feedMeta(config: Obj, f: Filters): string {
  // MetaTag reads `config.dig("feed", "path")`: Hash#dig raises where it meets a String on the
  // way (the only kind of feed: that gets past the Generator and is no Hash).
  if (typeof config.feed === "string") {
    throw new BuildError("String does not have #dig method", { hint: FEED_CONFIG_HINT });
  }
  const feed = config.feed && typeof config.feed === "object" ? config.feed : {};
  const href = toS(f.absoluteUrl(postsFeedPath(feed) ?? "feed.xml"));
  const title = config.title ?? config.name;
  const attrs: Array<[string, unknown]> = [["type", "application/atom+xml"], ["rel", "alternate"], ["href", href]];
  if (title !== null && title !== undefined && title !== false) attrs.push(["title", title]);
  return `<link ${attrs.map(([k, v]) => `${k}="${f.xmlEscape(toS(v))}"`).join(" ")} />`;
}

registerPlugin({
  name: "jekyll-feed",
  priority: PRIORITY.lowest,
  generate,
  liquidTags(ctx: PluginLiquidContext) {
    const filters = () => filtersFor(ctx.site(), ctx.host);
    return {
      [FEED_TAG]: (markup, lookup) => {
        const site = ctx.site();
        const spec = FEEDS.get(site)[Number(markup.trim())];
        if (!spec) return "";
        site.dependencyTracker?.(spec.collection === "posts" ? "collection:posts" : `collection:${spec.collection}`);
        return renderFeed(spec, lookup, filters());
      },
      feed_meta: () => feedMeta(ctx.host.config, filters()),
    };
  },
});
