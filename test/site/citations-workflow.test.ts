// Checks .github/workflows/citations.yml: it runs on a schedule and by hand, may push (contents:
// write) and nothing else, runs `build-site citations` after installing, passes the optional API
// key from a secret, and commits only _data/citations.json, only when it changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { load } from "js-yaml";
import { ROOT } from "../conformance/harness.js";

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }

const doc = load(fs.readFileSync(path.join(ROOT, ".github", "workflows", "citations.yml"), "utf8")) as Record<string, any>;
// YAML 1.1 reads a bare `on:` key as the boolean true.
const on = (doc.on ?? doc["true"]) as Record<string, any>;
const steps = Object.values(doc.jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps);
const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);

test("runs weekly and by hand, with write access to contents only", () => {
  assert.ok(Array.isArray(on.schedule) && /^\S+ \S+ \* \* \S+$/.test(on.schedule[0].cron), "a cron schedule");
  assert.ok("workflow_dispatch" in on);
  assert.deepEqual(doc.permissions, { contents: "write" });
});

test("installs, fetches with build-site citations, then commits only the counts file", () => {
  const install = at((s) => s.run === "npm ci");
  const fetch = at((s) => /\bbuild-site citations\b/.test(s.run ?? ""));
  const commit = at((s) => /git commit/.test(s.run ?? ""));
  assert.ok(install >= 0 && fetch > install && commit > fetch, "npm ci, then citations, then the commit");
  assert.equal(steps[fetch]!.env?.SEMANTIC_SCHOLAR_API_KEY, "${{ secrets.SEMANTIC_SCHOLAR_API_KEY }}");
  const script = steps[commit]!.run!;
  assert.match(script, /git diff --quiet -- _data\/citations\.json/, "nothing to commit when no count changed");
  assert.match(script, /git add _data\/citations\.json\n/);
  assert.doesNotMatch(script, /git add (-A|\.|--all)/);
  assert.match(script, /git push/);
  assert.equal(steps.find((s) => (s.uses ?? "").startsWith("actions/setup-node"))?.with?.["node-version"], 20);
});
