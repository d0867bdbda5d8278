// `build-site serve`: build, serve the destination, and on every change rebuild and tell open
// pages to reload. A failed rebuild keeps the last good `_site` being served (the writer only swaps
// in complete builds) and shows the error in the terminal and in the browser.
import { spawn } from "node:child_process";
import path from "node:path";
import { loadConfig } from "../config/load.js";
import { IncrementalBuilder, type RebuildReport } from "../serve/incremental.js";
import { BuildError } from "../errors.js";
import { startPreviewServer } from "../serve/server.js";
import { watchSource, type SourceChange } from "../serve/watch.js";
import { stagingDirFor } from "../write/writer.js";
import type { ParsedArgs } from "./args.js";
import type { ConsoleLogger } from "./logger.js";
import { reportError } from "./main.js";

export async function runServe(args: ParsedArgs, logger: ConsoleLogger): Promise<number> {
  const loaded = loadConfig(args.overrides as any);
  const config = loaded.config;
  for (const f of loaded.files) logger.info("Configuration file:", f);
  logger.info("Source:", config.source);
  logger.info("Destination:", config.destination);
  const host = args.serve.host ?? String(config.host ?? "127.0.0.1");
  const port = args.serve.port ?? Number(config.port ?? 4000);

  const builder = new IncrementalBuilder({ overrides: args.overrides as any, logger, force: args.force });
  let lastReport: RebuildReport | null = null;
  const build = (changed?: string[]): BuildError | null => {
    try {
      lastReport = changed ? builder.rebuild(changed) : builder.buildAll();
      const r = lastReport;
      logger.info("", `done in ${(r.ms / 1000).toFixed(3)} seconds.`);
      logger.debug("Rebuilt:", `${r.full ? "full build" : "incremental"}: ${r.rendered} rendered, ${r.reused} reused, ${r.written} written, ${r.removed} removed in ${r.ms.toFixed(1)} ms`);
      return null;
    } catch (e) {
      reportError(e, logger, args.trace);
      return e instanceof BuildError ? e : new BuildError(String((e as Error)?.message ?? e));
    }
  };

  if (!args.serve.skipInitialBuild) {
    logger.info("Generating...");
    const err = build();
    if (err && !args.serve.watch) { builder.dispose(); return 1; }
  }

  const baseurl = String(config.baseurl ?? "");
  const server = await startPreviewServer({ root: config.destination, baseurl, host, port, livereload: args.serve.livereload });
  logger.info("Server address:", server.url);
  if (args.serve.open) openInBrowser(server.url, logger);
  let watcher: { close(): Promise<void> } | null = null;
  if (args.serve.watch) {
    const dest = path.resolve(config.destination);
    const staging = stagingDirFor(dest);
    const ignored = (p: string) => {
      const abs = path.resolve(p);
      // The staging folder and the old trees being deleted share the staging folder's name as prefix.
      if (abs.startsWith(staging)) return true;
      return [dest, path.join(config.source, ".jekyll-cache"), path.join(config.source, ".build-site-cache"), path.join(config.source, "node_modules"), path.join(config.source, ".git")]
        .some((d) => abs === d || abs.startsWith(d + path.sep));
    };
    watcher = await watchSource({
      source: config.source,
      ignored,
      // Editors' save bursts (temp file, rename) land within a few milliseconds; waiting longer
      // only delays the reload the author is waiting for.
      debounceMs: 50,
      onChanges: async (changes: SourceChange[]) => {
        logger.info("Regenerating:", `${changes.length} file(s) changed at ${new Date().toLocaleTimeString()}`);
        for (const c of changes) logger.debug("", `${c.kind} ${path.relative(config.source, c.path)}`);
        const err = build(changes.map((c) => c.path));
        if (err) {
          server.showError({ message: err.message, file: err.file, line: err.line, column: err.column });
          return;
        }
        server.clearError();
        const outputs = lastReport?.changedOutputs ?? [];
        if (outputs.length === 0) return;
        const cssOnly = outputs.every((p) => /\.css(\.map)?$/.test(p));
        server.reload(cssOnly ? "css" : "page", outputs);
      },
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
