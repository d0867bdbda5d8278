// Golden data for plugin tests: JSON files under test/unit/plugins/golden/, written by the Ruby
// scripts beside them from real Jekyll / Nokogiri. Read from the source tree at run time.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, from dist/test/unit/plugins/. */
export const ROOT = path.resolve(fileURLToPath(import.meta.url), "../../../../..");

export function golden<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "test", "unit", "plugins", "golden", name), "utf8")) as T;
}
