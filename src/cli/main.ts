// build-site's entry point: parses the command line, runs the command, prints what Jekyll prints,
// and turns every failure into a located message and a non-zero exit code. Each command is a
// module of its own, loaded when it runs.
import { HELP, parseArgs, type ParsedArgs } from "./args.js";
import { runBuild } from "./build.js";
import { ConsoleLogger } from "../logger.js";
import { packageVersion } from "./package-root.js";
import { reportError } from "./report-error.js";
import { useLocalClock } from "../ruby/time.js";

export { packageVersion } from "./package-root.js";
export { reportError } from "./report-error.js";

export interface MainHooks {
  /** Called once a `build` has succeeded: bin/ writes the code cache then (src/cli/code-cache.ts). */
  afterBuild?: () => void;
}

export async function main(argv: string[], hooks: MainHooks = {}): Promise<number> {
  const logger = new ConsoleLogger();
  // The CLI runs on the process's main thread: zone offsets may be read from V8's clock (ruby/time.ts).
  useLocalClock();
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
      case "new": {
        const { runNew } = await import("./new.js");
        return runNew(args, logger);
      }
      case "clean": {
        const { runClean } = await import("./clean.js");
        return runClean(args, logger);
      }
      case "doctor": {
        const { runDoctor } = await import("./doctor.js");
        return runDoctor(args, logger);
      }
      case "citations": {
        const { runCitations } = await import("./citations.js");
        return await runCitations(args, logger);
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
