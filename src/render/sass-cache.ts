// Compiled CSS kept between builds, keyed by everything the compiler reads: the stylesheet's
// text, the options, and the contents of every Sass/CSS file it could import (the load paths and
// the stylesheet's own folder). Sass is the largest single cost of a small site's build, and the
// stylesheets rarely change between two builds. Stored in `<source>/.build-site-cache/sass/`
// (skipped by the reader like every dot-folder); `disable_disk_cache: true` turns it off, as it
// does Jekyll's cache.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface CachedSass {
  css: string;
  map?: string;
  warnings: string[];
}

const SASS_FILE = /\.(s[ac]ss|css)$/;

function collectInputs(dir: string, out: string[], budget: { left: number }): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (budget.left <= 0) return;
    if (e.name.startsWith(".") || e.name === "node_modules" || e.name === "_site") continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) collectInputs(p, out, budget);
    else if (SASS_FILE.test(e.name)) { out.push(p); budget.left--; }
  }
}

export class SassCache {
  private readonly dir: string;

  constructor(source: string, private readonly enabled: boolean) {
    this.dir = path.join(source, ".build-site-cache", "sass");
  }

  /** The key for compiling `source` with `options`, reading from `folders`; null when the cache is off. */
  key(source: string, options: unknown, folders: string[]): string | null {
    if (!this.enabled) return null;
    const h = createHash("sha256").update(source).update("\0").update(JSON.stringify(options));
    const files: string[] = [];
    const budget = { left: 5000 };
    for (const f of [...new Set(folders)]) collectInputs(f, files, budget);
    if (budget.left <= 0) return null; // too many files to fingerprint cheaply
    for (const f of files.sort()) {
      h.update("\0").update(f).update("\0");
      try {
        h.update(fs.readFileSync(f));
      } catch {
        // vanished while we looked
      }
    }
    return h.digest("hex");
  }

  get(key: string | null): CachedSass | null {
    if (!key) return null;
    try {
      return JSON.parse(fs.readFileSync(path.join(this.dir, `${key}.json`), "utf8")) as CachedSass;
    } catch {
      return null;
    }
  }

  set(key: string | null, value: CachedSass): void {
    if (!key) return;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const file = path.join(this.dir, `${key}.json`);
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(value));
      fs.renameSync(tmp, file);
    } catch {
      // a cache that cannot be written is only slower
    }
  }
}
