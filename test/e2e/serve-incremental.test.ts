// Incremental rebuilds must give exactly what a clean build gives. 200 seeded random edits (add,
// change, delete and rename posts, their front matter (date, tags, title), pages, includes,
// layouts, data, static files and the config) are applied to a
// small site; after each, the incrementally rebuilt `_site` is compared with a clean build of the
// same sources. The second site has no plugin that changes documents, so serve keeps the
// Documents of unchanged files between rebuilds (read/source-cache.ts): its edits change what a
// kept document is made of (date, tags, categories, permalink, published, front matter defaults
// in the config, files in a category folder and in a collection), and are handed over with the
// kinds the watcher gives ("change" keeps folder listings).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { buildSite } from "../../src/build.js";
import { IncrementalBuilder } from "../../src/serve/incremental.js";
import type { Logger } from "../../src/logger.js";
import { readTree } from "../conformance/harness.js";

const quiet: Logger = { info() {}, warn() {}, debug() {} };

/** mulberry32: the same edits on every run. */
function rng(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["alpha", "beta", "gamma", "delta", "quantization", "scaling", "transformer", "loop", "fp4", "megatron"];

function write(root: string, rel: string, text: string): string {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

function seedSite(root: string): void {
  write(root, "_config.yml", `title: Incremental\ntime: "2026-12-01 00:00:00 +0000"\nexclude: [_out, _clean]\nplugins: [jekyll-paginate, jekyll-redirect-from]\npaginate: 2\n`);
  write(root, "_layouts/default.html", `<html><title>{{ page.title }} · {{ site.title }}</title><body>{% include nav.html %}{{ content }}</body></html>\n`);
  write(root, "_layouts/post.html", `---\nlayout: default\n---\n<article>{{ content }}</article><p>prev={{ page.previous.title }} next={{ page.next.title }}</p>\n`);
  write(root, "_includes/nav.html", `<nav>{% for l in site.data.links %}<a href="{{ l.url }}">{{ l.name }}</a>{% endfor %}</nav>\n`);
  write(root, "_includes/card.html", `<div class="card">{{ include.post.title }} ({{ include.post.date | date: "%Y-%m-%d" }})</div>\n`);
  write(root, "_data/links.yml", `- name: Home\n  url: /\n- name: Blog\n  url: /blog/\n`);
  // Paginated copies of index.html share its relative path; redirect pages share one too.
  write(root, "index.html", `---\nlayout: default\ntitle: Home\n---\n<h1>Home {{ paginator.page }}/{{ paginator.total_pages }}</h1>{% for p in paginator.posts %}{% include card.html post=p %}{% endfor %}\n`);
  write(root, "moved.md", `---\nlayout: default\ntitle: Moved\nredirect_from: [/old-a/, /old-b/]\n---\nMoved here.\n`);
  write(root, "blog.html", `---\nlayout: default\ntitle: Blog\npermalink: /blog/\n---\n<ul>{% for p in site.posts %}<li><a href="{{ p.url }}">{{ p.title }}</a> {{ p.excerpt | strip_html }}</li>{% endfor %}</ul>\n`);
  write(root, "about.md", `---\nlayout: default\ntitle: About\n---\nAbout me. Static files: {{ site.static_files | size }}.\n`);
  write(root, "static/a.txt", "static A\n");
  for (let i = 1; i <= 4; i++) {
    write(root, `_posts/2025-0${i}-0${i}-post-${i}.md`, `---\nlayout: post\ntitle: Post ${i}\ntags: [t${i % 2}]\n---\nFirst paragraph of post ${i}.\n\nMore text.\n`);
  }
}

type Edit = (root: string, r: () => number) => string[];

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
const posts = (root: string) => fs.existsSync(path.join(root, "_posts")) ? fs.readdirSync(path.join(root, "_posts")).map((f) => `_posts/${f}`) : [];
const pages = (root: string) => fs.readdirSync(root).filter((f) => /^page-\d+\.md$/.test(f));

const EDITS: Edit[] = [
  // change a post's body or title
  (root, r) => {
    const all = posts(root);
    if (!all.length) return [];
    const f = pick(r, all);
    const text = fs.readFileSync(path.join(root, f), "utf8");
    const next = r() < 0.5
      ? text.replace(/First paragraph[^\n]*/, `First paragraph: ${pick(r, WORDS)} ${pick(r, WORDS)}.`)
      : text.replace(/title: [^\n]*/, `title: ${pick(r, WORDS)} ${Math.floor(r() * 100)}`);
    return [write(root, f, next)];
  },
  // add a post
  (root, r) => {
    const day = String(1 + Math.floor(r() * 28)).padStart(2, "0");
    const month = String(1 + Math.floor(r() * 9)).padStart(2, "0");
    const f = `_posts/2025-${month}-${day}-${pick(r, WORDS)}-${Math.floor(r() * 1000)}.md`;
    return [write(root, f, `---\nlayout: post\ntitle: ${pick(r, WORDS)}\n---\nFirst paragraph about ${pick(r, WORDS)}.\n\nBody.\n`)];
  },
  // delete a post
  (root, r) => {
    const all = posts(root);
    if (all.length <= 1) return [];
    const f = path.join(root, pick(r, all));
    fs.rmSync(f);
    return [f];
  },
  // rename a post (a new date or slug)
  (root, r) => {
    const all = posts(root);
    if (!all.length) return [];
    const f = pick(r, all);
    const to = f.replace(/-(\d\d)-([a-z])/, `-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}-$2`).replace(/\.md$/, `-r${Math.floor(r() * 100)}.md`);
    fs.renameSync(path.join(root, f), path.join(root, to));
    return [path.join(root, f), path.join(root, to)];
  },
  // add, change or delete a page
  (root, r) => {
    const existing = pages(root);
    if (existing.length && r() < 0.4) {
      const f = path.join(root, pick(r, existing));
      fs.rmSync(f);
      return [f];
    }
    const name = existing.length && r() < 0.5 ? pick(r, existing) : `page-${Math.floor(r() * 20)}.md`;
    return [write(root, name, `---\nlayout: default\ntitle: ${pick(r, WORDS)}\n---\nPage about ${pick(r, WORDS)}; pages: {{ site.pages | size }}.\n`)];
  },
  // change an include
  (root, r) => [write(root, "_includes/card.html", `<div class="card ${pick(r, WORDS)}">{{ include.post.title }} ({{ include.post.date | date: "%b %-d, %Y" }})</div>\n`)],
  // change data
  (root, r) => [write(root, "_data/links.yml", `- name: Home\n  url: /\n- name: ${pick(r, WORDS)}\n  url: /blog/\n`)],
  // change a layout
  (root, r) => [write(root, "_layouts/post.html", `---\nlayout: default\n---\n<article class="${pick(r, WORDS)}">{{ content }}</article><p>prev={{ page.previous.title }} next={{ page.next.title }}</p>\n`)],
  // change a post's front matter: its date (a new place in site.posts), tags or title
  (root, r) => {
    const all = posts(root);
    if (!all.length) return [];
    const f = pick(r, all);
    const text = fs.readFileSync(path.join(root, f), "utf8");
    const which = Math.floor(r() * 3);
    const fm = which === 0 ? `date: 2025-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)} 10:00:00 +0000`
      : which === 1 ? `tags: [${pick(r, WORDS)}, t${Math.floor(r() * 3)}]`
      : `title: "${pick(r, WORDS)} ${pick(r, WORDS)}"`;
    const key = fm.slice(0, fm.indexOf(":"));
    const lines = text.split("\n").filter((l) => !l.startsWith(`${key}:`));
    lines.splice(1, 0, fm);
    return [write(root, f, lines.join("\n"))];
  },
  // change the config (a full rebuild)
  (root, r) => [write(root, "_config.yml", `title: ${pick(r, WORDS)}\ntime: "2026-12-01 00:00:00 +0000"\nexclude: [_out, _clean]\nplugins: [jekyll-paginate, jekyll-redirect-from]\npaginate: ${1 + Math.floor(r() * 3)}\n`)],
  // change an include every page uses
  (root, r) => [write(root, "_includes/nav.html", `<nav class="${pick(r, WORDS)}">{% for l in site.data.links %}<a href="{{ l.url }}">{{ l.name }}</a>{% endfor %}</nav>\n`)],
  // add or remove a static file
  (root, r) => {
    const f = path.join(root, "static", `s${Math.floor(r() * 4)}.txt`);
    if (fs.existsSync(f)) { fs.rmSync(f); return [f]; }
    return [write(root, path.relative(root, f), `static ${pick(r, WORDS)}\n`)];
  },
];

/** Every file below `root` (the outputs left out). */
function sourceFiles(root: string): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== "_out" && e.name !== "_clean") walk(p); } else out.add(p);
    }
  };
  walk(root);
  return out;
}

