// The bundle loader's code cache is only an accelerator: every way it can be missing, stale,
// corrupt or unwritable must still run the bundle's current code, exactly once.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { cacheFileFor, loadBundle, requireCached, saveLazyCaches } from "../../../src/cli/code-cache.js";

/** A tiny CommonJS "bundle" whose answer tells which version of its source ran. */
function writeBundle(dir: string, answer: number, mtime: Date): string {
  const file = path.join(dir, "cli.js");
  fs.writeFileSync(file, `"use strict";\nexports.answer = function () { return ${answer}; };\nexports.where = [__filename, __dirname, typeof require];\n`);
  fs.utimesSync(file, mtime, mtime);
  return file;
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-"));
}

test("a bundle runs without a cache, writes one, and the next load uses it", () => {
  const dir = tmp();
  try {
    const file = writeBundle(dir, 42, new Date(2020, 0, 1));
    const first = loadBundle(file);
    assert.equal(first.cache, "missing");
    assert.equal((first.exports.answer as () => number)(), 42);
    assert.deepEqual(first.exports.where, [file, dir, "function"], "CommonJS wrapper arguments as require() gives them");
    assert.equal(first.save(), true);
    assert.ok(fs.existsSync(cacheFileFor(file)));
    assert.ok(cacheFileFor(file).includes(process.versions.v8), "one cache per V8 version");
    const second = loadBundle(file);
    assert.equal(second.cache, "used");
    assert.equal((second.exports.answer as () => number)(), 42);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp")), [], "no temporary file left");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a rebuilt bundle of the same length does not run the old bundle's cached code", () => {
  // V8 checks only the source's length; the source's hash in the cache tells the bundles apart.
  const dir = tmp();
  try {
    const file = writeBundle(dir, 42, new Date(2020, 0, 1));
    loadBundle(file).save();
    writeBundle(dir, 43, new Date(2020, 0, 2));
    const loaded = loadBundle(file);
    assert.equal(loaded.cache, "stale");
    assert.equal((loaded.exports.answer as () => number)(), 43);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a damaged cache is rejected and the bundle is compiled from source", () => {
  const dir = tmp();
  try {
    const file = writeBundle(dir, 42, new Date(2020, 0, 1));
    loadBundle(file).save();
    const cacheFile = cacheFileFor(file);
    const data = fs.readFileSync(cacheFile);
    const head = data.indexOf(10) + 1;
    // Keep the first line (the hashes), garble V8's part: V8 itself would not notice.
    for (let i = head; i < data.length; i++) data[i] = (data[i]! * 7 + 13) & 0xff;
    fs.writeFileSync(cacheFile, data);
    const loaded = loadBundle(file);
    assert.equal(loaded.cache, "rejected");
    assert.equal((loaded.exports.answer as () => number)(), 42);
    assert.equal(loaded.save(), true);
    assert.equal(loadBundle(file).cache, "used", "a rejected cache is replaced by a good one");
    fs.writeFileSync(cacheFile, "");
    assert.equal(loadBundle(file).cache, "stale", "an empty file is no cache");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a cache that cannot be written is skipped without an error", () => {
  const dir = tmp();
  try {
    const file = writeBundle(dir, 42, new Date(2020, 0, 1));
    const cacheFile = path.join(dir, "no-such-folder", "cli.cache");
    const loaded = loadBundle(file, cacheFile);
    assert.equal(loaded.cache, "missing");
    assert.equal(loaded.save(), false);
    assert.deepEqual(fs.readdirSync(dir), ["cli.js"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a bundle that is not ASCII is decoded as UTF-8, with or without its cache", () => {
  // The cache records whether its bundle was ASCII, so that a start with the cache skips the check.
  const dir = tmp();
  try {
    const file = path.join(dir, "cli.js");
    fs.writeFileSync(file, `"use strict";\nexports.answer = function () { return "café ☕"; };\n`);
    const first = loadBundle(file);
    assert.equal((first.exports.answer as () => string)(), "café ☕");
    assert.equal(first.save(), true);
    const head = fs.readFileSync(cacheFileFor(file), "latin1").split("\n")[0]!;
    assert.match(head, / \| utf8$/);
    const second = loadBundle(file);
    assert.equal(second.cache, "used");
    assert.equal((second.exports.answer as () => string)(), "café ☕");
    const ascii = writeBundle(dir, 7, new Date(2021, 0, 1));
    loadBundle(ascii).save();
    assert.match(fs.readFileSync(cacheFileFor(ascii), "latin1").split("\n")[0]!, / \| ascii$/);
    assert.equal((loadBundle(ascii).exports.answer as () => number)(), 7);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("damage to one disk block of a large cache is caught", () => {
  const dir = tmp();
  try {
    // A bundle large enough for a cache of several blocks.
    const fns = Array.from({ length: 3000 }, (_, i) => `exports.f${i} = function (x) { return x * ${i} + ${i % 7}; };`).join("\n");
    const file = path.join(dir, "cli.js");
    fs.writeFileSync(file, `"use strict";\n${fns}\nexports.answer = function () { let s = 0; for (let i = 0; i < 3000; i++) s += exports["f" + i](1); return s; };\nexports.answer();\n`);
    loadBundle(file).save();
    const cacheFile = cacheFileFor(file);
    const good = fs.readFileSync(cacheFile);
    const head = good.indexOf(10) + 1;
    assert.ok(good.length - head > 3 * 4096, `cache of ${good.length - head} bytes`);
    for (const at of [head, head + 4096, good.length - 4096]) {
      const bad = Buffer.from(good);
      bad.fill(0, at, Math.min(at + 4096, bad.length));
      fs.writeFileSync(cacheFile, bad);
      assert.equal(loadBundle(file).cache, "rejected", `zeroed block at ${at}`);
    }
    const cut = good.subarray(0, good.length - 1);
    fs.writeFileSync(cacheFile, cut);
    assert.equal(loadBundle(file).cache, "rejected", "one byte short");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a lazily required package runs once per process and gets a cache of its own after the build", () => {
  const dir = tmp();
  try {
    const file = path.join(dir, "katex.js");
    fs.writeFileSync(file, `"use strict";\nglobalThis.lazyRuns = (globalThis.lazyRuns ?? 0) + 1;\nmodule.exports = { render: (s) => "<" + s + ">" };\n`);
    const g = globalThis as { lazyRuns?: number };
    delete g.lazyRuns;
    const first = requireCached(file);
    assert.equal((first.render as (s: string) => string)("x"), "<x>");
    assert.equal(requireCached(file), first, "one module object, as require() keeps");
    assert.equal(g.lazyRuns, 1);
    assert.ok(!fs.existsSync(cacheFileFor(file)), "nothing written before the build is over");
    saveLazyCaches();
    assert.equal(loadBundle(file).cache, "used", "the package's cache, written after the build, is used by the next process");
    delete g.lazyRuns;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
