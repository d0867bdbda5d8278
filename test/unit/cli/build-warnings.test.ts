// Warnings Jekyll 4.3.1 prints while building, against test/golden/build-warnings/<case>/jekyll.txt
// (generate.mjs): build-site must print the same warning lines, as many times each.
//   empty-slug            Utils.slugify's "Empty `slug` generated for '…'." (the slugify filter;
//                         permalinks' :name/:title/:slug)
//   excerpt-modified      "Excerpt modified in …!" and its four lines (a Liquid block cut by the
//                         excerpt separator, closed by Jekyll)
//   post-url-deprecation  post_url's deprecated date-and-slug matching
//   liquid-warning-lines  "Liquid Warning:" (error_mode: warn): the line counts after the front matter
//   paginate-without-plugin  "You appear to have pagination turned on…" (`paginate:` while jekyll-paginate
//                         is only under the legacy `gems:` key)
//   liquid-warning-repeats  a layout's "Liquid Warning:" once for every page it wraps, and a markup
//                         over two lines quoted on one line
//   redirect-conflicts    "Conflict:" for a destination two pages share, never for jekyll-redirect-from's
//                         redirect pages (`/research` and `/research.html` both write research.html)
// Differences we chose: order is not compared (build-site works out URLs and excerpts when it reads
// the site, Jekyll when they are first asked for), and an empty-slug warning from a URL names the
// document: `(in the URL of _posts/2020-01-01-.md)`, which Jekyll's does not.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT } from "../../conformance/harness.js";

const GOLDEN = path.join(ROOT, "test", "golden", "build-warnings");
const CLI = path.join(ROOT, "bin", "build-site.js");
// The lines are picked as generate.mjs picked Jekyll's (its own function: importing it runs nothing).
const { warningLines } = (await import(pathToFileURL(path.join(GOLDEN, "generate.mjs")).href)) as {
  warningLines: (output: string) => string[];
};

for (const name of fs.readdirSync(GOLDEN).filter((n) => fs.existsSync(path.join(GOLDEN, n, "jekyll.txt")))) {
  test(`build-site prints the warnings Jekyll prints: ${name}`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `build-warnings-${name}-`));
    try {
      const site = path.join(work, "site");
      fs.cpSync(path.join(GOLDEN, name, "site"), site, { recursive: true });
      const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", path.join(work, "_site"), "--disable-disk-cache"],
        { encoding: "utf8", env: { ...process.env, TZ: "UTC", JEKYLL_ENV: "development" } });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const ours = warningLines(`${r.stdout}${r.stderr}`).map((l) => l.split(path.join(work, "_site")).join("<dest>"));
      for (const l of ours.filter((l) => l.includes("(in the URL of"))) assert.match(l, /Empty `slug` .*\(in the URL of _\w+\/[^)]+\.md\)$/);
      const jekyll = fs.readFileSync(path.join(GOLDEN, name, "jekyll.txt"), "utf8").split("\n").filter(Boolean);
      const core = (l: string) => l.replace(/ \(in the URL of [^)]*\)$/, "");
      assert.deepEqual(ours.map(core).sort(), [...jekyll].sort(), `${r.stdout}${r.stderr}`);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
