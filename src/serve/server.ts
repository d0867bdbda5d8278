// The preview server of `build-site serve`: serves the built site from `root` under `baseurl`
// like GitHub Pages (and `jekyll serve`) would, and pushes reload / error events to open pages.
//
// Differences from `jekyll serve` (WEBrick), on purpose:
// - `Cache-Control: no-cache` plus ETag/Last-Modified instead of Jekyll's `no-store`: the browser
//   still revalidates every request (so edits always show), but unchanged files cost a 304.
// - `/` redirects to baseurl when one is set (Jekyll mounts the site at baseurl and 404s `/`).
// - Live reload uses Server-Sent Events on the same port, not a second LiveReload port.
// Same as Jekyll: the site's `404.html` is the body of every 404 (Jekyll patches WEBrick's
// `create_error_page` to read `<destination>/404.html` when it exists), and text types carry a
// charset (see mime.ts).

import * as http from "node:http";
import * as https from "node:https";
import { promises as fsp } from "node:fs";
import { randomBytes } from "node:crypto";
import * as path from "node:path";
import type { AddressInfo } from "node:net";
import { BuildError } from "../errors.js";
import { contentTypeFor, isHtmlPage } from "./mime.js";
import { findInside, normalizeBaseurl, resolveRequest } from "./resolve.js";
import { etagFor, ifRangeMatches, isNotModified, parseRange } from "./conditional.js";
import { renderListing } from "./listing.js";
import { EVENTS_PATH, LIVERELOAD_SNIPPET, injectLiveReload } from "./livereload.js";

export interface PreviewServerOptions {
  root: string;
  baseurl: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  livereload: boolean;
  /** `--show-dir-listing`: a folder's URL lists its files instead of serving its index.html. */
  showDirListing?: boolean;
  /** `--ssl-cert`/`--ssl-key`: serve over HTTPS with this certificate and private key (PEM). */
  tls?: { cert: Buffer; key: Buffer };
}

export interface BuildErrorReport {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface PreviewServer {
  readonly url: string; // e.g. http://127.0.0.1:4000/base/
  /**
   * Tell open pages a rebuild finished: "css" swaps stylesheets in place, "page" reloads.
   * `changedPaths` are output paths relative to root (`assets/css/main.css`), or absolute paths
   * inside root; with "css" only the matching <link>s are swapped (all same-origin ones when none
   * matches, e.g. when source paths are passed).
   */
  reload(kind: "page" | "css", changedPaths?: string[]): void;
  /** Show a build error in every open page as an overlay (and keep serving the last good files). */
  showError(error: BuildErrorReport): void;
  clearError(): void;
  close(): Promise<void>;
}

/** Sent every so often so that proxies keep the stream open and dead sockets are noticed. */
const HEARTBEAT_MS = 20_000;

const BASE_HEADERS = {
  "Cache-Control": "no-cache",
  "X-Content-Type-Options": "nosniff",
} as const;

function hostForUrl(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === "EADDRINUSE") {
    return new BuildError(`Port ${port} on ${host} is already in use.`, {
      hint: `Stop the other server, or choose another port with --port (e.g. --port ${port + 1}).`,
      cause: error,
    });
  }
  if (error.code === "EACCES") {
    return new BuildError(`Not allowed to listen on port ${port} on ${host}.`, {
      hint: "Ports below 1024 need extra privileges; choose another port with --port (e.g. --port 4000).",
      cause: error,
    });
  }
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") {
    return new BuildError(`Cannot listen on host ${host}: no such local address.`, {
      hint: "Choose another address with --host (e.g. --host 127.0.0.1).",
      cause: error,
    });
  }
  return error;
}

/**
 * URL paths (`/base/assets/main.css`) of changed outputs, for the client to match <link> hrefs.
 * Relative paths are taken relative to root; absolute paths are accepted when they are inside root
 * and dropped otherwise (source paths, say) — with nothing to match, the client refreshes every
 * same-origin stylesheet, which is always correct, only less targeted.
 */
