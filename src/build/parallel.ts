// Rendering on both cores. A worker thread reads the same site; the two threads then take the
// documents in small chunks from a shared counter (so neither waits for the other, whichever
// started first or renders faster), each writes what it rendered into the staging folder, and
// the main thread takes the worker's results before it renders the pages.
//
// Jekyll renders documents one after another, and a document that reads another document's
// `content` sees HTML if that one was rendered before it and Markdown otherwise. The drops report
// such reads (OTHER_CONTENT); if any document made one, everything from the first such document on
// is rendered again in order on the main thread, so the output is always what sequential
// rendering gives.
import fs from "node:fs";
import path from "node:path";
import { BlockingWorker, availableCores, parallelismAvailable, type BlockingWorkerData } from "../blocking-worker.js";
import type { LoadedConfig } from "../config/load.js";
import type { Config, ConfigOverrides } from "../config/types.js";
import { passPlugin } from "../plugins/enabled.js";
import { hasSitePlugins } from "../plugins/site-plugins.js";
import { prepareStaging } from "../write/writer.js";
import { BuildError } from "../errors.js";
import type { Document } from "../site/document.js";
import { collectionsPathOf, type Site } from "../site/site.js";
import type { Logger } from "../logger.js";
import { OTHER_CONTENT } from "../render/drops.js";
import { LAYOUT_INPUT, type Renderer, type RenderPlan } from "../render/renderer.js";

/** What the worker has told the main thread through the shared signal. */
const SIGNAL_NONE = 0;
export const SIGNAL_DONE = 1;
export const SIGNAL_STARTED = 2;
const START_TIMEOUT_MS = 15_000;
const RENDER_TIMEOUT_MS = 30 * 60_000;

/**
 * From how many documents a render worker pays. Its costs grow with the site (it reads and parses
 * every file again, warms up its own JIT and heap), and on two cores it competes with the writer
 * thread and V8's own background threads. Measured on the 2-core reference machine with the writer
 * thread on: at 10,000 posts one render thread took 2.6–3.4 s and two 3.3–3.7 s (output on tmpfs;
 * on ext4 3.3 vs 5.6 s), at 1,000 posts 1.1–1.4 s against 1.3–2.5 s. So on fewer than four cores
 * the worker is off unless BUILD_SITE_PARALLEL_MIN asks for it; with four or more the threads no
 * longer share a core, and it starts from 5,000 documents (not measured here: no such machine).
 */
export function parallelMinDocuments(): number {
  const v = Number(process.env.BUILD_SITE_PARALLEL_MIN);
  if (Number.isFinite(v) && v > 0) return v;
  return availableCores() >= 4 ? 5000 : Infinity;
}


export interface WorkerRequest extends BlockingWorkerData {
  overrides: ConfigOverrides;
  /** The shared counter documents are claimed from (see Claims). */
  claims: Int32Array;
  /** The staging folder the worker writes its documents into; null: the main thread writes them. */
  staging: string | null;
}

export interface RenderedDoc {
  index: number;
  content: string;
  output: string;
  impure: boolean;
  /** The worker wrote `output` to the document's place in the staging folder. */
  written: boolean;
  /** What its outermost layout received as `content` (the payload's `content` after it), if placed. */
  layoutInput: string | null;
}

export type WorkerReply =
  | { ok: true; docs: RenderedDoc[]; warnings: Array<[string, string]>; count: number }
  | { ok: false; message: string; file?: string; line?: number; column?: number; hint?: string; stack?: string };

/** Documents in render order (collections in order, each collection's docs in order). */
export function documentsInOrder(site: Site): Document[] {
  return [...site.collections.values()].flatMap((c) => c.docs);
}

/** Documents are claimed a few at a time: one atomic add per chunk, and little left to balance at the end. */
const CLAIM_CHUNK = 4;

/**
 * Which documents this thread renders. Both threads visit the documents in order and claim the
 * next chunk from the shared counter when they pass the end of their last one; everything
 * between their chunks is the other thread's.
 */
export class Claims {
  private start = 0;
  private end = 0;

  constructor(readonly counter: Int32Array) {}

  mine(index: number): boolean {
    while (index >= this.end) {
      this.start = Atomics.add(this.counter, 0, CLAIM_CHUNK);
      this.end = this.start + CLAIM_CHUNK;
    }
    return index >= this.start;
  }
}


/** A quick count of collection files (posts and custom collections), to decide on a worker. */
function estimateDocuments(config: Config): number {
  const base = collectionsPathOf(config);
  const dirs = Object.keys(config.collections ?? {}).map((label) => path.join(base, `_${label}`));
  let n = 0;
  for (const dir of dirs) {
    try {
      n += (fs.readdirSync(dir, { recursive: true }) as string[]).length;
    } catch {
      // no such collection folder
    }
  }
  return n;
}

/**
 * A render worker for a build of this site, started now (with the staging folder it writes into)
 * so that it reads the site while the main thread does; null when the site is too small to pay
 * for one, or cannot use one.
 */
