// One copy of the measured site per checkout, for the A/B scripts (ab-cold.mjs,
// ab-instructions.mjs): each checkout builds its own copy, so a cache or output one of them
// leaves in the site can never be read by another. What a build writes is left out.
import fs from "node:fs";
import path from "node:path";

const SKIP = new Set([".git", "node_modules", "_site", ".jekyll-cache", ".build-site-cache", ".sass-cache"]);

/** Gives each variant `site` (its copy of `site` in `work`), `out` and an empty `runs`. */
export function copySiteForEach(variants, site, work) {
  for (const v of variants) {
    v.site = path.join(work, v.name);
    fs.mkdirSync(v.site);
    for (const e of fs.readdirSync(site)) if (!SKIP.has(e)) fs.cpSync(path.join(site, e), path.join(v.site, e), { recursive: true });
    v.out = path.join(work, `out-${v.name}`);
    v.runs = [];
  }
}
