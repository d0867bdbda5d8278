#!/usr/bin/env node
// Records the warnings real Jekyll 4.3.1 prints building each <case>/site of this folder into
// <case>/jekyll.txt: every line of the warning topics below, and the continuation lines (empty
// topic) that follow one, colours stripped. test/unit/cli/build-warnings.test.ts compares
// build-site's with them.
//   empty-slug            Utils.slugify's "Empty `slug` generated for '…'." (filter and permalinks)
//   excerpt-modified      Excerpt#print_build_warning (a Liquid block cut by the excerpt separator)
//   post-url-deprecation  PostUrl's deprecated date-and-slug matching
//   liquid-warning-lines  `error_mode: warn`'s "Liquid Warning:" lines: the line counts after the front matter
//   liquid-warning-repeats  a layout's warning once for every page it renders (Renderer#render_liquid
//                         prints the cached template's warnings each time), and a markup over two lines
//                         quoted on one (the logger turns each run of whitespace into a space)
//   paginate-without-plugin  PluginManager#deprecation_checks: `paginate:` with jekyll-paginate only under `gems:`
//   redirect-conflicts    Doctor.conflicting_urls, which Site#write calls: a real shared destination is a
//                         "Conflict:", jekyll-redirect-from's redirect pages never count (the destination
//                         folder printed as <dest>)
// Usage (where Jekyll is installed): node test/golden/build-warnings/generate.mjs
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const TOPICS = ["Warning:", "Deprecation:", "Liquid Warning:", "Conflict:"];

/** The warning lines of a build's output: a topic line and the continuation lines after it. */
export function warningLines(output) {
  const out = [];
  let inWarning = false;
  for (const line of output.replace(/\x1b\[[0-9;]*m/g, "").split("\n")) {
    const topic = line.slice(0, 20).trim();
    if (TOPICS.includes(topic)) inWarning = true;
    else if (topic !== "" || line.trim() === "") inWarning = false;
    if (inWarning) out.push(line.replace(/\s+$/, ""));
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const name of fs.readdirSync(here).filter((n) => fs.existsSync(path.join(here, n, "site")))) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "build-warnings-"));
    const r = spawnSync("jekyll", ["build", "--source", path.join(here, name, "site"), "--destination", out, "--disable-disk-cache"],
      { encoding: "utf8", env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development" } });
    fs.rmSync(out, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`${name}: jekyll failed:\n${r.stdout}${r.stderr}`);
    // Jekyll names a layout by its absolute path, build-site by the site-relative one.
    const site = `${path.join(here, name, "site")}/`;
    const lines = warningLines(`${r.stdout}${r.stderr}`).map((l) => l.split(out).join("<dest>").split(site).join(""));
    fs.writeFileSync(path.join(here, name, "jekyll.txt"), `${lines.join("\n")}\n`);
    console.log(`${name}: ${lines.length} lines`);
  }
}
