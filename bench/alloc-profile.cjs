#!/usr/bin/env node
// What a build allocates, by function: V8's sampling heap profiler over one build in this process,
// with the objects that scavenges and mark-compacts collected kept in the profile (a cold build's
// allocations are nearly all short-lived, and a plain heap profile would show only the survivors).
// Unlike CPU time, the totals hardly depend on the machine's load: the evidence behind
// bench/PROFILE.md's allocation figures. A native function (Map, slice, replace…) is listed with the
// JavaScript function that called it.
//
// usage: node bench/alloc-profile.cjs [--top 40] [--json OUT] -- bin/build-site.js build -q -s SITE -d OUT
// (Delete SITE/.build-site-cache first for a cold build. Start it without NODE_EXTRA_CA_CERTS, as the
// benchmark does.)
"use strict";
const inspector = require("node:inspector");
const fs = require("node:fs");
const path = require("node:path");

const args = process.argv.slice(2);
const sep = args.indexOf("--");
if (sep < 0 || !args[sep + 1]) {
  process.stderr.write("usage: node bench/alloc-profile.cjs [--top 40] [--json OUT] -- BIN ARGS...\n");
  process.exit(2);
}
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i < sep ? args[i + 1] : fallback;
};
const top = Number(opt("--top", "40"));
const jsonOut = opt("--json", null);
const [bin, ...rest] = args.slice(sep + 1);

const session = new inspector.Session();
session.connect();
session.post("HeapProfiler.enable");
// (A sample every 1 KiB on average: ~150,000 samples for a 1,000-post build.)
session.post("HeapProfiler.startSampling", { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });

process.on("exit", () => {
  // The session answers synchronously on its own thread, so this runs before the process ends.
  session.post("HeapProfiler.stopSampling", (err, result) => {
    if (err) throw err;
    const bytes = new Map();
    let total = 0;
    const name = (cf) => `${cf.functionName || "(anonymous)"} ${path.basename(cf.url)}:${cf.lineNumber + 1}`;
    const walk = (node, caller) => {
      const cf = node.callFrame;
      const key = cf.url ? name(cf) : `${name(cf)} <- ${caller}`;
      total += node.selfSize;
      bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
      for (const child of node.children) walk(child, cf.url ? key : caller);
    };
    walk(result.profile.head, "");
    const rows = [...bytes].sort((a, b) => b[1] - a[1]);
    const lines = [`allocated ${(total / 1e6).toFixed(1)} MB in all (sampled)`, ...rows.slice(0, top).map(([k, v]) => `${(v / 1e6).toFixed(2).padStart(8)} MB  ${k}`)];
    process.stderr.write(lines.join("\n") + "\n");
    if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ total, rows }));
  });
});

process.argv = [process.argv[0], path.resolve(bin), ...rest];
require(path.resolve(bin));
