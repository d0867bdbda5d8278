// How every command reports a failure: where, what, what to do; the stack only on request, or
// when build-site itself is at fault.
import path from "node:path";
import { BuildError } from "../errors.js";
import type { ConsoleLogger } from "../logger.js";

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
