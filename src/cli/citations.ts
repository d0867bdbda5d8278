// `build-site citations`: fetches the citation counts of the site's publications (data entries
// with `doi`/`arxiv`, and .bib entries) from OpenAlex and Semantic Scholar into
// <data_dir>/citations.json (src/citations/). Meant for a scheduled job that commits the file
// (.github/workflows/citations.yml); builds only read it. Exits 1 only when no lookup at all
// succeeded (the network is down) and leaves the file as it was then.
import fs from "node:fs";
import path from "node:path";
import { siteWorks } from "../citations/works.js";
import { openAlex, semanticScholar } from "../citations/sources.js";
import { serialise, updateCitations } from "../citations/update.js";
import { loadConfig } from "../config/load.js";
import { BuildError } from "../errors.js";
import { Reader } from "../read/reader.js";
import { Site } from "../site/site.js";
import type { ParsedArgs } from "./args.js";
import type { ConsoleLogger } from "../logger.js";

/** Semantic Scholar's shared unauthenticated pool allows about one request a second. */
function delays(): Record<string, number> {
  const set = Number(process.env.BUILD_SITE_CITATIONS_DELAY_MS);
  if (process.env.BUILD_SITE_CITATIONS_DELAY_MS && Number.isFinite(set) && set >= 0) return { openalex: set, semantic_scholar: set };
  return { openalex: 100, semantic_scholar: process.env.SEMANTIC_SCHOLAR_API_KEY ? 100 : 1100 };
}

export async function runCitations(args: ParsedArgs, logger: ConsoleLogger): Promise<number> {
  const loaded = loadConfig(args.overrides as any);
  const site = new Site(loaded.config, logger);
  new Reader(site).read();
  const dataDir = site.inSourceDir(site.config.data_dir, "_data");
  const file = path.join(dataDir, "citations.json");
  const shown = site.displayPath(file);

  let previous: unknown = null;
  if (fs.existsSync(file)) {
    try {
      previous = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      throw new BuildError(`${shown} is not valid JSON: ${(e as Error).message}`, { file: shown, hint: "Fix it or delete it; the next run writes it anew." });
    }
  }
  const works = siteWorks(site);
  logger.info("Citations:", `${works.length} publication${works.length === 1 ? "" : "s"} with a DOI or an arXiv id`);
  if (works.length === 0) {
    logger.warn("Citations:", "nothing to count: give publications a `doi` or `arxiv` field (in _data/ or a .bib file)");
    return 0;
  }
  const result = await updateCitations(works, previous, [openAlex(), semanticScholar()], {
    now: new Date(),
    delayMs: delays(),
    onLookup: (work, source, error) => logger.debug("Citations:", `${source} ${work.key}: ${error ?? "ok"}`),
  });
  for (const f of result.failures) logger.warn("Citations:", `${f.source} ${f.key}: ${f.error}`);
  if (result.failures.length === result.lookups) {
    logger.error("Citations:", `no source answered; ${shown} is unchanged`);
    return 1;
  }
  if (!result.changed && fs.existsSync(file)) {
    logger.info("Citations:", `no count changed; ${shown} is unchanged`);
    return 0;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, serialise(result.file));
  fs.renameSync(tmp, file);
  logger.info("Citations:", `${Object.keys(result.file.works).length} counted, ${result.file.total} citations in total -> ${shown}`);
  return 0;
}
