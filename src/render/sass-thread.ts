// Sass on a thread of its own. Loading sass-embedded costs 160–280 ms of CPU (its JavaScript,
// protobuf and rxjs) and its compiler process another ~50 ms to boot before the first compile
// answers; a cold build of a themed homepage spends a third of its time there. The thread starts
// as soon as the reader has seen a stylesheet page, so that loading and booting happen on the
// other core while the main thread renders; the main thread's compile calls stay synchronous
// (Atomics.wait on a shared signal, then receiveMessageOnPort).
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { SassCompileOptions, SassReply, SassThreadRequest } from "./sass-protocol.js";

const NOT_READY = -2;
const FAILED = -1;
const START_TIMEOUT_MS = 15_000;
/** A compile that never answers means the thread died; no theme takes this long. */
const COMPILE_TIMEOUT_MS = 10 * 60_000;

export class SassThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;
  private broken = false;

  constructor() {
    Atomics.store(this.signal, 0, NOT_READY);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const request: SassThreadRequest = { port: port2, signal: this.signal };
    this.worker = new Worker(new URL("./sass-worker.js", import.meta.url), { workerData: request, transferList: [port2] });
    this.worker.on("error", () => { this.broken = true; });
    this.worker.unref();
  }

  /** The compile's reply; null when the thread is not usable (the caller compiles itself). */
  compile(source: string, options: SassCompileOptions): SassReply | null {
    if (this.broken) return null;
    const id = this.nextId++;
    this.worker.postMessage({ id, source, options });
    if (!this.waitWhile((v) => v === NOT_READY, START_TIMEOUT_MS)) return this.giveUp();
    if (!this.waitWhile((v) => v !== id && v !== FAILED, COMPILE_TIMEOUT_MS)) return this.giveUp();
    if (Atomics.load(this.signal, 0) === FAILED) return this.giveUp();
    const msg = receiveMessageOnPort(this.port);
    return msg ? (msg.message as SassReply) : this.giveUp();
  }

  /** The thread ends its compiler process and exits (terminating it could orphan the process). */
  dispose(): void {
    if (!this.broken) this.worker.postMessage({ dispose: true });
  }

  /** False when the deadline passed. */
  private waitWhile(pending: (value: number) => boolean, ms: number): boolean {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = Atomics.load(this.signal, 0);
      if (!pending(v)) return true;
      if (Date.now() > deadline) return false;
      Atomics.wait(this.signal, 0, v, 250);
    }
  }

  private giveUp(): null {
    this.broken = true;
    void this.worker.terminate();
    return null;
  }
}
