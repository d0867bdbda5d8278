// Issue 14, attack 3: in --safe mode no reader follows a symlink out of the site. Jekyll 4.3.1
// (measured with `jekyll build --safe`) skips symlinked layouts, data files, static files and
// pages whose real path is outside the source, refuses such includes ("Could not locate the
// included file … is not a symlink as those are not allowed in safe mode"), and honours symlinks
// that stay inside the site. build-site does the same in every reader, and also refuses a
// symlinked folder (`_layouts -> elsewhere`), which Jekyll's per-entry test misses.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildInProcess, diff, outside, sandbox, snapshot, type Sandbox } from "./helpers.js";

const SECRET = "SECRET-OUTSIDE-THE-SITE";

/** Files outside the site holding the secret, and symlinks to them in every reader's folder. */
function plant(box: Sandbox): void {
  const out = path.join(box.root, "elsewhere");
  box.write(path.join(out, "layout.html"), `${SECRET} layout {{ content }}`);
  box.write(path.join(out, "data.yml"), `k: ${SECRET}\n`);
  box.write(path.join(out, "dir/more.yml"), `k: ${SECRET}\n`);
  box.write(path.join(out, "static.txt"), SECRET);
  box.write(path.join(out, "page.md"), `---\n---\n${SECRET}\n`);
  box.write(path.join(out, "post.md"), `---\ntitle: p\n---\n${SECRET}\n`);
  box.write(path.join(out, "doc.md"), `---\n---\n${SECRET}\n`);
  box.write(path.join(out, "layouts/folder.html"), `${SECRET} {{ content }}`);
  box.write(path.join(out, "statics/s.txt"), SECRET);
  box.write(path.join(out, "things/t.md"), `---\n---\n${SECRET}\n`);
  const link = (target: string, at: string) => {
    fs.mkdirSync(path.dirname(path.join(box.site, at)), { recursive: true });
    fs.symlinkSync(path.join(out, target), path.join(box.site, at));
  };
  box.write("_config.yml", "collections:\n  things:\n    output: true\n  stuff:\n    output: true\n");
  box.write("_layouts/default.html", "<main>{{ content }}</main>\n");
  link("layout.html", "_layouts/evil.html");
  link("layouts", "_layouts/sub");
  link("data.yml", "_data/evil.yml");
  link("dir", "_data/evildir");
  link("static.txt", "static.txt");
  link("statics", "statics");
  link("page.md", "page.md");
  link("post.md", "_posts/2020-01-01-evil.md");
  link("doc.md", "_things/evil.md");
  link("things", "_stuff");
  box.write("uses-layout.md", "---\nlayout: evil\n---\nbody\n");
  box.write("uses-folder-layout.md", "---\nlayout: sub/folder\n---\nbody\n");
  box.write("uses-data.html", "---\n---\n[{{ site.data.evil.k }}][{{ site.data.evildir.more.k }}]\n");
  // symlinks that stay inside the site are followed, as in Jekyll
  box.write("inside/real.html", "INSIDE {{ content }}");
  fs.symlinkSync(path.join(box.site, "inside/real.html"), path.join(box.site, "_layouts/inside.html"));
  box.write("uses-inside.md", "---\nlayout: inside\n---\nok\n");
}

function outputs(dir: string): string {
  const all: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all.push(`${path.relative(dir, p)}: ${fs.readFileSync(p, "utf8")}`);
    }
  };
  walk(dir);
  return all.join("\n");
}

test("--safe: no layout, data file, static file, page, post or collection document is read through a symlink out of the site", () => {
  const box = sandbox();
  try {
    plant(box);
    const dest = path.join(box.site, "_site");
    const before = snapshot(box.root);
    const { error } = buildInProcess({ source: box.site, destination: dest, safe: true });
    assert.equal(error, undefined, String(error?.stack ?? error));
    const text = outputs(dest);
    assert.doesNotMatch(text, new RegExp(SECRET));
    assert.match(fs.readFileSync(path.join(dest, "uses-inside.html"), "utf8"), /INSIDE <p>ok<\/p>/, "a symlink inside the site is followed");
    assert.equal(fs.readFileSync(path.join(dest, "uses-data.html"), "utf8"), "[][]\n");
    const changes = diff(before, snapshot(box.root));
    assert.deepEqual(outside("home/site/_site", changes.added), []);
    assert.deepEqual([...changes.removed, ...changes.changed], []);

    // Without --safe the same symlinks are followed (so the test above does test something).
    const { error: e2 } = buildInProcess({ source: box.site, destination: dest });
    assert.equal(e2, undefined, String(e2));
    assert.match(outputs(dest), new RegExp(SECRET));
  } finally {
    box.remove();
  }
});

test("--safe: an include that is a symlink out of the site, or in a symlinked _includes, is not found", () => {
  for (const how of ["file", "folder"]) {
    const box = sandbox({ "index.html": "---\n---\n{% include x.html %}\n" });
    try {
      const out = path.join(box.root, "elsewhere");
      box.write(path.join(out, "x.html"), SECRET);
      if (how === "file") {
        fs.mkdirSync(path.join(box.site, "_includes"));
        fs.symlinkSync(path.join(out, "x.html"), path.join(box.site, "_includes/x.html"));
      } else fs.symlinkSync(out, path.join(box.site, "_includes"));
      const { error } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site"), safe: true });
      assert.ok(error, `${how}: the build fails`);
      assert.match(error.message, /Could not locate the included file 'x\.html'.*not a symlink as those are not allowed in safe mode/s);
      assert.equal(error.file, "index.html");
      assert.equal(fs.existsSync(path.join(box.site, "_site")), false);
      const { error: e2 } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site") });
      assert.equal(e2, undefined, "followed without --safe");
    } finally {
      box.remove();
    }
  }
});

test("--safe: a Sass partial that is a symlink out of the site, or an absolute @import, is refused", () => {
  for (const how of ["partial", "absolute"]) {
    const box = sandbox();
    try {
      const out = path.join(box.root, "elsewhere");
      box.write(path.join(out, "_evil.scss"), `.secret { content: "${SECRET}"; }\n`);
      if (how === "partial") {
        fs.mkdirSync(path.join(box.site, "_sass"));
        fs.symlinkSync(path.join(out, "_evil.scss"), path.join(box.site, "_sass/_evil.scss"));
        box.write("css/main.scss", "---\n---\n@import \"evil\";\n");
      } else box.write("css/main.scss", `---\n---\n@import "${path.join(out, "evil")}";\n`);
      const { error } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site"), safe: true });
      assert.ok(error, `${how}: the build fails`);
      assert.match(error.message, /outside the site.*safe mode/);
      assert.equal(error.file, "css/main.scss");
      assert.equal(fs.existsSync(path.join(box.site, "_site")), false);
    } finally {
      box.remove();
    }
  }
});

test("a symlink loop in the source is walked once, not forever", () => {
  const box = sandbox({ "_posts/2020-01-01-a.md": "---\n---\na\n", "sub/p.md": "---\n---\np\n" });
  try {
    fs.symlinkSync(".", path.join(box.site, "_posts/loop"));
    fs.symlinkSync("..", path.join(box.site, "sub/up"));
    const { error } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site") });
    assert.equal(error, undefined, String(error?.stack ?? error));
    assert.ok(fs.existsSync(path.join(box.site, "_site/sub/p.html")));
  } finally {
    box.remove();
  }
});
