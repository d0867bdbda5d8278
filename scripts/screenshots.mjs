#!/usr/bin/env node
// Regenerates docs/screenshots/*.png: the home page, the blog index and two posts (tables, code,
// footnotes, figures, math), at 1280 px and 390 px wide, in light and dark mode, in headless
// Chromium (playwright-core).
//
// Which build: `node bin/build-site.js build` when the generator works; otherwise real Jekyll
// (`jekyll build` with _config.no-extras.yml: math by MathJax, which is blocked here, so shown as
// TeX), and the script says which one it used. Force one with
// SCREENSHOT_BUILDER=build-site|jekyll, or shoot an existing build with SITE_DIR=<dir>.
// Text in Chinese (the name in the intro) needs a CJK font where the browser runs (Debian:
// fonts-wqy-microhei or fonts-noto-cjk), as any visitor's system has one.
// Font Awesome and KaTeX must be vendored first (node scripts/vendor-assets.mjs). Requests to
// other hosts are blocked so the result does not depend on the network; the script fails if a
// page asks for one, or shows an image that did not load (the home page needs nothing from
// outside: its images, badges, fonts and typeset math are all served by the site).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import sharp from "sharp";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "docs", "screenshots");

function build() {
  if (process.env.SITE_DIR) return { dir: path.resolve(process.env.SITE_DIR), by: "an existing build (SITE_DIR)" };
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), "homepage-shots-"));
  const want = process.env.SCREENSHOT_BUILDER;
  if (want !== "jekyll") {
    try {
      execFileSync(process.execPath, [path.join(root, "bin", "build-site.js"), "build", "-d", dest], { cwd: root, stdio: "pipe" });
      return { dir: dest, by: "build-site" };
    } catch (e) {
      if (want === "build-site") throw e;
      console.warn(`build-site failed (${String(e.stderr || e.message).split("\n")[0]}); falling back to Jekyll`);
    }
  }
  const configs = ["_config.yml", "_config.no-extras.yml"].map((f) => path.join(root, f)).join(",");
  execFileSync("jekyll", ["build", "-s", root, "-d", dest, "--disable-disk-cache", "--config", configs], { cwd: root, stdio: "pipe" });
  return { dir: dest, by: "jekyll" };
}

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".png": "image/png",
  ".svg": "image/svg+xml", ".ico": "image/x-icon", ".woff2": "font/woff2", ".xml": "application/xml", ".json": "application/json" };

// A static server with GitHub Pages' URL rules: /dir/ serves dir/index.html, /page serves page.html.
function serve(dir) {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = path.join(dir, urlPath);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!urlPath.endsWith("/")) { res.writeHead(301, { location: urlPath + "/" }).end(); return; }
      file = path.join(file, "index.html");
    } else if (!fs.existsSync(file) && fs.existsSync(file + ".html")) file += ".html";
    if (!fs.existsSync(file)) { res.writeHead(404, { "content-type": TYPES[".html"] }).end(fs.readFileSync(path.join(dir, "404.html"))); return; }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const pages = [["home", "/"], ["blog", "/blog-posts/"], ["post", "/posts/2025/05/analysis-fp4/"], ["post-math", "/posts/2025/08/quantization-scaling-law/"]];
const widths = [["desktop", 1280, 800], ["phone", 390, 844]];
const MAX_HEIGHT = 6400; // long pages are cut here: enough to judge the layout, small files

const { dir, by } = build();
console.log(`screenshots of the site built by ${by}: ${dir}`);
const server = await serve(dir);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
fs.mkdirSync(outDir, { recursive: true });
const outside = new Set();
const problems = [];
try {
  for (const scheme of ["light", "dark"]) {
    for (const [device, width, height] of widths) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
      await context.route((url) => !url.href.startsWith(base), (route) => { outside.add(route.request().url()); return route.abort(); });
      const page = await context.newPage();
      for (const [name, url] of pages) {
        await page.goto(base + url, { waitUntil: "load" });
        // Load every image now (loading="lazy" ones too), then wait for them, but never for long
        // (a blocked request may stay pending).
        await page.evaluate(async () => {
          for (const img of document.images) img.loading = "eager";
          const pending = [...document.images].filter((i) => !i.complete).map((i) => new Promise((r) => { i.addEventListener("load", r); i.addEventListener("error", r); }));
          await Promise.race([Promise.all(pending), new Promise((r) => setTimeout(r, 10000))]);
          await document.fonts.ready;
        });
        const broken = await page.evaluate(() => [...document.images].filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.currentSrc || i.src));
        for (const src of broken) problems.push(`${url} (${device}, ${scheme}): image did not load: ${src}`);
        const full = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = path.join(outDir, `${name}-${device}-${scheme}.png`);
        const shot = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(full, MAX_HEIGHT) } });
        // A 256-colour palette (sharp, a devDependency) keeps the committed files about a third
        // of their size; the pages are flat colours and text, with few photographs.
        fs.writeFileSync(file, await sharp(shot).png({ palette: true, quality: 95, effort: 10, compressionLevel: 9 }).toBuffer());
        console.log(`${path.relative(root, file)}  ${fs.statSync(file).size} bytes`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
for (const url of outside) problems.push(`a page asked another host for ${url}`);
for (const p of problems) console.error(p);
if (problems.length) process.exitCode = 1;
