// Makes the bundle's code cache (src/cli/code-cache.ts) right after bundling, from one build of a
// small blog: V8's cache holds the bytecode of every function the build compiled, so the first
// real build already starts warm, whatever site it is. The blog has what most sites use — posts,
// front matter, a layout with includes, loops and filters, Markdown with fenced code in the common
// languages, kramdown's extras, a timezone, and the plugins GitHub Pages sites use most (feed,
// sitemap, SEO tags, pagination) — so that the functions they need are in the cache; anything else
// is compiled on demand as usual. (What a build still compiles on demand: bench/PROFILE.md, "Cold
// builds": this repository's homepage compiled 178 KiB of bytecode the first blog did not have.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cacheFileFor } from "./code-cache.js";

const POST = (n: number) => `---
title: "Post ${n}: warming up"
date: 2000-01-0${1 + (n % 9)} 10:00:00 +0000
tags: [one, two]
layout: default
---

Some *emphasis*, **strong** text, \`code\`, a [link](https://example.com/${n}) and an auto
link <https://example.com>. "Quotes" -- and dashes...

## A heading

- a list
- with [a reference][ref]

1. ordered
2. list

> a quote

| a | b |
|---|---|
| 1 | 2 |

\`\`\`python
def f(x):
    return x * 2  # comment
\`\`\`

\`\`\`bash
for f in *.md; do echo "$f" | wc -l; done  # count
\`\`\`

\`\`\`javascript
const xs = [1, 2, 3].map((x) => x * 2); // double
export function f(a) { return \`\${a}!\`; }
\`\`\`

{% highlight ruby %}
def hello(name) = puts "Hello, #{name}"
{% endhighlight %}

A footnote[^1], an abbreviation of HTML, a *span*{: .note} with attributes and an image
![alt text](/assets/img.png "title").

Term
: its definition

<div class="box" markdown="1">
Markdown **inside** HTML.
</div>

{% raw %}{{ not liquid }}{% endraw %}

[ref]: https://example.com/ref
[^1]: The footnote.
*[HTML]: HyperText Markup Language
`;

const FILES: Record<string, string> = {
  "_config.yml": "title: Warm-up\nauthor: Someone\nurl: https://example.com\ndescription: A blog.\ntimezone: Europe/London\npermalink: /posts/:title/\nmarkdown: kramdown\nkramdown:\n  input: GFM\nplugins: [jekyll-feed, jekyll-sitemap, jekyll-seo-tag, jekyll-paginate]\npaginate: 2\ncollections:\n  projects:\n    output: true\ndefaults:\n  - scope: { path: \"\", type: posts }\n    values: { layout: default, comments: true }\n",
  "_data/navigation.yml": "- title: Home\n  url: /\n- title: About\n  url: /about/\n",
  "_includes/meta.html": '{% if include.date %}<time>{{ include.date | date: "%B %-d, %Y" }}</time>{% endif %}{% for t in include.tags %} <span>{{ t | upcase }}</span>{% endfor %}\n',
  "_layouts/default.html": `<!DOCTYPE html>
<html><head><title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title }}</title>{% seo %}{% feed_meta %}</head>
<body><nav>{% for item in site.data.navigation %}<a href="{{ item.url | relative_url }}"{% if page.url == item.url %} class="active"{% endif %}>{{ item.title }}</a>{% endfor %}</nav>
{% include meta.html date=page.date tags=page.tags %}
{{ content }}
{% if page.previous %}<a href="{{ page.previous.url }}">{{ page.previous.title }}</a>{% endif %}
{% unless page.comments == false %}{% case page.layout %}{% when "default" %}<p>{{ content | number_of_words }} words, {{ page.date | date_to_string }}</p>{% else %}{% endcase %}{% endunless %}
<footer>{{ site.time | date: "%Y" }} {{ site.description | markdownify | strip_html | xml_escape }} {{ "/about/" | absolute_url }}</footer>
</body></html>
`,
  "index.html": `---
layout: default
title: Home
---
{% assign posts = site.posts | where: "layout", "default" %}<ul>{% for post in site.posts limit:5 %}<li><a href="{{ post.url }}">{{ post.title }}</a> {{ post.date | date_to_xmlschema }} {{ post.excerpt | strip_html | truncatewords: 5 }}</li>{% endfor %}</ul>
{% capture n %}{{ site.posts | size }}{% endcapture %}{{ n | plus: 1 }} {{ "now" | date: "%Y" | slice: 0, 2 }} {{ site.data.navigation | jsonify | size }} {{ site.tags | size }}
`,
  "about.md": "---\nlayout: default\ntitle: About\n---\n# About\n\nA page.\n",
  "blog/index.html": "---\nlayout: default\ntitle: Blog\n---\n{% for post in paginator.posts %}<h2>{{ post.title }}</h2>{% endfor %}{{ paginator.next_page_path }}\n{% assign by_year = site.posts | group_by_exp: \"p\", \"p.date | date: '%Y'\" %}{% for y in by_year %}{{ y.name }}: {{ y.items | size }}{% endfor %}\n{% assign sorted = site.projects | sort: \"title\" | where_exp: \"p\", \"p.title != nil\" %}{% for p in sorted %}{{ p.title }}{% if forloop.last %}.{% endif %}{% endfor %}\n",
  "_projects/one.md": "---\ntitle: One\n---\nA project.\n",
  "assets/img.png": "not really a png\n",
  "style.css": "body { margin: 0 }\n",
};

