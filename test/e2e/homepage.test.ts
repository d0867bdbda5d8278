// Browser checks of the homepage as a visitor sees it, at a desktop and a phone width, in
// headless Chromium (playwright-core). Builds the site with `node bin/build-site.js build -d <tmp>`,
// or tests an existing build when HOMEPAGE_SITE_DIR is set (e.g. Jekyll's, test/homepage-expected).
// Needs Font Awesome vendored (node scripts/vendor-assets.mjs) before building.
// Chromium: BUILD_SITE_CHROMIUM (or CHROMIUM_PATH), default /usr/bin/chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

// dist/test/e2e/homepage.test.js → repository root is three levels up.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const PAGES = ["/", "/blog-posts/", "/tags/", "/posts/2025/05/analysis-fp4/", "/posts/2025/08/quantization-scaling-law/", "/posts/2025/10/looped-1/", "/404.html"];
const CHROMIUM = process.env.BUILD_SITE_CHROMIUM ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without a browser there is nothing to drive: every test reports itself skipped, not passed.
const NO_BROWSER = fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
const WIDTHS = [{ name: "desktop", width: 1280, height: 800 }, { name: "phone", width: 390, height: 844 }];

let siteDir = "";
let builtHere = false;
let server: http.Server;
let base = "";
let browser: Browser;

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".png": "image/png", ".svg": "image/svg+xml", ".ico": "image/x-icon", ".woff2": "font/woff2", ".xml": "application/xml" };

// GitHub Pages' URL rules: /dir → 301 /dir/, /dir/ → dir/index.html, /page → page.html.
function startServer(dir: string): Promise<http.Server> {
  const srv = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = path.join(dir, urlPath);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!urlPath.endsWith("/")) { res.writeHead(301, { location: urlPath + "/" }).end(); return; }
      file = path.join(file, "index.html");
    } else if (!fs.existsSync(file) && fs.existsSync(file + ".html")) file += ".html";
    if (!fs.existsSync(file)) { res.writeHead(404).end("not found"); return; }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) => srv.listen(0, "127.0.0.1", () => resolve(srv)));
}

before(async () => {
  if (NO_BROWSER) return;
  if (process.env.HOMEPAGE_SITE_DIR) {
    siteDir = path.resolve(process.env.HOMEPAGE_SITE_DIR);
  } else {
    siteDir = fs.mkdtempSync(path.join(os.tmpdir(), "homepage-e2e-"));
    builtHere = true;
    execFileSync(process.execPath, [path.join(root, "bin", "build-site.js"), "build", "-d", siteDir],
      { cwd: root, env: { ...process.env, JEKYLL_ENV: "production" }, stdio: "pipe" });
  }
  assert.ok(fs.existsSync(path.join(siteDir, "index.html")), `no index.html in ${siteDir}`);
  server = await startServer(siteDir);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (builtHere) fs.rmSync(siteDir, { recursive: true, force: true });
});

// A context that only reaches the local server: a request for another host is refused and
// recorded (the site should make none), so the checks neither wait on nor depend on the network.
const outsideRequests = new Set<string>();
async function open(width: number, height: number, colorScheme: "light" | "dark" = "light"): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  await context.route((url) => !url.href.startsWith(base), (route) => { outsideRequests.add(route.request().url()); return route.abort(); });
  return context;
}

async function goto(page: Page, url: string) {
  const response = await page.goto(base + url, { waitUntil: "load" });
  assert.equal(response?.status(), 200, `${url} answered ${response?.status()}`);
}

// Relative luminance of a computed CSS colour ("rgb(r, g, b)").
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const bodyColor = (page: Page) => page.evaluate(() => getComputedStyle(document.body).color);

