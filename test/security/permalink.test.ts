// Issue 14, attack 1: a permalink that decodes to `..` segments must not write outside the
// destination. Jekyll's Site#in_dest_dir (Jekyll.sanitized_path) keeps such paths inside, and so
// do we: every case below lands where real Jekyll 4.3.1 put it (measured with `jekyll build`),
// and nothing outside the destination is added, changed or removed.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { LiveRoot, containedPath, destinationRelative, sanitizedPath } from "../../src/write/contain.js";
import { overwriteFile } from "../../src/write/file-ops.js";
import { buildInProcess, diff, outside, sandbox, snapshot } from "./helpers.js";

test("sanitizedPath is Jekyll.sanitized_path", () => {
  const d = "/s/_site";
  assert.equal(sanitizedPath(d, "/../../pwned.txt"), "/s/_site/pwned.txt");
  assert.equal(sanitizedPath(d, "../../etc/passwd"), "/s/_site/etc/passwd");
  assert.equal(sanitizedPath(d, "/s/_site/inner.html"), "/s/_site/inner.html");
  assert.equal(sanitizedPath(d, "/s/_site"), "/s/_site");
  assert.equal(sanitizedPath(d, "~/x"), "/s/_site/~/x");
  assert.equal(sanitizedPath(d, "/a/./b/../c//d"), "/s/_site/a/c/d");
  assert.equal(sanitizedPath(d, "/s/_site2/x"), "/s/_site/s/_site2/x");
  assert.equal(destinationRelative(d, "/"), "");
  assert.equal(destinationRelative(d, "/../a/"), "a");
  assert.throws(() => sanitizedPath(d, "/a\0b"), /NUL/);
  assert.throws(() => containedPath(d, "/x\0"), /NUL/);
});

// [permalink as written in front matter, where Jekyll 4.3.1 wrote it]
const PAGE_CASES: Array<[string, string]> = [
  ["/%2e%2e/%2e%2e/pwned.txt", "pwned.txt"],
  ["/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/%2E%2E/tmp/pwned.txt", "tmp/pwned.txt"],
  ["/%2e%2e%2f%2e%2e%2fslash.html", "slash.html"],
  ["/.%2e/.%2e/mixed.html", "mixed.html"],
  ["/%2e%2e/%2e%2e/dir/", "dir/index.html"],
  ["/~/..%2f..%2ftilde/", "~/tilde/index.html"],
  ["/%2e%2e/%2e%2e/home/.bashrc", "home/.bashrc.html"],
];

test("the %2e%2e permalink family stays inside the destination (pages, posts, collections)", () => {
  const box = sandbox({ "_config.yml": "collections:\n  things:\n    output: true\n" });
  try {
    const expected: string[] = [];
    PAGE_CASES.forEach(([permalink, where], i) => {
      box.write(`p${i}.md`, `---\npermalink: ${permalink}\n---\npage ${i}\n`);
      expected.push(where);
    });
    box.write("_posts/2020-01-01-post.md", "---\npermalink: /%2E%2E%2F%2e%2e%2fpost.html\n---\npost\n");
    box.write("_things/t.md", "---\npermalink: /%2e%2e/%2e%2e/%2e%2e/thing.html\n---\nthing\n");
    box.write("assets/x.txt", "static");
    expected.push("post.html", "thing.html");
    const dest = path.join(box.site, "_site");
    const before = snapshot(box.root);
    const { error } = buildInProcess({ source: box.site, destination: dest });
    assert.equal(error, undefined, String(error?.stack ?? error));
    const changes = diff(before, snapshot(box.root));
    assert.deepEqual(outside("home/site/_site", changes.added), [], "nothing added outside _site");
    assert.deepEqual(changes.removed, [], "nothing removed");
    assert.deepEqual(changes.changed, [], "nothing changed");
    for (const rel of expected) assert.ok(fs.existsSync(path.join(dest, rel)), `${rel} written inside _site`);
    assert.equal(fs.existsSync(path.join(box.home, ".bashrc")), false);
  } finally {
    box.remove();
  }
});

test("a permalink naming a place inside the destination is kept there (Jekyll's quirk)", () => {
  const box = sandbox();
  try {
    const dest = path.join(box.root, "out");
    box.write("q.md", `---\npermalink: /%2e%2e/%2e%2e${dest}/inner.html\n---\nq\n`);
    const { error } = buildInProcess({ source: box.site, destination: dest });
    assert.equal(error, undefined, String(error));
    assert.ok(fs.existsSync(path.join(dest, "inner.html")));
  } finally {
    box.remove();
  }
});

test("a permalink with an encoded NUL is a located error, and nothing is written", () => {
  const box = sandbox({ "nul.md": "---\npermalink: /a%00b.html\n---\nx\n" });
  try {
    const before = snapshot(box.root);
    const { error } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site") });
    assert.ok(error, "the build fails");
    assert.equal(error.name, "BuildError");
    assert.match(error.message, /NUL/);
    assert.deepEqual(diff(before, snapshot(box.root)), { added: [], removed: [], changed: [] });
  } finally {
    box.remove();
  }
});