/** Writes the warm-up blog's sources into `site` (an empty folder). */
export function writeWarmUpSite(site: string): void {
  const files = { ...FILES };
  for (let n = 0; n < 6; n++) files[`_posts/2000-01-0${1 + (n % 9)}-post-${n}.md`] = POST(n);
  writeFiles(site, files);
}

/**
 * A second, smaller site for the packages the bundle loads only when a site needs them (each with a
 * code cache of its own, src/cli/code-cache.ts): KaTeX for kramdown's `math_engine: katex` and
 * gemoji for jemoji (the BibTeX parser and entities are rarely loaded), and sass-embedded. Not part of the blog above:
 * jemoji rewrites pages after rendering, which would keep the blog's build from writing pages
 * early, and the bundle's cache would then lack the functions most builds run.
 */
const LAZY_PACKAGE_FILES: Record<string, string> = {
  "_config.yml": "title: Warm-up\nkramdown:\n  math_engine: katex\nplugins: [jemoji]\n",
  // sass-embedded, bundled beside the bundle (src/render/sass-package.ts), gets its cache on the Sass thread.
  "_sass/theme.scss": "$ink: #223;\n@mixin card($pad) { padding: $pad; border: 1px solid rgba($ink, 0.2); }\n",
  "assets/main.scss": "---\n---\n@import \"theme\";\nbody { color: $ink; .card { @include card(1rem); } }\n",
  "index.md": "---\ntitle: Math\n---\n\nInline $$e^{i\\pi} + 1 = 0$$ and :sparkles:.\n\n" +
    "$$\n\\mathbb{E}[X] = \\sum_{i=1}^{n} \\frac{x_i}{n} \\quad \\text{and} \\quad \\sqrt{\\alpha^2 + \\beta_j}\n$$\n",
};

/** Writes the lazily loaded packages' warm-up site into `site` (an empty folder). */
export function writeLazyPackageSite(site: string): void {
  writeFiles(site, LAZY_PACKAGE_FILES);
}

/** Writes `files` under `site` (an empty folder). */
function writeFiles(site: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    fs.writeFileSync(path.join(site, rel), text);
  }
}

/**
 * Builds the warm-up blog with bin/ (under `root`), which writes the missing cache once the build
 * has succeeded, then the lazily loaded packages' site, which writes theirs. True when the
 * bundle's cache for this Node exists afterwards (the packages' caches are a bonus).
 */
export function warmUpCodeCache(root: string): boolean {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-warm-up-"));
  try {
    writeWarmUpSite(path.join(site, "blog"));
    writeLazyPackageSite(path.join(site, "lazy"));
    // A plain `node`: bin/ writes caches only without extra flags, which V8 would check them against.
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const build = (name: string) => spawnSync(process.execPath, [path.join(root, "bin", "build-site.js"), "build", "-q", "-s", path.join(site, name), "-d", path.join(site, `${name}-out`)], { env, encoding: "utf8" });
    if (build("blog").status !== 0) return false;
    build("lazy");
    return fs.existsSync(cacheFileFor(path.join(root, "dist", "bundle", "cli.js")));
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}
