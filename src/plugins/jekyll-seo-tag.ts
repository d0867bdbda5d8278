// jekyll-seo-tag 2.8: `{% seo %}` (and `{% seo title=false %}`). Spec: test/conformance/PLUGINS.md §3.
//
// The gem renders a fixed, minified Liquid template from values its drops compute. Here the same
// values are computed in TypeScript (`SeoValues`, one per tag render, mirroring the gem's Drop,
// AuthorDrop, ImageDrop and JSONLDDrop) and printed line by line: the minified template leaves
// each element on its own line, without indentation, and ends with a newline.
//
// Ruby's `a || b` (only nil and false are false; "" counts) and Liquid's `default` (empty counts
// as missing) differ; each place below uses the one the gem uses.
import type { PluginLiquidContext } from "./api.js";
import { JEKYLL_VERSION } from "../config/defaults.js";
import { isAbsoluteUri } from "../ruby/uri.js";
import { inspect, isHash, rubyClass, toJson } from "../ruby/values.js";
import { Filters, filtersFor, hashIndex, orDefault, prop, toS, truthy } from "./shared/liquid.js";
import { registerPlugin } from "./registry.js";

type Obj = Record<string, any>;
export const SEO_TAG_VERSION = "2.8.0";
const HOMEPAGE_OR_ABOUT = /^\/(about\/)?(index.html?)?$/;

/** Ruby's `a || b`. */
function or(...values: unknown[]): unknown {
  for (const v of values) if (v !== null && v !== undefined && v !== false) return v;
  return values.length ? (values[values.length - 1] ?? null) : null;
}

/** A value only if it is a hash (the gem's sub_hash). */
function subHash(v: unknown): Obj {
  return isHash(v) ? (v as Obj) : {};
}

/** Ruby's `format` with `%<current>s` and `%<total>s` named references (and `%%`). */
function rubyFormat(template: string, values: Record<string, unknown>): string {
  return template.replace(/%(%|<(\w+)>s)/g, (m, _all: string, name: string | undefined) => (name === undefined ? "%" : name in values ? toS(values[name]) : m));
}

export class SeoValues {
  private readonly page: Obj;
  private readonly site: Obj;
  private readonly paginator: Obj | null;

  constructor(
    private readonly markup: string,
    lookup: (path: string[]) => unknown,
    private readonly f: Filters,
  ) {
    this.page = (lookup(["page"]) ?? {}) as Obj;
    this.site = (lookup(["site"]) ?? {}) as Obj;
    const p = lookup(["paginator"]);
    this.paginator = isHash(p) ? (p as Obj) : null;
  }

  /** markdownify → strip_html → normalize_whitespace → escape_once; empty gives nil. */
  formatString(s: unknown): string | null {
    const out = this.f.escapeOnce(this.f.normalizeWhitespace(this.f.stripHtml(this.f.markdownify(s))));
    return out === "" ? null : out;
  }

