// Sass compiled on its own thread (src/render/sass-thread.ts) must give what compiling on the
// main thread gives: the same CSS and source map, the same warnings, the same located errors.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT, readTree } from "../conformance/harness.js";

function build(src: string, dest: string, thread: boolean, verbose = false) {
  fs.rmSync(path.join(src, ".build-site-cache"), { recursive: true, force: true });
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "-s", src, "-d", dest, ...(verbose ? ["--verbose"] : [])], {
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC", BUILD_SITE_WORKERS: thread ? "" : "0" },
  });
  return { status: r.status, out: (r.stdout + r.stderr).replaceAll(dest, "DEST").replace(/done in [\d.]+ seconds/, "done in N seconds") };
}

function site(dir: string, partial: string): string {
  const src = path.join(dir, "site");
  fs.mkdirSync(path.join(src, "_sass", "theme"), { recursive: true });
  fs.mkdirSync(path.join(src, "assets"), { recursive: true });
  fs.writeFileSync(path.join(src, "_config.yml"), `title: Sass\n`);
  fs.writeFileSync(path.join(src, "_sass", "theme", "_base.scss"), partial);
  fs.writeFileSync(path.join(src, "assets", "main.scss"), `---\n---\n$accent: #{"{{ site.title | size }}"}px;\n@import "theme/base";\n@warn "the site's own warning";\n.a { margin: $accent; }\n`);
  fs.writeFileSync(path.join(src, "assets", "plain.sass"), `---\n---\n.b\n  color: red\n`);
  fs.writeFileSync(path.join(src, "index.md"), `---\n---\n# Home\n`);
  return src;
}

test("Sass on its own thread compiles, maps and warns as on the main thread", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sass-thread-"));
  try {
    const src = site(dir, `body { color: darken(#336699, 10%); .x { width: 10px * 2; } }\n`);
    const one = build(src, path.join(dir, "one"), false);
    const two = build(src, path.join(dir, "two"), true);
    assert.equal(one.status, 0, one.out);
    assert.equal(two.status, 0, two.out);
    assert.match(build(src, path.join(dir, "three"), true, true).out, /Stylesheets: Sass loads on its own thread/, "the build took the thread path");
    assert.doesNotMatch(build(src, path.join(dir, "four"), false, true).out, /Sass loads on its own thread/);
    assert.match(two.out, /Sass: the site's own warning/);
    assert.equal(two.out, one.out);
    const a = readTree(path.join(dir, "one"));
    const b = readTree(path.join(dir, "two"));
    assert.deepEqual([...b.keys()].sort(), ["assets/main.css", "assets/main.css.map", "assets/plain.css", "assets/plain.css.map", "index.html"]);
    for (const [k, v] of a) assert.equal(b.get(k), v, k);
    assert.match(b.get("assets/main.css")!, /body \.x \{\s*width: 20px;/);
    assert.match(b.get("assets/main.css.map")!, /"_sass\/theme\/_base\.scss"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a Sass error on the thread is reported with its file and line, as on the main thread", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sass-thread-"));
  try {
    const src = site(dir, `body {\n  color: $undefined-colour;\n}\n`);
    const one = build(src, path.join(dir, "one"), false);
    const two = build(src, path.join(dir, "two"), true);
    assert.notEqual(two.status, 0);
    assert.match(two.out, /_sass\/theme\/_base\.scss:2:\d+: Sass error: Undefined variable/);
    assert.equal(two.out, one.out);
    assert.equal(fs.existsSync(path.join(dir, "two")), false);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a stylesheet that never finishes compiling stops the build past sass_seconds, naming the file and the setting", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sass-thread-"));
  try {
    const src = site(dir, `$i: 1;\n@while $i > 0 { $i: $i + 1; }\n`);
    fs.writeFileSync(path.join(src, "_config.yml"), `title: Sass\nbuild_site:\n  limits:\n    sass_seconds: 1\n`);
    const r = build(src, path.join(dir, "out"), true);
    assert.equal(r.status, 1, r.out);
    assert.match(r.out, /assets\/main\.scss: Sass error: compiling the stylesheet took longer than 1 s and was stopped/);
    assert.match(r.out, /@while whose condition never turns false.*sass_seconds/s);
    assert.equal(fs.existsSync(path.join(dir, "out")), false, "nothing written");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
