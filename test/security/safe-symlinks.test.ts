// Issue 14, attack 3: no reader follows a symlink out of the site, in any mode. Jekyll 4.3.1
// (measured with `jekyll build --safe`) skips symlinked layouts, data files, static files and
// pages whose real path is outside the source, refuses such includes ("Could not locate the
// included file … is not a symlink as those are not allowed in safe mode"), and honours symlinks
// that stay inside the site; without --safe it follows them all. build-site refuses them in
// every mode (with a warning naming the link and where it leads, or, for includes and Sass, a
// located error), and also refuses a symlinked folder (`_layouts -> elsewhere`), which Jekyll's
// per-entry test misses.
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

for (const safe of [true, false]) {
  test(`${safe ? "--safe" : "without --safe"}: no layout, data file, static file, page, post or collection document is read through a symlink out of the site`, () => {
    const box = sandbox();
    try {
      plant(box);
      const dest = path.join(box.site, "_site");
      const before = snapshot(box.root);
      const { error, logger } = buildInProcess({ source: box.site, destination: dest, ...(safe ? { safe: true } : {}) });
      assert.equal(error, undefined, String(error?.stack ?? error));
      const text = outputs(dest);
      assert.doesNotMatch(text, new RegExp(SECRET));
      assert.match(fs.readFileSync(path.join(dest, "uses-inside.html"), "utf8"), /INSIDE <p>ok<\/p>/, "a symlink inside the site is followed");
      assert.equal(fs.readFileSync(path.join(dest, "uses-data.html"), "utf8"), "[][]\n");
      const changes = diff(before, snapshot(box.root));
      assert.deepEqual(outside("home/site/_site", changes.added), []);
      assert.deepEqual([...changes.removed, ...changes.changed], []);
      // Each link skipped is named once, with where it leads and what to do.
      const warned = logger.lines.filter((l) => /outside the site, and is skipped/.test(l));
      for (const link of ["_layouts/evil.html", "_data/evil.yml", "_data/evildir", "static.txt", "statics", "page.md", "_posts/2020-01-01-evil.md", "_things/evil.md", "_stuff"]) {
        const line = warned.find((l) => l.includes(`${link} leads to ${box.root}/elsewhere/`));
        assert.ok(line, `${link} is named in a warning:\n${warned.join("\n")}`);
        assert.match(line, /Copy the file into the site instead of linking to it/);
      }
      assert.equal(new Set(warned).size, warned.length, "each warning once");
    } finally {
      box.remove();
    }
  });
}

test("an include that is a symlink out of the site, or in a symlinked _includes, is not found, with or without --safe", () => {
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
      assert.match(error.message, new RegExp(`_includes/x\\.html leads to ${box.root}/elsewhere/x\\.html, outside the site.*Copy the file into the site`));
      // Without --safe too, with Jekyll's message for that mode (which already says why).
      const { error: e2 } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site") });
      assert.ok(e2, `${how}: refused without --safe`);
      assert.match(e2.message, /Could not locate the included file 'x\.html'.*does not point outside your site source.*leads to .*elsewhere\/x\.html, outside the site/s);
      assert.equal(e2.file, "index.html");
      assert.equal(fs.existsSync(path.join(box.site, "_site")), false);
    } finally {
      box.remove();
    }
  }
});

test("a Sass partial that is a symlink out of the site, or an absolute or ../ @import/@use out of it, is refused before it is read, in every mode", () => {
  for (const safe of [true, false]) {
    for (const how of ["partial", "absolute", "relative", "use", "folder"]) {
      const box = sandbox();
      try {
        const out = path.join(box.root, "elsewhere");
        box.write(path.join(out, "_evil.scss"), `.secret { content: "${SECRET}"; }\n`);
        box.write("_sass/_fine.scss", ".fine { a: b; }\n");
        const front = "---\n---\n@import \"fine\";\n";
        if (how === "partial") {
          fs.symlinkSync(path.join(out, "_evil.scss"), path.join(box.site, "_sass/_evil.scss"));
          box.write("css/main.scss", `${front}@import "evil";\n`);
        } else if (how === "folder") {
          fs.symlinkSync(out, path.join(box.site, "_sass/vendor"));
          box.write("css/main.scss", `${front}@import "vendor/evil";\n`);
        } else if (how === "absolute") box.write("css/main.scss", `${front}@import "${path.join(out, "evil")}";\n`);
        else if (how === "relative") box.write("css/main.scss", `${front}@import "../../../elsewhere/evil";\n`);
        else box.write("css/main.scss", `---\n---\n@use "../../../elsewhere/evil";\n`);
        const { error } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site"), ...(safe ? { safe: true } : {}) });
        assert.ok(error, `${how}, safe ${safe}: the build fails`);
        assert.match(error.message, /^Sass error: .*evil\.scss.* is outside the site: build-site reads nothing outside the site/);
        assert.match(error.hint ?? error.message, /./);
        assert.equal(error.file, "css/main.scss");
        assert.equal(error.line, how === "use" ? 3 : 4, `${how}: the line of the @import/@use`);
        assert.equal(fs.existsSync(path.join(box.site, "_site")), false);
      } finally {
        box.remove();
      }
    }
  }
});

