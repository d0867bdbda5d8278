// `build-site serve`: build, serve the destination, and on every change rebuild and tell open
// pages to reload. A failed rebuild keeps the last good `_site` being served (the writer only swaps
// in complete builds) and shows the error in the terminal and in the browser.
import { spawn } from "node:child_process";
import { loadConfig } from "../config/load.js";
import { IncrementalBuilder, type RebuildReport } from "../serve/incremental.js";
import { BuildError } from "../errors.js";
import { startPreviewServer } from "../serve/server.js";
import type { SourceChange } from "../serve/watch.js";
import type { ParsedArgs } from "./args.js";
import { logConfigFiles } from "./build.js";
import { detachServer, isDetachedServer, reportReadyToParent } from "./detach.js";
import { outputsToReload } from "./livereload-ignore.js";
import type { ConsoleLogger } from "./logger.js";
import { reportError } from "./report-error.js";
import { serveOptions } from "./serve-options.js";
import { loadConfigQuietly, logRegenerating, watchSite } from "./watch-site.js";

export async function runServe(args: ParsedArgs, logger: ConsoleLogger): Promise<number> {
  const loaded = loadConfig(args.overrides as any);
  const config = loaded.config;
  logConfigFiles(loaded, logger);
  const options = serveOptions(args, config, logger);
  const host = args.serve.host ?? String(config.host ?? "127.0.0.1");
  const port = args.serve.port ?? Number(config.port ?? 4000);

  const builder = new IncrementalBuilder({ overrides: args.overrides as any, logger });
  let lastReport: RebuildReport | null = null;
  const build = (changed?: string[]): BuildError | null => {
    try {
      lastReport = changed ? builder.rebuild(changed) : builder.buildAll();
      const r = lastReport;
      logger.info("", `${changed ? "..." : ""}done in ${(r.ms / 1000).toFixed(3)} seconds.`);
      logger.debug("Rebuilt:", `${r.full ? "full build" : "incremental"}: ${r.rendered} rendered, ${r.reused} reused, ${r.written} written, ${r.removed} removed in ${r.ms.toFixed(1)} ms`);
      return null;
    } catch (e) {
      reportError(e, logger, args.trace);
      return e instanceof BuildError ? e : new BuildError(String((e as Error)?.message ?? e));
    }
  };

  if (!args.serve.skipInitialBuild) {
    logger.info("Source:", config.source);
    logger.info("Destination:", config.destination);
    // Every rebuild of serve is incremental (serve-incremental.test.ts: each equals a clean build).
    logger.info("Incremental build:", "enabled");
    logger.info("Generating...");
    const err = build();
    if (err && (!options.watch || options.detach)) { builder.dispose(); return 1; }
  } else if (!isDetachedServer()) {
    logger.warn("Build Warning:", "Skipping the initial build. This may result in an out-of-date site.");
  }

  if (options.detach) {
    builder.dispose();
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
  if (options.watch) {
    watcher = await watchSite(loaded, () => loadConfigQuietly(args), async (changes: SourceChange[]) => {
      logRegenerating(logger, config.source, changes);
      const err = build(changes.map((c) => c.path));
      logger.info("", "");
      if (err) {
        server.showError({ message: err.message, file: err.file, line: err.line, column: err.column });
        return;
      }
      server.clearError();
      const report = lastReport as RebuildReport | null;
      const outputs = report ? outputsToReload(report.changedOutputs, options.livereloadIgnore, report.sourceOf) : [];
      if (outputs.length === 0) return;
      const cssOnly = outputs.every((p) => /\.css(\.map)?$/.test(p));
      server.reload(cssOnly ? "css" : "page", outputs);
    });
    logger.info("Auto-regeneration:", `enabled for '${config.source}'`);
  } else {
    logger.info("Auto-regeneration:", "disabled. Use --watch to enable.");
  }
  logger.info("", "Server running... press ctrl-c to stop.");
  await new Promise<void>((resolve) => {
    // Ctrl-C (or a supervisor's SIGTERM) ends the process as Jekyll's does: the watcher's
    // handles would otherwise keep Node running after the server has closed.
    const stop = () => {
      builder.dispose();
      void Promise.all([watcher?.close(), server.close()]).finally(resolve);
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
