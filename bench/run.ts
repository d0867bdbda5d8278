// `npm run bench`: cold builds of the empty site, this repository's homepage (cold and warm) and
// the synthetic blog with build-site, Jekyll, Hugo and Eleventy (each when available), then the
// rebuild after one edit in each engine's watch mode. Prints a markdown report; unless --quick or
// --no-save, also writes bench/results/latest.json, a dated copy, and bench/RESULTS.md; with
// --readme, README.md's speed table too. Flags: node dist/bench/run.js -h.
//
// Engines run interleaved (run 1 of every engine, then run 2, …) so that load from other work on
// the machine lands on all of them alike and the ratios stay fair.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseBenchArgs, USAGE, type BenchOptions } from "./lib/args.js";
import { allEngines, buildSiteEntry, type Engine } from "./lib/engines.js";
import { README_END, README_START, renderReadmeTable, replaceReadmeTable } from "./lib/readme.js";
import { capture, configureEngineEnv, configureSettle, hasGnuTime, measure, nodeStartWithAndWithout, settleDisk } from "./lib/measure.js";
import { evaluateTargets, renderMarkdown, summarise, type BenchResults, type BuildRecord, type OutputCheck } from "./lib/report.js";
import { compareTrees, countPages, prepareEmpty, prepareHomepage, prepareSynthetic, warmVariant, type BenchSite } from "./lib/sites.js";
import { fmtSeconds } from "./lib/stats.js";
import { FREED_INODES_SETTLE_S, Trash, waitForFreedInodes } from "./lib/trash.js";
import { WATCH_EDITS, measureWatch, type WatchResult } from "./lib/watch.js";

// dist/bench/run.js → the repository root.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const log = (...a: unknown[]) => process.stderr.write(`${a.join(" ")}\n`);


function outDir(o: BenchOptions, site: BenchSite, engine: Engine): string {
  return path.join(o.workDir, "out", site.id, engine.id);
}

function prepareSites(o: BenchOptions, notes: string[]): BenchSite[] {
  const root = path.join(o.workDir, "sites");
  fs.mkdirSync(root, { recursive: true });
  const sites: BenchSite[] = [];
  if (o.empty) sites.push(prepareEmpty(root));
  if (o.homepage) {
    const home = prepareHomepage(root, repoRoot);
    sites.push(home, warmVariant(home));
  }
  const generator = path.join(repoRoot, "bench", "gen-synthetic.mjs");
  for (const n of o.sizes) {
    log(`bench: generating the synthetic blog with ${n} posts`);
    sites.push(prepareSynthetic(root, n, generator));
  }
  if (o.homepage) notes.push("The homepage has no Hugo or Eleventy version; they are compared on the synthetic sites (Hugo on the empty site too). \Both build-site and Jekyll build it with --config _config.yml,_config.no-extras.yml (Debian's Jekyll lacks kramdown-math-katex; with it the two write the same files). \"homepage-warm\" is the second build with the engine's cache folder (.build-site-cache, .jekyll-cache) left from a first, unmeasured one and the output deleted.");
  return sites;
}

/** Whether `engine` builds `site`: it has a version for it, and the site is within the engine's --cap. */
function runsOn(o: BenchOptions, site: BenchSite, engine: Engine): boolean {
  if (!engine.sourceFor(site)) return false;
  const cap = o.caps[engine.id];
  return site.posts == null || cap == null || site.posts <= cap;
}

const CAP_WHY: Record<string, string> = {
  jekyll: "Jekyll takes ~6 min per build at 10,000 posts",
  eleventy: "Eleventy takes minutes per build at 100,000 posts, and publishes the future-dated ones the others leave out",
};

/** The notes on sizes left out by --cap (`ids`: the engines of the run). */
function capNotes(caps: Partial<Record<string, number>>, sizes: number[], ids: string[]): string[] {
  const notes: string[] = [];
  for (const id of ids) {
    const cap = caps[id];
    const over = sizes.filter((n) => cap != null && n > cap);
    if (over.length) notes.push(`${id} was not run above ${cap!.toLocaleString("en")} posts (--cap ${id}=${cap}; left out: ${over.map((n) => n.toLocaleString("en")).join(", ")}). ${CAP_WHY[id] ?? "It was capped"}; raise or lift the cap with --cap ${id}=N or --cap ${id}=none.`);
  }
  return notes;
}

