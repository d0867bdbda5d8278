#!/usr/bin/env node
// Thin launcher. `npm ci` compiles src/ (tsc) and bundles the CLI into one file (scripts/bundle.mjs),
// which starts much faster than the individual modules. The modules are used when there is no
// bundle or it is older than the last compile (tsc rewrites every file it emits).
import fs from "node:fs";

const bundle = new URL("../dist/bundle/cli.js", import.meta.url);
const modules = new URL("../dist/src/cli/main.js", import.meta.url);
const mtime = (u) => fs.statSync(u, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const entry = mtime(bundle) >= mtime(modules) ? bundle : modules;
const { main } = await import(entry.href);

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 1; },
);
