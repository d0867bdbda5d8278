#!/usr/bin/env node
// Regenerates drops-json.golden.json's `expected` with real Jekyll 4.3.1: builds the `files` site
// it holds (time pinned, UTC, mtimes pinned) and records each listed output. The test never runs
// this. Usage: node test/unit/liquid/drops-json.generate.mjs
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const goldenPath = path.join(here, "drops-json.golden.json");
const golden = JSON.parse(fs.readFileSync(goldenPath, "utf8"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "drops-json-"));
const src = path.join(dir, "site");
const mtime = new Date(golden.mtime);
for (const [rel, text] of Object.entries(golden.files)) {
  const p = path.join(src, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  fs.utimesSync(p, mtime, mtime);
}
execFileSync("jekyll", ["build", "-s", src, "-d", path.join(dir, "_site")], {
  env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development" },
  stdio: ["ignore", "pipe", "pipe"],
});
golden.expected = {};
for (const out of golden.outputs) golden.expected[out] = fs.readFileSync(path.join(dir, "_site", out), "utf8");
fs.writeFileSync(goldenPath, JSON.stringify(golden, null, 2) + "\n");
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${goldenPath}: ${golden.outputs.length} outputs from ${execFileSync("jekyll", ["-v"]).toString().trim()}`);
