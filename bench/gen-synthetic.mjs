#!/usr/bin/env node
// Copied unchanged (below this header) from the team's shared synthetic-blog generator so that
// `npm run bench` works from a clone of this repository alone. Keep it in step with the shared copy.
// Synthetic blog generator: the same content as a Jekyll, a Hugo and an Eleventy site.
// usage: node gen-synthetic.mjs N ROOT
// creates ROOT/jekyll-N, ROOT/hugo-N, ROOT/eleventy-N (each wiped first)
// Highlighting is OFF in all three engines (Jekyll: kramdown syntax_highlighter_opts.disable,
// Hugo: markup.highlight.codeFences=false, Eleventy: markdown-it has none by default).
// No sass, feeds, sitemaps, RSS, robots, 404, taxonomy term pages.
import fs from "node:fs";
import path from "node:path";

const N = Number(process.argv[2] ?? 100);
const ROOT = process.argv[3] ?? "bench-sites";

// ---------- deterministic content ----------
let seed = 0x9e3779b9 ^ N;
function rnd() { // mulberry32
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const VOCAB = ("the of and to in is it that for was on are as with his they at be this from have or by one had not " +
  "but what all were when we there can an your which their said if do will each about how up out them then she " +
  "many some so these would other into has more her two like him see time could no make than first been its who now " +
  "people my made over did down only way find use may water long little very after words called just where most know " +
  "get through back much before go good new write our used me man too any day same right look think also around another " +
  "came come work three word must because does part even place well such here take why things help put years different " +
  "away again off went old number great tell men say small every found still between name should home big give air line " +
  "set own under read last never us left end along while might next sound below saw something thought both few those " +
  "always looked show large often together asked house world going want school important until form food keep children " +
  "feet land side without boy once animals life enough took sometimes four head above kind began almost live page got " +
  "earth need far hand high year mother light parts country father let night following picture being study second eyes " +
  "static site generator template layout markdown render build cache pipeline compile output render parser liquid").split(" ");
const TAGS = ["javascript", "ruby", "go", "rust", "python", "css", "html", "design", "performance", "testing",
  "devops", "linux", "cloud", "security", "data", "ml", "web", "mobile", "ux", "accessibility",
  "tooling", "editors", "git", "databases", "networking", "api", "graphql", "react", "vue", "svelte"];
const words = (n) => { const w = []; for (let i = 0; i < n; i++) w.push(pick(VOCAB)); return w; };
const sentence = (n) => { const w = words(n); w[0] = w[0][0].toUpperCase() + w[0].slice(1); return w.join(" ") + "."; };
function para(n) { // n words, in sentences of 8..16 words
  const out = []; let left = n;
  while (left > 0) { const k = Math.min(left, 8 + Math.floor(rnd() * 9)); out.push(sentence(k)); left -= k; }
  return out.join(" ");
}
const titleCase = (ws) => ws.map((w) => w[0].toUpperCase() + w.slice(1)).join(" ");

function makePost(i) {
  const date = new Date(Date.UTC(2000, 0, 1) + i * 6 * 3600 * 1000);
  const iso = date.toISOString().replace(/\.000Z$/, "Z");
  const day = iso.slice(0, 10);
  const slug = `post-${i}`;
  const title = `Post ${i} ${titleCase(words(4))}`;
  const tags = new Set(); while (tags.size < 3) tags.add(pick(TAGS));
  const fence = "```";
  const body = [
    `${para(30)} This is **${words(3).join(" ")}** and *${words(2).join(" ")}* with a [useful link](https://example.com/ref/${i}). ${para(30)}`,
    `## ${titleCase(words(4))}`,
    para(90),
    Array.from({ length: 5 }, () => `- ${sentence(8)}`).join("\n"),
    `## ${titleCase(words(3))}`,
    `${para(45)} Call \`handler_${i}()\` here. ${para(45)}`,
    `${fence}js\nfunction handler_${i}(input) {\n  const values = input.map((x) => x * ${i % 7 + 2});\n  if (values.length > 10) {\n    return values.slice(0, 10);\n  }\n  // ${words(6).join(" ")}\n  return values.filter(Boolean);\n}\n${fence}`,
    `### ${titleCase(words(5))}`,
    `${para(50)} Some _${words(2).join(" ")}_ text and **${words(2).join(" ")}**. ${para(50)}`,
    para(100),
    `## ${titleCase(words(3))}`,
    para(90),
  ].join("\n\n") + "\n";
  return { i, iso, day, slug, title, tags: [...tags], body, file: `${day}-${slug}.md` };
}

const NAV = [
  { title: "Home", url: "/" }, { title: "Tags", url: "/tags/" }, { title: "About", url: "/about/" },
  { title: "Archive", url: "/archive/" }, { title: "Projects", url: "/projects/" }, { title: "Contact", url: "/contact/" },
];
const SITE_TITLE = "Bench Blog";

function write(p, s) { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, s); }
function frontMatter(p, extra = "") {
  return `---\ntitle: "${p.title}"\ndate: ${p.iso}\ntags: [${p.tags.join(", ")}]\n${extra}---\n\n`;
}