function seedKeepSite(root: string): void {
  write(root, "_config.yml", KEEP_CONFIG("Keep", ""));
  write(root, "_layouts/default.html", `<html><title>{{ page.title }} · {{ site.title }}</title><body>{% include nav.html %}{{ content }}</body></html>\n`);
  write(root, "_layouts/post.html", `---\nlayout: default\n---\n<article>{{ content }}</article><p>{{ page.date | date: "%F" }} {{ page.categories | join: "," }} {{ page.tags | join: "," }} {{ page.author }} prev={{ page.previous.url }} next={{ page.next.url }}</p>\n`);
  write(root, "_includes/nav.html", `<nav>{% for l in site.data.links %}<a href="{{ l.url }}">{{ l.name }}</a>{% endfor %}</nav>\n`);
  write(root, "_includes/card.html", `<div class="card">{{ include.post.title }} ({{ include.post.date | date: "%Y-%m-%d" }}) {{ include.post.url }}</div>\n`);
  write(root, "_data/links.yml", `- name: Home\n  url: /\n- name: Blog\n  url: /blog/\n`);
  write(root, "index.html", `---\nlayout: default\ntitle: Home\n---\n{% for p in site.posts limit: 3 %}{% include card.html post=p %}{% endfor %}\n`);
  write(root, "blog.html", `---\nlayout: default\ntitle: Blog\npermalink: /blog/\n---\n<ul>{% for p in site.posts %}<li>{% include card.html post=p %} {{ p.excerpt | strip_html }}</li>{% endfor %}</ul>\n`);
  write(root, "tags.html", `---\nlayout: default\ntitle: Tags\n---\n{% for t in site.tags %}<h2>{{ t[0] }}</h2>{% for p in t[1] %}{{ p.title }};{% endfor %}{% endfor %}{% for c in site.categories %}<h3>{{ c[0] }} {{ c[1].size }}</h3>{% endfor %}\n`);
  write(root, "notes.html", `---\nlayout: default\ntitle: Notes\n---\n{% for n in site.notes %}<p>{{ n.title }} {{ n.url }} {{ n.content | strip_html | truncate: 20 }}</p>{% endfor %}\n`);
  // Counters the content sets are the layout's to continue: its content renders again with it.
  write(root, "_layouts/count.html", `{% include nav.html %}[{% increment n %}]{{ content }}\n`);
  write(root, "counter.md", `---\nlayout: count\n---\n{% increment n %}{% increment n %}\n`);
  write(root, "static/a.txt", "static A\n");
  for (let i = 1; i <= 4; i++) {
    // The excerpt (first paragraph) shows data: a kept post's excerpt must render again.
    write(root, `_posts/2025-0${i}-0${i}-post-${i}.md`, `---\ntitle: Post ${i}\ntags: [t${i % 2}]\n---\nFirst paragraph of post ${i}.\nSee {{ site.data.links[1].name }}.\n\nMore text.\n`);
  }
  write(root, "news/_posts/2025-02-10-in-news.md", `---\ntitle: In the news\ncategories: [press]\n---\nNews body.\n`);
  write(root, "_notes/alpha.md", `---\ntitle: Alpha\n---\nAlpha note.\n`);
  write(root, "_notes/beta.md", `---\ntitle: Beta\ndate: 2025-03-03\n---\nBeta note {{ page.title }}.\n`);
}

