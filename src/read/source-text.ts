// Reading a text source (page, post, layout, include, data file) the way Jekyll does, with
// build-site's bounds:
//  - the file is read as the site's `encoding` (default UTF-8, a leading BOM dropped, as Ruby's
//    "bom|utf-8"); invalid UTF-8 is an error naming the line and column of the first bad byte
//    (Jekyll fails there too: "invalid byte sequence in UTF-8", or kramdown's "invalid characters
//    for the used encoding"), where Node would quietly put U+FFFD in the page;
//  - a file larger than build_site.limits.file_mb is refused before it is read.
import fs from "node:fs";
import { isUtf8 } from "node:buffer";
import { raiseHint } from "../config/limits.js";
import { BuildError } from "../errors.js";
import type { Site } from "../site/site.js";
import { specialKind } from "./special-file.js";

export interface SourceTextOptions {
  /** The file as the user should see it. */
  display: string;
  maxBytes: number;
  /** The site's `encoding:` (Jekyll's default "utf-8"). */
  encoding?: string;
}

/**
 * A source file this user may not read. Jekyll stops with `Permission denied @ rb_sysopen - …
 * (Errno::EACCES)` and a backtrace (ERRORS.md); build-site stops too, naming it.
 */
export function unreadableFile(display: string): BuildError {
  return new BuildError("this file cannot be read (permission denied)", {
    file: display,
    hint: "Give your user read permission on it (chmod u+r), or remove it from the site (or exclude it).",
  });
}

/** Whether an error from opening a file is a permission refused. */
export function isPermissionDenied(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === "EACCES" || code === "EPERM";
}

function readBounded(abs: string, options: SourceTextOptions): Buffer {
  // O_NONBLOCK: opening a named pipe does not wait for a writer (special-file.ts); for a file it
  // changes nothing.
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    if (!isPermissionDenied(e)) throw e;
    throw unreadableFile(options.display);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      const kind = stat.isDirectory() ? "a folder" : specialKind(stat) ?? "not a regular file";
      throw new BuildError(`this is ${kind}, not a file, and cannot be read`, {
        file: options.display,
        hint: "Replace it with a file, or remove it from the site.",
      });
    }
    const size = stat.size;
    if (size > options.maxBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new BuildError(`the file is ${mb(size)}, more than the ${mb(options.maxBytes)} build-site reads from one source file`, {
        file: options.display,
        hint: `Split it, or move it out of the pages (a file without front matter is copied, not read). ${raiseHint("file_mb", String(options.maxBytes / 1024 / 1024))}`,
      });
    }
    const buf = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, buf, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === size ? buf : buf.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function isUtf8Name(encoding: string | undefined): boolean {
  const e = (encoding ?? "utf-8").toLowerCase().replace(/^bom\|/, "");
  return e === "utf-8" || e === "utf8";
}

/** Where the first invalid UTF-8 sequence starts, as a 1-based line and column. */
export function firstInvalidUtf8(buf: Buffer): { offset: number; line: number; column: number } | null {
  let i = 0;
  let line = 1;
  let lineStart = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      if (b === 0x0a) { line++; lineStart = i + 1; }
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return { offset: i, line, column: i - lineStart + 1 };
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { offset: i, line, column: i - lineStart + 1 };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { offset: i, line, column: i - lineStart + 1 };
    i += need + 1;
  }
  return null;
}

/** The text of a source file (see the header). */
export function readSourceText(abs: string, options: SourceTextOptions): string {
  // Site#file_read_opts takes `encoding` only when it is truthy: `encoding: false` reads UTF-8.
  // (A truthy one that is no String fails in config/load.ts, as Jekyll's downcase does.)
  if (typeof options.encoding !== "string") options = { ...options, encoding: undefined };
  const buf = readBounded(abs, options);
  let text: string;
  if (isUtf8Name(options.encoding)) {
    if (!isUtf8(buf)) {
      const at = firstInvalidUtf8(buf) ?? { offset: 0, line: 1, column: 1 };
      const binary = buf.subarray(0, 8000).includes(0);
      throw new BuildError(
        `not UTF-8: the byte 0x${buf[at.offset]!.toString(16).toUpperCase().padStart(2, "0")} is not valid here (Jekyll: invalid byte sequence in UTF-8)`,
        {
          file: options.display,
          line: at.line,
          column: at.column,
          hint: binary
            ? "This looks like a binary file: remove its front matter (or give it another extension) so it is copied as it is."
            : "Save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), or set `encoding:` in _config.yml to the one it is written in.",
        },
      );
    }
    text = buf.toString("utf8");
  } else {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(options.encoding);
    } catch {
      throw new BuildError(`unknown encoding '${options.encoding}'`, { file: "_config.yml", hint: "Set `encoding:` to utf-8 (the default) or a name such as iso-8859-1." });
    }
    text = decoder.decode(buf);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A source file of the site, read with its encoding and bounds, and recorded as read (serve watches those). */
export function readSiteSource(site: Site, abs: string): string {
  site.readFiles.add(abs);
  return readSourceText(abs, { display: site.displayPath(abs), maxBytes: site.limits.fileBytes, encoding: site.config.encoding as string | undefined });
}
