#!/usr/bin/env node
// Random blogs for Jekyll's site model: posts with dates, times and offsets (some in the future
// of the pinned build time, some unpublished or drafts), categories and tags in every spelling
// front matter allows, excerpts (separators, front matter excerpts, Liquid and footnotes in the
// first paragraph), collections with sort_by and order, data files, static files, and front
// matter defaults. One index page prints what a theme reads of the model: site.posts with
// previous/next, site.categories and site.tags, related_posts, collections' docs, html_pages,
// static_files, documents, and the excerpts. Each seed's site is built by real Jekyll and by
// build-site (scripts/differential.mjs); the seeds whose outputs differ are listed.
//
//   node scripts/site-fuzz.mjs --seeds 1-20 [--keep DIR] [--plugins] [--wide] [--academic]
//
// --academic writes a researcher's homepage instead (collections of publications, talks and
// teaching; see site-fuzz-academic.mjs); with --plugins, with jekyll-seo-tag, -feed, -sitemap and
// -redirect-from.
//
// --wide adds front matter and _data as researchers write them by hand (see WIDE_FRONT).
//
// --plugins adds jekyll-seo-tag, jekyll-feed, jekyll-sitemap, jekyll-paginate and
// jekyll-redirect-from with random site and page metadata (author spellings, images, twitter,
// logo, social, lang, feed options, sitemap: false, paginate and paginate_path, redirects).
//
// A difference found is pinned by a conformance fixture from real Jekyll (scripts/oracle.mjs).
import { flag, runSeeds, seeded, writerIn } from "./fuzz-common.mjs";
import { writeAcademicSite } from "./site-fuzz-academic.mjs";

const plugins = flag("--plugins");
const wide = flag("--wide");
const academic = flag("--academic");

// --wide: front matter and data as researchers write them by hand (anchors, aliases and merge
// keys, block scalars with chomping and indentation indicators, flow mappings, quoted and
// unquoted dates with offsets and Z, numbers and booleans as categories, block-style lists,
// comments, `published: "false"`, per-post permalinks), nested _data folders in YAML, JSON and
// CSV, and a page printing what a theme reads of them.
const WIDE_FRONT = [
  "author: &me\n  name: Ada\n  site: https://example.com\nmaintainer: *me",
  "base: &b {layout: post, comments: true}\nmerged:\n  <<: *b\n  comments: false",
  "excerpt: >-\n  A folded\n  excerpt line.\n",
  "summary: |2\n    indented two\n  and one\n",
  "summary: |+\n  kept\n\n",
  "author: {name: \"Grace\", email: g@example.com}",
  "date: 2024-01-05T08:00:00Z",
  "date: '2024-01-05 08:00:00 +0200'",
  "last_modified_at: 2025-03-01 10:00:00 -0800",
  "categories: [2024, true, 1.5]",
  "tags:\n  - one\n  - two words\n  # a comment\n  - 3",
  "published: \"false\"",
  "permalink: /notes/:year/:title/",
  "permalink: /fixed-:categories.html",
  "redirect: ~\nflag: yes\nother: off",
  "title: \"Quoted: with colon\"\nsubtitle: 'It''s fine'",
  "venue: \"J. \\\"Quoted\\\" Name\"",
  "links:\n  - {name: pdf, url: /a.pdf}\n  - name: code\n    url: https://example.com/x",
];
const WIDE_PAGE = `---
title: Wide
---
{% for p in site.posts %}[{{ p.url }}|{{ p.author | jsonify }}|{{ p.maintainer.name }}|{{ p.merged | jsonify }}|{{ p.excerpt | strip_newlines }}|{{ p.summary | inspect }}|{{ p.last_modified_at | date: "%F %T %z" }}|{{ p.categories | inspect }}|{{ p.tags | inspect }}|{{ p.published }}|{{ p.flag }}{{ p.other }}{{ p.redirect | inspect }}|{{ p.subtitle }}|{{ p.venue }}|{% for l in p.links %}{{ l.name }}={{ l.url }};{% endfor %}]
{% endfor %}
data={{ site.data | jsonify }}
nested={{ site.data.pubs.papers | map: "title" | join: "," }}|{{ site.data.pubs.talks | map: "where" | join: "," }}|{{ site.data.csv_people | map: "name" | join: "," }}
`;

