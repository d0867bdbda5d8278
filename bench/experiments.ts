// Measured evidence for the proposals in bench/PROFILE.md: each experiment isolates one cost of a
// build-site build and measures what a change would save. Nothing here changes build-site; the
// experiments that need a variant implement only the variant's inner loop, next to the current one.
//
// usage: node dist/bench/experiments.js [startup] [gc] [workers] [io] [yaml] [textscan] [liquidparse]
//        [warmup] [tiering] [--runs N]
//        (no names: all of them). Uses the 1,000-post synthetic blog in $TMPDIR/build-site-bench.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import MarkdownIt from "markdown-it";
import { loadYaml } from "../src/read/yaml.js";
import { createMarkdownConverter } from "../src/render/markdown/index.js";
import { configArgs } from "./lib/engines.js";
import { configureEngineEnv, engineEnv } from "./lib/measure.js";
import { prepareEmpty, prepareHomepage, prepareSynthetic, type BenchSite } from "./lib/sites.js";
import { median } from "./lib/stats.js";
import { FREED_INODES_SETTLE_S, Trash, waitForFreedInodes } from "./lib/trash.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const work = path.join(os.tmpdir(), "build-site-bench");
const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 5;
const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--runs");
const bin = path.join(repoRoot, "bin", "build-site.js");

const out = (s: string) => process.stdout.write(s + "\n");
const ms = (x: number | null) => (x == null ? "–" : `${x.toFixed(0)} ms`);

/** Wall and CPU of a child process, medians of RUNS, interleaved across variants. */
function timeVariants(variants: { name: string; cmd: string; args: string[]; env?: NodeJS.ProcessEnv; before?: () => void }[], runs = RUNS): void {
  const walls = new Map<string, number[]>();
  const cpus = new Map<string, number[]>();
  for (let r = 0; r < runs; r++) {
    for (const v of variants) {
      v.before?.();
      const t0 = performance.now();
      const res = spawnSync("/usr/bin/time", ["-f", "%U %S", v.cmd, ...v.args], { env: { ...process.env, ...v.env }, encoding: "utf8" });
      const wall = performance.now() - t0;
      if (res.status !== 0) throw new Error(`${v.name} failed:\n${res.stderr}`);
      const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(res.stderr.trim());
      (walls.get(v.name) ?? walls.set(v.name, []).get(v.name)!).push(wall);
      if (m) (cpus.get(v.name) ?? cpus.set(v.name, []).get(v.name)!).push((Number(m[1]) + Number(m[2])) * 1000);
    }
  }
  out("| Variant | Wall (median) | CPU user+sys (median) |");
  out("| --- | ---: | ---: |");
  for (const v of variants) out(`| ${v.name} | ${ms(median(walls.get(v.name)!))} | ${ms(median(cpus.get(v.name) ?? []))} |`);
  out("");
}

function site1000() {
  return prepareSynthetic(path.join(work, "sites"), 1000, path.join(repoRoot, "bench", "gen-synthetic.mjs"));
}

/** `build -s SITE` with the site's config files, as the benchmark runs it. */
function buildArgs(site: BenchSite, dest: string): string[] {
  return ["build", "-q", "-s", site.jekyllDir, "-d", dest, ...configArgs(site.jekyllDir)];
}

/**
 * A child process that loads the bundle as bin/ does (code cache and all), then applies V8 flags
 * from BS_V8FLAGS (after loading, so the code cache's flag hash still matches), then runs main()
 * BS_BUILDS times with the arguments in BS_ARGS (JSON; "{n}" in them becomes the build's number),
 * printing each build's milliseconds as a JSON array.
 */
const IN_PROCESS_BUILDS = `
const path = require("node:path");
const { loadBundle } = require(path.join(process.env.BS_ROOT, "dist/bundle/code-cache.js"));
const loaded = loadBundle(path.join(process.env.BS_ROOT, "dist/bundle/cli.js"));
if (process.env.BS_V8FLAGS) require("node:v8").setFlagsFromString(process.env.BS_V8FLAGS);
(async () => {
  const times = [];
  for (let n = 0; n < Number(process.env.BS_BUILDS); n++) {
    const args = JSON.parse(process.env.BS_ARGS).map((a) => a.replace("{n}", String(n)));
    const t = performance.now();
    const code = await loaded.exports.main(args, {});
    if (code !== 0) process.exit(code);
    times.push(performance.now() - t);
  }
  process.stdout.write(JSON.stringify(times));
  process.exit(0);
})();`;

