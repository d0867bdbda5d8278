// The Sass thread (see sass-thread.ts): loads sass-embedded and starts its compiler process
// while the main thread reads and renders, then compiles what the main thread sends.
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import type * as sass from "sass-embedded";
import { raiseSignal } from "../blocking-worker.js";
import { compileToReply } from "./sass-compile.js";
import { SASS_FAILED, SASS_READY, type SassCompileOptions, type SassThreadRequest } from "./sass-protocol.js";

const request = workerData as SassThreadRequest;
let api: typeof sass;
let compiler: sass.Compiler;
try {
  api = createRequire(import.meta.url)("sass-embedded") as typeof sass;
  compiler = api.initCompiler();
} catch {
  // The main thread compiles itself (and reports the error) when the thread cannot.
  raiseSignal(request.signal, SASS_FAILED);
  process.exit(0);
}

parentPort!.on("message", (m: { id: number; source: string; options: SassCompileOptions } | { dispose: true }) => {
  if ("dispose" in m) {
    // Ends the compiler process; with the port closed the thread then exits by itself.
    compiler.dispose();
    parentPort!.close();
    request.port.close();
    return;
  }
  request.port.postMessage(compileToReply(api, compiler, m.id, m.source, m.options));
  raiseSignal(request.signal, m.id);
});
// Ready: compile requests may already be waiting in the queue.
raiseSignal(request.signal, SASS_READY);
