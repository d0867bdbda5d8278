#!/usr/bin/env node
// Bundles the compiled CLI (dist/src) into dist/bundle/cli.js and one file per worker thread, with
// esbuild; the threads that run the pipeline start from cli.js (src/cli/bundle-entry.ts). Loading
// ~150 ES modules one by one costs Node about as much as building a small site; one file loads in a
// fraction of that. Run after `tsc` (npm's prepare and test do).
// Packages that load files of their own at run time stay external.
//
// The bundles are CommonJS, not ES modules: Node loads a CommonJS file with less machinery (an
// empty-site build took 0.22 s of CPU instead of 0.30 s), only a classic script can be compiled
// with V8's code cache (src/cli/code-cache.ts, 0.17 s), and externals required inside a lazily
// initialised module (chokidar and node:http for `serve`) are then loaded only when it is.
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist/bundle");
// Code caches belong to the bundle they were made from: drop them before writing a new one.
// (bin/ also checks each cache's key, in case another bundling races with this one.)
fs.mkdirSync(outdir, { recursive: true });
for (const f of fs.readdirSync(outdir)) {
  if (f.endsWith(".cache") || /^sass-embedded@.*\.js$/.test(f)) fs.rmSync(path.join(outdir, f), { force: true });
}
// The package is "type": "module"; this makes Node (and `new Worker`) read the bundles as CommonJS.
fs.writeFileSync(path.join(outdir, "package.json"), '{ "type": "commonjs" }\n');
// Packages too big to compile at every start for the few sites that use them, whose exports are
// read only inside functions: each becomes a file of its own beside the bundle, required on first
// use. gemoji's table (jemoji) was 314 KB of the 1.6 MB bundle; moving it out saved ~20 ms of CPU
// per build (empty site: 182 -> 157 ms) and 0.3 MB of code cache.
// KaTeX (kramdown's katex math engine, ~270 KB) and the BibTeX parser (~1 MB with its LaTeX
// decoder; its own CommonJS build does not load on Node 20, so its ES module build is bundled
// here) are needed only by sites that use them. entities is markdown-it's only way to decode a
// named character reference (`&copy;`) in Markdown text; loading it decodes its compressed table
// (5 ms at every build that converted Markdown), and most sites' Markdown has no such reference.
const LAZY_PACKAGES = {
  entities: { entry: "node_modules/entities/dist/index.js", exports: ["decodeHTMLStrict"] },
  gemoji: { entry: "node_modules/gemoji/index.js", exports: ["gemoji"] },
  katex: { entry: "node_modules/katex/dist/katex.js", exports: ["renderToString"] },
  "@retorquere/bibtex-parser": { entry: "node_modules/@retorquere/bibtex-parser/dist/esm/index.js", exports: ["parse"], file: "bibtex-parser" },
};
/** The lazy file's name beside the bundle (flat: no folder for a scoped package). */
const lazyFile = (name) => LAZY_PACKAGES[name].file ?? name;
/** What every file esbuild writes into dist/bundle is: one CommonJS file for Node 20, with its inputs listed. */
const BUNDLE_OPTIONS = { absWorkingDir: root, outdir: "dist/bundle", bundle: true, platform: "node", target: "node20", format: "cjs", metafile: true, logLevel: "warning" };
const lazy = await build({
  ...BUNDLE_OPTIONS,
  entryPoints: Object.fromEntries(Object.entries(LAZY_PACKAGES).map(([name, p]) => [lazyFile(name), p.entry])),
});
/**
 * sass-embedded's JavaScript, which the Sass thread loads at every build that compiles Sass: 354
 * CommonJS files (1.6 MB with its protobuf runtime, rxjs, immutable and colorjs.io) that `require`
 * compiled from source, 160-280 ms of CPU. Bundled into one file beside the bundle, it loads
 * through the bundle's loader with a code cache (src/render/sass-package.ts). The file is named
 * after the version it was bundled from; a site whose installed sass-embedded is another version
 * loads the installed one, as before. The package stays a dependency: its native compiler comes
 * with it, as an optional dependency for each platform, and its files are found from the installed
 * package, wherever npm put it (compiler-path.js's `require.resolve` calls are rewritten to start
 * there). Only the asynchronous API is used from this copy: the synchronous one starts a worker
 * from a file beside its own module, which the bundle does not have.
 */
