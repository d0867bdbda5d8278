// jekyll-github-metadata's offline values for several repositories and environments (Pages env,
// enterprise hosts, subdomain isolation, SSL, trailing slashes), against the real gem
// (golden/github-metadata.json), plus the edit link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PagesEnv, Repo, editLink, metadata } from "../../../src/plugins/jekyll-github-metadata.js";
import { golden } from "./golden.js";

interface Case { env: Record<string, string>; nwo: string; expected: Record<string, unknown> }

for (const c of golden<Case[]>("github-metadata.json")) {
  test(`${c.nwo} with ${JSON.stringify(c.env)}`, () => {
    const pages = new PagesEnv(c.env);
    const repo = new Repo(c.nwo, pages);
    const actual = {
      environment: pages.name, hostname: pages.githubHostname, pages_hostname: pages.pagesHostname,
      api_url: pages.apiUrl, help_url: pages.helpUrl, owner_url: repo.ownerUrl, repository_url: repo.repositoryUrl,
      is_user_page: repo.userPage, source: repo.source, url: repo.htmlUrl, baseurl: repo.baseurl, url_without_path: repo.urlWithoutPath,
    };
    assert.deepEqual(actual, c.expected);
  });
}

test("build_revision comes from JEKYLL_BUILD_REVISION when set", () => {
  const env = { JEKYLL_BUILD_REVISION: "abc123" };
  const pages = new PagesEnv(env);
  const data = metadata(new Repo("octo/project", pages), pages, env);
  assert.equal(data.build_revision, "abc123");
  assert.deepEqual(Object.keys(data), [...Object.keys(data)].sort());
});

test("github_edit_link: URL, link text, and missing data", () => {
  const vars: Record<string, any> = {
    site: { github: { repository_url: "https://github.com/octo/project", source: { branch: "main", path: "/docs" } } },
    page: { path: "a b/index.md" },
  };
  const lookup = (p: string[]) => p.reduce<any>((v, k) => (v == null ? undefined : v[k]), vars);
  const warnings: string[] = [];
  assert.equal(editLink("", lookup, (m) => warnings.push(m)), "https://github.com/octo/project/edit/main/docs/a%20b/index.md");
  assert.equal(editLink(' "Edit" ', lookup, (m) => warnings.push(m)), '<a href="https://github.com/octo/project/edit/main/docs/a%20b/index.md">Edit</a>');
  assert.equal(editLink("'Fix it'", () => undefined, (m) => warnings.push(m)), '<a href="">Fix it</a>');
  assert.deepEqual(warnings, ["Cannot generate edit URLs due to missing site.github data"]);
});

// Real Jekyll 4.3.1 without a repository name (no PAGES_REPO_NWO, no `repository:`, no origin
// remote) builds a site whose templates read none of the lazy values (fixture
// plugin-github-metadata-no-repo), and stops at the first one read: `{{ site.description }}` with
// no description set gives "Liquid Exception: No repo name found. … in index.html".
test("no repository name: reading a lazy fallback fails the build, as in Jekyll", async () => {
  const { execFileSync, spawnSync } = await import("node:child_process");
  const fs = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const { ROOT } = await import("./golden.js");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ghm-norepo-"));
  try {
    fs.writeFileSync(path.join(work, "_config.yml"), "title: T\nplugins:\n  - jekyll-github-metadata\n");
    fs.writeFileSync(path.join(work, "index.html"), "---\n---\nA {{ site.title }} B {{ site.description }} C\n");
    const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", JEKYLL_ENV: "development", NO_NETRC: "1" };
    delete env.PAGES_REPO_NWO;
    const cli = path.join(ROOT, "bin", "build-site.js");
    const failed = spawnSync(process.execPath, [cli, "build", "--source", work, "--destination", path.join(work, "_o")], { cwd: work, env, encoding: "utf8" });
    assert.notEqual(failed.status, 0);
    assert.match(failed.stdout + failed.stderr, /Liquid Exception: No repo name found/);
    fs.writeFileSync(path.join(work, "index.html"), "---\n---\nA {{ site.title }} C\n");
    execFileSync(process.execPath, [cli, "build", "--source", work, "--destination", path.join(work, "_o")], { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] });
    assert.equal(fs.readFileSync(path.join(work, "_o", "index.html"), "utf8"), "A T C\n");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
