// Rendering on two threads must write exactly what rendering on one writes — including when a
// document reads another document's content, whose value depends on Jekyll's render order.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT, readTree } from "../conformance/harness.js";

function build(src: string, dest: string, workers: boolean): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "-s", src, "-d", dest, "--verbose"], {
    encoding: "utf8",
    // The threshold is lowered so a small site takes the two-thread path.
    env: { ...process.env, TZ: "UTC", BUILD_SITE_WORKERS: workers ? "" : "0", BUILD_SITE_PARALLEL_MIN: "100" },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(/Rendering: on two threads/.test(r.stdout), workers, "the build took the path the test meant");
}

test("a parallel build equals a sequential build, also when posts read other posts' content", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallel-"));
  try {
    const src = path.join(dir, "site");
    fs.mkdirSync(path.join(src, "_posts"), { recursive: true });
    fs.mkdirSync(path.join(src, "_layouts"));
    fs.writeFileSync(path.join(src, "_config.yml"), `title: Parallel\ntime: "2026-12-01 00:00:00 +0000"\n`);
    fs.writeFileSync(path.join(src, "_layouts", "post.html"), `<h1>{{ page.title }}</h1>{{ content }}<p>{{ page.previous.title }} | {{ page.next.url }}</p>\n`);
    const n = 250;
    for (let i = 0; i < n; i++) {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
      // Every 37th post shows the newest posts' content: HTML for posts rendered before it,
      // Markdown for those after it, in Jekyll's order.
      const extra = i % 37 === 5 ? `\n\n{% for p in site.posts limit:3 %}[{{ p.content | size }}]{% endfor %}\n` : "";
      fs.writeFileSync(path.join(src, "_posts", `${day}-post-${i}.md`), `---\nlayout: post\ntitle: Post ${i}\n---\nParagraph *${i}* with **bold**.\n${extra}`);
    }
    fs.writeFileSync(path.join(src, "index.html"), `---\n---\n{% for p in site.posts limit:5 %}{{ p.content }}{% endfor %}\n`);
    build(src, path.join(dir, "one"), false);
    build(src, path.join(dir, "two"), true);
    const a = readTree(path.join(dir, "one"));
    const b = readTree(path.join(dir, "two"));
    assert.equal(a.size, n + 1);
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [k, v] of a) assert.equal(b.get(k), v, k);
    assert.deepEqual(fs.readdirSync(dir).filter((n) => n.includes("staging")), [], "no staging folder is left behind");
    // Post 5 renders before the newest posts, so it sees their Markdown (about 30 characters,
    // where their HTML is about 55); the home page renders after every post and sees HTML.
    const sizes = (k: string) => [...a.get([...a.keys()].find((x) => x.endsWith(k))!)!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    assert.ok(sizes("/post-5.html").every((n) => n < 40), "post 5 sees Markdown");
    assert.match(a.get("index.html")!, /<p>Paragraph <em>\d+<\/em>/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a parallel build whose worker fails on a document reports it and leaves the previous site untouched", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallel-"));
  try {
    const src = path.join(dir, "site");
    fs.mkdirSync(path.join(src, "_posts"), { recursive: true });
    fs.writeFileSync(path.join(src, "_config.yml"), `title: Parallel\ntime: "2026-12-01 00:00:00 +0000"\n`);
    for (let i = 0; i < 150; i++) {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
      fs.writeFileSync(path.join(src, "_posts", `${day}-post-${i}.md`), `---\ntitle: Post ${i}\n---\nText ${i}.\n`);
    }
    const dest = path.join(dir, "out");
    build(src, dest, true);
    const before = readTree(dest);
    // Every other post is broken, so each thread meets one whichever documents it claims.
    for (let i = 0; i < 150; i += 2) {
      const day = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
      fs.writeFileSync(path.join(src, "_posts", `${day}-post-${i}.md`), `---\ntitle: Post ${i}\n---\n{% nosuchtag %}\n`);
    }
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "-s", src, "-d", dest], {
      encoding: "utf8",
      env: { ...process.env, TZ: "UTC", BUILD_SITE_WORKERS: "", BUILD_SITE_PARALLEL_MIN: "100" },
    });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /post-\d+\.md/);
    assert.match(r.stderr, /nosuchtag/);
    const after = readTree(dest);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
    for (const [k, v] of before) assert.equal(after.get(k), v, k);
    // The worker may still be finishing a write when the build gives up; give it a moment.
    const staging = () => fs.readdirSync(dir).filter((n) => n.includes("staging"));
    for (let i = 0; i < 20 && staging().length; i++) spawnSync("sleep", ["0.1"]);
    assert.deepEqual(staging(), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
