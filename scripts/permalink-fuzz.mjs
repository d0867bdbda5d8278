#!/usr/bin/env node
// Random sites for the URL side of Jekyll: post and page file names with odd slugs (Unicode,
// dots, %, +, trailing dashes), categories from folders and front matter, dates with offsets,
// timezones, collections with and without output, every permalink style and placeholder, in
// _config.yml, front matter and defaults. Each seed's site is built by real Jekyll and by
// build-site (scripts/differential.mjs); the seeds whose outputs differ are listed. Every page
// prints its url, id, slug, categories, date, title, name, path and dir.
//
//   node scripts/permalink-fuzz.mjs --seeds 1-40 [--keep DIR]
//
// A difference found is pinned by a conformance fixture from real Jekyll (scripts/oracle.mjs).
import { runSeeds, seeded, writerIn } from "./fuzz-common.mjs";

function writeSite(seed, dir) {
  const { pick, maybe } = seeded(seed);
  const w = writerIn(dir);

  const WORDS = ["hello", "World", "café", "naïve", "Ünïcödé", "日本語", "a.b", "x+y", "100%", "what?", "semi;colon", "C#", "c++", "tab\tx", "dash-ed", "under_score", "UPPER", "mixed Case", "émoji😀", "a&b", "quote'd", "dbl\"q", "#hash", "slash", "spaces  two", "trailing.", "-lead", "..dots", "~tilde", "[br]", "(par)", "@at", "$dollar", "=eq", "comma,x"];
  const SLUGS = ["hello-world", "Hello World", "café au lait", "post.with.dots", "UPPER", "日本語", "a+b", "100%", "x_y", "what's up", "a&b", "trailing-", "--double", "emoji😀", "tab", "semi;colon", "space at end ", "index", "feed", "about"];
  // (No "/x/:title.:output_ext": the extension of a permalink becomes output_ext, ".:output_ext",
  // which Addressable rejects: Jekyll crashes.)
  const PERMALINKS = ["date", "pretty", "ordinal", "none", "weekdate", "/:categories/:title/", "/:year/:month/:day/:title:output_ext", "/blog/:slug", "/:title.html", "/:categories/:year/:i_month/:i_day/:slug/", "/:short_year/:y_day/:title/", "/p/:title", "/:path/", "/:collection/:name/", "/:year/:title/index.html", "/:categories.html", "/:hour:minute:second/:title/", "/:long_month/:short_month/:long_day/:short_day/:title/", "/:week/:w_year/:w_day/:title/"];
  const CATS = ["news", "Tech Notes", "café", "日本", "a/b", "UP", "two words", "x.y", "", "c++", "100%"];
  const DATES = ["2024-01-05", "2024-12-31 23:59:59", "2024-02-29 10:00:00 +0800", "2023-06-15 12:00:00 -0700", "2024-03-10T02:30:00Z", "2025-01-01", "2024-07-04 00:00:00 +1400", "2024-11-03 01:30:00"];

  const config = {
    title: "Perm Fuzz",
    timezone: pick([null, "UTC", "America/New_York", "Asia/Shanghai", "Pacific/Kiritimati"]),
    permalink: pick(PERMALINKS),
    baseurl: pick(["", "/base", "/b a"]),
    collections: { recipes: { output: true, permalink: maybe() ? pick(PERMALINKS.filter((p) => p.startsWith("/"))) : undefined }, notes: { output: maybe() } },
    defaults: maybe() ? [{ scope: { path: "", type: "posts" }, values: { permalink: pick(PERMALINKS) } }] : undefined,
  };
  const yaml = (o) => JSON.stringify(o, (k, v) => (v === null || v === undefined ? undefined : v), 1);
  w("_config.yml", yaml(config) + "\n");
  w("_layouts/default.html", "<p>{{ page.url }}|{{ page.id }}|{{ page.slug }}|{{ page.categories | join: ',' }}|{{ page.date }}|{{ page.title }}|{{ page.name }}|{{ page.path }}|{{ page.dir }}</p>{{ content }}\n");
  const fm = (o) => "---\n" + Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n") + "\n---\n";
  const used = new Set();
  for (let i = 0; i < 25; i++) {
    const date = pick(DATES).slice(0, 10);
    const slug = pick(SLUGS).replace(/ /g, maybe() ? " " : "-");
    const ext = pick([".md", ".md", ".markdown", ".html"]);
    const sub = maybe(0.3) ? pick(["cat1/", "A B/", "日本/"]) : "";
    const name = `${sub}_posts/${date}-${slug}${ext}`;
    if (used.has(name.toLowerCase())) continue;
    used.add(name.toLowerCase());
    const front = { layout: "default" };
    if (maybe(0.6)) front.title = pick(WORDS) + " " + pick(WORDS);
    if (maybe(0.3)) front.date = pick(DATES);
    if (maybe(0.4)) front.categories = maybe() ? pick(CATS) : [pick(CATS), pick(CATS)];
    if (maybe(0.2)) front.category = pick(CATS);
    if (maybe(0.25)) front.permalink = pick(PERMALINKS);
    if (maybe(0.15)) front.slug = pick(SLUGS);
    w(name, fm(front) + `Post ${i}\n`);
  }
  for (let i = 0; i < 10; i++) {
    const p = `${pick(["", "docs/", "A B/", "日本/"])}${pick(SLUGS).replace(/ /g, "-")}${pick([".md", ".html"])}`;
    if (used.has(p.toLowerCase())) continue;
    used.add(p.toLowerCase());
    const front = { layout: "default" };
    if (maybe(0.4)) front.permalink = pick(PERMALINKS);
    if (maybe(0.3)) front.title = pick(WORDS);
    w(p, fm(front) + `Page ${i}\n`);
  }
  for (const coll of ["recipes", "notes"]) {
    for (let i = 0; i < 6; i++) {
      const p = `_${coll}/${maybe(0.3) ? "sub dir/" : ""}${pick(SLUGS).replace(/ /g, maybe() ? " " : "-")}${pick([".md", ".html"])}`;
      if (used.has(p.toLowerCase())) continue;
      used.add(p.toLowerCase());
      const front = { layout: "default" };
      if (maybe(0.3)) front.permalink = pick(PERMALINKS);
      if (maybe(0.3)) front.date = pick(DATES);
      if (maybe(0.3)) front.title = pick(WORDS);
      w(p, fm(front) + `Doc ${i}\n`);
    }
  }
}

runSeeds(writeSite);
