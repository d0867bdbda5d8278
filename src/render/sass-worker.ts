// The Sass thread (see sass-thread.ts): loads sass-embedded and starts its compiler process
// while the main thread reads and renders, then compiles what the main thread sends.
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import type * as sass from "sass-embedded";
import { raiseSignal } from "../blocking-worker.js";
import { compileToReply } from "./sass-compile.js";
import { SASS_DISPOSED, SASS_FAILED, SASS_READY, SASS_START_OPEN, SASS_STARTING, type SassCompileOptions, type SassThreadRequest } from "./sass-protocol.js";

const request = workerData as SassThreadRequest;
let api: typeof sass;
let compiler: sass.Compiler;
try {
  api = createRequire(import.meta.url)("sass-embedded") as typeof sass;
  // The build may have ended while the package loaded: then no compiler process is started.
  if (Atomics.compareExchange(request.control, 0, SASS_START_OPEN, SASS_STARTING) !== SASS_START_OPEN) process.exit(0);
  compiler = api.initCompiler();
} catch {
  // The main thread compiles itself (and reports the error) when the thread cannot.
  raiseSignal(request.signal, SASS_FAILED);
  process.exit(0);
}

parentPort!.on("message", (m: { id: number; source: string; options: SassCompileOptions } | { dispose: true }) => {
  if ("dispose" in m) {
    // Ends the compiler process and waits until it has exited (sass-embedded's synchronous
    // dispose waits for the process's exit, which Node reaps); then the main thread may exit.
    compiler.dispose();
    parentPort!.close();
    request.port.close();
    raiseSignal(request.signal, SASS_DISPOSED);
    return;
  }
  request.port.postMessage(compileToReply(api, compiler, m.id, m.source, m.options));
  raiseSignal(request.signal, m.id);
});
// Ready: compile requests may already be waiting in the queue.
raiseSignal(request.signal, SASS_READY);
