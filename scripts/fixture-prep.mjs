// Shared by the Jekyll oracle (scripts/oracle.mjs) and build-site's conformance test, so both
// build exactly the same input: a copy of the fixture's site/ with pinned mtimes, plus a config
// file that pins the build time.
//
// A fixture may hold `fixture.json`: { "args": ["--drafts"], "env": { "JEKYLL_ENV": "production" },
// "configs": ["_config.yml", "_extra.yml"], "cwd": "site" } — extra command-line flags (Jekyll's
// own names), environment, the config files to load (default: `_config.yml` when it exists), and
// whether the oracle runs Jekyll from the site's folder (default: from where it is run).
// `"sourceFromConfig": true` builds from the site's folder with no --source, so that a `source:`
// key in the configuration names the site's files (Jekyll ignores it when --source is given).
import fs from "node:fs";
import path from "node:path";

export const FIXTURE_TIME = "2026-12-01 00:00:00 +0000";
export const FIXTURE_MTIME = new Date("2026-11-01T12:00:00Z");

function pinMtimes(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) pinMtimes(p);
    fs.utimesSync(p, FIXTURE_MTIME, FIXTURE_MTIME);
  }
}

export function prepareFixture(fixtureDir, workDir) {
  const meta = fs.existsSync(path.join(fixtureDir, "fixture.json"))
    ? JSON.parse(fs.readFileSync(path.join(fixtureDir, "fixture.json"), "utf8"))
    : {};
  const siteDir = path.join(workDir, "site");
  fs.cpSync(path.join(fixtureDir, "site"), siteDir, { recursive: true });
  pinMtimes(siteDir);
  const pinned = path.join(workDir, "_pinned.yml");
  fs.writeFileSync(pinned, `time: "${FIXTURE_TIME}"\ndisable_disk_cache: true\n`);
  const configs = (meta.configs ?? (fs.existsSync(path.join(siteDir, "_config.yml")) ? ["_config.yml"] : []))
    .map((c) => path.join(siteDir, c));
  return {
    siteDir,
    /** The command line's source flags, and where to run the build from. */
    sourceArgs: meta.sourceFromConfig ? [] : ["--source", siteDir],
    cwd: meta.sourceFromConfig || meta.cwd === "site" ? siteDir : undefined,
    configArg: [...configs, pinned].join(","),
    args: meta.args ?? [],
    env: meta.env ?? {},
    meta,
  };
}
