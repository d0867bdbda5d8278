// A small, strict reader for the .tar.gz archives GitHub serves for a repository at a ref
// (ustar with pax headers). Written here rather than taken from npm: what a theme archive needs is
// a few dozen lines, and every safety rule is then ours to see and test:
//  - the whole archive is inflated with a cap on its size (zlib stops at the cap), and the number
//    of entries and each file's size are capped too;
//  - an entry name that is absolute, has a ".." segment, a backslash or a NUL refuses the archive;
//  - links are never created: a symbolic or hard link whose target leaves the archive refuses the
//    archive, one that stays inside is skipped (Jekyll ignores symlinked theme files anyway);
//  - devices, FIFOs and other special entries refuse the archive;
//  - a bad header checksum refuses the archive (it is not a tar, or it was cut short).
// Everything is written below one folder the caller made for it, and nowhere else.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { isInside } from "../write/contain.js";

/** node:zlib only when used: every build starts without loading it. */
const zlib = () => createRequire(import.meta.url)("node:zlib") as typeof import("node:zlib");

export interface ExtractLimits {
  /** Most bytes the archive may inflate to. */
  maxTotalBytes: number;
  /** Most bytes one file may hold. */
  maxEntryBytes: number;
  /** Most entries (files, folders, headers). */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntryBytes: 128 * 1024 * 1024,
  maxEntries: 50_000,
};

export class UnsafeArchiveError extends Error {}

export interface ExtractResult {
  files: number;
  folders: number;
  /** Links inside the archive, skipped (never created). */
  skippedLinks: string[];
}

const BLOCK = 512;

function text(buf: Buffer, start: number, length: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString("utf8", start, end >= 0 && end < start + length ? end : start + length);
}

function octal(buf: Buffer, start: number, length: number): number {
  // GNU base-256 for values that do not fit the octal field.
  if (buf[start]! & 0x80) {
    let v = buf[start]! & 0x7f;
    for (let i = 1; i < length; i++) v = v * 256 + buf[start + i]!;
    return v;
  }
  const s = text(buf, start, length).trim();
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) throw new UnsafeArchiveError(`not a tar archive (bad number field "${s}")`);
  return parseInt(s, 8);
}

function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum === octal(header, 148, 8);
}

/** The records of a pax extended header ("<len> <key>=<value>\n"…). */
function paxRecords(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space < 0) break;
    const len = Number(data.toString("utf8", i, space));
    if (!Number.isInteger(len) || len <= 0 || i + len > data.length) throw new UnsafeArchiveError("malformed pax header");
    const record = data.toString("utf8", space + 1, i + len - 1);
    const eq = record.indexOf("=");
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    i += len;
  }
  return out;
}

/** An entry name as a list of segments, refusing every form that could leave the folder. */
function safeSegments(name: string): string[] {
  if (name.includes("\0") || name.includes("\\")) throw new UnsafeArchiveError(`unsafe entry name ${JSON.stringify(name)}`);
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) throw new UnsafeArchiveError(`absolute entry name ${JSON.stringify(name)}`);
  const segments = name.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) throw new UnsafeArchiveError(`entry name ${JSON.stringify(name)} climbs out of the archive`);
  return segments;
}

/** Whether a link target, resolved from the link's own folder, stays inside the archive. */
function linkStaysInside(entrySegments: string[], target: string, hard: boolean): boolean {
  if (target.startsWith("/") || /^[A-Za-z]:/.test(target) || target.includes("\\")) return false;
  const stack = hard ? [] : entrySegments.slice(0, -1);
  for (const s of target.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") {
      if (stack.length === 0) return false;
      stack.pop();
    } else stack.push(s);
  }
  return true;
}

/**
 * Extracts a .tar.gz held in memory into `dest` (an empty folder the caller made), dropping the
 * first path segment of every entry (GitHub's archives put everything in REPO-REF/). Throws
 * UnsafeArchiveError for anything the rules above refuse; `dest` may then hold a part of the
 * archive, and the caller removes it.
 */
export function extractTarGz(gz: Buffer, dest: string, limits: ExtractLimits = DEFAULT_LIMITS, stripComponents = 1): ExtractResult {
  let tar: Buffer;
  try {
    tar = zlib().gunzipSync(gz, { maxOutputLength: limits.maxTotalBytes });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) {
      throw new UnsafeArchiveError(`the archive inflates to more than ${limits.maxTotalBytes} bytes`);
    }
    throw new UnsafeArchiveError(`not a gzip archive (${(e as Error).message})`);
  }
  const root = path.resolve(dest);
  const result: ExtractResult = { files: 0, folders: 0, skippedLinks: [] };
  let offset = 0;
  let entries = 0;
  let pax = new Map<string, string>();
  let longName: string | null = null;
  let longLink: string | null = null;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break; // end of archive
    if (++entries > limits.maxEntries) throw new UnsafeArchiveError(`the archive has more than ${limits.maxEntries} entries`);
    if (!checksumOk(header)) throw new UnsafeArchiveError("not a tar archive, or a damaged one (header checksum)");
    const type = String.fromCharCode(header[156]!);
    let size = octal(header, 124, 12);
    if (pax.has("size")) size = Number(pax.get("size"));
    if (!Number.isSafeInteger(size) || size < 0) throw new UnsafeArchiveError("bad entry size");
    if (size > limits.maxEntryBytes) throw new UnsafeArchiveError(`an entry is larger than ${limits.maxEntryBytes} bytes`);
    const dataStart = offset + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.length) throw new UnsafeArchiveError("the archive is cut short");
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    const data = tar.subarray(dataStart, dataEnd);

    // Headers that describe the next entry.
    if (type === "x") { pax = paxRecords(data); continue; }
    if (type === "g") continue; // global pax header (GitHub's holds the commit id)
    if (type === "L") { longName = text(data, 0, data.length); continue; }
    if (type === "K") { longLink = text(data, 0, data.length); continue; }

    const prefix = text(header, 345, 155);
    const rawName = pax.get("path") ?? longName ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    const linkName = pax.get("linkpath") ?? longLink ?? text(header, 157, 100);
    pax = new Map();
    longName = null;
    longLink = null;

    const segments = safeSegments(rawName);
    const kept = segments.slice(stripComponents);
    if (type === "2" || type === "1") {
      if (!linkStaysInside(segments, linkName, type === "1")) {
        throw new UnsafeArchiveError(`link ${JSON.stringify(rawName)} points outside the archive (${JSON.stringify(linkName)})`);
      }
      result.skippedLinks.push(kept.join("/"));
      continue;
    }
    if (type !== "0" && type !== "\0" && type !== "5" && type !== "7") {
      throw new UnsafeArchiveError(`entry ${JSON.stringify(rawName)} is not a file or folder (type ${JSON.stringify(type)})`);
    }
    if (kept.length === 0) continue; // the top folder itself
    const target = path.join(root, ...kept);
    // The containment rule every write follows (write/contain.ts).
    if (!isInside(root, target)) throw new UnsafeArchiveError(`entry ${JSON.stringify(rawName)} lands outside the folder`);
    if (type === "5") {
      fs.mkdirSync(target, { recursive: true });
      result.folders++;
    } else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      // wx: an entry never overwrites what another one wrote (nor follows anything put there).
      try {
        fs.writeFileSync(target, data, { flag: "wx", mode: 0o644 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new UnsafeArchiveError(`entry ${JSON.stringify(rawName)} appears twice`);
        throw e;
      }
      result.files++;
    }
  }
  return result;
}
