// The writer thread (see write-thread.ts): performs the write stage's file operations in the
// order they arrive, into the staging folder, while the main thread renders. It reports the
// first failure (and then skips the rest) when the main thread says the build is finished.
import { parentPort, workerData } from "node:worker_threads";
import { raiseSignal } from "../blocking-worker.js";
import { DirMaker, perform, type FileOp } from "./file-ops.js";
import { WRITER_DONE, WRITER_STARTED, type WriterMessage, type WriterReply, type WriterRequest } from "./write-protocol.js";

const request = workerData as WriterRequest;
const dirs = new DirMaker(request.root);
let files = 0;
let failure: Extract<WriterReply, { ok: false }> | null = null;

function run(ops: FileOp[]): void {
  for (const op of ops) {
    if (failure) return;
    try {
      perform(op, dirs);
      files++;
    } catch (e) {
      fail(op.target, e);
    }
  }
}

function fail(target: string, e: unknown): void {
  const err = e as NodeJS.ErrnoException;
  failure ??= { ok: false, target, code: err?.code, message: err?.message ?? String(e) };
}

parentPort!.on("message", (message: WriterMessage) => {
  if (message.type === "finish") {
    request.port.postMessage(failure ?? ({ ok: true, files } satisfies WriterReply));
    raiseSignal(request.signal, WRITER_DONE);
    parentPort!.close();
    return;
  }
  try {
    handle(message);
  } catch (e) {
    fail(request.root, e);
  }
});
raiseSignal(request.signal, WRITER_STARTED);

function handle(message: Exclude<WriterMessage, { type: "finish" }>): void {
  if (message.type === "dirs") {
    for (const dir of message.dirs) {
      if (failure) break;
      try {
        dirs.ensure(dir);
      } catch (e) {
        fail(dir, e);
      }
    }
  } else {
    run(message.ops);
  }
}
