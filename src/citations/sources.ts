// Citation counts from two open scholarly APIs, by DOI or arXiv id:
// - OpenAlex: GET /works/doi:<doi> → `cited_by_count` (an arXiv paper by its DataCite DOI,
//   10.48550/arXiv.<id>);
// - Semantic Scholar: GET /graph/v1/paper/DOI:<doi> or /graph/v1/paper/arXiv:<id>
//   ?fields=citationCount,url → `citationCount` and the paper's page.
// Base URLs come from BUILD_SITE_OPENALEX_URL and BUILD_SITE_SEMANTIC_SCHOLAR_URL (tests point
// them at a loopback server); SEMANTIC_SCHOLAR_API_KEY is sent when set, OPENALEX_MAILTO joins
// OpenAlex's polite pool. A lookup that fails (network, timeout, 404, 429, bad JSON) gives an
// error message, never an exception: the caller keeps the previous count.
import type { Work } from "./works.js";

export interface Lookup { count?: number; url?: string; error?: string }

export interface Source {
  /** Key under each work in citations.json. */
  readonly name: "openalex" | "semantic_scholar";
  lookup(work: Work): Promise<Lookup>;
}

const TIMEOUT_MS = 20_000;

async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ json?: any; error?: string }> {
  try {
    const res = await fetch(url, { headers: { accept: "application/json", "user-agent": "build-site citations", ...headers }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) return { error: `${res.status} ${res.statusText}`.trim() };
    return { json: await res.json() };
  } catch (e) {
    return { error: (e as Error).name === "TimeoutError" ? "timed out" : ((e as Error).cause as Error)?.message ?? (e as Error).message };
  }
}

const base = (env: string, fallback: string) => (process.env[env] || fallback).replace(/\/+$/, "");
/** An identifier in a URL path: escaped, but `/` and `:` kept as both APIs document them. */
const pathPart = (id: string) => encodeURIComponent(id).replace(/%2F/gi, "/").replace(/%3A/gi, ":");

export function openAlex(): Source {
  const root = base("BUILD_SITE_OPENALEX_URL", "https://api.openalex.org");
  const mailto = process.env.OPENALEX_MAILTO;
  return {
    name: "openalex",
    async lookup(work) {
      const doi = work.doi ?? (work.arxiv ? `10.48550/arXiv.${work.arxiv}` : undefined);
      if (!doi) return { error: "no DOI or arXiv id" };
      const url = `${root}/works/doi:${pathPart(doi)}?select=id,cited_by_count${mailto ? `&mailto=${encodeURIComponent(mailto)}` : ""}`;
      const { json, error } = await getJson(url);
      if (error) return { error };
      const count = json?.cited_by_count;
      return Number.isInteger(count) && count >= 0 ? { count } : { error: "no cited_by_count in the answer" };
    },
  };
}

export function semanticScholar(): Source {
  const root = base("BUILD_SITE_SEMANTIC_SCHOLAR_URL", "https://api.semanticscholar.org");
  const key = process.env.SEMANTIC_SCHOLAR_API_KEY;
  return {
    name: "semantic_scholar",
    async lookup(work) {
      const id = work.doi ? `DOI:${work.doi}` : work.arxiv ? `arXiv:${work.arxiv}` : undefined;
      if (!id) return { error: "no DOI or arXiv id" };
      const { json, error } = await getJson(`${root}/graph/v1/paper/${pathPart(id)}?fields=citationCount,url`, key ? { "x-api-key": key } : {});
      if (error) return { error };
      const count = json?.citationCount;
      if (!(Number.isInteger(count) && count >= 0)) return { error: "no citationCount in the answer" };
      return typeof json.url === "string" && /^https:\/\//.test(json.url) ? { count, url: json.url } : { count };
    },
  };
}
