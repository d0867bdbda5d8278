// `serve`'s Jekyll flags, each through the real CLI process: --show-dir-listing, --ssl-cert and
// --ssl-key, -B/--detach, --livereload-ignore, --livereload-port, -P/--port checking, and the
// banner (incremental rebuilds are always on in serve, and it says so).
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { EVENTS_PATH } from "../../src/serve/livereload.js";
import { ROOT } from "../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");
const TLS = path.join(ROOT, "test", "e2e", "fixtures", "tls");

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

function makeSite(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "serve-flags-"));
  const base: Record<string, string> = {
    "_config.yml": "title: Flags\n",
    "_layouts/default.html": "<html><body>{{ content }}</body></html>\n",
    "index.md": "---\nlayout: default\n---\nhome\n",
    "docs/guide.md": "---\nlayout: default\n---\nguide\n",
    "docs/index.md": "---\nlayout: default\n---\ndocs index\n",
    "notes/draft.md": "---\nlayout: default\n---\ndraft v1\n",
  };
  for (const [rel, text] of Object.entries({ ...base, ...files })) write(dir, rel, text);
  return dir;
}

class Serving {
  output = "";
  readonly exited: Promise<number | null>;
  private waiters: Array<() => void> = [];
  constructor(readonly child: ChildProcess) {
    const onData = (b: Buffer) => {
      this.output += b.toString();
      for (const w of this.waiters.splice(0)) w();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    // 'exit', not 'close': a detached server may keep inherited pipes open after its parent exits.
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }
  async waitFor(re: RegExp, from = 0): Promise<RegExpExecArray> {
    for (;;) {
      const m = re.exec(this.output.slice(from));
      if (m) return m;
      const exited = await Promise.race([new Promise<false>((r) => this.waiters.push(() => r(false))), this.exited.then(() => true)]);
      if (exited && !re.exec(this.output.slice(from))) throw new Error(`exited before ${re}:\n${this.output}`);
    }
  }
  async url(): Promise<string> {
    const m = await this.waitFor(/Server address:\s*(\S+)/);
    await this.waitFor(/Server running/);
    return m[1]!;
  }
  async stop(): Promise<void> {
    this.child.kill("SIGTERM");
    await this.exited;
  }
}

function serve(dir: string, args: string[]): Serving {
  return new Serving(spawn(process.execPath, [CLI, "serve", "--port", "0", ...args], { cwd: dir, env: { ...process.env, TZ: "UTC" } }));
}

function get(url: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { rejectUnauthorized: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on("error", reject);
  });
}

/** The live-reload event stream: every event received, and a way to wait for the next ones. */
function events(base: string): { list: Array<{ event: string; data: any }>; next(event: string, count: number): Promise<void>; close(): void } {
  const list: Array<{ event: string; data: any }> = [];
  const waiters: Array<() => void> = [];
  const req = http.get(new URL(EVENTS_PATH, base), (res) => {
    let buffer = "";
    res.setEncoding("utf8");
    res.on("data", (c: string) => {
      buffer += c;
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) list.push({ event, data: data ? JSON.parse(data) : null });
        for (const w of waiters.splice(0)) w();
      }
    });
  });
  req.on("error", () => undefined);
  return {
    list,
    async next(event, count) {
      while (list.filter((e) => e.event === event).length < count) await new Promise<void>((r) => waiters.push(r));
    },
    close: () => req.destroy(),
  };
}