  private memo = new Map<string, unknown>();
  private once<T>(key: string, fn: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, fn());
    return this.memo.get(key) as T;
  }

  get siteTitle(): string | null { return this.once("siteTitle", () => this.formatString(or(this.site.title, this.site.name))); }
  get siteTagline(): string | null { return this.once("siteTagline", () => this.formatString(this.site.tagline)); }
  get siteDescription(): string | null { return this.once("siteDescription", () => this.formatString(this.site.description)); }
  get pageTitle(): string | null { return this.once("pageTitle", () => this.formatString(this.page.title) ?? this.siteTitle); }

  get title(): string | null {
    const base = this.once("title", () => {
      const site = this.siteTitle;
      const page = this.pageTitle;
      if (site && page !== site) return `${page} | ${site}`;
      // The gem checks the description here, then prints the tagline if there is one.
      if (this.siteDescription && site) return `${site} | ${this.siteTagline ?? this.siteDescription}`;
      return page ?? site;
    });
    const n = this.pageNumber();
    return n !== null && base !== null ? n + base : base;
  }

  /** Shown unless the markup says `title=false`. */
  get showTitle(): boolean {
    return !!this.title && !/title=false/i.test(this.markup);
  }

  private pageNumber(): string | null {
    const p = this.paginator;
    if (!p || !truthy(p.page)) return null;
    const current = Number(p.page);
    const message = or(this.site.seo_paginator_message, "Page %<current>s of %<total>s for ");
    return current > 1 ? rubyFormat(toS(message), { current: p.page, total: p.total_pages }) : null;
  }

  private get pageSeo(): Obj { return subHash(this.page.seo); }
  private get siteSocial(): Obj { return subHash(this.site.social); }
  get homepageOrAbout(): boolean { return HOMEPAGE_OR_ABOUT.test(toS(this.page.url)); }

  get name(): string | null {
    return this.once("name", () => {
      if (truthy(this.pageSeo.name)) {
        const n = this.formatString(this.pageSeo.name);
        if (n) return n;
      }
      if (!this.homepageOrAbout) return null;
      if (truthy(this.siteSocial.name)) return this.formatString(this.siteSocial.name);
      return this.siteTitle;
    });
  }

  get description(): string | null {
    return this.once("description", () => this.formatString(or(this.page.description, this.page.excerpt)) ?? this.siteDescription);
  }

  /** AuthorDrop's author hash: page.author, page.authors[0], site.author (first non-empty to_s). */
  get author(): Obj {
    return this.once("author", () => {
      const sources: unknown[] = [this.page.author];
      if (Array.isArray(this.page.authors)) sources.push(this.page.authors[0]);
      sources.push(this.site.author);
      const resolved = sources.find((s) => toS(s) !== "");
      if (isHash(resolved)) return resolved as Obj;
      if (typeof resolved === "string") {
        const authors = prop(this.site, "data", "authors");
        // `site.data["authors"][author_name]`: a String key only (YAML's `5:` is an Integer).
        const found = hashIndex(authors, resolved);
        const data = isHash(found) ? (found as Obj) : {};
        return { name: resolved, ...data };
      }
      return {};
    });
  }

  get authorName(): unknown { return this.author.name ?? null; }

  get authorTwitter(): string | null {
    const t = or(this.author.twitter, this.author.name);
    return typeof t === "string" ? t.replace(/^@/, "") : null;
  }

  /** ImageDrop: its hash (path first) and its escaped absolute path. */
  get image(): { hash: Obj; path: unknown } | null {
    return this.once("image", () => {
      const meta = this.page.image;
      const hash: Obj = isHash(meta) ? { path: null, ...(meta as Obj) } : typeof meta === "string" ? { path: meta } : { path: null };
      const raw = or(hash.path, hash.facebook, hash.twitter);
      if (raw === null || raw === undefined || raw === false) return null;
      const abs = typeof raw === "string" && !isAbsoluteUri(raw) ? this.f.absoluteUrl(raw) : raw;
      if (abs === null || abs === undefined || abs === false) return null;
      const path = this.f.uriEscape(abs);
      if (path === null || path === undefined) return null;
      return { hash, path };
    });
  }

  get dateModified(): string | null {
    const date = or(this.pageSeo.date_modified, this.page.last_modified_at, this.page.date);
    return truthy(date) ? this.f.dateToXmlschema(date) : null;
  }

  get datePublished(): string | null {
    return truthy(this.page.date) ? this.f.dateToXmlschema(this.page.date) : null;
  }

  get type(): unknown {
    if (truthy(this.pageSeo.type)) return this.pageSeo.type;
    if (this.homepageOrAbout) return "WebSite";
    if (truthy(this.page.date)) return "BlogPosting";
    return "WebPage";
  }

  get links(): unknown {
    if (truthy(this.pageSeo.links)) return this.pageSeo.links;
    if (this.homepageOrAbout && truthy(this.siteSocial.links)) return this.siteSocial.links;
    return null;
  }

  get logo(): unknown {
    const logo = this.site.logo;
    if (!truthy(logo)) return null;
    // Drop#logo asks UrlHelper#absolute_url? first, whose Addressable::URI.parse takes a String
    // only: a logo of another class (`logo: 5`) fails the build ("Can't convert Integer into
    // String."), which uri_escape reports with the same words.
    return this.f.uriEscape(typeof logo === "string" && !isAbsoluteUri(logo) ? this.f.absoluteUrl(logo) : logo);
  }

  get locale(): string {
    const lang = or(this.page.lang, this.site.lang, "en_US");
    // Drop#page_locale calls String#tr on the value: a locale (or lang) of another class
    // (`locale: [en]`, `lang: 4`) fails the build with Ruby's NoMethodError.
    const locale = or(this.page.locale, this.site.locale, lang);
    if (typeof locale !== "string") throw new Error(`undefined method \`tr' for ${inspect(locale)}:${rubyClass(locale)}`);
    return locale.replace(/-/g, "_");
  }

  get canonicalUrl(): string {
    const c = this.page.canonical_url;
    if (toS(c) !== "") return toS(c);
    return toS(this.f.absoluteUrl(this.page.url)).replace(/\/index\.html$/m, "/");
  }

  /** JSONLDDrop#to_json: keys in byte order, nil values left out. */
  jsonLd(): string {
    const author = (() => {
      const a = this.author;
      if (!truthy(a.name)) return null;
      const type = a.type;
      if (truthy(type) && type !== "Person" && type !== "Organization") return null;
      const h: Obj = { "@type": or(type, "Person"), name: a.name };
      if (truthy(a.url)) h.url = a.url;
      return h;
    })();
    const image = (() => {
      const img = this.image;
      if (!img) return null;
      // A plain string image is a drop with one key: the JSON has just the URL.
      const keys = new Set(["path", ...Object.keys(img.hash)]);
      if (keys.size === 1) return img.path;
      const h: Obj = {};
      for (const k of keys) if (k !== "path") h[k] = img.hash[k];
      h.url = img.path;
      h["@type"] = "imageObject";
      return h;
    })();
    const type = this.type;
    const logo = this.logo;
    let publisher: Obj | null = null;
    if (truthy(logo)) {
      publisher = { "@type": "Organization", logo: { "@type": "ImageObject", url: logo } };
      if (truthy(this.authorName)) publisher.name = this.authorName;
    }
    const values: Obj = {
      "@context": "https://schema.org",
      "@type": type,
      author,
      dateModified: this.dateModified,
      datePublished: this.datePublished,
      description: this.description,
      headline: this.pageTitle,
      image,
      mainEntityOfPage: type === "BlogPosting" || type === "CreativeWork" ? { "@type": "WebPage", "@id": this.canonicalUrl } : null,
      name: this.name,
      publisher,
      sameAs: this.links,
      url: this.canonicalUrl,
    };
    const out: Obj = {};
    for (const k of Object.keys(values).sort()) if (values[k] !== null && values[k] !== undefined) out[k] = values[k];
    return toJson(out);
  }

  /** The tag's output. */
  render(): string {
    const f = this.f;
    const site = this.site;
    const lines: string[] = [`<!-- Begin Jekyll SEO tag v${SEO_TAG_VERSION} -->`];
    const add = (line: string) => lines.push(line);
    if (this.showTitle) add(`<title>${this.title}</title>`);
    add(`<meta name="generator" content="Jekyll v${JEKYLL_VERSION}" />`);
    const pageTitle = this.pageTitle;
    if (pageTitle) add(`<meta property="og:title" content="${pageTitle}" />`);
    if (truthy(this.authorName)) add(`<meta name="author" content="${toS(this.authorName)}" />`);
    add(`<meta property="og:locale" content="${this.locale}" />`);
    const description = this.description;
    if (description) {
      add(`<meta name="description" content="${description}" />`);
      add(`<meta property="og:description" content="${description}" />`);
    }
    if (truthy(site.url)) {
      add(`<link rel="canonical" href="${this.canonicalUrl}" />`);
      add(`<meta property="og:url" content="${this.canonicalUrl}" />`);
    }
    if (this.siteTitle) add(`<meta property="og:site_name" content="${this.siteTitle}" />`);
    const image = this.image;
    if (image) {
      add(`<meta property="og:image" content="${toS(image.path)}" />`);
      if (truthy(image.hash.height)) add(`<meta property="og:image:height" content="${toS(image.hash.height)}" />`);
      if (truthy(image.hash.width)) add(`<meta property="og:image:width" content="${toS(image.hash.width)}" />`);
      if (truthy(image.hash.alt)) add(`<meta property="og:image:alt" content="${toS(image.hash.alt)}" />`);
    }
    if (truthy(this.page.date)) {
      add('<meta property="og:type" content="article" />');
      add(`<meta property="article:published_time" content="${f.dateToXmlschema(this.page.date)}" />`);
    } else {
      add('<meta property="og:type" content="website" />');
    }
    const pg = this.paginator;
    if (pg && truthy(pg.previous_page)) add(`<link rel="prev" href="${toS(f.absoluteUrl(pg.previous_page_path))}" />`);
    if (pg && truthy(pg.next_page)) add(`<link rel="next" href="${toS(f.absoluteUrl(pg.next_page_path))}" />`);
    if (image) {
      const card = orDefault(orDefault(prop(this.page, "twitter", "card"), prop(site, "twitter", "card")), "summary_large_image");
      add(`<meta name="twitter:card" content="${toS(card)}" />`);
      add(`<meta property="twitter:image" content="${toS(image.path)}" />`);
    } else {
      add('<meta name="twitter:card" content="summary" />');
    }
    if (image && truthy(image.hash.alt)) add(`<meta name="twitter:image:alt" content="${toS(image.hash.alt)}" />`);
    if (pageTitle) add(`<meta property="twitter:title" content="${pageTitle}" />`);
    if (truthy(site.twitter)) {
      add(`<meta name="twitter:site" content="@${toS(prop(site, "twitter", "username")).split("@").join("")}" />`);
      const creator = this.authorTwitter;
      if (creator) add(`<meta name="twitter:creator" content="@${creator.split("@").join("")}" />`);
    }
    if (truthy(site.facebook)) {
      const fb = (k: string) => prop(site, "facebook", k);
      if (truthy(fb("admins"))) add(`<meta property="fb:admins" content="${toS(fb("admins"))}" />`);
      if (truthy(fb("publisher"))) add(`<meta property="article:publisher" content="${toS(fb("publisher"))}" />`);
      if (truthy(fb("app_id"))) add(`<meta property="fb:app_id" content="${toS(fb("app_id"))}" />`);
    }
    if (truthy(site.webmaster_verifications)) {
      const verifications: Array<[string, string]> = [
        ["google", "google-site-verification"], ["bing", "msvalidate.01"], ["alexa", "alexaVerifyID"],
        ["yandex", "yandex-verification"], ["baidu", "baidu-site-verification"], ["facebook", "facebook-domain-verification"],
      ];
      for (const [key, name] of verifications) {
        const v = prop(site, "webmaster_verifications", key);
        if (truthy(v)) add(`<meta name="${name}" content="${toS(v)}" />`);
      }
    } else if (truthy(site.google_site_verification)) {
      add(`<meta name="google-site-verification" content="${toS(site.google_site_verification)}" />`);
    }
    add('<script type="application/ld+json">');
    lines.push(`${this.jsonLd()}</script>`);
    add("<!-- End Jekyll SEO tag -->");
    return `${lines.join("\n")}\n`;
  }
}

registerPlugin({
  name: "jekyll-seo-tag",
  liquidTags(ctx: PluginLiquidContext) {
    const filters = () => filtersFor(ctx.site(), ctx.host);
    return { seo: (markup, lookup) => new SeoValues(markup, lookup, filters()).render() };
  },
});
