// What the bundle (dist/bundle/cli.js, scripts/bundle.mjs) exports: the CLI's main() for bin/, and
// the modules of the worker threads that run the pipeline (the render worker, serve's rebuild
// thread). Each of those threads used to be a bundle of its own, ~3 MB that repeated almost all
// of cli.js, compiled from source at every start; now its file in dist/bundle is a shim that loads
// cli.js through the same code cache as the main thread and runs its module from here.
// Unbundled (tests, development) the threads start from their modules directly.
export { main } from "./main.js";

/** The worker threads that run from cli.js, by the name of their file in dist/bundle. */
export const SHARED_THREADS = ["parallel-worker", "rebuild-worker"] as const;

/** Runs a worker thread's module (its top level is the thread's work), as `new Worker(file)` would. */
export function startThread(name: (typeof SHARED_THREADS)[number]): Promise<unknown> {
  switch (name) {
    case "parallel-worker":
      return import("../build/parallel-worker.js");
    case "rebuild-worker":
      return import("../serve/rebuild-worker.js");
  }
}
