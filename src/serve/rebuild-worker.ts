// The thread `serve` builds on (rebuild-thread.ts): it keeps the IncrementalBuilder, so that
// consecutive rebuilds stay incremental, and answers one build request at a time. Its log lines
// go to the main thread as messages, in order with the build's result.
import { parentPort, workerData } from "node:worker_threads";
import { ConsoleLogger, type Level } from "../logger.js";
import { BuildError } from "../errors.js";
import { loadConfig, type LoadedConfig } from "../config/load.js";
import { preloadSitePlugins } from "../plugins/site-plugins.js";
import { IncrementalBuilder, type RebuildReport } from "./incremental.js";
import { guardSassProcesses } from "../render/sass.js";
import type { SourceChange } from "./coalesce.js";

export interface RebuildWorkerData {
  overrides: Record<string, unknown>;
  force: boolean;
  level: Level;
  /** Raised by the main thread before it terminates this one (render/sass-process-guard.ts). */
  sassGuard: Int32Array;
}

export type RebuildRequest = { type: "build"; changed: SourceChange[] | null } | { type: "dispose" };

export interface SerializedError {
  buildError: boolean;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  hint?: string;
  stack?: string;
}

export type RebuildReply =
  | { type: "log"; stream: "out" | "err"; text: string }
  | { type: "writing" }
  | { type: "done"; report: Omit<RebuildReport, "sourceOf">; sources: Record<string, string> }
  | { type: "failed"; error: SerializedError };

const data = workerData as RebuildWorkerData;
guardSassProcesses(data.sassGuard);
const port = parentPort!;
const post = (m: RebuildReply) => port.postMessage(m);
const logger = new ConsoleLogger(data.level, (text) => post({ type: "log", stream: "out", text }), (text) => post({ type: "log", stream: "err", text }));
const builder = new IncrementalBuilder({ overrides: data.overrides as any, logger, force: data.force }, () => post({ type: "writing" }));

function serialize(e: unknown): SerializedError {
  if (e instanceof BuildError) {
    return { buildError: true, message: e.message, file: e.file, line: e.line, column: e.column, hint: e.hint, stack: `${e.stack}${e.cause instanceof Error ? `\nCaused by: ${e.cause.stack}` : ""}` };
  }
  const err = e as Error;
  return { buildError: false, message: String(err?.message ?? e), stack: err?.stack };
}

/**
 * The site's ES module plugins, loaded again when they changed: the synchronous build can only
 * take an edited one that way (plugins/site-plugins.ts). Done here, on the thread that builds.
 * Returns the config it loaded, which the rebuild then uses (one load per rebuild); null when it
 * does not load (the build loads it again and reports why).
 */
async function preloadPlugins(): Promise<LoadedConfig | null> {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(data.overrides as any);
  } catch {
    return null;
  }
  await preloadSitePlugins(loaded.config);
  return loaded;
}

port.on("message", async (m: RebuildRequest) => {
  if (m.type === "dispose") {
    builder.dispose();
    port.close();
    return;
  }
  try {
    const loaded = await preloadPlugins();
    const { sourceOf, ...report } = m.changed ? builder.rebuild(m.changed, loaded ?? undefined) : builder.buildAll(loaded ?? undefined);
    // A function does not cross threads: the sources of the changed outputs go as a table.
    const sources: Record<string, string> = {};
    for (const o of report.changedOutputs) {
      const src = sourceOf(o);
      if (src !== undefined) sources[o] = src;
    }
    post({ type: "done", report, sources });
  } catch (e) {
    post({ type: "failed", error: serialize(e) });
  }
});
