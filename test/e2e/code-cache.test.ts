// bin/ with the bundle's code cache, end to end, in a private copy of the install (so that other
// builds sharing dist/bundle are not disturbed): the first build writes the cache, later builds use
// it unchanged, a damaged cache is replaced, and the output never depends on any of it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** A copy of what bin/ runs: bin/, the bundle (with its loader) without its cache, package.json. */
function install(dir: string): void {
  fs.mkdirSync(path.join(dir, "bin"));
  for (const f of ["build-site.js", "package.json"]) fs.copyFileSync(path.join(root, "bin", f), path.join(dir, "bin", f));
  fs.copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  fs.mkdirSync(path.join(dir, "dist/bundle"), { recursive: true });
  for (const f of fs.readdirSync(path.join(root, "dist/bundle"))) {
    if (!f.endsWith(".cache") && !f.endsWith(".tmp")) fs.copyFileSync(path.join(root, "dist/bundle", f), path.join(dir, "dist/bundle", f));
  }
}

function build(dir: string, site: string, env: Record<string, string> = {}): { code: number | null; html: string } {
  const dest = path.join(site, "_site");
  const env2: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", ...env };
  if (!env.NODE_OPTIONS) delete env2.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [path.join(dir, "bin/build-site.js"), "build", "-q", "-s", site, "-d", dest], { encoding: "utf8", env: env2 });
  assert.equal(r.stderr, "");
  return { code: r.status, html: fs.readFileSync(path.join(dest, "index.html"), "utf8") };
}

const caches = (dir: string) => fs.readdirSync(path.join(dir, "dist/bundle")).filter((f) => f.endsWith(".cache"));

