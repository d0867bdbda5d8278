#!/usr/bin/env node
// Smaller copies of the site's large images, and their sizes for the templates.
//
//   node scripts/images.mjs          write the copies and _data/images.json (both committed)
//   node scripts/images.mjs --check  exit 1 if a copy or an entry of _data/images.json is missing or stale
//
// For every PNG/JPEG under images/ (not images/_src/, not the favicons) it records the width and
// height, so an <img> can carry width/height and the page does not jump as images arrive; and for
// each width in WIDTHS below the original's it writes a WebP copy beside it, `name-<w>w.webp`,
// which the templates offer in `srcset`. Thumbnails show at ~320 CSS px, so the 320 and 640 copies
// cover 1x and 2x screens and the original stays for larger ones.
//
// The copies are made with sharp (a devDependency, libvips' Lanczos resampling), once, by whoever
// changes an image; the build only reads _data/images.json and serves the committed files, so
// neither Jekyll nor build-site needs sharp. The output depends only on the originals and the
// pinned sharp version.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const imagesDir = path.join(root, "images");
const dataFile = path.join(root, "_data", "images.json");
const WIDTHS = [320, 640];
// Kept whole: icons are already small and are never shown in an <img> with srcset.
const SKIP = /^(favicon|apple-touch-icon)/;
const VARIANT = /-\d+w\.webp$/;
const WEBP = { quality: 82, effort: 6, smartSubsample: true };

function originals(dir, rel = "") {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith("_") || e.name.startsWith(".")) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...originals(path.join(dir, e.name), r));
    else if (/\.(png|jpe?g)$/i.test(e.name) && !SKIP.test(e.name) && !VARIANT.test(e.name)) out.push(r);
  }
  return out;
}

async function main(check) {
  const { default: sharp } = await import("sharp");
  const entries = {};
  const problems = [];
  for (const rel of originals(imagesDir)) {
    const file = path.join(imagesDir, rel);
    const { width, height } = await sharp(file).metadata();
    const variants = [];
    for (const w of WIDTHS.filter((w) => w < width)) {
      const name = rel.replace(/\.[^.]+$/, `-${w}w.webp`);
      const out = path.join(imagesDir, name);
      const data = await sharp(file).resize({ width: w, kernel: "lanczos3" }).webp(WEBP).toBuffer();
      if (check) {
        if (!fs.existsSync(out) || !fs.readFileSync(out).equals(data)) problems.push(`stale or missing: images/${name}`);
      } else {
        fs.writeFileSync(out, data);
      }
      variants.push({ src: `/images/${name}`, width: w });
    }
    entries[`/images/${rel}`] = { width, height, variants };
  }
  const json = `${JSON.stringify(entries, null, 2)}\n`;
  if (check) {
    if (!fs.existsSync(dataFile) || fs.readFileSync(dataFile, "utf8") !== json) problems.push("stale or missing: _data/images.json");
    for (const p of problems) console.error(p);
    console.log(problems.length ? `✗ ${problems.length} problems (run node scripts/images.mjs)` : "✓ image copies up to date");
    return problems.length ? 1 : 0;
  }
  fs.writeFileSync(dataFile, json);
  const count = Object.values(entries).reduce((n, e) => n + e.variants.length, 0);
  console.log(`images: ${Object.keys(entries).length} originals, ${count} WebP copies, ${path.relative(root, dataFile)}`);
  return 0;
}

process.exitCode = await main(process.argv.includes("--check"));