export function startRenderWorker(loaded: LoadedConfig, options: { overrides: ConfigOverrides; logger: Logger; profile?: boolean }): RenderWorker | null {
  const config = loaded.config;
  if (options.profile || !parallelismAvailable()) return null;
  // The threshold first: on most machines it is infinite, and counting walks every collection.
  const minDocuments = parallelMinDocuments();
  if (minDocuments === Infinity) return null;
  // Site plugins run on the main thread only: their generators and hooks may keep state that a
  // second thread, reading the site on its own, would not share. Nor does a site built in passes
  // (jekyll-polyglot): the worker would build one Site of its own.
  if (hasSitePlugins(config) || passPlugin(config, loaded.theme) || estimateDocuments(config) < minDocuments) return null;
  options.logger.debug("Rendering:", "on two threads");
  return new RenderWorker(options.overrides, prepareStaging({ source: config.source, dest: config.destination }));
}

/** A worker started early, so it reads the site while the main thread does too. */
export class RenderWorker {
  private readonly thread: BlockingWorker;
  private readonly claims = new Claims(new Int32Array(new SharedArrayBuffer(4)));

  /** `staging`: where the worker writes the documents it renders (null: it writes nothing). */
  constructor(overrides: ConfigOverrides, private readonly staging: string | null) {
    const request: Omit<WorkerRequest, keyof BlockingWorkerData> = { overrides, claims: this.claims.counter, staging };
    this.thread = new BlockingWorker(new URL("./parallel-worker.js", import.meta.url), request, { stdout: true, stderr: false });
  }

  /**
   * Blocks until the worker has rendered its documents; null when it never started (its modules
   * failed to load) or took far too long. The worker raises STARTED as soon as it runs and DONE
   * when it has replied.
   */
  private result(): WorkerReply | null {
    this.thread.waitWhile((v) => v === SIGNAL_NONE, START_TIMEOUT_MS);
    this.thread.waitWhile((v) => v === SIGNAL_STARTED, RENDER_TIMEOUT_MS);
    const reply = Atomics.load(this.thread.signal, 0) === SIGNAL_DONE ? this.thread.receive<WorkerReply>() : undefined;
    this.thread.terminate();
    return reply ?? null;
  }

  /**
   * The plan for the main thread: render the documents it claims, then (before the pages) take
   * the worker's, and redo in order whatever read another document's content.
   */
  plan(renderer: Renderer, site: Site, logger: Logger, writtenByWorker: (doc: Document, output: string) => void): RenderPlan {
    let docs: Document[] | null = null;
    const index = new Map<Document, number>();
    const raw = new Map<Document, string>();
    const impure = new Set<number>();
    const ensure = () => {
      if (docs) return;
      docs = documentsInOrder(site);
      docs.forEach((d, i) => { index.set(d, i); raw.set(d, d.content); });
    };
    return {
      mustRender: (item) => {
        if (item.kind !== "document") return true;
        ensure();
        return this.claims.mine(index.get(item) ?? 0);
      },
      reuse: () => {},
      rendered: (item, deps) => {
        if (item.kind === "document" && deps.has(OTHER_CONTENT)) impure.add(index.get(item)!);
      },
      beforePages: () => {
        ensure();
        const reply = this.result();
        if (!reply) {
          // Nothing lost but time: render everything in order here.
          logger.warn("Render worker:", "did not answer; rendering on one thread.");
          for (const d of docs!) { d.content = raw.get(d)!; d.output = null; }
          renderer.resetCounters();
          let left: Record<string, any> | null = null;
          let contentLeft: string | null = null;
          for (const d of docs!) {
            renderer.startLayoutFrom(left);
            renderer.startContentFrom(contentLeft);
            renderer.render(d);
            left = renderer.layoutAfter(d, left).after;
            contentLeft = renderer.contentAfter(d, contentLeft);
          }
          renderer.startLayoutFrom(left);
          renderer.startContentFrom(contentLeft);
          return;
        }
        if (!reply.ok) {
          throw new BuildError(reply.message, { file: reply.file, line: reply.line, column: reply.column, hint: reply.hint });
        }
        if (reply.count !== docs!.length) throw new Error(`the render worker read ${reply.count} documents, the main thread ${docs!.length}`);
        for (const [topic, message] of reply.warnings) logger.warn(topic, message);
        for (const r of reply.docs) {
          const d = docs![r.index]!;
          d.content = r.content;
          d.output = r.output;
          if (r.layoutInput !== null) (d as { [LAYOUT_INPUT]?: string })[LAYOUT_INPUT] = r.layoutInput;
          if (r.written) writtenByWorker(d, r.output);
          if (r.impure) impure.add(r.index);
        }
        if (impure.size === 0) {
          // The pages start from the payload the last documents left (some rendered by the worker).
          renderer.startContentFrom(renderer.contentBefore(docs!, docs!.length));
          return;
        }
        const first = Math.min(...impure);
        for (let i = first; i < docs!.length; i++) {
          docs![i]!.content = raw.get(docs![i]!)!;
          docs![i]!.output = null;
        }
        renderer.resetCounters();
        let left = renderer.layoutBefore(docs!, first);
        let contentLeft = renderer.contentBefore(docs!, first);
        for (let i = first; i < docs!.length; i++) {
          renderer.startLayoutFrom(left);
          renderer.startContentFrom(contentLeft);
          renderer.render(docs![i]!);
          left = renderer.layoutAfter(docs![i]!, left).after;
          contentLeft = renderer.contentAfter(docs![i]!, contentLeft);
        }
        renderer.startLayoutFrom(left);
        renderer.startContentFrom(contentLeft);
      },
    };
  }

  /** The build failed: the worker stops, and the staging folder it wrote into goes. */
  cancel(): void {
    this.thread.terminate();
    if (this.staging) fs.rmSync(this.staging, { recursive: true, force: true });
  }
}