/** The second site's config: a fixed time, a collection, and front matter defaults (`extra`). */
const KEEP_CONFIG = (title: string, extra: string) => `title: ${title}\ntime: "2026-12-01 00:00:00 +0000"\nexclude: [_out, _clean]\ncollections:\n  notes:\n    output: true\n    permalink: /notes/:title/\ndefaults:\n  - scope: { path: "", type: posts }\n    values: { layout: post${extra} }\n`;

const KEEP_EDITS: Edit[] = [
  // the edits of the first site that fit this one: post bodies and titles, added, deleted and
  // renamed posts, pages, the card include (used in site.posts loops), data, the nav include
  EDITS[0]!, EDITS[1]!, EDITS[2]!, EDITS[3]!, EDITS[4]!, EDITS[5]!, EDITS[6]!, EDITS[10]!, EDITS[11]!,
  // change a post's front matter: date, tags, categories, permalink, published, author
  (root, r) => {
    const all = [...posts(root), ...(fs.existsSync(path.join(root, "news/_posts")) ? fs.readdirSync(path.join(root, "news/_posts")).map((f) => `news/_posts/${f}`) : [])];
    if (!all.length) return [];
    const f = pick(r, all);
    const text = fs.readFileSync(path.join(root, f), "utf8");
    const which = Math.floor(r() * 6);
    const fm = which === 0 ? `date: 2025-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)} 10:00:00 +0000`
      : which === 1 ? `tags: [${pick(r, WORDS)}, t${Math.floor(r() * 3)}]`
      : which === 2 ? `categories: ${pick(r, WORDS)} ${pick(r, ["x", "y"])}`
      : which === 3 ? `permalink: ${r() < 0.5 ? `/p/${pick(r, WORDS)}-${Math.floor(r() * 9)}/` : "/:categories/:title.html"}`
      : which === 4 ? `published: ${r() < 0.5}`
      : `author: ${pick(r, WORDS)}`;
    const key = fm.slice(0, fm.indexOf(":"));
    const lines = text.split("\n").filter((l) => !l.startsWith(`${key}:`));
    lines.splice(1, 0, fm);
    return [write(root, f, lines.join("\n"))];
  },
  // add, change or delete a post in a category folder
  (root, r) => {
    const f = path.join(root, "news/_posts", `2025-0${1 + Math.floor(r() * 3)}-0${1 + Math.floor(r() * 3)}-n.md`);
    if (fs.existsSync(f) && r() < 0.4) { fs.rmSync(f); return [f]; }
    return [write(root, path.relative(root, f), `---\ntitle: N ${pick(r, WORDS)}\n---\nNews ${pick(r, WORDS)}.\n`)];
  },
  // add, change or delete a note (a collection without dates in its file names)
  (root, r) => {
    const name = pick(r, ["alpha", "beta", "gamma"]);
    const f = path.join(root, "_notes", `${name}.md`);
    if (fs.existsSync(f) && r() < 0.3) { fs.rmSync(f); return [f]; }
    const date = r() < 0.5 ? `date: 2025-0${1 + Math.floor(r() * 9)}-0${1 + Math.floor(r() * 9)}\n` : "";
    return [write(root, path.relative(root, f), `---\ntitle: ${pick(r, WORDS)}\n${date}---\nNote ${pick(r, WORDS)}.\n`)];
  },
  // change the config's front matter defaults (a full rebuild; kept documents are dropped)
  (root, r) => [write(root, "_config.yml", KEEP_CONFIG(pick(r, WORDS), r() < 0.5 ? `, author: ${pick(r, WORDS)}` : ""))],
  // change the post layout
  (root, r) => [write(root, "_layouts/post.html", `---\nlayout: default\n---\n<article class="${pick(r, WORDS)}">{{ content }}</article><p>{{ page.date | date: "%F" }} {{ page.categories | join: "," }} {{ page.tags | join: "," }} {{ page.author }}</p>\n`)],
];

