// `build-site citations` against a loopback server that answers as OpenAlex and Semantic Scholar
// do (BUILD_SITE_OPENALEX_URL / BUILD_SITE_SEMANTIC_SCHOLAR_URL point at it: no test reaches the
// internet), and the homepage built with and without _data/citations.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

/** What the mock APIs know, and how they behave. */
const api = {
  openalex: new Map<string, number>(),
  s2: new Map<string, number>(),
  failS2: false,
  requests: [] as string[],
};

let server: http.Server;
let base = "";

before(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    api.requests.push(decodeURIComponent(url.pathname) + url.search);
    const reply = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const oa = /^\/openalex\/works\/doi:(.+)$/.exec(decodeURIComponent(url.pathname));
    if (oa) {
      const n = api.openalex.get(oa[1]!.toLowerCase());
      return n === undefined ? reply(404, { error: "not found" }) : reply(200, { id: "https://openalex.org/W1", cited_by_count: n });
    }
    const s2 = /^\/s2\/graph\/v1\/paper\/(.+)$/.exec(decodeURIComponent(url.pathname));
    if (s2) {
      if (api.failS2) return reply(429, { message: "Too Many Requests" });
      assert.equal(url.searchParams.get("fields"), "citationCount,url");
      const n = api.s2.get(s2[1]!);
      return n === undefined ? reply(404, { error: "Paper not found" }) : reply(200, { paperId: "p", citationCount: n, url: `https://www.semanticscholar.org/paper/${encodeURIComponent(s2[1]!)}` });
    }
    reply(400, { error: "unexpected request" });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => server?.close());

function citations(site: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, "citations", "--source", site], {
      env: { ...process.env, BUILD_SITE_OPENALEX_URL: `${base}/openalex`, BUILD_SITE_SEMANTIC_SCHOLAR_URL: `${base}/s2`, BUILD_SITE_CITATIONS_DELAY_MS: "0", SEMANTIC_SCHOLAR_API_KEY: "", ...env },
    }, (error, stdout, stderr) => resolve({ code: error ? (error as any).code ?? 1 : 0, out: stdout, err: stderr }));
  });
}

function makeSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "citations-"));
  fs.writeFileSync(path.join(dir, "_config.yml"), "title: t\n");
  fs.mkdirSync(path.join(dir, "_data"));
  fs.writeFileSync(path.join(dir, "_data", "publications.yml"), [
    "papers:",
    "  - title: Paper A", "    arxiv: \"2501.17116\"",
    "  - title: Paper B", "    arxiv: \"2510.08008\"",
    "  - title: No identifier",
    "reports:",
    "  - title: Journal paper", "    doi: https://doi.org/10.1234/ABC.5",
    "",
  ].join("\n"));
  fs.mkdirSync(path.join(dir, "_bibliography"));
  fs.writeFileSync(path.join(dir, "_bibliography", "papers.bib"),
    "@article{c, title={From BibTeX}, doi={10.5555/xyz}, year=2024}\n@misc{a, title={Paper A again}, eprint={2501.17116}, archiveprefix={arXiv}}\n");
  return dir;
}

