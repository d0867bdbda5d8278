import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as http from "node:http";
import { startPreviewServer, type PreviewServer } from "../../../src/serve/server.js";
import { EVENTS_PATH } from "../../../src/serve/livereload.js";
import { BuildError } from "../../../src/errors.js";
import { SECRET, VIDEO_BYTES, makeSite, request } from "./helpers.js";

const LR_MARK = "data-build-site-livereload";

describe("preview server without baseurl", () => {
  const site = makeSite();
  let server: PreviewServer;
  const get = (target: string, headers?: Record<string, string>) => request(server.url, target, { headers });

  before(async () => {
    server = await startPreviewServer({ root: site.root, baseurl: "", host: "127.0.0.1", port: 0, livereload: true });
  });
  after(async () => {
    await server.close();
    site.cleanup();
  });

  test("url names host, the chosen port and a trailing slash", () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(new URL(server.url).port, "0");
  });

  describe("resolution", () => {
    test("/ serves index.html", async () => {
      const r = await get("/");
      assert.equal(r.status, 200);
      assert.match(r.text, /<h1>Home<\/h1>/);
    });
    test("directory with trailing slash serves its index.html", async () => {
      const r = await get("/blog/");
      assert.equal(r.status, 200);
      assert.match(r.text, /Blog index/);
    });
    test("directory without trailing slash → 301 to the slash form, query kept", async () => {
      const r = await get("/blog?x=1");
      assert.equal(r.status, 301);
      assert.equal(r.headers.location, "/blog/?x=1");
    });
    test(".html-less URL serves name.html", async () => {
      const r = await get("/about");
      assert.equal(r.status, 200);
      assert.match(r.text, /About me/);
      assert.equal(r.headers["content-type"], "text/html; charset=utf-8");
    });
    test("directory without an index falls back to name.html", async () => {
      const r = await get("/notes");
      assert.equal(r.status, 200);
      assert.match(r.text, /Notes page/);
    });
    test("name.html is not tried for a trailing-slash URL", async () => {
      const r = await get("/about/");
      assert.equal(r.status, 404);
    });
    test("a file requested with a trailing slash is not found", async () => {
      assert.equal((await get("/robots.txt/")).status, 404);
    });
    test("exact file wins", async () => {
      const r = await get("/about.html");
      assert.equal(r.status, 200);
      assert.match(r.text, /About me/);
    });
    test("percent-encoded names are decoded", async () => {
      const r = await get("/with%20space.txt");
      assert.equal(r.status, 200);
      assert.equal(r.text, "spaced");
    });
    test("query strings are ignored for lookup", async () => {
      const r = await get("/assets/main.css?v=123");
      assert.equal(r.status, 200);
      assert.equal(r.text, "body { color: red; }");
    });
    test("symlink that stays inside the tree is served", async () => {
      const r = await get("/inside-link.css");
      assert.equal(r.status, 200);
      assert.equal(r.text, "body { color: red; }");
    });
  });

  describe("404", () => {
    test("missing file → the site's 404.html with status 404", async () => {
      const r = await get("/nope");
      assert.equal(r.status, 404);
      assert.match(r.text, /Custom not found/);
      assert.equal(r.headers["content-type"], "text/html; charset=utf-8");
      assert.ok(r.text.includes(LR_MARK), "404 page is HTML, so it gets live reload too");
    });
    test("plain-text 404 when the site has no 404.html", async () => {
      const moved = path.join(site.dir, "404.html.bak");
      fs.renameSync(path.join(site.root, "404.html"), moved);
      try {
        const r = await get("/nope");
        assert.equal(r.status, 404);
        assert.equal(r.headers["content-type"], "text/plain; charset=utf-8");
        assert.equal(r.text.trim(), "404 Not Found");
      } finally {
        fs.renameSync(moved, path.join(site.root, "404.html"));
      }
    });
  });

  describe("security", () => {
    const refused = (r: { status: number; text: string }) => {
      assert.ok(r.status === 403 || r.status === 404 || r.status === 400, `status ${r.status}`);
      assert.ok(!r.text.includes(SECRET), "secret leaked");
      assert.ok(!r.text.includes(site.dir), "filesystem path leaked");
    };
    test("raw ../", async () => {
      const r = await get("/../secret.txt");
      refused(r);
      assert.equal(r.status, 403);
      refused(await get("/assets/../../secret.txt"));
    });
    test("encoded %2e%2e (any case)", async () => {
      refused(await get("/%2e%2e/secret.txt"));
      refused(await get("/%2E%2E/secret.txt"));
      refused(await get("/assets/%2e%2e/%2e%2e/outside/secret.txt"));
      refused(await get("/.%2e/secret.txt"));
    });
    test("encoded slash %2f", async () => {
      refused(await get("/..%2fsecret.txt"));
      refused(await get("/assets%2fmain.css"));
      assert.equal((await get("/assets%2Fmain.css")).status, 403);
    });
    test("double-encoded %252e is a literal name, never a parent step", async () => {
      refused(await get("/%252e%252e/secret.txt"));
      const r = await get("/%252e%252e/literal.txt");
      assert.equal(r.status, 200);
      assert.match(r.text, /literally named/);
    });
    test("backslashes, raw and encoded", async () => {
      refused(await get("/..\\secret.txt"));
      refused(await get("/..%5csecret.txt"));
      refused(await get("/assets%5c..%5c..%5csecret.txt"));
    });
    test("NUL byte", async () => {
      refused(await get("/index.html%00.txt"));
    });
    test("malformed percent-encoding", async () => {
      const r = await get("/%E0%A4%A");
      assert.equal(r.status, 400);
    });
    test("symlinked file pointing out of the tree", async () => {
      const r = await get("/escape-file.txt");
      refused(r);
      assert.equal(r.status, 403);
    });
    test("symlinked directory pointing out of the tree", async () => {
      refused(await get("/escape-dir/secret.txt"));
      refused(await get("/escape-dir/"));
      refused(await get("/escape-dir"));
    });
    test("request target that is not a path", async () => {
      refused(await get("http://evil.example/../secret.txt"));
    });
  });

  describe("content types", () => {
    const cases: Array<[string, string]> = [
      ["/index.html", "text/html; charset=utf-8"],
      ["/assets/main.css", "text/css; charset=utf-8"],
      ["/assets/app.js", "application/javascript; charset=utf-8"],
      ["/assets/app.mjs", "application/javascript; charset=utf-8"],
      ["/assets/data.json", "application/json; charset=utf-8"],
      ["/assets/app.js.map", "application/json; charset=utf-8"],
      ["/feed.xml", "application/xml"],
      ["/assets/logo.svg", "image/svg+xml"],
      ["/assets/pic.png", "image/png"],
      ["/assets/font.woff2", "font/woff2"],
      ["/assets/readme.md", "text/markdown; charset=utf-8"],
      ["/robots.txt", "text/plain; charset=utf-8"],
      ["/media/clip.mp4", "video/mp4"],
      ["/assets/unknown.xyz", "application/octet-stream"],
    ];
    for (const [target, type] of cases) {
      test(`${target} → ${type}`, async () => {
        const r = await get(target);
        assert.equal(r.status, 200);
        assert.equal(r.headers["content-type"], type);
        assert.equal(r.headers["x-content-type-options"], "nosniff");
      });
    }
  });

  describe("live-reload injection", () => {
    test("HTML gets the script before </body>, the file on disk is untouched", async () => {
      const r = await get("/");
      const at = r.text.indexOf(LR_MARK);
      assert.ok(at > 0);
      assert.ok(at < r.text.indexOf("</body>"));
      assert.equal(Number(r.headers["content-length"]), r.body.length);
      assert.ok(!fs.readFileSync(path.join(site.root, "index.html"), "utf8").includes(LR_MARK));
    });
    test("upper-case </BODY> is found", async () => {
      const r = await get("/upper.html");
      assert.ok(r.text.indexOf(LR_MARK) < r.text.indexOf("</BODY>"));
    });
    test("a page without </body> gets it at the end", async () => {
      const r = await get("/fragment.html");
      assert.ok(r.text.startsWith("<p>No body element</p>"));
      assert.match(r.text, /<\/script>\n$/);
    });
    test("non-HTML responses are never touched", async () => {
      for (const target of ["/assets/main.css", "/assets/app.js", "/feed.xml", "/assets/logo.svg", "/robots.txt"]) {
        const r = await get(target);
        assert.ok(!r.text.includes(LR_MARK), target);
        assert.equal(r.body.length, fs.statSync(path.join(site.root, target)).size, target);
      }
    });
  });

  describe("conditional requests", () => {
    test("ETag and Last-Modified are sent, with no-cache", async () => {
      const r = await get("/assets/main.css");
      assert.match(String(r.headers.etag), /^"[^"]+"$/);
      assert.equal(r.headers["last-modified"], fs.statSync(path.join(site.root, "assets/main.css")).mtime.toUTCString());
      assert.equal(r.headers["cache-control"], "no-cache");
    });
    test("If-None-Match with the current tag → 304 without a body", async () => {
      const first = await get("/assets/main.css");
      const r = await get("/assets/main.css", { "If-None-Match": String(first.headers.etag) });
      assert.equal(r.status, 304);
      assert.equal(r.body.length, 0);
      assert.equal(r.headers.etag, first.headers.etag);
    });
    test("If-None-Match in a list, weak form, and *", async () => {
      const tag = String((await get("/assets/main.css")).headers.etag);
      assert.equal((await get("/assets/main.css", { "If-None-Match": `"other", W/${tag}` })).status, 304);
      assert.equal((await get("/assets/main.css", { "If-None-Match": "*" })).status, 304);
    });
    test("stale If-None-Match → 200, and it beats a matching If-Modified-Since", async () => {
      const r = await get("/assets/main.css", { "If-None-Match": '"stale"', "If-Modified-Since": new Date(Date.now() + 60_000).toUTCString() });
      assert.equal(r.status, 200);
      assert.equal(r.text, "body { color: red; }");
    });
    test("If-Modified-Since at or after mtime → 304; before → 200", async () => {
      const lm = String((await get("/robots.txt")).headers["last-modified"]);
      assert.equal((await get("/robots.txt", { "If-Modified-Since": lm })).status, 304);
      const earlier = new Date(Date.parse(lm) - 1000).toUTCString();
      assert.equal((await get("/robots.txt", { "If-Modified-Since": earlier })).status, 200);
      assert.equal((await get("/robots.txt", { "If-Modified-Since": "not a date" })).status, 200);
    });
    test("rewriting a file changes its ETag", async () => {
      const file = path.join(site.root, "assets/app.js");
      const before = String((await get("/assets/app.js")).headers.etag);
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, "console.log(2);"); // same size, replaced by rename like the write stage
      fs.renameSync(tmp, file);
      const r = await get("/assets/app.js", { "If-None-Match": before });
      assert.equal(r.status, 200);
      assert.equal(r.text, "console.log(2);");
      assert.notEqual(r.headers.etag, before);
    });
    test("HTML ETag differs from a non-injected serve of the same file", async () => {
      const plain = await startPreviewServer({ root: site.root, baseurl: "", host: "127.0.0.1", port: 0, livereload: false });
      try {
        const a = await get("/about.html");
        const b = await request(plain.url, "/about.html");
        assert.notEqual(a.headers.etag, b.headers.etag);
        assert.ok(!b.text.includes(LR_MARK));
        assert.equal((await get("/about.html", { "If-None-Match": String(a.headers.etag) })).status, 304);
      } finally {
        await plain.close();
      }
    });
  });

  describe("ranges", () => {
    test("bytes=a-b → 206 with that slice", async () => {
      const r = await get("/media/clip.mp4", { Range: "bytes=10-19" });
      assert.equal(r.status, 206);
      assert.equal(r.headers["content-range"], "bytes 10-19/1000");
      assert.equal(r.headers["content-length"], "10");
      assert.deepEqual(r.body, VIDEO_BYTES.subarray(10, 20));
    });
    test("open-ended and suffix ranges", async () => {
      const open = await get("/media/clip.mp4", { Range: "bytes=990-" });
      assert.equal(open.status, 206);
      assert.deepEqual(open.body, VIDEO_BYTES.subarray(990));
      const suffix = await get("/media/clip.mp4", { Range: "bytes=-5" });
      assert.equal(suffix.headers["content-range"], "bytes 995-999/1000");
      assert.deepEqual(suffix.body, VIDEO_BYTES.subarray(995));
      const clipped = await get("/media/clip.mp4", { Range: "bytes=500-5000" });
      assert.equal(clipped.headers["content-range"], "bytes 500-999/1000");
    });
    test("start past the end → 416 with bytes */size", async () => {
      const r = await get("/media/clip.mp4", { Range: "bytes=1000-" });
      assert.equal(r.status, 416);
      assert.equal(r.headers["content-range"], "bytes */1000");
      assert.equal((await get("/media/empty.mp3", { Range: "bytes=0-" })).status, 416);
    });
    test("invalid or multiple ranges are ignored → 200 whole file", async () => {
      for (const range of ["bytes=20-10", "items=0-1", "bytes=0-1,5-6", "bytes=x"]) {
        const r = await get("/media/clip.mp4", { Range: range });
        assert.equal(r.status, 200, range);
        assert.equal(r.body.length, 1000, range);
      }
    });
    test("If-Range with a stale validator → whole file; with the current ETag → range", async () => {
      const tag = String((await get("/media/clip.mp4")).headers.etag);
      assert.equal((await get("/media/clip.mp4", { Range: "bytes=0-1", "If-Range": '"old"' })).status, 200);
      assert.equal((await get("/media/clip.mp4", { Range: "bytes=0-1", "If-Range": tag })).status, 206);
    });
    test("Accept-Ranges is advertised on files", async () => {
      assert.equal((await get("/media/clip.mp4")).headers["accept-ranges"], "bytes");
    });
  });

  describe("methods", () => {
    test("HEAD sends the GET headers and no body", async () => {
      const g = await get("/media/clip.mp4");
      const h = await request(server.url, "/media/clip.mp4", { method: "HEAD" });
      assert.equal(h.status, 200);
      assert.equal(h.body.length, 0);
      assert.equal(h.headers["content-length"], "1000");
      assert.equal(h.headers.etag, g.headers.etag);
      const page = await request(server.url, "/", { method: "HEAD" });
      assert.equal(Number(page.headers["content-length"]), (await get("/")).body.length);
      assert.equal((await request(server.url, "/nope", { method: "HEAD" })).status, 404);
    });
    test("other methods → 405 with Allow", async () => {
      const r = await request(server.url, "/", { method: "POST" });
      assert.equal(r.status, 405);
      assert.equal(r.headers.allow, "GET, HEAD");
    });
  });

  test("a root that does not exist yet answers 404, not an error", async () => {
    const missing = await startPreviewServer({ root: path.join(site.dir, "not-built"), baseurl: "", host: "127.0.0.1", port: 0, livereload: false });
    try {
      const r = await request(missing.url, "/");
      assert.equal(r.status, 404);
      assert.equal(r.text.trim(), "404 Not Found");
    } finally {
      await missing.close();
    }
  });
});

