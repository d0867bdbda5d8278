// The sass-embedded the Sass thread compiles with. Installed, its JavaScript is 354 CommonJS files
// (1.6 MB: the protocol's protobuf runtime, rxjs, immutable, colorjs.io) that `require` compiles
// from source at every build that compiles Sass: 160-280 ms of CPU, on a thread that shares the
// machine's cores with the build. scripts/bundle.mjs bundles it into one file beside the bundle,
// named after the version it was bundled from, which loads through the bundle's loader with a
// code cache of its own (src/cli/code-cache.ts): ~50 ms. The installed package is loaded instead
// when there is no such file (unbundled modules: tests, development) or the installed
// sass-embedded is another version.
import fs from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type * as sass from "sass-embedded";
import { installedSassVersion } from "./sass-cache.js";

export interface SassPackage {
  api: typeof sass;
  /** Writes the bundled copy's code cache when it had none (call it once Sass has compiled something). */
  saveCache(): void;
}

/** What the bundle's loader (code-cache.js beside the bundle) offers: a file's exports, with its cache. */
interface BundleLoader {
  loadBundle(file: string): { exports: unknown; cache: "used" | "missing" | "stale" | "rejected"; save(): boolean };
}

/** Loads sass-embedded for asynchronous compiles (the bundled copy cannot run the synchronous API). */
export function loadAsyncSass(): SassPackage {
  const version = installedSassVersion();
  const bundled = version ? fileURLToPath(new URL(`./sass-embedded@${version}.js`, import.meta.url)) : "";
  const loader = fileURLToPath(new URL("./code-cache.js", import.meta.url));
  if (bundled && fs.existsSync(bundled) && fs.existsSync(loader)) {
    const loaded = (createRequire(import.meta.url)(loader) as BundleLoader).loadBundle(bundled);
    // Only from a plain `node`: V8 refuses caches made under other flags (as bin/ does).
    const plain = process.execArgv.length === 0 && !process.env.NODE_OPTIONS;
    let save = loaded.cache !== "used" && plain;
    return { api: loaded.exports as unknown as typeof sass, saveCache: () => { if (save) loaded.save(); save = false; } };
  }
  return { api: createRequire(import.meta.url)("sass-embedded") as typeof sass, saveCache: () => {} };
}
