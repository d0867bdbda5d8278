// `site.categories | sort` when a post's categories hold a number. Document#populate_categories
// unions the raw list with its to_s'd copy, so `categories: [blog, 2020]` puts both the Integer
// 2020 and the String "2020" into site.categories, and sorting its [key, value] pairs compares
// 2020 with "blog": Jekyll stops with "comparison of Array with Array failed" (test/conformance/
// ERRORS.md, case 49). build-site fails the same way, with a hint naming the cause.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

for (const categories of ["[blog, 2020]", '[blog, "2020"]']) {
  test(`site.categories | sort with categories: ${categories}`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "category-sort-"));
    try {
      const site = path.join(work, "site");
      fs.mkdirSync(path.join(site, "_posts"), { recursive: true });
      fs.writeFileSync(path.join(site, "_config.yml"), "title: t\n");
      fs.writeFileSync(path.join(site, "_posts", "2020-01-01-a.md"), `---\ntitle: a\ncategories: ${categories}\n---\nx\n`);
      fs.writeFileSync(path.join(site, "index.html"), "---\n---\n{% assign cs = site.categories | sort %}{% for c in cs %}{{ c[0] }} {% endfor %}\n");
      const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", path.join(work, "_site")], { encoding: "utf8" });
      const out = r.stdout + r.stderr;
      if (categories.includes('"')) {
        assert.equal(r.status, 0, out);
        assert.equal(fs.readFileSync(path.join(work, "_site", "index.html"), "utf8"), "2020 blog \n");
      } else {
        assert.equal(r.status, 1, out);
        assert.ok(out.includes("comparison of Array with Array failed"), out);
        assert.match(out, /categories: \[blog, 2020\]/);
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
