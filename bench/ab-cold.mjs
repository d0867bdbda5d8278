#!/usr/bin/env node
// Cold builds of one site by two or more build-site checkouts, interleaved: the A/B evidence behind
// bench/PROFILE.md ("Cold builds"). On a machine shared with other work, wall time follows the load;
// CPU time (user + sys of the build and its threads) much less, and to the millisecond here (bash's
// `times`, where /usr/bin/time rounds to 10 ms), so that differences of a few percent show in the
// medians of enough rounds. Each round builds with every checkout once, the order reversed every
// other round; one untimed round first. Every build starts without `.build-site-cache` and without
// its output folder, as a CI runner's would.
//
// usage: node bench/ab-cold.mjs --site DIR [--rounds 21] [--config a.yml,b.yml] NAME=CHECKOUT/bin/build-site.js ...
//   e.g. node bench/ab-cold.mjs --site . --config _config.yml,_config.no-extras.yml \
//          this=bin/build-site.js main=../main/bin/build-site.js
// The site is copied once per checkout into a scratch folder (without .git, node_modules, _site).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copySiteForEach } from "./site-copies.mjs";

// As npm run bench does (bench/lib/measure.ts, START_UP_ENV): without NODE_EXTRA_CA_CERTS, whose
// certificate parse at every Node start a CI runner does not pay.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const site = flag("--site", null);
const rounds = Number(flag("--rounds", "21"));
const config = flag("--config", null);
const variants = args.filter((a, i) => a.includes("=") && !args[i - 1]?.startsWith("--")).map((a) => {
  const [name, bin] = a.split(/=(.*)/s);
  return { name, bin: path.resolve(bin) };
});
if (!site || variants.length < 1 || !(rounds > 0)) {
  process.stderr.write("usage: node bench/ab-cold.mjs --site DIR [--rounds 21] [--config a.yml,b.yml] NAME=CHECKOUT/bin/build-site.js ...\n");
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-ab-"));
copySiteForEach(variants, site, work);

/** One build: wall ms, and CPU ms of the build's process (bash's `times`, second line: children). */
function build(v) {
  fs.rmSync(v.out, { recursive: true, force: true });
  fs.rmSync(path.join(v.site, ".build-site-cache"), { recursive: true, force: true });
  const cmd = [process.execPath, v.bin, "build", "-q", ...(config ? ["--config", config] : []), "-d", v.out];
  const t0 = performance.now();
  const r = spawnSync("bash", ["-c", '"$@" >/dev/null || exit 1; times', "_", ...cmd], { cwd: v.site, encoding: "utf8", env });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${v.name} failed:\n${r.stderr}`);
  const seconds = (s) => { const m = /(\d+)m([\d.]+)s/.exec(s); return m ? Number(m[1]) * 60 + Number(m[2]) : NaN; };
  const [user, sys] = r.stdout.trim().split("\n").at(-1).split(/\s+/).map(seconds);
  return { wall, cpu: (user + sys) * 1000 };
}

const load = () => os.loadavg()[0].toFixed(2);
const before = load();
for (let r = -1; r < rounds; r++) {
  for (const v of r % 2 ? variants : [...variants].reverse()) {
    const run = build(v);
    if (r >= 0) v.runs.push(run);
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const range = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
const lines = [
  `${rounds} interleaved rounds of ${path.resolve(site)}${config ? ` (--config ${config})` : ""}, ${os.cpus().length} cores, 1-minute load ${before} before and ${load()} after (${new Date().toISOString()}).`,
  "",
  "| checkout | wall median (min–max) | CPU median (min–max) |",
  "| --- | ---: | ---: |",
  ...variants.map((v) => {
    const w = v.runs.map((x) => x.wall);
    const c = v.runs.map((x) => x.cpu);
    return `| ${v.name} | ${median(w).toFixed(0)} ms (${range(w)}) | ${median(c).toFixed(0)} ms (${range(c)}) |`;
  }),
];
process.stdout.write(`${lines.join("\n")}\n`);
fs.rmSync(work, { recursive: true, force: true });
