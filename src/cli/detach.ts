// `serve --detach` (-B): the site is built here, then served by a background process that
// outlives this one, which prints its address and pid and exits, as `jekyll serve --detach` does
// (Jekyll forks; Node spawns a second build-site that skips the build, with no watching and no
// live reload). The background server reports its address over an IPC channel once it listens;
// its warnings and errors still reach the terminal.
import { spawn } from "node:child_process";
import { BuildError } from "../errors.js";
import type { ParsedArgs } from "./args.js";

/** Set in the background server's environment, so it reports back once it listens. */
const CHILD_ENV = "BUILD_SITE_DETACHED_SERVER";

/** Starts the background server with this command line minus `--detach`; resolves once it listens. */
export function detachServer(args: ParsedArgs): Promise<{ pid: number; url: string }> {
  const argv = args.argv.filter((a) => a !== "-B" && a !== "--detach");
  argv.push("--skip-initial-build", "--no-watch", "--no-livereload", "--quiet");
  const script = process.argv[1];
  if (!script) throw new BuildError("cannot find build-site's own script to start the background server");
  const child = spawn(process.execPath, [script, ...argv], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    env: { ...process.env, [CHILD_ENV]: "1" },
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m: { url?: string }) => {
      child.disconnect();
      child.unref();
      resolve({ pid: child.pid!, url: String(m.url) });
    });
    child.once("error", (e) => reject(new BuildError(`could not start the background server: ${e.message}`)));
    child.once("exit", (code) => reject(new BuildError(`the background server stopped before it was ready (exit code ${code})`, {
      hint: "Its error is printed above; run without --detach to see everything it prints.",
    })));
  });
}

/** Whether this process is the background server of a `serve --detach`. */
export function isDetachedServer(): boolean {
  return process.env[CHILD_ENV] === "1";
}

/** In the background server: tell the process that started it where it listens. */
export function reportReadyToParent(url: string): void {
  if (process.env[CHILD_ENV] !== "1" || !process.send) return;
  process.send({ url });
  delete process.env[CHILD_ENV];
}
