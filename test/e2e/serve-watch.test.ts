// `build-site serve` end to end, as a user lives in it: the real CLI process, a real Chromium page,
// and edits to source files, on a site with jekyll-feed and jekyll-sitemap. Editing a post shows
// the new text without a manual reload; editing SCSS restyles the page without reloading it,
// although the feed is rewritten with a new <updated> (the build time is no page change); a
// Liquid error shows an overlay with the source lines around it, and fixing it removes the overlay.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { OVERLAY_ID } from "../../src/serve/livereload.js";
import { ROOT } from "../conformance/harness.js";

const CHROMIUM = process.env.BUILD_SITE_CHROMIUM ?? "/usr/bin/chromium";

declare global {
  interface Window { marker?: number; }
}

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

const POST = (body: string) => `---\nlayout: default\ntitle: Hello\n---\n<p id="text">${body}</p>\n`;

describe("build-site serve --watch in a browser", { timeout: 180_000 }, () => {
  let dir: string;
  let serve: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  let output = "";

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "serve-watch-"));
    write(dir, "_config.yml", "title: Watch\nurl: https://example.org\nplugins: [jekyll-feed, jekyll-sitemap]\n");
    write(dir, "_layouts/default.html", `<!doctype html><html><head><meta charset="utf-8"><title>{{ page.title }}</title>{% feed_meta %}<link rel="stylesheet" href="/assets/main.css"></head><body>{{ content }}</body></html>\n`);
    write(dir, "_posts/2025-05-30-hello.md", POST("first version"));
    write(dir, "assets/main.scss", "---\n---\n@import \"ink\";\n#text { color: $ink; }\n");
    write(dir, "_sass/_ink.scss", "$ink: rgb(200, 0, 0);\n");
    serve = spawn(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "serve", "--port", "0", "--source", dir], {
      cwd: dir,
      env: { ...process.env, TZ: "UTC" },
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 60_000);
      const onData = (b: Buffer) => {
        output += b.toString();
        const m = /Server address:\s*(\S+)/.exec(output);
        if (m && output.includes("Server running")) { clearTimeout(timer); resolve(m[1]!); }
      };
      serve.stdout!.on("data", onData);
      serve.stderr!.on("data", onData);
      serve.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    page = await browser.newPage();
    await page.goto(new URL("2025/05/30/hello.html", url).href);
  });

  after(async () => {
    await browser?.close();
    serve?.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("editing a post shows the new text without a manual reload", async () => {
    assert.equal(await page.textContent("#text"), "first version");
    write(dir, "_posts/2025-05-30-hello.md", POST("second version"));
    await page.waitForFunction(() => document.querySelector("#text")?.textContent === "second version", null, { timeout: 20_000 });
  });

  test("editing a Sass partial swaps the stylesheet without navigating, though jekyll-feed rewrote feed.xml", async () => {
    await page.waitForFunction(() => getComputedStyle(document.querySelector("#text")!).color === "rgb(200, 0, 0)", null, { timeout: 20_000 });
    const updated = async () => /<updated>([^<]+)<\/updated>/.exec(await (await fetch(new URL("feed.xml", url))).text())?.[1];
    const feedBefore = await updated();
    assert.ok(feedBefore, "the site has a feed with its build time");
    // The next build's time must be a later second than this feed's, or the feed would not change.
    const builtAt = Date.parse(feedBefore);
    while (Date.now() < builtAt + 1000) await new Promise((r) => setTimeout(r, 100));
    let navigations = 0;
    const onNavigated = (frame: import("playwright-core").Frame) => { if (frame === page.mainFrame()) navigations++; };
    page.on("framenavigated", onNavigated);
    await page.evaluate(() => { window.marker = 42; });
    const stylesheets = () => page.evaluate(() => Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'), (l) => l.href));
    assert.deepEqual(await stylesheets(), [new URL("/assets/main.css", url).href]);

    write(dir, "_sass/_ink.scss", "$ink: rgb(0, 0, 200);\n");
    await page.waitForFunction(() => getComputedStyle(document.querySelector("#text")!).color === "rgb(0, 0, 200)", null, { timeout: 20_000 });
    page.off("framenavigated", onNavigated);
    assert.equal(navigations, 0, "no navigation happened");
    assert.equal(await page.evaluate(() => window.marker), 42, "the page was not reloaded");
    assert.match((await stylesheets())[0] ?? "", /\/assets\/main\.css\?__build_site=\d+$/, "the stylesheet was swapped in place");
    assert.notEqual(await updated(), feedBefore, "the feed was rewritten with the new build's time");
  });

  test("a Liquid error shows an overlay with file and line; fixing it removes the overlay", async () => {
    write(dir, "_posts/2025-05-30-hello.md", "---\nlayout: default\ntitle: Hello\n---\n<p id=\"text\">broken</p>\n{% if true %}\nnever closed\n");
    await page.waitForSelector(`#${OVERLAY_ID}`, { state: "visible", timeout: 20_000 });
    const text = await page.textContent(`#${OVERLAY_ID}`);
    assert.match(text ?? "", /_posts\/2025-05-30-hello\.md:6/);
    // The source lines around the error, numbered as in the file, the error's line marked and its
    // column under it (the unclosed tag's markup, where the Liquid error points: 6:7).
    const rows = await page.$$eval(`#${OVERLAY_ID} [data-build-site-excerpt] > div`, (els) => els.map((e) => e.textContent));
    assert.deepEqual(rows.slice(0, 5), ["  3 | title: Hello", "  4 | ---", "  5 | <p id=\"text\">broken</p>", "> 6 | {% if true %}", "    |       ^"]);
    assert.equal(await page.textContent(`#${OVERLAY_ID} [data-error-line]`), "> 6 | {% if true %}");
    assert.equal(await page.textContent("#text"), "second version", "the last good build is still served");
    write(dir, "_posts/2025-05-30-hello.md", POST("fixed version"));
    await page.waitForFunction(() => document.querySelector("#text")?.textContent === "fixed version", null, { timeout: 20_000 });
    assert.equal(await page.$(`#${OVERLAY_ID}`).then((el) => el?.isVisible() ?? false), false);
  });
  // Last: it ends the server the other tests use.
  test("SIGTERM (as Ctrl-C) stops serve and the process exits", async () => {
    const exited = new Promise<number | null>((resolve) => serve.once("exit", (code) => resolve(code)));
    serve.kill("SIGTERM");
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r("still running"), 10_000))]);
    assert.equal(code, 0, "serve exits by itself once its server and watcher are closed");
  });
});
