// The Sass thread (see sass-thread.ts): loads sass-embedded and starts its compiler process
// while the main thread reads and renders, then compiles what the main thread sends.
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import type * as sass from "sass-embedded";
import { compileToReply } from "./sass-compile.js";
import type { SassCompileOptions, SassThreadRequest } from "./sass-protocol.js";

const request = workerData as SassThreadRequest;
let api: typeof sass;
let compiler: sass.Compiler;
try {
  api = createRequire(import.meta.url)("sass-embedded") as typeof sass;
  compiler = api.initCompiler();
} catch {
  // The main thread compiles itself (and reports the error) when the thread cannot.
  Atomics.store(request.signal, 0, -1);
  Atomics.notify(request.signal, 0);
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
  Atomics.store(request.signal, 0, m.id);
  Atomics.notify(request.signal, 0);
});
// Ready: compile requests may already be waiting in the queue.
Atomics.store(request.signal, 0, 0);
Atomics.notify(request.signal, 0);