for (const { name, width, height } of WIDTHS) {
  test(`${name}: no page scrolls sideways`, { skip: NO_BROWSER }, async () => {
    const context = await open(width, height);
    const page = await context.newPage();
    for (const url of PAGES) {
      await goto(page, url);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      assert.ok(scrollWidth <= innerWidth, `${url} at ${width}px: content is ${scrollWidth}px wide`);
    }
    await context.close();
  });

  test(`${name}: publication and blog cards are laid out as cards`, { skip: NO_BROWSER }, async () => {
    const context = await open(width, height);
    const page = await context.newPage();
    await goto(page, "/");
    const cards = await page.$$eval(".pub-box, .blog-box", (boxes) => boxes.map((box) => {
      const image = box.querySelector(".pub-box-image, .blog-box-image")!.getBoundingClientRect();
      const text = box.querySelector(".pub-box-text, .blog-box-text")!.getBoundingClientRect();
      const style = getComputedStyle(box);
      return { image: { left: image.left, right: image.right, top: image.top, bottom: image.bottom, width: image.width },
        text: { left: text.left, top: text.top, width: text.width }, border: style.borderTopWidth, radius: style.borderTopLeftRadius,
        title: box.querySelector("h3 a")?.textContent ?? "" };
    }));
    assert.equal(cards.length, 6 + 4, "six publications and four blog cards");
    for (const card of cards) {
      assert.notEqual(card.border, "0px", `${card.title}: card has a border`);
      assert.notEqual(card.radius, "0px", `${card.title}: card has rounded corners`);
      assert.ok(card.image.width > 100, `${card.title}: thumbnail is visible`);
      if (width >= 900) {
        assert.ok(card.image.right <= card.text.left, `${card.title}: thumbnail beside the text`);
        assert.ok(Math.abs(card.image.top - card.text.top) < 40, `${card.title}: thumbnail and text side by side`);
      } else {
        assert.ok(card.image.bottom <= card.text.top + 1, `${card.title}: thumbnail above the text on a phone`);
      }
    }
    await context.close();
  });

  test(`${name}: the venue label sits above its thumbnail, not on it`, { skip: NO_BROWSER }, async () => {
    const context = await open(width, height);
    const page = await context.newPage();
    await goto(page, "/");
    const boxes = await page.$$eval(".pub-venue", (labels) => labels.map((l) => {
      const img = l.parentElement!.querySelector("img")!.getBoundingClientRect();
      const r = l.getBoundingClientRect();
      return { text: l.textContent, bottom: r.bottom, imgTop: img.top };
    }));
    assert.ok(boxes.length >= 1);
    for (const b of boxes) assert.ok(b.bottom <= b.imgTop, `${b.text}: the label ends at ${b.bottom}, the figure starts at ${b.imgTop}`);
    await context.close();
  });

  test(`${name}: award cards sit in a grid`, { skip: NO_BROWSER }, async () => {
    const context = await open(width, height);
    const page = await context.newPage();
    await goto(page, "/");
    const grid = await page.$eval(".awards-grid", (el) => ({
      display: getComputedStyle(el).display,
      right: el.getBoundingClientRect().right,
      icons: [...el.querySelectorAll(".award-icon")].map((i) => ({ text: (i.textContent ?? "").trim(), glyph: i.querySelector("i") ? getComputedStyle(i.querySelector("i")!, "::before").content : "" })),
      cards: [...el.querySelectorAll(".award-card")].map((c) => { const r = c.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right }; }),
    }));
    for (const icon of grid.icons) {
      assert.equal(icon.text, "", "no emoji as an icon (tofu without an emoji font)");
      assert.ok(icon.glyph && icon.glyph !== "none", "a Font Awesome glyph");
    }
    assert.equal(grid.display, "grid");
    assert.equal(grid.cards.length, 3);
    for (const c of grid.cards) assert.ok(c.right <= width, "award card inside the viewport");
    if (width >= 900) {
      assert.ok(grid.cards.every((c) => Math.abs(c.top - grid.cards[0].top) < 1), "all three awards in one row");
      assert.equal(new Set(grid.cards.map((c) => Math.round(c.left))).size, 3, "three columns");
      assert.ok(Math.abs(grid.cards[2].right - grid.right) < 2, "the three cards fill the row: no empty fourth column");
    } else {
      const rows = new Set(grid.cards.map((c) => Math.round(c.top)));
      assert.ok(rows.size >= 2, "awards wrap onto more rows on a phone");
    }
    await context.close();
  });

  test(`${name}: dark mode follows the system and the toggle, and is remembered`, { skip: NO_BROWSER }, async () => {
    const dark = await open(width, height, "dark");
    let page = await dark.newPage();
    await goto(page, "/");
    assert.ok(luminance(await bodyBackground(page)) < 0.05, "dark background when the system prefers dark");
    assert.ok(luminance(await bodyColor(page)) > 0.6, "light text when the system prefers dark");
    await dark.close();

    const light = await open(width, height, "light");
    page = await light.newPage();
    await goto(page, "/");
    assert.ok(luminance(await bodyBackground(page)) > 0.9, "light background by default");
    const toggle = page.locator(".theme-toggle");
    assert.ok(await toggle.isVisible(), "the toggle is visible");
    await toggle.click();
    assert.ok(luminance(await bodyBackground(page)) < 0.05, "dark after the toggle");
    assert.equal(await page.evaluate(() => localStorage.getItem("theme")), "dark");
    await goto(page, "/blog-posts/");
    assert.ok(luminance(await bodyBackground(page)) < 0.05, "the choice carries to the next page");
    await page.locator(".theme-toggle").click();
    assert.ok(luminance(await bodyBackground(page)) > 0.9, "light again after a second click");
    await light.close();
  });

  test(`${name}: every image has alt text`, { skip: NO_BROWSER }, async () => {
    const context = await open(width, height);
    const page = await context.newPage();
    for (const url of PAGES) {
      await goto(page, url);
      const missing = await page.$$eval("img", (imgs) => imgs.filter((i) => !(i.getAttribute("alt") ?? "").trim()).map((i) => i.getAttribute("src")));
      assert.deepEqual(missing, [], `${url}: images without alt text`);
    }
    await context.close();
  });

  test(`${name}: navigation links reach their targets`, { skip: NO_BROWSER }, async () => {
    const context = await open(width, height);
    const page = await context.newPage();
    await goto(page, "/");
    const hrefs = await page.$$eval("#site-nav a", (links) => links.map((a) => a.getAttribute("href") ?? ""));
    assert.ok(hrefs.length >= 6, "the masthead has its links");
    const ids = await page.$$eval("[id]", (els) => els.map((e) => e.id));
    for (const href of hrefs) {
      const [pathPart, hash] = href.split("#");
      if (hash) assert.ok(ids.includes(hash), `${href}: no element with id "${hash}" on the home page`);
      if (pathPart && pathPart !== "/") {
        const response = await page.request.get(base + pathPart);
        assert.equal(response.status(), 200, `${href} answered ${response.status()}`);
      }
    }
    if (width < 900) {
      // On a phone the links fold behind the menu button (JavaScript on) and open on a tap.
      const nav = page.locator("#site-nav");
      assert.equal(await nav.isVisible(), false, "menu closed at first");
      await page.locator(".nav-toggle").click();
      assert.equal(await nav.isVisible(), true, "menu open after a tap");
    } else {
      assert.equal(await page.locator("#site-nav").isVisible(), true);
    }
    await context.close();
  });
}