test("citations: counts from both APIs into _data/citations.json, the larger one shown, a failed source keeps its last counts", async () => {
  const site = makeSite();
  const json = path.join(site, "_data", "citations.json");
  try {
    api.openalex = new Map([["10.48550/arxiv.2501.17116", 40], ["10.48550/arxiv.2510.08008", 3], ["10.1234/abc.5", 7]]);
    api.s2 = new Map([["arXiv:2501.17116", 42], ["arXiv:2510.08008", 2], ["DOI:10.1234/ABC.5", 6], ["DOI:10.5555/xyz", 1]]);
    api.failS2 = false;
    api.requests = [];
    let r = await citations(site);
    assert.equal(r.code, 0, r.err);
    const first = JSON.parse(fs.readFileSync(json, "utf8"));
    assert.match(first.updated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(first.works, {
      "arxiv:2501.17116": { title: "Paper A", count: 42, openalex: 40, semantic_scholar: 42, url: "https://www.semanticscholar.org/paper/arXiv%3A2501.17116" },
      "arxiv:2510.08008": { title: "Paper B", count: 3, openalex: 3, semantic_scholar: 2, url: "https://www.semanticscholar.org/paper/arXiv%3A2510.08008" },
      "doi:10.1234/abc.5": { title: "Journal paper", count: 7, openalex: 7, semantic_scholar: 6, url: "https://www.semanticscholar.org/paper/DOI%3A10.1234%2FABC.5" },
      "doi:10.5555/xyz": { title: "From BibTeX", count: 1, semantic_scholar: 1, url: "https://www.semanticscholar.org/paper/DOI%3A10.5555%2Fxyz" },
    });
    assert.equal(first.total, 42 + 3 + 7 + 1);
    assert.ok(api.requests.includes("/openalex/works/doi:10.48550/arXiv.2501.17116?select=id,cited_by_count"), api.requests.join("\n"));
    assert.ok(api.requests.includes("/s2/graph/v1/paper/DOI:10.1234/ABC.5?fields=citationCount,url"), api.requests.join("\n"));
    assert.equal(api.requests.length, 8, "four works, once per API (Paper A from the .bib is the same work)");
    assert.match(r.err, /openalex doi:10\.5555\/xyz: 404/);

    // Semantic Scholar rate-limits us; OpenAlex has a new count for Paper B.
    api.failS2 = true;
    api.openalex.set("10.48550/arxiv.2510.08008", 5);
    r = await citations(site);
    assert.equal(r.code, 0, r.err);
    const second = JSON.parse(fs.readFileSync(json, "utf8"));
    assert.deepEqual(second.works["arxiv:2510.08008"], { title: "Paper B", count: 5, openalex: 5, semantic_scholar: 2, url: "https://www.semanticscholar.org/paper/arXiv%3A2510.08008" });
    assert.deepEqual(second.works["arxiv:2501.17116"], first.works["arxiv:2501.17116"], "the last Semantic Scholar count is kept");
    assert.equal(second.total, 42 + 5 + 7 + 1);
    assert.ok(second.updated >= first.updated);

    // Nothing changed: the file is left byte for byte (a scheduled job has nothing to commit).
    const before = fs.readFileSync(json, "utf8");
    r = await citations(site);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /no count changed/);
    assert.equal(fs.readFileSync(json, "utf8"), before);

    // No network at all: exit 1, the file as it was.
    r = await citations(site, { BUILD_SITE_OPENALEX_URL: "http://127.0.0.1:9", BUILD_SITE_SEMANTIC_SCHOLAR_URL: "http://127.0.0.1:9" });
    assert.equal(r.code, 1);
    assert.match(r.err, /no source answered/);
    assert.equal(fs.readFileSync(json, "utf8"), before);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
});

const oracle = (await import(pathToFileURL(path.join(ROOT, "scripts", "site-oracle.mjs")).href)) as {
  prepareHomepage(work: string): { siteDir: string; configs: string[] };
};

function buildHomepage(siteDir: string, dest: string): Promise<{ code: number; err: string }> {
  return new Promise((resolve) => {
    // No network is needed: point the APIs nowhere, to be sure nothing is fetched.
    execFile(process.execPath, [CLI, "build", "--source", siteDir, "--destination", dest], {
      env: { ...process.env, BUILD_SITE_OPENALEX_URL: "http://127.0.0.1:9", BUILD_SITE_SEMANTIC_SCHOLAR_URL: "http://127.0.0.1:9", JEKYLL_ENV: "production" },
    }, (error, _out, stderr) => resolve({ code: error ? (error as any).code ?? 1 : 0, err: stderr }));
  });
}

test("the homepage builds offline without _data/citations.json (no counts shown), and shows the counts the file has", async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "citations-home-"));
  try {
    const { siteDir } = oracle.prepareHomepage(work);
    fs.rmSync(path.join(siteDir, "_data", "citations.json"), { force: true });
    let r = await buildHomepage(siteDir, path.join(work, "a"));
    assert.equal(r.code, 0, r.err);
    let html = fs.readFileSync(path.join(work, "a", "index.html"), "utf8");
    assert.doesNotMatch(html, /badge--citations/);
    assert.equal((html.match(/class="badge badge--arxiv"/g) ?? []).length, 6, "every publication keeps its arXiv badge");

    fs.writeFileSync(path.join(siteDir, "_data", "citations.json"), JSON.stringify({
      updated: "2026-11-30T12:00:00.000Z", total: 57,
      works: { "arxiv:2501.17116": { title: "FP4", count: 57, openalex: 50, semantic_scholar: 57, url: "https://www.semanticscholar.org/paper/x" } },
    }));
    r = await buildHomepage(siteDir, path.join(work, "b"));
    assert.equal(r.code, 0, r.err);
    html = fs.readFileSync(path.join(work, "b", "index.html"), "utf8");
    const counts = [...html.matchAll(/class="badge badge--citations" href="([^"]*)"[^>]*>.*?<span class="badge-value">(\d+)<\/span>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(counts, [
      ["https://scholar.google.com/citations?user=gu_oKFIAAAAJ", "57"],
      ["https://www.semanticscholar.org/paper/x", "57"],
    ], "the intro's total and the one publication the file lists; the others show no count");
    assert.match(html, /title="Citations of the publications below \(OpenAlex, Semantic Scholar\), as of 2026-11-30"/);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
