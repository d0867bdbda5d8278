// build-site as a user gets it from npm: the package is packed (`npm pack`, of the build that
// `npm test` has just made), installed into a temporary Jekyll site outside the repository with
// nothing but its own dependencies (from the npm cache, or the registry), and then `npx
// build-site`, `npx build-site serve` and `npx build-site new` run there. The site uses what loads
// files at run time: Sass (sass-embedded), highlighting, KaTeX and jemoji (their files beside the
// bundle), jekyll-feed, the worker threads. The tarball must hold the bundle and
// the templates, and nothing of the tests, benchmarks or the homepage.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { ROOT } from "../conformance/harness.js";

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string; size: number }>;
}

/**
 * The environment for npm and the installed CLI: no trace of the repository (its node_modules/.bin
 * on PATH, npm's per-script variables from `npm test`), so nothing can resolve into it.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith("npm_") && !k.startsWith("npm_config_")) continue;
    if (k === "NODE_PATH" || k === "INIT_CWD") continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? "").split(path.delimiter).filter((p) => !p.startsWith(ROOT)).join(path.delimiter);
  env.TZ = "UTC";
  return env;
}

const npm = (args: string[], cwd: string) =>
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", args, { cwd, env: cleanEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

const npx = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  execFileSync(process.platform === "win32" ? "npx.cmd" : "npx", ["--no", "build-site", ...args], { cwd, env: { ...cleanEnv(), ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Every file under `dir`, relative, with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const rel of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, rel);
    if (fs.statSync(full).isFile()) files.set(rel, fs.readFileSync(full));
  }
  return files;
}

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

describe("the npm package, installed from its tarball into another site", { timeout: 600_000 }, () => {
  let work: string;
  let site: string;
  let pack: PackResult;

  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, "dist", "bundle", "cli.js")), "no bundle: run `npm test` (or tsc and node scripts/bundle.mjs) first");
    work = fs.mkdtempSync(path.join(os.tmpdir(), "package-install-"));
    // --ignore-scripts: `npm test` has just compiled and bundled; prepack would do it again, and
    // rewrite dist/ under the other tests running meanwhile.
    pack = (JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT)) as PackResult[])[0]!;
    site = path.join(work, "site");
    write(site, "package.json", JSON.stringify({ name: "scratch-site", private: true }, null, 2));
    write(site, "_config.yml", "title: Scratch\nurl: https://example.com\nplugins: [jekyll-feed, jemoji]\n");
    write(site, "_layouts/default.html", "<!DOCTYPE html>\n<html><head><link rel=\"stylesheet\" href=\"{{ '/css/main.css' | relative_url }}\"></head><body>{{ content }}</body></html>\n");
    write(site, "_posts/2024-01-02-hello.md", "---\nlayout: default\ntitle: Hello\n---\nHello :smile:\n\n```kotlin\nfun main() { val x = 1 }\n```\n");
    write(site, "index.md", "---\nlayout: default\n---\n# Home\n\n{% for post in site.posts %}[{{ post.title }}]({{ post.url }}){% endfor %}\n");
    write(site, "css/main.scss", "---\n---\n$ink: #c00;\nbody { color: $ink; }\n");
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(work, pack.filename)], site);
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test("the tarball: bin, the bundle with its lazily loaded files, templates, LICENSE and NOTICE, and nothing else", () => {
    const files = pack.files.map((f) => f.path);
    for (const needed of [
      "bin/build-site.js", "bin/package.json", "dist/bundle/cli.js", "dist/bundle/code-cache.js", "dist/bundle/package.json",
      "dist/bundle/gemoji.js", "dist/bundle/parallel-worker.js", "dist/bundle/writer-worker.js", "dist/bundle/sass-worker.js",
      "dist/bundle/THIRD-PARTY-LICENSES.txt", "templates/starter/_config.yml", "templates/blank/_config.yml",
      "LICENSE", "NOTICE", "README.md", "package.json",
    ]) assert.ok(files.includes(needed), `missing ${needed}`);
    const unwanted = /^(test|bench|src|docs|scripts\/(?!prepare\.mjs$)|_pages|_posts|_data|_includes|_layouts|_sass|images|assets|dist\/src|dist\/test|dist\/bench)\/|\.cache$|^(404\.md|_config\.yml|favicon)/;
    assert.deepEqual(files.filter((f) => unwanted.test(f)), [], "nothing of the tests, benchmarks or homepage");
    assert.ok(pack.entryCount < 60, `${pack.entryCount} files`);
  });

  test("installs no devDependency: what the bundle inlines is not installed", () => {
    const installed = fs.readdirSync(path.join(site, "node_modules"));
    for (const dev of ["typescript", "esbuild", "liquidjs", "markdown-it", "js-yaml", "playwright-core", "@fortawesome"]) {
      assert.ok(!installed.includes(dev), `${dev} was installed`);
    }
    for (const dep of ["build-site", "sass-embedded", "chokidar"]) assert.ok(installed.includes(dep), `${dep} missing`);
  });

  test("npx build-site builds the site: Sass, highlighting, jemoji, the feed", () => {
    const out = npx([], site);
    assert.match(out, /done in [\d.]+ seconds\./);
    const post = fs.readFileSync(path.join(site, "_site", "2024", "01", "02", "hello.html"), "utf8");
    assert.match(post, /<span class="k">fun<\/span>/, "kotlin is highlighted");
    assert.match(post, /class="emoji"/, "jemoji's table loads from beside the bundle");
    assert.match(fs.readFileSync(path.join(site, "_site", "css", "main.css"), "utf8"), /color: #c00/);
    assert.match(fs.readFileSync(path.join(site, "_site", "feed.xml"), "utf8"), /<title type="html">Hello<\/title>/);
  });

  test("the render worker runs from the installed cli.js: its file is a shim, and the site builds the same with it", () => {
    // scripts/bundle.mjs (writeThreadShims): the pipeline's threads load cli.js with its code cache.
    for (const shim of ["parallel-worker.js", "rebuild-worker.js"]) {
      const file = pack.files.find((f) => f.path === `dist/bundle/${shim}`);
      assert.ok(file && file.size < 1024, `${shim} is a shim, not a bundle of its own (${file?.size} bytes)`);
    }
    const alone = path.join(work, "out-main-thread");
    const withWorker = path.join(work, "out-render-worker");
    npx(["build", "-q", "-d", alone], site);
    const out = npx(["build", "--verbose", "-d", withWorker], site, { BUILD_SITE_PARALLEL_MIN: "1" });
    assert.match(out, /Rendering: on two threads/, "the render worker ran");
    const a = tree(alone);
    const b = tree(withWorker);
    assert.deepEqual([...b.keys()].sort(), [...a.keys()].sort());
    for (const [rel, bytes] of a) {
      // The feed's <updated> is the build's time.
      if (rel !== "feed.xml") assert.ok(bytes.equals(b.get(rel)!), `${rel} differs with the render worker`);
    }
  });

  test("npx build-site serve serves the site", async () => {
    const child = spawn(process.platform === "win32" ? "npx.cmd" : "npx", ["--no", "build-site", "serve", "--port", "0"], { cwd: site, env: cleanEnv(), detached: true });
    let output = "";
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (b: Buffer) => {
          output += b.toString();
          const m = /Server address:\s*(\S+)/.exec(output);
          if (m && output.includes("Server running")) resolve(m[1]!);
        };
        child.stdout!.on("data", onData);
        child.stderr!.on("data", onData);
        child.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
      });
      const body = await new Promise<string>((resolve, reject) => {
        http.get(new URL("2024/01/02/hello.html", url), (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c) => (text += c));
          res.on("end", () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`status ${res.statusCode}`))));
        }).on("error", reject);
      });
      assert.match(body, /Hello/);
      assert.match(body, /data-build-site-livereload/, "live reload is injected");
    } finally {
      // npx runs build-site as a child: stop the whole group.
      const exited = new Promise((r) => child.once("exit", r));
      try { process.kill(-child.pid!, "SIGTERM"); } catch { /* already gone */ }
      await exited;
    }
  });

  test("npx build-site new makes a starter site that the installed package builds", () => {
    const fresh = path.join(work, "fresh");
    npx(["new", fresh], site);
    assert.ok(fs.existsSync(path.join(fresh, "_layouts", "default.html")));
    npx(["build", "-q", "-s", fresh, "-d", path.join(fresh, "_site")], site);
    assert.match(fs.readFileSync(path.join(fresh, "_site", "index.html"), "utf8"), /Welcome!/);
    assert.ok(fs.existsSync(path.join(fresh, "_site", "feed.xml")));
  });
});
