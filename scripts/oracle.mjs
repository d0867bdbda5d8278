#!/usr/bin/env node
// Regenerates test/conformance/<name>/expected/ with real Jekyll 4.3.1 (Debian's `jekyll` and
// `ruby-jekyll-*` packages, plus `faketime`). The tests never run this; they compare against what it
// wrote. Usage: node scripts/oracle.mjs [name …]   (no names: every fixture)
//
// Reproducibility: the site is copied to a temporary folder with every file's mtime set to
// FIXTURE_MTIME (git does not keep mtimes, and jekyll-sitemap and drafts read them), built with an
// extra config that pins `time:`, under faketime so "now" is pinned too, in UTC.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareFixture, FIXTURE_TIME } from "./fixture-prep.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixturesDir = path.join(root, "test", "conformance");
const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs.readdirSync(fixturesDir).filter((n) => fs.existsSync(path.join(fixturesDir, n, "site")));

let failed = 0;
for (const name of names) {
  const dir = path.join(fixturesDir, name);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `oracle-${name}-`));
  const { sourceArgs, cwd, configArg, args, env } = prepareFixture(dir, work);
  const out = path.join(work, "_site");
  try {
    execFileSync(
      "faketime",
      ["-f", `@${FIXTURE_TIME.replace(/ \+0000$/, "")}`, "jekyll", "build", ...sourceArgs,
        "--destination", out, "--config", configArg, ...args],
      // NO_FAKE_STAT: faketime would otherwise shift file mtimes too (sitemap lastmod, draft dates).
      // `"cwd": "site"` runs Jekyll from the site's folder, as users do (jekyll-polyglot looks for
      // `exclude_from_localization` folders from the working directory).
      { cwd, env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development", NO_FAKE_STAT: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (e) {
    failed++;
    console.error(`✗ ${name}: jekyll failed\n${e.stdout}${e.stderr}`);
    fs.rmSync(work, { recursive: true, force: true });
    continue;
  }
  const expected = path.join(dir, "expected");
  fs.rmSync(expected, { recursive: true, force: true });
  fs.cpSync(out, expected, { recursive: true });
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`✓ ${name}`);
}
process.exitCode = failed ? 1 : 0;
