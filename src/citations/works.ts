// The publications of a site whose citations can be counted: every object in the site's data
// (_data/*.yml…) with a `doi` or an `arxiv` field, and every entry of its .bib files
// (src/read/bibliography.ts), each once, by identifier. The key a work is filed under in
// _data/citations.json is the one the homepage's pub-box include looks up: "doi:<doi in lower
// case>" when there is a DOI, else "arxiv:<id>".
import type { Site } from "../site/site.js";
import { bibliographyFiles, loadBibFile } from "../read/bibliography.js";
import { publicationData } from "../read/publication.js";

export interface Work {
  key: string;
  doi?: string;
  arxiv?: string;
  title?: string;
}

/** Bounds on the data walk: no real site comes near them. */
const MAX_DEPTH = 12;
const MAX_NODES = 100_000;

const text = (v: unknown): string | undefined =>
  (typeof v === "string" && v.trim() !== "") || typeof v === "number" ? String(v).trim() : undefined;

export function workKey(doi: string | undefined, arxiv: string | undefined): string | undefined {
  if (doi) return `doi:${doi.toLowerCase()}`;
  if (arxiv) return `arxiv:${arxiv}`;
  return undefined;
}

function workOf(obj: Record<string, unknown>): Work | undefined {
  const doi = text(obj.doi)?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, "");
  const arxiv = text(obj.arxiv)?.replace(/^arxiv:/i, "");
  const key = workKey(doi, arxiv);
  if (!key) return undefined;
  return { key, ...(doi ? { doi } : {}), ...(arxiv ? { arxiv } : {}), ...(text(obj.title) ? { title: text(obj.title) } : {}) };
}

/** The site's works, in the order they are found (data files first, then .bib files). */
export function siteWorks(site: Site): Work[] {
  const found = new Map<string, Work>();
  const add = (w: Work | undefined) => {
    if (!w) return;
    const seen = found.get(w.key);
    if (!seen) found.set(w.key, w);
    else found.set(w.key, { ...w, ...seen });
  };
  let nodes = 0;
  const walk = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const obj = v as Record<string, unknown>;
    add(workOf(obj));
    for (const [k, x] of Object.entries(obj)) if (k !== "bibliography") walk(x, depth + 1);
  };
  // _data/citations.json itself holds no doi/arxiv fields; the .bib files are read below.
  for (const [name, value] of Object.entries(site.data)) if (name !== "citations" && name !== "bibliography") walk(value, 0);
  for (const file of bibliographyFiles(site)) {
    for (const entry of loadBibFile(site, file)) add(workOf(publicationData(entry)));
  }
  return [...found.values()];
}