const INDEX = `---
title: Index
---
{% for p in site.posts %}[{{ p.url }}|{{ p.title }}|{{ p.date | date: "%F %T %z" }}|{{ p.categories | join: "," }}|{{ p.tags | join: "," }}|prev={{ p.previous.url }}|next={{ p.next.url }}|draft={{ p.draft }}]
excerpt={{ p.excerpt | strip_newlines }}
related={% for r in p.related_posts %}{{ r.url }} {% endfor %}
{% endfor %}
categories={% for c in site.categories %}{{ c[0] }}:{{ c[1].size }}:{% for p in c[1] %}{{ p.url }} {% endfor %};{% endfor %}
tags={% for t in site.tags %}{{ t[0] }}:{{ t[1] | map: "url" | join: " " }};{% endfor %}
{% for c in site.collections %}[{{ c.label }}|{{ c.output }}|{% for d in c.docs %}{{ d.url }}({{ d.title }},{{ d.date | date: "%F" }}) {% endfor %}]
{% endfor %}
html_pages={{ site.html_pages | map: "url" | join: " " }}
static={% for f in site.static_files %}{{ f.path | remove_first: site.source }}:{{ f.extname }}:{{ f.collection }} {% endfor %}
documents={{ site.documents | map: "url" | join: " " }}
data={{ site.data | jsonify }}
paginator={{ paginator.page }}/{{ paginator.total_pages }}|{{ paginator.per_page }}|{{ paginator.total_posts }}|{{ paginator.previous_page }}:{{ paginator.previous_page_path }}|{{ paginator.next_page }}:{{ paginator.next_page_path }}|{% for p in paginator.posts %}{{ p.url }} {% endfor %}
`;

const PLUGIN_LAYOUT = `<!DOCTYPE html>
<html lang="{{ page.lang | default: site.lang | default: "en" }}">
<head>
{% seo %}
{% feed_meta %}
</head>
<body>{{ content }}</body>
</html>
`;

/** --plugins: jekyll-seo-tag, jekyll-feed and jekyll-sitemap over random site and page metadata. */
function pluginMetadata(pick, maybe, w, config) {
  config.plugins = ["jekyll-feed", "jekyll-seo-tag", "jekyll-sitemap", "jekyll-paginate", "jekyll-redirect-from"];
  config.paginate = pick([undefined, 1, 2, 5]);
  config.paginate_path = pick([undefined, "/page:num/", "/blog/page:num", "/p/:num/index.html"]);
  config.url = pick(["https://example.com", "https://example.com/", "http://user.github.io", undefined]);
  config.baseurl = pick(["", "/blog", undefined]);
  config.description = maybe() ? pick(["A site about <b>things</b> & more", "Plain description", "Ünïcode — “quotes”"]) : undefined;
  config.author = pick([undefined, "Jane Doe", { name: "Jane", twitter: "jdoe", picture: "/img/j.png" }, "ghost"]);
  config.twitter = maybe(0.3) ? { username: pick(["jdoe", "@jdoe"]), card: pick(["summary", "summary_large_image"]) } : undefined;
  config.logo = maybe(0.3) ? pick(["/logo.png", "https://cdn.example.com/logo.png"]) : undefined;
  config.social = maybe(0.3) ? { name: "Jane", links: ["https://twitter.com/jdoe", "https://github.com/jdoe"] } : undefined;
  config.lang = maybe(0.3) ? pick(["en_US", "zh-CN", "de"]) : undefined;
  config.locale = maybe(0.2) ? "fr_FR" : undefined;
  config.tagline = maybe(0.3) ? "A tagline" : undefined;
  config.webmaster_verifications = maybe(0.2) ? { google: "abc", bing: "def" } : undefined;
  config.feed = maybe(0.3) ? { categories: ["news", "tech"], excerpt_only: maybe(), posts_limit: pick([2, 5]) } : undefined;
  config.defaults = [{ scope: { path: "" }, values: { layout: "default" } }];
  if (maybe(0.5)) w("_data/authors.yml", "ghost:\n  name: Ghost Writer\n  twitter: ghostw\n  uri: https://ghost.example\n");
  w("_layouts/default.html", PLUGIN_LAYOUT);
}

