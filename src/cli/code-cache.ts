// Loads the CommonJS bundle (dist/bundle/cli.js, made by scripts/bundle.mjs) through `vm.Script`
// with V8's code cache. Node 20 has no `module.enableCompileCache` (22+), and compiling the
// ~1.6 MB bundle, then lazily compiling every function a build calls, is most of build-site's
// start-up. V8 can serialise the bytecode of everything a warm build compiled
// (`script.createCachedData()`) and take it back on the next start instead of compiling.
//
// The cache is only ever an accelerator: missing, stale, unreadable or rejected by V8, the bundle
// is compiled from source exactly as without it. Measured on an empty site (2-core machine, CPU
// user+sys, medians): ES module bundle 0.30 s, this CommonJS bundle without cache 0.22 s, with
// cache 0.17 s; `node -e 0` 0.07 s.
import { isAscii } from "node:buffer";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";

/** Node's own CommonJS wrapper: the bundle runs exactly as `require()` would run it. */
const WRAP_HEAD = "(function (exports, require, module, __filename, __dirname) { ";
const WRAP_TAIL = "\n})";

/**
 * Starts the first line of a cache file; the line goes on with the bundle's key, the checksum and
 * whether the bundle is ASCII; the rest is V8's data.
 */
const MAGIC = "build-site code cache 3";

export type CacheState = "used" | "missing" | "stale" | "rejected";

export interface LoadedBundle {
  /** The bundle's `module.exports`. */
  exports: Record<string, unknown>;
  /** What became of the cache: used; none; made from another bundle; corrupt or refused by V8. */
  cache: CacheState;
  /** Writes the cache from what has been compiled so far (call it after a build); false on failure. */
  save(): boolean;
}

/**
 * The cache file for a bundle. V8 accepts cached data only from its own version and architecture,
 * so each gets its own file and several Node versions can share one install.
 */
export function cacheFileFor(bundleFile: string): string {
  return `${bundleFile.replace(/\.c?js$/, "")}.v8-${process.versions.v8}-${process.arch}.cache`;
}

/**
 * Which bundle a cache belongs to: its size and modification time. bundle.mjs rewrites the bundle
 * (a new time) and deletes its caches; a bundle edited by hand has a new time too.
 */
function bundleKey(stat: fs.Stats): string {
  return `${stat.size}@${stat.mtimeMs}`;
}

/**
 * A checksum of V8's data: its length, its last byte and one byte of every 512, mixed. It catches
 * a truncated file and any damaged stretch of 512 bytes or more (a torn or zeroed disk block,
 * 4 KiB, another file's bytes), not a single flipped bit. The full SHA-1 this replaced needed
 * node:crypto, whose loading (with node:stream) cost more than everything else bin/ does before
 * the bundle runs; the file is written whole and renamed into place (writeCache), so it is never
 * seen half-written. Every loop iteration runs in the interpreter, ~0.35 us each, at every start:
 * one byte in 64 of the 1.2 MB cache took 6-8 ms, one in 512 takes under 1 (bench/PROFILE.md,
 * "Cold builds").
 */
function checksum(data: Buffer): string {
  const n = data.length;
  let h = n | 0;
  for (let i = 0; i < n; i += 512) h = Math.imul(h ^ data[i]!, 0x01000193) ^ (h >>> 15);
  if (n > 0) h = Math.imul(h ^ data[n - 1]!, 0x01000193);
  return `${n}:${(h >>> 0).toString(16)}`;
}

interface CachedData {
  data: Buffer;
  /** The bundle was ASCII when the cache was written: its bytes can be decoded as latin1 unchecked. */
  ascii: boolean;
}

/**
 * The cache's data, checked against the bundle and against itself. V8 (release builds) checks
 * neither for us: it compares only the source's *length* and does not checksum the data, so a
 * rebuilt bundle of the same length, or a damaged file, would run wrong bytecode or crash.
 */
function readCache(cacheFile: string, key: string): CachedData | "missing" | "stale" | "rejected" {
  let data: Buffer;
  try {
    data = fs.readFileSync(cacheFile);
  } catch {
    return "missing";
  }
  const eol = data.indexOf(10);
  const [magic, forBundle, sum, encoding] = data.toString("latin1", 0, eol < 0 ? 0 : eol).split(" | ");
  if (magic !== MAGIC || forBundle !== key) return "stale";
  const cached = data.subarray(eol + 1);
  return checksum(cached) === sum ? { data: cached, ascii: encoding === "ascii" } : "rejected";
}

