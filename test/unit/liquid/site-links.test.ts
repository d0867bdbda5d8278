// `{% link %}` and `{% post_url %}` against a real site (src/render/site-host.ts looks paths up
// in an index made once per build): pages, static files, collection documents, posts in a
// category folder, and the errors. Expected values are Jekyll 4.3.1's output for the same site:
// a leading "/" only finds static files (whose relative paths have one), and a document of a
// collection that is not written cannot be linked.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Builder } from "../../../src/build.js";
import { loadConfig } from "../../../src/config/load.js";

const quiet = { info() {}, warn() {}, debug() {} };

function render(files: Record<string, string>): Map<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-links-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const overrides = { source: dir, destination: path.join(dir, "_site") };
  const builder = new Builder({ overrides, logger: quiet });
  try {
    const { site } = builder.render(loadConfig(overrides));
    return new Map(site.pages.map((x) => [x.url, x.output ?? ""]));
  } finally {
    builder.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SITE = {
  "_config.yml": "baseurl: /b\npermalink: /:categories/:title/\ncollections:\n  notes:\n    output: false\n  guides:\n    output: true\n",
  "about.md": "---\npermalink: /about-us/\n---\nabout\n",
  "assets/logo.png": "png",
  "_notes/hidden.md": "---\ntitle: n\n---\nnote\n",
  "_guides/setup.md": "---\ntitle: g\n---\nguide\n",
  "_posts/2024-01-01-first.md": "---\ntitle: one\n---\n1\n",
  "news/_posts/2024-02-01-second.md": "---\ntitle: two\n---\n2\n",
};

test("link and post_url find pages, static files, documents and posts by path", () => {
  const out = render({
    ...SITE,
    "index.html": [
      "---\n---\n",
      "{% link about.md %}|{% link /assets/logo.png %}|{% link assets/logo.png %}|{% link _guides/setup.md %}|",
      "{% link _posts/2024-01-01-first.md %}|",
      "{% post_url 2024-01-01-first %}|{% post_url 2024-02-01-second %}|{% post_url news/2024-02-01-second %}|",
      "{% assign p = 'about.md' %}{% link {{ p }} %}",
    ].join(""),
  });
  assert.equal(out.get("/")!, [
    "/b/about-us/|/b/assets/logo.png|/b/assets/logo.png|/b/guides/setup/|",
    "/b/first/|",
    "/b/first/|/b/news/second/|/b/news/second/|",
    "/b/about-us/",
  ].join(""));
});

test("link to a missing, unwritten or slash-prefixed page fails the build with Jekyll's message", () => {
  assert.throws(() => render({ ...SITE, "index.html": "---\n---\n{% link nope.md %}" }), /Could not find document 'nope.md' in tag 'link'/);
  assert.throws(() => render({ ...SITE, "index.html": "---\n---\n{% link /about.md %}" }), /Could not find document '\/about.md' in tag 'link'/);
  assert.throws(() => render({ ...SITE, "index.html": "---\n---\n{% link _notes/hidden.md %}" }), /Could not find document '_notes\/hidden.md' in tag 'link'/);
  assert.throws(() => render({ ...SITE, "index.html": "---\n---\n{% post_url 2024-03-03-nope %}" }), /Could not find post "2024-03-03-nope" in tag 'post_url'/);
});
