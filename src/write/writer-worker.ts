// The writer thread (see write-thread.ts): performs the write stage's file operations in the
// order they arrive, into the staging folder, while the main thread renders. It reports the
// first failure (and then skips the rest) when the main thread says the build is finished.
import { parentPort, workerData } from "node:worker_threads";
import { raiseSignal } from "../blocking-worker.js";
import { DirMaker, perform } from "./file-ops.js";
import { WRITER_DONE, WRITER_STARTED, type WriterMessage, type WriterReply, type WriterRequest } from "./write-protocol.js";

const request = workerData as WriterRequest;
const dirs = new DirMaker(request.root);
let files = 0;
let failure: Extract<WriterReply, { ok: false }> | null = null;

function fail(target: string, e: unknown): void {
  const err = e as NodeJS.ErrnoException;
  failure ??= { ok: false, target, code: err?.code, message: err?.message ?? String(e) };
}

/** After the first failure nothing more is done: the build fails and the staging folder goes. */
function attempt(target: string, action: () => void): void {
  if (failure) return;
  try {
    action();
  } catch (e) {
    fail(target, e);
  }
}

parentPort!.on("message", (message: WriterMessage) => {
  if (message.type === "dirs") {
    for (const dir of message.dirs) attempt(dir, () => dirs.ensure(dir));
  } else if (message.type === "ops") {
    for (const op of message.ops) attempt(op.target, () => { perform(op, dirs); files++; });
    Atomics.add(request.progress, 0, 1);
    Atomics.notify(request.progress, 0);
  } else {
    request.port.postMessage(failure ?? ({ ok: true, files } satisfies WriterReply));
    raiseSignal(request.signal, WRITER_DONE);
    parentPort!.close();
  }
});
raiseSignal(request.signal, WRITER_STARTED);
