// jekyll-feed's `feed:` settings of the wrong type. Generator#config is `site.config["feed"] || {}`
// and is first asked for ["disable_in_development"] (`feed: true` or a Float: NoMethodError for
// `[]`; an Integer or a list: TypeError); a feed `path:` that is no String reaches
// PathManager.sanitized_path's start_with? (NoMethodError); `posts_limit:` goes through Liquid's
// to_integer in the feed template's `limit:` ("invalid integer" for 2.5 or true, while "0x2" and
// " 3 " count); a tags `path: 0` is a prefix (Ruby's 0 is true). Each case was run with Debian's
// Jekyll 4.3.1 and jekyll-feed 0.17.0 (test/conformance/ERRORS.md, case 57). A String (`feed: "on"`)
// fails in normalize_posts_meta's `config["path"] ||=`: String#[]= of a text it does not hold; one
// holding "path" is the settings named in it (a feed at /path), and then {% feed_meta %} fails
// (MetaTag's Hash#dig meets the String). Categories that are no list fail at to_set.
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const CASES: { feed: string; error: string | null; files?: string[] }[] = [
  { feed: "true", error: "undefined method `[]' for true:TrueClass" },
  { feed: "2.5", error: "undefined method `[]' for 2.5:Float" },
  { feed: "5", error: "no implicit conversion of String into Integer" },
  { feed: "[a]", error: "no implicit conversion of String into Integer" },
  { feed: "false", error: null, files: ["2020", "feed.xml"] },
  { feed: '"on"', error: "string not matched (IndexError)" },
  { feed: '""', error: "string not matched (IndexError)" },
  { feed: "{path: 5}", error: "undefined method `start_with?' for 5:Integer" },
  { feed: "{path: [a.xml]}", error: "undefined method `start_with?' for [\"a.xml\"]:Array" },
  { feed: "{collections: {posts: {path: 7}}}", error: "undefined method `start_with?' for 7:Integer" },
  { feed: "{path: false}", error: null, files: ["2020", "feed.xml"] },
  { feed: '{path: ""}', error: null, files: ["2020"] },
  { feed: "{posts_limit: 2.5}", error: "invalid integer" },
  { feed: "{posts_limit: true}", error: "invalid integer" },
  { feed: '{posts_limit: "0x2"}', error: null, files: ["2020", "feed.xml"] },
  { feed: "{tags: {path: 0}}", error: null, files: ["0t.xml", "2020", "feed.xml"] },
  // A String reads as the settings whose names it holds, each its own name (String#[]).
  { feed: '"a path"', error: null, files: ["2020", "path"] },
  { feed: '"disable_in_development"', error: null, files: ["2020"] },
  { feed: '"path tags"', error: null, files: ["2020", "feed", "path"] },
  { feed: '"path collections"', error: null, files: ["2020", "path"] },
  { feed: '"path categories"', error: "undefined method `to_set' for \"categories\":String" },
  // Categories that are no list: Set#to_set of a String or number (NoMethodError).
  { feed: "{categories: news}", error: "undefined method `to_set' for \"news\":String" },
  { feed: "{categories: 5}", error: "undefined method `to_set' for 5:Integer" },
  { feed: "{collections: {posts: {categories: c1}}}", error: "undefined method `to_set' for \"c1\":String" },
];

for (const c of CASES) {
  test(`jekyll-feed with feed: ${c.feed} ${c.error ? "fails" : "builds"} as in Jekyll`, () => {
    buildSiteCase("feed-config-", {
      "_config.yml": `url: https://x.y\nplugins: [jekyll-feed]\nfeed: ${c.feed}\n`,
      "_posts/2020-01-01-p.md": "---\ntitle: p\ntags: [t]\n---\nx\n",
    }, (build) => {
      assertOutcome(build, c.error);
      if (c.error === null) assert.deepEqual(fs.readdirSync(build.dest).sort(), c.files);
    });
  });
}

test("{% feed_meta %} with feed: a String fails as MetaTag's dig does in Jekyll", () => {
  buildSiteCase("feed-config-", {
    "_config.yml": 'url: https://x.y\nplugins: [jekyll-feed]\nfeed: "path"\n',
    "_posts/2020-01-01-p.md": "---\ntitle: p\n---\nx\n",
    "index.md": "---\n---\n{% feed_meta %}\n",
  }, (build) => assertOutcome(build, "String does not have #dig method"));
});
