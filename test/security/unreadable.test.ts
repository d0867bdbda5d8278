// Source files this user may not read. Jekyll 4.3.1 stops with `Permission denied @ rb_sysopen -
// …/locked.md (Errno::EACCES)` and a backtrace, for a page, a static file and a data file alike
// (ERRORS.md, case 107); build-site had stopped with "failed unexpectedly: EACCES" and a stack.
// File modes do not stop root: run as root (as CI does), the build runs as the unprivileged user
// `nobody` (uid and gid 65534) on a sandbox it owns.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { CLI, runCli, sandbox, type Sandbox } from "./helpers.js";

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
// `nobody` must be able to run the CLI where this checkout lies (not so in a home folder of mode 700).
const skip = asRoot && spawnSync(process.execPath, [CLI, "--version"], { uid: NOBODY, gid: NOBODY, cwd: "/", encoding: "utf8", timeout: 60_000 }).status !== 0
  ? "run as root, and the user nobody cannot run the CLI from this checkout"
  : false;

/** runCli, as `nobody` when this process is root (the sandbox given to it first). */
function runUnprivileged(box: Sandbox, args: string[]) {
  if (!asRoot) return runCli(box, args);
  chownTree(box.root, NOBODY);
  return runCli(box, args, box.site, {}, { uid: NOBODY, gid: NOBODY });
}

function chownTree(dir: string, id: number): void {
  fs.chownSync(dir, id, id);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(abs, id);
    else fs.lchownSync(abs, id, id);
  }
}

test("a page, static file or data file that cannot be read stops the build, naming it and what to do", { skip }, () => {
  for (const rel of ["locked.md", "locked.txt", "_data/locked.yml"]) {
    const box = sandbox({ "index.md": "---\n---\nhi\n", [rel]: "---\n---\nsecret\n" });
    try {
      fs.chmodSync(path.join(box.site, rel), 0);
      const r = runUnprivileged(box, ["build"]);
      assert.equal(r.code, 1, rel);
      assert.match(r.err, new RegExp(`Error: ${rel.replace(/\./g, "\\.")}: this file cannot be read \\(permission denied\\)\\n.*chmod u\\+r`), rel);
      assert.doesNotMatch(r.err, /unexpectedly/);
    } finally {
      fs.chmodSync(path.join(box.site, rel), 0o644);
      box.remove();
    }
  }
});
