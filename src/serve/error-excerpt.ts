// The source lines around a build error, for serve's error overlay (as Vite's overlay shows the
// code frame). Errors name their file as a user reads it (Site#displayPath): relative to the site
// source, `<theme folder>/…` for a theme's file, or absolute. Only a file inside the source or the
// theme is read, within the site's file-size bound: the overlay never becomes a way to read
// other files.
import { promises as fsp } from "node:fs";
import path from "node:path";

export interface ExcerptLine {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

export interface ExcerptRoots {
  source: string;
  /** The theme's folder, whose files errors name as `<its basename>/…`. */
  themeRoot?: string | null;
  /** Files larger than this are not read. */
  maxBytes: number;
}

/** Lines shown on each side of the error's line. */
const CONTEXT = 3;
/** A longer line (minified CSS, say) is cut here. */
const MAX_LINE_CHARS = 240;

function inside(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

async function real(p: string): Promise<string | null> {
  try {
    return await fsp.realpath(p);
  } catch {
    return null;
  }
}

/** The real path of the file an error names, when it lies inside the source or the theme. */
async function locate(file: string, roots: ExcerptRoots): Promise<string | null> {
  const places: Array<{ root: string; candidate: string }> = [];
  if (path.isAbsolute(file)) {
    places.push({ root: roots.source, candidate: file });
    if (roots.themeRoot) places.push({ root: roots.themeRoot, candidate: file });
  } else {
    places.push({ root: roots.source, candidate: path.resolve(roots.source, file) });
    const prefix = roots.themeRoot ? `${path.basename(roots.themeRoot)}/` : null;
    if (roots.themeRoot && prefix && file.startsWith(prefix)) {
      places.push({ root: roots.themeRoot, candidate: path.resolve(roots.themeRoot, file.slice(prefix.length)) });
    }
  }
  for (const { root, candidate } of places) {
    const realRoot = await real(root);
    const found = await real(candidate);
    if (realRoot && found && found !== realRoot && inside(realRoot, found)) return found;
  }
  return null;
}

/**
 * The lines around `line` of `file` (CONTEXT on each side), or undefined when the file cannot be
 * shown: outside the site, too large, gone, or shorter than `line`.
 */
export async function errorExcerpt(file: string, line: number, roots: ExcerptRoots): Promise<ExcerptLine[] | undefined> {
  if (!Number.isInteger(line) || line < 1) return undefined;
  const found = await locate(file, roots);
  if (!found) return undefined;
  let text: string;
  try {
    const stats = await fsp.stat(found);
    if (!stats.isFile() || stats.size > roots.maxBytes) return undefined;
    text = await fsp.readFile(found, "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split(/\r?\n|\r/);
  // A file that ends with a newline has no line after it.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  if (line > lines.length) return undefined;
  const first = Math.max(1, line - CONTEXT);
  const last = Math.min(lines.length, line + CONTEXT);
  const excerpt: ExcerptLine[] = [];
  for (let n = first; n <= last; n++) {
    const raw = lines[n - 1]!;
    excerpt.push({ number: n, text: raw.length > MAX_LINE_CHARS ? `${raw.slice(0, MAX_LINE_CHARS)}…` : raw });
  }
  return excerpt;
}
