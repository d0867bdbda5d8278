// The drops a real build gives Liquid (src/render/drops.ts): which keys `page` shows and in what
// order, what `next`/`previous` serialise to, and which dependency tokens a page records for
// `serve` — in particular that reading `page.title` never touches the neighbours (liquidjs probes
// values for `.next`, which used to make the last post depend on its whole collection).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderWithDependencies, type Rendered } from "./render-with-deps.js";


function site(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-drops-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Renders the site; returns each item's output and recorded dependency tokens by URL. */
function build(dir: string): Map<string, Rendered> {
  return renderWithDependencies(dir, (item) => item.url);
}

const post = (n: number, body: string, extra = "") =>
  `---\ntitle: Post ${n}\nlayout: plain\n${extra}---\n${body}\n`;

test("document drop keys: DocumentDrop's methods in Jekyll's order, then the other front matter keys; fixed keys win", () => {
  const dir = site({
    "_config.yml": "permalink: /:title/\n",
    // In the layouts: in a post's body they would also render inside its excerpt.
    "_layouts/keys.html": "{% for key in page %}{{ key }},{% endfor %}|{{ page.url }}|{{ page.next.title }}|{{ page.previous.title }}",
    "_posts/2024-01-01-a.md": post(1, "a", "tags: [x]\nurl: /ignored/\nexcerpt: own\n").replace("layout: plain", "layout: keys"),
    "_posts/2024-01-02-b.md": post(2, "b").replace("layout: plain", "layout: keys"),
  });
  const out = build(dir);
  const [keys, url, next, previous] = out.get("/a/")!.output.split("|");
  // Jekyll 4.3.1: `for` over a Jekyll::Drops::Drop yields its keys (Drop#each), Drop#keys being
  // content_methods | fallback_data.keys; front matter `tags`, `url`, `excerpt` keep the methods' places.
  assert.deepEqual(keys!.split(",").slice(0, -1), [
    "name", "id", "relative_path", "excerpt", "title", "categories", "collection", "next", "tags",
    "previous", "content", "output", "path", "url", "date", "draft", "layout", "slug", "ext",
  ]);
  assert.equal(url, "/a/", "the document's URL wins over a front matter `url`");
  assert.equal(next, "Post 2");
  assert.equal(previous, "");
  const b = out.get("/b/")!.output.split("|");
  assert.deepEqual([b[2], b[3]], ["", "Post 1"]);
});

test("dependency tokens: neighbours only when their values are read, or when there is none", () => {
  const dir = site({
    "_config.yml": "permalink: /:title/\n",
    "_layouts/plain.html": "{% if page.title %}<h1>{{ page.title }}</h1>{% endif %}{{ page.date | date: '%Y' }}{{ content }}",
    "_posts/2024-01-01-first.md": post(1, "plain"),
    "_posts/2024-01-02-middle.md": post(2, "{% if page.next %}has next{% endif %}"),
    "_posts/2024-01-03-reads.md": post(3, "{{ page.previous.title }}"),
    "_posts/2024-01-04-last.md": post(4, "{% assign t = page.title %}{{ t }}"),
    "_posts/2024-01-05-end.md": post(5, "{% unless page.next %}no next{% endunless %}"),
  });
  const out = build(dir);
  const deps = (url: string) => out.get(url)!.deps;
  for (const url of ["/first/", "/middle/", "/last/"]) {
    assert.ok(!deps(url).has("collection:posts"), `${url} read no neighbour value: ${[...deps(url)].join(", ")}`);
  }
  assert.match(out.get("/middle/")!.output, /has next/);
  assert.ok(deps("/reads/").has("collection:posts"), "reading page.previous.title depends on the collection");
  assert.match(out.get("/end/")!.output, /no next/);
  assert.ok(deps("/end/").has("collection:posts"), "having no next post is a fact about the collection");
  assert.match(out.get("/first/")!.output, /<h1>Post 1<\/h1>2024/);
});

test("static file drops: Jekyll's fixed keys, then front matter defaults whose names are free", () => {
  const dir = site({
    "_config.yml": "defaults:\n  - scope: {path: assets}\n    values: {image: true, toString: x, name: overridden, zz: 1}\n",
    "assets/a.png": "png",
    "index.html": "---\n---\n{% for f in site.static_files %}{% for k in f %}{{ k }}={{ f[k] }};{% endfor %}{% endfor %}",
  });
  const out = build(dir).get("/")!.output.split(";").slice(0, -1);
  assert.deepEqual(out.map((p) => p.split("=")[0]), ["name", "basename", "extname", "path", "collection", "modified_time", "image", "zz"]);
  assert.equal(out[0], "name=a.png");
  assert.equal(out[3], "path=/assets/a.png");
});

test("Enumerable methods on a Jekyll drop: count, min, max, sort, keys, to_hash win over front matter keys of those names", () => {
  const dir = site({
    "_posts/2024-01-01-a.html": "---\ntitle: A\nkeys: mine\nauthor: Zed\n---\na",
    "index.html": "---\n---\n{% assign p = site.posts.first %}{{ p.count }}|{{ p.min | first }}|{{ p.max | first }}|{{ p.sort | size }}|{{ p.keys | size }}|{{ p.to_hash.author }}|{{ p.first | first }}",
  });
  // Jekyll 4.3.1: Drop#[] asks Liquid::Drop.invokable? before the front matter, and Enumerable's
  // sort/count/first/min/max are invokable, as are Drop#keys and #to_hash.
  assert.equal(build(dir).get("/")!.output, "20|author|url|20|20|Zed|name");
});

test("a front matter key named count, min, max, sort or to_hash makes those methods walk themselves: Jekyll's 'stack level too deep'", () => {
  for (const key of ["count", "sort", "to_hash"]) {
    const dir = site({
      "_posts/2024-01-01-a.html": `---\ntitle: A\n${key}: 3\n---\na`,
      "index.html": "---\n---\n{{ site.posts.first.min }}",
    });
    assert.throws(() => build(dir), /stack level too deep/);
  }
  // Drop#each reads every value, so a `for`, `join` or `map` over the drop fails the same way (Jekyll
  // 4.3.1, measured); `first` reads the first pair only, and `fetch`/`merge` keys need an argument.
  for (const [key, template, error] of [
    ["count", "{% for k in p %}{{ k }}{% endfor %}", /stack level too deep/],
    ["sort", '{{ p | join: "," }}', /stack level too deep/],
    ["max", '{{ p | map: "x" | join: "," }}', /stack level too deep/],
    ["hash_for_json", "{{ p.size }}{% for k in p %}{% endfor %}", /stack level too deep/],
    ["fetch", "{% for k in p %}{% endfor %}", /wrong number of arguments \(given 0, expected 1\.\.2\)/],
    ["merge", '{{ p | sort: "x" }}', /wrong number of arguments \(given 0, expected 1\)/],
  ] as const) {
    const dir = site({
      "_posts/2024-01-01-a.html": `---\ntitle: A\n${key}: 3\n---\na`,
      "index.html": `---\n---\n{% assign p = site.posts.first %}${template}`,
    });
    assert.throws(() => build(dir), error, key);
  }
  const dir = site({
    "_posts/2024-01-01-a.html": "---\ntitle: A\ncount: 3\n---\na",
    "index.html": '---\n---\n{% assign p = site.posts.first %}{{ p | first | join: "=" }}',
  });
  assert.equal(build(dir).get("/")!.output, "name=2024-01-01-a.html");
});

test("each_key of a drop is an Enumerator Liquid cannot use: Jekyll's NoMethodError on to_liquid", () => {
  // Jekyll 4.3.1, measured: `{{ post.each_key }}` and `{% if site.each_key %}` stop the build with
  // "undefined method `to_liquid' for #<Enumerator: [\"name\", \"id\", …]:each>"; a page is a Hash, where
  // each_key is a missing key.
  for (const template of ["{{ site.posts.first.each_key }}", "{% if site.each_key %}y{% endif %}"]) {
    const dir = site({ "_posts/2024-01-01-a.html": "---\ntitle: A\n---\na", "index.html": `---\n---\n${template}` });
    assert.throws(() => build(dir), /undefined method `to_liquid' for #<Enumerator: \["(name|posts)", /);
  }
  const dir = site({ "index.html": "---\n---\n[{{ page.each_key }}]" });
  assert.equal(build(dir).get("/")!.output, "[]");
});
