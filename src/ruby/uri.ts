// URL helpers Jekyll's filters get from Ruby: Addressable::URI#normalize (relative_url,
// absolute_url), Addressable::URI.normalize_component (uri_escape) and CGI.escape (cgi_escape,
// url_encode).

import { domainToASCII } from "node:url";
const UNRESERVED = /[A-Za-z0-9\-._~]/;
const SUB_DELIMS = "!$&'()*+,;=";
const RESERVED = ":/?#[]@" + SUB_DELIMS;

function utf8Percent(ch: string): string {
  let out = "";
  for (const b of Buffer.from(ch, "utf8")) out += "%" + b.toString(16).toUpperCase().padStart(2, "0");
  return out;
}

/**
 * Percent-encodes every character outside `allowed` (and outside the unreserved set), after
 * decoding existing `%XX` escapes of unreserved characters and upcasing the rest, as
 * Addressable's normalisation does.
 */
function normalizeComponent(s: string, allowed: string, decodeAll: boolean): string {
  let out = "";
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === "%" && /^[0-9A-Fa-f]{2}$/.test((chars[i + 1] ?? "") + (chars[i + 2] ?? ""))) {
      const code = parseInt(chars[i + 1]! + chars[i + 2]!, 16);
      const decoded = String.fromCharCode(code);
      i += 2;
      if (code < 0x80 && (UNRESERVED.test(decoded) || (decodeAll && allowed.includes(decoded)))) out += decoded;
      else out += "%" + code.toString(16).toUpperCase().padStart(2, "0");
      continue;
    }
    if (UNRESERVED.test(ch) || allowed.includes(ch)) out += ch;
    else out += utf8Percent(ch);
  }
  return out;
}

/** Addressable::URI.normalize_component with its default class (reserved + unreserved): `uri_escape`. */
export function uriEscape(s: string): string {
  return normalizeComponent(s, RESERVED, true);
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
  const bytes: number[] = [];
  const buf = Buffer.from(s.replace(/\+/g, " "), "utf8");
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0x25 && i + 2 < buf.length + 0 && /^[0-9A-Fa-f]{2}$/.test(String.fromCharCode(buf[i + 1]!, buf[i + 2]!))) {
      bytes.push(parseInt(String.fromCharCode(buf[i + 1]!, buf[i + 2]!), 16));
      i += 2;
    } else bytes.push(buf[i]!);
  }
  return Buffer.from(bytes).toString("utf8");
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
  let p = normalizeComponent(path, SUB_DELIMS + ":@/", false);
  if (scheme || authority !== undefined || p.startsWith("/")) p = removeDotSegments(p);
  if (authority !== undefined && p === "") p = "/";
  out += p;
  // An empty query or fragment normalizes to none (Addressable's normalized_query and
  // normalized_fragment give nil for ""): `/tags/#` → `/tags/`, `/a?` → `/a`.
  const q = query === undefined ? "" : normalizeComponent(query, SUB_DELIMS + ":@/?", false);
  if (q !== "") out += "?" + q;
  const f = fragment === undefined ? "" : normalizeComponent(fragment, SUB_DELIMS + ":@/?", false);
  if (f !== "") out += "#" + f;
  return out;
}
