// An excerpt whose own Liquid reads the excerpts of a list it is in: a page's first paragraph
// looping over `site.pages` under `page_excerpts: true`, or a post's over `site.posts`. Jekyll's
// Excerpt#output keeps its result only once rendered, so the excerpt starts over until Ruby's
// stack gives out and the build stops with "stack level too deep" (test/conformance/ERRORS.md,
// case 51). build-site stopped with a JavaScript out-of-memory abort; it now fails at the first
// turn with Jekyll's words, naming the excerpt.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

function build(files: Record<string, string>): { status: number | null; out: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "excerpt-itself-"));
  try {
    const site = path.join(work, "site");
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(site, name)), { recursive: true });
      fs.writeFileSync(path.join(site, name), text);
    }
    const r = spawnSync(process.execPath, [CLI, "build", "--source", site, "--destination", path.join(work, "_site")], { encoding: "utf8", timeout: 60_000 });
    return { status: r.status, out: r.stdout + r.stderr };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

test("a page's excerpt that loops over site.pages' excerpts", () => {
  const r = build({
    "_config.yml": "page_excerpts: true\n",
    "list.html": "---\n---\n{% for p in site.pages %}{{ p.excerpt }}{% endfor %}\n",
  });
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, /list\.html\/#excerpt: stack level too deep/);
});

test("a post's excerpt that loops over site.posts' excerpts", () => {
  const r = build({
    "_config.yml": "title: t\n",
    "_posts/2020-01-01-a.md": "---\n---\n{% for p in site.posts %}[{{ p.excerpt }}]{% endfor %}\n\nmore\n",
    "_posts/2020-01-02-b.md": "---\n---\nB excerpt\n\nmore\n",
  });
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, /_posts\/2020-01-01-a\.md\/#excerpt: stack level too deep/);
});

test("a loop after the first paragraph builds", () => {
  const r = build({
    "_config.yml": "page_excerpts: true\n",
    "list.html": "---\n---\nList\n\n{% for p in site.pages %}{{ p.excerpt }}{% endfor %}\n",
  });
  assert.equal(r.status, 0, r.out);
});
