// The folders a configuration names are inside the site whatever they say. Jekyll places
// `layouts_dir`, `includes_dir`, `data_dir` and `collections_dir` with Site#in_source_dir, and jekyll-sass-converter
// `sass_dir` with Jekyll.sanitized_path, in every mode: with `layouts_dir: ../outL` Jekyll 4.3.1
// uses `<source>/outL`, not the folder next to the site (measured: the site's own INSIDE files
// are used, never the OUTSIDE ones beside it).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildInProcess, sandbox } from "./helpers.js";

// Jekyll places sass_dir inside the source in every mode, load_paths only with --safe;
// build-site places both, and warns about a load path it moved.
for (const [setting, config, warning] of [
  ["sass_dir", "sass:\n  sass_dir: ../outside\n", null],
  ["load_paths", "sass:\n  load_paths: [../outside]\n", /load_paths: \.\.\/outside is outside the site; build-site reads outside instead/],
] as const) {
  test(`Sass ${setting} that climbs out of the site is placed inside it`, () => {
    const box = sandbox();
    try {
      box.write(path.join(box.home, "outside/_v.scss"), "$c: red;\n");
      box.write("outside/_v.scss", "$c: blue;\n");
      box.write("css/main.scss", '---\n---\n@import "v";\na { color: $c; }\n');
      box.write("_config.yml", config);
      const dest = path.join(box.root, "out");
      const { error, logger } = buildInProcess({ source: box.site, destination: dest, disable_disk_cache: true });
      assert.equal(error, undefined, String(error));
      const css = fs.readFileSync(path.join(dest, "css/main.css"), "utf8");
      assert.match(css, /color: blue/);
      assert.doesNotMatch(css, /red/);
      if (warning) assert.ok(logger.lines.some((l) => warning.test(l)), logger.lines.join("\n"));
    } finally {
      box.remove();
    }
  });
}

for (const [name, climbing] of [["relative", "../"], ["absolute", "ABS/"]] as const) {
  test(`layouts_dir, includes_dir and data_dir out of the site (${name}) are placed inside it, as Jekyll does`, () => {
    const box = sandbox();
    try {
      const up = climbing === "../" ? "../" : `${box.home}/`;
      box.write(path.join(box.home, "outL/x.html"), "OUTSIDE-L {{ content }}");
      box.write(path.join(box.home, "outI/i.html"), "OUTSIDE-I");
      box.write(path.join(box.home, "outD/d.yml"), "k: OUTSIDE-D\n");
      // Jekyll.sanitized_path keeps the absolute path's folders below the source.
      const inside = climbing === "../" ? "" : `${box.home.slice(1)}/`;
      box.write(`${inside}outL/x.html`, "INSIDE-L {{ content }}");
      box.write(`${inside}outI/i.html`, "INSIDE-I");
      box.write(`${inside}outD/d.yml`, "k: INSIDE-D\n");
      box.write("_config.yml", `layouts_dir: ${up}outL\nincludes_dir: ${up}outI\ndata_dir: ${up}outD\nexclude: [home]\n`);
      box.write("index.html", "---\nlayout: x\n---\n{% include i.html %} {{ site.data.d.k }}\n");
      const dest = path.join(box.root, "out");
      const { error } = buildInProcess({ source: box.site, destination: dest });
      assert.equal(error, undefined, String(error));
      assert.equal(fs.readFileSync(path.join(dest, "index.html"), "utf8"), "INSIDE-L INSIDE-I INSIDE-D\n");
    } finally {
      box.remove();
    }
  });
}

test("collections_dir that climbs out of the site is placed inside it, as Jekyll does", () => {
  // Jekyll 4.3.1 with `collections_dir: ../outside`: the notes of `<source>/outside/_notes`, never
  // those beside the site; and no posts at all (the reader's directory walk never matches
  // "/../outside", see Reader#outside_configured_directory?).
  const box = sandbox();
  try {
    box.write(path.join(box.home, "outside/_notes/a.md"), "---\ntitle: n\n---\nOUTSIDE-N\n");
    box.write(path.join(box.home, "outside/_posts/2024-01-01-p.md"), "---\ntitle: p\n---\nOUTSIDE-P\n");
    box.write("outside/_notes/a.md", "---\ntitle: n\n---\nINSIDE-N\n");
    box.write("outside/_posts/2024-01-01-p.md", "---\ntitle: p\n---\nINSIDE-P\n");
    box.write("_config.yml", "collections_dir: ../outside\ncollections:\n  notes:\n    output: true\n");
    box.write("index.html", "---\n---\n{% for n in site.notes %}{{ n.content }}{% endfor %}|{% for p in site.posts %}{{ p.content }}{% endfor %}\n");
    const dest = path.join(box.root, "out");
    const { error } = buildInProcess({ source: box.site, destination: dest });
    assert.equal(error, undefined, String(error));
    assert.equal(fs.readFileSync(path.join(dest, "index.html"), "utf8"), "<p>INSIDE-N</p>\n|\n");
    assert.deepEqual(fs.readdirSync(path.join(dest, "notes")), ["a.html"]);
  } finally {
    box.remove();
  }
});
