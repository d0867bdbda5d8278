// Rebuild after one edit: start the engine's watch mode, wait until it has built once and is
// watching, then change one file and time until the engine says the rebuild is done. The edits
// (WATCH_EDITS): one post's body (a re-render of that post, and of what lists it), and the
// include every page of the synthetic blog uses (`_includes/meta.html`, Hugo's
// `partials/meta.html`: every page re-rendered). Two figures:
// edit → "done" line (what the author waits for, including each watcher's own delay before it
// starts rebuilding) and the engine's own report of the rebuild time.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Engine } from "./engines.js";
import type { BenchSite } from "./sites.js";
import { engineEnv } from "./measure.js";

/** What is edited: one post, or the include every page uses. */
export type WatchEdit = "post" | "include";
export const WATCH_EDITS: WatchEdit[] = ["post", "include"];

/** The file an edit changes, relative to the engine's source; null when the site has none. */
function editTarget(site: BenchSite, hugo: boolean, edit: WatchEdit): string | null {
  if (edit === "post") return (hugo ? site.editFile?.hugo : site.editFile?.jekyll) ?? null;
  if (site.kind !== "synthetic") return null;
  return hugo ? "layouts/partials/meta.html" : "_includes/meta.html";
}

export interface WatchResult {
  engine: string;
  site: string;
  /** What was edited (WatchEdit); absent means a post. */
  edit?: WatchEdit;
  mode: string;
  /** Milliseconds from the write to the "done" line, per edit. */
  editToDoneMs: number[];
  /** The engine's own figure per edit, in milliseconds. */
  selfReportedMs: number[];
  /** Milliseconds from start to watching (first build included). */
  startupMs: number | null;
  error?: string;
}

/** A TCP port nobody listens on now (for build-site serve). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Appends a distinct sentence to the post (a content change every engine must re-render), or a
 * distinct HTML comment to the include (in every page's output).
 */
export function editedText(original: string, k: number, edit: WatchEdit = "post"): string {
  if (edit === "include") return `${original.replace(/\n*$/, "")}<!-- edit ${k} -->\n`;
  return `${original.replace(/\n*$/, "\n")}\nEdited by the benchmark, edit number ${k}.\n`;
}

export async function measureWatch(engine: Engine, site: BenchSite, out: string, edits: number, timeoutMs: number, edit: WatchEdit = "post"): Promise<WatchResult> {
  const src = engine.sourceFor(site)!;
  const rel = editTarget(site, engine.id === "hugo", edit);
  const spec = engine.watch(src, out, await freePort());
  const result: WatchResult = { engine: engine.id, site: site.id, edit, mode: spec.mode, editToDoneMs: [], selfReportedMs: [], startupMs: null };
  if (!rel) return { ...result, error: `no ${edit} to edit` };
  const file = path.join(src, rel);
  const original = fs.readFileSync(file, "utf8");
  engine.clean(src, out);

  const t0 = performance.now();
  const child = spawn(spec.command.cmd, spec.command.args, { cwd: spec.command.cwd, env: engineEnv(spec.command.env), stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  let exited = false;
  // Lines arrive on stdout or stderr depending on the engine; one queue of waiters sees both.
  let waiter: { re: RegExp; resolve: (m: RegExpExecArray) => void } | null = null;
  const onLine = (line: string) => {
    log += line + "\n";
    if (log.length > 20000) log = log.slice(-10000);
    if (waiter) {
      const m = waiter.re.exec(line);
      if (m) { const w = waiter; waiter = null; w.resolve(m); }
    }
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let buf = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      buf += chunk;
      let i: number;
      while ((i = buf.indexOf("\n")) >= 0) { onLine(buf.slice(0, i)); buf = buf.slice(i + 1); }
    });
  }
  const exitPromise = new Promise<void>((resolve) => child.once("exit", () => { exited = true; resolve(); }));
  const waitFor = (re: RegExp, ms: number) => {
    // The timer is cleared afterwards: a pending 30-minute timeout would keep the runner alive.
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      new Promise<RegExpExecArray>((resolve) => { waiter = { re, resolve }; }),
      exitPromise.then(() => { throw new Error(`exited before printing ${re}`); }),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${re} within ${ms / 1000} s`)), ms); }),
    ]).finally(() => { waiter = null; clearTimeout(timer); });
  };

  try {
    await waitFor(spec.ready, timeoutMs);
    result.startupMs = performance.now() - t0;
    for (let k = 1; k <= edits; k++) {
      // Quiet time first, so the edit is not folded into events from the previous build.
      await sleep(1000);
      const done = waitFor(spec.done, timeoutMs);
      const t = performance.now();
      fs.writeFileSync(file, editedText(original, k, edit));
      const m = await done;
      result.editToDoneMs.push(performance.now() - t);
      result.selfReportedMs.push(Number(m[1]) * spec.doneUnitMs);
    }
  } catch (e) {
    result.error = `${(e as Error).message}\n${log.trim().split("\n").slice(-6).join("\n")}`;
  } finally {
    if (!exited) {
      child.kill("SIGINT");
      const force = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exitPromise;
      clearTimeout(force);
    }
    fs.writeFileSync(file, original);
    engine.clean(src, out);
  }
  return result;
}
