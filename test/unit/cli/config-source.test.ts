// `source:` in `_config.yml`, and where the destination goes. Measured with Debian's Jekyll 4.3.1
// (test/conformance/ERRORS.md, cases 86-88; the fixture config-source-key pins the output):
//  - `jekyll build` reads `_config.yml` from the working directory (or --source), and a `source:`
//    key there becomes the site's source, expanded against the working directory; `src/_config.yml`
//    is not read. `--source` on the command line wins over the key, which is then ignored.
//  - The default destination and a relative `destination:` are expanded against the working
//    directory (`File.join(Dir.pwd, "_site")`), so `jekyll build -s docs` writes `./_site`.
// build-site places them there too (`-s docs` writes `./_site`), and refuses a `source:` outside
// the folder the configuration was read from.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

function tree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "bs-source-key-")));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

function build(cwd: string, args: string[] = []) {
  const r = spawnSync(process.execPath, [CLI, "build", ...args], { cwd, encoding: "utf8", env: { ...process.env, TZ: "UTC", BUILD_SITE_WORKERS: "0" } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const SITE = {
  "a/_config.yml": "source: src\ntitle: Outer\n",
  "a/outside.md": "---\n---\nnot built\n",
  "a/src/_config.yml": "title: Inner\n",
  "a/src/index.md": "---\n---\n{{ site.title }}\n",
};

test("source: in _config.yml names the site's files; the destination is placed beside the configuration", () => {
  const root = tree(SITE);
  try {
    const r = build(path.join(root, "a"));
    assert.equal(r.code, 0, r.out);
    assert.equal(fs.readFileSync(path.join(root, "a/_site/index.html"), "utf8"), "<p>Outer</p>\n");
    assert.equal(fs.existsSync(path.join(root, "a/_site/outside.html")), false);
    assert.equal(fs.existsSync(path.join(root, "a/src/_site")), false, "not inside the new source");

    // destination: relative to the same folder (Jekyll: the working directory, which it is here).
    fs.writeFileSync(path.join(root, "a/_config.yml"), "source: src\ndestination: out\ntitle: Outer\n");
    assert.equal(build(path.join(root, "a")).code, 0);
    assert.equal(fs.readFileSync(path.join(root, "a/out/index.html"), "utf8"), "<p>Outer</p>\n");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("--source on the command line wins over source: in the configuration, which is then ignored (as in Jekyll)", () => {
  const root = tree(SITE);
  try {
    const r = build(root, ["-s", "a"]);
    assert.equal(r.code, 0, r.out);
    // The key is ignored: `a` is the source, so `outside.md` is built and `src/` is a folder of it.
    assert.equal(fs.readFileSync(path.join(root, "_site/outside.html"), "utf8"), "<p>not built</p>\n");
    assert.equal(fs.readFileSync(path.join(root, "_site/src/index.html"), "utf8"), "<p>Outer</p>\n");
    // As Jekyll: `-s a` without -d writes ./_site, in the working directory, and nothing in a/.
    assert.equal(fs.existsSync(path.join(root, "a/_site")), false);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("a source: outside the configuration's folder, of the wrong type or missing is a clear error naming _config.yml", () => {
  const cases: [string, RegExp][] = [
    ["source: ../b", /_config\.yml: source: \.\.\/b is outside the folder the configuration was read from/],
    ["source: /", /_config\.yml: source: \/ is outside the folder the configuration was read from/],
    ["source: link", /_config\.yml: source: link is outside the folder the configuration was read from/],
    ["source: [1]", /_config\.yml: no implicit conversion of Array into String \(TypeError\)/],
    ["source: 5", /_config\.yml: no implicit conversion of Integer into String \(TypeError\)/],
    ["source: nope", /_config\.yml: the source directory 'nope' \(source: in the configuration\) does not exist/],
  ];
  for (const [config, says] of cases) {
    const root = tree({ "a/_config.yml": `${config}\n`, "a/index.md": "---\n---\nx\n", "b/secret.md": "---\n---\nSECRET\n" });
    try {
      fs.symlinkSync(path.join(root, "b"), path.join(root, "a/link"));
      const r = build(path.join(root, "a"));
      assert.notEqual(r.code, 0, `${config}: fails`);
      assert.match(r.out, says, config);
      assert.equal(fs.existsSync(path.join(root, "a/_site")), false, `${config}: nothing written`);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
});

test("source: . and a folder reached through a symlink inside the folder are fine", () => {
  const root = tree({ "a/_config.yml": "source: .\n", "a/index.md": "---\n---\nhere\n", "a/real/index.md": "---\n---\nreal\n" });
  try {
    assert.equal(build(path.join(root, "a")).code, 0);
    assert.equal(fs.readFileSync(path.join(root, "a/_site/index.html"), "utf8"), "<p>here</p>\n");
    fs.symlinkSync("real", path.join(root, "a/alias"));
    fs.writeFileSync(path.join(root, "a/_config.yml"), "source: alias\n");
    const r = build(path.join(root, "a"));
    assert.equal(r.code, 0, r.out);
    assert.equal(fs.readFileSync(path.join(root, "a/_site/index.html"), "utf8"), "<p>real</p>\n");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// `build --watch` (and serve, which shares the watcher: cli/watch-site.ts) rebuilds when the
// `_config.yml` that moved the site with `source:` changes, though that file lies outside the
// watched source. (jekyll-watch ignores every configuration file, so Jekyll's watch never rebuilds
// for one; build-site reads the configuration again on each rebuild, wherever it is.)
test("build --watch rebuilds when the _config.yml beside a moved source changes", async () => {
  const root = tree(SITE);
  const child = spawn(process.execPath, [CLI, "build", "--watch"], { cwd: path.join(root, "a"), env: { ...process.env, TZ: "UTC", BUILD_SITE_WORKERS: "0" } });
  let out = "";
  child.stdout.on("data", (b) => { out += b; });
  child.stderr.on("data", (b) => { out += b; });
  const until = async (what: string, ok: () => boolean) => {
    for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(ok(), `${what}:\n${out}`);
  };
  const index = path.join(root, "a/_site/index.html");
  try {
    await until("the first build", () => out.includes("Auto-regeneration: enabled"));
    assert.equal(fs.readFileSync(index, "utf8"), "<p>Outer</p>\n");
    fs.writeFileSync(path.join(root, "a/_config.yml"), "source: src\ntitle: Outer, edited\n");
    await until("the rebuild", () => fs.existsSync(index) && fs.readFileSync(index, "utf8") === "<p>Outer, edited</p>\n");
    assert.match(out, /Regenerating: 1 file\(s\) changed[\s\S]*\.\.\/_config\.yml/);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// A source that is a symlink loop or a file. Jekyll stats nothing first: it makes its cache folder
// there and stops with `mkdir': File exists @ dir_s_mkdir - …/loop (Errno::EEXIST)` and a Ruby
// backtrace, for `-s loop` and `source: loop` alike (ERRORS.md). build-site had crashed on `-s
// loop` ("failed unexpectedly: ELOOP") and called `source: loop` missing.
test("a source that is a symlink loop or a file is a clear error, from --source or source:", () => {
  const cases: [string[], string, RegExp][] = [
    [["-s", "loop"], "", /Error: the source directory 'loop' is a symlink loop: its links never reach a folder[\s\S]*Point the symlink at a real folder[\s\S]*--source/],
    [["-s", "one"], "", /Error: the source directory 'one' is a symlink loop/],
    [["-s", "page.md"], "", /Error: the source directory 'page.md' is a file, not a folder\n.*point --source at the site's folder/],
    [[], "source: loop", /Error: _config\.yml: the source directory 'loop' \(source: in the configuration\) is a symlink loop[\s\S]*correct or remove the source: setting/],
    [[], "source: page.md", /Error: _config\.yml: the source directory 'page\.md' \(source: in the configuration\) is a file, not a folder/],
  ];
  for (const [args, config, says] of cases) {
    const root = tree({ "a/_config.yml": `${config}\n`, "a/page.md": "---\n---\nx\n" });
    try {
      fs.symlinkSync("loop", path.join(root, "a/loop"));
      fs.symlinkSync("two", path.join(root, "a/one"));
      fs.symlinkSync("one", path.join(root, "a/two"));
      const r = build(path.join(root, "a"), args);
      assert.equal(r.code, 1, `${args} ${config}: fails`);
      assert.match(r.out, says, `${args} ${config}`);
      assert.doesNotMatch(r.out, /unexpectedly/);
      assert.equal(fs.existsSync(path.join(root, "a/_site")), false, "nothing written");
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
});

// Configuration files that are folders. Jekyll passes over a folder named `_config.yml` without a
// word ("Configuration file: none") and builds with the defaults; `--config d.yml` naming a folder
// stops with "The configuration file … could not be found". build-site had crashed on both
// ("failed unexpectedly: EISDIR").
test("a _config.yml that is a folder is passed over with a warning; --config naming a folder is an error", () => {
  const root = tree({ "a/index.md": "---\n---\n{{ site.title | default: 'none' }}\n", "a/_config.yml/x": "title: T\n" });
  try {
    let r = build(path.join(root, "a"));
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /Configuration file: none/);
    assert.match(r.out, /Warning: _config\.yml is a folder, not a file: no configuration is read/);
    assert.equal(fs.readFileSync(path.join(root, "a/_site/index.html"), "utf8"), "<p>none</p>\n");
    r = build(path.join(root, "a"), ["--config", "_config.yml"]);
    assert.equal(r.code, 1);
    assert.match(r.out, /Error: the configuration file '_config\.yml' is a folder, not a file\n.*--config takes configuration files/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
