// README.md's speed table, taken from one benchmark run (`npm run bench -- --readme`), so that the
// figures the README claims are the ones a run measured, with the command, date and load beside
// them. The table lives between two HTML comments; everything else in the README is left alone.
import type { BenchResults, Summary } from "./report.js";
import { siteLabel } from "./report.js";
import { fmtMiB, fmtMs, fmtSeconds, median } from "./stats.js";

export const README_START = "<!-- bench:speed-table:start -->";
export const README_END = "<!-- bench:speed-table:end -->";

const ENGINE_ORDER = ["build-site", "hugo", "jekyll", "eleventy"];
const ENGINE_NAMES: Record<string, string> = { "build-site": "build-site", hugo: "Hugo", jekyll: "Jekyll", eleventy: "Eleventy" };

function cell(s: Summary | undefined, withMemory: boolean): string {
  if (!s) return "–";
  if (s.failure) return "failed";
  return withMemory && s.maxRssKiB != null ? `${fmtSeconds(s.wall)}, ${fmtMiB(s.maxRssKiB)}` : fmtSeconds(s.wall);
}

/** The table and the lines around it, from a run's results. */
export function renderReadmeTable(r: BenchResults): string {
  const engines = ENGINE_ORDER.filter((e) => r.options.engines.includes(e));
  const version = (e: string) => {
    const v = r.machine.engines[e];
    if (!v || e === "build-site") return "";
    return ` ${/\d+\.\d+(\.\d+)?/.exec(v)?.[0] ?? v}`;
  };
  const head = ["Build", ...engines.map((e) => `${ENGINE_NAMES[e]}${version(e)}`)];
  const rows: string[][] = [];
  const sites = [...new Set(r.summaries.map((s) => s.site))];
  for (const site of sites) {
    const any = r.summaries.find((s) => s.site === site)!;
    // At 100,000 posts the later ones are dated after the run's day, and not published.
    const pages = any.posts != null && any.pages != null && any.pages < any.posts ? ` (${any.pages.toLocaleString("en")} pages)` : "";
    const label = any.posts != null ? `${any.posts.toLocaleString("en")} posts${pages}` : siteLabel(any);
    rows.push([label, ...engines.map((e) => {
      const s = r.summaries.find((x) => x.site === site && x.engine === e);
      if (!s && any.posts != null && r.options.caps?.[e] != null && any.posts > r.options.caps[e]!) return "not run (--cap)";
      return cell(s, any.posts != null);
    })]);
  }
  const sizesEdited = [...new Set(r.incremental.map((w) => w.site))];
  for (const site of sizesEdited) {
    const posts = /^synthetic-(\d+)$/.exec(site)?.[1];
    const label = `serve: one post edited → on disk, ${posts ? `${Number(posts).toLocaleString("en")} posts` : site}`;
    rows.push([label, ...engines.map((e) => {
      const w = r.incremental.find((x) => x.site === site && x.engine === e);
      if (!w) return "–";
      const m = median(w.editToDoneMs);
      return m == null ? "failed" : fmtMs(m);
    })]);
  }
  const sep = head.map((_, i) => (i === 0 ? "---" : "---:"));
  const table = [head, sep, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
  const day = r.date.slice(0, 10);
  const during = r.summaries.filter((s) => s.load).map((s) => s.load!);
  const range = during.length ? `, ${Math.min(...during.map((l) => l[0])).toFixed(2)}–${Math.max(...during.map((l) => l[1])).toFixed(2)} around the builds` : "";
  const load = `${r.machine.loadAverageStart[0]?.toFixed(2)} at the start, ${r.machine.loadAverageEnd[0]?.toFixed(2)} at the end${range}`;
  const command = r.options.command ?? "npm run bench";
  return [
    README_START,
    `Measured ${day} with \`${command}\` at commit ${r.commit?.slice(0, 7) ?? "unknown"}${r.dirty ? " (with uncommitted changes)" : ""}, on ${r.machine.cpus} × ${r.machine.cpuModel} `
      + `(load average ${load}; every cell's load is in bench/RESULTS.md): median of ${r.options.runs} interleaved runs, wall time and peak memory (GNU time). `
      + `Builds are cold (no output, no cache folder) except "homepage, warm" (its cache folder from a first build); "not run (--cap)" marks sizes an engine is not asked to build in a run of reasonable length.`,
    "",
    table,
    README_END,
  ].join("\n");
}

/** `text` with the table between the markers replaced; null when the markers are missing. */
export function replaceReadmeTable(text: string, table: string): string | null {
  const a = text.indexOf(README_START);
  const b = text.indexOf(README_END);
  if (a < 0 || b < a) return null;
  return text.slice(0, a) + table + text.slice(b + README_END.length);
}
