// A stylesheet edit under `serve`, end to end: a Sass partial is changed, and the time is taken
// until the page open in a headless Chromium shows the new style (livereload swaps the stylesheet
// in place). The site is the synthetic blog with one stylesheet added (assets/main.scss importing
// _sass/_colors.scss, linked from the layout), in a scratch folder.
//
//   node dist/bench/serve-css.js [--posts 1000] [--edits 7]
//
// build-site only: Hugo and Jekyll are not driven through a browser here. Chromium comes from
// BUILD_SITE_CHROMIUM (default /usr/bin/chromium); prints each edit and the median.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { prepareSynthetic } from "./lib/sites.js";
import { freePort } from "./lib/watch.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..");
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const posts = arg("--posts", 1000);
const edits = arg("--edits", 7);
const CHROMIUM = process.env.BUILD_SITE_CHROMIUM ?? "/usr/bin/chromium";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-serve-css-"));
const site = prepareSynthetic(scratch, posts, path.join(repoRoot, "bench", "gen-synthetic.mjs"));
const src = site.jekyllDir;
const out = path.join(scratch, "out");
const partial = path.join(src, "_sass", "_colors.scss");
const color = (k: number) => `rgb(${k % 256}, ${(k * 7) % 256}, 200)`;
fs.mkdirSync(path.dirname(partial), { recursive: true });
fs.writeFileSync(partial, `$bg: ${color(0)};\nbody { background-color: $bg; }\n`);
fs.mkdirSync(path.join(src, "assets"), { recursive: true });
fs.writeFileSync(path.join(src, "assets", "main.scss"), `---\n---\n@import "colors";\n`);
const layout = path.join(src, "_layouts", "default.html");
fs.writeFileSync(layout, fs.readFileSync(layout, "utf8").replace("</head>", `<link rel="stylesheet" href="/assets/main.css">\n</head>`));

const port = await freePort();
const child = spawn(process.execPath, [path.join(repoRoot, "bin", "build-site.js"), "serve", "-s", src, "-d", out, "-H", "127.0.0.1", "-P", String(port), "--livereload"], { stdio: ["ignore", "pipe", "pipe"] });
let log = "";
const ready = new Promise<void>((resolve, reject) => {
  const onData = (d: Buffer) => { log += d; if (/Server running/.test(log)) resolve(); };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  child.once("exit", () => reject(new Error(`serve exited:\n${log}`)));
});
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const times: number[] = [];
try {
  await ready;
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  // Connected to livereload before the first edit.
  await page.waitForFunction(() => (window as any).__buildSiteLiveReload?.connected === true);
  await sleep(1000);
  // A page reload would lose this: the stylesheet must be swapped in place.
  await page.evaluate(() => { (window as any).benchMarker = 1; });
  for (let k = 1; k <= edits; k++) {
    const want = color(k);
    const t = performance.now();
    fs.writeFileSync(partial, `$bg: ${want};\nbody { background-color: $bg; }\n`);
    await page.waitForFunction((w) => getComputedStyle(document.body).backgroundColor === w, want, { polling: "raf", timeout: 30_000 });
    times.push(performance.now() - t);
    const reloaded = await page.evaluate(() => (window as any).benchMarker !== 1);
    if (reloaded) throw new Error("the page was reloaded rather than the stylesheet swapped");
    await sleep(1000);
  }
  console.log(`serve, Sass partial edited → new style applied in Chromium, ${posts} posts, ${edits} edits: ${times.map((x) => x.toFixed(0)).join(" ")} ms; median ${median(times).toFixed(0)} ms`);
} finally {
  await browser.close();
  child.kill("SIGINT");
  await new Promise((r) => child.once("exit", r));
  fs.rmSync(scratch, { recursive: true, force: true });
}
