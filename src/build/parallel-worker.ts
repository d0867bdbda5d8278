// The render worker (see parallel.ts): reads the site exactly as the main thread does, renders
// the documents it claims, writes them into the staging folder when it may (writeEarly), and sends
// their content and output back. It renders no pages.
import { workerData } from "node:worker_threads";
import { raiseSignal } from "../blocking-worker.js";
import { Builder } from "../build.js";
import { loadConfig } from "../config/load.js";
import { BuildError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Document } from "../site/document.js";
import { OTHER_CONTENT } from "../render/drops.js";
import { LAYOUT_INPUT } from "../render/renderer.js";
import { writeEarly } from "../write/writer.js";
import { Claims, SIGNAL_DONE, SIGNAL_STARTED, documentsInOrder, type RenderedDoc, type WorkerReply, type WorkerRequest } from "./parallel.js";

const request = workerData as WorkerRequest;
// Our modules loaded: tell the main thread we are alive (see RenderWorker#result).
raiseSignal(request.signal, SIGNAL_STARTED);
const warnings: Array<[string, string]> = [];
let rendering = false;
/** Warnings from reading are the main thread's to print; those from rendering its documents are ours. */
const logger: Logger = {
  info() {},
  debug() {},
  warn(topic, message = "") { if (rendering) warnings.push([topic, message]); },
};

function reply(message: WorkerReply): void {
  request.port.postMessage(message);
  raiseSignal(request.signal, SIGNAL_DONE);
}

try {
  const builder = new Builder({ overrides: request.overrides, logger });
  const loaded = loadConfig(request.overrides);
  const rendered: RenderedDoc[] = [];
  let docs: Document[] | null = null;
  const index = new Map<Document, number>();
  let count = 0;
  const claims = new Claims(request.claims);
  let write: ((item: Document) => boolean) | null = null;
  try {
    builder.render(loaded, { plan: (site, _renderer, outputsFinal) => ({
      mustRender: (item) => {
        if (item.kind !== "document") return false;
        if (!docs) {
          docs = documentsInOrder(site);
          docs.forEach((d, i) => index.set(d, i));
          count = docs.length;
          rendering = true;
          // The main thread's write stage makes the same decision from the same site (writer.ts).
          if (request.staging && outputsFinal) write = writeEarly(site, request.staging);
        }
        return claims.mine(index.get(item) ?? 0);
      },
      reuse: () => {},
      rendered: (item, deps) => {
        if (item.kind !== "document") return;
        const written = write ? write(item) : false;
        const layoutInput = (item as { [LAYOUT_INPUT]?: string })[LAYOUT_INPUT] ?? null;
        rendered.push({ index: index.get(item)!, content: item.content, output: item.output ?? "", impure: deps.has(OTHER_CONTENT), written, layoutInput });
      },
    }) });
  } finally {
    builder.dispose();
  }
  reply({ ok: true, docs: rendered, warnings, count });
} catch (e) {
  const b = e instanceof BuildError ? e : null;
  reply({
    ok: false,
    message: b ? b.message : `render worker failed: ${(e as Error)?.message ?? e}`,
    file: b?.file,
    line: b?.line,
    column: b?.column,
    hint: b?.hint,
    stack: (e as Error)?.stack,
  });
}
