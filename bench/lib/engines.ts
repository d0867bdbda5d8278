// The generators the benchmark compares: how to find each, its version, the command of a cold
// full build, what to delete so the next build is cold again, and its watch mode (if measured).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { EngineId } from "./args.js";
import { capture, type Command } from "./measure.js";
import { configsFor, type BenchSite } from "./sites.js";

export interface WatchSpec {
  command: Command;
  /** Printed once the watcher is set up after the first build: edits after it are seen. */
  ready: RegExp;
  /** Printed after each build; group 1 is the engine's own figure for it. */
  done: RegExp;
  /** Multiplier from group 1 of `done` to milliseconds. */
  doneUnitMs: number;
  /** What this measures, for the report. */
  mode: string;
}

export interface Engine {
  id: EngineId;
  /** Version string, or null when the engine is not installed. */
  version: string | null;
  /** How to install it, shown when it is missing. */
  installHint: string;
  /** The engine's source folder for a site, or null when the site has no version for it. */
  sourceFor(site: BenchSite): string | null;
  build(src: string, out: string): Command;
  /** Removes the output and every cache the engine keeps, so the next build is cold. */
  clean(src: string, out: string): void;
  /** Whether the benchmark measures its watch mode (`watch` throws when not). */
  watchable: boolean;
  watch(src: string, out: string, port: number): WatchSpec;
}

const rm = (p: string) => fs.rmSync(p, { recursive: true, force: true });
/** `--config A,B` for a site that needs more than its _config.yml (Jekyll's flag; build-site's too). */
/** `--config A,B` for a site that needs more than its _config.yml (lib/sites.ts), else nothing. */
export const configArgs = (src: string) => { const c = configsFor(src); return c ? ["--config", c.join(",")] : []; };

export function buildSiteEngine(repoRoot: string): Engine {
  const bin = path.join(repoRoot, "bin", "build-site.js");
  const compiled = fs.existsSync(path.join(repoRoot, "dist", "src", "cli", "main.js"));
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
  const commit = capture("git", ["rev-parse", "--short", "HEAD"], repoRoot);
  const entry = buildSiteEntry(repoRoot);
  return {
    id: "build-site",
    version: compiled ? `${pkg.version}${commit ? ` (${commit})` : ""}, ${entry}` : null,
    installHint: "compile it first: npx tsc -p tsconfig.json (npm run bench does this)",
    sourceFor: (site) => site.jekyllDir,
    watchable: true,
    build: (src, out) => ({ cmd: process.execPath, args: [bin, "build", "-s", src, "-d", out, ...configArgs(src)], cwd: src }),
    clean: (src, out) => {
      rm(out);
      rm(path.join(src, ".build-site-cache"));
      rm(path.join(src, ".jekyll-cache"));
    },
    watch: (src, out, port) => ({
      command: { cmd: process.execPath, args: [bin, "serve", "-s", src, "-d", out, "-H", "127.0.0.1", "-P", String(port), "--no-livereload", ...configArgs(src)], cwd: src },
      ready: /Server running/,
      done: /done in (\d+(?:\.\d+)?) seconds/,
      doneUnitMs: 1000,
      mode: "serve (incremental rebuild with a dependency graph)",
    }),
  };
}

/**
 * What bin/build-site.js will load: the esbuild bundle (dist/bundle/cli.js) when it is at least as
 * new as the compiled modules, else the modules — the same rule as the launcher. Start-up differs
 * by ~0.1 s between the two, so the report says which one was measured.
 */
export function buildSiteEntry(repoRoot: string): "bundle" | "modules (no current bundle: run node scripts/bundle.mjs)" {
  const mtime = (p: string) => fs.statSync(path.join(repoRoot, p), { throwIfNoEntry: false })?.mtimeMs ?? -1;
  return mtime("dist/bundle/cli.js") >= mtime("dist/src/cli/main.js") ? "bundle" : "modules (no current bundle: run node scripts/bundle.mjs)";
}

