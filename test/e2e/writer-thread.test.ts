// The write stage on a writer thread, fed as pages render, must write exactly what the one-thread
// write stage writes: same files, same bytes, same static modification times, the same winner
// where two files share a destination, and nothing at all when the build fails.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT, readTree } from "../conformance/harness.js";

function build(src: string, dest: string, thread: boolean) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "-s", src, "-d", dest, "--verbose"], {
    encoding: "utf8",
    // The threshold is lowered so a small site takes the writer-thread path.
    env: { ...process.env, TZ: "UTC", BUILD_SITE_WORKERS: thread ? "" : "0", BUILD_SITE_WRITER_MIN: "0" },
  });
  return { ...r, thread: /Writing: on a writer thread/.test(r.stdout) };
}

function makeSite(dir: string): string {
  const src = path.join(dir, "site");
  fs.mkdirSync(path.join(src, "_posts"), { recursive: true });
  fs.mkdirSync(path.join(src, "_layouts"));
  fs.mkdirSync(path.join(src, "assets"));
  fs.writeFileSync(path.join(src, "_config.yml"), `title: Writer\ntime: "2026-12-01 00:00:00 +0000"\npermalink: /:year/:title/\n`);
  fs.writeFileSync(path.join(src, "_layouts", "post.html"), `<h1>{{ page.title }}</h1>{{ content }}<p>{{ page.previous.title }}</p>\n`);
  for (let i = 0; i < 120; i++) {
    const day = new Date(Date.UTC(2019, 0, 1) + i * 86400000 * 7).toISOString().slice(0, 10);
    fs.writeFileSync(path.join(src, "_posts", `${day}-post-${i}.md`), `---\nlayout: post\ntitle: Post ${i}\n---\nText *${i}*.\n`);
  }
  for (let i = 0; i < 30; i++) {
    const file = path.join(src, "assets", `file-${i}.txt`);
    fs.writeFileSync(file, `static ${i}\n`);
    fs.utimesSync(file, new Date(Date.UTC(2021, 1, i + 1)), new Date(Date.UTC(2021, 1, i + 1)));
  }
  // Two sources for one destination: Jekyll writes pages, then static files, then documents, and
  // the last one written wins.
  fs.writeFileSync(path.join(src, "shared.html"), `---\npermalink: /assets/file-3.txt\n---\nfrom the page\n`);
  fs.writeFileSync(path.join(src, "index.html"), `---\n---\n{% for p in site.posts limit:3 %}{{ p.url }} {% endfor %}\n`);
  return src;
}

test("writing on a writer thread as pages render writes what the one-thread write stage writes", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "writer-thread-"));
  try {
    const src = makeSite(dir);
    const one = build(src, path.join(dir, "one"), false);
    const two = build(src, path.join(dir, "two"), true);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    assert.equal(one.thread, false);
    assert.equal(two.thread, true, "the build took the writer-thread path");
    assert.match(two.stderr + two.stdout, /Conflict:/);
    const a = readTree(path.join(dir, "one"));
    const b = readTree(path.join(dir, "two"));
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [rel, content] of a) assert.equal(b.get(rel), content, `${rel} differs`);
    assert.equal(a.size, 120 + 30 + 1, "posts, static files, the index; the page and a static file share one path");
    assert.equal(b.get("assets/file-3.txt"), "static 3\n", "the static file, written after the page, wins");
    for (const rel of ["assets/file-7.txt", "assets/file-29.txt"]) {
      assert.equal(fs.statSync(path.join(dir, "two", rel)).mtimeMs, fs.statSync(path.join(src, rel)).mtimeMs, `${rel} keeps its mtime`);
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), ["one", "site", "two"], "no staging folder is left behind");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a build that fails while the writer thread is writing leaves the previous site untouched", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "writer-thread-"));
  try {
    const src = makeSite(dir);
    const dest = path.join(dir, "out");
    assert.equal(build(src, dest, true).status, 0);
    const before = readTree(dest);
    // The last post fails in Liquid after the writer thread has written the others.
    fs.writeFileSync(path.join(src, "_posts", "2025-06-01-broken.md"), `---\nlayout: post\ntitle: Broken\n---\n{% nosuchtag %}\n`);
    fs.appendFileSync(path.join(src, "_posts", "2019-01-01-post-0.md"), "changed\n");
    const failed = build(src, dest, true);
    assert.notEqual(failed.status, 0);
    assert.ok(failed.thread);
    assert.match(failed.stderr, /2025-06-01-broken\.md/);
    const after = readTree(dest);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
    for (const [rel, content] of before) assert.equal(after.get(rel), content, `${rel} changed`);
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.includes("staging")), [], "the staging folder is removed");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a file the writer thread cannot write fails the build with the path and leaves no half-written site", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "writer-thread-"));
  try {
    const src = makeSite(dir);
    // A page whose folder is a static file's path: creating the folder fails on the thread.
    fs.writeFileSync(path.join(src, "under-a-file.md"), `---\npermalink: /assets/file-5.txt/page.html\n---\nx\n`);
    const dest = path.join(dir, "out");
    const r = build(src, dest, true);
    assert.notEqual(r.status, 0);
    assert.ok(r.thread);
    assert.match(r.stderr, /could not write .*assets\/file-5\.txt/);
    assert.equal(fs.existsSync(dest), false, "nothing reaches the destination");
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.includes("staging")), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// A large build lets go of each output once it is handed to the writer (write/writer.ts,
// releaseOutputs). A page rendered later that shows another document's whole output must still
// see it: it is read back from the written file, after the writer thread has caught up.
test("a page that shows written documents' outputs sees them, whichever thread wrote them", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "writer-release-"));
  try {
    const src = makeSite(dir);
    // Rendered after every document (pages come last); `{{ p }}` is Document#to_s, its output.
    fs.writeFileSync(path.join(src, "outputs.html"), `---\n---\n{% for p in site.posts limit:2 %}[{{ p.output }}]{% endfor %}<<{{ site.posts.last }}>>\n`);
    for (const thread of [false, true]) {
      const dest = path.join(dir, thread ? "two" : "one");
      const r = build(src, dest, thread);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.thread, thread);
      const tree = readTree(dest);
      const posts = [...tree.keys()].filter((k) => /^20\d\d\/post-\d+\/index\.html$/.test(k)).sort((x, y) => Number(/post-(\d+)/.exec(y)![1]) - Number(/post-(\d+)/.exec(x)![1]));
      const [newest, second] = [posts[0]!, posts[1]!];
      const oldest = posts[posts.length - 1]!;
      assert.match(tree.get(newest)!, /<h1>Post 119<\/h1>/);
      // The site's permalink style puts the page at outputs/index.html.
      assert.equal(tree.get("outputs/index.html"), `[${tree.get(newest)}][${tree.get(second)}]<<${tree.get(oldest)}>>\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
