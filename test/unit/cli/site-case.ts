// A small site written to a temporary folder and built by the CLI, for the tests that pin where
// Jekyll stops a build on a value of the wrong type and where it builds on (ERRORS.md's cases).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

export interface SiteCaseBuild {
  /** The CLI's exit status. */
  status: number | null;
  /** What it printed, stdout then stderr. */
  out: string;
  /** The destination folder (gone once the check returns). */
  dest: string;
}

/** Writes `files` (site-relative path → text), builds the site, hands the build to `check`, then removes it all. */
export function buildSiteCase(prefix: string, files: Record<string, string>, check: (build: SiteCaseBuild) => void): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    const site = path.join(work, "site");
    fs.mkdirSync(site);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
      fs.writeFileSync(path.join(site, rel), text);
    }
    const dest = path.join(work, "_site");
    const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", dest], { encoding: "utf8" });
    check({ status: r.status, out: r.stdout + r.stderr, dest });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A build Jekyll completes exits 0; one Jekyll stops exits 1 and prints Jekyll's message. */
export function assertOutcome(build: SiteCaseBuild, error: string | null): void {
  if (error === null) {
    assert.equal(build.status, 0, build.out);
  } else {
    assert.equal(build.status, 1, build.out);
    assert.ok(build.out.includes(error), build.out);
  }
}

/** Every file under `dir`, as `./a/b.html`, sorted. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${rel}/${e.name}`);
      else files.push(`${rel}/${e.name}`);
    }
  };
  walk(dir, ".");
  return files.sort();
}
