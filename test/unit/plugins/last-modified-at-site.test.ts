// jekyll-last-modified-at on a site inside a git repository (golden/last-modified-at-git): dates
// from commits (a merge that kept the main line's version, a site below the top level, a file
// name with a space and an accent), from the mtime of an untracked file, through `path:`, and
// the tag with the configured format — equal to what real Jekyll wrote for the same history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./golden.js";

const hasGit = spawnSync("git", ["--version"]).status === 0;
const GOLDEN = path.join(ROOT, "test", "unit", "plugins", "golden", "last-modified-at-git");

function files(dir: string, rel = ""): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? files(dir, r) : [r];
  }).sort();
}

test("a site in a git work tree: every page's date is its last commit, as the gem gives it", { skip: !hasGit && "git is not installed" }, async () => {
  const { makeRepository } = (await import(pathToFileURL(path.join(GOLDEN, "history.mjs")).href)) as { makeRepository(dir: string): string };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "lma-site-"));
  try {
    const site = makeRepository(work);
    const out = path.join(work, "_out");
    execFileSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "--source", site, "--destination", out], {
      env: { ...process.env, TZ: "UTC", JEKYLL_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const expected = path.join(GOLDEN, "expected");
    assert.deepEqual(files(out), files(expected));
    for (const f of files(expected)) assert.equal(fs.readFileSync(path.join(out, f), "utf8"), fs.readFileSync(path.join(expected, f), "utf8"), f);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