describe("preview server with baseurl", () => {
  const site = makeSite();
  let server: PreviewServer;
  const get = (target: string) => request(server.url, target);

  before(async () => {
    server = await startPreviewServer({ root: site.root, baseurl: "base/", host: "127.0.0.1", port: 0, livereload: false });
  });
  after(async () => {
    await server.close();
    site.cleanup();
  });

  test("url ends with the baseurl", () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/base\/$/);
  });
  test("/ redirects to the baseurl", async () => {
    const r = await get("/");
    assert.equal(r.status, 302);
    assert.equal(r.headers.location, "/base/");
  });
  test("/base → 301 /base/, which serves index.html", async () => {
    const r = await get("/base");
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, "/base/");
    const home = await get("/base/");
    assert.equal(home.status, 200);
    assert.match(home.text, /Home/);
  });
  test("files and pretty URLs under the baseurl", async () => {
    assert.equal((await get("/base/assets/main.css")).text, "body { color: red; }");
    assert.match((await get("/base/about")).text, /About me/);
    assert.equal((await get("/base/blog")).headers.location, "/base/blog/");
  });
  test("outside the baseurl → 404 page, even when the file exists at the root", async () => {
    for (const target of ["/about.html", "/assets/main.css", "/basement/", "/bas"]) {
      const r = await get(target);
      assert.equal(r.status, 404, target);
      assert.match(r.text, /Custom not found/, target);
    }
  });
  test("no live-reload script when livereload is off, and no event stream", async () => {
    assert.ok(!(await get("/base/")).text.includes(LR_MARK));
    assert.equal((await get(EVENTS_PATH)).status, 404);
  });
  test("traversal through the baseurl is refused", async () => {
    const r = await get("/base/../secret.txt");
    assert.equal(r.status, 403);
    assert.ok(!r.text.includes(SECRET));
  });
});

