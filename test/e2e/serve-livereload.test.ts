// Browser test of live reload: a real Chromium page, a hand-made _site, and the preview server's
// reload/showError/clearError calls that the engine wiring will make after each rebuild.
// Needs Chromium (at /usr/bin/chromium, or BUILD_SITE_CHROMIUM); the project's setup script
// installs it in CI.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startPreviewServer, type PreviewServer } from "../../src/serve/server.js";
import { OVERLAY_ID } from "../../src/serve/livereload.js";

const CHROMIUM = process.env.BUILD_SITE_CHROMIUM ?? "/usr/bin/chromium";

function page(version: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="/base/assets/main.css">
</head><body><p id="text">${version}</p></body></html>
`;
}

declare global {
  interface Window {
    __buildSiteLiveReload?: { connected: boolean };
    marker?: number;
  }
}

describe("live reload in a browser", { timeout: 120_000 }, () => {
  let dir: string;
  let root: string;
  let server: PreviewServer;
  let browser: Browser;

  const connected = (p: Page) => p.waitForFunction(() => window.__buildSiteLiveReload?.connected === true, null, { timeout: 10_000 });
  const textColor = (p: Page) => p.$eval("#text", (el) => getComputedStyle(el).color);

  before(async () => {
    assert.ok(fs.existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM} (set BUILD_SITE_CHROMIUM)`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-e2e-serve-"));
    root = path.join(dir, "_site");
    fs.mkdirSync(path.join(root, "assets"), { recursive: true });
    fs.writeFileSync(path.join(root, "index.html"), page("Version 1"));
    fs.writeFileSync(path.join(root, "assets", "main.css"), "#text { color: rgb(255, 0, 0); }\n");
    server = await startPreviewServer({ root, baseurl: "/base", host: "127.0.0.1", port: 0, livereload: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("reload('page') shows the new text without a manual reload", async () => {
    const p = await browser.newPage();
    await p.goto(server.url);
    await connected(p);
    assert.equal(await p.textContent("#text"), "Version 1");
    await p.evaluate(() => { window.marker = 1; });

    fs.writeFileSync(path.join(root, "index.html"), page("Version 2"));
    server.reload("page", ["index.html"]);
    await p.waitForFunction(() => document.getElementById("text")?.textContent === "Version 2", null, { timeout: 10_000 });
    assert.equal(await p.evaluate(() => window.marker), undefined, "the page really reloaded");
    await p.close();
  });

  test("reload('css') applies the new style in place, without reloading the page", async () => {
    const p = await browser.newPage();
    await p.goto(server.url);
    await connected(p);
    assert.equal(await textColor(p), "rgb(255, 0, 0)");
    await p.evaluate(() => { window.marker = 42; });

    fs.writeFileSync(path.join(root, "assets", "main.css"), "#text { color: rgb(0, 0, 255); }\n");
    server.reload("css", ["assets/main.css"]);
    await p.waitForFunction(() => getComputedStyle(document.getElementById("text")!).color === "rgb(0, 0, 255)", null, { timeout: 10_000 });
    assert.equal(await p.evaluate(() => window.marker), 42, "no full reload happened");
    // The old <link> is replaced, not piled up.
    await p.waitForFunction(() => document.querySelectorAll('link[rel="stylesheet"]').length === 1, null, { timeout: 10_000 });
    await p.close();
  });

  test("showError shows an escaped overlay with file:line:column, also on pages opened later; clearError removes it", async () => {
    const first = await browser.newPage();
    await first.goto(server.url);
    await connected(first);

    server.showError({
      message: "Liquid syntax error: Unknown tag '<b>foo</b>'", file: "_layouts/default.html", line: 12, column: 5,
      excerpt: [{ number: 11, text: "<main>" }, { number: 12, text: "\t{% <b>foo</b> %}" }, { number: 13, text: "</main>" }],
    });
    const overlay = first.locator(`#${OVERLAY_ID}`);
    await overlay.waitFor({ state: "visible", timeout: 10_000 });
    const text = (await overlay.textContent()) ?? "";
    assert.match(text, /_layouts\/default\.html:12:5/);
    assert.ok(text.includes("Unknown tag '<b>foo</b>'"), "message shown literally");
    assert.equal(await first.locator(`#${OVERLAY_ID} b`).count(), 0, "message and source lines not parsed as HTML");
    // The source lines, the error's line marked, a caret under its column (a tab stays a tab).
    const rows = await first.$$eval(`#${OVERLAY_ID} [data-build-site-excerpt] > div`, (els) => els.map((e) => e.textContent));
    assert.deepEqual(rows, ["  11 | <main>", "> 12 | \t{% <b>foo</b> %}", "     | \t   ^", "  13 | </main>"]);

    // A page opened while the error is active shows it at once.
    const second = await browser.newPage();
    await second.goto(server.url);
    await second.locator(`#${OVERLAY_ID}`).waitFor({ state: "visible", timeout: 10_000 });

    server.clearError();
    await overlay.waitFor({ state: "detached", timeout: 10_000 });
    await second.locator(`#${OVERLAY_ID}`).waitFor({ state: "detached", timeout: 10_000 });

    // The overlay can be dismissed by hand.
    server.showError({ message: "again" });
    await overlay.waitFor({ state: "visible", timeout: 10_000 });
    await first.click("[data-build-site-dismiss]");
    await overlay.waitFor({ state: "detached", timeout: 10_000 });
    server.clearError();
    await first.close();
    await second.close();
  });

  test("a restarted server (new instance on the same port) makes open pages reload", async () => {
    const p = await browser.newPage();
    await p.goto(server.url);
    await connected(p);
    await p.evaluate(() => { window.marker = 9; });
    const port = Number(new URL(server.url).port);
    await server.close();
    fs.writeFileSync(path.join(root, "index.html"), page("Version 3"));
    server = await startPreviewServer({ root, baseurl: "/base", host: "127.0.0.1", port, livereload: true });
    await p.waitForFunction(() => document.getElementById("text")?.textContent === "Version 3", null, { timeout: 15_000 });
    assert.equal(await p.evaluate(() => window.marker), undefined);
    await p.close();
  });
});
