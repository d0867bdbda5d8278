// Content types for the files a static site has.
//
// The types are the ones `jekyll serve` sends: Jekyll 4.3.1 ships its own `mime.types`
// (lib/jekyll/mime.types, generated from mime-db), so e.g. `.js` is `application/javascript`,
// `.ico` is `image/vnd.microsoft.icon` and `.mp3` is `audio/mp3` there, and we keep those rather
// than guessing. The charset rule is also Jekyll's (lib/jekyll/commands/serve/mime_types_charset.json):
// `text/*`, `application/javascript`, `application/json` and `application/manifest+json` get
// `; charset=utf-8`; XML types (`application/xml`, `image/svg+xml`, Atom, RSS) do not, because their
// encoding is declared inside the document and a header charset would override it.

const TYPES: Readonly<Record<string, string>> = {
  html: "text/html",
  htm: "text/html",
  xhtml: "application/xhtml+xml",
  css: "text/css",
  js: "application/javascript",
  mjs: "application/javascript",
  json: "application/json",
  map: "application/json",
  webmanifest: "application/manifest+json",
  xml: "application/xml",
  xsl: "application/xml",
  atom: "application/atom+xml",
  rss: "application/rss+xml",
  txt: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  yml: "text/yaml",
  yaml: "text/yaml",
  vtt: "text/vtt",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  ico: "image/vnd.microsoft.icon",
  woff: "font/woff",
  woff2: "font/woff2",
  ttf: "font/ttf",
  otf: "font/otf",
  eot: "application/vnd.ms-fontobject",
  pdf: "application/pdf",
  mp4: "video/mp4",
  webm: "video/webm",
  mp3: "audio/mp3",
  wav: "audio/wav",
  ogg: "audio/ogg",
  wasm: "application/wasm",
  zip: "application/zip",
};

const DEFAULT_TYPE = "application/octet-stream";

/** Non-`text/*` types that are text and get a charset (Jekyll's mime_types_charset.json). */
const TEXTUAL_APPLICATION_TYPES = new Set(["application/javascript", "application/json", "application/manifest+json"]);

/** The bare media type for a file name, by its last extension (case-insensitive). */
export function mediaTypeFor(fileName: string): string {
  const slash = Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\"));
  const base = fileName.slice(slash + 1);
  const dot = base.lastIndexOf(".");
  // No dot, or only a leading one (`.nojekyll`): no extension.
  if (dot <= 0) return DEFAULT_TYPE;
  const ext = base.slice(dot + 1).toLowerCase();
  return Object.prototype.hasOwnProperty.call(TYPES, ext) ? TYPES[ext]! : DEFAULT_TYPE;
}

/** The `Content-Type` header value: the media type plus `; charset=utf-8` for text types. */
export function contentTypeFor(fileName: string): string {
  const type = mediaTypeFor(fileName);
  return type.startsWith("text/") || TEXTUAL_APPLICATION_TYPES.has(type) ? `${type}; charset=utf-8` : type;
}

/** Whether a response of this file is an HTML page the live-reload script may be injected into. */
export function isHtmlPage(fileName: string): boolean {
  // XHTML is excluded on purpose: an inline script that is not well-formed XML would break the page.
  return mediaTypeFor(fileName) === "text/html";
}