describe("listening", () => {
  test("port in use → a BuildError naming the port and --port", async () => {
    const site = makeSite();
    const first = await startPreviewServer({ root: site.root, baseurl: "", host: "127.0.0.1", port: 0, livereload: false });
    const port = Number(new URL(first.url).port);
    try {
      await assert.rejects(
        startPreviewServer({ root: site.root, baseurl: "", host: "127.0.0.1", port, livereload: false }),
        (error: unknown) => {
          assert.ok(error instanceof BuildError);
          assert.match(error.message, new RegExp(`Port ${port}\\b`));
          assert.match(error.format(), /--port/);
          return true;
        },
      );
    } finally {
      await first.close();
      site.cleanup();
    }
  });
  test("close() is idempotent and frees the port", async () => {
    const site = makeSite();
    const first = await startPreviewServer({ root: site.root, baseurl: "", host: "127.0.0.1", port: 0, livereload: true });
    const port = Number(new URL(first.url).port);
    await Promise.all([first.close(), first.close()]);
    const again = await startPreviewServer({ root: site.root, baseurl: "", host: "127.0.0.1", port, livereload: false });
    await again.close();
    site.cleanup();
  });
});

describe("event stream", () => {
  const site = makeSite();
  let server: PreviewServer;
  before(async () => {
    server = await startPreviewServer({ root: site.root, baseurl: "/base", host: "127.0.0.1", port: 0, livereload: true });
  });
  after(async () => {
    await server.close();
    site.cleanup();
  });

  /** Opens the stream and collects parsed events until `count` have arrived. */
  function collect(count: number): Promise<{ events: Array<{ event: string; data: unknown }>; headers: http.IncomingHttpHeaders }> {
    const { hostname, port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const req = http.get({ host: hostname, port, path: EVENTS_PATH, agent: false }, (res) => {
        let buffer = "";
        const events: Array<{ event: string; data: unknown }> = [];
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event) events.push({ event, data: data ? JSON.parse(data) : undefined });
          }
          if (events.length >= count) {
            req.destroy();
            resolve({ events, headers: res.headers });
          }
        });
      });
      req.on("error", (e) => (e.message === "socket hang up" ? undefined : reject(e)));
    });
  }

  test("hello on connect; reload events carry URL paths under the baseurl", async () => {
    const pending = collect(2);
    await new Promise((r) => setTimeout(r, 100));
    server.reload("css", ["assets/main.css", path.join(site.root, "assets", "x.css"), "/elsewhere/src/_sass/a.scss"]);
    const { events, headers } = await pending;
    assert.equal(headers["content-type"], "text/event-stream; charset=utf-8");
    assert.equal(events[0]!.event, "hello");
    assert.match(String((events[0]!.data as { id: string }).id), /^[0-9a-f]{16}$/);
    assert.deepEqual(events[1], { event: "reload", data: { kind: "css", paths: ["/base/assets/main.css", "/base/assets/x.css"] } });
  });

  test("a client connecting while an error is active gets it at once; clear follows", async () => {
    server.showError({ message: "boom <b>", file: "_layouts/a.html", line: 3 });
    const { events } = await collect(2);
    assert.deepEqual(events[1], { event: "build-error", data: { message: "boom <b>", file: "_layouts/a.html", line: 3 } });
    const pending = collect(3);
    await new Promise((r) => setTimeout(r, 100));
    server.clearError();
    assert.deepEqual((await pending).events.map((e) => e.event), ["hello", "build-error", "clear"]);
  });
});
