// A tag page that sorts site.tags by a named property (`site.tags | sort: 'last.size'`, from a
// real blog's tags page): site.tags is a Hash, so Jekyll's sort filter walks its [name, posts]
// pairs and asks each pair `pair["last.size"]`, which an Array refuses. Jekyll 4.3.1 stops with
// "Liquid Exception: no implicit conversion of String into Integer in tags.html" (filters.rb
// read_liquid_attribute); so do `sort: 'size'` and `where: 'size', 2` (test/conformance/ERRORS.md,
// case 98). build-site fails the same way, at the line, with a hint saying what the items are.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

const CASES: Array<[string, string | null]> = [
  ["{% assign s = site.tags | sort: 'last.size' | reverse %}{% for t in s %}{{ t[0] }} {% endfor %}", null],
  ["{% assign s = site.tags | sort: 'size' %}{% for t in s %}{{ t[0] }} {% endfor %}", null],
  ["{{ site.tags | where: 'size', 2 | size }}", null],
  // What the error's hint offers instead: the pairs sorted whole, read by index.
  ["{% assign s = site.tags | sort %}{% for t in s %}{{ t[0] }}={{ t[1].size }} {% endfor %}", "x=1 y=2 \n"],
];

for (const [template, want] of CASES) {
  test(`site.tags with ${template.slice(0, 50)}`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "tags-sort-"));
    try {
      const site = path.join(work, "site");
      fs.mkdirSync(path.join(site, "_posts"), { recursive: true });
      fs.writeFileSync(path.join(site, "_config.yml"), "title: t\n");
      fs.writeFileSync(path.join(site, "_posts", "2020-01-01-a.md"), "---\ntitle: a\ntags: [x, y]\n---\nx\n");
      fs.writeFileSync(path.join(site, "_posts", "2020-01-02-b.md"), "---\ntitle: b\ntags: [y]\n---\nx\n");
      fs.writeFileSync(path.join(site, "tags.html"), `---\n---\n${template}\n`);
      const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", path.join(work, "_site")], { encoding: "utf8" });
      const out = r.stdout + r.stderr;
      if (want !== null) {
        assert.equal(r.status, 0, out);
        assert.equal(fs.readFileSync(path.join(work, "_site", "tags.html"), "utf8"), want);
      } else {
        assert.equal(r.status, 1, out);
        assert.match(out, /tags\.html:3:\d+: Liquid Exception: no implicit conversion of String into Integer/);
        assert.match(out, /site\.tags and site\.categories give \[name, posts\] pairs/);
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
