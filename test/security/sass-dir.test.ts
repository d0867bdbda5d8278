// `sass_dir` names a folder inside the site whatever it says: jekyll-sass-converter passes it
// through Jekyll.sanitized_path in every mode, so with `sass_dir: ../outside` Jekyll 4.3.1 imports
// `<source>/outside/_v.scss` (measured: the site's blue, not the red of the folder next to it).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { buildInProcess, sandbox } from "./helpers.js";

test("sass_dir that climbs out of the site is placed inside it, as Jekyll does", () => {
  const box = sandbox();
  try {
    box.write(path.join(box.home, "outside/_v.scss"), "$c: red;\n");
    box.write("outside/_v.scss", "$c: blue;\n");
    box.write("css/main.scss", '---\n---\n@import "v";\na { color: $c; }\n');
    box.write("_config.yml", "sass:\n  sass_dir: ../outside\n");
    const dest = path.join(box.root, "out");
    const { error } = buildInProcess({ source: box.site, destination: dest, disable_disk_cache: true });
    assert.equal(error, undefined, String(error));
    const css = fs.readFileSync(path.join(dest, "css/main.css"), "utf8");
    assert.match(css, /color: blue/);
    assert.doesNotMatch(css, /red/);
  } finally {
    box.remove();
  }
});
