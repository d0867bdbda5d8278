#!/usr/bin/env node
// npm's `prepare`: after `npm ci` / `npm install` in a clone (and when npm installs build-site from
// git), compile src/ and bundle it, then copy Font Awesome and KaTeX's CSS and fonts for the
// homepage. `npm pack` and `npm publish` run `prepack` first, which has just built the bundle:
// building twice would only cost time, so then this does nothing. Nor does it in an installed
// package (no src/ to build: the package holds the bundle), where npm may run `prepare` for a
// tarball or git source.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
if (["pack", "publish"].includes(process.env.npm_command ?? "")) process.exit(0);
if (!fs.existsSync(path.join(root, "src")) || !fs.existsSync(path.join(root, "tsconfig.json"))) process.exit(0);

// npm runs `prepare` again for the project itself when `npx build-site` finds node_modules'
// hidden lockfile older than the project folder (any build touches it), which would mean a full
// compile before the first `npx build-site` after `npm ci`. When the bundle is newer than every
// file it is made from, there is nothing to do.
const newest = (dir) => {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return latest;
};
const bundled = fs.statSync(path.join(root, "dist", "bundle", "cli.js"), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const inputs = Math.max(
  newest(path.join(root, "src")),
  newest(path.join(root, "scripts")),
  ...["tsconfig.json", "package.json", "package-lock.json"].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
);
const vendored = fs.existsSync(path.join(root, "assets", "vendor", "katex"));
if (bundled > inputs && vendored) process.exit(0);

const run = (file, args) => execFileSync(process.execPath, [file, ...args], { cwd: root, stdio: "inherit" });
run(path.join(root, "node_modules", "typescript", "bin", "tsc"), ["-p", "tsconfig.json"]);
run(path.join(root, "scripts", "bundle.mjs"), []);
run(path.join(root, "scripts", "vendor-assets.mjs"), []);
