// Runs one command as a child process and measures it: wall time (our own clock around the
// child), CPU time (user + sys) and peak resident memory from GNU time, which reads them from the
// child's wait4() rusage. CPU time therefore includes the child's own waited-for children (the
// Dart Sass process build-site may start, for instance); peak RSS is the largest single process
// in that tree, not their sum — that is what ru_maxrss reports.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { median } from "./stats.js";

export const GNU_TIME = "/usr/bin/time";

export interface Sample {
  /** Seconds, measured by the runner around the child. */
  wall: number;
  /** Seconds of CPU in user mode, or null without GNU time. */
  user: number | null;
  sys: number | null;
  /** Peak resident set size in KiB, or null without GNU time. */
  maxRssKiB: number | null;
  exitCode: number;
  /** The last lines of stderr (and stdout), kept for failures. */
  tail: string;
  /** The machine's 1-minute load average just before and just after the run (os.loadavg). */
  load?: [number, number];
}

export interface Command {
  cmd: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

export function hasGnuTime(): boolean {
  return fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%e", "true"], { stdio: "ignore" }).status === 0;
}

/**
 * Parses what `time -f "%e %U %S %M %x"` wrote. GNU time puts "Command exited with non-zero
 * status N" (or "Command terminated by signal N") on a line of its own before the format line,
 * so the last non-empty line is the one to read.
 */
export function parseGnuTime(text: string): { wall: number; user: number; sys: number; maxRssKiB: number; exitCode: number } | null {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
  const last = lines[lines.length - 1];
  if (!last) return null;
  const m = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?) (\d+) (-?\d+)$/.exec(last);
  if (!m) return null;
  // %x is 0 for a child killed by a signal; the shell's 128 + signal is the honest code.
  const signal = lines.map((l) => /^Command terminated by signal (\d+)$/.exec(l)).find(Boolean);
  const exitCode = signal ? 128 + Number(signal[1]) : Number(m[5]);
  return { wall: Number(m[1]), user: Number(m[2]), sys: Number(m[3]), maxRssKiB: Number(m[4]), exitCode };
}

function tailOf(...texts: string[]): string {
  return texts.join("\n").trim().split("\n").slice(-8).join("\n");
}

/**
 * Variables taken out of every engine's environment (unless `--keep-env`): settings of the machine
 * the benchmark runs on that change an engine's start-up in a way a CI runner or a developer's
 * machine does not have. NODE_EXTRA_CA_CERTS makes every Node process (build-site, Eleventy) read
 * and parse the named certificate bundle before its first line of JavaScript, whether or not it
 * ever opens a TLS connection; a sandbox behind an intercepting proxy sets it for the whole
 * bundle of ~140 system certificates, which cost `node -e 0` ~40-60 ms of its ~100 ms here. None
 * of the engines reaches the network during a build.
 */
export const START_UP_ENV = ["NODE_EXTRA_CA_CERTS"] as const;

let removedEnv: readonly string[] = [];

/** Which of START_UP_ENV the engines run without (those set here), or none with `keep`. */
export function configureEngineEnv(keep: boolean): string[] {
  removedEnv = keep ? [] : START_UP_ENV.filter((name) => process.env[name] !== undefined);
  return [...removedEnv];
}

/** The environment an engine runs in: ours, without the removed variables, plus `extra`. */
export function engineEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of removedEnv) delete env[name];
  return { ...env, ...extra };
}

/**
 * What the removed variables cost: `node -e 0`'s wall time, median of `runs` interleaved pairs,
 * with them and without; null when none was removed.
 */
export function nodeStartWithAndWithout(runs: number): { with: number; without: number } | null {
  if (removedEnv.length === 0) return null;
  const withIt: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [env, into] of [[process.env, withIt], [engineEnv(), without]] as const) {
      const t0 = process.hrtime.bigint();
      spawnSync(process.execPath, ["-e", "0"], { env, stdio: "ignore" });
      into.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
  }
  return { with: median(withIt)!, without: median(without)! };
}

let settleFirst = true;

/** Whether measure() flushes the disk's dirty pages before each build (`--no-settle` turns it off). */
export function configureSettle(on: boolean): void {
  settleFirst = on;
}

/**
 * Writes the page cache's dirty pages out (`sync`) and waits for it. The build before, and the
 * deletion of its output, leave tens of MB for the kernel to write back; without this, the next
 * build, whichever engine's, competes with that writeback for the disk and the second core
 * (1,000 posts, build-site: median 1.07-1.12 s unsettled against 0.87 s settled, 11 interleaved
 * rounds; bench/PROFILE.md, fourth session). A user's one build does not follow another's.
 * Returns false where there is no `sync` to run.
 */
export function settleDisk(): boolean {
  const r = spawnSync("sync", [], { stdio: "ignore", timeout: 120_000 });
  return r.status === 0;
}

/** Runs `c` to completion and measures it, with the load average around it. */
export function measure(c: Command, useGnuTime: boolean): Sample {
  if (settleFirst) settleDisk();
  const before = os.loadavg()[0]!;
  const s = measureOnce(c, useGnuTime);
  return { ...s, load: [before, os.loadavg()[0]!] };
}

/** Output is captured (not shown), up to 256 MB. */
function measureOnce(c: Command, useGnuTime: boolean): Sample {
  const env = engineEnv(c.env);
  if (!useGnuTime) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(c.cmd, c.args, { cwd: c.cwd, env, encoding: "utf8", maxBuffer: 256 << 20 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    return { wall, user: null, sys: null, maxRssKiB: null, exitCode: r.status ?? 1, tail: tailOf(r.stdout ?? "", r.stderr ?? "", r.error?.message ?? "") };
  }
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-time-")), "time.txt");
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(GNU_TIME, ["-o", out, "-f", "%e %U %S %M %x", c.cmd, ...c.args], { cwd: c.cwd, env, encoding: "utf8", maxBuffer: 256 << 20 });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const parsed = parseGnuTime(fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "");
    return {
      wall,
      user: parsed?.user ?? null,
      sys: parsed?.sys ?? null,
      maxRssKiB: parsed?.maxRssKiB ?? null,
      exitCode: parsed?.exitCode ?? r.status ?? 1,
      tail: tailOf(r.stdout ?? "", r.stderr ?? "", r.error?.message ?? ""),
    };
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

/** Runs a command for its output (versions); null when it cannot run. */
export function capture(cmd: string, args: string[], cwd?: string): string | null {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (r.error || r.status !== 0) return null;
  return (r.stdout || r.stderr).trim();
}
