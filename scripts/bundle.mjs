#!/usr/bin/env node
// Bundles the compiled CLI (dist/src) into two files, dist/bundle/cli.js and the render worker,
// with esbuild. Loading ~150 ES modules one by one costs Node about as much as building a small
// site; one file loads in a fraction of that. Run after `tsc` (npm's prepare and test do).
// Packages that load files of their own at run time stay external.
import { buildSync } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
buildSync({
  absWorkingDir: root,
  entryPoints: {
    cli: "dist/src/cli/main.js",
    "parallel-worker": "dist/src/render/parallel-worker.js",
    "writer-worker": "dist/src/write/writer-worker.js",
  },
  outdir: "dist/bundle",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  external: ["sass-embedded", "prismjs", "prismjs/*", "playwright-core", "chokidar"],
  // CommonJS dependencies call require(); an ES module has none unless we make one.
  banner: { js: 'import { createRequire as __bsCreateRequire } from "node:module"; const require = __bsCreateRequire(import.meta.url);' },
  logLevel: "warning",
});
