// Answers one HTTP request of the preview server: the event stream goes to the reload hub; any
// other URL is resolved to a file of the built site (resolve.ts) and sent with validators and
// ranges, HTML pages with the live-reload script added.
//
// Differences from `jekyll serve` (WEBrick), on purpose:
// - `Cache-Control: no-cache` plus ETag/Last-Modified instead of Jekyll's `no-store`: the browser
//   still revalidates every request (so edits always show), but unchanged files cost a 304.
// Same as Jekyll: the site's `404.html` is the body of every 404 (Jekyll patches WEBrick's
// `create_error_page` to read `<destination>/404.html` when it exists), and text types carry a
// charset (see mime.ts).
import type * as http from "node:http";
import { promises as fsp } from "node:fs";
import { etagFor, ifRangeMatches, isNotModified, parseRange } from "./conditional.js";
import { renderListing } from "./listing.js";
import { EVENTS_PATH, LIVERELOAD_SNIPPET, injectLiveReload } from "./livereload.js";
import { contentTypeFor, isHtmlPage } from "./mime.js";
import type { ReloadHub } from "./reload-hub.js";
import { findInside, resolveRequest } from "./resolve.js";

export interface RequestHandlerOptions {
  root: string;
  /** Normalized (resolve.ts normalizeBaseurl). */
  baseurl: string;
  /** Live reload on: the hub answers its event stream, and HTML pages get the script. */
  hub: ReloadHub | null;
  /** `--show-dir-listing`: a folder's URL lists its files instead of serving its index.html. */
  showDirListing: boolean;
}

const BASE_HEADERS = {
  "Cache-Control": "no-cache",
  "X-Content-Type-Options": "nosniff",
} as const;

export function createRequestHandler(options: RequestHandlerOptions): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const livereload = options.hub !== null;

  function plain(res: http.ServerResponse, status: number, text: string, extra: http.OutgoingHttpHeaders = {}): void {
    const body = Buffer.from(`${text}\n`);
    res.writeHead(status, { ...BASE_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length, ...extra });
    res.end(res.req.method === "HEAD" ? undefined : body);
  }

  function html(res: http.ServerResponse, status: number, page: Buffer): void {
    const body = livereload ? injectLiveReload(page) : page;
    res.writeHead(status, { ...BASE_HEADERS, "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
    res.end(res.req.method === "HEAD" ? undefined : body);
  }

  async function notFound(res: http.ServerResponse): Promise<void> {
    const page = await findInside(options.root, ["404.html"]);
    if (page !== null) {
      try {
        html(res, 404, await fsp.readFile(page));
        return;
      } catch {
        // Removed between lookup and read (a rebuild swapped _site): fall back to plain text.
      }
    }
    plain(res, 404, "404 Not Found");
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
      const inject = livereload && isHtmlPage(file);
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
    if (options.hub && pathOnly === EVENTS_PATH) {
      options.hub.connect(req, res);
      return;
    }
    const resolution = await resolveRequest(options.root, options.baseurl, target, { directoryIndex: !options.showDirListing });
    switch (resolution.kind) {
      case "file":
        return serveFile(req, res, resolution.path);
      case "directory":
        html(res, 200, Buffer.from(await renderListing(resolution.path, decodeURIComponent(pathOnly ?? "/"))));
        return;
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

  return (req, res) => {
    handle(req, res).catch(() => {
      // Never leak paths or stacks to the browser; the request simply fails.
      if (!res.headersSent) plain(res, 500, "500 Internal Server Error");
      else res.destroy();
    });
  };
}
