// The preview server of `build-site serve`: serves the built site from `root` under `baseurl`
// like GitHub Pages (and `jekyll serve`) would, and pushes reload / error events to open pages.
// Three parts, each with one job: resolve.ts maps a URL to a file (Jekyll's servlet rules),
// request-handler.ts answers a request, reload-hub.ts keeps the live-reload clients. This file
// puts them behind one HTTP(S) listener.
//
// Differences from `jekyll serve`, on purpose:
// - `/` redirects to baseurl when one is set (Jekyll mounts the site at baseurl and 404s `/`).
// - Live reload uses Server-Sent Events on the same port, not a second LiveReload port.
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import { BuildError } from "../errors.js";
import { ReloadHub, type BuildErrorReport } from "./reload-hub.js";
import { createRequestHandler } from "./request-handler.js";
import { normalizeBaseurl } from "./resolve.js";

export type { BuildErrorReport } from "./reload-hub.js";

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

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const baseurl = normalizeBaseurl(options.baseurl);
  const hub = new ReloadHub(options.root, baseurl);
  const onRequest = createRequestHandler({
    root: options.root,
    baseurl,
    hub: options.livereload ? hub : null,
    showDirListing: options.showDirListing ?? false,
  });
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : http.createServer(onRequest);

  try {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, options.host, options.port));
      server.once("error", onError);
      server.listen(options.port, options.host, () => {
        server.off("error", onError);
        resolve();
      });
    });
  } catch (e) {
    hub.close();
    throw e;
  }

  const port = (server.address() as AddressInfo).port;
  const url = `${options.tls ? "https" : "http"}://${hostForUrl(options.host)}:${port}${baseurl}/`;
  let closed: Promise<void> | null = null;

  return {
    url,
    reload: (kind, changedPaths) => hub.reload(kind, changedPaths),
    showError: (error) => hub.showError(error),
    clearError: () => hub.clearError(),
    close() {
      closed ??= new Promise<void>((resolve) => {
        hub.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
