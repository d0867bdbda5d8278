// A worker thread that does the write stage's system calls while the main thread renders.
//
// Creating files and folders is kernel time, and on this project's reference machine (ext4 on a
// virtual disk) it is the slowest part of a cold build: 1,000 new folders and files took
// 0.2–1.2 s, against ~0.6 s to render them. Done on the second core as pages finish rendering,
// it overlaps with the render instead of following it (bench/PROFILE.md, proposal 1). The thread
// runs a tiny script (file-ops.ts), so it starts in milliseconds and reads nothing of the site.
// Asynchronous fs calls on the main thread were measured and did not help: libuv's pool competes
// with rendering for the same two cores and serialises on the same folders.
import { BlockingWorker } from "../blocking-worker.js";
import type { FileOp } from "./file-ops.js";
import { WRITER_DONE, WRITER_NONE, WRITER_STARTED, type WriterMessage, type WriterReply } from "./write-protocol.js";

/** Operations go over in small batches: one message per file costs more than the copy of its text. */
const BATCH = 8;
const START_TIMEOUT_MS = 15_000;
/** A thread that started but never answers has died (it catches its own errors); give up then. */
const WRITE_TIMEOUT_MS = 30 * 60_000;

export class WriteThread {
  private readonly thread: BlockingWorker;
  private batch: FileOp[] = [];
  private finished: WriterReply | null | undefined;

  constructor(root: string) {
    this.thread = new BlockingWorker(new URL("./writer-worker.js", import.meta.url), { root });
  }

  /** Folders to create before anything else arrives (they are known before rendering starts). */
  makeDirs(dirs: string[]): void {
    this.post({ type: "dirs", dirs });
  }

  add(op: FileOp): void {
    this.batch.push(op);
    if (this.batch.length >= BATCH) this.flush();
  }

  /**
   * Blocks until the thread has performed every operation sent; null when it never started (the
   * caller then writes on this thread). The thread raises STARTED when it runs and DONE when it
   * has replied.
   */
  finish(): WriterReply | null {
    if (this.finished !== undefined) return this.finished;
    this.flush();
    this.post({ type: "finish" });
    this.thread.waitWhile((v) => v === WRITER_NONE, START_TIMEOUT_MS);
    this.thread.waitWhile((v) => v === WRITER_STARTED, WRITE_TIMEOUT_MS);
    const reply = Atomics.load(this.thread.signal, 0) === WRITER_DONE ? this.thread.receive<WriterReply>() : undefined;
    this.thread.terminate();
    this.finished = reply ?? null;
    return this.finished;
  }

  private flush(): void {
    if (!this.batch.length) return;
    this.post({ type: "ops", ops: this.batch });
    this.batch = [];
  }

  private post(message: WriterMessage): void {
    this.thread.post(message);
  }
}
