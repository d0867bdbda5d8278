// jekyll-feed on a post image that is a Hash or an Array holding a URL. feed.xml asks
// `post_image contains "://"` (Liquid's contains: a Hash's key, an Array's element), so such an
// image goes to absolute_url, which reads its Ruby inspect text as a URL whose scheme is
// `{"feature"=>"a.jpg", "credit"=>"http` and fails. Each case was run with Debian's Jekyll 4.3.1
// (test/conformance/ERRORS.md, case 44): the build fails with "Liquid Exception: Invalid scheme
// format: '…' in feed.xml". build-site fails the same way and names the post in the hint. The
// images that build are pinned by the conformance fixture plugin-feed-image-values.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

const CASES: { image: string; scheme: string }[] = [
  { image: '{feature: a.jpg, credit: "http://x"}', scheme: `{"feature"=>"a.jpg", "credit"=>"http` },
  { image: '["http://x/a.png"]', scheme: '["http' },
];

for (const c of CASES) {
  test(`jekyll-feed fails on the post image ${c.image} as Jekyll does`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "feed-image-"));
    try {
      const site = path.join(work, "site");
      fs.mkdirSync(path.join(site, "_posts"), { recursive: true });
      fs.writeFileSync(path.join(site, "_config.yml"), "url: https://example.org\nplugins: [jekyll-feed]\n");
      fs.writeFileSync(path.join(site, "_posts", "2024-01-01-a.md"), `---\ntitle: t\nimage: ${c.image}\n---\nx\n`);
      const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", path.join(work, "_site")], { encoding: "utf8" });
      const out = r.stdout + r.stderr;
      assert.equal(r.status, 1, out);
      assert.ok(out.includes(`Invalid scheme format: '${c.scheme}'`), out);
      assert.match(out, /feed\.xml/);
      assert.match(out, /give _posts\/2024-01-01-a\.md `image: FILE` or an image with a `path:` key/);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