/**
 * Applies `steps` seeded random edits to a site made by `seed`, and compares the incremental
 * rebuild after each with a clean build. With `kinds`, the changes are handed over as the watcher
 * names them (added, changed or removed, from the files before and after the edit).
 */
function randomEdits(seed: (root: string) => void, edits: Edit[], seedNumber: number, steps: number, kinds: boolean): { reused: number; kept: number } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "incremental-"));
  const out = path.join(root, "_out");
  const clean = path.join(root, "_clean");
  const overrides = { source: root, destination: out };
  let reused = 0;
  let kept = 0;
  try {
    seed(root);
    const inc = new IncrementalBuilder({ overrides, logger: quiet });
    inc.buildAll();
    const r = rng(seedNumber);
    try {
      for (let step = 1; step <= steps; step++) {
        const edit = pick(r, edits);
        const filesBefore = kinds ? sourceFiles(root) : new Set<string>();
        const changed = edit(root, r);
        if (!changed.length) continue;
        const report = inc.rebuild(kinds ? changed.map((p) => ({ path: p, kind: !filesBefore.has(p) ? "add" as const : fs.existsSync(p) ? "change" as const : "unlink" as const })) : changed);
        reused += report.reused;
        kept += report.kept;
        buildSite({ overrides: { source: root, destination: clean }, logger: quiet });
        const a = readTree(out);
        const b = readTree(clean);
        assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `step ${step}: the same files (edit ${edits.indexOf(edit)})`);
        for (const [k, v] of b) assert.equal(a.get(k), v, `step ${step}: ${k} equals the clean build (edit ${edits.indexOf(edit)})`);
      }
    } finally {
      inc.dispose();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return { reused, kept };
}

test("incremental rebuilds keeping unchanged documents equal a clean build after each of 200 random edits", () => {
  const { reused, kept } = randomEdits(seedKeepSite, KEEP_EDITS, 20261205, 200, true);
  assert.ok(reused > 0, "some pages were reused rather than re-rendered");
  assert.ok(kept > 0, "some documents were kept rather than read again");
});

