// When git last changed a file, as jekyll-last-modified-at 1.3.0 asks it: for each file, the gem
// runs `git --git-dir <top>/.git log -n 1 --format="%ct" -- <path relative to top>` and takes the
// first run of digits of its output (stdout, a space, stderr, stripped).
//
// Instead of one git process per file, the history is read once per build (two `git log` calls
// over the whole history, file names included) and each file's answer is worked
// out from it the way `git log -- <file>` walks: from HEAD, newest commit date first (ties in the
// order reached), a commit is shown when it changed the file; at a merge that left the file as one
// parent had it (TREESAME), only that parent is followed, and the merge is not shown; a merge that
// changed the file against every parent is shown. Without merges this is simply the newest commit
// listing the file. The answer is the same as git's (test/unit/plugins/last-modified-at.test.ts
// compares the two on random histories); where the history cannot tell (an octopus merge that
// kept one of its later parents' version) or git failed, the gem's own command is run for that
// file. Every git call gets its arguments as a list: no shell, no quoting of file names.
import { createRequire } from "node:module";
import path from "node:path";

/** node:child_process (and the net and stream modules it loads) only when a site uses the plugin. */
const childProcess = () => createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process");

/** What the gem's Executor.sh returns: stdout and stderr joined by a space, stripped. */
export function gitOutput(args: string[], cwd?: string): { ok: boolean; text: string } {
  const r = childProcess().spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
  if (r.error) return { ok: false, text: "" };
  return { ok: r.status === 0, text: `${r.stdout ?? ""} ${r.stderr ?? ""}`.trim() };
}

interface Commit {
  /** Committer time, seconds. */
  time: number;
  parents: string[];
  /** Files changed against the first parent (all files for a root commit). */
  changed: Set<string>;
  /** For a merge: files that differ from every parent (`-c`). */
  changedFromAll?: Set<string>;
}

const HEADER = "\x01";

/**
 * Parses `git log -z --name-only --format=%x01%H %ct %P`: each commit is a NUL-ended header, then
 * its file names, the first after a newline, each NUL-ended.
 */
function parseLog(out: Buffer, each: (hash: string, time: number, parents: string[], files: string[]) => void): void {
  const tokens = out.toString("utf8").split("\0");
  let current: { hash: string; time: number; parents: string[]; files: string[] } | null = null;
  let afterHeader = false;
  const flush = () => { if (current) each(current.hash, current.time, current.parents, current.files); };
  for (let token of tokens) {
    if (afterHeader && token.startsWith("\n")) token = token.slice(1);
    afterHeader = false;
    if (token.startsWith(HEADER)) {
      flush();
      const [hash = "", time = "0", ...parents] = token.slice(1).split(" ");
      current = { hash, time: Number(time), parents: parents.filter(Boolean), files: [] };
      afterHeader = true;
    } else if (token !== "" && current) {
      current.files.push(token);
    }
  }
  flush();
}

/** A binary heap of commits to visit: newest commit time first, then first reached (git's commit_list_insert_by_date). */
class WalkQueue {
  private readonly heap: Array<{ hash: string; time: number; seq: number }> = [];
  private seq = 0;
  private before(a: { time: number; seq: number }, b: { time: number; seq: number }): boolean {
    return a.time > b.time || (a.time === b.time && a.seq < b.seq);
  }
  get size(): number {
    return this.heap.length;
  }
  push(hash: string, time: number): void {
    const h = this.heap;
    h.push({ hash, time, seq: this.seq++ });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): string {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top.hash;
  }
}

/** The answer for one file: a commit time, none (never committed), or "ask git" (the history cannot tell). */
export type CommitTime = number | null | "ask-git";

export class GitHistory {
  private readonly commits = new Map<string, Commit>();
  private head: string | null = null;
  private hasMerges = false;
  /** Without merges: each file's newest commit time. */
  private newest: Map<string, number> | null = null;

  /**
   * Reads the history of the repository whose `.git` is `gitDir` (the gem's --git-dir), or
   * returns null when git fails (no commits yet…): then each file is asked for on its own.
   */
  static read(gitDir: string): GitHistory | null {
    const format = `--format=${HEADER}%H %ct %P`;
    const run = (extra: string[]) => childProcess().spawnSync("git", ["--git-dir", gitDir, "log", "-z", "--name-only", "--no-renames", format, ...extra], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] });
    const main = run(["--diff-merges=first-parent"]);
    if (main.error || main.status !== 0) return null;
    const history = new GitHistory();
    parseLog(main.stdout, (hash, time, parents, files) => {
      history.head ??= hash;
      if (parents.length > 1) history.hasMerges = true;
      history.commits.set(hash, { time, parents, changed: new Set(files) });
    });
    if (history.hasMerges) {
      const merges = run(["--merges", "--diff-merges=combined"]);
      if (merges.error || merges.status !== 0) return null;
      parseLog(merges.stdout, (hash, _time, _parents, files) => {
        const c = history.commits.get(hash);
        if (c) c.changedFromAll = new Set(files);
      });
    } else {
      history.newest = new Map();
      // `git log` lists the newest first.
      for (const c of history.commits.values()) for (const f of c.changed) if (!history.newest.has(f)) history.newest.set(f, c.time);
    }
    return history;
  }

  /** The commit time `git log -n 1 --format=%ct -- <file>` gives (file relative to the top of the work tree). */
  lastCommitTime(file: string): CommitTime {
    if (this.newest) return this.newest.get(file) ?? null;
    if (!this.head) return null;
    const queue = new WalkQueue();
    const seen = new Set<string>([this.head]);
    queue.push(this.head, this.commits.get(this.head)!.time);
    while (queue.size > 0) {
      const hash = queue.pop();
      const c = this.commits.get(hash)!;
      const parents = c.parents.filter((p) => this.commits.has(p));
      let follow = parents;
      let shown: boolean;
      if (parents.length <= 1) shown = c.changed.has(file);
      else if (!c.changed.has(file)) {
        // As the first parent had it: follow that parent only.
        follow = [parents[0]!];
        shown = false;
      } else if (c.changedFromAll?.has(file)) shown = true;
      else if (parents.length === 2) {
        follow = [parents[1]!];
        shown = false;
      } else return "ask-git";
      if (shown) return c.time;
      for (const p of follow) {
        if (seen.has(p)) continue;
        seen.add(p);
        queue.push(p, this.commits.get(p)!.time);
      }
    }
    return null;
  }
}

/**
 * The gem's Git class for a site source: whether it is inside a git work tree (`git rev-parse
 * --is-inside-work-tree` prints exactly "true"), and the repository's `.git` (File.join of
 * `git rev-parse --show-toplevel` and ".git").
 */
export function gitRepository(source: string): { gitDir: string; top: string } | null {
  if (gitOutput(["rev-parse", "--is-inside-work-tree"], source).text !== "true") return null;
  const top = gitOutput(["rev-parse", "--show-toplevel"], source).text;
  return { gitDir: path.join(top, ".git"), top };
}

/** The gem's own per-file command, for what the history cannot answer: the first run of digits of its output, or null. */
export function askGit(gitDir: string, relative: string): number | null {
  const m = /\d+/.exec(gitOutput(["--git-dir", gitDir, "log", "-n", "1", '--format="%ct"', "--", relative]).text);
  return m ? Number(m[0]) : null;
}
