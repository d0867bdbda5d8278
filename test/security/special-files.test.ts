// Named pipes in the source (special-file.ts). Reading one waits for a writer: Jekyll 4.3.1 hangs
// on a `mkfifo pipe.md` page, a `pipe.txt` static file, a post, a layout (ERRORS.md), and so did
// build-site. They are skipped with a warning; a configuration file that is one is passed over or
// refused, and an include that is one is not found.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { runCli, sandbox } from "./helpers.js";

const canMkfifo = spawnSync("mkfifo", ["--version"]).status === 0 ? true : "mkfifo is not available here";

test("named pipes among pages, static files, posts, layouts and data are skipped with a warning; the build ends", { skip: canMkfifo === true ? false : canMkfifo }, () => {
  const box = sandbox({ "index.md": "---\n---\nhi\n", "_posts/2020-01-02-real.md": "---\n---\npost\n", "_data/ok.yml": "a: 1\n" });
  try {
    for (const rel of ["pipe.md", "pipe.txt", "_posts/2020-01-01-pipe.md", "_layouts/pipe.html", "_data/pipe.yml", "sub/pipe.html"]) {
      fs.mkdirSync(path.dirname(path.join(box.site, rel)), { recursive: true });
      assert.equal(spawnSync("mkfifo", [path.join(box.site, rel)]).status, 0);
    }
    const r = runCli(box, ["build"]);
    assert.equal(r.signal, null, "the build ends");
    assert.equal(r.code, 0, r.err);
    for (const rel of ["pipe.md", "pipe.txt", "_posts/2020-01-01-pipe.md", "_layouts/pipe.html", "sub/pipe.html"]) {
      assert.match(r.out + r.err, new RegExp(`Skipped: ${rel.replace(/\./g, "\\.")} is a named pipe, not a file, and is skipped`), rel);
    }
    assert.ok(fs.existsSync(path.join(box.site, "_site/index.html")));
    assert.ok(fs.existsSync(path.join(box.site, "_site/2020/01/02/real.html")));
    assert.equal(fs.existsSync(path.join(box.site, "_site/pipe.txt")), false);
  } finally {
    box.remove();
  }
});

test("a named pipe as _config.yml is passed over with a warning, refused as --config, and not found as an include", { skip: canMkfifo === true ? false : canMkfifo }, () => {
  const box = sandbox({ "index.md": "---\n---\n{% include p.html %}\n" });
  try {
    assert.equal(spawnSync("mkfifo", [path.join(box.site, "_config.yml")]).status, 0);
    fs.mkdirSync(path.join(box.site, "_includes"));
    assert.equal(spawnSync("mkfifo", [path.join(box.site, "_includes/p.html")]).status, 0);
    let r = runCli(box, ["build", "--config", "_config.yml"]);
    assert.equal(r.code, 1);
    assert.match(r.err, /the configuration file '_config\.yml' is a named pipe, not a file/);
    r = runCli(box, ["build"]);
    assert.equal(r.signal, null, "the build ends");
    assert.equal(r.code, 1);
    assert.match(r.out + r.err, /Warning: _config\.yml is a named pipe, not a file: no configuration is read/);
    assert.match(r.err, /index\.md:3:1: Liquid Exception: Could not locate the included file 'p\.html'/);
  } finally {
    box.remove();
  }
});
