// Unit tests of the benchmark's pure parts: flags, GNU time parsing, medians and ratios, the
// report's figures and targets, output comparison. Nothing here times anything.
// Run: node --test dist/bench/test/
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { parseBenchArgs } from "../lib/args.js";
import { parseGnuTime, type Sample } from "../lib/measure.js";
import { MISSED_TARGETS, evaluateTargets, firstErrorLine, marginalMs, renderMarkdown, summarise, type BenchResults, type BuildRecord, type Summary } from "../lib/report.js";
import { compareTrees, countPages } from "../lib/sites.js";
import { fmtSpeed, median, ratio } from "../lib/stats.js";
import { editedText } from "../lib/watch.js";

const sample = (wall: number, user = wall / 2, sys = 0.1, rss = 100_000): Sample => ({ wall, user, sys, maxRssKiB: rss, exitCode: 0, tail: "" });

test("flags: defaults, --quick, explicit flags win over --quick", () => {
  const d = parseBenchArgs([], "/repo");
  assert.equal(d.runs, 3);
  assert.deepEqual(d.sizes, [100, 1000]);
  assert.equal(d.resultsDir, path.join("/repo", "bench", "results"));
  const q = parseBenchArgs(["--quick"], "/repo");
  assert.deepEqual([q.runs, q.sizes, q.edits, q.resultsDir], [1, [100], 1, null]);
  const q2 = parseBenchArgs(["--sizes=10000,100,100", "--quick", "--runs", "2"], "/repo");
  assert.deepEqual([q2.runs, q2.sizes], [2, [100, 10000]]);
  assert.deepEqual(parseBenchArgs(["--engines", "hugo,jekyll"], "/r").engines, ["hugo", "jekyll"]);
  assert.throws(() => parseBenchArgs(["--engines", "eleventy"], "/r"), /unknown engine/);
  assert.throws(() => parseBenchArgs(["--runs", "0"], "/r"), /positive whole number/);
  assert.throws(() => parseBenchArgs(["--runs"], "/r"), /needs a value/);
  assert.throws(() => parseBenchArgs(["--fast"], "/r"), /unknown flag/);
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
    summary("synthetic-1000", "build-site", 1.0, 1002),
    summary("synthetic-1000", "hugo", 0.5, 1002),
    summary("synthetic-10000", "build-site", 9.0, 10002, 900 * 1024),
    summary("synthetic-10000", "hugo", 10.0, 10002),
    summary("homepage", "build-site", 0.1, 11),
    summary("homepage", "jekyll", 1.0, 11),
  ];
  const t = Object.fromEntries(evaluateTargets(s).map((x) => [x.name, x.status]));
  assert.equal(t["1,000 posts at or below Hugo's wall time"], "missed");
  assert.equal(t["10,000 posts at or below Hugo's wall time"], "met");
  assert.equal(t["peak memory under 1 GiB at 10,000 posts"], "met");
  assert.equal(t["time per page at 10,000 within 1.5× of 1,000"], "met");
  assert.equal(t["homepage at least 20× faster than Jekyll"], "missed");
  const none = Object.fromEntries(evaluateTargets([]).map((x) => [x.name, x.status]));
  assert.ok(Object.values(none).every((v) => v === "not measured"));
  const failed = summarise({ site: "homepage", posts: null, engine: "build-site", samples: [], pages: null, failure: "Generating...\n  Error: tag \"seo\" not found\nNothing was written" });
  const home = evaluateTargets([failed, summary("homepage", "jekyll", 1, 11)]).find((x) => x.name.startsWith("homepage"))!;
  assert.equal(home.status, "not measured");
  assert.match(home.detail, /tag "seo" not found/);
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
  for (const h of ["## Machine", "## Cold full builds", "### Pair by pair", "### Cost per page", "### Same output as Jekyll?", "## Rebuild after one edit", "## Targets (issue 8)", "## Notes"]) assert.ok(md.includes(h), h);
  assert.match(md, /\| synthetic, 100 posts \| build-site vs jekyll \| 2\.00× faster \|/);
  assert.match(md, /\| synthetic, 100 posts \| build-site vs hugo \| 2\.00× slower \|/);
  assert.match(md, /\| synthetic-100 \| 102 \| 101 \| index\.html \|/);
  assert.match(md, /\| 700 ms \| 200 ms \| 300 ms \| 50\.0 ms \| 50\.0 ms \|/, "startup, median and p95 of the edits, median and p95 reported");
  assert.match(md, /hugo not installed/);
  // A missed target sends the reader to the measured cause; none missed, no pointer.
  assert.ok(!md.includes(MISSED_TARGETS));
  const missed = renderMarkdown({ ...r, targets: [{ name: "1,000 posts at or below Hugo's wall time", status: "missed", detail: "slower" }] });
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
