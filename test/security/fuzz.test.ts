// Fuzz: 1,000 seeded mutations of a page with front matter, Liquid and Markdown. Each must end
// with a build or a located BuildError (a file, and a line where there is one), within its
// bounds: no other exception, and no hang (a case the builder thread has not answered after
// HANG_MS is a hang; the thread is then replaced and the run goes on, so every hang is counted).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import type { FuzzReply } from "./fuzz-worker.js";

const CASES = Number(process.env.BUILD_SITE_FUZZ_CASES ?? 1000);
const SEED = Number(process.env.BUILD_SITE_FUZZ_SEED ?? 14);
/** Far beyond a case's bounds (2 s of Liquid); only a real hang gets here. */
const HANG_MS = 60_000;

test(`fuzz: ${CASES} mutated pages each build or fail with a located error, none hangs`, { timeout: 60 * 60_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-fuzz-"));
  const counts = { built: 0, located: 0, unlocated: 0, uncaught: 0, hang: 0 };
  const problems: string[] = [];
  let worker: Worker | null = null;
  const start = () => new Worker(new URL("./fuzz-worker.js", import.meta.url), { workerData: { dir, seed: SEED } });
  try {
    for (let i = 0; i < CASES; i++) {
      worker ??= start();
      const w = worker;
      const reply = await new Promise<FuzzReply | "hang" | Error>((resolve) => {
        const timer = setTimeout(() => resolve("hang"), HANG_MS);
        const done = (v: FuzzReply | Error) => { clearTimeout(timer); w.off("message", done); w.off("error", done); resolve(v); };
        w.on("message", done);
        w.on("error", done);
        w.postMessage(i);
      });
      if (reply === "hang" || reply instanceof Error) {
        counts[reply === "hang" ? "hang" : "uncaught"]++;
        problems.push(`case ${i}: ${reply === "hang" ? "hang" : reply.stack}`);
        await w.terminate();
        worker = null;
        continue;
      }
      counts[reply.outcome]++;
      if (reply.outcome === "unlocated" || reply.outcome === "uncaught") problems.push(`case ${i}: ${reply.outcome}: ${reply.detail}`);
    }
  } finally {
    await worker?.terminate();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  t.diagnostic(`seed ${SEED}: ${JSON.stringify(counts)}`);
  assert.deepEqual(problems, [], `${problems.length} problem(s)`);
  assert.equal(counts.built + counts.located, CASES);
  // The mutations reach both ends: pages that still build, and errors.
  assert.ok(counts.built > CASES / 20, "many mutations still build");
  assert.ok(counts.located > CASES / 20, "many mutations are errors");
});
