// Jekyll's URL class: placeholders filled into a template (or a front matter permalink), escaped
// like Addressable::URI.encode, then sanitised ("/" prefix, ".." and "./" removed, "//" squeezed).
import { BuildError } from "../errors.js";
import { inspect, noMethodMessage, toS } from "../ruby/values.js";

/**
 * Characters Addressable leaves alone when encoding a URI's path (RFC 3986 pchar, "/", "?", "#").
 * Not `%`: Addressable::URI.encode encodes it even before two hex digits, so a file named
 * `a%20b.md` is at `/a%2520b.html` and written as `a%20b.html`.
 */
const KEEP = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]/;

/** URL.escape_path: a path of only `[a-zA-Z0-9./-]` stays; otherwise percent-encode, then the first `#`. */
function escapePath(p: string): string {
  if (p === "" || /^[a-zA-Z0-9./-]+$/.test(p)) return p;
  let out = "";
  for (const ch of p) {
    if (KEEP.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, "utf8")) out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out.replace("#", "%23");
}

/** URL.unescape_path: percent-decoding, leaving malformed sequences as they are. */
export function unescapePath(p: string): string {
  if (!p.includes("%")) return p;
  return p.replace(/(%[0-9A-Fa-f]{2})+/g, (seq) => {
    try {
      return decodeURIComponent(seq);
    } catch {
      return seq;
    }
  });
}

export function sanitizeUrl(s: string): string {
  const url = `/${s}`;
  // Each step below changes only a URL containing "..", "./" or "//" (and creates one only from
  // another), so a URL with none of them is already sanitised.
  if (!url.includes("..") && !url.includes("./") && !url.includes("//")) return url;
  return url.split("..").join("/").split("./").join("").replace(/\/{2,}/g, "/");
}

/**
 * URL#generate_url_from_hash (pages and collection static files): placeholders are replaced in
 * their given order; a nil placeholder removes "/:key" instead.
 */
export function urlFromHash(template: string, placeholders: Array<[string, string | null]>): string {
  let result = template;
  for (const [key, value] of placeholders) {
    if (!result.includes(":")) break;
    result = value === null ? result.split(`/:${key}`).join("") : result.split(`:${key}`).join(escapePath(value));
  }
  return result;
}

/**
 * URL#generate_url_from_drop (documents): every `:name` is looked up; `:name_` may fall back to
 * `:name`. An unknown placeholder is an error, as in Jekyll.
 */
export function urlFromDrop(template: string, lookup: (key: string) => string | null | undefined): string {
  return template.replace(/:([a-z_]+)/g, (_m, name: string) => {
    const pool = name.endsWith("_") ? [name, name.replace(/_+$/, "")] : [name];
    for (const key of pool) {
      const v = lookup(key);
      if (v !== undefined) {
        const rest = name.slice(key.length);
        return escapePath(v ?? "") + rest;
      }
    }
    throw new Error(`The URL template doesn't have ${pool.join(" or ")} keys. Check your permalink template!`);
  });
}

/** The NoMethodError Jekyll stops with when a `permalink:` is no String (`method` is the String method it calls first). */
export function permalinkTypeError(permalink: unknown, method: string, file: string | undefined): BuildError {
  return new BuildError(noMethodMessage(method, permalink), {
    file,
    hint: `permalink: is ${inspect(permalink)}, which is not a String in YAML: quote it, e.g. permalink: "/${toS(permalink)}/".`,
  });
}

/**
 * URL#to_s: the permalink when there is one, else the template, placeholders filled, sanitized. An
 * empty permalink counts (Ruby's "" is true): a document (or a page through `defaults`) with
 * `permalink: ""` gets the URL "/" (front matter `permalink: ""` on a page fails before, in
 * Convertible#validate_permalink!).
 */
export function makeUrl(template: string, permalink: unknown, fill: (t: string) => string): string {
  const chosen = typeof permalink === "string" ? permalink : template;
  return sanitizeUrl(fill(chosen));
}

/** Utils.add_permalink_suffix: how a site-wide permalink style ends page and collection URLs. */
export function addPermalinkSuffix(template: string, style: string): string {
  if (style === "pretty") return `${template}/`;
  if (style === "date" || style === "ordinal" || style === "none") return `${template}:output_ext`;
  let t = template;
  if (style.endsWith("/")) t += "/";
  if (style.endsWith(":output_ext")) t += ":output_ext";
  return t;
}
