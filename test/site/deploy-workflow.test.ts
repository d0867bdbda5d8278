// Checks .github/workflows/deploy.yml: triggers, permissions, concurrency, the tests it waits for,
// the build (with GitHub Pages' base path) and the Pages steps, in order. Reads the file from the
// source tree at run time.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { load } from "js-yaml";

// dist/test/site/deploy-workflow.test.js → repository root is three levels up.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const workflowPath = path.join(root, ".github", "workflows", "deploy.yml");

interface Step { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, unknown> }
interface Job { uses?: string; "runs-on"?: string; needs?: string | string[]; steps?: Step[]; environment?: { name?: string; url?: string }; permissions?: Record<string, string> }
interface Workflow { on?: Record<string, unknown>; permissions?: Record<string, string>; concurrency?: { group?: string; "cancel-in-progress"?: boolean }; jobs?: Record<string, Job> }

function workflow(): Workflow {
  // YAML 1.1 reads a bare `on:` key as the boolean true; the file quotes nothing, so accept both.
  const doc = load(fs.readFileSync(workflowPath, "utf8")) as Record<string, unknown>;
  const on = (doc.on ?? doc["true"]) as Record<string, unknown> | undefined;
  return { ...(doc as Workflow), on };
}

const allSteps = (wf: Workflow): Step[] => Object.values(wf.jobs ?? {}).flatMap((j) => j.steps ?? []);
const action = (step: Step) => (step.uses ?? "").split("@")[0];
const indexOfAction = (steps: Step[], name: string) => steps.findIndex((s) => action(s) === name);

test("runs on pushes to main and by hand", () => {
  const { on } = workflow();
  assert.ok(on, "no `on:` triggers");
  const push = on.push as { branches?: string[] } | undefined;
  assert.deepEqual(push?.branches, ["main"]);
  assert.ok("workflow_dispatch" in on);
});

test("has exactly the permissions GitHub Pages deployment needs", () => {
  const wf = workflow();
  const perms = { ...(wf.permissions ?? {}), ...(wf.jobs?.deploy?.permissions ?? {}) };
  assert.equal(perms.pages, "write");
  assert.equal(perms["id-token"], "write");
  assert.equal(perms.contents, "read");
  for (const [scope, level] of Object.entries(wf.permissions ?? {})) {
    assert.ok(["pages", "id-token"].includes(scope) || level === "read", `${scope}: ${level} is more than needed`);
  }
});

test("serialises deployments with a concurrency group", () => {
  const { concurrency } = workflow();
  assert.equal(typeof concurrency?.group, "string");
  assert.ok(concurrency!.group!.length > 0);
  assert.equal(concurrency?.["cancel-in-progress"], false, "an in-flight deployment must not be cancelled");
});

test("builds with npm ci and build-site in production mode, after checkout and setup-node", () => {
  const build = workflow().jobs?.build;
  assert.ok(build?.steps, "no build job");
  const steps = build.steps;
  const checkout = indexOfAction(steps, "actions/checkout");
  const setupNode = indexOfAction(steps, "actions/setup-node");
  const ci = steps.findIndex((s) => /^npm ci\b/.test(s.run ?? ""));
  const vendor = steps.findIndex((s) => (s.run ?? "").includes("scripts/vendor-assets.mjs"));
  const buildStep = steps.findIndex((s) => /\bnpx build-site\b/.test(s.run ?? ""));
  assert.ok(checkout >= 0 && setupNode > checkout, "checkout, then setup-node");
  assert.equal(steps[setupNode].with?.cache, "npm", "setup-node caches npm downloads");
  assert.match(String(steps[setupNode].with?.["node-version"]), /^20/);
  assert.ok(ci > setupNode, "npm ci after setup-node");
  assert.ok(vendor > ci && buildStep > vendor, "Font Awesome is vendored before the build");
  assert.equal(steps[buildStep].env?.JEKYLL_ENV, "production");
});

test("publishes _site with the official Pages actions", () => {
  const wf = workflow();
  const steps = wf.jobs!.build.steps!;
  const buildStep = steps.findIndex((s) => /\bnpx build-site\b/.test(s.run ?? ""));
  const configure = indexOfAction(steps, "actions/configure-pages");
  const upload = indexOfAction(steps, "actions/upload-pages-artifact");
  assert.ok(configure >= 0, "configure-pages");
  assert.ok(upload > buildStep, "upload after the build");
  assert.equal(steps[upload].with?.path, "_site");

  const deployJob = Object.values(wf.jobs!).find((j) => (j.steps ?? []).some((s) => action(s) === "actions/deploy-pages"));
  assert.ok(deployJob, "a job runs actions/deploy-pages");
  const needs = ([] as string[]).concat(deployJob.needs ?? []);
  assert.ok(needs.includes("build"), "deploy waits for the build job");
  assert.equal(deployJob.environment?.name, "github-pages");
  const deployStep = deployJob.steps!.find((s) => action(s) === "actions/deploy-pages")!;
  assert.ok(deployStep.id && deployJob.environment?.url?.includes(`steps.${deployStep.id}.outputs.page_url`));
});

test("passes configure-pages' base_path to the build as --baseurl (user and project sites alike)", () => {
  const steps = workflow().jobs!.build.steps!;
  const configure = indexOfAction(steps, "actions/configure-pages");
  const buildStep = steps.findIndex((s) => /\bnpx build-site\b/.test(s.run ?? ""));
  const id = steps[configure]?.id;
  assert.ok(id, "configure-pages has an id, so its outputs can be read");
  assert.ok(configure < buildStep, "Pages is configured before the build");
  const run = steps[buildStep]!.run!;
  assert.match(run, /^npx build-site(?: build)? /);
  assert.ok(run.includes(`--baseurl "\${{ steps.${id}.outputs.base_path }}"`), run);
});

test("deploys only after the test workflow has passed", () => {
  const jobs = workflow().jobs!;
  const testJob = Object.entries(jobs).find(([, j]) => j.uses === "./.github/workflows/test.yml");
  assert.ok(testJob, "a job calls .github/workflows/test.yml");
  const needs = ([] as string[]).concat(jobs.build!.needs ?? []);
  assert.ok(needs.includes(testJob[0]), "the build waits for the tests");
  const calledOn = (load(fs.readFileSync(path.join(root, ".github", "workflows", "test.yml"), "utf8")) as Record<string, any>);
  assert.ok("workflow_call" in (calledOn.on ?? calledOn["true"]), "test.yml can be called");
});

test("pins every action to a major version", () => {
  for (const step of allSteps(workflow()).filter((s) => s.uses)) {
    assert.match(step.uses!, /^[\w.-]+\/[\w.-]+@v\d+$/, `${step.uses} should be pinned to @vN`);
  }
});
