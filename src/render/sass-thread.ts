// Sass on a thread of its own. Loading sass-embedded as installed costs 160–280 ms of CPU (its
// JavaScript, protobuf and rxjs; the bundle's copy with its code cache ~50 ms, sass-package.ts) and
// its compiler process another ~50 ms to boot before the first compile answers; a cold build of a
// themed homepage spent a third of its time there. The thread starts
// as soon as the reader has seen a stylesheet page, so that loading and booting happen on the
// other core while the main thread renders; the main thread's compile calls stay synchronous
// (see blocking-worker.ts), and each has a time limit (sass-worker.ts).
import { BlockingWorker } from "../blocking-worker.js";
import {
  SASS_CANCELLED,
  SASS_DISPOSED as DISPOSED,
  SASS_FAILED as FAILED,
  SASS_NOT_READY as NOT_READY,
  SASS_START_OPEN,
  type SassCompileOptions,
  type SassReply,
  type SassThreadMessage,
} from "./sass-protocol.js";

const START_TIMEOUT_MS = 15_000;
/**
 * Past a compile's own time limit, how long the thread has to end it (kill the compiler's process)
 * and answer; a thread that has not by then is stopped.
 */
const ANSWER_MARGIN_MS = 15_000;

/** A compiler process that has not ended after this is left to the OS (it normally takes a moment). */
const DISPOSE_TIMEOUT_MS = 10_000;

export class SassThread {
  private readonly control = new Int32Array(new SharedArrayBuffer(4));
  private readonly thread: BlockingWorker;
  private nextId = 1;
  private broken = false;

  /** `guard`: serve's, for the rebuild thread this one runs under (sass-process-guard.ts). */
  constructor(guard?: Int32Array) {
    this.thread = new BlockingWorker(new URL("./sass-worker.js", import.meta.url), { control: this.control, guard }, {}, NOT_READY);
  }

  /**
   * The compile's reply, within `timeLimitMs` (a reply with `timedOut` past it); null when the
   * thread could not load Sass (the caller compiles itself).
   */
  compile(source: string, options: SassCompileOptions, timeLimitMs: number): SassReply | null {
    if (this.broken || this.thread.failed) return null;
    const id = this.nextId++;
    const message: SassThreadMessage = { id, source, options, timeLimitMs };
    this.thread.post(message);
    if (!this.thread.waitWhile((v) => v === NOT_READY, START_TIMEOUT_MS)) return this.giveUp();
    if (!this.thread.waitWhile((v) => v !== id && v !== FAILED, timeLimitMs + ANSWER_MARGIN_MS)) {
      // Not answering even past the limit: the thread is stuck, and compiling here instead would
      // have no bound at all.
      this.giveUp();
      return { id, ok: false, timedOut: true, message: `Sass did not finish within ${timeLimitMs / 1000} s`, warnings: [] };
    }
    if (Atomics.load(this.thread.signal, 0) === FAILED) return this.giveUp();
    return this.thread.receive<SassReply>() ?? this.giveUp();
  }

  /**
   * Ends the compiler process and returns once it has exited and been reaped, so that no process
   * outlives the build. A thread that has not started the process yet is told not to, and is
   * stopped at once (terminating one that had started it would orphan the process).
   */
  dispose(): void {
    if (Atomics.compareExchange(this.control, 0, SASS_START_OPEN, SASS_CANCELLED) === SASS_START_OPEN) {
      this.thread.terminate();
      return;
    }
    if (this.broken) return;
    const message: SassThreadMessage = { dispose: true };
    this.thread.post(message);
    // Replies still due (none in a build: every compile is waited for) come first.
    this.thread.waitWhile((v) => v !== DISPOSED && v !== FAILED, DISPOSE_TIMEOUT_MS);
    this.thread.terminate();
  }

  private giveUp(): null {
    this.broken = true;
    this.thread.terminate();
    return null;
  }
}
