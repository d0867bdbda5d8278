// Jekyll's Utils.slugify warns "Empty `slug` generated for '…'." whenever a slug comes out empty:
// the `slugify` filter, and a permalink's :name/:title/:slug. test/golden/empty-slug/jekyll.txt
// holds what Jekyll 4.3.1 printed building that site (generate.mjs); build-site must print the same
// warnings, as many times each. Two differences we chose: build-site computes URLs when it reads
// the site, so those warnings come first (Jekyll prints them when a URL is first asked for), and
// they name the document (`(in the URL of _posts/2020-01-01-.md)`), which Jekyll's do not.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const GOLDEN = path.join(ROOT, "test", "golden", "empty-slug");
const CLI = path.join(ROOT, "bin", "build-site.js");

test("build-site prints Jekyll's empty-slug warnings, one per empty slug", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "empty-slug-"));
  try {
    const r = spawnSync(process.execPath, [CLI, "build", "--source", path.join(GOLDEN, "site"), "--destination", path.join(work, "_site"), "--disable-disk-cache"],
      { encoding: "utf8", env: { ...process.env, TZ: "UTC", JEKYLL_ENV: "development" } });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const ours = `${r.stdout}${r.stderr}`.split("\n").filter((l) => l.includes("Empty `slug`"));
    for (const l of ours.filter((l) => l.includes("(in the URL of"))) assert.match(l, /\(in the URL of _(posts|things)\/[^)]+\.md\)$/);
    const jekyll = fs.readFileSync(path.join(GOLDEN, "jekyll.txt"), "utf8").split("\n").filter(Boolean);
    const core = (l: string) => l.replace(/ \(in the URL of [^)]*\)$/, "");
    assert.deepEqual(ours.map(core).sort(), [...jekyll].sort());
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