/** Compiles and runs the CommonJS bundle `bundleFile`, with its code cache when there is a valid one. */
export function loadBundle(bundleFile: string, cacheFile = cacheFileFor(bundleFile)): LoadedBundle {
  const fd = fs.openSync(bundleFile, "r");
  // The source V8 compiles is the wrapper's head, the bundle and the tail. Read into one buffer
  // that already holds head and tail, it is decoded into one flat string: concatenated as strings,
  // V8 flattened the 1.6 MB into yet another copy before compiling (a memory copy and ~400 fresh
  // pages at every start; bench/PROFILE.md, "fourth session").
  const head = Buffer.from(WRAP_HEAD, "latin1");
  let source: Buffer;
  let key: string;
  try {
    const stat = fs.fstatSync(fd);
    key = bundleKey(stat);
    source = Buffer.allocUnsafe(head.length + stat.size + WRAP_TAIL.length);
    head.copy(source, 0);
    let at = head.length;
    const end = head.length + stat.size;
    while (at < end) {
      const n = fs.readSync(fd, source, at, end - at, null);
      if (n === 0) throw new Error(`${bundleFile} became shorter while it was read; run npm ci again`);
      at += n;
    }
    source.write(WRAP_TAIL, end, "latin1");
  } finally {
    fs.closeSync(fd);
  }
  const cached = readCache(cacheFile, key);
  // latin1: a copy into a one-byte string, where UTF-8 decoding took three times as long; the
  // bundle is ASCII (scripts/bundle.mjs makes it so). Other files are read as UTF-8, as Node would.
  // A cache for this very bundle (same size and time) says whether it was ASCII, which saves
  // checking its 1.6 MB again (~2 ms) at every start. Head and tail are ASCII either way.
  const ascii = typeof cached === "object" && cached.ascii ? true : isAscii(source);
  const script = new vm.Script(source.toString(ascii ? "latin1" : "utf8"), {
    filename: bundleFile,
    cachedData: typeof cached === "string" ? undefined : cached.data,
    // A dynamic import() inside the bundle resolves as it would in a module Node loaded itself
    // (constant added in Node 20.12; before it, such an import would fail, and the bundle has none).
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cache: CacheState = typeof cached === "string" ? cached : script.cachedDataRejected ? "rejected" : "used";
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  wrapper(module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
  return { exports: module.exports, cache, save: () => writeCache(script, cacheFile, key, ascii) };
}

/**
 * Writes `script`'s code cache, keyed to the bundle it was compiled from. Written to a temporary
 * file and renamed, so a concurrent build reads either the old cache or the whole new one.
 */
function writeCache(script: vm.Script, cacheFile: string, key: string, ascii: boolean): boolean {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC} | ${key} | ${checksum(data)} | ${ascii ? "ascii" : "utf8"}\n`, "latin1"), data]));
    fs.renameSync(tmp, cacheFile);
    return true;
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to do: the cache is optional
    }
    return false;
  }
}

/**
 * The packages scripts/bundle.mjs leaves beside the bundle to be required on first use (KaTeX,
 * gemoji, entities, the BibTeX parser) load through here, each with a code cache of its own:
 * Node's `require` compiles them from source at every build that uses them. KaTeX alone (~580 KB)
 * took ~72 ms of CPU to load and typeset five formulas without its cache and ~44 ms with it
 * (bench/PROFILE.md, fifteenth session). One module object per file, as `require` would keep.
 */
const lazyModules = new Map<string, Record<string, unknown>>();
/** Lazily loaded files whose cache was not used in this process: written by saveLazyCaches(). */
const uncachedLazyModules: LoadedBundle[] = [];

/** `require(file)` for a CommonJS file beside the bundle, through its code cache. */
export function requireCached(file: string): Record<string, unknown> {
  let exports = lazyModules.get(file);
  if (!exports) {
    const loaded = loadBundle(file);
    if (loaded.cache !== "used") uncachedLazyModules.push(loaded);
    lazyModules.set(file, (exports = loaded.exports));
  }
  return exports;
}

/** The files requireCached() has loaded in this process (what `require.cache` would list). */
export function lazilyRequired(): string[] {
  return [...lazyModules.keys()];
}

/** Writes the caches of the lazily loaded files that had none (call it after a build, as LoadedBundle#save). */
export function saveLazyCaches(): void {
  for (const loaded of uncachedLazyModules.splice(0)) loaded.save();
}