const sassVersion = JSON.parse(fs.readFileSync(path.join(root, "node_modules/sass-embedded/package.json"), "utf8")).version;
const sassEmbedded = await build({
  ...BUNDLE_OPTIONS,
  entryPoints: { [`sass-embedded@${sassVersion}`]: "node_modules/sass-embedded/dist/lib/index.js" },
  // The installed package, which compiler-path.js (below) resolves its compiler from.
  external: ["sass-embedded"],
  plugins: [{
    name: "sass-compiler-path",
    setup(b) {
      b.onLoad({ filter: /[\\/]sass-embedded[\\/]dist[\\/]lib[\\/]src[\\/]compiler-path\.js$/ }, (a) => {
        const text = fs.readFileSync(a.path, "utf8");
        const calls = text.match(/\brequire\.resolve\(/g)?.length ?? 0;
        if (calls !== 4) throw new Error(`bundle: ${a.path}: expected 4 require.resolve calls, found ${calls}; update the sass-compiler-path plugin`);
        const contents = 'const installedSass = require("node:module").createRequire(require.resolve("sass-embedded"));\n' +
          text.replace(/\brequire\.resolve\(/g, "installedSass.resolve(");
        return { contents, loader: "js" };
      });
    },
  }],
});

/** Resolves each lazy package to a module of getters that require its file on first access. */
const lazyPackages = {
  name: "lazy-packages",
  setup(b) {
    const names = Object.keys(LAZY_PACKAGES);
    const filter = new RegExp(`^(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`);
    b.onResolve({ filter }, (a) => (a.namespace === "lazy-package" ? { path: `./${lazyFile(a.path)}.js`, external: true } : { path: a.path, namespace: "lazy-package" }));
    b.onResolve({ filter: /^\.\/code-cache\.js$/, namespace: "lazy-package" }, (a) => ({ path: a.path, external: true }));
    // Through the bundle's loader (dist/bundle/code-cache.js, beside every bundle), which compiles
    // the file with a code cache of its own, where `require` compiled it from source every time.
    b.onLoad({ filter: /.*/, namespace: "lazy-package" }, (a) => ({
      contents: `let m; const load = () => (m ??= require("./code-cache.js").requireCached(require.resolve(${JSON.stringify(a.path)})));\n` +
        `module.exports = { ${LAZY_PACKAGES[a.path].exports.map((e) => `get ${e}() { return load().${e}; }`).join(", ")} };\n`,
      loader: "js",
    }));
  },
};
/**
 * `import * as name from "spec"; // bundle: lazy` in a compiled source becomes an object whose
 * properties require (and so initialise) the module on first access. esbuild runs every module
 * a statically imported one needs when the importer starts, so without this an empty site
 * initialised markdown-it, liquidjs, the highlighters and every built-in plugin (bench/PROFILE.md,
 * "Start-up"). The importer may use the namespace only as `name.member`, inside functions; one
 * getter per member read (not a Proxy: a getter is as cheap as a property once V8 has inlined it).
 * Unbundled (tests, development) the import stays an ordinary one.
 */
const LAZY_IMPORT = /^import \* as ([\w$]+) from ("[^"]+"|'[^']+'); \/\/ bundle: lazy\b.*$/gm;
const lazyImports = {
  name: "lazy-imports",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, (a) => {
      const text = fs.readFileSync(a.path, "utf8");
      if (!text.includes("// bundle: lazy")) return undefined;
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      const contents = text.replace(LAZY_IMPORT, (_, name, spec) => {
        const members = [...new Set([...code.matchAll(new RegExp(`(?<![\\w$.])${name.replace("$", "\\$")}\\.([\\w$]+)`, "g"))].map((m) => m[1]))];
        const load = `${name}$load`;
        return `let ${name}$module; const ${load} = () => (${name}$module ??= require(${spec}));\n` +
          `const ${name} = { ${members.map((m) => `get ${m}() { return ${load}().${m}; }`).join(", ")} };`;
      });
      if (contents.includes("// bundle: lazy")) throw new Error(`bundle: ${a.path}: a "// bundle: lazy" comment not on a namespace import ("import * as x from ...")`);
      return { contents, loader: "js", resolveDir: path.dirname(a.path) };
    });
  },
};
/**
 * liquidjs's Node build requires node:stream and node:crypto when it loads, for one class
 * (`renderToNodeStream`'s PassThrough) and two filters (sha256 and hmac_sha256) that build-site's
 * builds rarely reach; loading the two took ~3 and ~4-6 ms of every build that renders Liquid
 * (bench/PROFILE.md, "Cold builds"). They are required on first use instead. And its render-time
 * limit reads the `performance` global, whose first use loads node:perf_hooks (4-13 ms): it reads
 * the same monotonic clock through process.hrtime instead (src/clock.ts). The rewrite checks that
 * liquidjs still uses all three only that way (`stream.start`/`stop` are its parser's local
 * `stream`s), and fails the bundling otherwise.
 */
