// Turns measured runs into the figures issues 8 and 17 ask for — medians, ratios pair by pair, per-page
// and marginal per-page cost, the targets — and writes them as a markdown report. Pure functions
// over the results object, so they can be tested without running anything.
import type { Sample } from "./measure.js";
import { fmtMiB, fmtMs, fmtSeconds, fmtSpeed, median, range, ratio, percentile } from "./stats.js";
import type { WatchResult } from "./watch.js";

export interface BuildRecord {
  site: string;
  posts: number | null;
  engine: string;
  samples: Sample[];
  /** HTML files in the output of the last run. */
  pages: number | null;
  /** Set when a run failed: the tail of its output. */
  failure?: string;
}

export interface Summary {
  site: string;
  posts: number | null;
  engine: string;
  runs: number;
  wall: number | null;
  wallRange: [number, number] | null;
  cpu: number | null;
  maxRssKiB: number | null;
  pages: number | null;
  /** Milliseconds of wall time per page written. */
  perPageMs: number | null;
  /** Lowest 1-minute load average before a run and highest after one, over the cell's runs. */
  load: [number, number] | null;
  failure?: string;
}

export interface OutputCheck {
  site: string;
  files: number;
  identical: number;
  differing: string[];
  onlyInBuildSite: string[];
  onlyInJekyll: string[];
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  engines: Record<string, string | null>;
  gnuTime: boolean;
  loadAverageStart: number[];
  loadAverageEnd: number[];
}

export interface Target {
  name: string;
  status: "met" | "missed" | "not measured";
  detail: string;
}

export interface BenchResults {
  schema: 1;
  date: string;
  durationSeconds: number;
  commit: string | null;
  /** True when the measured code had uncommitted changes. */
  dirty: boolean;
  options: { runs: number; sizes: number[]; engines: string[]; edits: number; quick: boolean; caps?: Record<string, number>; editSizes?: number[]; command?: string };
  machine: Machine;
  builds: BuildRecord[];
  summaries: Summary[];
  outputChecks: OutputCheck[];
  incremental: WatchResult[];
  targets: Target[];
  notes: string[];
}

export function summarise(b: BuildRecord): Summary {
  const ok = b.failure ? [] : b.samples;
  const wall = median(ok.map((s) => s.wall));
  const cpus = ok.filter((s) => s.user != null && s.sys != null).map((s) => s.user! + s.sys!);
  const rss = ok.filter((s) => s.maxRssKiB != null).map((s) => s.maxRssKiB!);
  return {
    site: b.site,
    posts: b.posts,
    engine: b.engine,
    runs: ok.length,
    wall,
    wallRange: range(ok.map((s) => s.wall)),
    cpu: median(cpus),
    maxRssKiB: rss.length ? Math.max(...rss) : null,
    pages: b.pages,
    perPageMs: wall != null && b.pages ? (wall * 1000) / b.pages : null,
    load: loadRange(ok),
    failure: b.failure,
  };
}

function loadRange(samples: Sample[]): [number, number] | null {
  const l = samples.filter((s) => s.load).map((s) => s.load!);
  return l.length ? [Math.min(...l.map((x) => x[0])), Math.max(...l.map((x) => x[1]))] : null;
}

export const find = (s: Summary[], site: string, engine: string) => s.find((x) => x.site === site && x.engine === engine && x.wall != null);

/**
 * Marginal cost of one more page between two sizes: the slope of wall time against pages. Unlike
 * wall / pages it leaves start-up out, so it shows whether the per-page work itself grows.
 */
export function marginalMs(small: Summary | undefined, large: Summary | undefined): number | null {
  if (!small || !large || small.wall == null || large.wall == null || small.pages == null || !large.pages || large.pages === small.pages) return null;
  return ((large.wall - small.wall) * 1000) / (large.pages - small.pages);
}

/** Under the targets table when one is missed: the cause is measured by hand, in PROFILE.md. */
export const MISSED_TARGETS = "Where a target is missed, [PROFILE.md](PROFILE.md#the-gap-that-is-left-and-its-cause) states the gap, its measured cause and what could close it.";

/**
 * Issue 17's targets. Speed targets are ratios from one interleaved run; absolute ones (the
 * homepage in 0.30 s, the empty site in 0.2 s, serve's edits) are medians of this run, so they
 * depend on the load the report records.
 */
