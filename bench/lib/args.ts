// Command-line flags of `npm run bench` (node dist/bench/run.js). Hand-parsed: a handful of flags,
// and a clear error for a typo is worth more than a dependency.
import os from "node:os";
import path from "node:path";

export const ENGINE_IDS = ["build-site", "jekyll", "hugo", "eleventy"] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

export interface BenchOptions {
  /** Repetitions per (site, engine); the median is reported. */
  runs: number;
  /** Synthetic blog sizes (number of posts). */
  sizes: number[];
  engines: EngineId[];
  /**
   * The largest synthetic site each engine builds (cold and in watch mode): Jekyll takes ~6 min
   * per build at 10,000 posts and Eleventy minutes at 100,000, so a full run stays feasible.
   */
  caps: Partial<Record<EngineId, number>>;
  /** Sizes whose rebuild after one edit is measured (with the homepage's). */
  editSizes: number[];
  /** Also rewrite the speed table in README.md from this run. */
  readme: boolean;
  /** Measure nothing: write the report (and with --readme the table) again from this saved run. */
  fromJson: string | null;
  /** May install Eleventy (npm, into the scratch folder) when it is not there yet. */
  installEleventy: boolean;
  /** Build the repository's own homepage too. */
  homepage: boolean;
  /** Measure start-up on an empty site. */
  empty: boolean;
  /** Measure the rebuild after one edit in watch mode. */
  incremental: boolean;
  /** Edits per engine and site in the incremental measurement. */
  edits: number;
  /** Where synthetic sites and outputs go (outside the repository). */
  workDir: string;
  /** Where latest.json, the dated copy and RESULTS.md go; null: print only. */
  resultsDir: string | null;
  quick: boolean;
  /** Run the engines with the environment as it is, NODE_EXTRA_CA_CERTS included (measure.ts). */
  keepEnv: boolean;
  /** Flush dirty pages to disk before each measured build (measure.ts, settleDisk). */
  settle: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [flags]    (or: node dist/bench/run.js [flags])