const liquidNodeBuiltins = {
  name: "liquid-node-builtins",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]liquidjs[\\/]dist[\\/]liquid\.node\.js$/ }, (a) => {
      const text = fs.readFileSync(a.path, "utf8");
      const uses = (name) => [...new Set([...text.matchAll(new RegExp(`(?<![\\w$.])${name}\\.(\\w+)`, "g"))].map((m) => m[1]))].sort().join(",");
      const requires = ["var stream = require('stream');", "var crypto = require('crypto');"];
      // (The file has CRLF line ends.)
      const clock = /function getPerformance\(\) \{\r?\n\s*return \(typeof global === 'object' && global\.performance\) \|\|/;
      if (!requires.every((r) => text.includes(r)) || !clock.test(text) || (text.match(/\bperformance\b/g) ?? []).length !== 3 || uses("crypto") !== "createHash,createHmac" || uses("stream") !== "PassThrough,start,stop" || !/new stream\.PassThrough\(\)/.test(text)) {
        throw new Error(`bundle: ${a.path}: liquidjs no longer requires node:stream and node:crypto as scripts/bundle.mjs expects; update the liquid-node-builtins plugin`);
      }
      const contents = text
        .replace(requires[0], "var stream = { get PassThrough() { return require('stream').PassThrough; } };")
        .replace(requires[1], "var crypto = { createHash: (...a) => require('crypto').createHash(...a), createHmac: (...a) => require('crypto').createHmac(...a) };")
        .replace(clock, (found) => "function getPerformance() { return hrtimeClock; }\n" +
          "const hrtimeClock = { now: () => { const t = process.hrtime(); return t[0] * 1e3 + t[1] / 1e6; } };\n" +
          found.replace("getPerformance", "globalPerformance"));
      return { contents, loader: "js" };
    });
  },
};
const main = await build({
  ...BUNDLE_OPTIONS,
  plugins: [lazyPackages, lazyImports, liquidNodeBuiltins],
  entryPoints: {
    cli: "dist/src/cli/bundle-entry.js",
    "writer-worker": "dist/src/write/writer-worker.js",
    "sass-worker": "dist/src/render/sass-worker.js",
    "download-worker": "dist/src/cache/download-worker.js",
    "esm-import": "dist/src/plugins/esm-import.js",
    // bin/ (CommonJS) loads cli.js through this, so it needs nothing from dist/src.
    "code-cache": "dist/src/cli/code-cache.js",
  },
  external: ["sass-embedded", "playwright-core", "chokidar"],
  // The sources are ES modules: strict mode, as they ran before bundling (and as the bundled
  // dependencies ran inside the ES module bundle), and `import.meta.url` is this file's URL, which
  // the workers' `new URL("./x-worker.js", import.meta.url)` and package.json's lookup rely on.
  define: { "import.meta.url": "__bsImportMetaUrl" },
  banner: { js: '"use strict"; var __bsImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
});
for (const file of [...Object.keys(main.metafile.outputs), ...Object.keys(sassEmbedded.metafile.outputs)]) if (file.endsWith(".js")) finishBundle(path.join(root, file));
await writeThreadShims();
writeThirdPartyLicenses([lazy.metafile, sassEmbedded.metafile, main.metafile]);
// One build of a small blog writes the code cache bin/ starts from (src/cli/warm-up.ts).
const { warmUpCodeCache } = await import("../dist/src/cli/warm-up.js");
if (!warmUpCodeCache(root)) console.warn("bundle: the warm-up build made no code cache; build-site will start slower until a build writes one");

/**
 * The worker threads that run the pipeline (the render worker, serve's rebuild thread) were each a
 * bundle of ~3 MB repeating nearly all of cli.js, compiled from source when the thread started.
 * Their files are now shims: cli.js, loaded through its code cache as bin/ loads it, runs the
 * thread's module (src/cli/bundle-entry.ts). The main thread's `new Worker(new URL("./x.js",
 * import.meta.url))` finds the shim beside cli.js as it found the bundle.
 */
async function writeThreadShims() {
  const { SHARED_THREADS } = await import("../dist/src/cli/bundle-entry.js");
  for (const name of SHARED_THREADS) {
    fs.writeFileSync(path.join(outdir, `${name}.js`), `"use strict";
// build-site's ${name} thread: its module is in cli.js (scripts/bundle.mjs, writeThreadShims).
require("./code-cache.js").loadBundle(require("node:path").join(__dirname, "cli.js")).exports.startThread(${JSON.stringify(name)});
`);
  }
}

/**
 * Two changes to esbuild's output. (1) Every module that imports a CommonJS module (a Node
 * built-in, liquidjs) gets its own `__toESM(require(...))`, a copy of the module's properties as
 * getters: ~90 copies of node:fs and node:path (~100 properties each) and 16 of liquidjs took ~17
 * ms of an empty site's start-up. One copy per module serves every importer: the getters read the
 * module's properties when used, and a module whose set of properties has grown since (a
 * CommonJS cycle) gets a new copy. (2) bin/ reads the bundle as latin1, which is a plain copy
 * into a one-byte string where UTF-8 decoding took three times as long (src/cli/code-cache.ts):
 * the bundle is made ASCII.
 */
function finishBundle(file) {
  // esbuild escapes non-ASCII in strings but leaves it in comments, regular expressions and
  // template literals: \uXXXX means the same in all of them except a template's raw text, and the
  // bundle's only String.raw templates with non-ASCII are regular expressions' sources.
  const original = fs.readFileSync(file, "utf8");
  // After a backslash the escape would be read as text ("\\u00e9"): none is there, and none may come.
  if (/\\[^\x00-\x7f]/.test(original)) throw new Error(`bundle: ${file}: a backslash before a non-ASCII character; escape it in the source`);
  let text = original.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const helper = /^var __toESM = /m;
  if (text.includes("__toESM(")) {
    if (!helper.test(text)) throw new Error(`bundle: ${file}: esbuild's __toESM helper not found`);
    const memo = `var __toESMCopies = new WeakMap();
var __toESM = (mod, isNodeMode) => {
  if (mod === null || typeof mod !== "object" && typeof mod !== "function") return __toESMCopy(mod, isNodeMode);
  let copies = __toESMCopies.get(mod);
  if (!copies) __toESMCopies.set(mod, copies = [null, null]);
  const keys = __getOwnPropNames(mod).length, i = isNodeMode ? 1 : 0;
  if (copies[i]?.keys !== keys) copies[i] = { keys, ns: __toESMCopy(mod, isNodeMode) };
  return copies[i].ns;
};
`;
    text = text.replace(helper, `${memo}var __toESMCopy = `);
  }
  text = deferRequiredNamespaces(text);
  fs.writeFileSync(file, text);
}

/**
 * (3) A module that is `require`d inside the bundle (each `// bundle: lazy` import) gets a namespace
 * object that esbuild fills at the bundle's top level, `var x_exports = {}; __export(x_exports,
 * { name: () => name, ... })`: a getter closure per export, made at every start whether or not the
 * module is ever loaded. For the ~190 highlighter lexers that was ~290 closures, ~80 KB more code
 * cache and ~12 M instructions more for an empty site (bench/PROFILE.md, "speed6"). Where the
 * namespace's only use is the `__toCommonJS(x_exports)` of that require, it is made there instead,
 * by a function: the require is the loader's, which keeps its result, so it runs once.
 */
function deferRequiredNamespaces(text) {
  const uses = new Map();
  for (const m of text.matchAll(/\b([\w$]+_exports)\b/g)) uses.set(m[1], (uses.get(m[1]) ?? 0) + 1);
  const deferred = new Set();
  const out = text.replace(/^var ([\w$]+_exports) = \{\};\n__export\(\1, \{\n([\s\S]*?)\n\}\);$/gm, (all, name, body) => {
    if (uses.get(name) !== 3 || text.split(`__toCommonJS(${name})`).length !== 2) return all;
    deferred.add(name);
    return `var ${name} = () => {\n  const ns = {};\n  __export(ns, {\n${body}\n  });\n  return ns;\n};`;
  });
  // Each deferred namespace's one use, `__toCommonJS(x_exports)`, now calls its function.
  return out.replace(/__toCommonJS\(([\w$]+_exports)\)/g, (all, name) => (deferred.has(name) ? `__toCommonJS(${name}())` : all));
}

/**
 * The bundles carry code of other packages, whose licenses ask that their notices travel with it:
 * one file lists every package esbuild put into dist/bundle/, with its license text. (The packages
 * left external are installed as dependencies, each with its own license file.)
 */
function writeThirdPartyLicenses(metafiles) {
  // Package folder (the innermost node_modules/<name>, for nested copies) → name.
  const packages = new Map();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = [...input.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].at(-1);
      if (m) packages.set(input.slice(0, m.index + m[0].length - 1), m[1]);
    }
  }
  const sections = [...packages].sort((a, b) => a[1].localeCompare(b[1])).map(([folder, name]) => {
    const dir = path.join(root, folder);
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const licenseFile = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const text = licenseFile ? fs.readFileSync(path.join(dir, licenseFile), "utf8").trim() : standardLicense(name, pkg, dir);
    return `${name} ${pkg.version} (${pkg.license})\n${"-".repeat(72)}\n${text}\n`;
  });
  const head = "Packages bundled into build-site's dist/bundle/, with their licenses.\n\n";
  fs.writeFileSync(path.join(outdir, "THIRD-PARTY-LICENSES.txt"), head + sections.join("\n\n"));
}