/** Preparing a site deletes its earlier copy; builds just after that pay for it (lib/trash.ts). */
function settleAfterPrepare(): void {
  process.stderr.write(`experiments: waiting ${FREED_INODES_SETTLE_S} s after preparing the sites (lib/trash.ts)\n`);
  waitForFreedInodes();
}

/** Earlier outputs of the in-process builds, moved aside rather than deleted just before a build (lib/trash.ts). */
const trash = new Trash(path.join(work, "trash"));

function inProcessBuilds(site: BenchSite, dest: string, builds: number, v8flags = ""): { times: number[]; cpuMs: number } {
  for (let n = 0; n < builds; n++) trash.stash(`${dest}-${n}`);
  fs.rmSync(path.join(site.jekyllDir, ".build-site-cache"), { recursive: true, force: true });
  spawnSync("sync");
  const res = spawnSync("/usr/bin/time", ["-f", "%U %S", process.execPath, "-e", IN_PROCESS_BUILDS], {
    cwd: site.jekyllDir,
    env: engineEnv({ BS_ROOT: repoRoot, BS_V8FLAGS: v8flags, BS_BUILDS: String(builds), BS_ARGS: JSON.stringify(buildArgs(site, `${dest}-{n}`)) }),
    encoding: "utf8",
  });
  if (res.status !== 0) throw new Error(`in-process builds of ${site.id} failed:\n${res.stderr}`);
  const m = /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(res.stderr.trim());
  return { times: JSON.parse(res.stdout) as number[], cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}

const experiments: Record<string, () => Promise<void> | void> = {
  /**
   * How much of a cold build is V8 warming up: the same site built again in the same process
   * (fresh destination each time) against its first build. The difference is first execution
   * (interpreter, inline caches, optimising compiles), since the code cache already spares parsing.
   */
  warmup() {
    out("### warmup: the same build repeated in one process (main() only, Node's start and the bundle's load excluded)\n");
    const sites = [prepareHomepage(path.join(work, "sites"), repoRoot), site1000()];
    settleAfterPrepare();
    const BUILDS = 4;
    out(`| Site | ${Array.from({ length: BUILDS }, (_, i) => `build ${i + 1}`).join(" | ")} |`);
    out(`| --- |${" ---: |".repeat(BUILDS)}`);
    for (const site of sites) {
      const runs = Array.from({ length: Math.min(RUNS, 5) }, () => inProcessBuilds(site, path.join(work, "out", `exp-warmup-${site.id}`), BUILDS).times);
      out(`| ${site.id} | ${Array.from({ length: BUILDS }, (_, i) => ms(median(runs.map((r) => r[i]!)))).join(" | ")} |`);
    }
    out("");
  },

  /**
   * V8's tiering budget set at run time (after the bundle is loaded): a larger interrupt budget
   * optimises fewer functions later, less inlining makes each optimising compile cheaper. Node
   * documents flags changed after start-up as unsupported, so this only measures what they would
   * change. One build per process, interleaved; medians.
   */
  tiering() {
    out("### tiering: V8's interrupt budget and inlining, set after the bundle loads\n");
    const gen = path.join(repoRoot, "bench", "gen-synthetic.mjs");
    const sites = [site1000(), prepareSynthetic(path.join(work, "sites"), 10000, gen)];
    settleAfterPrepare();
    const variants = ["", "--interrupt-budget=400000", "--interrupt-budget=800000", "--max-inlined-bytecode-size-cumulative=300"];
    out("| Site | V8 flags | Wall (median) | CPU user+sys (median) |");
    out("| --- | --- | ---: | ---: |");
    for (const site of sites) {
      const wall = new Map<string, number[]>(variants.map((v) => [v, []]));
      const cpu = new Map<string, number[]>(variants.map((v) => [v, []]));
      const runs = site.posts! > 1000 ? Math.min(RUNS, 3) : RUNS;
      for (let r = 0; r < runs; r++) {
        for (const v of variants) {
          const res = inProcessBuilds(site, path.join(work, "out", `exp-tiering-${site.id}`), 1, v);
          wall.get(v)!.push(res.times[0]!);
          cpu.get(v)!.push(res.cpuMs);
        }
      }
      for (const v of variants) out(`| ${site.id} | ${v || "(none)"} | ${ms(median(wall.get(v)!))} | ${ms(median(cpu.get(v)!))} |`);
    }
    out("");
  },

  /** Where start-up goes: Node itself, importing the build, importing the highlighter. */
  startup() {
    out("### startup: Node, module graph, highlighter lexers, empty-site build\n");
    const empty = prepareEmpty(path.join(work, "sites"));
    const imp = (rel: string) => `await import(${JSON.stringify(path.join(repoRoot, "dist", rel))})`;
    timeVariants([
      { name: "node -e 0", cmd: process.execPath, args: ["-e", "0"] },
      { name: "import dist/src/render/highlight/index.js", cmd: process.execPath, args: ["--input-type=module", "-e", imp("src/render/highlight/index.js")] },
      { name: "import dist/src/render/markdown/index.js", cmd: process.execPath, args: ["--input-type=module", "-e", imp("src/render/markdown/index.js")] },
      { name: "import dist/src/build.js (whole build graph)", cmd: process.execPath, args: ["--input-type=module", "-e", imp("src/build.js")] },
      { name: "build-site build (empty site)", cmd: process.execPath, args: [bin, "build", "-q", "-s", empty.jekyllDir, "-d", path.join(work, "out", "exp-empty")] },
    ]);
  },

  /** Young-generation size: many short-lived strings and tokens per page. */
  gc() {
    out("### gc: V8 semi-space size on the 1,000-post build\n");
    const site = site1000();
    const dest = path.join(work, "out", "exp-gc");
    const clean = () => fs.rmSync(dest, { recursive: true, force: true });
    timeVariants(["", "--max-semi-space-size=16", "--max-semi-space-size=64"].map((flag) => ({
      name: flag || "default semi-space size",
      cmd: process.execPath,
      args: [...(flag ? [flag] : []), bin, "build", "-q", "-s", site.jekyllDir, "-d", dest],
      before: clean,
    })), Math.min(RUNS, 3));
  },

  /** The render worker at 1,000 posts: forced on (BUILD_SITE_PARALLEL_MIN=1) against off. */
  workers() {
    out("### workers: render worker on and off, 1,000 posts\n");
    const site = site1000();
    const dest = path.join(work, "out", "exp-workers");
    const clean = () => fs.rmSync(dest, { recursive: true, force: true });
    const args = [bin, "build", "-q", "-s", site.jekyllDir, "-d", dest];
    timeVariants([
      { name: "main thread + 1 render worker (BUILD_SITE_PARALLEL_MIN=1)", cmd: process.execPath, args, env: { BUILD_SITE_PARALLEL_MIN: "1" }, before: clean },
      { name: "main thread only (BUILD_SITE_WORKERS=0)", cmd: process.execPath, args, env: { BUILD_SITE_WORKERS: "0" }, before: clean },
    ], Math.min(RUNS, 3));
  },

  /**
   * Writing 1,000 pages, each in its own new folder as permalinks make them: synchronously after
   * rendering (what the writer does) against asynchronous writes started as each page is rendered,
   * so the kernel's inode creation overlaps the rendering. Rendering is stood in for by
   * markdown-it on the posts' bodies, which costs about what a page render costs.
   */
  async io() {
    out("### io: write after rendering, or overlapped with it (1,000 pages in new folders)\n");
    const site = site1000();
    const posts = fs.readdirSync(path.join(site.jekyllDir, "_posts")).map((f) => fs.readFileSync(path.join(site.jekyllDir, "_posts", f), "utf8"));
    const md = new MarkdownIt();
    const root = path.join(work, "out", "exp-io");
    const fresh = () => { fs.rmSync(root, { recursive: true, force: true }); fs.mkdirSync(root, { recursive: true }); };
    const times = { render: [] as number[], sequential: [] as number[], writeOnly: [] as number[], overlapped: [] as number[], inPlace: [] as number[] };
    for (let r = 0; r < RUNS; r++) {
      fresh();
      let t = performance.now();
      const html = posts.map((p) => md.render(p) + md.render(p));
      times.render.push(performance.now() - t);

      fresh();
      t = performance.now();
      const rendered = posts.map((p) => md.render(p) + md.render(p));
      const t1 = performance.now();
      rendered.forEach((h, i) => { const d = path.join(root, "posts", `post-${i}`); fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(path.join(d, "index.html"), h); });
      times.sequential.push(performance.now() - t);
      times.writeOnly.push(performance.now() - t1);

      // A second build into the tree the first one left: the folders and files exist, and
      // overwriting a file creates no inode (the writer's fresh staging tree always does).
      t = performance.now();
      rendered.forEach((h, i) => { const d = path.join(root, "posts", `post-${i}`); fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(path.join(d, "index.html"), h + " "); });
      times.inPlace.push(performance.now() - t);

      fresh();
      t = performance.now();
      const pending: Promise<void>[] = [];
      posts.forEach((p, i) => {
        const h = md.render(p) + md.render(p);
        const d = path.join(root, "posts", `post-${i}`);
        pending.push(fsp.mkdir(d, { recursive: true }).then(() => fsp.writeFile(path.join(d, "index.html"), h)));
      });
      await Promise.all(pending);
      times.overlapped.push(performance.now() - t);
      void html;
    }
    fs.rmSync(root, { recursive: true, force: true });
    out("| Variant | Median |");
    out("| --- | ---: |");
    out(`| render only (markdown-it ×2 per post) | ${ms(median(times.render))} |`);
    out(`| render, then sync mkdir + write (as the writer does) | ${ms(median(times.sequential))} (of which writing ${ms(median(times.writeOnly))}) |`);
    out(`| render with async mkdir + write started per page | ${ms(median(times.overlapped))} |`);
    out(`| write only, into the previous build's folders (overwrite in place) | ${ms(median(times.inPlace))} |`);
    out("");
  },

  /**
   * build-site's Markdown converter (markdown-it set up to write what kramdown writes) against
   * plain markdown-it on the same 1,000 post bodies: the cost of the compatibility layer.
   */
  markdown() {
    out("### markdown: kramdown-compatible converter vs plain markdown-it (1,000 post bodies, highlighting off)\n");
    const site = site1000();
    const bodies = fs.readdirSync(path.join(site.jekyllDir, "_posts")).map((f) => fs.readFileSync(path.join(site.jekyllDir, "_posts", f), "utf8").replace(/^---\n[\s\S]*?\n---\n/, ""));
    const ours = createMarkdownConverter({ kramdown: { input: "GFM", syntax_highlighter_opts: { disable: true } }, highlighter: "none" });
    const plain = new MarkdownIt({ html: true });
    const pass = (f: (s: string) => string) => { const t = performance.now(); for (const b of bodies) f(b); return performance.now() - t; };
    const firstOurs = pass((b) => ours.convert(b));
    const firstPlain = pass((b) => plain.render(b));
    const laterOurs: number[] = [];
    const laterPlain: number[] = [];
    for (let r = 0; r < RUNS; r++) { laterOurs.push(pass((b) => ours.convert(b))); laterPlain.push(pass((b) => plain.render(b))); }
    out("| Converter | First pass (cold JIT) | Later passes (median) |");
    out("| --- | ---: | ---: |");
    out(`| build-site (src/render/markdown) | ${ms(firstOurs)} | ${ms(median(laterOurs))} |`);
    out(`| markdown-it, default rules | ${ms(firstPlain)} | ${ms(median(laterPlain))} |`);
    out("");
  },

  /** Front matter: js-yaml through src/read/yaml.js on the 1,000 posts' front matter. */
  yaml() {
    out("### yaml: front matter parsing, first pass (cold JIT) and later passes\n");
    const site = site1000();
    const fms = fs.readdirSync(path.join(site.jekyllDir, "_posts")).map((f) => /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(site.jekyllDir, "_posts", f), "utf8"))![1]! + "\n");
    const pass = () => { const t = performance.now(); for (const y of fms) loadYaml(y, { file: "x.md", lineOffset: 1 }); return performance.now() - t; };
    const first = pass();
    const later = Array.from({ length: RUNS }, pass);
    const t = performance.now();
    for (let r = 0; r < RUNS; r++) for (const y of fms) JSON.parse(JSON.stringify(y));
    const floor = (performance.now() - t) / RUNS;
    out("| Pass over 1,000 front matters | Time | Per document |");
    out("| --- | ---: | ---: |");
    out(`| first (includes JIT warm-up, as in a cold build) | ${ms(first)} | ${(first / fms.length * 1000).toFixed(0)} µs |`);
    out(`| later (median of ${RUNS}) | ${ms(median(later))} | ${(median(later)! / fms.length * 1000).toFixed(0)} µs |`);
    out(`| floor: copying the same strings (JSON round trip) | ${ms(floor)} | ${(floor / fms.length * 1000).toFixed(1)} µs |`);
    out("");
  },

  /**
   * The kramdown `text` inline rule scans to the next special character with a Set of one-char
   * strings; markdown-it's own rule uses a switch on char codes. The two scanning loops, on the
   * posts' bodies, same stopping characters.
   */
  textscan() {
    out("### textscan: scanning inline text with a Set of characters vs a char-code table\n");
    const site = site1000();
    const bodies = fs.readdirSync(path.join(site.jekyllDir, "_posts")).map((f) => fs.readFileSync(path.join(site.jekyllDir, "_posts", f), "utf8"));
    const chars = "\n!#$%&*+-:<=>@[\\]^_`{}~\"'.|";
    const set = new Set(chars.split(""));
    const table = new Uint8Array(128);
    for (const c of chars) table[c.charCodeAt(0)] = 1;
    const scanSet = (s: string) => { let n = 0; for (let pos = 0; pos < s.length;) { while (pos < s.length && !set.has(s[pos]!)) pos++; pos++; n++; } return n; };
    const scanTable = (s: string) => { let n = 0; for (let pos = 0; pos < s.length;) { let c: number; while (pos < s.length && ((c = s.charCodeAt(pos)) >= 128 || !table[c])) pos++; pos++; n++; } return n; };
    const time = (f: (s: string) => number) => { const t = performance.now(); let n = 0; for (const b of bodies) n += f(b); return { t: performance.now() - t, n }; };
    for (let i = 0; i < 3; i++) { time(scanSet); time(scanTable); } // warm both
    const a = Array.from({ length: RUNS }, () => time(scanSet));
    const b = Array.from({ length: RUNS }, () => time(scanTable));
    if (a[0]!.n !== b[0]!.n) throw new Error("the two scans disagree");
    out("| Scan over the 1,000 posts (3.6 MB) | Median |");
    out("| --- | ---: |");
    out(`| Set of one-character strings (current) | ${ms(median(a.map((x) => x.t)))} |`);
    out(`| Uint8Array indexed by char code | ${ms(median(b.map((x) => x.t)))} |`);
    out("");
  },
  /**
   * What reading templates the Ruby way costs (src/render/liquid/front-end.ts): every
   * `_layouts`/`_includes` template of this repository and of the real-site corpus themes
   * (../shared/corpus, when present) parsed from scratch, CPU per full pass. Compare a checkout
   * before the front end with one after it by running this in both.
   */
  async liquidparse() {
    out("### liquidparse: parsing the themes' layouts and includes\n");
    const { createLiquidEngine } = await import("../src/render/liquid/index.js");
    const roots = [repoRoot];
    const corpus = path.join(repoRoot, "..", "shared", "corpus");
    if (fs.existsSync(corpus)) for (const s of fs.readdirSync(corpus)) if (fs.existsSync(path.join(corpus, s, "src"))) roots.push(path.join(corpus, s, "src"));
    const files: Array<[string, string]> = [];
    for (const r of roots) {
      for (const d of ["_layouts", "_includes"]) {
        const walk = (dir: string): void => {
          if (!fs.existsSync(dir)) return;
          for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, e.name);
            if (e.isDirectory()) walk(p);
            else if (/\.html?$/.test(e.name)) files.push([p, fs.readFileSync(p, "utf8").replace(/^---\n[\s\S]*?\n---\n/, "")]);
          }
        };
        walk(path.join(r, d));
      }
    }
    const host = {
      config: { liquid: { error_mode: "warn" } }, source: repoRoot, includeDirs: [], timezone: "UTC",
      now: () => { throw new Error("not rendering"); }, markdownify: (s: string) => s, smartify: (s: string) => s,
      compileSass: (s: string) => s, highlight: (s: string) => s, postUrl: () => undefined, linkUrl: () => undefined, warn: () => {},
    };
    const engine = createLiquidEngine(host as never);
    const parsed = files.filter(([p, s]) => { try { engine.parse(s, p); return true; } catch { return false; } });
    const bytes = parsed.reduce((n, [, s]) => n + s.length, 0);
    const pass = () => {
      const t = process.cpuUsage();
      engine.invalidate();
      for (const [p, s] of parsed) engine.parse(s, p);
      const u = process.cpuUsage(t);
      return (u.user + u.system) / 1000;
    };
    for (let i = 0; i < 5; i++) pass();
    const times = Array.from({ length: Math.max(RUNS, 15) }, pass);
    out(`| ${parsed.length} templates (${(bytes / 1024).toFixed(0)} KiB; ${files.length - parsed.length} that fail left out) | CPU per pass |`);
    out("| --- | ---: |");
    out(`| median | ${ms(median(times))} |`);
    out(`| best | ${ms(Math.min(...times))} |`);
    out("");
  },
};

// The engines' environment as the benchmark has it: without start-up settings a CI runner lacks.
configureEngineEnv(false);
trash.empty(); // what an interrupted run left
try {
  for (const name of wanted.length ? wanted : Object.keys(experiments)) {
    const e = experiments[name];
    if (!e) { process.stderr.write(`unknown experiment ${name}; one of ${Object.keys(experiments).join(", ")}\n`); process.exit(2); }
    await e();
  }
} finally {
  trash.empty();
}
