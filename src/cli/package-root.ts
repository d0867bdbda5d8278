// Where build-site itself is installed: the folder of its package.json, found upwards from this
// file, which runs from dist/src/cli/ (the compiled modules) or dist/bundle/ (the bundle). The
// version and the templates of `new` are read from there.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let found: { root: string; version: string } | null | undefined;

function find(): { root: string; version: string } | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      const json = JSON.parse(fs.readFileSync(pkg, "utf8"));
      if (json.name === "build-site") return { root: dir, version: String(json.version) };
    }
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** The folder holding build-site's package.json, or null (never, in a working install). */
export function packageRoot(): string | null {
  if (found === undefined) found = find();
  return found?.root ?? null;
}

/** build-site's version, from its package.json. */
export function packageVersion(): string {
  if (found === undefined) found = find();
  return found?.version ?? "unknown";
}
