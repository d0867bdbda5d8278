// Repository archives (themes) kept in the disk cache: `<cache>/<owner>/<repo>/<ref>/` holds the
// repository's files at that ref. A folder there is complete by construction: the archive is
// downloaded into memory, checked and extracted into a temporary folder beside it (tar.ts), and
// only then renamed into place, so an interrupted download or a refused archive never becomes the
// cache. A cached folder is used as it is, online or offline; delete it to download again.
//
// Downloads come from BUILD_SITE_ARCHIVE_BASE (default https://codeload.github.com), as
// `<base>/<owner>/<repo>/tar.gz/<ref>`, so tests serve archives from a loopback server.
// BUILD_SITE_OFFLINE=1 forbids downloading. The download runs on a thread of its own while the
// synchronous build waits for it (BlockingWorker), with a size cap and a deadline.
import fs from "node:fs";
import path from "node:path";
import { BlockingWorker } from "../blocking-worker.js";
import { BuildError } from "../errors.js";
import { DOWNLOAD_PENDING, type DownloadReply } from "./download-protocol.js";
import { DEFAULT_LIMITS, UnsafeArchiveError, extractTarGz, type ExtractLimits } from "./tar.js";

export interface ArchiveKey {
  owner: string;
  repo: string;
  /** Branch, tag or commit; "HEAD" is the default branch. */
  ref: string;
}

const DEFAULT_BASE = "https://codeload.github.com";
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
/** The compressed archive's cap (GitHub's archives of the largest Jekyll themes are a few MB). */
const MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024;

export function archiveBaseUrl(): string {
  return (process.env.BUILD_SITE_ARCHIVE_BASE || DEFAULT_BASE).replace(/\/+$/, "");
}

export function archiveUrl(key: ArchiveKey): string {
  const ref = key.ref.split("/").map(encodeURIComponent).join("/");
  return `${archiveBaseUrl()}/${encodeURIComponent(key.owner)}/${encodeURIComponent(key.repo)}/tar.gz/${ref}`;
}

/** One path segment that cannot be empty, ".", ".." or hold a separator, whatever the name ("v1.0" stays "v1.0", "a/b" becomes "a%2f"…). */
function segment(name: string): string {
  const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  const s = name.replace(/[^A-Za-z0-9._-]/g, hex);
  return s === "" ? "%" : /^\.+$/.test(s) ? s.replace(/\./g, hex) : s;
}

export class ArchiveCache {
  constructor(
    readonly root: string,
    private readonly limits: ExtractLimits = DEFAULT_LIMITS,
  ) {}

  folderFor(key: ArchiveKey): string {
    return path.join(this.root, segment(key.owner), segment(key.repo), segment(key.ref));
  }

  /** The cached folder for `key`, if a complete one is there. */
  lookup(key: ArchiveKey): string | null {
    const dir = this.folderFor(key);
    return complete(dir) ? dir : null;
  }

  /** Downloads and extracts `key` into the cache (synchronously); `what` names it in messages. */
  fetch(key: ArchiveKey, what: string): string {
    const dir = this.folderFor(key);
    const url = archiveUrl(key);
    const missing = (why: string, hint?: string) => new BuildError(`${what} is not in the cache (${path.relative(process.cwd(), dir) || dir}) and could not be downloaded from ${url}: ${why}`, {
      hint: hint ?? "Connect to the internet and build once: the archive is kept in the cache and used offline from then on.",
    });
    if (process.env.BUILD_SITE_OFFLINE === "1") throw missing("BUILD_SITE_OFFLINE=1 forbids downloading");
    const reply = download(url);
    if (!reply.ok) {
      throw missing(reply.message, reply.status === 404 ? "Check the owner, repository and ref: GitHub has no archive for them." : undefined);
    }
    this.install(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength), dir, what);
    return dir;
  }

  /** Extracts `archive` for `dir` in a temporary folder beside it, then renames it into place. */
  install(archive: Buffer, dir: string, what: string): void {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const temp = fs.mkdtempSync(path.join(path.dirname(dir), `.partial-${path.basename(dir)}-`));
    try {
      extractTarGz(archive, temp, this.limits);
      if (fs.readdirSync(temp).length === 0) throw new UnsafeArchiveError("the archive holds no files");
      try {
        fs.renameSync(temp, dir);
      } catch (e) {
        // Another build put the same archive there first: use theirs.
        if (!complete(dir)) throw e;
      }
    } catch (e) {
      if (e instanceof UnsafeArchiveError) {
        throw new BuildError(`${what}: the downloaded archive was refused: ${e.message}`, { hint: "Nothing was written outside the cache; the archive was not kept." });
      }
      throw e;
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
    }
  }
}

function complete(dir: string): boolean {
  const st = fs.lstatSync(dir, { throwIfNoEntry: false });
  return !!st?.isDirectory() && fs.readdirSync(dir).length > 0;
}

function download(url: string): DownloadReply {
  const worker = new BlockingWorker(new URL("./download-worker.js", import.meta.url), { url, maxBytes: MAX_DOWNLOAD_BYTES, timeoutMs: DOWNLOAD_TIMEOUT_MS }, {}, DOWNLOAD_PENDING);
  try {
    // A little beyond the worker's own deadline, which it reports itself.
    if (!worker.waitWhile((v) => v === DOWNLOAD_PENDING, DOWNLOAD_TIMEOUT_MS + 30_000) && !worker.failed) {
      return { ok: false, message: "the download did not finish in time" };
    }
    return worker.receive<DownloadReply>() ?? { ok: false, message: "the download thread stopped without an answer" };
  } finally {
    worker.terminate();
  }
}
