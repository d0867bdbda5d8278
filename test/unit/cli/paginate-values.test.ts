// jekyll-paginate over `paginate:` values that give no positive number of posts per page.
// Pagination#paginate calls `site.config['paginate'].to_i` (NoMethodError for true, false, a list,
// a Hash, a Date) and Pager.calculate_pages is `(posts.size.to_f / per_page).ceil`, so a per_page
// of 0 (`0`, `"0"`, `0.5`, `"abc"`) is Infinity's (or, without posts, NaN's) FloatDomainError; a
// negative one builds with no pages. Each case was run with Debian's Jekyll 4.3.1 and
// jekyll-paginate 1.1.0 (test/conformance/ERRORS.md, case 56).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

const CASES: { value: string; posts?: boolean; error: string | null }[] = [
  { value: "0", error: "Infinity (FloatDomainError)" },
  { value: '"0"', error: "Infinity (FloatDomainError)" },
  { value: "0.5", error: "Infinity (FloatDomainError)" },
  { value: '"abc"', error: "Infinity (FloatDomainError)" },
  { value: "0", posts: false, error: "NaN (FloatDomainError)" },
  { value: "true", error: "undefined method `to_i' for true:TrueClass" },
  { value: "false", error: "undefined method `to_i' for false:FalseClass" },
  { value: "[2]", error: "undefined method `to_i' for [2]:Array" },
  { value: "{a: 1}", error: "undefined method `to_i' for {\"a\"=>1}:Hash" },
  { value: "2020-01-01", error: "undefined method `to_i' for #<Date: 2020-01-01 ((2458850j,0s,0n),+0s,2299161j)> (NoMethodError)" },
  { value: "-1", error: null },
  { value: "2.5", error: null },
  { value: '"3"', error: null },
];

for (const c of CASES) {
  test(`jekyll-paginate with paginate: ${c.value}${c.posts === false ? " and no posts" : ""} ${c.error ? "fails" : "builds"} as in Jekyll`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "paginate-values-"));
    try {
      const site = path.join(work, "site");
      fs.mkdirSync(path.join(site, "_posts"), { recursive: true });
      fs.writeFileSync(path.join(site, "_config.yml"), `plugins: [jekyll-paginate]\npaginate: ${c.value}\n`);
      fs.writeFileSync(path.join(site, "index.html"), "---\n---\n{{ paginator.total_pages }}\n");
      if (c.posts !== false) fs.writeFileSync(path.join(site, "_posts", "2020-01-01-p.md"), "---\ntitle: p\n---\nx\n");
      const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", path.join(work, "_site")], { encoding: "utf8" });
      const out = r.stdout + r.stderr;
      if (c.error === null) {
        assert.equal(r.status, 0, out);
      } else {
        assert.equal(r.status, 1, out);
        assert.ok(out.includes(c.error), out);
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