export function jekyllEngine(): Engine {
  const v = capture("jekyll", ["--version"]);
  return {
    id: "jekyll",
    version: v ? v.replace(/^jekyll\s+/, "") : null,
    installHint: "install Jekyll 4.3 (Debian: apt-get install -y jekyll; or gem install jekyll -v 4.3.1) to compare with it",
    sourceFor: (site) => site.jekyllDir,
    watchable: true,
    build: (src, out) => ({ cmd: "jekyll", args: ["build", "-s", src, "-d", out, ...configArgs(src)], cwd: src }),
    clean: (src, out) => {
      rm(out);
      // Jekyll caches converted Markdown and Sass in .jekyll-cache; a cold build has none.
      rm(path.join(src, ".jekyll-cache"));
      rm(path.join(src, ".jekyll-metadata"));
    },
    watch: (src, out) => ({
      // --incremental is the fastest rebuild Jekyll offers; without it every change is a full build.
      command: { cmd: "jekyll", args: ["build", "--watch", "--incremental", "-s", src, "-d", out, ...configArgs(src)], cwd: src },
      ready: /Auto-regeneration: enabled/,
      done: /done in (\d+(?:\.\d+)?) seconds/,
      doneUnitMs: 1000,
      mode: "build --watch --incremental",
    }),
  };
}

export function hugoEngine(): Engine {
  const v = capture("hugo", ["version"]);
  return {
    id: "hugo",
    version: v ? (/v\d+\.\d+\.\d+\S*/.exec(v)?.[0] ?? v) : null,
    installHint: "install Hugo to compare with it: apt-get install -y hugo (Debian/Ubuntu), or see https://gohugo.io/installation/",
    sourceFor: (site) => site.hugoDir,
    watchable: true,
    build: (src, out) => ({ cmd: "hugo", args: ["-s", src, "-d", out], cwd: src }),
    clean: (src, out) => {
      rm(out);
      rm(path.join(src, "resources"));
      rm(path.join(src, ".hugo_build.lock"));
    },
    watch: (src, out) => ({
      // `hugo --watch` writes to disk like the other two; `hugo server` would render to memory.
      command: { cmd: "hugo", args: ["--watch", "-s", src, "-d", out], cwd: src },
      ready: /Press Ctrl\+C to stop/,
      done: /Total in (\d+(?:\.\d+)?) ms/,
      doneUnitMs: 1,
      mode: "hugo --watch (partial rebuild, to disk)",
    }),
  };
}

/** The Eleventy version the synthetic blog's Eleventy site (gen-synthetic.mjs) is written for. */
export const ELEVENTY_SPEC = "@11ty/eleventy@3.1";

/**
 * Eleventy is an npm package, not a system program: the benchmark installs it into its own
 * scratch folder (`toolDir`), never into this project's dependencies. With `install` false, or
 * when npm cannot fetch it (offline), it is left out with a hint.
 */
export function eleventyEngine(toolDir: string, install: boolean, log: (s: string) => void): Engine {
  const cli = path.join(toolDir, "node_modules", "@11ty", "eleventy", "cmd.cjs");
  const hint = `let the benchmark install it (drop --no-install; it runs npm install --prefix ${toolDir} ${ELEVENTY_SPEC}) or install it there yourself`;
  if (!fs.existsSync(cli) && install) {
    log(`bench: installing ${ELEVENTY_SPEC} into ${toolDir} (once; not into the project)`);
    fs.mkdirSync(toolDir, { recursive: true });
    if (!fs.existsSync(path.join(toolDir, "package.json"))) fs.writeFileSync(path.join(toolDir, "package.json"), '{ "private": true }\n');
    const r = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", toolDir, ELEVENTY_SPEC], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (r.status !== 0) log(`bench: npm could not install ${ELEVENTY_SPEC}: ${(r.stderr || r.error?.message || "").trim().split("\n").slice(-2).join(" ")}`);
  }
  const v = fs.existsSync(cli) ? capture(process.execPath, [cli, "--version"]) : null;
  return {
    id: "eleventy",
    version: v,
    installHint: hint,
    sourceFor: (site) => site.eleventyDir,
    build: (src, out) => ({ cmd: process.execPath, args: [cli, "--input=.", `--output=${out}`, "--quiet"], cwd: src }),
    clean: (src, out) => {
      rm(out);
      rm(path.join(src, ".cache"));
    },
    // Its watch mode works (`--watch --incremental`), but its posts live in posts/ where the
    // others' are in _posts/, and the watch measurement edits the Jekyll path; not measured.
    watchable: false,
    watch: () => { throw new Error("Eleventy's watch mode is not measured"); },
  };
}

export function allEngines(repoRoot: string, ids: EngineId[], eleventy: { toolDir: string; install: boolean; log: (s: string) => void }): Engine[] {
  const make: Record<EngineId, () => Engine> = {
    "build-site": () => buildSiteEngine(repoRoot),
    jekyll: jekyllEngine,
    hugo: hugoEngine,
    eleventy: () => eleventyEngine(eleventy.toolDir, eleventy.install, eleventy.log),
  };
  return ids.map((id) => make[id]());
}
