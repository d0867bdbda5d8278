// `build-site new`: the starter and the --blank skeleton are complete Jekyll sites. Each is made
// by the CLI, then built by build-site and compared with what real Jekyll 4.3.1 wrote for the same
// site (test/golden/new/, made by its generate.mjs): equal page for page. Also Jekyll's rules for
// the target folder: a path is required, a folder with visible files needs --force.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { localDate } from "../../src/cli/new.js";
import { ROOT, compareTrees } from "../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");
const { makeNewSite } = (await import(pathToFileURL(path.join(ROOT, "test", "golden", "new", "generate.mjs")).href)) as {
  makeNewSite(kind: "starter" | "blank", fixtureDir: string): void;
};
const { prepareFixture } = (await import(pathToFileURL(path.join(ROOT, "scripts", "fixture-prep.mjs")).href)) as {
  prepareFixture(fixtureDir: string, workDir: string): { siteDir: string; configArg: string };
};

function run(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

for (const kind of ["starter", "blank"] as const) {
  test(`new${kind === "blank" ? " --blank" : ""}: the site builds to exactly what Jekyll builds from it`, () => {
    const work = tmp(`new-${kind}-`);
    try {
      makeNewSite(kind, path.join(work, "fixture"));
      const { siteDir, configArg } = prepareFixture(path.join(work, "fixture"), work);
      const out = path.join(work, "_site");
      execFileSync(process.execPath, [CLI, "build", "-q", "--source", siteDir, "--destination", out, "--config", configArg], {
        env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const cmp = compareTrees(path.join(ROOT, "test", "golden", "new", kind, "expected"), out);
      assert.deepEqual(cmp.problems, []);
      assert.ok(cmp.files >= (kind === "starter" ? 7 : 3), `only ${cmp.files} files compared`);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}

test("new: the starter's files, the first post dated today, Jekyll's messages", () => {
  const work = tmp("new-files-");
  try {
    const before = localDate();
    const r = run(work, ["new", "my site"]);
    const after = localDate();
    assert.equal(r.code, 0, r.err);
    const site = path.join(work, "my site");
    assert.match(r.out, new RegExp(`New jekyll site installed in ${site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.`));
    const posts = fs.readdirSync(path.join(site, "_posts"));
    assert.equal(posts.length, 1);
    assert.ok([before, after].some((d) => posts[0] === `${d}-welcome-to-build-site.md`), posts[0]);
    for (const f of ["_config.yml", "index.md", "about.md", "404.html", "_layouts/default.html", "_includes/header.html", "assets/css/main.scss", ".gitignore"]) {
      assert.ok(fs.existsSync(path.join(site, f)), f);
    }
    assert.equal(fs.existsSync(path.join(site, "gitignore")), false, "gitignore is renamed to .gitignore");
    assert.match(fs.readFileSync(path.join(site, "_config.yml"), "utf8"), /jekyll-feed/);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test("new --blank: the skeleton and Jekyll's four empty folders", () => {
  const work = tmp("new-blank-");
  try {
    const r = run(work, ["new", "b", "--blank"]);
    assert.equal(r.code, 0, r.err);
    for (const d of ["_data", "_drafts", "_includes", "_posts"]) {
      assert.deepEqual(fs.readdirSync(path.join(work, "b", d)), [], d);
    }
    assert.ok(fs.existsSync(path.join(work, "b", "_layouts", "default.html")));
    assert.equal(fs.existsSync(path.join(work, "b", "about.md")), false, "nothing of the starter");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test("new: a path is required; a folder with visible files needs --force, hidden ones do not count", () => {
  const work = tmp("new-rules-");
  try {
    const none = run(work, ["new"]);
    assert.equal(none.code, 1);
    assert.match(none.err, /You must specify a path/);

    fs.mkdirSync(path.join(work, "hidden", ".git"), { recursive: true });
    assert.equal(run(work, ["new", "hidden"]).code, 0, "only hidden entries: empty, as Jekyll counts");

    fs.mkdirSync(path.join(work, "full"));
    fs.writeFileSync(path.join(work, "full", "index.md"), "mine\n");
    const refused = run(work, ["new", "full"]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /Conflict: .*full exists and is not empty\./);
    assert.match(refused.err, /--force/);
    assert.equal(fs.readFileSync(path.join(work, "full", "index.md"), "utf8"), "mine\n", "nothing touched");

    const forced = run(work, ["new", "full", "--force"]);
    assert.equal(forced.code, 0, forced.err);
    assert.notEqual(fs.readFileSync(path.join(work, "full", "index.md"), "utf8"), "mine\n", "--force overwrites");
    assert.ok(fs.existsSync(path.join(work, "full", "about.md")));

    const flagElsewhere = run(work, ["build", "--blank"]);
    assert.equal(flagElsewhere.code, 1);
    assert.match(flagElsewhere.err, /'--blank' belongs to `build-site new`/);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
