// jekyll-last-modified-at: the history read once per build must give, for every file, what the
// gem's own per-file `git log -n 1 --format="%ct" -- <file>` gives — on histories made to be
// hard (merges that keep one side, octopus merges, reverts, equal and out-of-order commit
// dates). Needs git; skipped without it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { askGit, GitHistory, gitRepository } from "../../../src/plugins/last-modified-at/git-history.js";
import { sanitizedPath } from "../../../src/plugins/jekyll-last-modified-at.js";

const hasGit = spawnSync("git", ["--version"]).status === 0;

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random history written with `git fast-import` (one process, every commit's date and tree
 * chosen): branches, edits, deletions, merges of two or three parents whose result keeps one
 * parent's version of a file, another's, or something new, commit dates that rise, repeat and go
 * back.
 */
function randomHistory(seed: number, files: string[]): string {
  const rnd = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)]!;
  let clock = 1_600_000_000;
  let mark = 0;
  const tips = new Map<string, { mark: number; tree: Map<string, string> }>();
  const out: string[] = [];
  const commit = (branch: string, parents: Array<{ mark: number; tree: Map<string, string> }>, tree: Map<string, string>) => {
    const r = rnd();
    clock += r < 0.2 ? 0 : r < 0.3 ? -700 : Math.floor(r * 1000);
    mark++;
    out.push(`commit refs/heads/${branch}`, `mark :${mark}`, `committer t <t@example.com> ${clock} +0000`, "data 1", "x");
    if (parents[0]) out.push(`from :${parents[0].mark}`);
    for (const p of parents.slice(1)) out.push(`merge :${p.mark}`);
    out.push("deleteall");
    for (const [f, content] of tree) out.push(`M 100644 inline ${f}`, `data ${Buffer.byteLength(content)}`, content);
    out.push("");
    tips.set(branch, { mark, tree });
  };
  const edited = (tree: Map<string, string>) => {
    const next = new Map(tree);
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      const f = pick(files);
      if (rnd() < 0.15) next.delete(f);
      else next.set(f, pick(["a\n", "b\n", "c\n"]));
    }
    return next;
  };
  commit("main", [], edited(new Map()));
  for (let step = 0; step < 40; step++) {
    const r = rnd();
    const branches = [...tips.keys()];
    if (r < 0.2 || branches.length < 3) {
      const from = tips.get(pick(branches))!;
      commit(`b${step}`, [from], edited(from.tree));
    } else if (r < 0.5) {
      const into = pick(branches);
      const others = branches.filter((b) => b !== into);
      const parents = [tips.get(into)!, ...new Set([pick(others), ...(rnd() < 0.3 ? [pick(others)] : [])])].map((b) => (typeof b === "string" ? tips.get(b)! : b));
      const tree = new Map<string, string>();
      for (const f of files) {
        const c = rnd();
        const source = c < 0.1 ? null : pick(parents).tree;
        const content = source ? source.get(f) : c < 0.05 ? undefined : "merged\n";
        if (content !== undefined) tree.set(f, content);
      }
      commit(into, parents, tree);
    } else {
      const b = pick(branches);
      commit(b, [tips.get(b)!], edited(tips.get(b)!.tree));
    }
  }
  return `${out.join("\n")}\n`;
}

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };

test("the history read once answers every file as `git log -n 1 -- <file>` does", { skip: !hasGit && "git is not installed" }, () => {
  const files = ["a.md", "b.md", "c.md", "dir/d.md", "dir/e f.md", "ü.md", "x/y/z.html"];
  let compared = 0;
  let merges = 0;
  for (let seed = 1; seed <= 10; seed++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lma-history-"));
    try {
      execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir, env: GIT_ENV });
      execFileSync("git", ["fast-import", "--quiet"], { cwd: dir, env: GIT_ENV, input: randomHistory(seed, files) });
      merges += execFileSync("git", ["rev-list", "--merges", "--count", "main"], { cwd: dir, encoding: "utf8" }).trim() === "0" ? 0 : 1;
      const gitDir = path.join(dir, ".git");
      const history = GitHistory.read(gitDir)!;
      for (const f of [...files, "never-committed.md"]) {
        const got = history.lastCommitTime(f);
        assert.equal(got === "ask-git" ? askGit(gitDir, f) : got, askGit(gitDir, f), `seed ${seed}, ${f}`);
        compared++;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  assert.equal(compared, 80);
  assert.ok(merges >= 8, "most histories have merges");
});

test("outside a work tree there is no repository; a repository without commits has no history", { skip: !hasGit && "git is not installed" }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lma-plain-"));
  try {
    assert.equal(gitRepository(dir), null);
    execFileSync("git", ["init", "-q"], { cwd: dir });
    const repo = gitRepository(dir)!;
    assert.ok(repo);
    assert.equal(GitHistory.read(repo.gitDir), null);
    assert.equal(askGit(repo.gitDir, "a.md"), null);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("sanitizedPath keeps a path inside the source, as Jekyll.sanitized_path", () => {
  assert.equal(sanitizedPath("/site", "about.md"), "/site/about.md");
  assert.equal(sanitizedPath("/site", "/site/_posts/a.md"), "/site/_posts/a.md");
  assert.equal(sanitizedPath("/site", "../../etc/passwd"), "/site/etc/passwd");
  assert.equal(sanitizedPath("/site", "/etc/passwd"), "/site/etc/passwd");
  assert.equal(sanitizedPath("/site", "/site"), "/site");
  assert.equal(sanitizedPath("/site", ""), "/site");
  // Jekyll's bare prefix test would keep /site2/x; build-site never looks outside the source.
  assert.equal(sanitizedPath("/site", "/site2/x"), "/site/site2/x");
});
