// A sandbox for attack tests: a temporary folder that holds a fake home, the site and anything
// the attack points at, and a snapshot of every file in it, so a test can say exactly what a
// build wrote, changed or deleted. Nothing here touches the real home folder or the root.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build.js";
import { loadConfig } from "../../src/config/load.js";
import type { Logger } from "../../src/logger.js";
import { ROOT } from "../conformance/harness.js";

export const CLI = path.join(ROOT, "bin", "build-site.js");

export interface Sandbox {
  /** The sandbox folder (real path). */
  root: string;
  /** A stand-in home folder inside it. */
  home: string;
  /** The site source: `<root>/home/site`. */
  site: string;
  write(rel: string, text: string | Buffer): string;
  remove(): void;
}

export function sandbox(files: Record<string, string | Buffer> = {}): Sandbox {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "bs-security-")));
  const home = path.join(root, "home");
  const site = path.join(home, "site");
  fs.mkdirSync(site, { recursive: true });
  const box: Sandbox = {
    root,
    home,
    site,
    write(rel, text) {
      const abs = path.isAbsolute(rel) ? rel : path.join(site, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
      return abs;
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [rel, text] of Object.entries(files)) box.write(rel, text);
  return box;
}

/** Every file and folder below `dir` (symlinks not followed): relative path → a fingerprint. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    const abs = rel ? path.join(dir, rel) : dir;
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const p = path.join(dir, r);
      if (e.isSymbolicLink()) out.set(r, `link:${fs.readlinkSync(p)}`);
      else if (e.isDirectory()) { out.set(r, "dir"); walk(r); }
      else out.set(r, `file:${createHash("sha1").update(fs.readFileSync(p)).digest("hex")}`);
    }
  };
  walk("");
  return out;
}

/** What changed between two snapshots, as sorted lists of paths. */
export function diff(before: Map<string, string>, after: Map<string, string>): { added: string[]; removed: string[]; changed: string[] } {
  const added = [...after.keys()].filter((k) => !before.has(k)).sort();
  const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
  const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k)).sort();
  return { added, removed, changed };
}

/**
 * Paths in `paths` that are not `prefix` or below it, nor the site's cache (`.build-site-cache`,
 * where build-site keeps its destination marker and compiled Sass).
 */
export function outside(prefix: string, paths: string[], cache = "home/site/.build-site-cache"): string[] {
  const within = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);
  return paths.filter((p) => !within(p, prefix) && !within(p, cache));
}

export const quietLogger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  return {
    lines,
    info: () => {},
    debug: () => {},
    warn: (topic, message) => { lines.push(`${topic} ${message ?? ""}`); },
  };
};

/** A build in this process; returns the error it threw, if any. */
export function buildInProcess(overrides: Record<string, unknown>): { error?: any; logger: ReturnType<typeof quietLogger> } {
  const logger = quietLogger();
  try {
    buildSite({ overrides: overrides as any, logger }, loadConfig(overrides as any));
    return { logger };
  } catch (error) {
    return { error, logger };
  }
}

/** The CLI, with HOME pointing into the sandbox. */
export function runCli(box: Sandbox, args: string[], cwd = box.site, extraEnv: Record<string, string> = {}, user: { uid: number; gid: number } | {} = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, HOME: box.home, TZ: "UTC", BUILD_SITE_WORKERS: "0", ...extraEnv },
    timeout: 120_000,
    ...user,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

/** The CLI in the background (serve). */
export function startCli(box: Sandbox, args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    cwd: box.site,
    env: { ...process.env, HOME: box.home, TZ: "UTC" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
