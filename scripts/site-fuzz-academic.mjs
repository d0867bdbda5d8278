// site-fuzz.mjs --academic: random sites shaped like researchers' homepages (academicpages,
// al-folio, minimal-mistakes forks), for seeds the blog generator has exhausted. Collections of
// publications, talks and teaching with per-type defaults and permalinks; publication front matter
// as people write it by hand (dates quoted or not, missing dates, years as numbers or strings,
// authors as a list or one string, selected as a boolean or a string, venues with & and
// Markdown, citations with HTML); layouts two deep reading layout.* and page.*; includes that
// read their caller's loop variable and their own parameters, nesting another include; pages
// listing the collections grouped by year (group_by_exp over a date filter), filtered with
// where_exp, sorted on keys some documents lack, with captures inside loops, forloop and
// tablerowloop properties, {% liquid %} and whitespace control; _data files of coauthors and
// a CV read by key and by loop.
//
// Each seed is one site; differential.mjs builds it with Jekyll and build-site.

const TITLES = ["On Graphs", "A Note & a Proof", "Learning *Fast*", "Über Alles", "日本語の論文", "“Quoted” Results", "x < y", "10 Things", "Zeta", "alpha"];
const VENUES = ["Journal of Things", "Proc. A&B 2024", "*Workshop* on X", "arXiv", "", "Conf. <i>Y</i>"];
const DATES = ["2024-01-05", "2023-06-15", "2021-11-30 10:00:00 +0100", "'2022-03-01'", "2019-02-28T08:00:00Z", "2026-11-30", "May 3, 2021", "2027-03-01"];
const CATEGORIES = ["manuscripts", "conferences", "books", "Manuscripts", ""];
const AUTHORS = [["Ada Lovelace", "Alan Turing"], "Ada Lovelace and Grace Hopper", ["Me"], [], ["A. B.", "C. D.", "E. F."]];
const TYPES = ["Talk", "Tutorial", "Conference proceedings talk", "talk", ""];

