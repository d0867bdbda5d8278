// build-site's entry point: parses the command line, runs the command, prints what Jekyll prints,
// and turns every failure into a located message and a non-zero exit code.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSite } from "../build.js";
import { loadConfig } from "../config/load.js";
import { BuildError } from "../errors.js";
import { HELP, parseArgs, type ParsedArgs } from "./args.js";
import { ConsoleLogger } from "./logger.js";

/** build-site's own package.json, found upwards from this file (dist/src/cli or dist/bundle). */
export function packageVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      const json = JSON.parse(fs.readFileSync(pkg, "utf8"));
      if (json.name === "build-site") return json.version;
    }
    const up = path.dirname(dir);
    if (up === dir) return "unknown";
    dir = up;
  }
}

/** Prints a failure the way a user needs it: where, what, what to do. */
export function reportError(e: unknown, logger: ConsoleLogger, trace: boolean, duringBuild = true): void {
  if (e instanceof BuildError) {
    const err = new BuildError(e.message, { file: e.file && path.isAbsolute(e.file) ? path.relative(process.cwd(), e.file) || e.file : e.file, line: e.line, column: e.column, hint: e.hint });
    // Every line of the message: include-tag errors, for one, show the bad name and the valid syntax.
    const [first, ...rest] = (err.location ? `${err.location}: ${err.message}` : err.message).trimEnd().split("\n");
    logger.error("Error:", first);
    for (const line of rest) logger.error("", line);
    if (e.hint) logger.error("", e.hint);
    if (trace) process.stderr.write(`${e.stack}\n${e.cause instanceof Error ? `Caused by: ${e.cause.stack}\n` : ""}`);
    else if (duringBuild) logger.error("", "Nothing was written: the previous build is untouched. Run with --trace for the stack.");
    else logger.error("", "Run with --trace for the stack.");
  } else {
    logger.error("Error:", `build-site failed unexpectedly: ${(e as Error)?.message ?? e}`);
    process.stderr.write(`${(e as Error)?.stack ?? e}\n`);
    logger.error("", "This is a bug in build-site; please report it with the stack above.");
  }
}

function printProfile(rows: Array<{ file: string; count: number; bytes: number; ms: number }>, logger: ConsoleLogger): void {
  const head = ["Filename", "Count", "Bytes", "Time"];
  const body = rows.slice(0, 50).map((r) => [r.file, String(r.count), `${(r.bytes / 1024).toFixed(2)}K`, (r.ms / 1000).toFixed(3)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ");
  logger.info("", "");
  logger.info("", line(head));
  logger.info("", widths.map((w) => "-".repeat(w)).join("-+-"));
  for (const r of body) logger.info("", line(r));
  logger.info("", "");
}

async function runBuild(args: ParsedArgs, logger: ConsoleLogger): Promise<number> {
  const loaded = loadConfig(args.overrides as any);
  for (const f of loaded.files) logger.info("Configuration file:", f);
  if (!loaded.files.length) logger.warn("Configuration file:", "none");
  logger.info("Source:", loaded.config.source);
  logger.info("Destination:", loaded.config.destination);
  logger.info("Incremental build:", "disabled. Enable with --incremental");
  logger.info("Generating...");
  const result = buildSite({ overrides: args.overrides as any, logger, profile: args.profile, force: args.force }, loaded);
  if (args.profile) printProfile(result.renderer.profileRows(), logger);
  const ms = result.ms;
  logger.debug("Timings:", `read ${ms.read.toFixed(0)} ms, generate ${ms.generate.toFixed(0)} ms, render ${ms.render.toFixed(0)} ms, write ${ms.write.toFixed(0)} ms`);
  logger.info("", `done in ${(result.ms.total / 1000).toFixed(3)} seconds.`);
  logger.info("Auto-regeneration:", "disabled. Use --watch to enable.");
  return 0;
}

export interface MainHooks {
  /** Called once a `build` has succeeded: bin/ writes the code cache then (src/cli/code-cache.ts). */
  afterBuild?: () => void;
}

export async function main(argv: string[], hooks: MainHooks = {}): Promise<number> {
  const logger = new ConsoleLogger();
  let args: ParsedArgs | undefined;
  try {
    args = parseArgs(argv);
    logger.level = args.level;
    if (!process.env.JEKYLL_ENV) process.env.JEKYLL_ENV = "development";
    switch (args.command) {
      case "help":
        process.stdout.write(HELP);
        return 0;
      case "version":
        process.stdout.write(`build-site ${packageVersion()} (Jekyll 4.3.1 compatible)\n`);
        return 0;
      case "serve": {
        const { runServe } = await import("./serve.js");
        return await runServe(args, logger);
      }
      default: {
        const code = await runBuild(args, logger);
        hooks.afterBuild?.();
        return code;
      }
    }
  } catch (e) {
    reportError(e, logger, args?.trace ?? false, args?.command === "build");
    return 1;
  }
}