/**
 * --from-json FILE: the report (and with --readme the README's table) written again from a saved
 * run, with this code's targets and wording; nothing is measured.
 */
function rewriteFrom(file: string, o: BenchOptions): number {
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults;
  r.targets = evaluateTargets(r.summaries, r.incremental);
  const capped = / was not run above [\d,]+ posts \(--cap /;
  r.notes = [...capNotes(r.options.caps ?? {}, r.options.sizes, r.options.engines), ...r.notes.filter((n) => !capped.test(n))];
  const md = renderMarkdown(r);
  process.stdout.write(md + "\n");
  if (o.resultsDir) {
    const mdPath = o.resultsDir === path.join(repoRoot, "bench", "results") ? path.join(repoRoot, "bench", "RESULTS.md") : path.join(o.resultsDir, "RESULTS.md");
    fs.writeFileSync(mdPath, md + "\n");
    log(`bench: wrote ${path.relative(process.cwd(), mdPath)} from ${path.relative(process.cwd(), file)}`);
  }
  return o.readme ? writeReadme(r) : 0;
}

function writeReadme(results: BenchResults): number {
  const readme = path.join(repoRoot, "README.md");
  const updated = replaceReadmeTable(fs.readFileSync(readme, "utf8"), renderReadmeTable(results));
  if (updated === null) {
    log(`bench: README.md has no ${README_START} … ${README_END} markers; its speed table was not rewritten`);
    return 1;
  }
  fs.writeFileSync(readme, updated);
  log("bench: rewrote the speed table in README.md");
  return 0;
}

function coldBuilds(o: BenchOptions, sites: BenchSite[], engines: Engine[], gnuTime: boolean): BuildRecord[] {
  const trash = new Trash(path.join(o.workDir, "trash"));
  trash.empty(); // what an interrupted run left
  try {
    return coldBuildsWith(trash, o, sites, engines, gnuTime);
  } finally {
    trash.empty();
  }
}

/** The cold builds, each run's earlier output moved into `trash` rather than deleted. */
function coldBuildsWith(trash: Trash, o: BenchOptions, sites: BenchSite[], engines: Engine[], gnuTime: boolean): BuildRecord[] {
  const records: BuildRecord[] = [];
  for (const site of sites) {
    const cells = engines.filter((e) => runsOn(o, site, e)).map((e) => ({ engine: e, rec: { site: site.id, posts: site.posts ?? null, engine: e.id, samples: [], pages: null } as BuildRecord }));
    for (let run = 1; run <= o.runs; run++) {
      for (const { engine, rec } of cells) {
        if (rec.failure) continue; // a build that fails once fails every time; do not wait on it again
        const src = engine.sourceFor(site)!;
        const out = outDir(o, site, engine);
        trash.stash(out);
        engine.clean(src, out);
        fs.mkdirSync(path.dirname(out), { recursive: true });
        if (site.warm) {
          // The first build fills the caches; only the output goes before the measured one.
          const first = measure(engine.build(src, out), false);
          if (first.exitCode !== 0) {
            rec.failure = first.tail || `exit code ${first.exitCode}`;
            log(`bench: ${site.id} ${engine.id} run ${run}: first build FAILED (exit ${first.exitCode})`);
            continue;
          }
          trash.stash(out);
        }
        const s = measure(engine.build(src, out), gnuTime);
        if (s.exitCode !== 0) {
          rec.failure = s.tail || `exit code ${s.exitCode}`;
          log(`bench: ${site.id} ${engine.id} run ${run}: FAILED (exit ${s.exitCode})`);
          continue;
        }
        rec.samples.push({ ...s, tail: "" }); // the output of a good run is noise in the JSON
        rec.pages = countPages(out);
        log(`bench: ${site.id} ${engine.id} run ${run}/${o.runs}: ${fmtSeconds(s.wall)}${s.maxRssKiB != null ? `, ${Math.round(s.maxRssKiB / 1024)} MiB` : ""} (load ${s.load![0].toFixed(2)} → ${s.load![1].toFixed(2)})`);
      }
    }
    records.push(...cells.map((c) => c.rec));
  }
  return records;
}

/** build-site's output against Jekyll's, from the last run of each (outputs are kept until then). */
function checkOutputs(o: BenchOptions, sites: BenchSite[], engines: Engine[], builds: BuildRecord[]): OutputCheck[] {
  const bs = engines.find((e) => e.id === "build-site");
  const jk = engines.find((e) => e.id === "jekyll");
  if (!bs || !jk) return [];
  const checks: OutputCheck[] = [];
  for (const site of sites) {
    if (site.kind === "empty" || site.warm) continue;
    const ok = (id: string) => builds.some((b) => b.site === site.id && b.engine === id && !b.failure && b.samples.length);
    if (!ok("build-site") || !ok("jekyll")) continue;
    const c = compareTrees(outDir(o, site, bs), outDir(o, site, jk));
    checks.push({ site: site.id, files: c.files, identical: c.identical, differing: c.differing, onlyInBuildSite: c.onlyInA, onlyInJekyll: c.onlyInB });
  }
  return checks;
}

async function incrementalBuilds(o: BenchOptions, sites: BenchSite[], engines: Engine[], notes: string[]): Promise<WatchResult[]> {
  const results: WatchResult[] = [];
  for (const site of sites) {
    // The homepage and the synthetic blogs of --edit-sizes.
    if (!site.editFile || (site.posts != null && !o.editSizes.includes(site.posts))) continue;
    for (const edit of WATCH_EDITS) {
      if (edit !== "post" && site.kind !== "synthetic") continue;
      for (const engine of engines) {
        if (!engine.watchable || !runsOn(o, site, engine)) continue;
        log(`bench: ${site.id} ${engine.id}: rebuild after one ${edit} edit (${o.edits} edit(s))`);
        const w = await measureWatch(engine, site, outDir(o, site, engine) + "-watch", o.edits, 30 * 60 * 1000, edit);
        if (w.error) log(`bench: ${site.id} ${engine.id} watch: ${w.error.split("\n")[0]}`);
        results.push(w);
      }
    }
  }
  if (results.length) notes.push("Jekyll's rebuild uses --incremental, its fastest mode (without it every change is a full build); build-site's is `serve`'s dependency-graph rebuild; Hugo's is `hugo --watch`. Eleventy's watch mode is not measured.");
  return results;
}

function gitDirty(): boolean {
  const s = capture("git", ["status", "--porcelain", "--", "src", "bin", "package.json"], repoRoot);
  return !!s;
}

async function main(): Promise<number> {
  let o: BenchOptions;
  try {
    o = parseBenchArgs(process.argv.slice(2), repoRoot);
  } catch (e) {
    log(`bench: ${(e as Error).message}`);
    return 2;
  }
  if (o.help) { process.stdout.write(USAGE); return 0; }
  if (o.fromJson) return rewriteFrom(o.fromJson, o);
  const started = Date.now();
  const loadStart = os.loadavg();
  const notes: string[] = [];

  const gnuTime = hasGnuTime();
  if (!gnuTime) log("bench: GNU time (/usr/bin/time) is missing, so CPU time and peak memory are not measured. Install it with: apt-get install -y time");
  const envRemoved = configureEngineEnv(o.keepEnv);
  if (envRemoved.length) {
    const cost = nodeStartWithAndWithout(7);
    const line = `${envRemoved.join(", ")} is set here and was removed from the engines' environment (a CI runner has no such setting; --keep-env keeps it)`
      + (cost ? `: \`node -e 0\` takes ${fmtSeconds(cost.with)} with it and ${fmtSeconds(cost.without)} without (medians of 7), a cost every Node process (build-site, Eleventy) pays at start` : "");
    log(`bench: ${line}`);
    notes.push(`${line}.`);
  }
  const settled = o.settle && settleDisk();
  configureSettle(settled);
  if (o.settle && !settled) log("bench: `sync` could not be run, so builds are measured without flushing the previous build's writes first");
  notes.push(settled
    ? "Before each measured build the disk's dirty pages were written out (`sync`), so no build pays for the writeback of the one before it or of its output's deletion (--no-settle turns this off)."
    : "Builds ran without flushing the previous build's writes first (`sync`): each may have competed with the writeback of the one before.");
  notes.push("Earlier runs' outputs were moved aside and deleted only after the last cold build: on a journal-less ext4 (this sandbox's disk), creating files is slower for ~30 s after many were deleted (bench/lib/trash.ts).");
  const all = allEngines(repoRoot, o.engines, { toolDir: path.join(o.workDir, "tools", "eleventy"), install: o.installEleventy, log });
  const engines = all.filter((e) => e.version);
  for (const e of all) if (!e.version) {
    log(`bench: ${e.id} is not available; skipping it. To ${e.installHint}.`);
    notes.push(`${e.id} was not available and is left out (${e.installHint}).`);
  }
  if (!engines.some((e) => e.id === "build-site")) log("bench: build-site itself is not compiled; only the other engines are measured.");
  else if (buildSiteEntry(repoRoot) !== "bundle") log("bench: build-site runs from its modules, not the bundle (slower start-up); npm run bench bundles first.");
  notes.push(...capNotes(o.caps, o.sizes, engines.map((e) => e.id)));

  const sites = prepareSites(o, notes);
  if (settled && !o.quick) {
    // Preparing the sites deleted the last run's copies; inodes freed less than ~30 s ago slow
    // down creating files on a journal-less ext4 (lib/trash.ts), so let them age first.
    log(`bench: waiting ${FREED_INODES_SETTLE_S} s so the sources deleted while preparing the sites do not slow the first builds`);
    settleDisk();
    waitForFreedInodes();
    notes.push(`The first builds waited ${FREED_INODES_SETTLE_S} s after the sites were prepared, so the sources that preparing them deleted did not slow them (--no-settle skips the wait).`);
  }
  const builds = coldBuilds(o, sites, engines, gnuTime);
  const outputChecks = checkOutputs(o, sites, engines, builds);
  const incremental = o.incremental ? await incrementalBuilds(o, sites, engines, notes) : [];
  if (!o.incremental) notes.push("Rebuild after one edit was not measured (--no-incremental).");

  const summaries = builds.map(summarise);
  const cpus = os.cpus();
  const results: BenchResults = {
    schema: 1,
    date: new Date().toISOString(),
    durationSeconds: (Date.now() - started) / 1000,
    commit: capture("git", ["rev-parse", "HEAD"], repoRoot),
    dirty: gitDirty(),
    options: { runs: o.runs, sizes: o.sizes, engines: engines.map((e) => e.id), edits: o.edits, quick: o.quick, caps: o.caps, editSizes: o.editSizes, command: ["npm run bench --", ...process.argv.slice(2)].join(" ").replace(/ --$/, "") },
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      memoryGiB: os.totalmem() / 2 ** 30,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      engines: Object.fromEntries(all.map((e) => [e.id, e.version])),
      gnuTime,
      loadAverageStart: loadStart,
      loadAverageEnd: os.loadavg(),
    },
    builds,
    summaries,
    outputChecks,
    incremental,
    targets: evaluateTargets(summaries, incremental),
    notes,
  };
  const md = renderMarkdown(results);
  process.stdout.write(md + "\n");

  if (o.resultsDir) {
    fs.mkdirSync(o.resultsDir, { recursive: true });
    const json = JSON.stringify(results, null, 1) + "\n";
    const stamp = results.date.replace(/[:]/g, "").replace(/\.\d+Z$/, "Z");
    fs.writeFileSync(path.join(o.resultsDir, "latest.json"), json);
    fs.writeFileSync(path.join(o.resultsDir, `${stamp}.json`), json);
    // The default run's RESULTS.md is bench/RESULTS.md; a run saved elsewhere (--results DIR)
    // keeps its report in DIR, so it never overwrites the main one.
    const mdPath = o.resultsDir === path.join(repoRoot, "bench", "results") ? path.join(repoRoot, "bench", "RESULTS.md") : path.join(o.resultsDir, "RESULTS.md");
    fs.writeFileSync(mdPath, md + "\n");
    log(`bench: wrote ${path.relative(process.cwd(), path.join(o.resultsDir, "latest.json"))}, ${stamp}.json and ${path.relative(process.cwd(), mdPath)}`);
  } else {
    log("bench: results printed only (--quick or --no-save)");
  }
  return o.readme ? writeReadme(results) : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { log(`bench: ${(e as Error)?.stack ?? e}`); process.exitCode = 1; });