function pageMetadata(pick, maybe) {
  const front = {};
  if (maybe(0.3)) front.description = pick(["Page <em>desc</em> & more", "Short", "A much longer description that goes on and on so that it will certainly be longer than the limit of one hundred and sixty characters which some tools truncate at."]);
  if (maybe(0.3)) front.image = pick(["/img/a.png", "https://x.com/b.jpg", { path: "/img/c.png", height: 100, width: 200, alt: "C" }, "img/rel.png"]);
  if (maybe(0.3)) front.author = pick(["ghost", "Someone Else", { name: "Hash Author", twitter: "@hash" }, ["ghost", "Two"]]);
  if (maybe(0.15)) front.seo = { name: "SEO name", type: pick(["Person", "Organization", "BlogPosting"]), links: ["https://a.b"] };
  if (maybe(0.1)) front.canonical_url = "https://canonical.example/x";
  if (maybe(0.1)) front.sitemap = false;
  if (maybe(0.1)) front.last_modified_at = "2025-06-01 10:00:00 +0200";
  if (maybe(0.1)) front.lang = "ja";
  if (maybe(0.1)) front.title = pick(["Title with <code>HTML</code> & ampersand", "“Smart” title", ""]);
  if (maybe(0.1)) front.redirect_from = pick(["/old/x/", ["/old/y.html", "/older/y/"]]);
  if (maybe(0.05)) front.redirect_to = pick(["https://elsewhere.example/", "/about/"]);
  return front;
}

