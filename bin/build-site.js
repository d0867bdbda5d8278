#!/usr/bin/env node
// Thin launcher. `npm ci` compiles src/ (tsc) and bundles the CLI into one CommonJS file
// (scripts/bundle.mjs), which starts much faster than the individual modules, and faster still
// through V8's code cache (src/cli/code-cache.ts). The modules are used when there is no bundle or
// it is older than the last compile (tsc rewrites every file it emits).
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = new URL("../dist/bundle/cli.js", import.meta.url);
const modules = new URL("../dist/src/cli/main.js", import.meta.url);
const mtime = (u) => fs.statSync(u, { throwIfNoEntry: false })?.mtimeMs ?? -1;

let main;
let afterBuild;
if (mtime(bundle) >= mtime(modules)) {
  const { loadBundle } = await import("../dist/src/cli/code-cache.js");
  const loaded = loadBundle(fileURLToPath(bundle));
  main = loaded.exports.main;
  // A missing or unusable cache is written after a successful build, when V8 has compiled what a
  // build needs. Only from a plain `node` (V8 refuses caches made under other flags), so a run
  // under --inspect or --cpu-prof neither pays for the write nor replaces a good cache.
  if (loaded.cache !== "used" && process.execArgv.length === 0 && !process.env.NODE_OPTIONS) afterBuild = loaded.save;
} else {
  ({ main } = await import(modules.href));
}

main(process.argv.slice(2), { afterBuild }).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 1; },
);