test("serve prints Jekyll's banner, with 'Incremental build: enabled' (its rebuilds always are)", async () => {
  const dir = makeSite();
  const s = serve(dir, []);
  try {
    await s.url();
    assert.match(s.output, /^ Incremental build: enabled$/m);
    assert.match(s.output, /^ Auto-regeneration: enabled for '/m);
  } finally {
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--show-dir-listing lists a folder's files instead of serving its index.html", async () => {
  const dir = makeSite({ ".htaccess": "x\n", "~backup.txt": "x\n" });
  const listing = serve(dir, ["--show-dir-listing"]);
  try {
    const base = await listing.url();
    const root = await get(base);
    assert.equal(root.status, 200);
    assert.match(root.body, /<title>Index of \/<\/title>/);
    assert.match(root.body, /<a href="docs\/">docs\/<\/a>/);
    assert.match(root.body, /<a href="index\.html">index\.html<\/a>/);
    assert.doesNotMatch(root.body, /htaccess|~backup/, "Jekyll's NondisclosureName patterns are hidden");
    const docs = await get(new URL("docs/", base).href);
    assert.match(docs.body, /Index of \/docs\//);
    assert.match(docs.body, /guide\.html/);
    assert.match(docs.body, /Parent Directory/);
    assert.equal((await get(new URL("docs", base).href)).status, 301, "a folder without its slash is redirected");
    assert.match((await get(new URL("docs/guide.html", base).href)).body, /guide/, "files are served as usual");
  } finally {
    await listing.stop();
  }
  const plain = serve(dir, ["--skip-initial-build"]);
  try {
    const base = await plain.url();
    assert.match((await get(new URL("docs/", base).href)).body, /docs index/, "without the flag a folder serves its index.html");
  } finally {
    await plain.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--ssl-cert and --ssl-key serve over HTTPS (files inside the source); one without the other is an error", async () => {
  const dir = makeSite();
  fs.cpSync(TLS, path.join(dir, "_tls"), { recursive: true });
  const s = serve(dir, ["--ssl-cert", "_tls/cert.pem", "--ssl-key", "/_tls/key.pem"]);
  try {
    const base = await s.url();
    assert.match(base, /^https:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(base);
    assert.equal(page.status, 200);
    assert.match(page.body, /home/);
  } finally {
    await s.stop();
  }
  const half = serve(dir, ["--ssl-cert", "_tls/cert.pem"]);
  try {
    assert.equal(await half.exited, 1);
    assert.match(half.output, /--ssl-cert and --ssl-key go together: --ssl-key is missing/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("-B/--detach builds, leaves a server running in the background, prints its address and pid, and exits", async () => {
  const dir = makeSite();
  const s = serve(dir, ["--detach"]);
  let pid = 0;
  try {
    assert.equal(await s.exited, 0, s.output);
    assert.match(s.output, /Auto-regeneration: disabled when running server detached\./);
    const m = /Server detached with pid '(\d+)'\. Run `kill \1` to stop the server\./.exec(s.output);
    assert.ok(m, s.output);
    pid = Number(m[1]);
    const base = /Server address:\s*(\S+)/.exec(s.output)![1]!;
    const page = await get(base);
    assert.equal(page.status, 200);
    assert.match(page.body, /home/);
    assert.doesNotMatch(page.body, /data-build-site-livereload/, "no live reload: nothing rebuilds a detached site");
  } finally {
    if (pid) {
      process.kill(pid, "SIGTERM");
      // Wait for it to go, so the temporary site can be removed (bounded: about 30 s).
      for (let i = 0; i < 300; i++) {
        try { process.kill(pid, 0); } catch { break; }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--livereload-ignore: a change to a matching source rebuilds but reloads no page; other changes still do", async () => {
  const dir = makeSite();
  const s = serve(dir, ["--livereload-ignore", "notes/*,*.txt"]);
  const stream = { close() {} } as ReturnType<typeof events>;
  try {
    const base = await s.url();
    const ev = events(base);
    Object.assign(stream, ev);
    await ev.next("hello", 1);

    let mark = s.output.length;
    write(dir, "notes/draft.md", "---\nlayout: default\n---\ndraft v2\n");
    await s.waitFor(/\.\.\.done in/, mark);
    assert.match((await get(new URL("notes/draft.html", base).href)).body, /draft v2/, "rebuilt");

    mark = s.output.length;
    write(dir, "docs/guide.md", "---\nlayout: default\n---\nguide v2\n");
    await s.waitFor(/\.\.\.done in/, mark);
    await ev.next("reload", 1);
    const reloads = ev.list.filter((e) => e.event === "reload");
    assert.equal(reloads.length, 1, JSON.stringify(ev.list));
    assert.deepEqual(reloads[0]!.data.paths, ["/docs/guide.html"]);
  } finally {
    stream.close();
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--livereload-port is accepted with a notice (reloads use the site's own port); -P needs a number", async () => {
  const dir = makeSite();
  const s = serve(dir, ["--livereload-port", "35729"]);
  try {
    await s.url();
    assert.match(s.output, /LiveReload: build-site sends reloads over the site's own port, so --livereload-port is not used\./);
  } finally {
    await s.stop();
  }
  const bad = serve(dir, ["-P", "http"]);
  try {
    assert.equal(await bad.exited, 1);
    assert.match(bad.output, /the flag '-P' needs a whole number, not 'http'/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