function writeSite(seed, dir, plugins = false) {
  const { pick, maybe } = seeded(seed);
  const w = writerIn(dir);
  const fm = (o) => "---\n" + Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${typeof v === "string" && v.startsWith("RAW:") ? v.slice(4) : JSON.stringify(v)}`).join("\n") + "\n---\n";

  const DATES = ["2024-01-05", "2024-01-05 08:00:00", "2024-01-05 23:30:00 -0500", "2024-02-29T12:00:00+09:00", "2026-11-30 23:59:59", "2026-12-01 00:00:01", "2027-01-01", "2023-12-31 23:59:59 +0000"];
  const CATS = ["news", "Tech", "tech", "two words", "café", "a/b", "", "123"];
  const TAGS = ["ml", "ML", "llm systems", "c++", "日本", "x", "2024"];
  const BODIES = [
    "First paragraph with **bold**.\n\nSecond paragraph.\n",
    "Intro {{ page.title }} here.\n\n<!--more-->\n\nRest of post.\n",
    "Line one\nline two\n\n## Heading\n\nText.\n",
    "A footnote[^1] in the excerpt.\n\n[^1]: The note.\n",
    "```python\nprint('x')\n```\n\nAfter code.\n",
    "Text with a [link][ref].\n\n[ref]: https://example.com\n",
    "{% if page.tags.size > 0 %}Tagged{% endif %} post.\n\nMore.\n",
    "Only one paragraph, no separator.\n",
  ];
  const config = {
    title: "Site Fuzz",
    timezone: pick([null, "UTC", "America/New_York", "Asia/Tokyo"]),
    future: maybe(0.3) ? true : undefined,
    show_drafts: undefined,
    excerpt_separator: maybe(0.3) ? "<!--more-->" : undefined,
    collections: {
      projects: { output: true, sort_by: maybe() ? pick(["title", "order", "date", "weight"]) : undefined },
      talks: { output: maybe() ? true : undefined, order: maybe(0.3) ? ["b.md", "a.md", "missing.md"] : undefined },
    },
    defaults: maybe() ? [{ scope: { path: "_posts/tech" }, values: { tags: ["defaulted"] } }, { scope: { type: "projects" }, values: { layout: null, weight: 5 } }] : undefined,
  };
  if (plugins) pluginMetadata(pick, maybe, w, config);
  w("_config.yml", JSON.stringify(config, (k, v) => (v === undefined ? undefined : v), 1) + "\n");
  w("index.html", INDEX);
  w("about.md", plugins ? fm({ title: "About", ...pageMetadata(pick, maybe) }) + "About.\n" : "---\ntitle: About\n---\nAbout.\n");
  w("assets/x.txt", "static\n");
  w("assets/y.json", "{}\n");
  if (maybe()) w("_data/people.yml", "- name: A\n  year: 2020\n- name: B\n");
  const used = new Set();
  for (let i = 0; i < 14; i++) {
    const date = pick(DATES);
    const day = date.slice(0, 10);
    const sub = maybe(0.3) ? pick(["tech/", "News/", "a b/"]) : "";
    const name = `${sub}_posts/${day}-post-${i}.md`;
    if (used.has(name)) continue;
    used.add(name);
    const front = {};
    if (maybe(0.8)) front.title = `Post ${i} ${pick(["", "Café", "C++", "日本"])}`.trim();
    if (maybe(0.5)) front.date = date;
    const catSpelling = pick(["none", "list", "string", "category", "both"]);
    if (catSpelling === "list") front.categories = [pick(CATS), pick(CATS)];
    if (catSpelling === "string") front.categories = `${pick(CATS)} ${pick(CATS)}`;
    if (catSpelling === "category") front.category = pick(CATS);
    if (catSpelling === "both") { front.category = pick(CATS); front.categories = [pick(CATS)]; }
    const tagSpelling = pick(["none", "list", "string", "tag"]);
    if (tagSpelling === "list") front.tags = [pick(TAGS), pick(TAGS)];
    if (tagSpelling === "string") front.tags = `${pick(TAGS)} ${pick(TAGS)}`;
    if (tagSpelling === "tag") front.tag = pick(TAGS);
    if (maybe(0.1)) front.published = false;
    if (maybe(0.15)) front.excerpt = "Front matter excerpt";
    if (maybe(0.1)) front.excerpt_separator = "\n\n\n";
    if (plugins) Object.assign(front, pageMetadata(pick, maybe));
    if (wide && maybe(0.7)) {
      // Hand-written YAML after the generated keys (a key written twice: the last one wins).
      const extra = pick(WIDE_FRONT);
      w(name, fm(front).replace(/---\n$/, `${extra.replace(/\n$/, "")}\n---\n`) + pick(BODIES));
    } else w(name, fm(front) + pick(BODIES));
  }
  for (let i = 0; i < 3; i++) w(`_drafts/draft-${i}.md`, fm({ title: `Draft ${i}` }) + "Draft.\n");
  if (wide) {
    w("wide.html", WIDE_PAGE);
    w("_data/pubs/papers.yml", pick([
      "- &p1\n  title: First\n  year: 2021\n- <<: *p1\n  title: Second\n",
      "- title: \"A: B\"\n  authors: [A, B]\n- title: >\n    Folded\n    title\n  year: '2022'\n",
      "---\n- title: Only\n...\n",
    ]));
    w("_data/pubs/talks.json", pick(["[{\"where\": \"Paris\"}, {\"where\": \"Tokyo\", \"n\": 1.0}]", "[]", "{\"where\": \"x\"}"]));
    w("_data/csv_people.csv", pick(["name,year\nAda,1815\nGrace,1906\n", "name\n\"Smith, J.\"\n", "name,year\n"]));
  }
  for (const [coll, n] of [["projects", 5], ["talks", 3]]) {
    for (let i = 0; i < n; i++) {
      const file = coll === "talks" ? ["a.md", "b.md", "c.md"][i] : `${pick(["alpha", "Beta", "gamma", "delta", "Épsilon"])}-${i}.md`;
      const front = {};
      if (maybe(0.7)) front.title = pick(["Zed", "alpha", "Beta", "ähnlich", "10", "9"]);
      if (maybe(0.5)) front.order = pick([1, 2, 10, "3", 2.5]);
      if (maybe(0.4)) front.date = pick(DATES);
      if (maybe(0.3)) front.weight = pick([1, 3]);
      w(`_${coll}/${file}`, fm(front) + `${coll} ${i}\n`);
    }
  }
}

runSeeds((seed, dir) => (academic ? writeAcademicSite(seed, dir, seeded(seed), writerIn(dir), plugins) : writeSite(seed, dir, plugins)));
