// Messages between the main thread and the Sass thread (sass-thread.ts, sass-worker.ts).
import type { BlockingWorkerData } from "../blocking-worker.js";

/** The signal is raised to a request's id once its reply is on the port, to -1 when sass-embedded failed to load. */
export type SassThreadRequest = BlockingWorkerData;

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
  | { id: number; ok: true; css: string; sourceMap?: { sources: string[]; [k: string]: unknown }; warnings: SassWarning[] }
  | { id: number; ok: false; sassMessage?: string; span?: { url?: string; line: number; column: number }; message: string; warnings: SassWarning[] };
