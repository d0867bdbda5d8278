// The download thread (see archive-cache.ts): fetches one URL with a size cap and a deadline, and
// hands the bytes to the main thread, which waits for them synchronously (the build is synchronous).
import { workerData } from "node:worker_threads";
import { raiseSignal } from "../blocking-worker.js";
import { DOWNLOAD_DONE, type DownloadReply, type DownloadRequest } from "./download-protocol.js";

const request = workerData as DownloadRequest;

function reply(message: DownloadReply, transfer: ArrayBuffer[] = []): void {
  request.port.postMessage(message, transfer);
  raiseSignal(request.signal, DOWNLOAD_DONE);
}

async function download(): Promise<void> {
  const response = await fetch(request.url, {
    redirect: "follow",
    headers: { "user-agent": "build-site (theme download)" },
    signal: AbortSignal.timeout(request.timeoutMs),
  });
  if (!response.ok) {
    reply({ ok: false, message: `the server answered ${response.status} ${response.statusText}`.trim(), status: response.status });
    return;
  }
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (declared > request.maxBytes) {
    reply({ ok: false, message: `the archive is ${declared} bytes, more than the ${request.maxBytes} allowed` });
    return;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > request.maxBytes) {
      reply({ ok: false, message: `the archive is more than the ${request.maxBytes} bytes allowed` });
      return;
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.byteLength; }
  reply({ ok: true, bytes }, [bytes.buffer]);
}

download().catch((e: unknown) => {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const why = err.name === "TimeoutError" ? "it took too long" : err.cause?.code ?? err.cause?.message ?? err.message;
  reply({ ok: false, message: `the download failed (${why})` });
});
