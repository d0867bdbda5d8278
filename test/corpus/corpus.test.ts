// The real-site corpus as a ratchet. Where `../shared/corpus` exists beside the repository (it
// holds public Jekyll sites and what Jekyll 4.3.1 wrote for them; see its README), every site is
// built and scored by the corpus's own `score` script, exactly as a person runs it, with this
// checkout's bin/build-site.js. Each site's score must be at least the one recorded in
// scores.json: a lower score fails; a higher one passes and says to raise the record
// (CORPUS_RECORD=1 writes the new scores into scores.json).
//
// Preparation hook: a folder test/corpus/prepare/<site>/ is copied into that site's temporary
// copy before it is built (e.g. `_plugins/stubs.mjs`, a JavaScript twin of the al-folio sites'
// `_plugins/stubs.rb`, which build-site cannot run).
//
// Skipped, with a message, where `../shared/corpus` is absent (CI has none).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// dist/test/corpus/corpus.test.js → the repository root is three levels up.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = path.resolve(root, "..", "shared", "corpus");
const scoreScript = path.join(corpus, "score");
const recordFile = path.join(root, "test", "corpus", "scores.json");
const prepareDir = path.join(root, "test", "corpus", "prepare");

const SKIP = fs.existsSync(scoreScript) ? false : `no real-site corpus at ../shared/corpus (relative to the repository root)`;

/** The sites the corpus holds (folders with src/ and expected/), sorted. */
function corpusSites(): string[] {
  return fs.readdirSync(corpus, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(corpus, e.name, "src")) && fs.existsSync(path.join(corpus, e.name, "expected")))
    .map((e) => e.name)
    .sort();
}

/** Runs the corpus's score script on every site; returns each site's score (percent). */
function scoreAll(sites: string[]): { scores: Map<string, number>; output: string } {
  // SCORE_PREPARE runs in each site's temporary copy, with SITE set: copy the site's prepare folder in.
  const prepare = 'if [ -d "$CORPUS_PREPARE_DIR/$SITE" ]; then cp -R "$CORPUS_PREPARE_DIR/$SITE/." .; fi';
  const run = spawnSync(scoreScript, [path.join(root, "bin", "build-site.js"), ...sites], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, SCORE_PREPARE: prepare, CORPUS_PREPARE_DIR: prepareDir, SCORE_VERBOSE: "", SCORE_KEEP: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const output = `${run.stdout}\n${run.stderr}`;
  // The script exits 1 whenever a site is below 100%; 2 means it could not score at all.
  if (run.status === 2) throw new Error(`the corpus score script failed:\n${output}`);
  const scores = new Map<string, number>();
  for (const m of run.stdout.matchAll(/^(\S+) score: ([0-9.]+)%/gm)) scores.set(m[1]!, Number(m[2]));
  return { scores, output };
}

test("real-site corpus: no site scores below its record", { skip: SKIP }, (t) => {
  const sites = corpusSites();
  const record = JSON.parse(fs.readFileSync(recordFile, "utf8")) as Record<string, number>;
  for (const name of fs.existsSync(prepareDir) ? fs.readdirSync(prepareDir) : []) {
    assert.ok(sites.includes(name), `test/corpus/prepare/${name} names no corpus site`);
  }
  const { scores, output } = scoreAll(sites);
  const fell: string[] = [];
  const rose: string[] = [];
  for (const site of sites) {
    const got = scores.get(site);
    assert.ok(got !== undefined, `no score for ${site}; the score script printed:\n${output}`);
    const was = record[site];
    assert.ok(was !== undefined, `${site} has no record in test/corpus/scores.json: add "${site}": ${got}`);
    t.diagnostic(`${site}: ${got}% (record ${was}%)`);
    if (got < was) fell.push(`${site}: ${got}%, below its record ${was}%`);
    else if (got > was) rose.push(`${site}: ${got}% (record ${was}%)`);
  }
  if (rose.length) {
    if (process.env.CORPUS_RECORD === "1") {
      const next = { ...record };
      for (const site of sites) next[site] = Math.max(record[site] ?? 0, scores.get(site)!);
      fs.writeFileSync(recordFile, JSON.stringify(next, null, 2) + "\n");
      t.diagnostic(`raised the records in test/corpus/scores.json: ${rose.join("; ")}`);
    } else {
      t.diagnostic(`scores rose; raise the records in test/corpus/scores.json (or run with CORPUS_RECORD=1): ${rose.join("; ")}`);
    }
  }
  assert.equal(fell.length, 0, `corpus scores fell:\n  ${fell.join("\n  ")}\nRun ../shared/corpus/score bin/build-site.js with SCORE_VERBOSE=1 for the differences.`);
});
