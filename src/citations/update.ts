// _data/citations.json: the last citation counts of the site's publications, written by
// `build-site citations`, read by the build as ordinary site data (site.data.citations). The build
// never fetches anything: offline it shows the counts of the last update, and a publication the
// file does not list shows no count.
//
//   {
//     "updated": "2026-12-01T00:00:00.000Z",       when a count last changed
//     "total": 123,                                   the sum of the counts below
//     "works": {
//       "arxiv:2501.17116": { "title": "…", "count": 42, "openalex": 40, "semantic_scholar": 42, "url": "https://…" }
//     }
//   }
//
// `count` is the larger of the two sources' counts (they index different citing works, and
// neither misses citations that exist). A source that fails this time keeps its last value; a
// work neither source has ever counted is left out. Keys, and the fields in each work, are
// written in a fixed order, and a run that changes no count writes the same file, so a scheduled
// job commits only real changes.
import type { Source } from "./sources.js";
import type { Work } from "./works.js";

export interface WorkCounts {
  title?: string;
  count: number;
  openalex?: number;
  semantic_scholar?: number;
  url?: string;
}

export interface CitationsFile {
  updated: string;
  total: number;
  works: Record<string, WorkCounts>;
}

export interface UpdateResult {
  file: CitationsFile;
  /** A count differs from the previous file (or there was none). */
  changed: boolean;
  lookups: number;
  failures: Array<{ key: string; source: string; error: string }>;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads a previous file's works leniently: anything malformed is as if it were not there. */
export function previousWorks(value: unknown): Record<string, Partial<WorkCounts>> {
  const works = (value as { works?: unknown } | null)?.works;
  return works && typeof works === "object" && !Array.isArray(works) ? works as Record<string, Partial<WorkCounts>> : {};
}

const count = (v: unknown): number | undefined => (Number.isInteger(v) && (v as number) >= 0 ? v as number : undefined);

export async function updateCitations(
  works: Work[],
  previous: unknown,
  sources: Source[],
  options: { now: Date; delayMs?: Record<string, number>; onLookup?: (work: Work, source: string, error?: string) => void },
): Promise<UpdateResult> {
  const before = previousWorks(previous);
  const fresh = new Map<string, Partial<WorkCounts>>();
  const failures: UpdateResult["failures"] = [];
  let lookups = 0;
  // One request at a time per source (their rate limits are per client), the sources side by side.
  await Promise.all(sources.map(async (source) => {
    const delay = options.delayMs?.[source.name] ?? 0;
    for (let i = 0; i < works.length; i++) {
      const work = works[i]!;
      if (i > 0 && delay > 0) await wait(delay);
      const r = await source.lookup(work);
      lookups++;
      options.onLookup?.(work, source.name, r.error);
      const slot = fresh.get(work.key) ?? {};
      fresh.set(work.key, slot);
      if (r.error !== undefined || r.count === undefined) {
        failures.push({ key: work.key, source: source.name, error: r.error ?? "no count" });
        continue;
      }
      slot[source.name] = r.count;
      if (r.url) slot.url = r.url;
    }
  }));

  const out: Record<string, WorkCounts> = {};
  for (const work of [...works].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const now = fresh.get(work.key) ?? {};
    const old = before[work.key] ?? {};
    const openalex = count(now.openalex) ?? count(old.openalex);
    const s2 = count(now.semantic_scholar) ?? count(old.semantic_scholar);
    const best = Math.max(openalex ?? -1, s2 ?? -1);
    if (best < 0) continue;
    // Field order as written: title, count, openalex, semantic_scholar, url.
    const title = work.title ?? (typeof old.title === "string" ? old.title : undefined);
    const entry: WorkCounts = title ? { title, count: best } : { count: best };
    if (openalex !== undefined) entry.openalex = openalex;
    if (s2 !== undefined) entry.semantic_scholar = s2;
    const url = now.url ?? (typeof old.url === "string" ? old.url : undefined);
    if (url) entry.url = url;
    out[work.key] = entry;
  }
  const total = Object.values(out).reduce((n, w) => n + w.count, 0);
  const prevUpdated = typeof (previous as { updated?: unknown } | null)?.updated === "string" ? (previous as { updated: string }).updated : undefined;
  const changed = prevUpdated === undefined || JSON.stringify(out) !== JSON.stringify(sortedWorks(before));
  return {
    file: { updated: changed || !prevUpdated ? options.now.toISOString() : prevUpdated, total, works: out },
    changed,
    lookups,
    failures,
  };
}

function sortedWorks(works: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(works).sort().map((k) => [k, works[k]]));
}

export function serialise(file: CitationsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
