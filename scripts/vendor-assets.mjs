#!/usr/bin/env node
// Copies the site's vendored front-end assets from their npm packages into assets/vendor/, where
// the site's <head> links them. The copies are gitignored; run this after `npm ci` and before any
// build (real Jekyll or build-site): node scripts/vendor-assets.mjs
//
// - Font Awesome (@fortawesome/fontawesome-free) into assets/vendor/fontawesome/:
//   css/all.min.css (v7 icons, and the v5 names the pages use such as fa-map-marker-alt, which
//   all.css still aliases), css/v4-shims.min.css (so the v4-style "fa fa-calendar" markup of the
//   home page keeps working) and the webfonts those files load by the relative path ../webfonts/.
// - KaTeX (katex) into assets/vendor/katex/: katex.min.css and the WOFF2 fonts it loads from
//   fonts/, for math typeset at build time (kramdown's `math_engine: katex`). The CSS names WOFF2
//   first, which every browser that runs KaTeX's CSS reads, so the WOFF and TTF copies are left out.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

function vendor(pkg, destName, files) {
  const pkgDir = path.dirname(require.resolve(`${pkg}/package.json`));
  const dest = path.join(root, "assets", "vendor", destName);
  const list = files(pkgDir);
  // Start clean so a file dropped by a package upgrade does not linger in the site.
  fs.rmSync(dest, { recursive: true, force: true });
  for (const [from, to] of list) {
    const out = path.join(dest, to);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.copyFileSync(path.join(pkgDir, from), out);
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  console.log(`vendor-assets: ${pkg} ${version}, ${list.length} files -> ${path.relative(root, dest)}/`);
}

const woff2 = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith(".woff2")).sort();

vendor("@fortawesome/fontawesome-free", "fontawesome", (dir) => [
  "css/all.min.css",
  "css/v4-shims.min.css",
  "LICENSE.txt",
  ...woff2(path.join(dir, "webfonts")).map((f) => `webfonts/${f}`),
].map((f) => [f, f]));

vendor("katex", "katex", (dir) => [
  ["dist/katex.min.css", "katex.min.css"],
  ["LICENSE", "LICENSE"],
  ...woff2(path.join(dir, "dist", "fonts")).map((f) => [`dist/fonts/${f}`, `fonts/${f}`]),
]);
