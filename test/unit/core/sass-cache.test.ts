// The CSS cache must never serve stale CSS: a change to an imported partial changes the output.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

function build(dir: string): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "-q"], { cwd: dir, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return fs.readFileSync(path.join(dir, "_site", "css", "main.css"), "utf8");
}

test("cached CSS is reused, and rebuilt when a partial changes", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sass-cache-"));
  try {
    fs.mkdirSync(path.join(dir, "_sass"));
    fs.mkdirSync(path.join(dir, "css"));
    fs.writeFileSync(path.join(dir, "_config.yml"), "sass:\n  sourcemap: never\n");
    fs.writeFileSync(path.join(dir, "_sass", "_colors.scss"), "$ink: #112233;\n");
    fs.writeFileSync(path.join(dir, "css", "main.scss"), "---\n---\n@import \"colors\";\nbody { color: $ink; }\n");
    assert.match(build(dir), /#112233/);
    const cacheDir = path.join(dir, ".build-site-cache", "sass");
    assert.equal(fs.readdirSync(cacheDir).length, 1, "the first build stores its CSS");
    assert.match(build(dir), /#112233/);
    assert.equal(fs.readdirSync(cacheDir).length, 1, "an unchanged build reuses it");
    fs.writeFileSync(path.join(dir, "_sass", "_colors.scss"), "$ink: #445566;\n");
    assert.match(build(dir), /#445566/, "a changed partial is compiled again");
    fs.writeFileSync(path.join(dir, "_config.yml"), "sass:\n  sourcemap: never\ndisable_disk_cache: true\n");
    fs.rmSync(path.join(dir, ".build-site-cache"), { recursive: true });
    build(dir);
    assert.equal(fs.existsSync(cacheDir), false, "disable_disk_cache: true writes no cache");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function entries(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(".json")) : [];
}

/** Marks every entry's CSS, so that a build's output shows whether it came from the cache. */
function markEntries(dir: string): void {
  for (const n of entries(dir)) {
    const file = path.join(dir, n);
    const entry = JSON.parse(fs.readFileSync(file, "utf8"));
    entry.css += "/* from the cache */";
    fs.writeFileSync(file, JSON.stringify(entry));
  }
}

test("a committed CSS cache (build_site.css_cache) is used from another folder, pruned to what the build used, and never stale", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sass-cache-"));
  try {
    const site = path.join(dir, "one");
    fs.mkdirSync(path.join(site, "_sass"), { recursive: true });
    fs.mkdirSync(path.join(site, "css"));
    fs.mkdirSync(path.join(site, "vendor"));
    fs.writeFileSync(path.join(site, "_config.yml"), "sass:\n  sourcemap: never\nbuild_site:\n  css_cache: _css_cache\n");
    fs.writeFileSync(path.join(site, "_sass", "_colors.scss"), "$ink: #112233;\n");
    // Imported by a relative path from a folder that is neither a load path nor the stylesheet's.
    fs.writeFileSync(path.join(site, "vendor", "_rules.scss"), ".v { width: 1px; }\n");
    fs.writeFileSync(path.join(site, "css", "main.scss"), "---\n---\n@import \"colors\";\n@import \"../vendor/rules\";\nbody { color: $ink; }\n");
    const cacheDir = path.join(site, "_css_cache");
    assert.match(build(site), /#112233/);
    assert.equal(entries(cacheDir).length, 1, "the CSS is kept in the folder the site named");
    assert.equal(fs.existsSync(path.join(site, ".build-site-cache", "sass")), false);
    assert.equal(fs.existsSync(path.join(site, "_site", "_css_cache")), false, "the folder is not part of the site");
    markEntries(cacheDir);
    assert.match(build(site), /from the cache/, "an unchanged site uses the entry");

    // A clone elsewhere (a CI runner) with only the committed folder: the same keys.
    const clone = path.join(dir, "elsewhere", "two");
    fs.cpSync(site, clone, { recursive: true });
    fs.rmSync(path.join(clone, "_site"), { recursive: true, force: true });
    fs.rmSync(path.join(clone, ".build-site-cache"), { recursive: true, force: true });
    assert.match(build(clone), /from the cache/, "the entry is used in another folder");

    fs.writeFileSync(path.join(clone, "vendor", "_rules.scss"), ".v { width: 2px; }\n");
    const css = build(clone);
    assert.doesNotMatch(css, /from the cache/, "a changed file outside the keyed folders is compiled again");
    assert.match(css, /width: 2px/);
    assert.equal(entries(path.join(clone, "_css_cache")).length, 1, "the entry the build no longer uses is removed");

    fs.writeFileSync(path.join(clone, "_sass", "_colors.scss"), "$ink: #445566;\n");
    assert.match(build(clone), /#445566/, "a changed partial is compiled again");
    fs.writeFileSync(path.join(clone, "_sass", "_colors.scss"), "$ink: #112233;\n");
    fs.writeFileSync(path.join(clone, "vendor", "_rules.scss"), ".v { width: 1px; }\n");
    assert.doesNotMatch(build(clone), /from the cache/, "a pruned entry is not used again");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the compiler's id in every key is the installed sass-embedded's name and version", async () => {
  const { sassCompilerId } = await import("../../../src/render/sass-cache.js");
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "sass-embedded", "package.json"), "utf8"));
  assert.equal(sassCompilerId(), `sass-embedded@${pkg.version}`);
});

// The key's walk of the stylesheet's folder and the load paths skips `.`-folders and node_modules
// (a site's own `node_modules` can hold thousands of files); a partial the compile loaded from
// one of them is covered by the entry instead, with the folder it lies in, as a partial loaded
// from outside the keyed folders is. Before, such a partial was taken as covered by the key, and
// an edit to it left the old CSS in place.
test("a partial loaded from a hidden folder or node_modules below a keyed folder is part of the entry: an edit compiles again", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sass-cache-"));
  try {
    fs.mkdirSync(path.join(dir, "_sass", ".theme"), { recursive: true });
    fs.mkdirSync(path.join(dir, "css", "node_modules", "grid"), { recursive: true });
    fs.writeFileSync(path.join(dir, "_config.yml"), "sass:\n  sourcemap: never\n");
    fs.writeFileSync(path.join(dir, "_sass", ".theme", "_colors.scss"), "$ink: #112233;\n");
    fs.writeFileSync(path.join(dir, "css", "node_modules", "grid", "_cols.scss"), ".col { width: 10px; }\n");
    // `.theme/colors` through the load path _sass, `node_modules/grid/cols` beside the stylesheet.
    fs.writeFileSync(path.join(dir, "css", "main.scss"), "---\n---\n@import \".theme/colors\";\n@import \"node_modules/grid/cols\";\nbody { color: $ink; }\n");
    const cacheDir = path.join(dir, ".build-site-cache", "sass");
    assert.match(build(dir), /#112233/);
    markEntries(cacheDir);
    assert.match(build(dir), /from the cache/, "an unchanged site uses the entry");
    fs.writeFileSync(path.join(dir, "_sass", ".theme", "_colors.scss"), "$ink: #445566;\n");
    const second = build(dir);
    assert.match(second, /#445566/, "the edited hidden partial is compiled again");
    assert.doesNotMatch(second, /from the cache/);
    markEntries(cacheDir);
    assert.match(build(dir), /from the cache/);
    fs.writeFileSync(path.join(dir, "css", "node_modules", "grid", "_cols.scss"), ".col { width: 20px; }\n");
    assert.match(build(dir), /width: 20px/, "the edited partial in node_modules is compiled again");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
