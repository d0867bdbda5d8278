// What the differential fuzz scripts share (liquid-matrix.mjs, permalink-fuzz.mjs, site-fuzz.mjs):
// their command-line options, a seeded random source that gives the same cases on every machine,
// and the loop that builds one random site per seed with real Jekyll and build-site.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `--name value` from the command line, else `fallback`. */
export function option(name, fallback) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i < 0 ? fallback : argv[i + 1];
}

/** A flag without a value (`--tags`). */
export function flag(name) {
  return process.argv.slice(2).includes(name);
}

/** xorshift32 from `seed`: random() in [0, 1), pick(list), maybe(p). */
export function seeded(seed) {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 4294967296;
  };
  return { random, pick: (list) => list[Math.floor(random() * list.length)], maybe: (p = 0.5) => random() < p };
}

/**
 * For each seed of `--seeds A-B`, `writeSite(seed, dir)` writes a site that differential.mjs builds
 * with Jekyll and build-site; prints the seeds whose outputs differ (`--keep DIR` keeps the sites).
 */
export function runSeeds(writeSite) {
  const [first, last] = option("--seeds", "1-20").split("-").map(Number);
  const keep = option("--keep", null);
  let differing = 0;
  for (let seed = first; seed <= last; seed++) {
    const dir = keep ? path.join(keep, `site-${seed}`) : fs.mkdtempSync(path.join(os.tmpdir(), "fuzz-site-"));
    fs.rmSync(dir, { recursive: true, force: true });
    writeSite(seed, dir);
    const run = spawnSync(process.execPath, [path.join(root, "scripts", "differential.mjs"), dir], { encoding: "utf8" });
    const summary = /(\d+) same, (\d+) differ/.exec(run.stdout);
    const failed = /failed \(/.test(run.stdout);
    if (!summary || summary[2] !== "0" || failed) {
      differing++;
      console.log(`seed ${seed}: ${failed ? "a build failed" : summary ? `${summary[2]} files differ` : "no summary"}`);
      console.log(run.stdout.split("\n").filter((l) => /^[-+]|failed|differ/.test(l)).slice(0, 30).join("\n"));
    }
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${last - first + 1 - differing} of ${last - first + 1} seeds equal`);
}

/** A file writer rooted at `dir` that makes the folders it needs. */
export function writerIn(dir) {
  return (p, s) => {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), s);
  };
}
