// Start-up loads only what a build needs: the preview server's dependencies (node:http, chokidar)
// only for `serve`, gemoji's table (its own file beside the bundle, scripts/bundle.mjs) only when
// jemoji runs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** Runs an ES module snippet in a fresh Node and returns what it printed as JSON. */
function probe(code: string, cwd = root): any {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

// A package beside the bundle is loaded through the bundle's loader (src/cli/code-cache.ts
// requireCached), not require(): its list counts too.
const LOADED = `
  const { createRequire } = await import("node:module");
  const require = createRequire(import.meta.url);
  const cache = require.cache;
  const bundleLoader = ${JSON.stringify(path.join(root, "dist/bundle/code-cache.js"))};
  const lazily = () => (cache[bundleLoader] ? require(bundleLoader).lazilyRequired() : []);
  const loaded = (name) => [...Object.keys(cache), ...lazily()].some((f) => f.includes("/node_modules/" + name + "/") || f.endsWith("/dist/bundle/" + name + ".js"));
`;

/** Builds `files` with the bundle in a fresh Node; what was loaded, and the home page. */
function bundleBuild(t: { skip(msg: string): void }, files: Record<string, string>): any {
  const bundle = path.join(root, "dist/bundle/cli.js");
  const loader = path.join(root, "dist/src/cli/code-cache.js");
  if (!fs.existsSync(bundle)) return t.skip("no bundle: run node scripts/bundle.mjs");
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "lazy-loading-"));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(site, name), text);
    return probe(`${LOADED}
      const fs = (await import("node:fs")).default;
      const { loadBundle } = await import(${JSON.stringify(loader)});
      const code = await loadBundle(${JSON.stringify(bundle)}).exports.main(["build", "-q"]);
      const natives = process.moduleLoadList.filter((m) => m.startsWith("NativeModule "));
      console.log(JSON.stringify({ code, chokidar: loaded("chokidar"), gemoji: loaded("gemoji"), http: natives.includes("NativeModule http"), html: fs.readFileSync("_site/index.html", "utf8") }));
    `, site);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}

test("a build from the bundle loads neither gemoji nor the preview server's modules", (t) => {
  const r = bundleBuild(t, { "index.md": "---\n---\n# Hi :smile:\n\n```python\nx = 1\n```\n" });
  if (!r) return;
  assert.equal(r.code, 0);
  assert.match(r.html, /<span class="n">x<\/span>/, "the build ran and highlighted");
  assert.match(r.html, /Hi :smile:/);
  assert.deepEqual({ chokidar: r.chokidar, gemoji: r.gemoji, http: r.http }, { chokidar: false, gemoji: false, http: false });
});

test("jemoji still finds gemoji's table from the bundle", (t) => {
  const r = bundleBuild(t, { "_config.yml": "plugins: [jemoji]\n", "index.md": "---\n---\nHi :smile:\n" });
  if (!r) return;
  assert.equal(r.code, 0);
  assert.equal(r.gemoji, true);
  assert.match(r.html, /<img class="emoji" title=":smile:" alt=":smile:" src="https:\/\/github\.githubassets\.com\/images\/icons\/emoji\/unicode\/1f604\.png"/);
});
