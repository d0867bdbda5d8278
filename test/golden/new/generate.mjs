#!/usr/bin/env node
// Builds the sites `build-site new` makes (the starter, and --blank) with real Jekyll 4.3.1 and
// writes what it wrote to test/golden/new/<starter|blank>/expected/, for
// test/e2e/new-site.test.ts. The welcome post is renamed to a fixed date, and the build is pinned
// as the conformance fixtures are (scripts/fixture-prep.mjs). Needs Jekyll, faketime and a built
// build-site (npm ci). Usage: node test/golden/new/generate.mjs
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURE_TIME, prepareFixture } from "../../../scripts/fixture-prep.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
/** The date the welcome post gets in the goldens (the test renames it the same way). */
export const POST_DATE = "2026-11-15";

export function makeNewSite(kind, fixtureDir) {
  execFileSync(process.execPath, [path.join(root, "bin", "build-site.js"), "new", path.join(fixtureDir, "site"), ...(kind === "blank" ? ["--blank"] : [])], { stdio: "ignore" });
  const posts = path.join(fixtureDir, "site", "_posts");
  for (const name of fs.readdirSync(posts)) fs.renameSync(path.join(posts, name), path.join(posts, name.replace(/^\d{4}-\d\d-\d\d-/, `${POST_DATE}-`)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const kind of ["starter", "blank"]) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `new-golden-${kind}-`));
    try {
      makeNewSite(kind, path.join(work, "fixture"));
      const { siteDir, configArg } = prepareFixture(path.join(work, "fixture"), work);
      const out = path.join(here, kind, "expected");
      fs.rmSync(out, { recursive: true, force: true });
      execFileSync("faketime", ["-f", `@${FIXTURE_TIME.replace(/ \+0000$/, "")}`, "jekyll", "build", "--source", siteDir, "--destination", out, "--config", configArg], {
        env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development", NO_FAKE_STAT: "1" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      console.log(`${kind}: ${out}`);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
}