  --runs N           repetitions per site and engine, median reported (default 3)
  --sizes A,B,...    synthetic blog sizes in posts (default 100,1000,10000)
  --huge             add 100,000 posts to the sizes (≈1.2 GB of sources in the scratch folder)
  --engines A,B,...  any of build-site,jekyll,hugo,eleventy (default: all that are available)
  --cap E=N,...      largest size engine E builds, or E=none (default jekyll=1000,eleventy=10000:
                     Jekyll takes ~6 min per build at 10,000 posts, Eleventy minutes at 100,000)
  --edit-sizes A,..  sizes whose rebuild after one edit is measured (default 1000,10000)
  --no-install       do not install Eleventy (npm, into the scratch folder) when it is missing
  --readme           also rewrite README.md's speed table from this run
  --from-json FILE   measure nothing: write RESULTS.md (and with --readme the README's table)
                     again from a saved run, e.g. bench/results/latest.json
  --edits N          edits per site in the incremental measurement (default 3)
  --no-homepage      skip this repository's homepage
  --no-empty         skip the empty-site start-up measurement
  --no-incremental   skip the rebuild-after-one-edit measurement
  --quick            smoke run: --runs 1 --sizes 100 --edits 1, results printed, not saved
  --work DIR         scratch folder for sites and outputs (default: $TMPDIR/build-site-bench)
  --results DIR      where latest.json, a dated copy and RESULTS.md go
                     (default: bench/results, with the report in bench/RESULTS.md)
  --no-save          print the results only
  --keep-env         run the engines with NODE_EXTRA_CA_CERTS if it is set (by default it is
                     removed: it adds a certificate parse to every Node start-up that a CI
                     runner does not have; the report says when it was removed)
  --no-settle        do not run \`sync\` before each build (by default the previous build's
                     writeback is flushed first, so it does not slow the next one down)
  -h, --help         this text
`;

function positiveInt(flag: string, v: string | undefined): number {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number, got ${JSON.stringify(v ?? "")}`);
  return n;
}

/** `repoRoot` is where bench/results lives by default. */
export function parseBenchArgs(argv: string[], repoRoot: string): BenchOptions {
  const o: BenchOptions = {
    runs: 3,
    sizes: [100, 1000, 10000],
    engines: [...ENGINE_IDS],
    caps: { jekyll: 1000, eleventy: 10000 },
    editSizes: [1000, 10000],
    readme: false,
    fromJson: null,
    installEleventy: true,
    homepage: true,
    empty: true,
    incremental: true,
    edits: 3,
    workDir: path.join(os.tmpdir(), "build-site-bench"),
    resultsDir: path.join(repoRoot, "bench", "results"),
    quick: false,
    keepEnv: false,
    settle: true,
    help: false,
  };
  // Explicit flags win over --quick's defaults whatever their order.
  const explicit = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i]!;
    let inline: string | undefined;
    const eq = flag.indexOf("=");
    if (flag.startsWith("--") && eq > 0) {
      inline = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--runs": o.runs = positiveInt(flag, value()); explicit.add("runs"); break;
      case "--edits": o.edits = positiveInt(flag, value()); explicit.add("edits"); break;
      case "--sizes":
        o.sizes = (explicit.has("huge") ? [100000] : []).concat(value().split(",").filter(Boolean).map((s) => positiveInt(flag, s.replace(/_/g, ""))));
        explicit.add("sizes");
        break;
      case "--huge": o.sizes.push(100000); explicit.add("huge"); break;
      case "--edit-sizes":
        o.editSizes = value().split(",").filter(Boolean).map((s) => positiveInt(flag, s.replace(/_/g, "")));
        break;
      case "--cap":
        for (const item of value().split(",").filter(Boolean)) {
          const [id, n] = item.split("=");
          if (!(ENGINE_IDS as readonly string[]).includes(id!)) throw new Error(`--cap: unknown engine ${JSON.stringify(id)}; use ${ENGINE_IDS.join(", ")}`);
          if (n === "none") delete o.caps[id as EngineId];
          else o.caps[id as EngineId] = positiveInt(flag, n?.replace(/_/g, ""));
        }
        break;
      case "--readme": o.readme = true; break;
      case "--from-json": o.fromJson = path.resolve(value()); break;
      case "--no-install": o.installEleventy = false; break;
      case "--engines": {
        const ids = value().split(",").filter(Boolean);
        for (const id of ids) if (!(ENGINE_IDS as readonly string[]).includes(id)) throw new Error(`unknown engine ${JSON.stringify(id)}; use ${ENGINE_IDS.join(", ")}`);
        o.engines = ids as EngineId[];
        break;
      }
      case "--no-homepage": o.homepage = false; break;
      case "--no-empty": o.empty = false; break;
      case "--no-incremental": o.incremental = false; break;
      case "--quick": o.quick = true; break;
      case "--keep-env": o.keepEnv = true; break;
      case "--no-settle": o.settle = false; break;
      case "--work": o.workDir = path.resolve(value()); break;
      case "--results": o.resultsDir = path.resolve(value()); explicit.add("results"); break;
      case "--no-save": o.resultsDir = null; explicit.add("results"); break;
      case "-h": case "--help": o.help = true; break;
      default: throw new Error(`unknown flag ${JSON.stringify(argv[i])}\n\n${USAGE}`);
    }
  }
  if (o.quick) {
    if (!explicit.has("runs")) o.runs = 1;
    if (!explicit.has("sizes")) o.sizes = explicit.has("huge") ? [100, 100000] : [100];
    o.editSizes = o.editSizes.filter((n) => o.sizes.includes(n)).length ? o.editSizes : [Math.min(...o.sizes)];
    if (!explicit.has("edits")) o.edits = 1;
    if (!explicit.has("results")) o.resultsDir = null;
  }
  o.sizes = [...new Set(o.sizes)].sort((a, b) => a - b);
  return o;
}