test("footer: the feed link underlines its word, not the space after its icon", { skip: NO_BROWSER }, async () => {
  const context = await open(1280, 800);
  const page = await context.newPage();
  await goto(page, "/");
  const link = await page.$eval('.site-footer a[href="/feed.xml"]', (a) => ({
    own: getComputedStyle(a).textDecorationLine,
    word: getComputedStyle(a.querySelector("span")!).textDecorationLine,
    text: a.textContent,
  }));
  assert.equal(link.own, "none");
  assert.equal(link.word, "underline");
  assert.equal(link.text, "Feed", "no space inside the link");
  await context.close();
});

test("blog index: the tag filter hides posts without the tag, and works as links without JavaScript", { skip: NO_BROWSER }, async () => {
  const context = await open(1280, 800);
  const page = await context.newPage();
  await goto(page, "/blog-posts/");
  const total = await page.locator(".post-list-item").count();
  assert.equal(total, 4);
  await page.locator('.tag-filter-button[data-filter="quantization"]').click();
  const visible = await page.locator(".post-list-item:visible").count();
  assert.equal(visible, 2, "two posts are tagged Quantization");
  await page.locator('.tag-filter-button[data-filter=""]').click();
  assert.equal(await page.locator(".post-list-item:visible").count(), total);
  const href = await page.locator('.tag-filter-button[data-filter="quantization"]').getAttribute("href");
  assert.equal(href, "/tags/#quantization");
  await goto(page, "/tags/");
  assert.equal(await page.locator("#quantization").count(), 1, "the tag archive has the anchor the link points to");
  await context.close();
});

