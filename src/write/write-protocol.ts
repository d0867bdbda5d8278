// Messages between the main thread and the writer thread (write-thread.ts, writer-worker.ts).
import type { BlockingWorkerData } from "../blocking-worker.js";
import type { FileOp } from "./file-ops.js";

/** Values of the shared signal: the main thread blocks on it while the writer finishes. */
export const WRITER_NONE = 0;
export const WRITER_STARTED = 1;
export const WRITER_DONE = 2;

export interface WriterRequest extends BlockingWorkerData {
  /** The staging folder every target lies in. */
  root: string;
  /** [0]: batches of operations performed so far (the main thread holds back when far ahead). */
  progress: Int32Array;
}

export type WriterMessage =
  | { type: "dirs"; dirs: string[] }
  | { type: "ops"; ops: FileOp[] }
  | { type: "finish" };

export type WriterReply =
  | { ok: true; files: number }
  | { ok: false; target: string; code?: string; message: string };
