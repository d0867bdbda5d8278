// The Sass thread (see sass-thread.ts): loads sass-embedded and starts its compiler process
// while the main thread reads and renders, then compiles what the main thread sends.
//
// The compiler is sass-embedded's asynchronous one, so that this thread stays free while Dart Sass
// works and can end a compile that runs past `build_site.limits.sass_seconds`: Dart Sass has no
// bound of its own (an `@while` whose condition never turns false runs until the machine gives out,
// in Jekyll too). The compiler's process is then killed, and a new one started for the next compile.
import type { ChildProcess } from "node:child_process";
import { parentPort, workerData } from "node:worker_threads";
import type * as sass from "sass-embedded";
import { raiseSignal } from "../blocking-worker.js";
import { loadAsyncSass, type SassPackage } from "./sass-package.js";
import { compileToReplyAsync } from "./sass-compile.js";
import { onSassEnd, sassProcessGone, sassProcessStarting } from "./sass-process-guard.js";
import { SASS_DISPOSED, SASS_FAILED, SASS_READY, SASS_START_OPEN, SASS_STARTING, type SassReply, type SassThreadMessage, type SassThreadRequest } from "./sass-protocol.js";

const request = workerData as SassThreadRequest;
const guard = request.guard;
let sassPackage: SassPackage;
let api: typeof sass;
let compiler: Promise<sass.AsyncCompiler> | null = null;
// serve is about to terminate the thread that owns this one (an abandoned rebuild): end the
// compiler's process here, where it can be reaped, first. Heard even while loading the package.
if (guard) onSassEnd(guard, () => void endCompiler());
try {
  sassPackage = loadAsyncSass();
  api = sassPackage.api;
  // The build may have ended while the package loaded: then no compiler process is started.
  if (Atomics.compareExchange(request.control, 0, SASS_START_OPEN, SASS_STARTING) !== SASS_START_OPEN) process.exit(0);
  compiler = startCompiler();
} catch {
  // The main thread compiles itself (and reports the error) when the thread cannot.
  raiseSignal(request.signal, SASS_FAILED);
  process.exit(0);
}

/**
 * The compiler's process. sass-embedded keeps it in a field its types do not declare; without it
 * (another sass-embedded) a compile past the limit is reported all the same, and the process is
 * left to end with the build's dispose.
 */
function compilerProcess(c: sass.AsyncCompiler): ChildProcess | undefined {
  const p = (c as unknown as { process?: unknown }).process;
  return p && typeof (p as ChildProcess).kill === "function" ? (p as ChildProcess) : undefined;
}

/**
 * Starts a compiler process, counted under serve's guard until it has been reaped; null when the
 * guard is up (the thread is about to be terminated: nothing may be started that it cannot reap).
 */
function startCompiler(): Promise<sass.AsyncCompiler> | null {
  if (guard && !sassProcessStarting(guard)) return null;
  const started = api.initAsyncCompiler();
  if (guard) {
    started.then((c) => {
      const child = compilerProcess(c);
      if (!child || child.exitCode !== null || child.signalCode !== null) sassProcessGone(guard);
      else child.once("exit", () => sassProcessGone(guard));
    }, () => sassProcessGone(guard));
  }
  return started;
}

/** The guard went up: the compiler's process is killed and reaped, and none is started again. */
async function endCompiler(): Promise<void> {
  const current = compiler;
  compiler = null;
  if (!current) return;
  try {
    await kill(await current);
  } catch {
    // it never started: nothing to end
  }
}

/** Kills the compiler's process and waits until Node has reaped it (a killed process exits at once). */
async function kill(c: sass.AsyncCompiler): Promise<void> {
  const child = compilerProcess(c);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  await exited;
}

async function compile(m: Extract<SassThreadMessage, { id: number }>): Promise<SassReply> {
  compiler ??= startCompiler();
  if (!compiler) return { id: m.id, ok: false, message: "the build was abandoned", warnings: [] };
  const current = await compiler;
  let timer: NodeJS.Timeout | undefined;
  const overTime = new Promise<"over">((resolve) => { timer = setTimeout(() => resolve("over"), m.timeLimitMs); });
  const reply = await Promise.race([compileToReplyAsync(api, current, m.id, m.source, m.options), overTime]);
  clearTimeout(timer);
  if (reply !== "over") return reply;
  compiler = null;
  await kill(current);
  return { id: m.id, ok: false, timedOut: true, message: `Sass did not finish within ${m.timeLimitMs / 1000} s`, warnings: [] };
}

// Messages come one at a time: the main thread waits for each reply before it sends more.
parentPort!.on("message", async (m: SassThreadMessage) => {
  if ("dispose" in m) {
    // Ends the compiler process and waits until it has exited (sass-embedded's dispose waits for
    // the process's exit, which Node reaps); then the main thread may exit.
    if (compiler) await (await compiler).dispose();
    compiler = null;
    parentPort!.close();
    request.port.close();
    raiseSignal(request.signal, SASS_DISPOSED);
    return;
  }
  request.port.postMessage(await compile(m));
  raiseSignal(request.signal, m.id);
  // After the first reply, while the main thread goes on: the cache then holds what a compile runs.
  sassPackage.saveCache();
});
// Ready: compile requests may already be waiting in the queue.
raiseSignal(request.signal, SASS_READY);
