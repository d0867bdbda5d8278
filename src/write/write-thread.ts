// A worker thread that does the write stage's system calls while the main thread renders.
//
// Creating files and folders is kernel time, and on this project's reference machine (ext4 on a
// virtual disk) it is the slowest part of a cold build: 1,000 new folders and files took
// 0.2–1.2 s, against ~0.6 s to render them. Done on the second core as pages finish rendering,
// it overlaps with the render instead of following it (bench/PROFILE.md, proposal 1). The thread
// runs a tiny script (file-ops.ts), so it starts in milliseconds and reads nothing of the site.
// Asynchronous fs calls on the main thread were measured and did not help: libuv's pool competes
// with rendering for the same two cores and serialises on the same folders.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { FileOp } from "./file-ops.js";
import { WRITER_DONE, WRITER_NONE, WRITER_STARTED, type WriterMessage, type WriterReply, type WriterRequest } from "./write-protocol.js";

/** Operations go over in small batches: one message per file costs more than the copy of its text. */
const BATCH = 8;
const START_TIMEOUT_MS = 15_000;
/** A thread that started but never answers has died (it catches its own errors); give up then. */
const WRITE_TIMEOUT_MS = 30 * 60_000;

export class WriteThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private batch: FileOp[] = [];
  private finished: WriterReply | null | undefined;

  constructor(root: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const request: WriterRequest = { root, signal: this.signal, port: port2 };
    this.worker = new Worker(new URL("./writer-worker.js", import.meta.url), { workerData: request, transferList: [port2] });
    // A thread that dies is noticed through the signal (finish()); its error must not end the process.
    this.worker.on("error", () => {});
    this.worker.unref();
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
   * caller then writes on this thread). The main thread cannot hear a worker's events while it
   * waits, so the thread raises STARTED when it runs and DONE when it has replied.
   */
  finish(): WriterReply | null {
    if (this.finished !== undefined) return this.finished;
    this.flush();
    this.post({ type: "finish" });
    const waitWhile = (value: number, ms: number) => {
      const deadline = Date.now() + ms;
      while (Atomics.load(this.signal, 0) === value && Date.now() < deadline) Atomics.wait(this.signal, 0, value, 250);
    };
    waitWhile(WRITER_NONE, START_TIMEOUT_MS);
    waitWhile(WRITER_STARTED, WRITE_TIMEOUT_MS);
    const msg = Atomics.load(this.signal, 0) === WRITER_DONE ? receiveMessageOnPort(this.port) : undefined;
    void this.worker.terminate();
    this.finished = msg ? (msg.message as WriterReply) : null;
    return this.finished;
  }

  private flush(): void {
    if (!this.batch.length) return;
    this.post({ type: "ops", ops: this.batch });
    this.batch = [];
  }

  private post(message: WriterMessage): void {
    this.worker.postMessage(message);
  }
}
