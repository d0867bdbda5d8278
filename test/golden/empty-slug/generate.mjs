#!/usr/bin/env node
// Records the "Empty `slug` generated for '…'." warnings real Jekyll 4.3.1 prints building ./site
// (the slugify filter on "", "!!!", "   " and "日本" in ascii mode, three times in a loop; permalink
// placeholders :title of `slug: "***"`, of `_posts/2020-01-01-.md`, :name of `_things/@@.md`),
// one a line, into jekyll.txt. test/unit/cli/empty-slug.test.ts compares build-site's with them.
// Usage (where Jekyll is installed): node test/golden/empty-slug/generate.mjs
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = fs.mkdtempSync(path.join(os.tmpdir(), "empty-slug-"));
const r = spawnSync("jekyll", ["build", "--source", path.join(here, "site"), "--destination", out, "--disable-disk-cache"],
  { encoding: "utf8", env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development" } });
fs.rmSync(out, { recursive: true, force: true });
if (r.status !== 0) throw new Error(`jekyll failed:\n${r.stdout}${r.stderr}`);
const lines = `${r.stdout}${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter((l) => l.includes("Empty `slug`"));
fs.writeFileSync(path.join(here, "jekyll.txt"), `${lines.join("\n")}\n`);
console.log(`${lines.length} warnings`);