export function outputUrlPaths(root: string, baseurl: string, changedPaths: string[]): string[] {
  const absoluteRoot = path.resolve(root);
  const urls: string[] = [];
  for (const changed of changedPaths) {
    let relative = changed;
    if (path.isAbsolute(changed)) {
      relative = path.relative(absoluteRoot, changed);
      if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) continue;
    }
    urls.push(`${normalizeBaseurl(baseurl)}/${relative.split(path.sep).join("/").replace(/\\/g, "/").replace(/^\/+/, "")}`);
  }
  return urls;
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const baseurl = normalizeBaseurl(options.baseurl);
  const instanceId = randomBytes(8).toString("hex");
  const clients = new Set<http.ServerResponse>();
  let currentError: BuildErrorReport | null = null;

  function send(res: http.ServerResponse, event: string, payload: unknown): void {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  }
  function broadcast(event: string, payload: unknown): void {
    for (const res of clients) send(res, event, payload);
  }

  function plain(res: http.ServerResponse, status: number, text: string, extra: http.OutgoingHttpHeaders = {}): void {
    const body = Buffer.from(`${text}\n`);
    res.writeHead(status, { ...BASE_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length, ...extra });
    res.end(res.req.method === "HEAD" ? undefined : body);
  }

  function htmlBody(buffer: Buffer): Buffer {
    return options.livereload ? injectLiveReload(buffer) : buffer;
  }

  async function notFound(res: http.ServerResponse): Promise<void> {
    const page = await findInside(options.root, ["404.html"]);
    if (page !== null) {
      try {
        const body = htmlBody(await fsp.readFile(page));
        res.writeHead(404, { ...BASE_HEADERS, "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
        res.end(res.req.method === "HEAD" ? undefined : body);
        return;
      } catch {
        // Removed between lookup and read (a rebuild swapped _site): fall back to plain text.
      }
    }
    plain(res, 404, "404 Not Found");
  }

  function openEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    res.write("retry: 1000\n\n");
    send(res, "hello", { id: instanceId });
    // A page opened while the build is broken shows the overlay at once.
    if (currentError !== null) send(res, "build-error", currentError);
    clients.add(res);
    req.on("close", () => clients.delete(res));
  }

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): Promise<void> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, "r");
    } catch {
      return notFound(res); // gone since it was resolved (rebuild in progress)
    }
    let handedOff = false;
    try {
      // Stat the open handle, so validators describe exactly the bytes we send.
      const stats = await handle.stat({ bigint: true });
      if (!stats.isFile()) return notFound(res);
      const mtimeMs = Number(stats.mtimeMs);
      const inject = options.livereload && isHtmlPage(file);
      const etag = etagFor(stats, inject ? LIVERELOAD_SNIPPET : "");
      const headers: http.OutgoingHttpHeaders = {
        ...BASE_HEADERS,
        "Content-Type": contentTypeFor(file),
        ETag: etag,
        "Last-Modified": new Date(mtimeMs).toUTCString(),
      };

      if (isNotModified(req.headers, etag, mtimeMs)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }

      if (inject) {
        // The injected page is a different byte sequence from the file, so no ranges on it.
        const body = injectLiveReload(await handle.readFile());
        res.writeHead(200, { ...headers, "Content-Length": body.length });
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      }

      const size = Number(stats.size);
      headers["Accept-Ranges"] = "bytes";
      const ifRange = req.headers["if-range"];
      const range = ifRangeMatches(Array.isArray(ifRange) ? ifRange[0] : ifRange, etag, mtimeMs) ? parseRange(req.headers.range, size) : null;
      if (range === "unsatisfiable") {
        plain(res, 416, "416 Range Not Satisfiable", { "Content-Range": `bytes */${size}`, ETag: etag });
        return;
      }
      const start = range === null ? 0 : range.start;
      const end = range === null ? size - 1 : range.end;
      if (range !== null) headers["Content-Range"] = `bytes ${start}-${end}/${size}`;
      res.writeHead(range === null ? 200 : 206, { ...headers, "Content-Length": end - start + 1 });
      if (req.method === "HEAD" || size === 0) {
        res.end();
        return;
      }
      const stream = handle.createReadStream({ start, end, autoClose: true });
      handedOff = true;
      stream.on("error", () => res.destroy());
      res.on("close", () => stream.destroy());
      stream.pipe(res);
    } finally {
      if (!handedOff) await handle.close().catch(() => undefined);
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const target = req.url ?? "/";
    if (req.method !== "GET" && req.method !== "HEAD") {
      plain(res, 405, "405 Method Not Allowed", { Allow: "GET, HEAD" });
      return;
    }
    const pathOnly = target.split(/[?#]/, 1)[0];
    if (options.livereload && pathOnly === EVENTS_PATH) {
      openEvents(req, res);
      return;
    }
    const resolution = await resolveRequest(options.root, baseurl, target, { directoryIndex: !options.showDirListing });
    switch (resolution.kind) {
      case "file":
        return serveFile(req, res, resolution.path);
      case "directory": {
        const body = htmlBody(Buffer.from(await renderListing(resolution.path, decodeURIComponent(pathOnly ?? "/"))));
        res.writeHead(200, { ...BASE_HEADERS, "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      }
      case "redirect":
        plain(res, resolution.status, `Moved to ${resolution.location}`, { Location: resolution.location });
        return;
      case "forbidden":
        plain(res, 403, "403 Forbidden");
        return;
      case "bad-request":
        plain(res, 400, "400 Bad Request");
        return;
      case "not-found":
        return notFound(res);
    }
  }

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch(() => {
      // Never leak paths or stacks to the browser; the request simply fails.
      if (!res.headersSent) plain(res, 500, "500 Internal Server Error");
      else res.destroy();
    });
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : http.createServer(onRequest);

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, options.host, options.port));
    server.once("error", onError);
    server.listen(options.port, options.host, () => {
      server.off("error", onError);
      resolve();
    });
  });

  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(": ping\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const port = (server.address() as AddressInfo).port;
  const url = `${options.tls ? "https" : "http"}://${hostForUrl(options.host)}:${port}${baseurl}/`;
  let closed: Promise<void> | null = null;

  return {
    url,
    reload(kind, changedPaths = []) {
      broadcast("reload", { kind, paths: outputUrlPaths(options.root, baseurl, changedPaths) });
    },
    showError(error) {
      currentError = { message: error.message, file: error.file, line: error.line, column: error.column };
      broadcast("build-error", currentError);
    },
    clearError() {
      if (currentError === null) return;
      currentError = null;
      broadcast("clear", {});
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const res of clients) res.end();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
