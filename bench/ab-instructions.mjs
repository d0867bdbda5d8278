#!/usr/bin/env node
// Cold builds of one site by two or more build-site checkouts under valgrind's callgrind, which
// counts the instructions each thread executes: a measure of CPU work that the machine's load does
// not change (bench/PROFILE.md, eighteenth session, says how repeatable it is). Wall and CPU time
// on a shared machine (bench/ab-cold.mjs) cannot show a change of a few percent; instruction counts
// can. Each build starts without `.build-site-cache` and without its output folder, as a CI
// runner's would. The checkouts' code caches (dist/bundle/*.cache) are deleted and written again
// by one unmeasured build of the site first (below); the script says when a measured build
// rewrote one (a Node flag that changes V8's flag hash does that: the start is then not the usual one).
//
// usage: node bench/ab-instructions.mjs --site DIR [--runs 3] [--config a.yml,b.yml]
//          [--node-flags "..."] [--valgrind-args "--fair-sched=yes" (the default)] [--env NAME=VALUE ...] [--keep DIR]
//          [--top N] NAME=CHECKOUT/bin/build-site.js ...
//   e.g. node bench/ab-instructions.mjs --site /tmp/syn/jekyll-300 --env BUILD_SITE_WRITER_MIN=0 \
//          base=../main/bin/build-site.js this=bin/build-site.js
// Needs valgrind (apt-get install valgrind); a build of 300 synthetic posts takes ~1 min under it.
// Threads: "main" is the process's first thread; "writer" and "sass" are Node worker threads (the
// Sass thread is the one that starts the compiler's process); "V8+libuv" is everything else (V8's
// platform threads: background compiles, concurrent marking and sweeping; libuv's pool).
// --top N prints the N functions with the most instructions of their own (the main thread, first
// run of each checkout); code V8 generated at run time has no symbol and shows as an address.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copySiteForEach } from "./site-copies.mjs";

