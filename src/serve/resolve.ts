// Maps a request URL to a file under the served root, the way GitHub Pages and `jekyll serve`
// resolve them, and refuses anything that could reach outside the root.
//
// Resolution order for `/a/b` (Jekyll 4.3.1 lib/jekyll/commands/serve/servlet.rb documents it as
// "/file.* > /file/index.html > /file.html", which is also what GitHub Pages does):
//   1. a file `a/b`                                  → that file
//   2. a directory `a/b` with an index file          → 301 to `/a/b/` (then its index)
//   3. a file `a/b.html` (or `a/b.xhtml`, as Jekyll) → that file ("pretty" URLs without permalinks)
//   4. otherwise                                      → not found
// `/a/b/` (trailing slash) only looks for the directory's index: `a/b.html` is not tried, and a
// plain file requested with a trailing slash is not found (GitHub Pages answers 404 there too).
//
// Security: the URL is split on raw `/` *before* percent-decoding, and any segment that decodes to
// `.`/`..` or contains `/`, `\` or NUL is refused, so `%2e%2e`, `%2f` and `..%5c` cannot climb out.
// A raw backslash anywhere is refused as well (some clients and servers treat it as a separator).
// Double encoding (`%252e`) decodes once to the literal name `%2e`, which is just a file name.
// Finally every candidate goes through realpath() and must stay inside realpath(root), which stops
// symlinks that point out of the tree.

import { promises as fsp, type Stats } from "node:fs";
import * as path from "node:path";

export type Resolution =
  | { kind: "file"; path: string }
  /** Only with `directoryIndex: false` (`--show-dir-listing`): a folder, to be listed. */
  | { kind: "directory"; path: string }
  | { kind: "redirect"; status: 301 | 302; location: string }
  | { kind: "forbidden" }
  | { kind: "bad-request" }
  | { kind: "not-found" };

/** Index files tried for a directory, in order (GitHub Pages serves index.html, then index.htm…). */
const INDEX_FILES = ["index.html", "index.htm", "index.xhtml"];
/** Extensions tried for an extension-less URL, in Jekyll's servlet order. */
const PAGE_EXTENSIONS = [".html", ".xhtml"];

/** `""` for a site at the host root, otherwise `/a/b` (leading slash, no trailing slash). */
export function normalizeBaseurl(baseurl: string): string {
  const trimmed = baseurl.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "" : `/${trimmed}`;
}

interface ParsedPath {
  /** The path part of the request target, still percent-encoded (used to build redirects). */
  rawPath: string;
  /** `?…` including the question mark, or "". */
  query: string;
  /** Decoded, non-empty segments. */
  segments: string[];
  trailingSlash: boolean;
}

/** Splits and decodes a request target; refuses traversal and encoded separators. */
export function parseRequestTarget(target: string): ParsedPath | "forbidden" | "bad-request" {
  if (!target.startsWith("/")) return "bad-request";
  const hashAt = target.indexOf("#");
  const withoutHash = hashAt < 0 ? target : target.slice(0, hashAt);
  const queryAt = withoutHash.indexOf("?");
  const rawPath = queryAt < 0 ? withoutHash : withoutHash.slice(0, queryAt);
  const query = queryAt < 0 ? "" : withoutHash.slice(queryAt);
  if (rawPath.includes("\\")) return "forbidden";
  const segments: string[] = [];
  for (const raw of rawPath.split("/")) {
    if (raw === "") continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return "bad-request";
    }
    if (decoded === "." || decoded === ".." || /[/\\\0]/.test(decoded)) return "forbidden";
    segments.push(decoded);
  }
  return { rawPath, query, segments, trailingSlash: rawPath.endsWith("/") };
}

type Found = { real: string; stats: Stats } | "outside" | null;

/** realpath + containment check + stat. `null` when the path does not exist. */
async function statInside(realRoot: string, candidate: string): Promise<Found> {
  let real: string;
  try {
    real = await fsp.realpath(candidate);
  } catch {
    // ENOENT, ENOTDIR, ELOOP, EACCES: nothing we may serve.
    return null;
  }
  if (real !== realRoot && !real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)) {
    return "outside";
  }
  try {
    return { real, stats: await fsp.stat(real) };
  } catch {
    return null;
  }
}

/** realpath(root), or null while the site has not been built yet. */
export async function realRootOf(root: string): Promise<string | null> {
  try {
    return await fsp.realpath(root);
  } catch {
    return null;
  }
}

/** Looks a file up by its path relative to root (used for `404.html`), with the same checks. */
export async function findInside(root: string, relative: string[]): Promise<string | null> {
  const realRoot = await realRootOf(root);
  if (realRoot === null) return null;
  const found = await statInside(realRoot, path.join(realRoot, ...relative));
  return found !== null && found !== "outside" && found.stats.isFile() ? found.real : null;
}

/**
 * Resolves a request target (`req.url`) against `root` served under `baseurl`. With
 * `directoryIndex: false` a folder resolves to itself instead of its index file, as WEBrick's
 * empty DirectoryIndex makes `jekyll serve --show-dir-listing` list it.
 */
export async function resolveRequest(root: string, baseurl: string, target: string, { directoryIndex = true } = {}): Promise<Resolution> {
  const parsed = parseRequestTarget(target);
  if (parsed === "forbidden" || parsed === "bad-request") return { kind: parsed };

  const base = parseRequestTarget(normalizeBaseurl(baseurl) || "/");
  const baseSegments = typeof base === "string" ? [] : base.segments;
  const { segments } = parsed;
  const insideBase = baseSegments.every((s, i) => segments[i] === s);
  if (!insideBase) {
    // `jekyll serve` mounts the site at baseurl and 404s the host root; we redirect the bare root
    // instead, because that is the URL people type.
    if (segments.length === 0) return { kind: "redirect", status: 302, location: `${normalizeBaseurl(baseurl)}/` };
    return { kind: "not-found" };
  }
  const relative = segments.slice(baseSegments.length);

  const realRoot = await realRootOf(root);
  if (realRoot === null) return { kind: "not-found" };
  const target0 = await statInside(realRoot, path.join(realRoot, ...relative));
  if (target0 === "outside") return { kind: "forbidden" };

  if (target0 !== null && target0.stats.isFile()) {
    return parsed.trailingSlash ? { kind: "not-found" } : { kind: "file", path: target0.real };
  }

  if (target0 !== null && target0.stats.isDirectory() && !directoryIndex) {
    if (!parsed.trailingSlash) return { kind: "redirect", status: 301, location: `${parsed.rawPath}/${parsed.query}` };
    return { kind: "directory", path: target0.real };
  }

  if (target0 !== null && target0.stats.isDirectory()) {
    for (const index of INDEX_FILES) {
      const found = await statInside(realRoot, path.join(target0.real, index));
      if (found === "outside") return { kind: "forbidden" };
      if (found === null || !found.stats.isFile()) continue;
      if (!parsed.trailingSlash) {
        return { kind: "redirect", status: 301, location: `${parsed.rawPath}/${parsed.query}` };
      }
      return { kind: "file", path: found.real };
    }
  }

  if (!parsed.trailingSlash && relative.length > 0) {
    const last = relative[relative.length - 1]!;
    const dir = path.join(realRoot, ...relative.slice(0, -1));
    for (const ext of PAGE_EXTENSIONS) {
      const found = await statInside(realRoot, path.join(dir, last + ext));
      if (found === "outside") return { kind: "forbidden" };
      if (found !== null && found.stats.isFile()) return { kind: "file", path: found.real };
    }
  }
  return { kind: "not-found" };
}
