// Golden data for plugin tests: JSON files under test/unit/plugins/golden/, written by the Ruby
// scripts beside them from real Jekyll / Nokogiri. Read from the source tree at run time.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, from dist/test/unit/plugins/. */
export const ROOT = path.resolve(fileURLToPath(import.meta.url), "../../../../..");

export function golden<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "test", "unit", "plugins", "golden", name), "utf8")) as T;
}

function files(dir: string, rel = ""): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? files(dir, r) : [r];
  }).sort();
}

/**
 * Builds golden/<name>/site with build-site and returns, per output file, the pair
 * [what build-site wrote, what Jekyll wrote in golden/<name>/expected]; a file on one side only
 * gives null on the other.
 */
export function buildGoldenSite(name: string, env: Record<string, string> = {}): Map<string, [string | null, string | null]> {
  const dir = path.join(ROOT, "test", "unit", "plugins", "golden", name);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  try {
    execFileSync(process.execPath, [path.join(ROOT, "bin", "build-site.js"), "build", "--source", path.join(dir, "site"), "--destination", out], {
      env: { ...process.env, TZ: "UTC", JEKYLL_ENV: "development", BUILD_SITE_WORKERS: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const expected = path.join(dir, "expected");
    const result = new Map<string, [string | null, string | null]>();
    for (const f of new Set([...files(out), ...files(expected)])) {
      const read = (root: string) => (fs.existsSync(path.join(root, f)) ? fs.readFileSync(path.join(root, f), "utf8") : null);
      result.set(f, [read(out), read(expected)]);
    }
    return result;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
