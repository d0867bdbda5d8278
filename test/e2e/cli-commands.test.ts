// The CLI as a Jekyll user runs it: `clean`, `build --watch` (with and without --incremental), and
// the build flags Jekyll has (--force_polling, --disable-disk-cache, --strict_front_matter,
// --layouts, -p/--plugins), with the banner lines Jekyll prints, each true to what the run does.
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

function run(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

function makeSite(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-commands-"));
  const base: Record<string, string> = {
    "_config.yml": "title: CLI\n",
    "_layouts/default.html": "<html><body>{{ content }}</body></html>\n",
    "index.md": "---\nlayout: default\n---\n# Home\n",
    "about.md": "---\nlayout: default\n---\nabout v1\n",
    "_posts/2024-01-01-one.md": "---\nlayout: default\n---\npost one\n",
  };
  for (const [rel, text] of Object.entries({ ...base, ...files })) write(dir, rel, text);
  return dir;
}

/** A running CLI whose output can be awaited line by line (no timing assumptions). */
class Running {
  output = "";
  private waiters: Array<{ re: RegExp; from: number; resolve: () => void }> = [];
  readonly exited: Promise<number | null>;
  constructor(readonly child: ChildProcess) {
    const onData = (b: Buffer) => {
      this.output += b.toString();
      this.waiters = this.waiters.filter((w) => {
        if (!w.re.test(this.output.slice(w.from))) return true;
        w.resolve();
        return false;
      });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }
  /** Resolves when `re` appears in the output printed after `from` (default: from the start). */
  waitFor(re: RegExp, from = 0): Promise<void> {
    if (re.test(this.output.slice(from))) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ re, from, resolve });
      void this.exited.then((code) => reject(new Error(`exited (${code}) before ${re}:\n${this.output}`)));
    });
  }
}

function start(cwd: string, args: string[]): Running {
  return new Running(spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, TZ: "UTC" } }));
}

