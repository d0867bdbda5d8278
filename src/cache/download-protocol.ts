// What the main thread and the download thread (download-worker.ts) say to each other.
import type { BlockingWorkerData } from "../blocking-worker.js";

export const DOWNLOAD_PENDING = 0;
export const DOWNLOAD_DONE = 1;

export interface DownloadRequest extends BlockingWorkerData {
  url: string;
  maxBytes: number;
  timeoutMs: number;
}

export type DownloadReply =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; message: string; status?: number };
