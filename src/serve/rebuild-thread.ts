// `serve` builds on a worker thread (rebuild-worker.ts), so the main thread is always free to
// answer HTTP requests, watch the source and hear Ctrl-C, whatever a build does. A build that
// runs away is abandoned: the thread is terminated (V8 stops even a tight loop) and a new one
// starts, whose first build is a full one. The destination is only ever replaced by a complete
// build, so the server keeps serving the last good `_site`. A build is not abandoned while it
// writes (a few file operations; the swap of a full build is two renames), unless writing itself
// hangs past WRITE_GRACE_MS.
import { Worker } from "node:worker_threads";
import type { Level } from "../logger.js";
import { BuildError } from "../errors.js";
import type { RebuildReport } from "./incremental.js";
import { endSassProcesses, newSassProcessGuard, type SassProcessGuard } from "../render/sass-process-guard.js";
import type { SourceChange } from "./coalesce.js";
import type { RebuildReply, RebuildRequest, RebuildWorkerData, SerializedError } from "./rebuild-worker.js";

export type RebuildOutcome =
  | { ok: true; report: RebuildReport }
  | { ok: false; error: Error; abandoned: boolean };

export interface RebuildThreadOptions {
  overrides: Record<string, unknown>;
  force: boolean;
  level: Level;
  /** Where the worker's log lines go. */
  write: (stream: "out" | "err", text: string) => void;
  /** A build running longer than this is abandoned (the backstop for runaways Liquid's bounds do not see). */
  watchdogMs: number;
  /** The worker's heap limit: a build that needs more is stopped with an error, not the server. */
  maxHeapMb?: number;
}

/** How long a build that has started writing may take to finish before it is abandoned anyway. */
const WRITE_GRACE_MS = 10_000;
/**
 * How long a thread about to be terminated is given to end its Sass compiler's process (a killed
 * process is reaped in milliseconds; this bounds a Sass thread still loading sass-embedded).
 */
const SASS_END_MS = 3_000;

interface Running {
  resolve: (outcome: RebuildOutcome) => void;
  startedAt: number;
  writing: boolean;
  watchdog: NodeJS.Timeout;
}

function revive(e: SerializedError): Error {
  if (e.buildError) {
    const err = new BuildError(e.message, { file: e.file, line: e.line, column: e.column, hint: e.hint });
    if (e.stack) err.stack = e.stack;
    return err;
  }
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

export class RebuildThread {
  private worker: Worker | null = null;
  /** Each worker's guard over its Sass compiler's process (render/sass-process-guard.ts). */
  private readonly sassGuards = new WeakMap<Worker, SassProcessGuard>();
  /** The worker holds no earlier build: its next build must be a full one. */
  private fresh = true;
  private running: Running | null = null;
  private closed = false;

  constructor(private readonly options: RebuildThreadOptions) {}

  /** Whether a build is running, and for how long. */
  get runningFor(): number | null {
    return this.running ? Date.now() - this.running.startedAt : null;
  }

  /** Builds (a full build when `changed` is absent or the thread is new). One at a time. */
  build(changed?: SourceChange[]): Promise<RebuildOutcome> {
    if (this.closed) return Promise.resolve({ ok: false, error: new Error("the server is stopping"), abandoned: true });
    if (this.running) throw new Error("RebuildThread: a build is already running");
    const worker = this.ensureWorker();
    const request: RebuildRequest = { type: "build", changed: changed && !this.fresh ? changed : null };
    this.fresh = false;
    return new Promise<RebuildOutcome>((resolve) => {
      const watchdog = setTimeout(() => {
        void this.abandon(`the rebuild ran longer than ${Math.round(this.options.watchdogMs / 1000)} s and was abandoned`);
      }, this.options.watchdogMs);
      watchdog.unref();
      this.running = { resolve, startedAt: Date.now(), writing: false, watchdog };
      worker.postMessage(request);
    });
  }

  /**
   * Stops the running build (if any): it ends as a failure with `reason`, and the next build
   * starts on a new thread. Waits for a build that is writing, up to WRITE_GRACE_MS.
   */
  async abandon(reason = "the rebuild was abandoned for a newer change"): Promise<void> {
    const run = this.running;
    if (!run) return;
    if (run.writing) {
      const finished = await new Promise<boolean>((resolve) => {
        const t = setTimeout(() => resolve(false), WRITE_GRACE_MS);
        t.unref();
        const original = run.resolve;
        run.resolve = (o) => { clearTimeout(t); original(o); resolve(true); };
      });
      if (finished) return;
    }
    this.finish({ ok: false, error: new BuildError(reason, { hint: "The last good build is still being served. Save a fix and the site rebuilds." }), abandoned: true });
    this.kill();
  }

  /** Ends the thread at once (Ctrl-C): a running build is abandoned, nothing waits for it. */
  async close(): Promise<void> {
    this.closed = true;
    this.finish({ ok: false, error: new Error("the server is stopping"), abandoned: true });
    const w = this.worker;
    this.worker = null;
    if (w) await this.terminate(w);
  }

  private finish(outcome: RebuildOutcome): void {
    const run = this.running;
    if (!run) return;
    this.running = null;
    clearTimeout(run.watchdog);
    run.resolve(outcome);
  }

  /**
   * Terminates the worker, once its Sass thread has ended its compiler's process: terminated with
   * it, the process would be left running (a runaway compile) and then unreaped, a zombie of the
   * server. The next build starts on a new worker meanwhile.
   */
  private kill(): void {
    const w = this.worker;
    this.worker = null;
    this.fresh = true;
    if (w) void this.terminate(w);
  }

  /** Ends `w`'s Sass compiler's process (a runaway compile would otherwise outlive the server), then `w`. */
  private async terminate(w: Worker): Promise<void> {
    const guard = this.sassGuards.get(w);
    if (guard) await endSassProcesses(guard, SASS_END_MS);
    await w.terminate().catch(() => undefined);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const sassGuard = newSassProcessGuard();
    const data: RebuildWorkerData = { overrides: this.options.overrides, force: this.options.force, level: this.options.level, sassGuard };
    const worker = new Worker(new URL("./rebuild-worker.js", import.meta.url), {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 4096 },
      // The worker's own output goes through its logger's messages; anything else it prints
      // (a library's console.log) is passed through as it is.
      stdout: false,
      stderr: false,
    });
    worker.on("message", (m: RebuildReply) => {
      if (worker !== this.worker) return;
      if (m.type === "log") this.options.write(m.stream, m.text);
      else if (m.type === "writing") { if (this.running) this.running.writing = true; }
      else if (m.type === "done") this.finish({ ok: true, report: { ...m.report, sourceOf: (o) => m.sources[o] } });
      else this.finish({ ok: false, error: revive(m.error), abandoned: false });
    });
    const died = (why: string) => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.fresh = true;
      this.finish({ ok: false, error: new BuildError(why, { hint: "The last good build is still being served. Save a fix and the site rebuilds." }), abandoned: false });
    };
    worker.on("error", (e: NodeJS.ErrnoException) => {
      died(e?.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? `the rebuild ran out of memory (more than ${this.options.maxHeapMb ?? 4096} MB) and was stopped`
        : `the rebuild failed unexpectedly: ${e?.message ?? e}`);
    });
    worker.on("exit", () => died("the rebuild thread stopped unexpectedly"));
    this.worker = worker;
    this.sassGuards.set(worker, sassGuard);
    return worker;
  }
}
