// Makes the bundle's code cache (src/cli/code-cache.ts) right after bundling, from one build of a
// small blog: V8's cache holds the bytecode of every function the build compiled, so the first
// real build already starts warm, whatever site it is. The blog has what most sites use — posts,
// front matter, a layout with includes, loops and filters, Markdown with a fenced code block — so
// that the functions they need are in the cache; anything else is compiled on demand as usual.
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

[ref]: https://example.com/ref
`;

const FILES: Record<string, string> = {
  "_config.yml": "title: Warm-up\nauthor: Someone\npermalink: /posts/:title/\nmarkdown: kramdown\nkramdown:\n  input: GFM\n",
  "_data/navigation.yml": "- title: Home\n  url: /\n- title: About\n  url: /about/\n",
  "_includes/meta.html": '{% if include.date %}<time>{{ include.date | date: "%B %-d, %Y" }}</time>{% endif %}{% for t in include.tags %} <span>{{ t | upcase }}</span>{% endfor %}\n',
  "_layouts/default.html": `<!DOCTYPE html>
<html><head><title>{% if page.title %}{{ page.title | escape }} | {% endif %}{{ site.title }}</title></head>
<body><nav>{% for item in site.data.navigation %}<a href="{{ item.url | relative_url }}"{% if page.url == item.url %} class="active"{% endif %}>{{ item.title }}</a>{% endfor %}</nav>
{% include meta.html date=page.date tags=page.tags %}
{{ content }}
{% if page.previous %}<a href="{{ page.previous.url }}">{{ page.previous.title }}</a>{% endif %}
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
  "style.css": "body { margin: 0 }\n",
};

/**
 * Builds the warm-up blog with bin/ (under `root`), which writes the missing cache once the build
 * has succeeded. True when the cache for this Node exists afterwards.
 */
export function warmUpCodeCache(root: string): boolean {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "build-site-warm-up-"));
  try {
    const files = { ...FILES };
    for (let n = 0; n < 6; n++) files[`_posts/2000-01-0${1 + (n % 9)}-post-${n}.md`] = POST(n);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
      fs.writeFileSync(path.join(site, rel), text);
    }
    // A plain `node`: bin/ writes caches only without extra flags, which V8 would check them against.
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const run = spawnSync(process.execPath, [path.join(root, "bin", "build-site.js"), "build", "-q", "-s", site, "-d", path.join(site, "_site")], { env, encoding: "utf8" });
    if (run.status !== 0) return false;
    return fs.existsSync(cacheFileFor(path.join(root, "dist", "bundle", "cli.js")));
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}
