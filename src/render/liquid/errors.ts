// liquidjs errors as BuildErrors naming the file and line the user must fix. A failure inside
// an include keeps the include's own token (liquidjs passes inner Liquid errors through), so it
// names the include file and its line, as Jekyll does ("… in _includes/x.html").
import path from "node:path";
import { LiquidError } from "liquidjs";
import { BuildError } from "../../errors.js";
import type { SyntaxProblem } from "./ruby-syntax/error-mode.js";

/** Strips the ", line:1, col:2" liquidjs appends to messages. */
function cleanMessage(e: any): string {
  const original = e.originalError;
  if (original && typeof original.message === "string" && !LiquidError.is(original)) return original.message;
  return String(e.message).replace(/(, file:[^,]*)?, line:\d+, col:\d+$/, "");
}

/** A file under the site source as a path relative to it; other paths as they are. */
export function displayPath(source: string, file: string): string {
  if (path.isAbsolute(file) && source && (file + "/").startsWith(source.endsWith("/") ? source : source + "/")) return path.relative(source, file);
  return file;
}

/**
 * A `warn`-mode warning as Jekyll prints it after "Liquid Warning:" (Liquid::SyntaxError#message,
 * then "in <path>"); the line counts from the top of the file, front matter included.
 */
export function formatWarning(w: SyntaxProblem, lineOffset: number, file: string): string {
  return `Liquid syntax error (line ${w.line + lineOffset}): ${w.message} in ${file}`;
}

export function toBuildError(e: unknown, source: string, lineOffsets: Map<string, number>, fallbackFile?: string): BuildError {
  if (e instanceof BuildError) return e;
  // A data file read on first use (src/read/bibliography.ts) keeps its own file and line.
  const original = (e as { originalError?: unknown }).originalError;
  if (original instanceof BuildError && original.ownLocation) return original;
  if (LiquidError.is(e)) {
    let err: any = e;
    // LiquidErrors (catchAllErrors) carry a list; report the first.
    if (Array.isArray(err.errors) && err.errors.length) err = err.errors[0];
    const token = err.token;
    let file: string | undefined = token?.file ?? fallbackFile;
    let line: number | undefined;
    let column: number | undefined;
    if (token && typeof token.getPosition === "function") {
      [line, column] = token.getPosition() as [number, number];
      line = line! + (lineOffsets.get(token.file ?? fallbackFile ?? "") ?? 0);
    }
    if (file) file = displayPath(source, file);
    return new BuildError(`Liquid Exception: ${cleanMessage(err)}`, { file, line, column, cause: e });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new BuildError(`Liquid Exception: ${message}`, { file: fallbackFile, cause: e });
}
