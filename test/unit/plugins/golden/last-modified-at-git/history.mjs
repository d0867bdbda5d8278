// The git history of the jekyll-last-modified-at golden site, made the same way every time: the
// commits' dates are pinned, and so are the mtimes of the files git does not know. Used by
// gen.mjs (real Jekyll writes expected/) and by test/unit/plugins/last-modified-at-site.test.ts
// (build-site must write the same). The site is the repository's `site/` folder, so the gem's
// paths are relative to a top level above the site.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const layout = `<p>{{ page.path }}: {{ page.last_modified_at | date_to_xmlschema }} | {% last_modified_at %} | {% last_modified_at %s %}</p>
{{ content }}`;
const page = (body, extra = "") => `---\nlayout: default\n${extra}---\n${body}\n`;

/** Each step: a commit (date, files to write, or null to delete), a branch switch, or a merge. */
const STEPS = [
  { date: 1700000000, files: {
    "site/_config.yml": "plugins:\n  - jekyll-last-modified-at\ntimezone: Europe/Berlin\nlast-modified-at:\n  date-format: \"%Y-%m-%d %H:%M %Z\"\n",
    "site/_layouts/default.html": layout,
    "site/index.md": page("Home, first version."),
    "site/about.md": page("About."),
    "site/_posts/2023-01-01-first.md": page("First post."),
    "README.md": "Outside the site.\n",
  } },
  { date: 1700100000, files: { "site/about.md": page("About, edited.") } },
  { branch: "feature" },
  { date: 1700200000, files: { "site/index.md": page("Home, the feature branch's version."), "site/feature.md": page("Added on a branch.") } },
  { branch: "main" },
  { date: 1700300000, files: { "site/_posts/2023-01-01-first.md": page("First post, edited.") } },
  // Keeps main's index.md: `git log -- site/index.md` does not look into the branch.
  { merge: "feature", strategy: "ours", date: 1700400000 },
  { date: 1700500000, files: { "site/_posts/2023-02-02-second.md": page("Second post."), "site/with space é.md": page("A file name to quote."), "site/pointer.md": page("Its path names another file.", "path: about.md\n") } },
  { date: 1700600000, files: { "README.md": "Outside the site, edited.\n" } },
];

/** Files that are not committed: git knows nothing of them, so their mtime counts. */
const UNTRACKED = { "site/untracked.md": page("Never committed.") };
const UNTRACKED_MTIME = new Date("2022-02-02T02:02:02Z");

export function makeRepository(dir) {
  const run = (args, date) => execFileSync("git", args, {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_NAME: "Golden", GIT_AUTHOR_EMAIL: "golden@example.com", GIT_COMMITTER_NAME: "Golden", GIT_COMMITTER_EMAIL: "golden@example.com",
      ...(date ? { GIT_AUTHOR_DATE: `@${date} +0000`, GIT_COMMITTER_DATE: `@${date} +0000` } : {}),
    },
  });
  run(["init", "-q", "-b", "main"]);
  for (const step of STEPS) {
    if (step.branch) run(["checkout", "-q", ...(step.branch === "main" ? [] : ["-b"]), step.branch]);
    else if (step.merge) run(["merge", "-q", "--no-ff", "--no-edit", "-s", step.strategy, step.merge], step.date);
    else {
      for (const [file, content] of Object.entries(step.files)) {
        const abs = path.join(dir, file);
        if (content === null) fs.rmSync(abs);
        else {
          fs.mkdirSync(path.dirname(abs), { recursive: true });
          fs.writeFileSync(abs, content);
        }
      }
      run(["add", "-A"]);
      run(["commit", "-q", "-m", `at ${step.date}`], step.date);
    }
  }
  for (const [file, content] of Object.entries(UNTRACKED)) {
    const abs = path.join(dir, file);
    fs.writeFileSync(abs, content);
    fs.utimesSync(abs, UNTRACKED_MTIME, UNTRACKED_MTIME);
  }
  return path.join(dir, "site");
}
