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
/**
 * How many batches may wait for the thread before the main thread holds back: each holds its
 * pages' text, and when rendering outpaces the disk (a loaded machine, a slow disk) an unbounded
 * queue would hold most of the site's output. 256 batches are ~2,000 pages; the thread keeps
 * half of that to work on while the main thread goes on rendering.
 */
const MAX_BACKLOG = 256;
/** A thread that makes no progress for this long has stopped: the main thread no longer waits on it. */
const BACKLOG_WAIT_MS = 60_000;
const START_TIMEOUT_MS = 15_000;
/** A thread that started but never answers has died (it catches its own errors); give up then. */
const WRITE_TIMEOUT_MS = 30 * 60_000;

export class WriteThread {
  private readonly thread: BlockingWorker;
  private batch: FileOp[] = [];
  private finished: WriterReply | null | undefined;
  private readonly progress = new Int32Array(new SharedArrayBuffer(4));
  private batchesSent = 0;
  private backpressure = true;

  constructor(root: string) {
    this.thread = new BlockingWorker(new URL("./writer-worker.js", import.meta.url), { root, progress: this.progress });
  }

  /** Folders to create before anything else arrives (they are known before rendering starts). */
  makeDirs(dirs: string[]): void {
    this.post({ type: "dirs", dirs });
  }

  /** The thread runs (its script loaded); operations sent from now on will be performed there. */
  started(): boolean {
    return Atomics.load(this.thread.signal, 0) !== WRITER_NONE;
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
    this.batchesSent++;
    if (this.backpressure && this.batchesSent - Atomics.load(this.progress, 0) > MAX_BACKLOG && this.started()) this.holdBack();
  }

  /** Waits until the thread is down to half the allowed backlog. */
  private holdBack(): void {
    let done = Atomics.load(this.progress, 0);
    let idleSince = Date.now();
    while (this.batchesSent - done > MAX_BACKLOG / 2) {
      Atomics.wait(this.progress, 0, done, 1000);
      const now = Atomics.load(this.progress, 0);
      if (now !== done) idleSince = Date.now();
      else if (Date.now() - idleSince > BACKLOG_WAIT_MS) {
        // finish() will find out what happened to it; until then, do not wait again.
        this.backpressure = false;
        return;
      }
      done = now;
    }
  }

  private post(message: WriterMessage): void {
    this.thread.post(message);
  }
}