for (const { name, width, height } of WIDTHS) {
  test(`${name}: every image loads, from this site, and no page asks another host for anything`, { skip: NO_BROWSER }, async () => {
    const context = await open(width, height);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    for (const url of PAGES) {
      await goto(page, url);
      // loading="lazy" images load when they come near the viewport: bring each one there.
      const count = await page.locator("img").count();
      for (let i = 0; i < count; i++) await page.locator("img").nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction(() => [...document.images].every((i) => i.complete), undefined, { timeout: 20000 });
      const images = await page.$$eval("img", (imgs) => imgs.map((i) => ({ src: i.currentSrc || i.src, w: i.naturalWidth, attrW: i.getAttribute("width"), attrH: i.getAttribute("height") })));
      if (url === "/") assert.ok(images.length >= 1 + 6 + 4, "avatar, six publication and four blog thumbnails");
      for (const img of images) {
        assert.ok(img.w > 0, `${url}: ${img.src} did not load`);
        assert.ok(img.src.startsWith(base), `${url}: ${img.src} is not served by the site`);
        assert.ok(img.attrW && img.attrH, `${url}: ${img.src} has no width/height (the page would shift as it loads)`);
      }
    }
    const elsewhere = [...new Set([...requested.filter((u) => !u.startsWith(base) && !u.startsWith("data:")), ...outsideRequests])];
    assert.deepEqual(elsewhere, [], "requests that left the local server");
    await context.close();
  });
}

test("posts show math typeset at build time: KaTeX's HTML and fonts from the site, no TeX left for a script", { skip: NO_BROWSER }, async () => {
  const context = await open(1280, 800);
  const page = await context.newPage();
  const fonts: string[] = [];
  page.on("request", (r) => { if (r.resourceType() === "font") fonts.push(r.url()); });
  await goto(page, "/posts/2025/08/quantization-scaling-law/");
  await page.evaluate(() => document.fonts.ready);
  const math = await page.evaluate(() => ({
    inline: document.querySelectorAll(".page-content .katex").length,
    display: document.querySelectorAll(".page-content .katex-display").length,
    scripts: [...document.scripts].map((s) => s.src).filter(Boolean),
    rawTex: /\\\(|\\\[|\$\$/.test(document.querySelector(".page-content")!.textContent ?? ""),
    mainFont: getComputedStyle(document.querySelector(".katex .mathnormal") ?? document.body).fontFamily,
  }));
  assert.ok(math.inline > 20 && math.display >= 3, `typeset formulas: ${math.inline} inline, ${math.display} display`);
  assert.equal(math.rawTex, false, "no \\( \\[ or $$ left in the text");
  assert.deepEqual(math.scripts.filter((s) => !s.endsWith("/assets/js/main.js")), [], "no math script");
  assert.match(math.mainFont, /KaTeX_Math/);
  assert.ok(fonts.some((f) => f.startsWith(`${base}/assets/vendor/katex/fonts/KaTeX_`)), `KaTeX's fonts come from the site: ${fonts.join(", ")}`);
  await context.close();
});
