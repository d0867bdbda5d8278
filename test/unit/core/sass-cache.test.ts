// The CSS cache must never serve stale CSS: a change to an imported partial changes the output.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

function build(dir: string): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "-q"], { cwd: dir, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return fs.readFileSync(path.join(dir, "_site", "css", "main.css"), "utf8");
}

test("cached CSS is reused, and rebuilt when a partial changes", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sass-cache-"));
  try {
    fs.mkdirSync(path.join(dir, "_sass"));
    fs.mkdirSync(path.join(dir, "css"));
    fs.writeFileSync(path.join(dir, "_config.yml"), "sass:\n  sourcemap: never\n");
    fs.writeFileSync(path.join(dir, "_sass", "_colors.scss"), "$ink: #112233;\n");
    fs.writeFileSync(path.join(dir, "css", "main.scss"), "---\n---\n@import \"colors\";\nbody { color: $ink; }\n");
    assert.match(build(dir), /#112233/);
    const cacheDir = path.join(dir, ".build-site-cache", "sass");
    assert.equal(fs.readdirSync(cacheDir).length, 1, "the first build stores its CSS");
    assert.match(build(dir), /#112233/);
    assert.equal(fs.readdirSync(cacheDir).length, 1, "an unchanged build reuses it");
    fs.writeFileSync(path.join(dir, "_sass", "_colors.scss"), "$ink: #445566;\n");
    assert.match(build(dir), /#445566/, "a changed partial is compiled again");
    fs.writeFileSync(path.join(dir, "_config.yml"), "sass:\n  sourcemap: never\ndisable_disk_cache: true\n");
    fs.rmSync(path.join(dir, ".build-site-cache"), { recursive: true });
    build(dir);
    assert.equal(fs.existsSync(cacheDir), false, "disable_disk_cache: true writes no cache");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
