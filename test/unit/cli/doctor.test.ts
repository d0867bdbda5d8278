// `build-site doctor` against real `jekyll doctor`: for each site in test/golden/doctor/, the same
// exit code, the same topics in the same order (Deprecation, Conflict, Warning…) and the same
// paths (conflicting destinations and their sources, URLs differing by case, folders to move).
// The wording of build-site's messages is its own, so the sentences are not compared.
// Regenerate the goldens with node test/golden/doctor/generate.mjs (needs Jekyll).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { checkSiteUrl } from "../../../src/cli/doctor.js";
import { ROOT } from "../../conformance/harness.js";

const GOLDEN = path.join(ROOT, "test", "golden", "doctor");
const CLI = path.join(ROOT, "bin", "build-site.js");

/** Topics (column one) and every path a report names, in order. */
function skeleton(report: string): { topics: string[]; paths: string[] } {
  const topics: string[] = [];
  const paths: string[] = [];
  for (const line of report.split("\n")) {
    const topic = line.slice(0, 20).trim();
    // Plugins' progress lines (Jekyll Feed's) are not the doctor's.
    if (topic && topic !== "Configuration file:" && !topic.startsWith("Jekyll ")) topics.push(topic);
    if (line.slice(20).startsWith(" - ")) paths.push(line.slice(23).trim());
    for (const m of line.matchAll(/<site>[^\s,']*/g)) paths.push(m[0].replace(/\.$/, ""));
  }
  return { topics, paths };
}

for (const name of fs.readdirSync(GOLDEN).filter((n) => fs.existsSync(path.join(GOLDEN, n, "jekyll.txt")))) {
  test(`doctor finds what jekyll doctor finds: ${name}`, () => {
    const golden = fs.readFileSync(path.join(GOLDEN, name, "jekyll.txt"), "utf8");
    const exit = Number(/^exit: (\d+)/.exec(golden)![1]);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), `doctor-${name}-`));
    try {
      const site = path.join(work, "site");
      fs.cpSync(path.join(GOLDEN, name, "site"), site, { recursive: true });
      const r = spawnSync(process.execPath, [CLI, "doctor"], { cwd: site, encoding: "utf8", env: { ...process.env, JEKYLL_ENV: "development" } });
      const ours = `${r.stdout}${r.stderr}`.split(site).join("<site>");
      assert.equal(r.status, exit, ours);
      assert.deepEqual(skeleton(ours), skeleton(golden.replace(/^exit: \d+\n/, "")), ours);
      assert.equal(fs.existsSync(path.join(site, "_site")), false, "doctor writes nothing");
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}

test("doctor's url checks: set, a string, absolute (each warns on its own)", () => {
  const run = (url: unknown) => {
    const warnings: string[] = [];
    const ok = checkSiteUrl({ url }, { info() {}, debug() {}, warn: (_t: string, m?: string) => { warnings.push(m ?? ""); } });
    return { ok, warnings: warnings.length };
  };
  assert.deepEqual(run("https://example.com"), { ok: true, warnings: 0 });
  assert.deepEqual(run("mailto:me@example.com"), { ok: true, warnings: 0 });
  assert.deepEqual(run("example.com"), { ok: false, warnings: 1 });
  assert.deepEqual(run("//example.com"), { ok: false, warnings: 1 });
  assert.deepEqual(run(""), { ok: false, warnings: 2 });
  assert.deepEqual(run(undefined), { ok: false, warnings: 2 });
  // Jekyll 4.3.1's doctor stops with a NoMethodError on a number; build-site warns instead.
  assert.deepEqual(run(123), { ok: false, warnings: 2 });
});