export function evaluateTargets(s: Summary[], incremental: WatchResult[] = []): Target[] {
  const t: Target[] = [];
  const vsHugo = (n: number, factor: number, name: string) => {
    const site = `synthetic-${n}`;
    const bs = find(s, site, "build-site");
    const hugo = find(s, site, "hugo");
    const failed = s.find((x) => x.site === site && x.engine === "build-site" && x.failure);
    if (failed) t.push({ name, status: "missed", detail: `build-site failed: ${firstErrorLine(failed.failure!)}` });
    else if (!bs || !hugo) t.push({ name, status: "not measured", detail: `needs build-site and Hugo at ${n.toLocaleString("en")} posts (--sizes …,${n}${n === 100000 ? " or --huge" : ""})` });
    else {
      const r = hugo.wall! / bs.wall!;
      t.push({ name, status: r >= factor ? "met" : "missed", detail: `build-site ${fmtSeconds(bs.wall)}, Hugo ${fmtSeconds(hugo.wall)}: build-site ${fmtSpeed(bs.wall, hugo.wall)}` });
    }
  };
  const memory = (n: number, limitMiB: number, name: string) => {
    const bs = find(s, `synthetic-${n}`, "build-site");
    if (!bs || bs.maxRssKiB == null) t.push({ name, status: "not measured", detail: `needs ${n.toLocaleString("en")} posts and GNU time` });
    else t.push({ name, status: bs.maxRssKiB < limitMiB * 1024 ? "met" : "missed", detail: fmtMiB(bs.maxRssKiB) });
  };
  vsHugo(1000, 1, "1,000 posts: at or below Hugo's wall time");
  vsHugo(10000, 2, "10,000 posts: at least 2× faster than Hugo");
  memory(10000, 300, "10,000 posts: peak memory under 300 MiB");
  vsHugo(100000, 1.5, "100,000 posts: finishes, at least 1.5× faster than Hugo");
  memory(100000, 1024, "100,000 posts: peak memory under 1 GiB");

  // Sub-linear: each extra post costs less memory at the larger sizes than at the smaller ones.
  const growth = "peak memory grows sub-linearly (less per extra post from 10,000 to 100,000 than from 1,000 to 10,000)";
  const [m1, m2, m3] = [1000, 10000, 100000].map((n) => find(s, `synthetic-${n}`, "build-site")?.maxRssKiB ?? null);
  if (m1 == null || m2 == null || m3 == null) t.push({ name: growth, status: "not measured", detail: "needs sizes 1,000, 10,000 and 100,000 (--huge)" });
  else {
    const low = (m2 - m1) / 9000;
    const high = (m3 - m2) / 90000;
    t.push({ name: growth, status: high < low ? "met" : "missed", detail: `${low.toFixed(1)} KiB per post from 1,000 to 10,000, ${high.toFixed(1)} KiB from 10,000 to 100,000` });
  }

  const hb = find(s, "homepage", "build-site");
  const hj = find(s, "homepage", "jekyll");
  const homeFail = s.find((x) => x.site === "homepage" && x.engine === "build-site" && x.failure);
  const homeAbs = "homepage, cold: at most 0.30 s";
  const homeRel = "homepage, cold: at least 3× faster than Jekyll";
  if (homeFail) {
    for (const name of [homeAbs, homeRel]) t.push({ name, status: "not measured", detail: `build-site does not build the homepage: ${firstErrorLine(homeFail.failure!)}` });
  } else {
    if (!hb) t.push({ name: homeAbs, status: "not measured", detail: "needs the homepage (drop --no-homepage)" });
    else t.push({ name: homeAbs, status: hb.wall! <= 0.3 ? "met" : "missed", detail: fmtSeconds(hb.wall) });
    if (!hb || !hj) t.push({ name: homeRel, status: "not measured", detail: "needs build-site and Jekyll on the homepage" });
    else {
      const r = ratio(hj.wall, hb.wall)!;
      t.push({ name: homeRel, status: r >= 3 ? "met" : "missed", detail: `Jekyll ${fmtSeconds(hj.wall)}, build-site ${fmtSeconds(hb.wall)}: ${r.toFixed(2)}×` });
    }
  }
  const empty = find(s, "empty", "build-site");
  const emptyName = "empty site: at most 0.2 s";
  if (!empty) t.push({ name: emptyName, status: "not measured", detail: "needs the empty site (drop --no-empty)" });
  else t.push({ name: emptyName, status: empty.wall! <= 0.2 ? "met" : "missed", detail: fmtSeconds(empty.wall) });

  for (const [n, limit] of [[1000, 50], [10000, 80]] as const) {
    const name = `serve: one-post edit → file on disk at ${n.toLocaleString("en")} posts, at most ${limit} ms`;
    const w = incremental.find((x) => x.site === `synthetic-${n}` && x.engine === "build-site");
    const m = w ? median(w.editToDoneMs) : null;
    if (m == null) t.push({ name, status: "not measured", detail: w?.error ? `failed: ${firstErrorLine(w.error)}` : `needs --edit-sizes …,${n} with size ${n}` });
    else t.push({ name, status: m <= limit ? "met" : "missed", detail: `median ${fmtMs(m)} (edit → "done" line)` });
  }
  return t;
}

