// `build-site serve`: build, serve the destination, and on every change rebuild and tell open
// pages to reload. A failed rebuild keeps the last good `_site` being served (the writer only swaps
// in complete builds) and shows the error in the terminal and in the browser. Builds run on their
// own thread (serve/rebuild-thread.ts): this one only serves, watches and listens for Ctrl-C, so a
// runaway build can neither block requests nor keep the process alive.
import { spawn } from "node:child_process";
import { loadConfig } from "../config/load.js";
import { limitsOf } from "../config/limits.js";
import type { RebuildReport } from "../serve/incremental.js";
import { RebuildThread } from "../serve/rebuild-thread.js";
import { reloadPlan } from "../serve/reload-plan.js";
import { BuildError } from "../errors.js";
import { errorExcerpt } from "../serve/error-excerpt.js";
import { startPreviewServer } from "../serve/server.js";
import type { SourceChange } from "../serve/watch.js";
import type { ParsedArgs } from "./args.js";
import { logConfigFiles } from "./build.js";
import { detachServer, isDetachedServer, reportReadyToParent } from "./detach.js";
import type { ConsoleLogger } from "../logger.js";
import { reportError } from "./report-error.js";
import { serveOptions } from "./serve-options.js";
import { loadConfigQuietly, logRegenerating, watchSite } from "./watch-site.js";

/** A rebuild still running this long after a newer change arrived is abandoned for it. */
const ABANDON_GRACE_MS = 2000;
/** Ctrl-C ends the process within this, even if something will not close. */
const STOP_GRACE_MS = 700;

export async function runServe(args: ParsedArgs, logger: ConsoleLogger): Promise<number> {
  const loaded = loadConfig(args.overrides as any);
  const config = loaded.config;
  logConfigFiles(loaded, logger);
  const options = serveOptions(args, config, logger);
  const host = args.serve.host ?? String(config.host ?? "127.0.0.1");
  const port = args.serve.port ?? Number(config.port ?? 4000);

  const limits = limitsOf(config as Record<string, unknown>);
  const thread = new RebuildThread({
    overrides: args.overrides,
    force: args.force,
    level: logger.level,
    write: (stream, text) => (stream === "out" ? process.stdout : process.stderr).write(text),
    watchdogMs: Math.max(5 * limits.renderMs, 60_000),
  });
  let lastReport: RebuildReport | null = null;
  let stopping = false;
  const build = async (changed?: SourceChange[]): Promise<BuildError | null> => {
    const outcome = await thread.build(changed);
    if (outcome.ok) {
      lastReport = outcome.report;
      const r = outcome.report;
      logger.info("", `${changed ? "..." : ""}done in ${(r.ms / 1000).toFixed(3)} seconds.`);
      logger.debug("Rebuilt:", `${r.full ? "full build" : "incremental"}: ${r.rendered} rendered, ${r.reused} reused, ${r.kept} documents kept, ${r.written} written, ${r.removed} removed in ${r.ms.toFixed(1)} ms`);
      return null;
    }
    if (stopping) return null;
    const e = outcome.error;
    reportError(e, logger, args.trace);
    return e instanceof BuildError ? e : new BuildError(String(e?.message ?? e));
  };

  if (!args.serve.skipInitialBuild) {
    logger.info("Source:", config.source);
    logger.info("Destination:", config.destination);
    // Every rebuild of serve is incremental (serve-incremental.test.ts: each equals a clean build).
    logger.info("Incremental build:", "enabled");
    logger.info("Generating...");
    const err = await build();
    if (err && (!options.watch || options.detach)) { await thread.close(); return 1; }
  } else if (!isDetachedServer()) {
    logger.warn("Build Warning:", "Skipping the initial build. This may result in an out-of-date site.");
  }

  if (options.detach) {
    await thread.close();
    logger.info("Auto-regeneration:", "disabled when running server detached.");
    const child = await detachServer(args);
    logger.info("Server address:", child.url);
    if (args.serve.open) openInBrowser(child.url, logger);
    logger.info(`Server detached with pid '${child.pid}'.`, `Run \`kill ${child.pid}\` to stop the server.`);
    return 0;
  }

  const baseurl = String(config.baseurl ?? "");
  const server = await startPreviewServer({ root: config.destination, baseurl, host, port, livereload: options.livereload, showDirListing: options.showDirListing, tls: options.tls });
  logger.info("Server address:", server.url);
  reportReadyToParent(server.url);
  if (args.serve.open) openInBrowser(server.url, logger);
  let watcher: { close(): Promise<void> } | null = null;
  let abandonTimer: NodeJS.Timeout | null = null;
  // A newer change while a build runs: a build past the grace period is a runaway (a normal
  // rebuild takes well under a second) and is abandoned for the new one; a younger one is given
  // until the grace period ends.
  const onPendingWhileRunning = () => {
    const age = thread.runningFor;
    if (age === null || abandonTimer) return;
    abandonTimer = setTimeout(() => {
      abandonTimer = null;
      void thread.abandon("the rebuild was abandoned: a newer change arrived while it was still running");
    }, Math.max(0, ABANDON_GRACE_MS - age));
  };
  if (options.watch) {
    // The site's JavaScript plugins are loaded by the build thread, not here (preload: false).
    watcher = await watchSite(loaded, () => loadConfigQuietly(args), async (changes: SourceChange[]) => {
      logRegenerating(logger, config.source, changes);
      const err = await build(changes);
      if (abandonTimer) { clearTimeout(abandonTimer); abandonTimer = null; }
      if (stopping) return;
      logger.info("", "");
      if (err) {
        const excerpt = err.file && err.line !== undefined
          ? await errorExcerpt(err.file, err.line, { source: config.source, themeRoot: loaded.theme?.root, maxBytes: limits.fileBytes })
          : undefined;
        if (stopping) return;
        server.showError({ message: err.message, file: err.file, line: err.line, column: err.column, excerpt });
        return;
      }
      server.clearError();
      const report = lastReport as RebuildReport | null;
      const plan = report ? reloadPlan(report, options.livereloadIgnore) : null;
      if (plan) server.reload(plan.kind, plan.paths);
    }, { preload: false, onPendingWhileRunning });
    logger.info("Auto-regeneration:", `enabled for '${config.source}'`);
  } else {
    logger.info("Auto-regeneration:", "disabled. Use --watch to enable.");
  }
  logger.info("", "Server running... press ctrl-c to stop.");
  await new Promise<void>((resolve) => {
    // Ctrl-C (or a supervisor's SIGTERM) ends the process as Jekyll's does, whatever a build is
    // doing: the build thread is terminated, not waited for, and if closing the watcher or the
    // server's connections takes longer than STOP_GRACE_MS the process exits anyway.
    const stop = () => {
      stopping = true;
      if (abandonTimer) clearTimeout(abandonTimer);
      setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
      void Promise.all([thread.close(), watcher?.close(), server.close()]).finally(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

/** `--open-url`: the platform's own opener; a missing one is a warning, not a failure. */
function openInBrowser(url: string, logger: ConsoleLogger): void {
  const command = process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(command, [url], { detached: true, stdio: "ignore" });
    child.on("error", () => logger.warn("Open URL:", `could not run ${command}; open ${url} yourself.`));
    child.unref();
  } catch {
    logger.warn("Open URL:", `could not run ${command}; open ${url} yourself.`);
  }
}
