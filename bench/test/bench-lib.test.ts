// Unit tests of the benchmark's pure parts: flags, GNU time parsing, medians and ratios, the
// report's figures and targets, output comparison. Nothing here times anything.
// Run: node --test dist/bench/test/
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { parseBenchArgs } from "../lib/args.js";
import { configureEngineEnv, engineEnv, parseGnuTime, settleDisk, type Sample } from "../lib/measure.js";
import { MISSED_TARGETS, evaluateTargets, firstErrorLine, marginalMs, renderMarkdown, summarise, type BenchResults, type BuildRecord, type Summary } from "../lib/report.js";
import { README_END, README_START, renderReadmeTable, replaceReadmeTable } from "../lib/readme.js";
import { compareTrees, countPages } from "../lib/sites.js";
import { fmtSpeed, median, ratio } from "../lib/stats.js";
import { Trash } from "../lib/trash.js";
import { editedText } from "../lib/watch.js";

const sample = (wall: number, user = wall / 2, sys = 0.1, rss = 100_000): Sample => ({ wall, user, sys, maxRssKiB: rss, exitCode: 0, tail: "" });

test("flags: defaults, --quick, explicit flags win over --quick", () => {
  const d = parseBenchArgs([], "/repo");
  assert.equal(d.runs, 3);
  assert.deepEqual(d.sizes, [100, 1000, 10000]);
  assert.deepEqual(d.caps, { jekyll: 1000, eleventy: 10000 });
  assert.equal(d.resultsDir, path.join("/repo", "bench", "results"));
  const q = parseBenchArgs(["--quick"], "/repo");
  assert.deepEqual([q.runs, q.sizes, q.edits, q.resultsDir], [1, [100], 1, null]);
  const q2 = parseBenchArgs(["--sizes=10000,100,100", "--quick", "--runs", "2"], "/repo");
  assert.deepEqual([q2.runs, q2.sizes], [2, [100, 10000]]);
  assert.deepEqual(parseBenchArgs(["--engines", "hugo,jekyll"], "/r").engines, ["hugo", "jekyll"]);
  assert.deepEqual(parseBenchArgs(["--engines", "eleventy"], "/r").engines, ["eleventy"]);
  assert.throws(() => parseBenchArgs(["--engines", "gatsby"], "/r"), /unknown engine/);
  assert.throws(() => parseBenchArgs(["--runs", "0"], "/r"), /positive whole number/);
  assert.throws(() => parseBenchArgs(["--runs"], "/r"), /needs a value/);
  assert.throws(() => parseBenchArgs(["--fast"], "/r"), /unknown flag/);
});

test("flags: --huge adds 100,000 posts, --cap sets or lifts an engine's largest size, --readme", () => {
  assert.deepEqual(parseBenchArgs(["--huge"], "/r").sizes, [100, 1000, 10000, 100000]);
  assert.deepEqual(parseBenchArgs(["--huge", "--sizes", "1000"], "/r").sizes, [1000, 100000]);
  assert.deepEqual(parseBenchArgs(["--sizes", "1000", "--huge"], "/r").sizes, [1000, 100000]);
  const c = parseBenchArgs(["--cap", "jekyll=10_000,eleventy=none,hugo=5"], "/r");
  assert.deepEqual(c.caps, { jekyll: 10000, hugo: 5 });
  assert.throws(() => parseBenchArgs(["--cap", "gatsby=1"], "/r"), /unknown engine/);
  assert.throws(() => parseBenchArgs(["--cap", "jekyll=x"], "/r"), /positive whole number/);
  assert.equal(parseBenchArgs(["--readme"], "/r").readme, true);
  assert.deepEqual(parseBenchArgs(["--quick"], "/r").editSizes, [100]);
  assert.equal(parseBenchArgs(["--from-json", "/x/latest.json"], "/r").fromJson, "/x/latest.json");
});

test("engines run without NODE_EXTRA_CA_CERTS unless --keep-env", () => {
  assert.equal(parseBenchArgs([], "/r").keepEnv, false);
  assert.equal(parseBenchArgs(["--keep-env"], "/r").keepEnv, true);
  const saved = process.env.NODE_EXTRA_CA_CERTS;
  try {
    process.env.NODE_EXTRA_CA_CERTS = "/etc/ssl/certs/ca-certificates.crt";
    assert.deepEqual(configureEngineEnv(false), ["NODE_EXTRA_CA_CERTS"]);
    assert.equal(engineEnv({ X: "1" }).NODE_EXTRA_CA_CERTS, undefined);
    assert.equal(engineEnv({ X: "1" }).X, "1");
    assert.equal(engineEnv().PATH, process.env.PATH);
    assert.deepEqual(configureEngineEnv(true), []);
    assert.equal(engineEnv().NODE_EXTRA_CA_CERTS, "/etc/ssl/certs/ca-certificates.crt");
    delete process.env.NODE_EXTRA_CA_CERTS;
    assert.deepEqual(configureEngineEnv(false), [], "nothing to remove when it is not set");
  } finally {
    if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = saved;
    configureEngineEnv(false);
  }
});

