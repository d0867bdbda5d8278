// Issue 14, attack 2: a build must never delete its source, the home folder, a filesystem root,
// or a folder of someone else's files. Each refusal happens before anything is touched: the
// whole sandbox (fake home, site, neighbours) is compared file by file before and after.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { assertSafeDestination } from "../../src/write/destination.js";
import { buildInProcess, diff, runCli, sandbox, snapshot } from "./helpers.js";

const SITE = { "_config.yml": "title: t\n", "index.md": "---\n---\n# Hi\n", "about.md": "---\n---\nabout\n" };
const NOTHING = { added: [], removed: [], changed: [] };

test("a source that is a symlink to the destination is refused, and the source survives", () => {
  const box = sandbox(SITE);
  try {
    const link = path.join(box.root, "link-to-out");
    const out = path.join(box.root, "out");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "precious.md"), "---\n---\nmine\n");
    fs.symlinkSync(out, link);
    const before = snapshot(box.root);
    const r = runCli(box, ["build", "-s", link, "-d", out], box.root);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /destination directory cannot be or contain the source directory .*symlink/);
    assert.deepEqual(diff(before, snapshot(box.root)), NOTHING);
    // and the other way round: the destination is a symlink to the source
    const dlink = path.join(box.root, "dest-link");
    fs.symlinkSync(box.site, dlink);
    const before2 = snapshot(box.root);
    const r2 = runCli(box, ["build", "-d", dlink]);
    assert.notEqual(r2.code, 0);
    assert.match(r2.err, /cannot be or contain the source/);
    assert.deepEqual(diff(before2, snapshot(box.root)), NOTHING);
  } finally {
    box.remove();
  }
});

test("-d ~ (a fake HOME), a folder containing it, the source and its ancestors are refused before anything is touched", () => {
  const box = sandbox(SITE);
  try {
    box.write(path.join(box.home, ".bashrc"), "export X=1\n");
    box.write(path.join(box.home, "notes.txt"), "notes\n");
    const before = snapshot(box.root);
    for (const [dest, why] of [
      [box.home, /it is your home folder/],
      ["~", /it is your home folder/],
      [box.root, /contains your home folder/],
      [box.site, /cannot be or contain the source/],
      [".", /cannot be or contain the source/],
      ["..", /home folder|contain the source/],
    ] as Array<[string, RegExp]>) {
      const arg = dest === "~" ? box.home : dest; // the shell expands ~; HOME points into the sandbox
      const r = runCli(box, ["build", "-d", arg]);
      assert.notEqual(r.code, 0, `-d ${dest} must be refused`);
      assert.match(r.err, why, `-d ${dest}`);
      assert.deepEqual(diff(before, snapshot(box.root)), NOTHING, `-d ${dest} touched nothing`);
    }
  } finally {
    box.remove();
  }
});

test("-d / is refused before any file system call that writes", () => {
  const box = sandbox(SITE);
  const names = ["writeFileSync", "mkdirSync", "rmSync", "renameSync", "cpSync", "copyFileSync", "rmdirSync", "unlinkSync", "mkdtempSync", "symlinkSync", "utimesSync"] as const;
  const saved = new Map<string, unknown>();
  const touched: string[] = [];
  try {
    assert.throws(() => assertSafeDestination(box.site, "/", box.home), /root of the filesystem/);
    assert.throws(() => assertSafeDestination(box.site, "/.", "/nonexistent-home"), /root of the filesystem/);
    for (const n of names) {
      saved.set(n, (fs as any)[n]);
      (fs as any)[n] = (p: unknown) => { touched.push(`${n} ${p}`); throw new Error(`touched ${p}`); };
    }
    const { error } = buildInProcess({ source: box.site, destination: "/" });
    assert.ok(error);
    assert.match(String(error.message), /root of the filesystem/);
    assert.deepEqual(touched, []);
  } finally {
    for (const [n, f] of saved) (fs as any)[n] = f;
    box.remove();
  }
});

test("a destination holding files build-site did not write is refused, naming them; --force replaces it", () => {
  const box = sandbox(SITE);
  try {
    const docs = path.join(box.root, "docs");
    box.write(path.join(docs, "thesis.tex"), "\\documentclass{article}\n");
    box.write(path.join(docs, "data/results.csv"), "a,b\n");
    box.write(path.join(docs, "index.html"), "old\n");
    const before = snapshot(box.root);
    const r = runCli(box, ["build", "-d", docs]);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /holds 2 file\(s\) that build-site did not write/);
    assert.match(r.err, /thesis\.tex/);
    assert.match(r.err, /data\/results\.csv/);
    assert.match(r.err, /--force/);
    assert.deepEqual(diff(before, snapshot(box.root)), NOTHING);
    const forced = runCli(box, ["build", "-d", docs, "--force"]);
    assert.equal(forced.code, 0, forced.err);
    assert.equal(fs.existsSync(path.join(docs, "thesis.tex")), false);
    assert.ok(fs.existsSync(path.join(docs, "about.html")));
  } finally {
    box.remove();
  }
});

