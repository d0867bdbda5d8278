// `build-site clean`: removes what builds leave behind, without building, as `jekyll clean` does:
// the destination, `.jekyll-metadata`, the cache folder (`cache_dir`, `.jekyll-cache`) and
// `.sass-cache`, then build-site's own: its disk cache (`.build-site-cache`) and the staging
// folders a build can leave beside the destination when interrupted. One "Cleaner:" line each.
//
// Differences from Jekyll, for safety: `.sass-cache` is looked for in the source (Jekyll looks in
// the working directory), a `cache_dir` that leads out of the source is left alone, and a
// destination that is or contains the source is refused (the check a build makes) rather than
// deleted with the site in it.
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../config/load.js";
import { assertDestinationOutsideSource, stagingDirFor } from "../write/writer.js";
import type { ParsedArgs } from "./args.js";
import { logConfigFiles } from "./build.js";
import type { ConsoleLogger } from "../logger.js";

const inside = (root: string, p: string) => p.startsWith(root + path.sep);

export function runClean(args: ParsedArgs, logger: ConsoleLogger): number {
  const loaded = loadConfig(args.overrides as any);
  logConfigFiles(loaded, logger);
  const { config } = loaded;
  const source = path.resolve(config.source);
  const destination = path.resolve(config.destination);
  assertDestinationOutsideSource(source, destination);

  const remove = (target: string, kind: "file" | "folder") => {
    const stat = fs.lstatSync(target, { throwIfNoEntry: false });
    if (stat && (kind === "folder" ? stat.isDirectory() : stat.isFile())) {
      logger.info("Cleaner:", `Removing ${target}...`);
      fs.rmSync(target, { recursive: true, force: true });
    } else {
      logger.info("Cleaner:", `Nothing to do for ${target}.`);
    }
  };

  remove(destination, "folder");
  remove(path.join(source, ".jekyll-metadata"), "file");
  const cacheDir = path.resolve(source, String(config.cache_dir ?? ".jekyll-cache"));
  if (inside(source, cacheDir)) remove(cacheDir, "folder");
  else logger.warn("Cleaner:", `Leaving ${cacheDir} alone: cache_dir is outside the source.`);
  remove(path.join(source, ".sass-cache"), "folder");
  remove(path.join(source, ".build-site-cache"), "folder");
  // The staging folder, and old trees a build's background deletion has not finished with
  // (named after it): only mentioned when there are some, after an interrupted build.
  const staging = stagingDirFor(destination);
  const parent = path.dirname(staging);
  const leftovers = fs.existsSync(parent) ? fs.readdirSync(parent).filter((n) => n.startsWith(path.basename(staging))) : [];
  for (const name of leftovers) remove(path.join(parent, name), "folder");
  return 0;
}
