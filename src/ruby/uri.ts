// URL helpers Jekyll's filters get from Ruby: Addressable::URI#normalize (relative_url,
// absolute_url), Addressable::URI.normalize_component (uri_escape) and CGI.escape (cgi_escape,
// url_encode).

import { domainToASCII } from "node:url";
import { rubyStrip } from "./strings.js";
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const SUB_DELIMS = "!$&'()*+,;=";
const RESERVED = ":/?#[]@" + SUB_DELIMS;
const HEX2 = /^[0-9A-Fa-f]{2}$/;

const percentByte = (b: number) => "%" + b.toString(16).toUpperCase().padStart(2, "0");

function utf8Percent(ch: string): string {
  let out = "";
  for (const b of Buffer.from(ch, "utf8")) out += percentByte(b);
  return out;
}

/** The bytes of `s` with every `%XX` decoded, but those naming a character of `keep`. */
function percentDecode(s: string, keep = ""): Uint8Array {
  const source = Buffer.from(s, "utf8");
  const bytes: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const b = source[i]!;
    if (b === 0x25 && i + 2 < source.length && HEX2.test(String.fromCharCode(source[i + 1]!, source[i + 2]!))) {
      const code = parseInt(String.fromCharCode(source[i + 1]!, source[i + 2]!), 16);
      if (!keep.includes(String.fromCharCode(code))) {
        bytes.push(code);
        i += 2;
        continue;
      }
    }
    bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

const PCHAR = SUB_DELIMS + ":@";
const FRAGMENT = PCHAR + "/?";
// NormalizeCharacterClasses::QUERY: a query pair keeps neither `&` nor `;`, and `%` only in `%2B`.
const QUERY = "!$'()*+,=:@/?";
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Percent-encodes each byte of `text` (a string or raw bytes) outside unreserved and `allowed`. */
function encodeComponent(text: string | Uint8Array, allowed: string): string {
  let out = "";
  if (typeof text !== "string") {
    for (const b of text) {
      const ch = String.fromCharCode(b);
      out += b < 0x80 && (UNRESERVED.test(ch) || allowed.includes(ch)) ? ch : percentByte(b);
    }
    return out;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (UNRESERVED.test(ch) || allowed.includes(ch)) out += ch;
    // The query class keeps the `%` of a `%2B` left encoded (and upcases it).
    else if (ch === "%" && allowed === QUERY && /^2b$/i.test(text.slice(i + 1, i + 3))) { out += "%2B"; i += 2; }
    else {
      const cp = text.codePointAt(i)!;
      const whole = String.fromCodePoint(cp);
      out += utf8Percent(whole);
      i += whole.length - 1;
    }
  }
  return out;
}

/**
 * Addressable::URI.normalize_component: every `%XX` decoded (but those of `leaveEncoded`), the
 * text put in Unicode's NFKC form (`ﬁ` is fi, a full-width `（` is `(`, `%C7%85` is Dž), then each
 * character outside the class percent-encoded, in upper case. Bytes that are not UTF-8 once
 * decoded skip the NFKC step and are encoded against reserved + unreserved, as Addressable's
 * rescue does.
 */
function normalizeComponent(s: string, allowed: string, leaveEncoded = ""): string {
  // ASCII without escapes (most URLs a site builds) is its own NFKC form: only the encoding is left.
  if (!s.includes("%") && /^[\x00-\x7f]*$/.test(s)) return encodeComponent(s, allowed);
  const unencoded = percentDecode(s, leaveEncoded);
  let text: string;
  try {
    text = strictUtf8.decode(unencoded);
  } catch {
    return encodeComponent(unencoded, RESERVED);
  }
  return encodeComponent(text.normalize("NFKC"), allowed);
}

/** Addressable::URI.normalize_component with its default class (reserved + unreserved): `uri_escape`. */
export function uriEscape(s: string): string {
  return normalizeComponent(s, RESERVED);
}

/** CGI.escape: everything but `a-zA-Z0-9_.-~` percent-encoded, spaces as `+`. */
export function cgiEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch === " ") out += "+";
    else if (/[a-zA-Z0-9_.\-~]/.test(ch)) out += ch;
    else out += utf8Percent(ch);
  }
  return out;
}

