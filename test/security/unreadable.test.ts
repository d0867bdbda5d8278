// Source files this user may not read. Jekyll 4.3.1 stops with `Permission denied @ rb_sysopen -
// …/locked.md (Errno::EACCES)` and a backtrace, for a page, a static file and a data file alike
// (ERRORS.md, case 107); build-site had stopped with "failed unexpectedly: EACCES" and a stack.
// File modes do not stop root, so the test is skipped there (checked by hand with `runuser -u
// nobody`).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { runCli, sandbox } from "./helpers.js";

const asRoot = process.getuid?.() === 0 ? "file modes do not stop root" : false;

test("a page, static file or data file that cannot be read stops the build, naming it and what to do", { skip: asRoot }, () => {
  for (const rel of ["locked.md", "locked.txt", "_data/locked.yml"]) {
    const box = sandbox({ "index.md": "---\n---\nhi\n", [rel]: "---\n---\nsecret\n" });
    try {
      fs.chmodSync(path.join(box.site, rel), 0);
      const r = runCli(box, ["build"]);
      assert.equal(r.code, 1, rel);
      assert.match(r.err, new RegExp(`Error: ${rel.replace(/\./g, "\\.")}: this file cannot be read \\(permission denied\\)\\n.*chmod u\\+r`), rel);
      assert.doesNotMatch(r.err, /unexpectedly/);
    } finally {
      fs.chmodSync(path.join(box.site, rel), 0o644);
      box.remove();
    }
  }
});
