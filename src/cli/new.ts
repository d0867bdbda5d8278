// `build-site new PATH`: a new site from build-site's own starter (templates/starter: layouts,
// includes, a stylesheet, a home page listing the posts, an about page, a 404 page and a first
// post, with jekyll-feed and jekyll-seo-tag), or with `--blank` an empty skeleton
// (templates/blank, plus the empty _data, _drafts, _includes and _posts folders), as `jekyll new`
// and `jekyll new --blank` make them. There is no Gemfile and nothing to install: the messages are
// Jekyll's otherwise.
import fs from "node:fs";
import path from "node:path";
import { BuildError } from "../errors.js";
import type { ParsedArgs } from "./args.js";
import type { ConsoleLogger } from "../logger.js";
import { packageRoot } from "./package-root.js";

/** The starter's first post is named 0000-00-00-….md in the template; it gets today's date. */
const DATE_PLACEHOLDER = /^0000-00-00-/;

/** npm leaves `.gitignore` files out of packages, so the templates hold it as `gitignore`. */
const RENAMED: Record<string, string> = { gitignore: ".gitignore" };

/** The folders `jekyll new --blank` creates empty. */
const BLANK_FOLDERS = ["_data", "_drafts", "_includes", "_posts"];

/** Today as YYYY-MM-DD in local time, as `jekyll new` names the first post. */
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Jekyll counts a folder as empty when it has no entries besides hidden ones (`.git`…). */
function hasVisibleEntries(dir: string): boolean {
  return fs.readdirSync(dir).some((name) => !name.startsWith("."));
}

function templateDir(name: "starter" | "blank"): string {
  const root = packageRoot();
  const dir = root && path.join(root, "templates", name);
  if (!dir || !fs.existsSync(dir)) {
    throw new BuildError(`build-site's site templates are missing${dir ? ` (looked in ${dir})` : ""}`, {
      hint: "Reinstall build-site: its package includes the templates/ folder.",
    });
  }
  return dir;
}

/** Copies a template into `target`, renaming as above; returns the paths written. */
function copyTemplate(from: string, target: string, today: string): string[] {
  const written: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const name = RENAMED[entry.name] ?? entry.name.replace(DATE_PLACEHOLDER, `${today}-`);
      const to = path.join(target, rel, name);
      if (entry.isDirectory()) {
        fs.mkdirSync(to, { recursive: true });
        walk(path.join(dir, entry.name), path.join(rel, name));
      } else if (entry.isFile()) {
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(path.join(dir, entry.name), to);
        written.push(to);
      }
    }
  };
  walk(from, "");
  return written;
}

export function runNew(args: ParsedArgs, logger: ConsoleLogger): number {
  if (!args.positionals.length) {
    throw new BuildError("You must specify a path.", { hint: "e.g. build-site new my-site (or . for the current folder)" });
  }
  // Jekyll joins the words, so `jekyll new my site` makes "my site".
  const target = path.resolve(process.cwd(), args.positionals.join(" "));
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
    throw new BuildError(`${target} exists and is not a folder`, { hint: "Choose another path for the new site." });
  }
  fs.mkdirSync(target, { recursive: true });
  if (!args.new.force && hasVisibleEntries(target)) {
    logger.error("Conflict:", `${target} exists and is not empty.`);
    logger.error("", `Ensure ${target} is empty or else try again with \`--force\` to proceed and overwrite any files.`);
    return 1;
  }
  const template = templateDir(args.new.blank ? "blank" : "starter");
  copyTemplate(template, target, localDate());
  if (args.new.blank) for (const dir of BLANK_FOLDERS) fs.mkdirSync(path.join(target, dir), { recursive: true });

  logger.info(`New jekyll site installed in ${target}.`);
  if (args.new.skipBundle) logger.info("Bundle install skipped.");
  const rel = path.relative(process.cwd(), target) || ".";
  logger.info(`To preview it, run \`build-site serve\` in ${rel}.`);
  return 0;
}
