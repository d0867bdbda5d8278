// Regenerates expected/: what real Jekyll 4.3.1 with Debian's jekyll-last-modified-at 1.3.0 writes
// for the site of history.mjs, in a git repository made by it. Run from the repository root:
//   node test/unit/plugins/golden/last-modified-at-git/gen.mjs
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeRepository } from "./history.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "lma-golden-"));
try {
  const site = makeRepository(work);
  const out = path.join(work, "_out");
  execFileSync("jekyll", ["build", "--source", site, "--destination", out], { env: { ...process.env, TZ: "UTC", LANG: "C.UTF-8", JEKYLL_ENV: "development" }, stdio: "inherit" });
  const expected = path.join(here, "expected");
  fs.rmSync(expected, { recursive: true, force: true });
  fs.cpSync(out, expected, { recursive: true });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
