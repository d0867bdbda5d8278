#!/usr/bin/env node
// Records what real `jekyll doctor` (Jekyll 4.3.1) reports for each site in this folder, into
// <case>/jekyll.txt: the exit code, then what it printed, colours stripped and the site's absolute
// path written as <site>. test/unit/cli/doctor.test.ts compares build-site's doctor with it.
// Usage (where Jekyll is installed): node test/golden/doctor/generate.mjs
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
for (const name of fs.readdirSync(here).filter((n) => fs.existsSync(path.join(here, n, "site")))) {
  const site = path.join(here, name, "site");
  const r = spawnSync("jekyll", ["doctor"], { cwd: site, encoding: "utf8", env: { ...process.env, JEKYLL_ENV: "development" } });
  const text = `${r.stdout}${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, "").split(site).join("<site>");
  fs.writeFileSync(path.join(here, name, "jekyll.txt"), `exit: ${r.status}\n${text}`);
  fs.rmSync(path.join(site, "_site"), { recursive: true, force: true });
  fs.rmSync(path.join(site, ".jekyll-cache"), { recursive: true, force: true });
  console.log(`${name}: exit ${r.status}`);
}
