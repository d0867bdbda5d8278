// Messages between the main thread and the Sass thread (sass-thread.ts, sass-worker.ts).
import type { BlockingWorkerData } from "../blocking-worker.js";

/** The signal is raised to a request's id (from 1) once its reply is on the port. */
export type SassThreadRequest = BlockingWorkerData;

/** Signal values before any reply: not started yet, sass-embedded failed to load, ready. */
export const SASS_NOT_READY = -2;
export const SASS_FAILED = -1;
export const SASS_READY = 0;

/** sass-embedded's compileString options that cross threads (plain data only). */
export interface SassCompileOptions {
  syntax: "indented" | "scss";
  style: "expanded" | "compressed";
  loadPaths: string[];
  url?: string;
  sourceMap: boolean;
  quietDeps: boolean;
  silenceDeprecations: string[];
}

export interface SassWarning {
  message: string;
  url?: string;
  /** 0-based, as sass-embedded's spans. */
  line?: number;
}

export type SassReply =
  | { id: number; ok: true; css: string; sourceMap?: { sources: string[]; [k: string]: unknown }; warnings: SassWarning[]; loadedUrls?: string[] }
  | { id: number; ok: false; sassMessage?: string; span?: { url?: string; line: number; column: number }; message: string; warnings: SassWarning[] };
