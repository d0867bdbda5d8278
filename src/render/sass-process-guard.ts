// The Sass compiler's process when `serve` abandons a rebuild. serve builds on a worker thread
// (serve/rebuild-thread.ts) whose Sass thread (sass-worker.ts) owns a Dart Sass process. A
// runaway rebuild is ended by terminating that worker, which takes the Sass thread with it: the
// process, cut off from its pipes, exits, but the event loop that would have reaped it is gone,
// and it stays a zombie of the server until the server exits — one per abandoned rebuild.
//
// So before terminating, the server raises this guard: the Sass thread, whose event loop runs
// whatever the rebuild thread is stuck in, kills its compiler's process and waits until its own
// loop has reaped it; the server waits (bounded) until none is left, then terminates.
//
// The guard is two Int32 slots on a SharedArrayBuffer: [0] is raised to 1 to end, [1] counts the
// compiler processes started (or about to be) and not yet reaped.
const END = 0;
const LIVE = 1;

type WaitAsyncResult = { async: false; value: "not-equal" | "timed-out" } | { async: true; value: Promise<"ok" | "timed-out"> };
/** Atomics.waitAsync (Node 16 and later), which the ES2022 library this project compiles against lacks. */
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, index: number, value: number, ms?: number): WaitAsyncResult }).waitAsync;

export type SassProcessGuard = Int32Array;

export function newSassProcessGuard(): SassProcessGuard {
  return new Int32Array(new SharedArrayBuffer(8));
}

/**
 * The server's side: asks every compiler process under the guard to end, and resolves once all
 * have been reaped or `ms` have passed (a thread still loading sass-embedded, say).
 */
export async function endSassProcesses(guard: SassProcessGuard, ms: number): Promise<void> {
  Atomics.store(guard, END, 1);
  Atomics.notify(guard, END);
  const deadline = Date.now() + ms;
  for (;;) {
    const live = Atomics.load(guard, LIVE);
    const left = deadline - Date.now();
    if (live <= 0 || left <= 0) return;
    const wait = waitAsync(guard, LIVE, live, left);
    if (wait.async) await wait.value;
  }
}

/** The Sass thread's side: `onEnd` runs (on this thread's event loop) once the server raises the guard. */
export function onSassEnd(guard: SassProcessGuard, onEnd: () => void): void {
  const wait = waitAsync(guard, END, 0);
  if (!wait.async) {
    queueMicrotask(onEnd);
    return;
  }
  void wait.value.then(onEnd);
}

/**
 * Counts a compiler process about to start; false (and not counted) when the server has already
 * raised the guard, and then no process may be started.
 */
export function sassProcessStarting(guard: SassProcessGuard): boolean {
  Atomics.add(guard, LIVE, 1);
  if (Atomics.load(guard, END) === 0) return true;
  sassProcessGone(guard);
  return false;
}

/** A counted process has been reaped (or never started). */
export function sassProcessGone(guard: SassProcessGuard): void {
  Atomics.sub(guard, LIVE, 1);
  Atomics.notify(guard, LIVE);
}
