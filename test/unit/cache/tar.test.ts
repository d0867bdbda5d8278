// The archive extractor (src/cache/tar.ts) and the archive cache's install step: what a theme
// archive may contain, and that a refused archive leaves nothing behind, inside or outside.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import zlib from "node:zlib";
import { ArchiveCache } from "../../../src/cache/archive-cache.js";
import { UnsafeArchiveError, extractTarGz } from "../../../src/cache/tar.js";
import { paxBody, tarGz, type TarEntry } from "./tar-writer.js";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "tar-test-"));
}

/** Every path below `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split(path.sep).join("/")).sort();
}

const good: TarEntry[] = [
  { name: "pax_global_header", type: "g", body: paxBody({ comment: "abc" }) },
  { name: "theme-v1/", type: "5" },
  { name: "theme-v1/_layouts/", type: "5" },
  { name: "theme-v1/_layouts/default.html", body: "<html>{{ content }}</html>\n" },
  { name: "theme-v1/assets/style.scss", body: "---\n---\nbody{}\n" },
  { name: "x", type: "x", body: paxBody({ path: `theme-v1/_includes/${"long-name-".repeat(15)}.html` }) },
  { name: "ignored-short-name", body: "long\n" },
  { name: "theme-v1/README.md", type: "2", linkname: "docs/README.md" },
];

test("a GitHub-style archive extracts below the folder, without its top folder; inner links are skipped", () => {
  const dir = tempDir();
  try {
    const dest = path.join(dir, "out");
    fs.mkdirSync(dest);
    const r = extractTarGz(tarGz(good), dest);
    assert.deepEqual(tree(dest), ["_includes", `_includes/${"long-name-".repeat(15)}.html`, "_layouts", "_layouts/default.html", "assets", "assets/style.scss"]);
    assert.equal(fs.readFileSync(path.join(dest, "_layouts/default.html"), "utf8"), "<html>{{ content }}</html>\n");
    assert.deepEqual(r.skippedLinks, ["README.md"]);
    assert.equal(r.files, 3);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const malicious: Array<[string, TarEntry[], RegExp]> = [
  ["a ../ entry", [{ name: "theme/../../escaped.txt", body: "x" }], /climbs out/],
  ["a name that is only ..", [{ name: "../escaped.txt", body: "x" }], /climbs out/],
  ["an absolute name", [{ name: "/tmp/escaped.txt", body: "x" }], /absolute/],
  ["a pax path with ..", [{ name: "x", type: "x", body: paxBody({ path: "theme/../../escaped.txt" }) }, { name: "theme/ok.txt", body: "x" }], /climbs out/],
  ["a symlink out of the archive", [{ name: "theme/_layouts", type: "2", linkname: "../../../../etc" }, { name: "theme/_layouts/x.html", body: "x" }], /points outside/],
  ["an absolute symlink", [{ name: "theme/link", type: "2", linkname: "/etc/passwd" }], /points outside/],
  ["a hard link out of the archive", [{ name: "theme/link", type: "1", linkname: "../outside" }], /points outside/],
  ["a device", [{ name: "theme/dev", type: "3" }], /not a file or folder/],
  ["a backslash name", [{ name: "theme\\..\\..\\x", body: "x" }], /unsafe entry name/],
];

for (const [what, entries, message] of malicious) {
  test(`an archive with ${what} is refused, and nothing is written outside the folder`, () => {
    const dir = tempDir();
    try {
      const dest = path.join(dir, "a", "b", "out");
      fs.mkdirSync(dest, { recursive: true });
      assert.throws(() => extractTarGz(tarGz(entries), dest), (e: Error) => e instanceof UnsafeArchiveError && message.test(e.message));
      // Only the folders we made, and what was extracted into `out` before the refusal.
      assert.deepEqual(tree(dir).filter((p) => !p.startsWith("a/b/out/")), ["a", "a/b", "a/b/out"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("size caps: total inflated size, one entry's size, number of entries", () => {
  const dir = tempDir();
  try {
    const big = Buffer.alloc(64 * 1024, 0x61);
    const limits = { maxTotalBytes: 32 * 1024, maxEntryBytes: 1024 * 1024, maxEntries: 100 };
    assert.throws(() => extractTarGz(tarGz([{ name: "t/big", body: big }]), fs.mkdtempSync(path.join(dir, "o")), limits), /inflates to more than 32768 bytes/);
    assert.throws(() => extractTarGz(tarGz([{ name: "t/big", body: big }]), fs.mkdtempSync(path.join(dir, "o")), { ...limits, maxTotalBytes: 1 << 20, maxEntryBytes: 1000 }), /larger than 1000 bytes/);
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `t/f${i}`, body: "x" }));
    assert.throws(() => extractTarGz(tarGz(many), fs.mkdtempSync(path.join(dir, "o")), { ...limits, maxEntries: 10 }), /more than 10 entries/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("damaged archives are refused: not gzip, bad checksum, cut short", () => {
  const dir = tempDir();
  try {
    const dest = fs.mkdtempSync(path.join(dir, "o"));
    assert.throws(() => extractTarGz(Buffer.from("not an archive"), dest), /not a gzip archive/);
    const tar = zlib.gunzipSync(tarGz([{ name: "t/a", body: "hello" }]));
    const bad = Buffer.from(tar);
    bad[0] = 0x41; // the name changes, the checksum does not
    assert.throws(() => extractTarGz(zlib.gzipSync(bad), dest), /checksum/);
    const big = zlib.gunzipSync(tarGz([{ name: "t/a", body: Buffer.alloc(5000, 1) }]));
    assert.throws(() => extractTarGz(zlib.gzipSync(big.subarray(0, 2048)), dest), /cut short/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the cache installs an archive whole or not at all", () => {
  const dir = tempDir();
  try {
    const cache = new ArchiveCache(path.join(dir, "cache", "themes"));
    const key = { owner: "acme", repo: "mini", ref: "v1.0" };
    const folder = cache.folderFor(key);
    assert.equal(path.relative(dir, folder), path.join("cache", "themes", "acme", "mini", "v1.0"));
    // A refused archive: no cache folder, no partial folder, nothing beside the cache.
    const evil = tarGz([{ name: "t/ok.txt", body: "fine" }, { name: "t/../../../../evil.txt", body: "x" }]);
    assert.throws(() => cache.install(evil, folder, "the test theme"), /the downloaded archive was refused: entry .* climbs out/);
    assert.equal(cache.lookup(key), null);
    assert.deepEqual(tree(dir), ["cache", "cache/themes", "cache/themes/acme", "cache/themes/acme/mini"]);
    // A good one lands in place.
    cache.install(tarGz(good), folder, "the test theme");
    assert.equal(cache.lookup(key), folder);
    assert.ok(fs.existsSync(path.join(folder, "_layouts", "default.html")));
    assert.deepEqual(fs.readdirSync(path.dirname(folder)), ["v1.0"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("cache folder names cannot climb out, whatever the ref", () => {
  const cache = new ArchiveCache("/cache");
  for (const ref of ["..", ".", "../../x", "a/b", "", "..%2f"]) {
    const f = cache.folderFor({ owner: "o", repo: "r", ref });
    assert.equal(path.dirname(f), path.join("/cache", "o", "r"), `${ref} → ${f}`);
    assert.notEqual(path.basename(f), "..");
    assert.notEqual(path.basename(f), ".");
  }
});
