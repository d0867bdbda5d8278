// Checks .github/workflows/test.yml: it runs, on every push and pull request, exactly the test
// command the README gives, on a fresh Ubuntu runner with Node 20 and a Chromium for the browser
// tests, with read-only permissions. Reads the files from the source tree at run time.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown> }
interface Workflow { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { "runs-on"?: string; steps?: Step[] }> }

function workflow(): Workflow {
  const doc = load(fs.readFileSync(path.join(root, ".github", "workflows", "test.yml"), "utf8")) as Record<string, any>;
  return { ...doc, on: doc.on ?? doc["true"] } as Workflow;
}

/** The README's test command, from its first code block: `npm ci && npm test`, as steps. */
function readmeTestCommand(): string[] {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const block = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  const line = block.split("\n").find((l) => /\bnpm test\b/.test(l))!;
  return line.replace(/#.*$/, "").split("&&").map((c) => c.trim());
}

test("runs on every push and pull request, and can be called by the deploy workflow", () => {
  const { on } = workflow();
  for (const trigger of ["push", "pull_request", "workflow_call"]) assert.ok(trigger in on, trigger);
  const push = on.push as { branches?: string[] } | null;
  assert.ok(!push?.branches, "every branch");
});

test("runs the README's test command, in order, on Ubuntu with Node 20", () => {
  const command = readmeTestCommand();
  assert.deepEqual(command, ["npm ci", "npm test"]);
  const jobs = Object.values(workflow().jobs);
  assert.equal(jobs.length, 1);
  const job = jobs[0]!;
  assert.match(job["runs-on"] ?? "", /^ubuntu-/);
  const steps = job.steps ?? [];
  const setupNode = steps.findIndex((s) => (s.uses ?? "").startsWith("actions/setup-node@"));
  assert.ok(setupNode >= 0 && steps.findIndex((s) => (s.uses ?? "").startsWith("actions/checkout@")) < setupNode);
  assert.match(String(steps[setupNode]!.with?.["node-version"]), /^20/);
  const positions = command.map((c) => steps.findIndex((s) => s.run?.trim() === c));
  assert.ok(positions.every((p) => p > setupNode), `each of ${command.join(", ")} is a step after setup-node`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, "in the README's order");
});

test("gives the browser tests a Chromium before npm test (and npm's pretest makes sure of it)", () => {
  const steps = Object.values(workflow().jobs)[0]!.steps!;
  const find = steps.findIndex((s) => /BUILD_SITE_CHROMIUM=/.test(s.run ?? "") && /GITHUB_ENV/.test(s.run ?? ""));
  const npmTest = steps.findIndex((s) => s.run?.trim() === "npm test");
  assert.ok(find >= 0 && find < npmTest);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  assert.match(pkg.scripts.pretest, /scripts\/ensure-chromium\.mjs/);
});

test("has read-only permissions and pins actions to major versions", () => {
  const wf = workflow();
  assert.deepEqual(wf.permissions, { contents: "read" });
  for (const step of Object.values(wf.jobs).flatMap((j) => j.steps ?? []).filter((s) => s.uses)) {
    assert.match(step.uses!, /^[\w.-]+\/[\w.-]+@v\d+$/, step.uses);
  }
});