/**
 * Some packages publish no license file, only the SPDX id in package.json (the @unified-latex
 * packages the BibTeX parser uses, unicode2latex). For MIT and ISC the license is that standard
 * text with the package's author as the copyright holder; anything else must be looked at.
 */
function standardLicense(name, pkg, dir) {
  const author = typeof pkg.author === "string" ? pkg.author : pkg.author?.name;
  const holder = `Copyright (c) ${author ?? `the authors of ${name}`}`;
  if (pkg.license === "MIT") {
    return `MIT License (from package.json; the package has no license file)\n\n${holder}\n\n` +
      "Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:\n\n" +
      "The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.\n\n" +
      "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.";
  }
  if (pkg.license === "ISC") {
    return `ISC License (from package.json; the package has no license file)\n\n${holder}\n\n` +
      "Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted, provided that the above copyright notice and this permission notice appear in all copies.\n\n" +
      "THE SOFTWARE IS PROVIDED \"AS IS\" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.";
  }
  // @bufbuild/protobuf (sass-embedded's protocol runtime): Apache-2.0 for its own code, whose
  // holder its file headers name, and BSD-3-Clause for the varint code it took from Google's
  // protobuf, whose notice is in those files' headers. Both taken from the package's own files.
  if (pkg.license === "(Apache-2.0 AND BSD-3-Clause)") {
    const sources = fs.readdirSync(dir, { recursive: true }).filter((f) => /\.js$/.test(f)).map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
    const apacheHolder = sources.map((t) => /^\/\/ (Copyright [\d-]+ .+)$/m.exec(t)?.[1]).find((c) => c && !/Google/.test(c));
    const bsd = sources.map((t) => /^(\/\/ Copyright [\d-]+ Google[^\n]*\n(?:\/\/[^\n]*\n)*?\/\/ [^\n]*SUCH DAMAGE\.)\n/m.exec(t)?.[1]).find(Boolean);
    if (!apacheHolder || !bsd) throw new Error(`bundle: ${name}: its files' license headers were not found; update standardLicense`);
    return `Apache License 2.0 (${apacheHolder}; from package.json, the package has no license file):\n\n${apacheLicenseTerms()}\n\n` +
      `BSD-3-Clause for the code taken from Google's protobuf (from the package's file headers):\n\n${bsd.replace(/^\/\/ ?/gm, "")}`;
  }
  throw new Error(`bundle: ${name} (${pkg.license}) has no license file to copy into THIRD-PARTY-LICENSES.txt`);
}

/** The Apache License 2.0's terms, as another installed package ships them (its appendix left out). */
function apacheLicenseTerms() {
  for (const file of ["node_modules/typescript/LICENSE.txt", "node_modules/rxjs/LICENSE.txt"]) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const end = text.indexOf("END OF TERMS AND CONDITIONS");
    if (/^\s*Apache License\s+Version 2\.0, January 2004/.test(text) && end > 0) return text.slice(0, end + "END OF TERMS AND CONDITIONS".length).trim();
  }
  throw new Error("bundle: no copy of the Apache License 2.0 found among the installed packages");
}