test("Sass imports inside the site still work: relative ones, through an inside symlink, and from the load paths", () => {
  const box = sandbox({
    "_sass/_a.scss": ".a { x: 1; }\n",
    "shared/_b.scss": ".b { x: 2; }\n",
    "css/_c.scss": ".c { x: 3; }\n",
    "css/main.scss": "---\n---\n@import \"a\";\n@import \"../shared/b\";\n@import \"c\";\n@import \"linked\";\n",
  });
  try {
    fs.symlinkSync(path.join(box.site, "shared/_b.scss"), path.join(box.site, "_sass/_linked.scss"));
    const { error } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site") });
    assert.equal(error, undefined, String(error?.stack ?? error));
    const css = fs.readFileSync(path.join(box.site, "_site/css/main.css"), "utf8");
    assert.match(css, /\.a \{\s*x: 1;\s*\}\s*\.b \{\s*x: 2;\s*\}\s*\.c \{\s*x: 3;\s*\}\s*\.b \{\s*x: 2;\s*\}/);
  } finally {
    box.remove();
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

test("a .bib file or an _i18n language file symlinked out of the site is refused, naming the link", () => {
  const cases: [string, string, string][] = [
    ["_bibliography/refs.bib", "refs.bib", "@article{k, title={SECRET-OUTSIDE-THE-SITE}}\n"],
    ["_i18n/en.yml", "en.yml", `greeting: ${SECRET}\n`],
  ];
  for (const [at, target, text] of cases) {
    const box = sandbox({
      "_config.yml": "plugins: [jekyll-multiple-languages-plugin]\nlanguages: [en]\n",
      "index.html": "---\n---\n{% t greeting %} {{ site.data.bibliography.refs | size }}\n",
    });
    try {
      const out = path.join(box.root, "elsewhere");
      box.write(path.join(out, target), text);
      if (!at.startsWith("_i18n")) box.write("_i18n/en.yml", "greeting: hello\n");
      fs.mkdirSync(path.dirname(path.join(box.site, at)), { recursive: true });
      fs.symlinkSync(path.join(out, target), path.join(box.site, at));
      const { error } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site") });
      assert.ok(error, `${at}: the build fails`);
      assert.match(error.message, new RegExp(`${at.replace(/\./g, "\\.")} leads to ${out}/${target.replace(/\./g, "\\.")}, outside the site`));
      assert.equal(error.file, at);
    } finally {
      box.remove();
    }
  }
});

test("compiled CSS kept in the cache is not served for a partial whose link now leads out of the site", () => {
  const box = sandbox({ "shared/_p.scss": ".inside { a: b; }\n", "css/main.scss": "---\n---\n@import \"p\";\n" });
  try {
    const out = path.join(box.root, "elsewhere");
    box.write(path.join(out, "_p.scss"), `.secret { content: "${SECRET}"; }\n`);
    fs.mkdirSync(path.join(box.site, "_sass"));
    fs.symlinkSync(path.join(box.site, "shared/_p.scss"), path.join(box.site, "_sass/_p.scss"));
    const dest = path.join(box.site, "_site");
    const first = buildInProcess({ source: box.site, destination: dest });
    assert.equal(first.error, undefined, String(first.error));
    assert.match(fs.readFileSync(path.join(dest, "css/main.css"), "utf8"), /\.inside/);
    fs.rmSync(path.join(box.site, "_sass/_p.scss"));
    fs.symlinkSync(path.join(out, "_p.scss"), path.join(box.site, "_sass/_p.scss"));
    const second = buildInProcess({ source: box.site, destination: dest });
    assert.ok(second.error, "refused, not served from the cache");
    assert.match(second.error.message, /outside the site/);
    assert.doesNotMatch(fs.readFileSync(path.join(dest, "css/main.css"), "utf8"), new RegExp(SECRET));
  } finally {
    box.remove();
  }
});

test("a _plugins file that is a symlink out of the site is not loaded (nor imported by serve's preload), naming the link; one inside the site loads", async () => {
  const box = sandbox({ "index.html": "---\n---\n[{{ 'a' | evil }}][{{ 'a' | inside }}]\n" });
  try {
    const out = path.join(box.root, "elsewhere");
    const pwned = path.join(box.root, "pwned");
    // Loading it would run it: it leaves a file behind, and defines a filter the page uses.
    const evil = `require("node:fs").writeFileSync(${JSON.stringify(pwned)}, "ran");\nmodule.exports = { liquidFilters: () => ({ evil: () => ${JSON.stringify(SECRET)} }) };\n`;
    box.write(path.join(out, "evil.js"), evil);
    box.write(path.join(out, "evil.mjs"), `import fs from "node:fs";\nfs.writeFileSync(${JSON.stringify(pwned)}, "ran");\nexport default {};\n`);
    box.write(path.join(out, "folder/index.js"), evil);
    box.write("lib/inside.js", "module.exports = { liquidFilters: () => ({ inside: (s) => s + s }) };\n");
    fs.mkdirSync(path.join(box.site, "_plugins/sub"), { recursive: true });
    fs.symlinkSync(path.join(out, "evil.js"), path.join(box.site, "_plugins/evil.js"));
    fs.symlinkSync(path.join(out, "evil.mjs"), path.join(box.site, "_plugins/sub/evil.mjs"));
    fs.symlinkSync(path.join(out, "folder"), path.join(box.site, "_plugins/folder.js"));
    fs.symlinkSync("../lib/inside.js", path.join(box.site, "_plugins/inside.js"));
    const { loadConfig } = await import("../../src/config/load.js");
    const { preloadSitePlugins } = await import("../../src/plugins/site-plugins.js");
    const dest = path.join(box.site, "_site");
    await preloadSitePlugins(loadConfig({ source: box.site, destination: dest } as any).config);
    const { error, logger } = buildInProcess({ source: box.site, destination: dest });
    assert.equal(error, undefined, String(error?.stack ?? error));
    assert.equal(fs.existsSync(pwned), false, "the outside plugin never ran");
    assert.equal(fs.readFileSync(path.join(dest, "index.html"), "utf8"), "[a][aa]\n", "the inside link loads, the outside one does not");
    const warned = logger.lines.filter((l) => /outside the site, and is skipped/.test(l));
    for (const [link, target] of [["_plugins/evil.js", "evil.js"], ["_plugins/sub/evil.mjs", "evil.mjs"], ["_plugins/folder.js", "folder"]]) {
      assert.ok(warned.some((l) => l.includes(`${link} leads to ${out}/${target},`)), `${link} is named:\n${warned.join("\n")}`);
    }
    assert.equal(warned.length, 3, warned.join("\n"));
  } finally {
    box.remove();
  }
});

test("what a plugin inside the site requires is Node's business (plugins are code, README \"JavaScript plugins\"); --safe loads no plugin at all", () => {
  const box = sandbox({ "index.html": "---\n---\n[{{ 'a' | helped }}]\n" });
  try {
    box.write(path.join(box.root, "elsewhere/helper.js"), "module.exports = (s) => s + '!';\n");
    box.write("_plugins/uses-helper.js", "const h = require('../../../elsewhere/helper.js');\nmodule.exports = { liquidFilters: () => ({ helped: h }) };\n");
    const dest = path.join(box.site, "_site");
    assert.equal(buildInProcess({ source: box.site, destination: dest }).error, undefined);
    assert.equal(fs.readFileSync(path.join(dest, "index.html"), "utf8"), "[a!]\n");
    assert.equal(buildInProcess({ source: box.site, destination: dest, safe: true }).error, undefined);
    assert.equal(fs.readFileSync(path.join(dest, "index.html"), "utf8"), "[a]\n");
  } finally {
    box.remove();
  }
});

test("a comment between an @import's URLs hides no URL from the Sass scan: the URL outside the site is refused", () => {
  // `@import "a" /* ; */, "../x"` and `@import "a" // ;` + a new line: Sass reads both URLs. The
  // scan used to stop at the `;` in the comment and let Dart Sass load the files itself.
  for (const sep of [" /* ; */, ", " // ;\n, "]) {
    const box = sandbox({ "_sass/_a.scss": ".a { x: 1; }\n", "css/main.scss": `---\n---\n@import "a"${sep}"../../../elsewhere/x";\n` });
    try {
      box.write(path.join(box.root, "elsewhere/_x.scss"), `.secret { content: "${SECRET}"; }\n`);
      const dest = path.join(box.site, "_site");
      const { error } = buildInProcess({ source: box.site, destination: dest });
      assert.ok(error, `${JSON.stringify(sep)}: refused`);
      assert.match(error.message, /outside the site/);
      assert.equal(fs.existsSync(path.join(dest, "css/main.css")), false);
    } finally {
      box.remove();
    }
  }
});

test("a symlink loop in _data is read once (Jekyll fails with Errno::ELOOP; build-site failed 'unexpectedly')", () => {
  const box = sandbox({ "_data/x.yml": "a: 1\n", "_data/sub/y.yml": "b: 2\n", "index.html": "---\n---\n{{ site.data | jsonify }}\n" });
  try {
    fs.symlinkSync(".", path.join(box.site, "_data/loop"));
    fs.symlinkSync("..", path.join(box.site, "_data/sub/up"));
    const dest = path.join(box.site, "_site");
    const { error } = buildInProcess({ source: box.site, destination: dest });
    assert.equal(error, undefined, String(error?.stack ?? error));
    assert.equal(fs.readFileSync(path.join(dest, "index.html"), "utf8"), '{"x":{"a":1},"sub":{"y":{"b":2}}}\n');
  } finally {
    box.remove();
  }
});

test("symlinks that double the paths at each level (d0/x, d0/y -> d1; d1/x, d1/y -> d2 …) stop the build with the link named, not after 2^n folders", () => {
  for (const under of ["", "_posts/", "_data/", "_things/"]) {
    const box = sandbox({ "index.html": "---\n---\nhi\n", "_config.yml": "collections: [things]\n" });
    try {
      const levels = 24; // 2^24 paths to the last folder: a walk of them all would not end in a test's time
      for (let i = 0; i <= levels; i++) fs.mkdirSync(path.join(box.site, `${under}d${i}`), { recursive: true });
      for (let i = 0; i < levels; i++) {
        fs.symlinkSync(`../d${i + 1}`, path.join(box.site, `${under}d${i}/x`));
        fs.symlinkSync(`../d${i + 1}`, path.join(box.site, `${under}d${i}/y`));
      }
      box.write(`${under}d${levels}/f.txt`, "leaf\n");
      const { error } = buildInProcess({ source: box.site, destination: path.join(box.site, "_site") });
      assert.ok(error, `${under || "the source"}: stops`);
      assert.match(error.message, /a folder symlinks have led into 100 times already/);
      assert.match(String(error.file), new RegExp(`^${under}d0/[xy]/`));
    } finally {
      box.remove();
    }
  }
});

// A real site can link one folder from more than 100 places (a hundred versions of its docs, each
// with `assets -> ../shared/assets`): the bound is build_site.limits.linked_folder_visits, named
// in the error, and a site that needs more raises it. Jekyll has no bound (it walks every link).
test("a folder linked from more places than linked_folder_visits stops the build naming the setting; raising it builds", () => {
  for (const under of ["", "_data/"]) {
    const box = sandbox({ "index.html": "---\n---\nhi\n" });
    try {
      box.write(`${under}shared/assets/logo.txt`, "logo\n");
      box.write(`${under}shared/assets/site.json`, "{\"n\": 1}\n");
      for (let v = 1; v <= 120; v++) {
        fs.mkdirSync(path.join(box.site, `${under}v${v}`), { recursive: true });
        fs.symlinkSync("../shared/assets", path.join(box.site, `${under}v${v}/assets`));
      }
      const dest = path.join(box.site, "_site");
      const { error } = buildInProcess({ source: box.site, destination: dest });
      assert.ok(error, `${under || "the source"}: stops at the default of 100`);
      assert.match(error.message, /a folder symlinks have led into 100 times already/);
      assert.match(String(error.hint), /build_site: \{ limits: \{ linked_folder_visits: … \} \} \(now 100\)/);
      box.write("_config.yml", "build_site:\n  limits:\n    linked_folder_visits: 200\n");
      const raised = buildInProcess({ source: box.site, destination: dest });
      assert.equal(raised.error, undefined, `${under || "the source"}: ${raised.error?.message}`);
      if (!under) assert.equal(fs.readFileSync(path.join(dest, "v120/assets/logo.txt"), "utf8"), "logo\n");
    } finally {
      box.remove();
    }
  }
});
