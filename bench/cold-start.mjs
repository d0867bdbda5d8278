#!/usr/bin/env node
// Cold start of the homepage and of an empty site, interleaved: Jekyll, this checkout's
// build-site and, with --base, another build-site (an older checkout) for before/after figures.
// The evidence behind bench/PROFILE.md ("Cold start"). Each round runs every variant once, in turn, so that
// the machine's load falls on all of them alike; the table gives medians (and min–max) of wall
// and CPU (user + sys) time, with the load average before and after.
//
// usage: node bench/cold-start.mjs [--rounds 11] [--base OTHER/bin/build-site.js] [--work DIR]
//
// Variants (the homepage is this repository's root, copied without the engine's caches; Jekyll
// and build-site both build it with _config.no-extras.yml, which Debian's Jekyll can build):
//   jekyll          jekyll build, no .jekyll-cache
//   committed-css   build-site, no .build-site-cache, with the committed _css_cache/ (a CI clone)
//   no-cache        build-site, no .build-site-cache and no _css_cache/: Sass compiles
//   base            the --base build-site, no .build-site-cache (it does not read _css_cache/)
//   repeat          build-site over the _site of the previous round (its deletion is timed)
//   empty, empty-base, node-e-0: start-up
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// As npm run bench does (bench/lib/measure.ts, START_UP_ENV): without NODE_EXTRA_CA_CERTS, whose
// certificate parse at every Node start a CI runner does not pay.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const rounds = Number(arg("--rounds", "11"));
const base = arg("--base", null);
const work = path.resolve(arg("--work", path.join(os.tmpdir(), "build-site-cold-start")));
const bin = path.join(root, "bin", "build-site.js");
const CONFIG = ["--config", "_config.yml,_config.no-extras.yml"];
const SKIP = new Set([".git", "node_modules", "dist", "test", "src", "bench", "docs", "scripts", "bin", "_site", ".jekyll-cache", ".build-site-cache", ".sass-cache"]);

fs.rmSync(work, { recursive: true, force: true });
const copy = (name) => {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const e of fs.readdirSync(root)) if (!SKIP.has(e)) fs.cpSync(path.join(root, e), path.join(dir, e), { recursive: true });
  return dir;
};
const rm = (p) => fs.rmSync(p, { recursive: true, force: true });
const empty = path.join(work, "empty");
fs.mkdirSync(empty, { recursive: true });
fs.writeFileSync(path.join(empty, "_config.yml"), "title: Empty\n");

/** Wall and CPU seconds of one command (CPU of the process and everything it waited for). */
function timed(cmd, args, cwd) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S", cmd, ...args], { cwd, encoding: "utf8", env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  const [wall, user, sys] = r.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { wall, cpu: user + sys };
}

const sites = { jekyll: copy("jekyll"), committed: copy("committed"), nocache: copy("nocache"), repeat: copy("repeat") };
if (base) sites.base = copy("base");
const committedCss = path.join(root, "_css_cache");
const variants = [
  ["jekyll", () => { rm(path.join(sites.jekyll, ".jekyll-cache")); rm(path.join(work, "out-jekyll")); return ["jekyll", ["build", "-q", ...CONFIG, "-d", path.join(work, "out-jekyll")], sites.jekyll]; }],
  ["committed-css", () => { rm(path.join(sites.committed, ".build-site-cache")); rm(path.join(sites.committed, "_css_cache")); fs.cpSync(committedCss, path.join(sites.committed, "_css_cache"), { recursive: true }); rm(path.join(work, "out-committed")); return [process.execPath, [bin, "build", "-q", ...CONFIG, "-d", path.join(work, "out-committed")], sites.committed]; }],
  ["no-cache", () => { rm(path.join(sites.nocache, ".build-site-cache")); rm(path.join(sites.nocache, "_css_cache")); rm(path.join(work, "out-nocache")); return [process.execPath, [bin, "build", "-q", ...CONFIG, "-d", path.join(work, "out-nocache")], sites.nocache]; }],
  ...(base ? [["base", () => { rm(path.join(sites.base, ".build-site-cache")); rm(path.join(work, "out-base")); return [process.execPath, [base, "build", "-q", ...CONFIG, "-d", path.join(work, "out-base")], sites.base]; }]] : []),
  ["repeat", () => [process.execPath, [bin, "build", "-q", ...CONFIG, "-d", path.join(work, "out-repeat")], sites.repeat]],
  ["empty", () => { rm(path.join(empty, "_site")); return [process.execPath, [bin, "build", "-q"], empty]; }],
  ...(base ? [["empty-base", () => { rm(path.join(empty, "_site")); return [process.execPath, [base, "build", "-q"], empty]; }]] : []),
  ["node-e-0", () => [process.execPath, ["-e", "0"], empty]],
];

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
const loadBefore = load();
const results = new Map(variants.map(([name]) => [name, []]));
// One untimed round first: the repeat variant needs a _site, and files get into the page cache.
for (const [, prepare] of variants) timed(...prepare());
for (let i = 0; i < rounds; i++) for (const [name, prepare] of variants) results.get(name).push(timed(...prepare()));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const jekyll = median(results.get("jekyll").map((r) => r.wall));
const lines = [
  `Cold start, ${rounds} interleaved rounds, ${os.cpus().length} cores, load average ${loadBefore} before and ${load()} after (${new Date().toISOString()}).`,
  "",
  "| variant | wall median (min–max) | CPU median | Jekyll ÷ this |",
  "| --- | ---: | ---: | ---: |",
  ...[...results].map(([name, rs]) => {
    const w = rs.map((r) => r.wall);
    const m = median(w);
    return `| ${name} | ${m.toFixed(3)} s (${Math.min(...w).toFixed(2)}–${Math.max(...w).toFixed(2)}) | ${median(rs.map((r) => r.cpu)).toFixed(3)} s | ${name.startsWith("empty") || name === "node-e-0" ? "" : `${(jekyll / m).toFixed(2)}×`} |`;
  }),
];
process.stdout.write(`${lines.join("\n")}\n`);
rm(work);
