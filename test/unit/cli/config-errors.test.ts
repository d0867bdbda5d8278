// A config value Jekyll 4.3.1 rejects (Configuration#check_include_exclude, #check_plugins: "'exclude'
// should be set as an array, but was: \"README.md\"", no file named; ERRORS.md case 45) is reported
// with the config file that set it, not the last file given to --config (a site built with
// `--config _config.yml,_time.yml` had its _config.yml mistake blamed on _time.yml).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

const CASES = [
  { first: "plugins: jekyll-feed", says: `'plugins' should be set as an array of gem names, but was: "jekyll-feed"` },
  { first: "exclude: README.md", says: `'exclude' should be set as an array, but was: "README.md"` },
];

for (const c of CASES) {
  test(`${c.first}: the error names the config file that set it`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "config-errors-"));
    try {
      fs.writeFileSync(path.join(work, "_config.yml"), `${c.first}\n`);
      fs.writeFileSync(path.join(work, "_more.yml"), "title: x\n");
      fs.writeFileSync(path.join(work, "index.html"), "x\n");
      const r = spawnSync(process.execPath, [CLI, "build", "--config", "_config.yml,_more.yml"], { cwd: work, encoding: "utf8" });
      const out = r.stdout + r.stderr;
      assert.equal(r.status, 1, out);
      assert.ok(out.includes(`_config.yml: ${c.says}`), out);
      assert.ok(!out.includes("_more.yml:"), out);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
