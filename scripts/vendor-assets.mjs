#!/usr/bin/env node
// Copies Font Awesome (npm package @fortawesome/fontawesome-free) into assets/vendor/fontawesome/,
// where the site's <head> links it: css/all.min.css (v7 icons, and the v5 names the pages use
// such as fa-map-marker-alt, which all.css still aliases), css/v4-shims.min.css (so the v4-style
// "fa fa-calendar" markup of the home page keeps working) and the webfonts those files load by
// the relative path ../webfonts/. The copy is gitignored; run this after `npm ci` and before any
// build (real Jekyll or build-site): node scripts/vendor-assets.mjs
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve("@fortawesome/fontawesome-free/package.json"));
const dest = path.join(root, "assets", "vendor", "fontawesome");

const files = [
  "css/all.min.css",
  "css/v4-shims.min.css",
  "LICENSE.txt",
  ...fs.readdirSync(path.join(pkgDir, "webfonts")).filter((f) => f.endsWith(".woff2")).map((f) => `webfonts/${f}`),
];

// Start clean so a font dropped by a package upgrade does not linger in the site.
fs.rmSync(dest, { recursive: true, force: true });
for (const rel of files) {
  const to = path.join(dest, rel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(path.join(pkgDir, rel), to);
}
const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
console.log(`vendor-assets: Font Awesome ${version}, ${files.length} files -> ${path.relative(root, dest)}/`);