export function writeAcademicSite(seed, dir, { pick, maybe }, w, plugins = false) {
  const yaml = (v) => (typeof v === "string" && /^'/.test(v) ? v : JSON.stringify(v));
  const fm = (o) => "---\n" + Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${yaml(v)}`).join("\n") + "\n---\n";

  const permalinks = ["/publication/:path/", "/:collection/:name/", "/:collection/:title", "/pubs/:year/:slug.html", undefined];
  const config = {
    title: "Academic Fuzz",
    timezone: pick([null, "UTC", "America/Los_Angeles", "Europe/Berlin"]),
    future: maybe(0.3) ? true : undefined,
    author: maybe(0.7) ? { name: "Ada", bio: "Works on *things*", email: "ada@example.com", googlescholar: maybe() ? "https://scholar.example/x" : undefined } : undefined,
    collections: {
      publications: { output: true, permalink: pick(permalinks), sort_by: maybe(0.3) ? pick(["date", "title", "year"]) : undefined },
      talks: { output: maybe(0.8), permalink: pick(permalinks) },
      teaching: { output: true },
    },
    defaults: [
      { scope: { path: "", type: "publications" }, values: { layout: "single", author_profile: true, share: maybe() } },
      { scope: { path: "", type: "talks" }, values: { layout: "talk" } },
      ...(maybe() ? [{ scope: { path: "_teaching" }, values: { layout: "single", type: "Course" } }] : []),
      { scope: { path: "" }, values: { layout: "default" } },
    ],
  };
  if (plugins) {
    // --plugins with --academic: what these themes load from GitHub Pages' list, with a feed of
    // the publications collection and redirects and sitemap exclusions in their front matter.
    config.plugins = ["jekyll-feed", "jekyll-seo-tag", "jekyll-sitemap", "jekyll-redirect-from"];
    config.url = pick(["https://ada.example", "https://ada.github.io/", undefined]);
    config.baseurl = pick(["", "/lab", undefined]);
    config.feed = pick([undefined, { collections: ["publications"] }, { collections: { publications: { path: "/pubs.xml" } } }, { excerpt_only: true }]);
    config.social = maybe(0.3) ? { name: "Ada", links: ["https://github.com/ada"] } : undefined;
    config.description = maybe() ? "A lab & its *papers*" : undefined;
  }
  w("_config.yml", JSON.stringify(config, (k, v) => (v === undefined || v === null ? undefined : v), 1) + "\n");

  w("_layouts/default.html", `<html>${plugins ? "<head>{% seo %}{% feed_meta %}</head>" : ""}<body data-layout="{{ layout.kind | default: 'none' }}">
{%- if page.author_profile or layout.author_profile -%}{% include author-profile.html %}{%- endif -%}
<main>{{ content }}</main>
<footer>{{ page.title | default: site.title | escape }}|{{ page.collection }}|{{ page.relative_path }}|{{ page.previous.url }}|{{ page.next.url }}</footer></body></html>
`);
  w("_layouts/single.html", `---
layout: default
kind: single
author_profile: ${maybe() ? "true" : "false"}
---
<article>{% if page.title %}<h1>{{ page.title | markdownify | remove: '<p>' | remove: '</p>' | strip }}</h1>{% endif %}
{%- if page.venue %}<p class="venue">Published in <i>{{ page.venue }}</i>, {{ page.date | default: "1900-01-01" | date: "%Y" }}</p>{% endif -%}
{{ content }}
{%- if page.citation %}<p>Recommended citation: {{ page.citation }}</p>{% endif -%}
{%- if page.paperurl %}<a href="{{ page.paperurl | relative_url }}">PDF</a>{% endif %}</article>
`);
  w("_layouts/talk.html", `---
layout: ${pick(["single", "default"])}
---
<p>{{ page.type | default: "Talk" }} at {{ page.venue }}{% if page.location %}, {{ page.location }}{% endif %}</p>{{ content }}
`);
  w("_includes/author-profile.html", `{%- assign author = page.author | default: site.author -%}
<aside>{{ author.name | default: "Anonymous" }}{% if author.bio %}: {{ author.bio | markdownify | strip_html | strip }}{% endif %}
{%- for link in site.data.links -%}{% if link.url %}<a href="{{ link.url }}">{{ link.name }}</a>{% endif %}{%- endfor -%}</aside>
`);
  w("_includes/archive-single.html", `{%- if post.header.teaser -%}{%- capture teaser -%}{{ post.header.teaser }}{%- endcapture -%}{%- else -%}{%- assign teaser = include.teaser | default: site.teaser -%}{%- endif -%}
{%- if post.id -%}{%- assign title = post.title | markdownify | remove: "<p>" | remove: "</p>" | strip -%}{%- else -%}{%- assign title = post.title -%}{%- endif -%}
<div class="{{ include.type | default: 'list' }}">{{ title }}|{{ teaser }}|{{ post.url | relative_url }}
{%- if post.date %} <time datetime="{{ post.date | date_to_xmlschema }}">{{ post.date | date: "%B %d, %Y" }}</time>{% endif -%}
{%- if post.venue %} {% include venue.html venue=post.venue year=post.year %}{% endif -%}
|{{ post.excerpt | markdownify | strip_html | truncate: 40 }}|{% if post.authors.first %}{{ post.authors | array_to_sentence_string }}{% else %}{{ post.authors }}{% endif %}</div>
`);
  w("_includes/venue.html", `<i>{{ include.venue | strip }}</i>{% if include.year %} ({{ include.year }}){% endif %}{% include coauthor.html name=include.venue %}`);
  w("_includes/coauthor.html", `{%- assign c = site.data.coauthors[include.name] -%}{%- if c -%}[{{ c.url | default: c }}]{%- endif -%}`);

  w("_data/coauthors.yml", pick([
    "Ada Lovelace:\n  url: https://ada.example\nJournal of Things: https://jot.example\n",
    "{}\n",
    "arXiv:\n  url: /arxiv/\n  name: arXiv\n",
  ]));
  w("_data/links.yml", pick(["- name: Scholar\n  url: https://s.example\n- name: Empty\n", "[]\n", "- name: Git\n  url: /git/\n"]));
  w("_data/cv.yml", "education:\n  - degree: PhD\n    year: 2020\n  - degree: MSc\n  - degree: BSc\n    year: '2014'\nskills: [a, b, c, d, e]\n");

  const pubs = 3 + Math.floor(pick([0, 1, 2, 3, 4]));
  for (let i = 0; i < pubs; i++) {
    const front = {};
    if (maybe(0.9)) front.title = pick(TITLES);
    if (maybe(0.2)) front.collection = "publications";
    if (maybe(0.8)) front.date = pick(DATES);
    if (maybe(0.4)) front.year = pick([2021, "2022", 2019, "n.d."]);
    if (maybe(0.7)) front.venue = pick(VENUES);
    if (maybe(0.5)) front.category = pick(CATEGORIES);
    if (maybe(0.5)) front.authors = pick(AUTHORS);
    if (maybe(0.4)) front.selected = pick([true, false, "true", "yes"]);
    if (maybe(0.4)) front.paperurl = pick(["/files/p.pdf", "https://x.example/p.pdf", "files/rel.pdf"]);
    if (maybe(0.3)) front.citation = pick(["Ada, &quot;On Graphs&quot; <i>J</i>", "Plain & simple", "**Bold** cite"]);
    if (maybe(0.2)) front.excerpt = pick(["Front *excerpt*", ""]);
    if (maybe(0.2)) front.header = { teaser: pick(["t.png", ""]) };
    if (maybe(0.1)) front.published = false;
    if (maybe(0.1)) front.permalink = "/fixed/:title/";
    if (plugins && maybe(0.2)) front.redirect_from = pick(["/old-pub/", ["/p/" + i + ".html"]]);
    if (plugins && maybe(0.15)) front.sitemap = false;
    if (plugins && maybe(0.2)) front.image = pick(["/img/p.png", { path: "/img/q.png", alt: "Q" }]);
    const name = pick(["2024-01-05-", "2020-graphs-", ""]) + pick(["paper", "Paper One", "nota", "x.y"]) + `-${i}.md`;
    w(`_publications/${name}`, fm(front) + pick([
      "Abstract of the paper with **bold** text.\n\nSecond paragraph.\n",
      "{{ page.title }} in {{ page.venue | default: 'nowhere' }}.\n",
      "Short.\n<!--more-->\nLonger.\n",
      "",
    ]));
  }
  for (let i = 0; i < 3; i++) {
    const front = { title: pick(TITLES), type: pick(TYPES), venue: pick(VENUES), location: maybe() ? pick(["Paris, France", "Online"]) : undefined };
    if (maybe(0.7)) front.date = pick(DATES);
    w(`_talks/talk-${i}.md`, fm(front) + "Talk body.\n");
  }
  for (let i = 0; i < 2; i++) {
    w(`_teaching/course-${i}.md`, fm({ title: `Course ${i}`, type: maybe() ? pick(TYPES.concat(["Course", "Undergraduate course"])) : undefined, date: maybe() ? pick(DATES) : undefined, venue: pick(VENUES) }) + "Course.\n");
  }

  const SORT_KEYS = ["date", "year", "title", "venue", "selected"];
  w("publications.html", `---
title: Publications
author_profile: ${maybe() ? "true" : "false"}
---
{%- assign pubs = site.publications | sort: "${pick(SORT_KEYS)}"${maybe() ? ', "last"' : ""} | reverse -%}
{%- assign byyear = site.publications | group_by_exp: "p", "p.date | date: '%Y'" -%}
{% for y in byyear %}<h2 id="y{{ y.name }}">{{ y.name | default: "undated" }} ({{ y.size }})</h2>
{%- for post in y.items %}{% include archive-single.html type="${pick(["grid", "list", ""])}" %}{% endfor -%}
{% endfor %}
{%- for post in pubs -%}{%- capture line -%}{{ forloop.index }}/{{ forloop.length }} {{ post.title | default: post.slug }}{% unless forloop.last %};{% endunless %}{%- endcapture -%}{{ line }}{%- endfor %}
selected={{ site.publications | where_exp: "p", "${pick(["p.selected == true", "p.selected", "p.selected == 'true' or p.selected == true", "p.selected != false and p.venue"])}" | map: "title" | join: "," }}
{% assign cats = ${pick(['site.publications | group_by: "category"', 'site.publications | group_by_exp: "p", "p.category | downcase"'])} %}cats={% for c in cats %}{{ c.name | inspect }}:{{ c.items | map: "title" | join: "+" }} {% endfor %}
{%- liquid
  assign n = site.publications | size
  if n > 3
    echo " many"
  elsif n == 0
    echo " none"
  else
    echo " few"
  endif
-%}
`);
  w("talks.md", `---
title: Talks
---
{% assign talks = site.talks | sort: "date" | reverse %}{% for post in talks %}{% include archive-single.html %}{% endfor %}
{% tablerow t in site.talks cols: 2 %}{{ tablerowloop.index }}{{ t.title | slugify }}{% endtablerow %}
types={{ site.talks | map: "type" | uniq | join: "," }}
`);
  w("teaching.md", `---
title: Teaching
---
{% for post in site.teaching %}{%- if post.type == "Course" or post.type contains "course" -%}{% include archive-single.html type="grid" %}{%- endif -%}{% endfor %}
{%- assign col = site.collections | where: "label", "teaching" | first %}
label={{ col.label }}|{{ col.output }}|{{ col.docs | size }}|{{ col.relative_directory }}|{{ site[col.label] | size }}
`);
  w("cv.md", `---
title: CV
---
{% for e in site.data.cv.education %}* {{ e.degree }}{% if e.year %}, {{ e.year }}{% endif %}
{% endfor %}
{{ site.data.cv.skills | slice: 1, 3 | join: ", " }}|{{ site.data.cv["skills"].size }}
{% for item in site.data.coauthors %}{{ item[0] }}={{ item[1].url | default: item[1] }};{% endfor %}
docs={{ site.documents | map: "url" | join: " " }}
`);
}