test("an existing _site that looks like Jekyll's output (stale pages included) needs no --force", () => {
  const box = sandbox(SITE);
  try {
    const site = path.join(box.site, "_site");
    box.write(path.join(site, "index.html"), "jekyll's\n");
    box.write(path.join(site, "about.html"), "jekyll's\n");
    box.write(path.join(site, "old-post.html"), "a deleted post's page\n");
    box.write(path.join(site, ".git/HEAD"), "ref: refs/heads/gh-pages\n");
    const r = runCli(box, ["build"]);
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.existsSync(path.join(site, "old-post.html")), false, "a stale output goes, as with Jekyll");
    assert.ok(fs.existsSync(path.join(site, ".git/HEAD")), "keep_files are kept");
  } finally {
    box.remove();
  }
});

test("a destination build-site made is recognised by its marker; one made again by someone else is not", () => {
  const box = sandbox(SITE);
  try {
    const out = path.join(box.root, "out");
    assert.equal(runCli(box, ["build", "-d", out]).code, 0);
    box.write(path.join(out, "dropped-in.txt"), "x\n");
    fs.rmSync(path.join(box.site, "about.md"));
    const again = runCli(box, ["build", "-d", out]);
    assert.equal(again.code, 0, again.err);
    fs.rmSync(out, { recursive: true });
    box.write(path.join(out, "mine.txt"), "someone else's\n");
    box.write(path.join(out, "mine2.txt"), "someone else's\n");
    const refused = runCli(box, ["build", "-d", out]);
    assert.notEqual(refused.code, 0);
    assert.match(refused.err, /mine\.txt/);
    assert.ok(fs.existsSync(path.join(out, "mine.txt")));
  } finally {
    box.remove();
  }
});

// A destination that cannot be a folder this user writes: a file, a path below a file, a path
// through a symlink loop, a folder without write permission. Jekyll stops in FileUtils.mkdir_p
// with `File exists @ dir_s_mkdir - …/out.txt (Errno::EEXIST)` (or EACCES) and a backtrace
// (ERRORS.md); build-site had crashed ("failed unexpectedly: ENOTDIR") after rendering. Now each is
// refused before anything is read or written, and the old _site stays as it was.
test("a destination that is a file, lies below a file or a symlink loop, or cannot be written is refused with what to do", () => {
  const box = sandbox(SITE);
  try {
    assert.equal(runCli(box, ["build"]).code, 0);
    box.write("_site/kept.txt", "old\n");
    box.write("out.txt", "a file\n");
    fs.symlinkSync("lp", path.join(box.site, "lp"));
    const cases: Array<[string, RegExp]> = [
      ["out.txt", /Error: the destination out\.txt is a file, not a folder\n.*remove or rename that file, or choose another destination \(-d\)/],
      ["out.txt/sub/x", /Error: the destination out\.txt\/sub\/x lies below out\.txt, which is a file, not a folder/],
      ["lp/x", /Error: the destination lp\/x cannot be made: lp is a symlink loop/],
    ];
    // Permission denied: a read-only folder, or (as root, whom modes do not stop) /proc/1.
    const locked = path.join(box.root, "locked");
    fs.mkdirSync(locked, { mode: 0o555 });
    if (process.getuid?.() !== 0) cases.push([path.join(locked, "out"), /cannot be written: .*locked is not writable \(permission denied\)/]);
    else if (fs.existsSync("/proc/1")) cases.push(["/proc/1/out", /cannot be written: \/proc\/1 is not writable \(permission denied\)/]);
    const before = snapshot(box.root);
    for (const [dest, says] of cases) {
      const r = runCli(box, ["build", "-d", dest]);
      assert.equal(r.code, 1, `-d ${dest}: ${r.err}`);
      assert.match(r.err, says, `-d ${dest}`);
      assert.doesNotMatch(r.err, /unexpectedly/);
      assert.deepEqual(diff(before, snapshot(box.root)), NOTHING, `-d ${dest} touched nothing`);
    }
    assert.equal(fs.readFileSync(path.join(box.site, "_site/kept.txt"), "utf8"), "old\n");
  } finally {
    fs.chmodSync(path.join(box.root, "locked"), 0o755);
    box.remove();
  }
});
