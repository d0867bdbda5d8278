// Profiles one cold build-site build of the synthetic blog with V8's sampling profiler and prints
// where the time goes: by area of the build, by file, by function (self time), and the inclusive
// time of build-site's own functions. The evidence behind bench/PROFILE.md.
//
// usage: node dist/bench/profile.js [--size 1000] [--interval 250] [--top 25] [--work DIR] [--keep]
//   --interval: sampling interval in microseconds (V8's default is 1000)
//   --keep:     leave the .cpuprofile in the work folder (open it in Chrome DevTools → Performance)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSiteEntry } from "./lib/engines.js";
import { mergeProfiles, rowsTable, summariseProfile, type CpuProfile } from "./lib/cpuprofile.js";
import { prepareSynthetic } from "./lib/sites.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const size = Number(flag("--size", "1000"));
const interval = Number(flag("--interval", "250"));
const top = Number(flag("--top", "25"));
const work = path.resolve(flag("--work", path.join(os.tmpdir(), "build-site-bench")));
const keep = process.argv.includes("--keep");

const site = prepareSynthetic(path.join(work, "sites"), size, path.join(repoRoot, "bench", "gen-synthetic.mjs"));
const out = path.join(work, "out", "profile");
const profDir = path.join(work, "cpuprofile");
fs.rmSync(out, { recursive: true, force: true });
fs.rmSync(profDir, { recursive: true, force: true });

const t0 = performance.now();
// Per-file and per-area tables need the compiled modules' file names: in the esbuild bundle every
// frame's file is dist/bundle/cli.js. bin/ loads the modules whenever they are newer than the
// bundle (right after tsc), so profile after tsc, before scripts/bundle.mjs. (Importing the
// modules from an -e script instead made the render worker hang, so the launcher is kept.)
if (buildSiteEntry(repoRoot) === "bundle") process.stderr.write("profile: bin/ will load the bundle, so all frames will show dist/bundle/cli.js; run npx tsc -p tsconfig.json first for per-file names\n");
const r = spawnSync(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profDir}`, `--cpu-prof-interval=${interval}`, path.join(repoRoot, "bin", "build-site.js"), "build", "-V", "-s", site.jekyllDir, "-d", out], { encoding: "utf8", timeout: 10 * 60 * 1000 });
const wall = performance.now() - t0;
if (r.status !== 0) {
  process.stderr.write(`profile: build failed\n${r.stdout}\n${r.stderr}\n`);
  process.exit(1);
}
const timings = /Timings:\s*(.*)/.exec(r.stdout + r.stderr)?.[1] ?? "(no stage timings printed)";
// One .cpuprofile per thread: CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the
// main thread, the others are render workers.
const files = fs.readdirSync(profDir).filter((f) => f.endsWith(".cpuprofile")).sort((a, b) => threadOf(a) - threadOf(b));
if (!files.length) throw new Error(`no .cpuprofile in ${profDir}`);
function threadOf(f: string): number {
  return Number(/\.(\d+)\.\d+\.cpuprofile$/.exec(f)?.[1] ?? 0);
}
const profiles = files.map((f) => JSON.parse(fs.readFileSync(path.join(profDir, f), "utf8")) as CpuProfile);
const perThread = profiles.map(summariseProfile);
const all = summariseProfile(mergeProfiles(profiles));

const md = [
  `## Profile: build-site, synthetic blog with ${size} posts`,
  "",
  `Wall ${wall.toFixed(0)} ms under the profiler (sampling every ${interval} µs); ${files.length} thread(s) profiled, `
    + `${perThread.map((t, i) => `${i === 0 ? "main" : `worker ${i}`} ${t.totalMs.toFixed(0)} ms`).join(", ")}. Stage timings printed by the build: ${timings}.`,
  "",
  ...perThread.flatMap((t, i) => [rowsTable(`${i === 0 ? "Main thread" : `Render worker ${i}`}: area (innermost matching frame)`, t.byArea, 30), ""]),
  "All threads together:",
  "",
  rowsTable("File (self time)", all.byFile, top),
  "",
  rowsTable("Function (self time)", all.byFunction, top),
  "",
  rowsTable("build-site function (inclusive time)", all.inclusiveOwn, top),
  "",
].join("\n");
process.stdout.write(md);
if (keep) process.stderr.write(`profile: kept ${files.map((f) => path.join(profDir, f)).join(", ")}\n`);
else fs.rmSync(profDir, { recursive: true, force: true });
fs.rmSync(out, { recursive: true, force: true });
