// Why a path named as the site's source (`--source`, or `source:` in the configuration) cannot be
// one, in words a user can act on. Jekyll stats nothing first: it creates the folder for its
// cache, so a missing one builds nothing and exits 0, and a symlink loop or a file stops with
// `mkdir': File exists @ dir_s_mkdir - …/loop (Errno::EEXIST)` and a Ruby backtrace (ERRORS.md).
import fs from "node:fs";

export type SourceProblem = "missing" | "loop" | "file" | "unreadable";

/** What is wrong with `dir` as a source folder; null when it is a folder build-site can read. */
export function sourceFolderProblem(dir: string): SourceProblem | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return "loop";
    if (code === "EACCES" || code === "EPERM") return "unreadable";
    return "missing"; // ENOENT, a dangling symlink, or ENOTDIR (a file where a folder of the path must be)
  }
  if (!stat.isDirectory()) return "file";
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.X_OK);
  } catch {
    return "unreadable";
  }
  return null;
}

/** Where the source was named: the command line's `--source`, or a configuration's `source:` key. */
export type SourceOrigin = { option: true } | { option: false; relativeTo: string };

/** "the source directory 'x' …": what is wrong, `shown` as the user wrote it. */
export function sourceProblemMessage(problem: SourceProblem, shown: string, origin: SourceOrigin): string {
  const named = `the source directory '${shown}'${origin.option ? "" : " (source: in the configuration)"}`;
  switch (problem) {
    case "missing":
      return `${named} does not exist`;
    case "loop":
      return `${named} is a symlink loop: its links never reach a folder (too many levels of symbolic links)`;
    case "file":
      return `${named} is a file, not a folder`;
    case "unreadable":
      return `${named} cannot be read (permission denied)`;
  }
}

/** What to do about it. */
export function sourceProblemHint(problem: SourceProblem, origin: SourceOrigin): string {
  const elsewhere = origin.option ? "point --source at the site's folder" : "correct or remove the source: setting";
  switch (problem) {
    case "missing":
      return origin.option
        ? "Run build-site inside your site, or point --source at it."
        : `source: names the folder of the site's files, relative to ${origin.relativeTo}: create it, or correct or remove the setting.`;
    case "loop":
      return `Point the symlink at a real folder (ls -l shows where it leads), or ${elsewhere}.`;
    case "file":
      return `The source is the folder of the site's files (the one holding _config.yml), not a file: ${elsewhere}.`;
    case "unreadable":
      return `Give your user read and search permission on it (chmod u+rx), or ${elsewhere}.`;
  }
}
