// A worker thread that the main thread waits for synchronously. The render worker, the writer
// thread and the Sass thread all serve a build that runs synchronously on the main thread, which
// therefore cannot hear a worker's events while it waits: each worker raises a shared signal
// (an Int32Array on a SharedArrayBuffer) when its reply is on the port, and the main thread blocks
// on the signal with Atomics.wait, then takes the reply with receiveMessageOnPort.
import os from "node:os";
// Loaded on first use in the bundle (scripts/bundle.mjs): a build that starts no thread does not pay for it.
import * as workerThreads from "node:worker_threads"; // bundle: lazy
import type { MessagePort, Worker, WorkerOptions } from "node:worker_threads";

export function availableCores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/** Whether a build may start threads of its own: two cores or more, and not BUILD_SITE_WORKERS=0. */
export function parallelismAvailable(): boolean {
  if (process.env.BUILD_SITE_WORKERS === "0") return false;
  return availableCores() >= 2;
}

/** What every such worker receives in its workerData, besides its own fields. */
export interface BlockingWorkerData {
  /** The worker posts its replies here. */
  port: MessagePort;
  signal: Int32Array;
}

export class BlockingWorker {
  readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  /** Set when the worker reported an error event (only heard while the main thread is not blocked). */
  failed = false;

  constructor(script: URL, data: object, options: Pick<WorkerOptions, "stdout" | "stderr"> = {}, initialSignal = 0) {
    Atomics.store(this.signal, 0, initialSignal);
    const { port1, port2 } = new workerThreads.MessageChannel();
    this.port = port1;
    const workerData: BlockingWorkerData = { ...data, port: port2, signal: this.signal };
    this.worker = new workerThreads.Worker(script, { ...options, workerData, transferList: [port2] });
    // A worker that fails is noticed through the signal; its error event must not end the process.
    this.worker.on("error", () => { this.failed = true; });
    this.worker.unref();
  }

  post(message: unknown): void {
    this.worker.postMessage(message);
  }

  /** Blocks while `pending(signal)` holds; false when `ms` passed first. */
  waitWhile(pending: (value: number) => boolean, ms: number): boolean {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = Atomics.load(this.signal, 0);
      if (!pending(v)) return true;
      if (Date.now() > deadline) return false;
      Atomics.wait(this.signal, 0, v, 250);
    }
  }

  /** The next reply on the port, if there is one. */
  receive<T>(): T | undefined {
    const msg = workerThreads.receiveMessageOnPort(this.port);
    return msg ? (msg.message as T) : undefined;
  }

  terminate(): void {
    void this.worker.terminate();
  }
}

/** The worker's side: raise the signal to `value` and wake the main thread. */
export function raiseSignal(signal: Int32Array, value: number): void {
  Atomics.store(signal, 0, value);
  Atomics.notify(signal, 0);
}
