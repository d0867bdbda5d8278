#!/usr/bin/env node
// Writes expected/ for test/e2e/remote-theme.test.ts with real Jekyll 4.3.1: Debian has no
// jekyll-remote-theme, so the theme's folders (theme/) are copied into a copy of site/ (a file the
// site has wins, as with a theme) and its gemspec's runtime dependency is listed in `plugins:`.
// Then the same pinned build as scripts/oracle.mjs. Usage: node test/e2e/remote-theme/oracle.mjs
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURE_TIME, prepareFixture } from "../../../scripts/fixture-prep.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "oracle-remote-theme-"));
const { siteDir, configArg } = prepareFixture(here, work);
for (const folder of ["_layouts", "_includes", "_sass", "assets", "_data"]) {
  fs.cpSync(path.join(here, "theme", folder), path.join(siteDir, folder), { recursive: true, force: false, errorOnExist: false });
}
const extra = path.join(work, "_theme-deps.yml");
fs.writeFileSync(extra, "plugins: [jekyll-seo-tag]\n");
const out = path.join(work, "_site");
execFileSync("faketime", ["-f", `@${FIXTURE_TIME.replace(/ \+0000$/, "")}`, "jekyll", "build", "--source", siteDir, "--destination", out, "--config", `${configArg},${extra}`], {
  env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development", NO_FAKE_STAT: "1" },
  stdio: "inherit",
});
fs.rmSync(path.join(here, "expected"), { recursive: true, force: true });
fs.cpSync(out, path.join(here, "expected"), { recursive: true });
fs.rmSync(work, { recursive: true, force: true });
console.log("✓ remote-theme expected/ written");