// ---------- Liquid templates (Jekyll and Eleventy) ----------
const HEAD = (titleExpr) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% if ${titleExpr} %}{{ ${titleExpr} }} | {% endif %}{{ site.title }}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
`;
function liquidLayout({ titleExpr, navExpr, includeTag }) {
  return HEAD(titleExpr) + `<header><a class="brand" href="/">{{ site.title }}</a>
<nav><ul>
{% for item in ${navExpr} %}<li><a href="{{ item.url }}"{% if page.url == item.url %} class="active"{% endif %}>{{ item.title }}</a></li>
{% endfor %}</ul></nav>
</header>
<main>
{% if ${titleExpr} %}<h1>{{ ${titleExpr} }}</h1>{% endif %}
${includeTag}
{{ content }}
</main>
<footer><p>&copy; {{ site.author }}. {{ site.title }} is a synthetic benchmark site.</p></footer>
</body>
</html>
`;
}
const META_INCLUDE = `<div class="meta">{% if include.date %}<time datetime="{{ include.date | date: "%Y-%m-%d" }}">{{ include.date | date: "%B %d, %Y" }}</time>{% endif %}{% if include.tags %} in {% for t in include.tags %}<a class="tag" href="/tags/#{{ t }}">{{ t }}</a>{% unless forloop.last %}, {% endunless %}{% endfor %}{% endif %}</div>
`;

function genJekyll(dir, posts) {
  write(`${dir}/_config.yml`, `title: ${SITE_TITLE}
author: Bench Author
permalink: /posts/:title/
markdown: kramdown
kramdown:
  input: GFM
  syntax_highlighter_opts:
    disable: true
exclude: [build.log]
`);
  write(`${dir}/_data/navigation.json`, JSON.stringify(NAV, null, 1));
  write(`${dir}/_layouts/default.html`, liquidLayout({ titleExpr: "page.title", navExpr: "site.data.navigation",
    includeTag: `{% include meta.html date=page.date tags=page.tags %}` }));
  write(`${dir}/_includes/meta.html`, META_INCLUDE);
  write(`${dir}/index.html`, `---
layout: default
title: Home
---
<h2>Latest posts</h2>
<ul class="posts">
{% for post in site.posts limit:20 %}<li><a href="{{ post.url }}">{{ post.title }}</a> <time>{{ post.date | date: "%Y-%m-%d" }}</time></li>
{% endfor %}</ul>
`);
  write(`${dir}/tags.html`, `---
layout: default
title: Tags
permalink: /tags/
---
{% for tag in site.tags %}<h2 id="{{ tag[0] }}">{{ tag[0] }} ({{ tag[1].size }})</h2>
<ul>{% for post in tag[1] %}<li><a href="{{ post.url }}">{{ post.title }}</a></li>{% endfor %}</ul>
{% endfor %}`);
  fs.mkdirSync(`${dir}/_posts`, { recursive: true });
  for (const p of posts) write(`${dir}/_posts/${p.file}`, frontMatter(p, "layout: default\n") + p.body);
}

function genEleventy(dir, posts) {
  write(`${dir}/eleventy.config.mjs`, `export default function (cfg) {
  cfg.setLiquidOptions({ jekyllInclude: true });
  cfg.addCollection("posts", (api) => api.getFilteredByGlob("posts/*.md"));
  return {
    dir: { input: ".", includes: "_includes", layouts: "_layouts", data: "_data", output: "_site" },
    markdownTemplateEngine: "liquid",
    htmlTemplateEngine: "liquid",
  };
}
`);
  write(`${dir}/_data/navigation.json`, JSON.stringify(NAV, null, 1));
  write(`${dir}/_data/site.json`, JSON.stringify({ title: SITE_TITLE, author: "Bench Author" }));
  write(`${dir}/_layouts/default.html`, liquidLayout({ titleExpr: "title", navExpr: "navigation",
    includeTag: `{% include meta.html date=date tags=tags %}` }));
  write(`${dir}/_includes/meta.html`, META_INCLUDE);
  write(`${dir}/index.html`, `---
