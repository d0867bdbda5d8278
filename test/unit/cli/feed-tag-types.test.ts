// jekyll-feed's tag feeds (`feed: tags: true`) over tags that are not Strings. site.tags is keyed by
// the posts' tags as YAML gives them (Document#populate_tags does not to_s them), and
// generate_tag_feed tests each with Regexp#match?, which takes only a String: `tags: [7]` stops
// the build with Ruby's TypeError. Each case was run with Debian's Jekyll 4.3.1
// (test/conformance/ERRORS.md, case 48); `tags: [7]` without tag feeds builds (fixture
// post-attr-hash-typed-keys), and so does a scalar `tags: 7` (no tags at all).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

const CASES: { tags: string; name: string | null }[] = [
  { tags: "[ruby, 7]", name: "Integer" },
  { tags: "[true]", name: "true" },
  { tags: "[2.5]", name: "Float" },
  { tags: "[2024-01-05]", name: "Date" },
  { tags: "[{a: 1}]", name: "Hash" },
  { tags: "7", name: null },
  { tags: '["7", ruby]', name: null },
];

for (const c of CASES) {
  test(`jekyll-feed tag feeds over tags: ${c.tags} ${c.name ? "fail" : "build"} as in Jekyll`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "feed-tags-"));
    try {
      const site = path.join(work, "site");
      fs.mkdirSync(path.join(site, "_posts"), { recursive: true });
      fs.writeFileSync(path.join(site, "_config.yml"), "url: https://example.org\nplugins: [jekyll-feed]\nfeed:\n  tags: true\n");
      fs.writeFileSync(path.join(site, "_posts", "2024-01-01-a.md"), `---\ntitle: t\ntags: ${c.tags}\n---\nx\n`);
      const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", path.join(work, "_site")], { encoding: "utf8" });
      const out = r.stdout + r.stderr;
      if (c.name === null) {
        assert.equal(r.status, 0, out);
      } else {
        assert.equal(r.status, 1, out);
        assert.ok(out.includes(`no implicit conversion of ${c.name} into String`), out);
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