test("clean removes the destination and every cache, and says so for each; then there is nothing to do", () => {
  const dir = makeSite({ "css/main.scss": "---\n---\nbody { color: red; }\n" });
  try {
    assert.equal(run(dir, ["build", "-q"]).code, 0);
    assert.ok(fs.existsSync(path.join(dir, ".build-site-cache")), "the Sass disk cache exists after a build");
    fs.writeFileSync(path.join(dir, ".jekyll-metadata"), "x");
    fs.mkdirSync(path.join(dir, ".jekyll-cache"));
    fs.mkdirSync(path.join(dir, ".sass-cache"));
    fs.mkdirSync(path.join(dir, "._site.build-site-staging-old-1-2"));
    const r = run(dir, ["clean"]);
    assert.equal(r.code, 0, r.err);
    for (const gone of ["_site", ".jekyll-metadata", ".jekyll-cache", ".sass-cache", ".build-site-cache", "._site.build-site-staging-old-1-2"]) {
      assert.equal(fs.existsSync(path.join(dir, gone)), false, gone);
      assert.match(r.out, new RegExp(`Cleaner: Removing .*${gone.replace(/\./g, "\\.")}\\.\\.\\.`), gone);
    }
    assert.ok(fs.existsSync(path.join(dir, "index.md")), "the source is untouched");
    const again = run(dir, ["clean"]);
    assert.equal(again.code, 0);
    assert.equal((again.out.match(/Cleaner: Nothing to do for /g) ?? []).length, 5, again.out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("clean follows -d and refuses a destination that contains the source", () => {
  const dir = makeSite();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "cli-clean-dest-"));
  try {
    assert.equal(run(dir, ["build", "-q", "-d", path.join(out, "site")]).code, 0);
    assert.equal(run(dir, ["clean", "-d", path.join(out, "site")]).code, 0);
    assert.equal(fs.existsSync(path.join(out, "site")), false);
    const refused = run(dir, ["clean", "-d", path.dirname(dir)]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /destination directory cannot be or contain the source/);
    assert.ok(fs.existsSync(dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test("a single build's banner says how incremental builds are enabled, and does not pretend", () => {
  const dir = makeSite();
  try {
    const plain = run(dir, ["build"]);
    assert.match(plain.out, /^ Incremental build: disabled\. Enable with --watch --incremental$/m);
    assert.match(plain.out, /^ Auto-regeneration: disabled\. Use --watch to enable\.$/m);
    assert.match(plain.out, /^            Source: /m, "topics right-aligned in 20 columns, as Jekyll's");
    const withI = run(dir, ["build", "--incremental"]);
    assert.match(withI.out, /^ Incremental build: disabled\. It takes effect with --watch/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

for (const incremental of [false, true]) {
  test(`build --watch${incremental ? " --incremental" : ""} keeps watching, rebuilds on each change, survives a broken build, stops on Ctrl-C`, async () => {
    const dir = makeSite();
    const args = ["build", "--watch", "--verbose", ...(incremental ? ["-I"] : [])];
    const p = start(dir, args);
    try {
      await p.waitFor(/Auto-regeneration: enabled for '/);
      assert.match(p.output, incremental ? /Incremental build: enabled\n/ : /Incremental build: disabled\. Enable with --incremental\n/);
      assert.match(fs.readFileSync(path.join(dir, "_site", "about.html"), "utf8"), /about v1/);

      let mark = p.output.length;
      write(dir, "about.md", "---\nlayout: default\n---\nabout v2\n");
      // --verbose adds "Rebuilt:" after Jekyll's "...done in" line.
      await p.waitFor(/\.\.\.done in [\d.]+ seconds\.\n.*Rebuilt: /, mark);
      assert.match(p.output.slice(mark), /Regenerating: 1 file\(s\) changed at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n\s+about\.md\n/);
      assert.match(p.output.slice(mark), incremental ? /Rebuilt: incremental: 1 rendered, 2 reused/ : /Rebuilt: full build: 3 rendered/);
      assert.match(fs.readFileSync(path.join(dir, "_site", "about.html"), "utf8"), /about v2/);

      mark = p.output.length;
      write(dir, "about.md", "---\nlayout: default\n---\n{% if x %}never closed\n");
      await p.waitFor(/Nothing was written/, mark);
      assert.match(p.output.slice(mark), /about\.md:4(:\d+)?: .*'if' tag was never closed/);
      assert.match(fs.readFileSync(path.join(dir, "_site", "about.html"), "utf8"), /about v2/, "the last good site stays");

      mark = p.output.length;
      write(dir, "about.md", "---\nlayout: default\n---\nabout v3\n");
      await p.waitFor(/Rebuilt: /, mark);
      assert.match(fs.readFileSync(path.join(dir, "_site", "about.html"), "utf8"), /about v3/);

      p.child.kill("SIGINT");
      assert.equal(await p.exited, 0);
      assert.match(p.output, /Halting auto-regeneration\./);
    } finally {
      p.child.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("--force_polling: build --watch notices changes by polling, and site.force_polling is true", async () => {
  const dir = makeSite({ "flags.html": "---\n---\npolling={{ site.force_polling }}\n" });
  const p = start(dir, ["build", "--watch", "--force_polling"]);
  try {
    await p.waitFor(/Auto-regeneration: enabled/);
    assert.equal(fs.readFileSync(path.join(dir, "_site", "flags.html"), "utf8").trim(), "polling=true");
    const mark = p.output.length;
    write(dir, "about.md", "---\nlayout: default\n---\npolled\n");
    await p.waitFor(/\.\.\.done in/, mark);
    assert.match(fs.readFileSync(path.join(dir, "_site", "about.html"), "utf8"), /polled/);
    p.child.kill("SIGINT");
    assert.equal(await p.exited, 0);
  } finally {
    p.child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--disable-disk-cache: no .build-site-cache is written (Sass is cached there otherwise)", () => {
  const dir = makeSite({ "css/main.scss": "---\n---\nbody { color: red; }\n" });
  try {
    assert.equal(run(dir, ["build", "-q", "--disable-disk-cache"]).code, 0);
    assert.equal(fs.existsSync(path.join(dir, ".build-site-cache")), false);
    assert.match(fs.readFileSync(path.join(dir, "_site", "css", "main.css"), "utf8"), /color: red/);
    assert.equal(run(dir, ["build", "-q"]).code, 0);
    assert.ok(fs.existsSync(path.join(dir, ".build-site-cache")));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--strict_front_matter sets site.strict_front_matter; bad front matter fails the build with it and warns without it (as Jekyll)", () => {
  const dir = makeSite({ "flags.html": "---\n---\nstrict={{ site.strict_front_matter }}\n" });
  try {
    assert.equal(run(dir, ["build", "-q", "--strict_front_matter"]).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, "_site", "flags.html"), "utf8").trim(), "strict=true");
    write(dir, "bad.md", "---\ntitle: \"unclosed\n---\nx\n");
    const strict = run(dir, ["build", "--strict_front_matter"]);
    assert.equal(strict.code, 1);
    assert.match(strict.err, /bad\.md:\d+:\d+: invalid YAML/);
    const lenient = run(dir, ["build"]);
    assert.equal(lenient.code, 0, lenient.err);
    assert.match(lenient.err, /YAML Exception: bad\.md:\d+:\d+: invalid YAML/);
    assert.equal(fs.readFileSync(path.join(dir, "_site", "bad.html"), "utf8"), "<p>x</p>\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--layouts DIR reads layouts from DIR (layouts_dir)", () => {
  const dir = makeSite({ "_alt/default.html": "<main class=\"alt\">{{ content }}</main>\n" });
  try {
    const r = run(dir, ["build", "-q", "--layouts", "_alt"]);
    assert.equal(r.code, 0, r.err);
    assert.match(fs.readFileSync(path.join(dir, "_site", "about.html"), "utf8"), /<main class="alt">/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("-p/--plugins DIR[,DIR] sets plugins_dir, as Jekyll (a list)", () => {
  const dir = makeSite({ "flags.html": "---\n---\n{{ site.plugins_dir | join: \"+\" }}\n" });
  try {
    assert.equal(run(dir, ["build", "-q", "-p", "_a,_b"]).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, "_site", "flags.html"), "utf8").trim(), "_a+_b");
    assert.equal(run(dir, ["build", "-q", "--plugins", "_c"]).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, "_site", "flags.html"), "utf8").trim(), "_c");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