// As bench/ab-cold.mjs: without NODE_EXTRA_CA_CERTS, whose certificate parse a CI runner does not pay.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
const args = process.argv.slice(2);
const VALUED = new Set(["--site", "--runs", "--config", "--node-flags", "--valgrind-args", "--env", "--keep", "--top"]);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const site = flag("--site", null);
const runs = Number(flag("--runs", "3"));
const config = flag("--config", null);
const nodeFlags = flag("--node-flags", "").split(/\s+/).filter(Boolean);
// valgrind runs one thread at a time; with --fair-sched=yes the threads take turns by a ticket
// lock rather than by whichever the kernel wakes first, and V8's background threads' counts
// (TurboFan's compiles) vary far less between runs (bench/PROFILE.md, eighteenth session).
const valgrindArgs = flag("--valgrind-args", "--fair-sched=yes").split(/\s+/).filter(Boolean);
const keep = flag("--keep", null);
const top = Number(flag("--top", "0"));
args.forEach((a, i) => {
  if (a === "--env" && args[i + 1]?.includes("=")) {
    const [k, v] = args[i + 1].split(/=(.*)/s);
    env[k] = v;
  }
});
const variants = args.filter((a, i) => a.includes("=") && !VALUED.has(args[i - 1])).map((a) => {
  const [name, bin] = a.split(/=(.*)/s);
  return { name, bin: path.resolve(bin) };
});
if (!site || variants.length < 1 || !(runs > 0)) {
  process.stderr.write("usage: node bench/ab-instructions.mjs --site DIR [--runs 3] [--config a.yml,b.yml] [--node-flags \"...\"] [--valgrind-args \"...\"] [--env K=V] [--keep DIR] [--top N] NAME=CHECKOUT/bin/build-site.js ...\n");
  process.exit(2);
}
if (spawnSync("valgrind", ["--version"]).status !== 0) {
  process.stderr.write("valgrind is not installed (apt-get install valgrind)\n");
  process.exit(2);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-instr-"));
const outs = keep ? path.resolve(keep) : path.join(work, "callgrind");
fs.mkdirSync(outs, { recursive: true });
copySiteForEach(variants, site, work);
for (const v of variants) v.cacheDir = path.join(path.dirname(v.bin), "..", "dist", "bundle");

/** mtimes of a checkout's code caches, to notice a build that rewrote one. */
function cacheTimes(v) {
  const files = fs.existsSync(v.cacheDir) ? fs.readdirSync(v.cacheDir).filter((f) => f.endsWith(".cache")) : [];
  return Object.fromEntries(files.map((f) => [f, fs.statSync(path.join(v.cacheDir, f)).mtimeMs]));
}

/** One thread's file: its total and what kind of thread it was. */
function readThread(file, index) {
  const text = fs.readFileSync(file, "latin1");
  const m = /^totals:\s*(\d+)/m.exec(text) ?? /^summary:\s*(\d+)/m.exec(text);
  const total = m ? Number(m[1]) : 0;
  let kind = "V8+libuv";
  if (index === 1) kind = "main";
  else if (text.includes("node::worker::Worker::Run")) kind = text.includes("uv_spawn") ? "sass" : "writer";
  return { kind, total };
}

/** One build under callgrind: instructions per kind of thread, and in all. */
function build(v, r) {
  fs.rmSync(v.out, { recursive: true, force: true });
  fs.rmSync(path.join(v.site, ".build-site-cache"), { recursive: true, force: true });
  const prefix = path.join(outs, `${v.name}-${r}`);
  const before = cacheTimes(v);
  const cmd = [
    "--tool=callgrind", "--separate-threads=yes", `--callgrind-out-file=${prefix}.%p`, ...valgrindArgs,
    process.execPath, ...nodeFlags, v.bin, "build", "-q", ...(config ? ["--config", config] : []), "-d", v.out,
  ];
  const res = spawnSync("valgrind", cmd, { cwd: v.site, encoding: "utf8", env, maxBuffer: 64 << 20 });
  if (res.status !== 0) throw new Error(`${v.name} failed:\n${res.stderr.slice(-4000)}`);
  const after = cacheTimes(v);
  if (Object.keys(after).some((f) => after[f] !== before[f])) {
    process.stderr.write(`note: ${v.name}'s build ${r} rewrote a code cache in ${v.cacheDir} (a Node flag changed V8's flag hash?): its start is not the usual one\n`);
  }
  // One file per thread (NAME-RUN.PID-NN); the empty one without a thread number is left out.
  const files = fs.readdirSync(outs).filter((f) => f.startsWith(`${v.name}-${r}.`) && /\.\d+-\d+$/.test(f));
  const sums = { main: 0, writer: 0, sass: 0, "V8+libuv": 0, all: 0, threads: files.length };
  for (const f of files) {
    const { kind, total } = readThread(path.join(outs, f), Number(/-(\d+)$/.exec(f)[1]));
    sums[kind] += total;
    sums.all += total;
  }
  return { sums, files: files.map((f) => path.join(outs, f)) };
}

const load = () => os.loadavg()[0].toFixed(2);
const loadBefore = load();
// One build of each checkout outside valgrind first, of the measured site with the same flags,
// after its code caches are deleted: it writes them again, so that every measured build starts
// from a cache made the same way. A cache holds the functions compiled by the build that wrote it
// (npm's is written by a build of a small blog, a copied checkout's by whatever built first):
// two checkouts whose caches were written by different builds differed by ~5 M instructions in
// deserialising and first runs alone at 100 posts, as much as the change measured.
for (const v of variants) {
  for (const f of Object.keys(cacheTimes(v))) fs.rmSync(path.join(v.cacheDir, f), { force: true });
  fs.rmSync(v.out, { recursive: true, force: true });
  const res = spawnSync(process.execPath, [...nodeFlags, v.bin, "build", "-q", ...(config ? ["--config", config] : []), "-d", v.out], { cwd: v.site, encoding: "utf8", env });
  if (res.status !== 0) throw new Error(`${v.name} failed:\n${res.stderr.slice(-4000)}`);
  fs.rmSync(path.join(v.site, ".build-site-cache"), { recursive: true, force: true });
}
for (let r = 0; r < runs; r++) {
  for (const v of r % 2 ? [...variants].reverse() : variants) {
    const run = build(v, r);
    v.runs.push(run);
    process.stderr.write(`${v.name} run ${r + 1}: ${(run.sums.all / 1e6).toFixed(1)} M instructions (main ${(run.sums.main / 1e6).toFixed(1)} M)\n`);
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const M = (x) => (x / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const KINDS = ["main", "writer", "sass", "V8+libuv", "all"].filter((k) => variants.some((v) => v.runs.some((r) => r.sums[k] > 0)));
const cell = (xs) => {
  const med = median(xs);
  const spread = med ? ((Math.max(...xs) - Math.min(...xs)) / med) * 100 : 0;
  return `${M(med)} (${M(Math.min(...xs))}–${M(Math.max(...xs))}, ±${(spread / 2).toFixed(2)} %)`;
};
const lines = [
  `${runs} run(s) of each checkout under callgrind ${valgrindArgs.join(" ")}, ${path.resolve(site)}${config ? ` (--config ${config})` : ""}` +
    `${nodeFlags.length ? `, node ${nodeFlags.join(" ")}` : ""}; 1-minute load ${loadBefore} before, ${load()} after (${new Date().toISOString()}).`,
  "Millions of instructions: median (min–max, ± half the range as a share of the median).",
  "",
  `| checkout | ${KINDS.join(" | ")} |`,
  `| --- |${KINDS.map(() => " ---: |").join("")}`,
  ...variants.map((v) => `| ${v.name} | ${KINDS.map((k) => cell(v.runs.map((r) => r.sums[k]))).join(" | ")} |`),
];
if (variants.length > 1) {
  const [a] = variants;
  for (const b of variants.slice(1)) {
    const delta = KINDS.map((k) => {
      const x = median(a.runs.map((r) => r.sums[k]));
      const y = median(b.runs.map((r) => r.sums[k]));
      return `${k} ${y - x >= 0 ? "+" : ""}${M(y - x)} M (${x ? (((y - x) / x) * 100).toFixed(2) : "–"} %)`;
    });
    lines.push("", `${b.name} against ${a.name}: ${delta.join(", ")}`);
  }
}
process.stdout.write(lines.join("\n") + "\n");

if (top > 0) {
  for (const v of variants) {
    // callgrind_annotate reads only the first of several files: the main thread's.
    const main = v.runs[0].files.find((f) => f.endsWith("-01"));
    const res = spawnSync("callgrind_annotate", ["--threshold=100", main], { encoding: "utf8", maxBuffer: 256 << 20 });
    const rows = res.stdout.split("\n").filter((l) => /^\s*[\d,]+ \(\s*[\d.]+%\)\s+\S/.test(l) && !l.includes("PROGRAM TOTALS"));
    process.stdout.write(`\n${v.name}, run 1, the ${top} functions with most instructions of their own on the main thread:\n${rows.slice(0, top).join("\n")}\n`);
  }
}
fs.rmSync(work, { recursive: true, force: true });
if (keep) process.stderr.write(`callgrind files kept in ${outs}\n`);
