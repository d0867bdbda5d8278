// `build-site build` (the default command): one build, or with `--watch` a build and then a
// rebuild after every change until Ctrl-C, printing what `jekyll build` prints.
import { buildSite } from "../build.js";
import { loadConfig, type LoadedConfig } from "../config/load.js";
// Only `--watch` needs it; loaded on first use in the bundle (scripts/bundle.mjs).
import * as incremental from "../serve/incremental.js"; // bundle: lazy
import type { SourceChange } from "../serve/watch.js";
import type { ParsedArgs } from "./args.js";
import type { ConsoleLogger } from "../logger.js";
import { reportError } from "./report-error.js";
import { nowMs } from "../clock.js";

/** "Configuration file: …" for each file read, as Jekyll starts every command. */
export function logConfigFiles(loaded: LoadedConfig, logger: ConsoleLogger): void {
  for (const f of loaded.files) logger.info("Configuration file:", f);
  if (!loaded.files.length) logger.warn("Configuration file:", "none");
}

/**
 * The "Incremental build:" line, true to what this run does. Jekyll prints "enabled" or
 * "disabled. Enable with --incremental"; build-site rebuilds incrementally only while watching
 * (it keeps its dependency records in memory, not in a `.jekyll-metadata` file), so a single build
 * is always a full one, whatever `--incremental` says.
 */
function incrementalLine(watching: boolean, incremental: boolean): string {
  if (watching) return incremental ? "enabled" : "disabled. Enable with --incremental";
  return incremental
    ? "disabled. It takes effect with --watch: build-site keeps no .jekyll-metadata between runs"
    : "disabled. Enable with --watch --incremental";
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

export async function runBuild(args: ParsedArgs, logger: ConsoleLogger): Promise<number> {
  const loaded = loadConfig(args.overrides as any);
  const config = loaded.config;
  const watching = args.watch === true;
  logConfigFiles(loaded, logger);
  logger.info("Source:", config.source);
  logger.info("Destination:", config.destination);
  logger.info("Incremental build:", incrementalLine(watching, config.incremental === true));
  logger.info("Generating...");
  if (watching) return watchAndRebuild(args, loaded, logger);

  const result = buildSite({ overrides: args.overrides as any, logger, profile: args.profile, force: args.force }, loaded);
  if (args.profile) printProfile(result.renderer.profileRows(), logger);
  const ms = result.ms;
  logger.debug("Timings:", `read ${ms.read.toFixed(0)} ms, generate ${ms.generate.toFixed(0)} ms, render ${ms.render.toFixed(0)} ms, write ${ms.write.toFixed(0)} ms`);
  logger.info("", `done in ${(result.ms.total / 1000).toFixed(3)} seconds.`);
  logger.info("Auto-regeneration:", "disabled. Use --watch to enable.");
  return 0;
}

/**
 * `build --watch`: the machinery of `serve` without the server. Each rebuild is incremental with
 * `--incremental` (only the pages a change can affect are rendered; serve-incremental.test.ts
 * shows the result equals a clean build), otherwise a full build. A failed build, first or
 * later, is reported and watching goes on: the next save may fix it.
 */
async function watchAndRebuild(args: ParsedArgs, loaded: LoadedConfig, logger: ConsoleLogger): Promise<number> {
  const config = loaded.config;
  const builder = new incremental.IncrementalBuilder({ overrides: args.overrides as any, logger, force: args.force });
  const build = (changed?: SourceChange[]): void => {
    const t0 = nowMs();
    try {
      // After a failed build, rebuild() itself falls back to a full build.
      const r = changed && config.incremental === true ? builder.rebuild(changed) : builder.buildAll();
      const seconds = ((nowMs() - t0) / 1000).toFixed(3);
      logger.info("", changed ? `...done in ${seconds} seconds.` : `done in ${seconds} seconds.`);
      logger.debug("Rebuilt:", `${r.full ? "full build" : "incremental"}: ${r.rendered} rendered, ${r.reused} reused, ${r.kept} documents kept, ${r.written} written, ${r.removed} removed`);
    } catch (e) {
      reportError(e, logger, args.trace);
    }
    if (changed) logger.info("", "");
  };

  build();
  // Loaded only here: the watcher is not needed by a single build.
  const { loadConfigQuietly, logRegenerating, watchSite } = await import("./watch-site.js");
  const watcher = await watchSite(loaded, () => loadConfigQuietly(args), (changes: SourceChange[]) => {
    logRegenerating(logger, config.source, changes);
    build(changes);
  });
  logger.info("Auto-regeneration:", `enabled for '${config.source}'`);
  await new Promise<void>((resolve) => {
    // Ctrl-C ends watching as jekyll-watch does: a last line, then a clean exit.
    const stop = () => {
      logger.info("", "Halting auto-regeneration.");
      void watcher.close().finally(() => {
        builder.dispose();
        resolve();
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