test("bin/ writes the code cache once, uses it, replaces a damaged one, and builds the same site each time", (t) => {
  if (!fs.existsSync(path.join(root, "dist/bundle/cli.js"))) return t.skip("no bundle: run node scripts/bundle.mjs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-e2e-"));
  try {
    install(dir);
    const site = path.join(dir, "site");
    fs.mkdirSync(path.join(site, "_posts"), { recursive: true });
    fs.writeFileSync(path.join(site, "_config.yml"), "title: Cache\n");
    fs.writeFileSync(path.join(site, "index.md"), "---\ntitle: Home\n---\n# {{ page.title }}\n\n{% for p in site.posts %}- [{{ p.title }}]({{ p.url }}) {{ p.date | date: '%B %-d, %Y' }}\n{% endfor %}\n```ruby\nputs 1\n```\n");
    fs.writeFileSync(path.join(site, "_posts/2024-01-02-one.md"), "---\ntitle: One\n---\n*one*\n");

    const under = build(dir, site, { NODE_OPTIONS: "--no-deprecation" });
    assert.equal(under.code, 0);
    assert.deepEqual(caches(dir), [], "no cache is written from a node with extra flags");

    const first = build(dir, site);
    assert.equal(first.code, 0);
    assert.match(first.html, /<a href="\/2024\/01\/02\/one.html">One<\/a> January 2, 2024/);
    assert.match(first.html, /<span class="nb">puts<\/span>/);
    assert.equal(first.html, under.html);
    assert.equal(caches(dir).length, 1, "the first plain build writes the cache");
    const cacheFile = path.join(dir, "dist/bundle", caches(dir)[0]!);
    const written = fs.readFileSync(cacheFile);

    const second = build(dir, site);
    assert.equal(second.html, first.html);
    assert.deepEqual(fs.readFileSync(cacheFile), written, "a good cache is used as it is");

    const damaged = Buffer.from(written);
    for (let i = damaged.indexOf(10) + 1; i < damaged.length; i += 97) damaged[i] = damaged[i]! ^ 0x5a;
    fs.writeFileSync(cacheFile, damaged);
    const third = build(dir, site);
    assert.equal(third.html, first.html);
    assert.notDeepEqual(fs.readFileSync(cacheFile), damaged, "a damaged cache is replaced");
    assert.equal(build(dir, site).html, first.html);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a package loaded lazily (KaTeX) gets its own cache after the first build, used unchanged by the next", (t) => {
  if (!fs.existsSync(path.join(root, "dist/bundle/cli.js"))) return t.skip("no bundle: run node scripts/bundle.mjs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-lazy-e2e-"));
  try {
    install(dir);
    const site = path.join(dir, "site");
    fs.mkdirSync(site);
    fs.writeFileSync(path.join(site, "_config.yml"), "kramdown:\n  math_engine: katex\n");
    fs.writeFileSync(path.join(site, "index.md"), "---\ntitle: Math\n---\n$$\\frac{a}{b}$$\n");
    const katexCaches = () => caches(dir).filter((f) => f.startsWith("katex."));
    const first = build(dir, site);
    assert.equal(first.code, 0);
    assert.match(first.html, /<span class="katex">/);
    assert.equal(katexCaches().length, 1, "the build that loaded KaTeX writes its cache");
    const cacheFile = path.join(dir, "dist/bundle", katexCaches()[0]!);
    const written = fs.readFileSync(cacheFile);
    const second = build(dir, site);
    assert.equal(second.html, first.html);
    assert.deepEqual(fs.readFileSync(cacheFile), written, "the next build uses it as it is");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("sass-embedded, bundled beside the bundle, gets a cache from the Sass thread's first compile, used unchanged by the next build", (t) => {
  if (!fs.existsSync(path.join(root, "dist/bundle/cli.js"))) return t.skip("no bundle: run node scripts/bundle.mjs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-sass-e2e-"));
  try {
    install(dir);
    const bundled = fs.readdirSync(path.join(dir, "dist/bundle")).filter((f) => /^sass-embedded@[\d.]+\.js$/.test(f));
    const version = JSON.parse(fs.readFileSync(path.join(root, "node_modules/sass-embedded/package.json"), "utf8")).version;
    assert.deepEqual(bundled, [`sass-embedded@${version}.js`], "the copy is named after the installed version");
    const site = path.join(dir, "site");
    fs.mkdirSync(path.join(site, "assets"), { recursive: true });
    fs.writeFileSync(path.join(site, "_config.yml"), "title: Sass\n");
    fs.writeFileSync(path.join(site, "index.md"), "---\n---\nHome\n");
    fs.writeFileSync(path.join(site, "assets/main.scss"), "---\n---\n$w: 3px;\n.a { .b { width: $w * 2; } }\n");
    const css = () => fs.readFileSync(path.join(site, "_site/assets/main.css"), "utf8");
    const sassCaches = () => caches(dir).filter((f) => f.startsWith("sass-embedded@"));
    // BUILD_SITE_WORKERS is cleared: Sass is compiled on its thread, with the bundled copy.
    const clean = () => fs.rmSync(path.join(site, ".build-site-cache"), { recursive: true, force: true });
    clean();
    assert.equal(build(dir, site, { BUILD_SITE_WORKERS: "" }).code, 0);
    assert.match(css(), /\.a \.b \{\s*width: 6px;/);
    assert.equal(sassCaches().length, 1, "the Sass thread writes the copy's cache");
    const cacheFile = path.join(dir, "dist/bundle", sassCaches()[0]!);
    const written = fs.readFileSync(cacheFile);
    const first = css();
    clean();
    assert.equal(build(dir, site, { BUILD_SITE_WORKERS: "" }).code, 0);
    assert.equal(css(), first);
    assert.deepEqual(fs.readFileSync(cacheFile), written, "the next build uses it as it is");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("bin/ runs compiled modules newer than the bundle, and says so; without a bundle it says nothing", (t) => {
  if (!fs.existsSync(path.join(root, "dist/bundle/cli.js"))) return t.skip("no bundle: run node scripts/bundle.mjs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stale-bundle-"));
  try {
    install(dir);
    const main = path.join(dir, "dist/src/cli/main.js");
    fs.mkdirSync(path.dirname(main), { recursive: true });
    fs.writeFileSync(main, 'export async function main() { process.stdout.write("modules ran\\n"); return 0; }\n');
    const old = new Date(Date.now() - 60_000);
    for (const f of ["cli.js", "code-cache.js"]) fs.utimesSync(path.join(dir, "dist/bundle", f), old, old);
    const run = () => spawnSync(process.execPath, [path.join(dir, "bin/build-site.js"), "--version"], { encoding: "utf8" });
    const stale = run();
    assert.equal(stale.status, 0, stale.stderr);
    assert.equal(stale.stdout, "modules ran\n");
    assert.match(stale.stderr, /dist\/src is newer than dist\/bundle.*node scripts\/bundle\.mjs/);
    fs.rmSync(path.join(dir, "dist/bundle"), { recursive: true });
    const none = run();
    assert.equal(none.stdout, "modules ran\n");
    assert.equal(none.stderr, "");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