test("incremental rebuilds equal a clean build after each of 200 random edits", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "incremental-"));
  const out = path.join(root, "_out");
  const clean = path.join(root, "_clean");
  const overrides = { source: root, destination: out };
  try {
    seedSite(root);
    const inc = new IncrementalBuilder({ overrides, logger: quiet });
    inc.buildAll();
    const r = rng(20261129);
    let reusedTotal = 0;
    try {
      for (let step = 1; step <= 200; step++) {
        const edit = pick(r, EDITS);
        const changed = edit(root, r);
        if (!changed.length) continue;
        const report = inc.rebuild(changed);
        reusedTotal += report.reused;
        buildSite({ overrides: { source: root, destination: clean }, logger: quiet });
        const a = readTree(out);
        const b = readTree(clean);
        assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `step ${step}: the same files`);
        for (const [k, v] of b) assert.equal(a.get(k), v, `step ${step}: ${k} equals the clean build (edit ${EDITS.indexOf(edit)})`);
      }
    } finally {
      inc.dispose();
    }
    assert.ok(reusedTotal > 0, "some pages were reused rather than re-rendered");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("a rebuild writes what a clean build writes when documents start sharing a destination, stop, and come out of the future", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "incremental-"));
  const out = path.join(root, "_out");
  const clean = path.join(root, "_clean");
  const overrides = { source: root, destination: out };
  const compare = (step: string) => {
    buildSite({ overrides: { source: root, destination: clean }, logger: quiet });
    const a = readTree(out);
    const b = readTree(clean);
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort(), `${step}: the same files`);
    for (const [k, v] of b) assert.equal(a.get(k), v, `${step}: ${k} equals the clean build`);
  };
  // The notes have dates, so serve keeps their Documents between rebuilds (read/source-cache.ts).
  // Front matter dates have whole seconds: a note dated a few seconds ahead is in the future now.
  const ahead = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3000);
  const stamp = ahead.toISOString().replace("T", " ").replace(/\.\d+Z$/, " +0000");
  try {
    write(root, "_config.yml", "title: T\nexclude: [_out, _clean]\ncollections:\n  notes:\n    output: true\n    permalink: /notes/:title/\n");
    write(root, "_layouts/default.html", "<main>{{ content }}</main>\n");
    write(root, "index.html", "---\nlayout: default\n---\n{% for n in site.notes %}<a href=\"{{ n.url }}\">{{ n.title }}</a>{% endfor %}\n");
    write(root, "_notes/a.md", "---\ntitle: A\nlayout: default\ndate: 2024-01-01\n---\nNote A.\n");
    write(root, "_notes/b.md", "---\ntitle: B\nlayout: default\ndate: 2024-01-02\n---\nNote B.\n");
    write(root, "_notes/later.md", `---\ntitle: Later\nlayout: default\ndate: ${stamp}\n---\nNot yet.\n`);
    write(root, "_posts/2024-01-01-p.md", "---\ntitle: P\nlayout: default\n---\nPost.\n");
    const inc = new IncrementalBuilder({ overrides, logger: quiet });
    try {
      inc.buildAll();
      assert.equal(fs.existsSync(path.join(out, "notes/later/index.html")), false, "the future note is not written yet");
      // B takes A's destination: the later document in the collection is written there.
      const b = write(root, "_notes/b.md", "---\ntitle: B\nlayout: default\ndate: 2024-01-02\npermalink: /notes/a/\n---\nNote B, over A.\n");
      inc.rebuild([{ path: b, kind: "change" }]);
      compare("B shares A's destination");
      const a = write(root, "_notes/a.md", "---\ntitle: A\nlayout: default\ndate: 2024-01-01\n---\nNote A, edited.\n");
      inc.rebuild([{ path: a, kind: "change" }]);
      compare("A edited while shared");
      write(root, "_notes/b.md", "---\ntitle: B\nlayout: default\ndate: 2024-01-02\n---\nNote B, its own again.\n");
      inc.rebuild([{ path: b, kind: "change" }]);
      compare("B back at its own destination");
      // Time passes: the future note is written by the next rebuild, whatever it is for.
      while (Date.now() < ahead.getTime() + 1100) await new Promise((r) => setTimeout(r, 100));
      const p = write(root, "_posts/2024-01-01-p.md", "---\ntitle: P\nlayout: default\n---\nPost, edited.\n");
      inc.rebuild([{ path: p, kind: "change" }]);
      assert.equal(fs.existsSync(path.join(out, "notes/later/index.html")), true, "the note is written once its date has passed");
      compare("the future note's date passed");
      fs.rmSync(a);
      inc.rebuild([{ path: a, kind: "unlink" }]);
      compare("A deleted");
    } finally {
      inc.dispose();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