/** The line of a failed build's output that says what went wrong. */
export function firstErrorLine(tail: string): string {
  const lines = tail.split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /error|exception/i.test(l)) ?? lines[lines.length - 1] ?? "unknown failure").replace(/\s+/g, " ");
}

function table(head: string[], rows: string[][], align: ("l" | "r")[]): string {
  const sep = align.map((a) => (a === "r" ? "---:" : "---"));
  return [head, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

export const siteLabel = (s: { site: string; posts: number | null }) =>
  s.posts != null ? `synthetic, ${s.posts.toLocaleString("en")} posts` : s.site === "homepage" ? "homepage, cold" : s.site === "homepage-warm" ? "homepage, warm" : s.site;

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`# Benchmark results`, "");
  out.push(`Written by \`${r.options.command ?? "npm run bench"}\` (bench/run.ts) on ${r.date}; do not edit by hand. Median of ${r.options.runs} run(s) per cell, the engines interleaved; `
    + `cold builds (output and caches deleted before each run, file-system cache warm) except "homepage, warm". The run took ${Math.round(r.durationSeconds)} s.`, "");
  out.push(`## Machine`, "");
  out.push(`- ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB.toFixed(1)} GiB memory, ${m.os}`);
  out.push(`- Node ${m.node}; ${Object.entries(m.engines).map(([k, v]) => `${k} ${v ?? "not installed"}`).join("; ")}`);
  out.push(`- build-site at ${r.commit ?? "unknown commit"}${r.dirty ? " plus uncommitted changes in the working tree" : ""}`);
  out.push(`- load average (1 min) ${m.loadAverageStart[0]?.toFixed(2)} at the start, ${m.loadAverageEnd[0]?.toFixed(2)} at the end — the machine is shared, so absolute times are noisy; the engines run interleaved, so the ratios are fairer than the times`);
  if (!m.gnuTime) out.push(`- GNU time was missing (apt-get install -y time): no CPU or memory figures`);
  out.push("");

  out.push(`## Cold full builds`, "");
  const rows = r.summaries.map((s) => {
    const bs = find(r.summaries, s.site, "build-site");
    if (s.failure) return [siteLabel(s), s.engine, "failed", "–", "–", "–", "–", "–", firstErrorLine(s.failure)];
    const spread = s.wallRange && s.runs > 1 ? ` (${s.wallRange[0].toFixed(2)}–${s.wallRange[1].toFixed(2)})` : "";
    return [siteLabel(s), s.engine, `${fmtSeconds(s.wall)}${spread}`, fmtSeconds(s.cpu), fmtMiB(s.maxRssKiB), s.pages == null ? "–" : String(s.pages), fmtMs(s.perPageMs),
      s.load ? `${s.load[0].toFixed(2)}–${s.load[1].toFixed(2)}` : "–",
      s.engine === "build-site" || !bs ? "" : `build-site ${fmtSpeed(bs.wall, s.wall)}`];
  });
  out.push("Load: the 1-minute load average, lowest before and highest after the cell's runs.", "");
  out.push(table(["Site", "Engine", "Wall (min–max)", "CPU user+sys", "Peak RSS", "Pages", "Wall per page", "Load", "Ratio"], rows, ["l", "l", "r", "r", "r", "r", "r", "r", "l"]), "");

  const pairs: [string, string][] = [["build-site", "jekyll"], ["build-site", "hugo"], ["build-site", "eleventy"], ["hugo", "jekyll"]];
  const sites = [...new Set(r.summaries.map((s) => s.site))];
  const pairRows: string[][] = [];
  for (const site of sites) {
    for (const [a, b] of pairs) {
      const sa = find(r.summaries, site, a);
      const sb = find(r.summaries, site, b);
      if (!sa || !sb) continue;
      pairRows.push([siteLabel(sa), `${a} vs ${b}`, fmtSpeed(sa.wall, sb.wall), fmtSpeed(sa.cpu, sb.cpu), sa.maxRssKiB && sb.maxRssKiB ? `${(sa.maxRssKiB / sb.maxRssKiB).toFixed(2)}×` : "–"]);
    }
  }
  if (pairRows.length) {
    out.push(`### Pair by pair`, "", "Wall and CPU: how much faster the first engine is. Memory: the first engine's peak RSS over the second's.", "");
    out.push(table(["Site", "Pair", "Wall", "CPU", "Peak RSS ratio"], pairRows, ["l", "l", "r", "r", "r"]), "");
  }

  const engines = [...new Set(r.summaries.map((s) => s.engine))];
  const scaleRows: string[][] = [];
  for (const e of engines) {
    // The sizes this engine built (a --cap may leave the larger ones out).
    const built = r.options.sizes.map((n) => find(r.summaries, `synthetic-${n}`, e)).filter((x): x is Summary => !!x);
    let prev: Summary | undefined = find(r.summaries, "empty", e);
    for (const cur of built) {
      const from = `${prev?.posts != null ? prev.posts.toLocaleString("en") : "empty"} → ${cur.posts!.toLocaleString("en")}`;
      const memPerPost = prev?.maxRssKiB != null && cur.maxRssKiB != null && prev.posts != null ? `${((cur.maxRssKiB - prev.maxRssKiB) / (cur.posts! - prev.posts)).toFixed(1)} KiB` : "–";
      scaleRows.push([e, cur.posts!.toLocaleString("en"), fmtMs(cur.perPageMs), from, prev ? fmtMs(marginalMs(prev, cur)) : "–", fmtMiB(cur.maxRssKiB), memPerPost]);
      prev = cur;
    }
  }
  if (scaleRows.length) {
    out.push(`### Cost per page`, "", "Wall per page includes start-up; the marginal cost (extra wall time per extra page between two sizes) does not. Memory likewise: the extra peak RSS per extra post between two sizes.", "");
    out.push(table(["Engine", "Posts", "Wall per page", "Between", "Marginal per page", "Peak RSS", "Marginal memory per post"], scaleRows, ["l", "r", "r", "l", "r", "r", "r"]), "");
  }

  if (r.outputChecks.length) {
    out.push(`### Same output as Jekyll?`, "", "build-site's output of the last run compared byte for byte with Jekyll's.", "");
    out.push(table(["Site", "Files", "Identical", "Differing (first 3)", "Missing / extra"],
      r.outputChecks.map((c) => [c.site, String(c.files), String(c.identical), c.differing.slice(0, 3).join(", ") || "–",
        `${c.onlyInJekyll.length} / ${c.onlyInBuildSite.length}`]), ["l", "r", "r", "l", "r"]), "");
  }

  out.push(`## Rebuild after one edit`, "");
  if (!r.incremental.length) out.push("Not measured in this run (--no-incremental or --quick without it).", "");
  else {
    out.push(`Each engine in its watch mode; one file is changed ${r.options.edits} time(s), 1 s apart: a post ("post"), or on the synthetic blogs the include every page uses ("include"). "Edit → done" is what the author waits for, including the watcher's delay before the rebuild starts; "reported" is the engine's own figure for the rebuild.`, "");
    out.push(table(["Site", "Edit", "Engine", "Mode", "First build + watch", "Edit → done (median)", "Edit → done (p95)", "Reported (median)", "Reported (p95)"],
      r.incremental.map((w) => w.error && !w.editToDoneMs.length
        ? [w.site, w.edit ?? "post", w.engine, w.mode, "failed", firstErrorLine(w.error), "", "", ""]
        : [w.site, w.edit ?? "post", w.engine, w.mode, fmtMs(w.startupMs), fmtMs(median(w.editToDoneMs)), fmtMs(percentile(w.editToDoneMs, 0.95)),
          fmtMs(median(w.selfReportedMs)), fmtMs(percentile(w.selfReportedMs, 0.95))]),
      ["l", "l", "l", "l", "r", "r", "r", "r", "r"]), "");
  }

  out.push(`## Targets (issue 17)`, "");
  out.push(table(["Target", "Status", "Measured"], r.targets.map((t) => [t.name, t.status, t.detail]), ["l", "l", "l"]), "");
  if (r.targets.some((t) => t.status === "missed")) out.push(MISSED_TARGETS, "");
  if (r.notes.length) {
    out.push(`## Notes`, "");
    for (const n of r.notes) out.push(`- ${n}`);
    out.push("");
  }
  return out.join("\n");
}
