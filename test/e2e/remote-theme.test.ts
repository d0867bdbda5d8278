// `remote_theme:` end to end: the theme's archive served by a loopback HTTP server (the download
// base is BUILD_SITE_ARCHIVE_BASE; no test reaches the internet), built, then built again offline
// from the disk cache; both equal to what real Jekyll wrote for the site with the theme's folders
// copied in (remote-theme/oracle.mjs wrote remote-theme/expected/). Then what goes wrong: offline
// with nothing cached, and malicious archives, refused with nothing written outside the cache.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT, compareTrees } from "../conformance/harness.js";
import { entriesOfDir, tarGz, type TarEntry } from "../unit/cache/tar-writer.js";

const HERE = path.join(ROOT, "test", "e2e", "remote-theme");
const { prepareFixture } = (await import(pathToFileURL(path.join(ROOT, "scripts", "fixture-prep.mjs")).href)) as {
  prepareFixture(fixtureDir: string, workDir: string): { siteDir: string; configArg: string };
};

const archives = new Map<string, Buffer>();
const requests: string[] = [];
let server: http.Server;
let base = "";
/** A loopback port nothing listens on: "offline". */
let closedBase = "";

before(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? "");
    const body = archives.get(req.url ?? "");
    if (!body) { res.writeHead(404).end("no such archive"); return; }
    res.writeHead(200, { "content-type": "application/x-gzip", "content-length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedBase = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

after(() => { server.close(); });

function build(siteDir: string, configArg: string, out: string, archiveBase: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "--source", siteDir, "--destination", out, "--config", configArg], {
      env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development", BUILD_SITE_ARCHIVE_BASE: archiveBase, BUILD_SITE_OFFLINE: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => { output += d; });
    child.stderr.on("data", (d) => { output += d; });
    child.on("close", (status) => resolve({ status, output }));
  });
}

