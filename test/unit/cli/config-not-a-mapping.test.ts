// A configuration file whose YAML is not a mapping (`just a string`, a list). Jekyll 4.3.1's
// Configuration#read_config_file raises ArgumentError, and read_config_files rescues it: it warns
// "Error reading configuration. Using defaults (and options)." and builds with what it read before
// that file (the defaults, earlier `--config` files) and the command line's options; the files
// after it are not read (test/conformance/ERRORS.md, case 2). build-site stopped with an error.
// Outputs checked against Jekyll 4.3.1.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

function build(files: Record<string, string>, args: string[]): { status: number | null; out: string; page?: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "config-not-mapping-"));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(work, name), text);
    fs.writeFileSync(path.join(work, "i.html"), "---\n---\n[{{ site.title }}][{{ site.description }}]\n");
    const r = spawnSync(process.execPath, [CLI, "build", ...args], { cwd: work, encoding: "utf8" });
    const out = path.join(work, "_site", "i.html");
    return { status: r.status, out: r.stdout + r.stderr, page: fs.existsSync(out) ? fs.readFileSync(out, "utf8") : undefined };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

test("_config.yml holding a string: a warning, then the defaults", () => {
  const r = build({ "_config.yml": "just a string\n" }, []);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /WARNING: Error reading configuration\. Using defaults \(and options\)\./);
  assert.match(r.out, /Configuration file: \(INVALID\) .*_config\.yml/);
  assert.equal(r.page, "[][]\n");
});

test("a list among several --config files: the files before it count, the ones after do not", () => {
  const r = build({ "a.yml": "title: A\n", "bad.yml": "- a\n- b\n", "c.yml": "title: C\ndescription: D\n" }, ["--config", "a.yml,bad.yml,c.yml"]);
  assert.equal(r.status, 0, r.out);
  assert.equal(r.page, "[A][]\n");
});
