#!/usr/bin/env node
// Builds the repository's own site (the homepage at the root) with real Jekyll 4.3.1 into
// test/homepage-expected/, the reference that build-site's output is compared against.
//
//   node scripts/site-oracle.mjs           rebuild test/homepage-expected/
//   node scripts/site-oracle.mjs --check   build again and fail if anything differs from it
//
// Reproducible the same way as scripts/oracle.mjs: the site's sources are copied to a temporary
// folder with every mtime pinned to FIXTURE_MTIME (git does not keep mtimes; jekyll-sitemap reads
// them), an extra config pins `time:` (site.time, the feed's <updated>, the footer's year), Jekyll
// runs under faketime (a ticking clock starting at the same instant, so "now" is fixed) with
// TZ=UTC, LANG=C.UTF-8 and JEKYLL_ENV=production (what the deploy workflow builds with).
// Font Awesome and KaTeX are vendored first (scripts/vendor-assets.mjs), so the expected build
// holds them too. Both builds add _config.no-extras.yml: Debian's Jekyll has no
// kramdown-math-katex or jekyll-scholar, and `build_site_extras: false` makes build-site leave out
// the same things (KaTeX, BibTeX data, scholar tags), so the two must agree file for file.
//
// A comparison test should build with build-site from prepareHomepage()'s folder and config list.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { FIXTURE_MTIME, FIXTURE_TIME } from "./fixture-prep.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const expectedDir = path.join(root, "test", "homepage-expected");
export const HOMEPAGE_ENV = { TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "production" };

// Never part of the site (and large): the rest of the root is copied, and _config.yml's
// `exclude:` decides, exactly as in the repository.
const SKIP = new Set([".git", "node_modules", "dist", "_site", ".jekyll-cache", ".sass-cache", ".build-site-cache",
  "test", "src", "bench", "docs"]);

function pinMtimes(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) pinMtimes(p);
    fs.utimesSync(p, FIXTURE_MTIME, FIXTURE_MTIME);
  }
  fs.utimesSync(dir, FIXTURE_MTIME, FIXTURE_MTIME);
}

/** Copies the site into workDir/site with pinned mtimes; returns the source and the config list. */
export function prepareHomepage(workDir) {
  execFileSync(process.execPath, [path.join(root, "scripts", "vendor-assets.mjs")], { stdio: "ignore" });
  const siteDir = path.join(workDir, "site");
  fs.mkdirSync(siteDir, { recursive: true });
  for (const name of fs.readdirSync(root)) {
    if (SKIP.has(name)) continue;
    fs.cpSync(path.join(root, name), path.join(siteDir, name), { recursive: true });
  }
  pinMtimes(siteDir);
  const pinned = path.join(workDir, "_pinned.yml");
  fs.writeFileSync(pinned, `time: "${FIXTURE_TIME}"\ndisable_disk_cache: true\n`);
  return { siteDir, configs: [path.join(siteDir, "_config.yml"), path.join(siteDir, "_config.no-extras.yml"), pinned] };
}

/** Builds the homepage with real Jekyll into dest. */
export function buildWithJekyll(dest) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "homepage-oracle-"));
  try {
    const { siteDir, configs } = prepareHomepage(work);
    execFileSync("faketime", ["-f", `@${FIXTURE_TIME.replace(/ \+0000$/, "")}`, "jekyll", "build", "--source", siteDir,
      "--destination", dest, "--config", configs.join(",")],
    { env: { ...process.env, ...HOMEPAGE_ENV }, stdio: ["ignore", "pipe", "pipe"] });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Relative paths of every file under dir, sorted. */
function listFiles(dir, prefix = "") {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]).sort();
}

/** Differences between two trees: missing, extra and changed files. */
export function diffTrees(a, b) {
  const fa = listFiles(a), fb = listFiles(b), problems = [];
  for (const f of fa) if (!fb.includes(f)) problems.push(`only in ${a}: ${f}`);
  for (const f of fb) if (!fa.includes(f)) problems.push(`only in ${b}: ${f}`);
  for (const f of fa) if (fb.includes(f) && !fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f)))) problems.push(`differs: ${f}`);
  return problems;
}

async function main(args) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "homepage-site-"));
  try {
    buildWithJekyll(path.join(out, "_site"));
    if (args.includes("--check")) {
      const problems = diffTrees(expectedDir, path.join(out, "_site"));
      for (const p of problems) console.error(p);
      console.log(problems.length ? `✗ ${problems.length} differences` : "✓ test/homepage-expected/ is up to date");
      return problems.length ? 1 : 0;
    }
    fs.rmSync(expectedDir, { recursive: true, force: true });
    fs.cpSync(path.join(out, "_site"), expectedDir, { recursive: true });
    console.log(`✓ ${listFiles(expectedDir).length} files in ${path.relative(root, expectedDir)}/`);
    return 0;
  } catch (e) {
    console.error(`jekyll failed:\n${e.stdout ?? ""}${e.stderr ?? e.message}`);
    return 1;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