test("builds are measured after sync unless --no-settle; no sync to run is reported, not fatal", () => {
  assert.equal(parseBenchArgs([], "/r").settle, true);
  assert.equal(parseBenchArgs(["--no-settle"], "/r").settle, false);
  assert.equal(settleDisk(), true, "coreutils' sync runs here");
  const savedPath = process.env.PATH;
  try {
    process.env.PATH = "";
    assert.equal(settleDisk(), false);
  } finally {
    process.env.PATH = savedPath;
  }
});

test("an earlier run's output is moved aside, not deleted, until the trash is emptied", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-trash-"));
  try {
    const trash = new Trash(path.join(work, "trash"));
    const out = path.join(work, "out", "site");
    for (const n of [1, 2]) {
      fs.mkdirSync(path.join(out, "posts"), { recursive: true });
      fs.writeFileSync(path.join(out, "posts", "index.html"), `run ${n}`);
      trash.stash(out);
      assert.equal(fs.existsSync(out), false);
    }
    trash.stash(out); // nothing there: nothing to do
    const kept = fs.readdirSync(path.join(work, "trash")).sort();
    assert.deepEqual(kept, ["0", "1"]);
    assert.equal(fs.readFileSync(path.join(work, "trash", "1", "posts", "index.html"), "utf8"), "run 2");
    trash.empty();
    assert.equal(fs.existsSync(path.join(work, "trash")), false);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test("GNU time output: plain, non-zero exit, killed by a signal, garbage", () => {
  assert.deepEqual(parseGnuTime("1.25 0.80 0.12 145000 0\n"), { wall: 1.25, user: 0.8, sys: 0.12, maxRssKiB: 145000, exitCode: 0 });
  assert.equal(parseGnuTime("Command exited with non-zero status 3\n0.01 0.00 0.00 1032 3\n")?.exitCode, 3);
  assert.equal(parseGnuTime("Command terminated by signal 9\n0.00 0.00 0.00 1428 0\n")?.exitCode, 137);
  assert.equal(parseGnuTime("time: cannot run foo: No such file or directory\n"), null);
  assert.equal(parseGnuTime(""), null);
});

test("median, ratio and speed wording", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.equal(median([]), null);
  assert.equal(ratio(1, 0), null);
  assert.equal(ratio(6, 3), 2);
  assert.equal(fmtSpeed(1, 3), "3.00× faster");
  assert.equal(fmtSpeed(2, 1), "2.00× slower");
  assert.equal(fmtSpeed(null, 1), "–");
});

test("summary: median wall, median CPU, largest RSS, per-page cost; failures carry no figures", () => {
  const rec: BuildRecord = { site: "synthetic-100", posts: 100, engine: "build-site", samples: [sample(2, 1, 0.5, 10), sample(1, 0.4, 0.1, 30), sample(3, 2, 0.2, 20)], pages: 100 };
  const s = summarise(rec);
  assert.equal(s.wall, 2);
  assert.equal(s.cpu, 1.5);
  assert.equal(s.maxRssKiB, 30);
  assert.equal(s.perPageMs, 20);
  assert.deepEqual(s.wallRange, [1, 3]);
  const f = summarise({ ...rec, failure: "Error: boom" });
  assert.equal(f.wall, null);
  assert.equal(f.runs, 0);
});

function summary(site: string, engine: string, wall: number, pages: number, rss = 100_000): Summary {
  return summarise({ site, posts: site.startsWith("synthetic-") ? Number(site.slice(10)) : null, engine, samples: [sample(wall, wall, 0, rss)], pages });
}

test("marginal per-page cost is the slope between two sizes, start-up excluded", () => {
  assert.equal(marginalMs(summary("synthetic-100", "x", 1, 100), summary("synthetic-1000", "x", 10, 1000)), 10);
  // From the empty site (0 pages): everything above start-up, per page.
  assert.equal(marginalMs(summary("empty", "x", 0.5, 0), summary("synthetic-100", "x", 1.5, 100)), 10);
  assert.equal(marginalMs(undefined, summary("synthetic-100", "x", 1, 100)), null);
});

test("targets: met, missed and not measured, from the summaries", () => {
  const s = [
    summary("synthetic-1000", "build-site", 1.0, 1002, 120 * 1024),
    summary("synthetic-1000", "hugo", 0.5, 1002),
    summary("synthetic-10000", "build-site", 4.0, 10002, 290 * 1024),
    summary("synthetic-10000", "hugo", 10.0, 10002),
    summary("synthetic-100000", "build-site", 20.0, 100002, 1100 * 1024),
    summary("synthetic-100000", "hugo", 25.0, 100002),
    summary("homepage", "build-site", 0.25, 11),
    summary("homepage", "jekyll", 1.0, 11),
    summary("empty", "build-site", 0.3, 0),
  ];
  const edits = [{ engine: "build-site", site: "synthetic-1000", mode: "serve", editToDoneMs: [40, 45, 60], selfReportedMs: [], startupMs: 1 }];
  const t = Object.fromEntries(evaluateTargets(s, edits).map((x) => [x.name, x.status]));
  assert.equal(t["1,000 posts: at or below Hugo's wall time"], "missed");
  assert.equal(t["10,000 posts: at least 2× faster than Hugo"], "met");
  assert.equal(t["10,000 posts: peak memory under 300 MiB"], "met");
  assert.equal(t["100,000 posts: finishes, at least 1.5× faster than Hugo"], "missed");
  assert.equal(t["100,000 posts: peak memory under 1 GiB"], "missed");
  // 170 MiB over 9,000 posts, then 810 MiB over 90,000: less per post at the larger sizes.
  assert.equal(t["peak memory grows sub-linearly (less per extra post from 10,000 to 100,000 than from 1,000 to 10,000)"], "met");
  assert.equal(t["homepage, cold: at most 0.30 s"], "met");
  assert.equal(t["homepage, cold: at least 3× faster than Jekyll"], "met");
  assert.equal(t["empty site: at most 0.2 s"], "missed");
  assert.equal(t["serve: one-post edit → file on disk at 1,000 posts, at most 50 ms"], "met");
  assert.equal(t["serve: one-post edit → file on disk at 10,000 posts, at most 80 ms"], "not measured");
  const none = Object.fromEntries(evaluateTargets([]).map((x) => [x.name, x.status]));
  assert.ok(Object.values(none).every((v) => v === "not measured"));
  const failed = summarise({ site: "homepage", posts: null, engine: "build-site", samples: [], pages: null, failure: "Generating...\n  Error: tag \"seo\" not found\nNothing was written" });
  const home = evaluateTargets([failed, summary("homepage", "jekyll", 1, 11)]).find((x) => x.name.startsWith("homepage"))!;
  assert.equal(home.status, "not measured");
  assert.match(home.detail, /tag "seo" not found/);
  const big = evaluateTargets([summarise({ site: "synthetic-100000", posts: 100000, engine: "build-site", samples: [], pages: null, failure: "out of memory" })]);
  assert.equal(big.find((x) => x.name.startsWith("100,000 posts: finishes"))!.status, "missed");
});

test("README table: from the results, between its markers, capped sizes marked", () => {
  const summaries = [summary("homepage", "build-site", 0.4, 11), summary("homepage", "jekyll", 1.0, 11), summary("synthetic-10000", "build-site", 3, 10002, 280 * 1024), summary("synthetic-10000", "hugo", 6, 10002, 900 * 1024)];
  const r: BenchResults = {
    schema: 1, date: "2026-12-05T06:00:00.000Z", durationSeconds: 10, commit: "abcdef123", dirty: false,
    options: { runs: 3, sizes: [10000], engines: ["build-site", "jekyll", "hugo"], edits: 1, quick: false, caps: { jekyll: 1000 }, command: "npm run bench -- --readme" },
    machine: { cpus: 2, cpuModel: "Test CPU", memoryGiB: 4, os: "Linux", node: "v20", engines: { "build-site": "0.1.0", jekyll: "4.3.1", hugo: "v0.111.3+extended" }, gnuTime: true, loadAverageStart: [1.5, 1, 1], loadAverageEnd: [2.25, 2, 2] },
    builds: [], summaries, outputChecks: [], targets: [], notes: [],
    incremental: [{ engine: "build-site", site: "synthetic-10000", mode: "serve", editToDoneMs: [70, 90, 80], selfReportedMs: [], startupMs: 1 }],
  };
  const t = renderReadmeTable(r);
  assert.match(t, /Measured 2026-12-05 with `npm run bench -- --readme` at commit abcdef1/);
  assert.match(t, /load average 1\.50 at the start, 2\.25 at the end/);
  assert.match(t, /\| Build \| build-site \| Hugo 0\.111\.3 \| Jekyll 4\.3\.1 \|/);
  assert.match(t, /\| homepage, cold \| 0\.400 s \| – \| 1\.00 s \|/);
  assert.match(t, /\| 10,000 posts \| 3\.00 s, 280 MiB \| 6\.00 s, 900 MiB \| not run \(--cap\) \|/);
  assert.match(t, /\| serve: one post edited → on disk, 10,000 posts \| 80\.0 ms \| – \| – \|/);
  const readme = `# x\n\n${README_START}\nold\n${README_END}\n\nafter\n`;
  assert.equal(replaceReadmeTable(readme, t), `# x\n\n${t}\n\nafter\n`);
  assert.equal(replaceReadmeTable("# no markers\n", t), null);
});

test("the error line of a failed build is the one that says error", () => {
  assert.equal(firstErrorLine("Generating...\n   Error: bad   thing\n done"), "Error: bad thing");
  assert.equal(firstErrorLine("a\nlast words\n"), "last words");
});

test("markdown report has every section and the pair ratios", () => {
  const summaries = [summary("synthetic-100", "build-site", 0.5, 102), summary("synthetic-100", "jekyll", 1.0, 102), summary("synthetic-100", "hugo", 0.25, 102)];
  const r: BenchResults = {
    schema: 1, date: "2026-01-01T00:00:00.000Z", durationSeconds: 10, commit: "abc", dirty: false,
    options: { runs: 1, sizes: [100], engines: ["build-site", "jekyll", "hugo"], edits: 1, quick: false },
    machine: { cpus: 2, cpuModel: "Test CPU", memoryGiB: 4, os: "Linux", node: "v20", engines: { "build-site": "0.1.0", jekyll: "4.3.1", hugo: null }, gnuTime: true, loadAverageStart: [1, 1, 1], loadAverageEnd: [2, 2, 2] },
    builds: [], summaries, outputChecks: [{ site: "synthetic-100", files: 102, identical: 101, differing: ["index.html"], onlyInBuildSite: [], onlyInJekyll: [] }],
    incremental: [{ engine: "build-site", site: "synthetic-100", mode: "serve", editToDoneMs: [300, 100, 200], selfReportedMs: [50], startupMs: 700 }],
    targets: evaluateTargets(summaries), notes: ["a note"],
  };
  const md = renderMarkdown(r);
  for (const h of ["## Machine", "## Cold full builds", "### Pair by pair", "### Cost per page", "### Same output as Jekyll?", "## Rebuild after one edit", "## Targets (issue 17)", "## Notes"]) assert.ok(md.includes(h), h);
  assert.match(md, /\| synthetic, 100 posts \| build-site vs jekyll \| 2\.00× faster \|/);
  assert.match(md, /\| synthetic, 100 posts \| build-site vs hugo \| 2\.00× slower \|/);
  assert.match(md, /\| synthetic-100 \| 102 \| 101 \| index\.html \|/);
  assert.match(md, /\| 700 ms \| 200 ms \| 300 ms \| 50\.0 ms \| 50\.0 ms \|/, "startup, median and p95 of the edits, median and p95 reported");
  assert.match(md, /hugo not installed/);
  // A missed target sends the reader to the measured cause; none missed, no pointer.
  assert.ok(!md.includes(MISSED_TARGETS));
  const missed = renderMarkdown({ ...r, targets: [{ name: "1,000 posts: at or below Hugo's wall time", status: "missed", detail: "slower" }] });
  assert.ok(missed.includes(MISSED_TARGETS));
});

test("output trees: page count and byte-for-byte comparison", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
  try {
    const put = (p: string, s: string) => { fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true }); fs.writeFileSync(path.join(root, p), s); };
    put("a/index.html", "x"); put("a/posts/p/index.html", "same"); put("a/style.css", "c"); put("a/only-a.html", "");
    put("b/index.html", "y"); put("b/posts/p/index.html", "same"); put("b/style.css", "c"); put("b/only-b.txt", "");
    assert.equal(countPages(path.join(root, "a")), 3);
    assert.equal(countPages(path.join(root, "missing")), 0);
    const c = compareTrees(path.join(root, "a"), path.join(root, "b"));
    assert.equal(c.files, 4);
    assert.equal(c.identical, 2);
    assert.deepEqual(c.differing, ["index.html"]);
    assert.deepEqual(c.onlyInA, ["only-a.html"]);
    assert.deepEqual(c.onlyInB, ["only-b.txt"]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("each benchmark edit changes the post, differently each time", () => {
  const orig = "---\ntitle: x\n---\n\nBody.\n";
  const e1 = editedText(orig, 1);
  const e2 = editedText(orig, 2);
  assert.ok(e1.startsWith(orig));
  assert.notEqual(e1, orig);
  assert.notEqual(e1, e2);
});
