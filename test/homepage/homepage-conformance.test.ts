// The repository's own site, built by build-site, must equal the committed build real Jekyll
// 4.3.1 wrote for it (test/homepage-expected/, refreshed by `node scripts/site-oracle.mjs`), under
// the conformance harness's normalisation. Same input as the oracle: scripts/site-oracle.mjs's
// prepareHomepage (pinned mtimes and build time, JEKYLL_ENV=production, TZ=UTC).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { ROOT, compareTrees } from "../conformance/harness.js";

const oracle = (await import(pathToFileURL(path.join(ROOT, "scripts", "site-oracle.mjs")).href)) as {
  prepareHomepage(work: string): { siteDir: string; configs: string[] };
  HOMEPAGE_ENV: Record<string, string>;
};

test("homepage: build-site writes the same _site as Jekyll 4.3.1", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "homepage-"));
  try {
    const { siteDir, configs } = oracle.prepareHomepage(work);
    const out = path.join(work, "_site");
    execFileSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "--source", siteDir, "--destination", out, "--config", configs.join(",")], {
      env: { ...process.env, ...oracle.HOMEPAGE_ENV },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const r = compareTrees(path.join(ROOT, "test", "homepage-expected"), out);
    console.log(`homepage: ${r.matched}/${r.files} files equal to Jekyll 4.3.1`);
    assert.deepEqual(r.problems, [], r.problems.join("\n"));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