/** Every path below `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join("/")).sort();
}

test("remote_theme: downloaded from the archive server, then built offline from the cache; both equal to Jekyll's", async () => {
  archives.set("/acme/mini-theme/tar.gz/v1.0.0", tarGz(entriesOfDir(path.join(HERE, "theme"), "mini-theme-1.0.0")));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "remote-theme-"));
  try {
    const { siteDir, configArg } = prepareFixture(HERE, work);
    const online = await build(siteDir, configArg, path.join(work, "online"), base);
    assert.equal(online.status, 0, online.output);
    assert.match(online.output, /downloaded remote theme acme\/mini-theme@v1\.0\.0 into /);
    const first = compareTrees(path.join(HERE, "expected"), path.join(work, "online"));
    assert.deepEqual(first.problems, [], "online build");
    assert.ok(first.files >= 6);
    const cached = path.join(siteDir, ".build-site-cache", "themes", "acme", "mini-theme", "v1.0.0");
    assert.ok(fs.existsSync(path.join(cached, "_layouts", "default.html")), "the theme is in the cache");
    assert.deepEqual(requests.filter((r) => r.includes("mini-theme")), ["/acme/mini-theme/tar.gz/v1.0.0"]);

    // Offline: nothing answers at the archive base any more; the cache is used.
    const offline = await build(siteDir, configArg, path.join(work, "offline"), closedBase);
    assert.equal(offline.status, 0, offline.output);
    assert.doesNotMatch(offline.output, /downloaded/);
    assert.deepEqual(compareTrees(path.join(HERE, "expected"), path.join(work, "offline")).problems, [], "offline build");
    assert.equal(requests.filter((r) => r.includes("mini-theme")).length, 1, "no second download");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test("remote_theme offline with nothing cached: one clear error, nothing written", async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "remote-theme-"));
  try {
    const { siteDir, configArg } = prepareFixture(HERE, work);
    const r = await build(siteDir, configArg, path.join(work, "out"), closedBase);
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /remote theme acme\/mini-theme@v1\.0\.0 is not in the cache \(.*\.build-site-cache\/themes\/acme\/mini-theme\/v1\.0\.0\) and could not be downloaded from http:\/\/127\.0\.0\.1:\d+\/acme\/mini-theme\/tar\.gz\/v1\.0\.0: the download failed \(ECONNREFUSED\)/);
    assert.match(r.output, /Connect to the internet and build once/);
    assert.doesNotMatch(r.output, /Layout .* does not exist/);
    assert.ok(!fs.existsSync(path.join(work, "out")));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test("remote_theme that the server does not have (404): says so", async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "remote-theme-"));
  try {
    const { siteDir, configArg } = prepareFixture(HERE, work);
    fs.appendFileSync(path.join(siteDir, "_config.yml"), "remote_theme: acme/no-such-theme\n");
    const r = await build(siteDir, configArg, path.join(work, "out"), base);
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /acme\/no-such-theme@HEAD .*the server answered 404/);
    assert.match(r.output, /GitHub has no archive for them/);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

const evil: Array<[string, TarEntry[]]> = [
  ["../ entries", [{ name: "evil-1/_layouts/default.html", body: "x" }, { name: "evil-1/../../../../escaped.txt", body: "pwned" }]],
  ["a symlink out", [{ name: "evil-1/_layouts", type: "2", linkname: "../../../../../.." }, { name: "evil-1/_layouts/escaped.txt", body: "pwned" }]],
  ["an absolute path", [{ name: "evil-1/ok.txt", body: "x" }, { name: "/tmp/escaped.txt", body: "pwned" }]],
];

for (const [what, entries] of evil) {
  test(`a malicious remote theme archive (${what}) is refused, with nothing written outside the cache`, async () => {
    const repo = `evil-${evil.findIndex(([w]) => w === what)}`;
    archives.set(`/acme/${repo}/tar.gz/v1`, tarGz(entries));
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "remote-theme-"));
    try {
      const { siteDir, configArg } = prepareFixture(HERE, work);
      fs.appendFileSync(path.join(siteDir, "_config.yml"), `remote_theme: acme/${repo}@v1\n`);
      const before = tree(work);
      const r = await build(siteDir, configArg, path.join(work, "out"), base);
      assert.equal(r.status, 1, r.output);
      assert.match(r.output, /the downloaded archive was refused/);
      // Only the cache's own folders are new; no theme folder, no partial download.
      const added = tree(work).filter((p) => !before.includes(p));
      assert.deepEqual(added, ["site/.build-site-cache", "site/.build-site-cache/themes", "site/.build-site-cache/themes/acme", `site/.build-site-cache/themes/acme/${repo}`]);
      assert.ok(!fs.existsSync("/tmp/escaped.txt") || fs.readFileSync("/tmp/escaped.txt", "utf8") !== "pwned");
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}

test("theme: a GitHub Pages theme that is not installed is downloaded at its release tag, once", async () => {
  const theme = fs.mkdtempSync(path.join(os.tmpdir(), "cayman-"));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "remote-theme-"));
  try {
    fs.mkdirSync(path.join(theme, "_layouts"));
    fs.writeFileSync(path.join(theme, "_layouts", "default.html"), "<main class=\"cayman\">{{ content }}</main>\n");
    fs.writeFileSync(path.join(theme, "jekyll-theme-cayman.gemspec"), "Gem::Specification.new do |s|\n  s.add_runtime_dependency \"jekyll-seo-tag\", \"~> 2.0\"\nend\n");
    archives.set("/pages-themes/cayman/tar.gz/v0.2.0", tarGz(entriesOfDir(theme, "cayman-0.2.0")));
    const siteDir = path.join(work, "site");
    fs.mkdirSync(siteDir);
    fs.writeFileSync(path.join(siteDir, "_config.yml"), "theme: jekyll-theme-cayman\n");
    fs.writeFileSync(path.join(siteDir, "index.md"), "---\nlayout: default\n---\nHi\n");
    const config = path.join(siteDir, "_config.yml");
    const first = await build(siteDir, config, path.join(work, "one"), base);
    assert.equal(first.status, 0, first.output);
    assert.equal(fs.readFileSync(path.join(work, "one", "index.html"), "utf8"), "<main class=\"cayman\"><p>Hi</p>\n</main>\n");
    assert.ok(fs.existsSync(path.join(siteDir, ".build-site-cache", "themes", "pages-themes", "cayman", "v0.2.0", "_layouts", "default.html")));
    const second = await build(siteDir, config, path.join(work, "two"), closedBase);
    assert.equal(second.status, 0, second.output);
    assert.equal(requests.filter((r) => r.includes("cayman")).length, 1);
  } finally {
    fs.rmSync(theme, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
});
