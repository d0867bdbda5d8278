// Messages between the main thread and the Sass thread (sass-thread.ts, sass-worker.ts).
import type { BlockingWorkerData } from "../blocking-worker.js";

/** The signal is raised to a request's id (from 1) once its reply is on the port. */
export interface SassThreadRequest extends BlockingWorkerData {
  /**
   * Who owns the compiler's start, set with compareExchange from SASS_START_OPEN: the thread
   * (SASS_STARTING) just before it starts the compiler process, or the main thread
   * (SASS_CANCELLED) when the build ended first, after which the thread starts nothing.
   */
  control: Int32Array;
  /** serve's rebuild thread: raised before the thread is terminated (sass-process-guard.ts). */
  guard?: Int32Array;
}

export const SASS_START_OPEN = 0;
export const SASS_STARTING = 1;
export const SASS_CANCELLED = 2;

/** Signal values before any reply: not started yet, sass-embedded failed to load, ready. */
export const SASS_NOT_READY = -2;
export const SASS_FAILED = -1;
export const SASS_READY = 0;
/** The compiler process has exited and been reaped (after a dispose request). */
export const SASS_DISPOSED = -3;

/** sass-embedded's compileString options that cross threads (plain data only). */
export interface SassCompileOptions {
  syntax: "indented" | "scss";
  style: "expanded" | "compressed";
  loadPaths: string[];
  /** Real paths of the folders Sass may read from (the site, its theme): sass-importer.ts. */
  readRoots: string[];
  /** The site's source, for messages. */
  source: string;
  url?: string;
  sourceMap: boolean;
  quietDeps: boolean;
  silenceDeprecations: string[];
}

/** What the main thread sends the Sass thread: one compile (waiting for its reply before the next), or the end. */
export type SassThreadMessage =
  | { id: number; source: string; options: SassCompileOptions; timeLimitMs: number }
  | { dispose: true };

export interface SassWarning {
  message: string;
  url?: string;
  /** 0-based, as sass-embedded's spans. */
  line?: number;
}

export type SassReply =
  | { id: number; ok: true; css: string; sourceMap?: { sources: string[]; [k: string]: unknown }; warnings: SassWarning[]; loadedUrls?: string[] }
  | { id: number; ok: false; sassMessage?: string; span?: { url?: string; line: number; column: number }; message: string; warnings: SassWarning[]; timedOut?: true };