/** CGI.unescape: `+` is a space, `%XX` bytes decoded as UTF-8. */
export function cgiUnescape(s: string): string {
  return Buffer.from(percentDecode(s.replace(/\+/g, " "))).toString("utf8");
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * CGI.unescape when its bytes are UTF-8, else null: Ruby's result is then a String whose
 * valid_encoding? is false (Liquid's url_decode refuses it), where cgiUnescape writes U+FFFD.
 */
export function cgiUnescapeValid(s: string): string | null {
  try {
    return STRICT_UTF8.decode(percentDecode(s.replace(/\+/g, " ")));
  } catch {
    return null;
  }
}

/** RFC 3986 remove_dot_segments. */
function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segs = path.split("/");
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s === ".") { if (i === segs.length - 1) out.push(""); continue; }
    if (s === "..") {
      if (out.length > 1 || (out.length === 1 && out[0] !== "")) out.pop();
      if (i === segs.length - 1) out.push("");
      continue;
    }
    out.push(s);
  }
  return out.join("/");
}

/** Schemes whose empty path Addressable normalizes to "/". */
const EMPTY_PATH_IS_ROOT = new Set(["http", "https", "ftp", "tftp"]);

const URI_RE = /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

/** Addressable::URI.parse(s).absolute?: the string has a scheme. */
export function isAbsoluteUri(s: string): boolean {
  const m = URI_RE.exec(s);
  return !!m?.[1];
}

/** Addressable::URI.parse(s).normalize.to_s, for the URLs Jekyll builds. */
export function normalizeUri(s: string): string {
  const m = URI_RE.exec(s);
  if (!m) return s;
  const [, scheme, authority, path = "", query, fragment] = m;
  let out = "";
  if (scheme) out += scheme.toLowerCase() + ":";
  if (authority !== undefined) {
    // Addressable's normalized_host: lower case, and a host with non-ASCII letters in its IDNA
    // (punycode) form (`https://é.com` → `https://xn--9ca.com`); the user info keeps its case.
    const parts = /^((?:[^@]*@)?)(\[[^\]]*\]|[^:]*)(.*)$/.exec(authority)!;
    let name = parts[2].toLowerCase();
    if (/[^\x00-\x7f]/.test(name)) name = domainToASCII(name) || name;
    let host = parts[1] + name + parts[3].toLowerCase();
    if (scheme?.toLowerCase() === "https") host = host.replace(/:443$/, "");
    if (scheme?.toLowerCase() === "http") host = host.replace(/:80$/, "");
    out += "//" + host;
  }
  // Addressable's normalized_path: a first segment with a colon in a URI without a scheme has
  // it escaped; the path stripped as Ruby's String#strip, each segment normalized on its own
  // (so a decoded %2F stays %2F), dot segments removed.
  let rawPath = path;
  if (!scheme && /^(?!\/)[^/:]*:/.test(rawPath)) rawPath = rawPath.replace(":", "%2F");
  let p = rubyStrip(rawPath).split("/").map((segment) => normalizeComponent(segment, PCHAR)).join("/");
  if (scheme || authority !== undefined || p.startsWith("/")) p = removeDotSegments(p);
  if (p === "" && EMPTY_PATH_IS_ROOT.has(scheme?.toLowerCase() ?? "")) p = "/";
  out += p;
  // An empty query or fragment normalizes to none (Addressable's normalized_query and
  // normalized_fragment give nil for ""): `/tags/#` → `/tags/`, `/a?` → `/a`. A query is
  // normalized pair by pair, a `%2B` left encoded.
  const q = query === undefined ? "" : query.split("&").map((pair) => normalizeComponent(pair, QUERY, "+")).join("&");
  if (q !== "") out += "?" + q;
  const f = fragment === undefined ? "" : normalizeComponent(fragment, FRAGMENT);
  if (f !== "") out += "#" + f;
  return out;
}