layout: default
title: Home
---
<h2>Latest posts</h2>
<ul class="posts">
{% assign latest = collections.posts | reverse %}{% for post in latest limit:20 %}<li><a href="{{ post.url }}">{{ post.data.title }}</a> <time>{{ post.date | date: "%Y-%m-%d" }}</time></li>
{% endfor %}</ul>
`);
  write(`${dir}/tags.html`, `---
layout: default
title: Tags
permalink: /tags/
---
{% for tag in collections %}{% assign name = tag[0] %}{% if name != "all" and name != "posts" %}<h2 id="{{ name }}">{{ name }} ({{ tag[1].size }})</h2>
<ul>{% for post in tag[1] %}<li><a href="{{ post.url }}">{{ post.data.title }}</a></li>{% endfor %}</ul>
{% endif %}{% endfor %}`);
  fs.mkdirSync(`${dir}/posts`, { recursive: true });
  for (const p of posts) write(`${dir}/posts/${p.file}`, frontMatter(p, "layout: default\n") + p.body);
}

function genHugo(dir, posts) {
  write(`${dir}/hugo.toml`, `baseURL = "http://example.org/"
title = "${SITE_TITLE}"
languageCode = "en"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "section"]
[params]
author = "Bench Author"
[taxonomies]
tag = "tags"
[markup.highlight]
codeFences = false
[markup.goldmark.renderer]
unsafe = true
# term pages (/tags/x/) must exist for .Data.Terms in 0.111 but are not rendered
[[cascade]]
  [cascade._build]
    render = "never"
  [cascade._target]
    kind = "term"
`);
  write(`${dir}/data/navigation.json`, JSON.stringify(NAV, null, 1));
  write(`${dir}/layouts/_default/baseof.html`, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ with .Title }}{{ . }} | {{ end }}{{ .Site.Title }}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header><a class="brand" href="/">{{ .Site.Title }}</a>
<nav><ul>
{{ $url := .RelPermalink }}{{ range .Site.Data.navigation }}<li><a href="{{ .url }}"{{ if eq $url .url }} class="active"{{ end }}>{{ .title }}</a></li>
{{ end }}</ul></nav>
</header>
<main>
{{ with .Title }}<h1>{{ . }}</h1>{{ end }}
{{ $date := false }}{{ if .IsPage }}{{ $date = .Date }}{{ end }}{{ partial "meta.html" (dict "date" $date "tags" .Params.tags) }}
{{ block "main" . }}{{ end }}
</main>
<footer><p>&copy; {{ .Site.Params.author }}. {{ .Site.Title }} is a synthetic benchmark site.</p></footer>
</body>
</html>
`);
  write(`${dir}/layouts/partials/meta.html`, `<div class="meta">{{ with .date }}<time datetime="{{ .Format "2006-01-02" }}">{{ .Format "January 02, 2006" }}</time>{{ end }}{{ with .tags }} in {{ range $i, $t := . }}{{ if $i }}, {{ end }}<a class="tag" href="/tags/#{{ $t }}">{{ $t }}</a>{{ end }}{{ end }}</div>
`);
  write(`${dir}/layouts/_default/single.html`, `{{ define "main" }}{{ .Content }}{{ end }}
`);
  write(`${dir}/layouts/index.html`, `{{ define "main" }}<h2>Latest posts</h2>
<ul class="posts">
{{ range first 20 (where .Site.RegularPages "Section" "posts") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>
{{ end }}
`);
  write(`${dir}/layouts/_default/terms.html`, `{{ define "main" }}{{ range $name, $t := .Data.Terms }}<h2 id="{{ $name }}">{{ $name }} ({{ len $t }})</h2>
<ul>{{ range $t.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}{{ end }}
`);
  write(`${dir}/content/_index.md`, `---\ntitle: Home\n---\n`);
  write(`${dir}/content/tags/_index.md`, `---\ntitle: Tags\n---\n`);
  fs.mkdirSync(`${dir}/content/posts`, { recursive: true });
  for (const p of posts) write(`${dir}/content/posts/${p.file}`, frontMatter(p) + p.body);
}

const posts = Array.from({ length: N }, (_, i) => makePost(i));
for (const [name, fn] of [["jekyll", genJekyll], ["hugo", genHugo], ["eleventy", genEleventy]]) {
  const dir = `${ROOT}/${name}-${N}`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fn(dir, posts);
}
const words0 = posts[0]?.body.split(/\s+/).length ?? 0;
const bytes = posts.reduce((s, p) => s + Buffer.byteLength(p.body), 0);
console.log(`N=${N} posts; post[0] ~${words0} words; body bytes total=${bytes} (${(bytes / Math.max(N, 1)).toFixed(0)} B/post) -> ${ROOT}/{jekyll,hugo,eleventy}-${N}`);
