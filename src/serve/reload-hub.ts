// The live-reload clients of one preview server: every open page holds an event stream here
// (Server-Sent Events on the server's own port; the page's side is livereload.ts) and is told
// when to reload, when to swap stylesheets, and when a build failed (the error overlay) or was
// fixed. A page that connects while the build is broken gets the overlay at once.
import type * as http from "node:http";
import { randomBytes } from "node:crypto";
import * as path from "node:path";
import type { ExcerptLine } from "./error-excerpt.js";
import { normalizeBaseurl } from "./resolve.js";

export interface BuildErrorReport {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** The source lines around `line` (error-excerpt.ts), shown with the line marked. */
  excerpt?: ExcerptLine[];
}

/** Sent every so often so that proxies keep the stream open and dead sockets are noticed. */
const HEARTBEAT_MS = 20_000;

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

export class ReloadHub {
  /** Tells pages apart from a restarted server's: a page that sees a new id reloads. */
  private readonly instanceId = randomBytes(8).toString("hex");
  private readonly clients = new Set<http.ServerResponse>();
  private currentError: BuildErrorReport | null = null;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly root: string, private readonly baseurl: string) {
    this.heartbeat = setInterval(() => {
      for (const res of this.clients) res.write(": ping\n\n");
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Answers a request for the event stream and keeps it open. */
  connect(req: http.IncomingMessage, res: http.ServerResponse): void {
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
    send(res, "hello", { id: this.instanceId });
    if (this.currentError !== null) send(res, "build-error", this.currentError);
    this.clients.add(res);
    req.on("close", () => this.clients.delete(res));
  }

  /** "css" swaps the stylesheets among `changedPaths` in place (all of them when none matches); "page" reloads. */
  reload(kind: "page" | "css", changedPaths: string[] = []): void {
    this.broadcast("reload", { kind, paths: outputUrlPaths(this.root, this.baseurl, changedPaths) });
  }

  showError(error: BuildErrorReport): void {
    this.currentError = { message: error.message, file: error.file, line: error.line, column: error.column, excerpt: error.excerpt };
    this.broadcast("build-error", this.currentError);
  }

  clearError(): void {
    if (this.currentError === null) return;
    this.currentError = null;
    this.broadcast("clear", {});
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private broadcast(event: string, payload: unknown): void {
    for (const res of this.clients) send(res, event, payload);
  }
}

function send(res: http.ServerResponse, event: string, payload: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
}