test("a permalink with a name past 255 bytes is a located error before anything is made, not ENAMETOOLONG", () => {
  const long = "a".repeat(300);
  const box = sandbox({ "long.md": `---\npermalink: /${long}/x.html\n---\nx\n`, "ok.md": "---\n---\nfine\n" });
  try {
    const before = snapshot(box.root);
    const { error } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site") });
    assert.ok(error, "the build fails");
    assert.equal(error.name, "BuildError");
    assert.equal(error.file, "long.md");
    assert.match(error.message, /a name of 300 bytes; file systems allow 255/);
    assert.match(error.hint, /Shorten the permalink/);
    // No staging folder is left beside the destination either.
    assert.deepEqual(diff(before, snapshot(box.root)), { added: [], removed: [], changed: [] });
  } finally {
    box.remove();
  }
});

test("serve's LiveRoot refuses a name past 255 bytes with the same message", () => {
  const box = sandbox();
  try {
    const live = new LiveRoot(path.join(box.root, "out"));
    assert.throws(() => live.prepare(`${"b".repeat(256)}.html`, "page.md"), (e: any) => e.name === "BuildError" && e.file === "page.md" && /261 bytes/.test(e.message));
  } finally {
    box.remove();
  }
});

/** A destination `out/` whose `uploads` is a symlink to the folder `elsewhere` beside it. */
function destWithSymlinkedFolder(root: string): { dest: string; elsewhere: string } {
  const dest = path.join(root, "out");
  const elsewhere = path.join(root, "elsewhere");
  fs.mkdirSync(dest);
  fs.mkdirSync(elsewhere);
  fs.symlinkSync(elsewhere, path.join(dest, "uploads"));
  return { dest, elsewhere };
}

test("serve's writes into the live destination (LiveRoot) refuse a symlinked folder, and make nothing through it", () => {
  const box = sandbox();
  try {
    const { dest, elsewhere } = destWithSymlinkedFolder(box.root);
    const live = new LiveRoot(dest);
    assert.throws(() => live.prepare("uploads/x.html", "page.md"), (e: any) => e.name === "BuildError" && /outside/.test(e.message) && e.file === "page.md");
    assert.throws(() => live.prepare("uploads/new/deeper/x.html"), /outside/);
    assert.deepEqual(fs.readdirSync(elsewhere), [], "no folder was made through the symlink");
    assert.equal(live.prepare("/a/b/c.html"), path.join(dest, "a/b/c.html"));
    assert.ok(fs.statSync(path.join(dest, "a/b")).isDirectory(), "its folder is made");
    assert.equal(live.prepare("a/b/d.html"), path.join(dest, "a/b/d.html"));
    assert.equal(live.prepare("/../../x.html"), path.join(dest, "x.html"), "placed like Jekyll's sanitized_path");
  } finally {
    box.remove();
  }
});

test("a write through a symlinked folder inside the destination is refused (assertInside)", () => {
  const box = sandbox();
  try {
    const { dest } = destWithSymlinkedFolder(box.root);
    assert.throws(() => containedPath(dest, "/uploads/x.html", "page.md"), (e: any) => e.name === "BuildError" && /outside/.test(e.message) && e.file === "page.md");
    assert.equal(containedPath(dest, "/a/b.html"), path.join(dest, "a/b.html"));
    assert.equal(containedPath(dest, "/%2e%2e/x"), path.join(dest, "%2e%2e/x"), "not decoded here: callers decode first");
  } finally {
    box.remove();
  }
});

test("serve's in-place rewrite replaces a symlink at the target (a kept file), never writes through it", () => {
  const box = sandbox();
  try {
    const dest = path.join(box.root, "out");
    const victim = box.write(path.join(box.root, "victim.txt"), "precious\n");
    fs.mkdirSync(dest);
    fs.symlinkSync(victim, path.join(dest, "page.html"));
    fs.symlinkSync(path.join(box.root, "nowhere.txt"), path.join(dest, "dangling.html"));
    overwriteFile(path.join(dest, "page.html"), "new page\n");
    overwriteFile(path.join(dest, "dangling.html"), "other\n");
    assert.equal(fs.readFileSync(victim, "utf8"), "precious\n");
    assert.equal(fs.lstatSync(path.join(dest, "page.html")).isSymbolicLink(), false);
    assert.equal(fs.readFileSync(path.join(dest, "page.html"), "utf8"), "new page\n");
    assert.equal(fs.existsSync(path.join(box.root, "nowhere.txt")), false);
    // An ordinary file is still rewritten in place.
    overwriteFile(path.join(dest, "page.html"), "shorter\n");
    assert.equal(fs.readFileSync(path.join(dest, "page.html"), "utf8"), "shorter\n");
  } finally {
    box.remove();
  }
});
