// One Sass compile, as plain data in and out, so that the Sass thread and the main thread (when
// there is no thread) compile with the same code.
import type * as sass from "sass-embedded";
import type { SassCompileOptions, SassReply, SassWarning } from "./sass-protocol.js";
import { siteImporter } from "./sass-importer.js";
import { loadsStayInside } from "./sass-import-scan.js";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * sass-embedded's options from plain ones: the same for the synchronous and asynchronous
 * compilers. Files are found and read by the site's importer (sass-importer.ts), which checks
 * each before it is read, unless a scan of the folders proves that no load can leave the site or
 * its theme (sass-import-scan.ts): then Dart Sass finds and reads them itself, from `loadPaths`
 * and the entry's folder, without two messages per file.
 */
function compileOptions<K extends "sync" | "async">(text: string, o: SassCompileOptions, warnings: SassWarning[]): sass.StringOptions<K> {
  const entryDir = o.url?.startsWith("file:") ? path.dirname(fileURLToPath(o.url)) : undefined;
  // As `importer` it gets the entry's relative loads resolved against its URL (`file:…`); as the
  // one entry of `importers`, the URL as written when that finds nothing: then the load paths.
  const importer = siteImporter({ loadPaths: o.loadPaths, readRoots: o.readRoots, source: o.source });
  const loading = loadsStayInside(text, o.syntax, entryDir, o.loadPaths, o.readRoots)
    ? { loadPaths: o.loadPaths }
    : { importer, importers: [importer] };
  return {
    syntax: o.syntax,
    style: o.style,
    ...loading,
    url: o.url ? new URL(o.url) : undefined,
    charset: false,
    sourceMap: o.sourceMap,
    sourceMapIncludeSources: true,
    quietDeps: o.quietDeps,
    silenceDeprecations: o.silenceDeprecations as sass.DeprecationOrId[],
    logger: {
      warn: (message, options) => {
        warnings.push({ message, url: options.span?.url?.href, line: options.span?.start.line });
      },
    },
  };
}

function success(id: number, result: sass.CompileResult, warnings: SassWarning[]): SassReply {
  return { id, ok: true, css: result.css, sourceMap: result.sourceMap as unknown as { sources: string[] } | undefined, warnings, loadedUrls: result.loadedUrls.map((u) => u.href) };
}

function failure(api: typeof sass, id: number, e: unknown, warnings: SassWarning[]): SassReply {
  if (e instanceof api.Exception) {
    const span = e.span;
    return { id, ok: false, sassMessage: e.sassMessage, span: { url: span.url?.href, line: span.start.line, column: span.start.column }, message: e.message, warnings };
  }
  return { id, ok: false, message: String((e as Error)?.message ?? e), warnings };
}

export function compileToReply(api: typeof sass, compiler: sass.Compiler, id: number, source: string, o: SassCompileOptions): SassReply {
  const warnings: SassWarning[] = [];
  try {
    return success(id, compiler.compileString(source, compileOptions<"sync">(source, o, warnings)), warnings);
  } catch (e) {
    return failure(api, id, e, warnings);
  }
}

export async function compileToReplyAsync(api: typeof sass, compiler: sass.AsyncCompiler, id: number, source: string, o: SassCompileOptions): Promise<SassReply> {
  const warnings: SassWarning[] = [];
  try {
    return success(id, await compiler.compileStringAsync(source, compileOptions<"async">(source, o, warnings)), warnings);
  } catch (e) {
    return failure(api, id, e, warnings);
  }
}
