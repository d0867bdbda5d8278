// jekyll-paginate-v2: a small site built by build-site must equal what real Jekyll 4.3.1 with
// jekyll-paginate-v2 3.0 wrote (golden/paginate-v2/expected, see gen.rb there): paginator keys
// and paths, trails, tag filter with offset, sort field, limit, permalink templates, titles.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./golden.js";

const GOLDEN = path.join(ROOT, "test", "unit", "plugins", "golden", "paginate-v2");

function files(dir: string, rel = ""): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? files(dir, r) : [r];
  }).sort();
}

test("the paginate-v2 site builds as Jekyll builds it", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "paginate-v2-"));
  try {
    execFileSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "--source", path.join(GOLDEN, "site"), "--destination", out], {
      env: { ...process.env, TZ: "UTC", JEKYLL_ENV: "development", BUILD_SITE_WORKERS: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const expected = path.join(GOLDEN, "expected");
    assert.deepEqual(files(out), files(expected));
    for (const f of files(expected)) {
      assert.equal(fs.readFileSync(path.join(out, f), "utf8"), fs.readFileSync(path.join(expected, f), "utf8"), f);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
