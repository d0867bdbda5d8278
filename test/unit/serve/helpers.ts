// Shared fixtures for the serve tests: a hand-made `_site` in a temp folder, and a raw HTTP client
// (fetch() would normalise `..` and `%2e` out of the URL before sending it, which is exactly what the
// security tests must not let happen).

import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** Sends `method target` exactly as written (no URL normalisation). */
export function request(baseUrl: string, target: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method: options.method ?? "GET", path: target, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export const VIDEO_BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
export const SECRET = "TOP-SECRET-OUTSIDE-ROOT";

/** Builds `<tmp>/site` (the served root) and `<tmp>/outside` (must never be reachable). */
export function makeSite(): { dir: string; root: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-serve-"));
  const root = path.join(dir, "site");
  const files: Record<string, string | Buffer> = {
    "index.html": "<!doctype html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>",
    "about.html": "<html><body><p>About me</p></body></html>",
    "blog/index.html": "<html><body>Blog index</body></html>",
    "notes/a.txt": "note a",
    "notes.html": "<html><body>Notes page</body></html>",
    "fragment.html": "<p>No body element</p>",
    "upper.html": "<HTML><BODY>Upper</BODY></HTML>",
    "404.html": "<html><body><h1>Custom not found</h1></body></html>",
    "assets/main.css": "body { color: red; }",
    "assets/app.js": "console.log(1);",
    "assets/app.mjs": "export {};",
    "assets/data.json": '{"a":1}',
    "assets/app.js.map": "{}",
    "feed.xml": '<?xml version="1.0" encoding="utf-8"?><feed/>',
    "assets/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    "assets/pic.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    "assets/font.woff2": Buffer.from([1, 2, 3]),
    "assets/unknown.xyz": "?",
    "assets/readme.md": "# hi",
    "robots.txt": "User-agent: *",
    "media/clip.mp4": VIDEO_BYTES,
    "media/empty.mp3": Buffer.alloc(0),
    "with space.txt": "spaced",
    "%2e%2e/literal.txt": "a folder literally named %2e%2e",
  };
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  fs.mkdirSync(path.join(dir, "outside"));
  fs.writeFileSync(path.join(dir, "outside", "secret.txt"), SECRET);
  fs.writeFileSync(path.join(dir, "secret.txt"), SECRET);
  fs.symlinkSync(path.join(dir, "outside"), path.join(root, "escape-dir"));
  fs.symlinkSync(path.join(dir, "outside", "secret.txt"), path.join(root, "escape-file.txt"));
  fs.symlinkSync("assets/main.css", path.join(root, "inside-link.css"));
  return { dir, root, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Waits until `predicate` holds, polling every `everyMs`; fails after `ms`. */
export async function until(predicate: () => boolean, ms = 5000, everyMs = 20): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting for the watcher");
    await sleep(everyMs);
  }
}
