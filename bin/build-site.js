#!/usr/bin/env node
// Thin launcher. `npm ci` compiles src/ (tsc) and bundles the CLI into one CommonJS file
// (scripts/bundle.mjs), which starts much faster than the individual modules, and faster still
// through V8's code cache (src/cli/code-cache.ts). The modules are used when there is no bundle or
// it is older than the last compile (tsc rewrites every file it emits). The npm package holds only
// the bundle (package.json `files`), so an installed build-site always runs it.
//
// This file is CommonJS (bin/package.json): Node starts a CommonJS entry with less machinery than
// an ES module one, ~9 ms of CPU per build (empty site, 2 x 25 interleaved runs: 168 -> 159 ms).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const bundle = path.join(__dirname, "..", "dist", "bundle", "cli.js");
// The bundle's loader, written with it; a bundle from before it existed is not used.
const loader = path.join(__dirname, "..", "dist", "bundle", "code-cache.js");
const modules = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
const mtime = (f) => fs.statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? -1;

// Once the command has returned, the process ends at once. Everything it started has been ended
// and waited for by then (the Sass compiler's process, worker threads: src/render/sass-thread.ts),
// so all a natural exit adds is Node draining V8's background tasks (concurrent compiles and
// GC) after the last line (bench/PROFILE.md). stdout and stderr are written synchronously
// for files, pipes and terminals on POSIX; anything still queued (a pipe on Windows) is flushed
// first.
//
// Nothing to flush when nothing asked for process.stdout or process.stderr (`build -q`): opening
// them is not free (a pipe's stream loads node:net and node:stream; bench/PROFILE.md, "Start-up"),
// so the getters are watched instead of opened here.
let streamsOpened = false;
for (const name of ["stdout", "stderr"]) {
  const own = Object.getOwnPropertyDescriptor(process, name);
  if (own && own.get && own.configurable) {
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: own.enumerable,
      get() {
        streamsOpened = true;
        return own.get.call(this);
      },
    });
  } else {
    streamsOpened = true;
  }
}

function exitWith(code) {
  process.exitCode = code;
  if (!streamsOpened) process.exit(code);
  let pending = 2;
  const done = () => { if (--pending === 0) process.exit(code); };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

function run(main, hooks) {
  main(process.argv.slice(2), hooks).then(
    exitWith,
    (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 1; },
  );
}

if (Math.min(mtime(bundle), mtime(loader)) >= mtime(modules)) {
  const { loadBundle, saveLazyCaches } = require(loader);
  const loaded = loadBundle(bundle);
  // A missing or unusable cache is written after a successful build, when V8 has compiled what a
  // build needs; so are those of the packages the build loaded lazily (KaTeX, gemoji, ...). Only
  // from a plain `node` (V8 refuses caches made under other flags), so a run under --inspect or
  // --cpu-prof neither pays for the write nor replaces a good cache.
  const plain = process.execArgv.length === 0 && !process.env.NODE_OPTIONS;
  const afterBuild = () => {
    if (loaded.cache !== "used") loaded.save();
    saveLazyCaches();
  };
  run(loaded.exports.main, { afterBuild: plain ? afterBuild : undefined });
} else {
  // A developer who ran `tsc` without bundling gets the modules they compiled, which start several
  // times slower than the bundle: say so, or every timing taken this way misleads (it did, twice,
  // in bench/PROFILE.md's sessions). An install without a bundle (none written yet) says nothing.
  if (mtime(bundle) >= 0) {
    process.stderr.write("build-site: dist/src is newer than dist/bundle, so the compiled modules run unbundled (slower to start); `node scripts/bundle.mjs` bundles them.\n");
  }
  import(pathToFileURL(modules).href).then(
    ({ main }) => run(main, {}),
    (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 1; },
  );
}
