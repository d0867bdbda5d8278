// Turns measured runs into the figures issue 8 asks for — medians, ratios pair by pair, per-page
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
  options: { runs: number; sizes: number[]; engines: string[]; edits: number; quick: boolean };
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
    failure: b.failure,
  };
}

const find = (s: Summary[], site: string, engine: string) => s.find((x) => x.site === site && x.engine === engine && x.wall != null);

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

export function evaluateTargets(s: Summary[]): Target[] {
  const t: Target[] = [];
  for (const n of [1000, 10000]) {
    const site = `synthetic-${n}`;
    const bs = find(s, site, "build-site");
    const hugo = find(s, site, "hugo");
    const name = `${n.toLocaleString("en")} posts at or below Hugo's wall time`;
    if (!bs || !hugo) t.push({ name, status: "not measured", detail: `needs build-site and Hugo at ${n} (--sizes …,${n})` });
    else t.push({ name, status: bs.wall! <= hugo.wall! ? "met" : "missed", detail: `build-site ${fmtSeconds(bs.wall)}, Hugo ${fmtSeconds(hugo.wall)}: build-site ${fmtSpeed(bs.wall, hugo.wall)}` });
  }
  const big = find(s, "synthetic-10000", "build-site");
  const memName = "peak memory under 1 GiB at 10,000 posts";
  if (!big || big.maxRssKiB == null) t.push({ name: memName, status: "not measured", detail: "needs --sizes …,10000 and GNU time" });
  else t.push({ name: memName, status: big.maxRssKiB < 1024 * 1024 ? "met" : "missed", detail: `${fmtMiB(big.maxRssKiB)}` });
  const mid = find(s, "synthetic-1000", "build-site");
  const scaleName = "time per page at 10,000 within 1.5× of 1,000";
  if (!mid || !big || mid.perPageMs == null || big.perPageMs == null) t.push({ name: scaleName, status: "not measured", detail: "needs sizes 1000 and 10000" });
  else {
    const r = big.perPageMs / mid.perPageMs;
    t.push({ name: scaleName, status: r <= 1.5 ? "met" : "missed", detail: `${fmtMs(mid.perPageMs)} → ${fmtMs(big.perPageMs)} per page (${r.toFixed(2)}×)` });
  }
  const hb = find(s, "homepage", "build-site");
  const hj = find(s, "homepage", "jekyll");
  const homeName = "homepage at least 20× faster than Jekyll";
  const homeFail = s.find((x) => x.site === "homepage" && x.engine === "build-site" && x.failure);
  if (homeFail) t.push({ name: homeName, status: "not measured", detail: `build-site does not build the homepage yet: ${firstErrorLine(homeFail.failure!)}` });
  else if (!hb || !hj) t.push({ name: homeName, status: "not measured", detail: "needs build-site and Jekyll on the homepage" });
  else {
    const r = ratio(hj.wall, hb.wall)!;
    t.push({ name: homeName, status: r >= 20 ? "met" : "missed", detail: `Jekyll ${fmtSeconds(hj.wall)}, build-site ${fmtSeconds(hb.wall)}: ${r.toFixed(1)}×` });
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

const siteLabel = (s: { site: string; posts: number | null }) => (s.posts != null ? `synthetic, ${s.posts.toLocaleString("en")} posts` : s.site);

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`# Benchmark results`, "");
  out.push(`Written by \`npm run bench\` (bench/run.ts) on ${r.date}; do not edit by hand. Median of ${r.options.runs} run(s) per cell; `
    + `cold builds (output and caches deleted before each run, file-system cache warm). The run took ${Math.round(r.durationSeconds)} s.`, "");
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
    if (s.failure) return [siteLabel(s), s.engine, "failed", "–", "–", "–", "–", firstErrorLine(s.failure)];
    const spread = s.wallRange && s.runs > 1 ? ` (${s.wallRange[0].toFixed(2)}–${s.wallRange[1].toFixed(2)})` : "";
    return [siteLabel(s), s.engine, `${fmtSeconds(s.wall)}${spread}`, fmtSeconds(s.cpu), fmtMiB(s.maxRssKiB), s.pages == null ? "–" : String(s.pages), fmtMs(s.perPageMs),
      s.engine === "build-site" || !bs ? "" : `build-site ${fmtSpeed(bs.wall, s.wall)}`];
  });
  out.push(table(["Site", "Engine", "Wall (min–max)", "CPU user+sys", "Peak RSS", "Pages", "Wall per page", "Ratio"], rows, ["l", "l", "r", "r", "r", "r", "r", "l"]), "");

  const pairs: [string, string][] = [["build-site", "jekyll"], ["build-site", "hugo"], ["hugo", "jekyll"]];
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
  const sizes = r.options.sizes;
  const scaleRows: string[][] = [];
  for (const e of engines) {
    const empty = find(r.summaries, "empty", e);
    for (let i = 0; i < sizes.length; i++) {
      const cur = find(r.summaries, `synthetic-${sizes[i]}`, e);
      if (!cur) continue;
      const prev = i > 0 ? find(r.summaries, `synthetic-${sizes[i - 1]}`, e) : empty;
      const from = i > 0 ? `${sizes[i - 1]!.toLocaleString("en")} → ${sizes[i]!.toLocaleString("en")}` : `empty → ${sizes[i]!.toLocaleString("en")}`;
      scaleRows.push([e, `${sizes[i]!.toLocaleString("en")}`, fmtMs(cur.perPageMs), from, fmtMs(marginalMs(prev, cur))]);
    }
  }
  if (scaleRows.length) {
    out.push(`### Cost per page`, "", "Wall per page includes start-up; the marginal cost (extra wall time per extra page between two sizes) does not.", "");
    out.push(table(["Engine", "Posts", "Wall per page", "Between", "Marginal per page"], scaleRows, ["l", "r", "r", "l", "r"]), "");
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

  out.push(`## Targets (issue 8)`, "");
  out.push(table(["Target", "Status", "Measured"], r.targets.map((t) => [t.name, t.status, t.detail]), ["l", "l", "l"]), "");
  if (r.targets.some((t) => t.status === "missed")) out.push(MISSED_TARGETS, "");
  if (r.notes.length) {
    out.push(`## Notes`, "");
    for (const n of r.notes) out.push(`- ${n}`);
    out.push("");
  }
  return out.join("\n");
}
