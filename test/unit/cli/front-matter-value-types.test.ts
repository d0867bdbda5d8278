// Front matter values of a type Jekyll 4.3.1 cannot use (test/conformance/ERRORS.md, cases 69
// and 70), each run with Debian's Jekyll 4.3.1:
// - `slug:` that is no String where the permalink has :title or :slug: Utils.slugify calls
//   String#gsub on it, and the build stops ("undefined method `gsub' for 42:Integer");
// - `categories:` that is no String or list: Document#merge_categories! unites it with the list
//   the document has (`Array#|`), a TypeError ("no implicit conversion of Hash into Array") that
//   Document#read's rescue logs; the post is built without its front matter and without what
//   read_post_data gives (no title or date from the file name: the date is site.time), unless
//   strict_front_matter is on.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const INDEX = "---\n---\n{% for p in site.posts %}{{ p.url }}|{{ p.title }}|{{ p.categories | join: ',' }}{% endfor %}\n";

for (const [slug, receiver] of [["42", "42:Integer"], ["true", "true:TrueClass"], ["[a]", '["a"]:Array'], ["2020-01-01", "#<Date: 2020-01-01 ((2458850j,0s,0n),+0s,2299161j)>"]]) {
  test(`slug: ${slug} stops the build where the permalink slugifies it, as in Jekyll`, () => {
    buildSiteCase("slug-type-", { "_posts/2020-01-01-p.md": `---\nslug: ${slug}\n---\nhi\n`, "index.html": INDEX }, (build) => {
      assertOutcome(build, `undefined method \`gsub' for ${receiver}`);
      assert.ok(build.out.includes("_posts/2020-01-01-p.md:2:"), build.out);
    });
  });
}

test("slug: 42 is kept where no permalink placeholder slugifies it", () => {
  buildSiteCase("slug-type-", {
    "_config.yml": "permalink: /:year/:month/:day/x:output_ext\n",
    "_posts/2020-01-01-p.md": "---\nslug: 42\n---\n{{ page.slug }}\n",
  }, (build) => {
    assertOutcome(build, null);
    assert.equal(fs.readFileSync(path.join(build.dest, "2020", "01", "01", "x.html"), "utf8").trim(), "<p>42</p>");
  });
});

for (const [categories, name] of [["{k: v}", "Hash"], ["5", "Integer"], ["true", "true"]]) {
  test(`categories: ${categories} drops the post's front matter with an error, as in Jekyll`, () => {
    buildSiteCase("categories-type-", {
      "_config.yml": "time: 2026-12-01 00:00:00 +0000\n",
      "_posts/2020-01-01-p.md": `---\ncategories: ${categories}\ntitle: T\n---\nhi\n`,
      "index.html": INDEX,
    }, (build) => {
      assertOutcome(build, null);
      assert.ok(build.out.includes(`no implicit conversion of ${name} into Array`), build.out);
      assert.equal(fs.readFileSync(path.join(build.dest, "index.html"), "utf8").trim(), "/2026/12/01/2020-01-01-p.html||");
    });
  });
}

test("categories: {k: v} stops the build with strict_front_matter", () => {
  buildSiteCase("categories-type-", {
    "_config.yml": "strict_front_matter: true\n",
    "_posts/2020-01-01-p.md": "---\ncategories: {k: v}\n---\nhi\n",
  }, (build) => assertOutcome(build, "no implicit conversion of Hash into Array"));
});

// Front matter defaults whose categories: is no String or list (ERRORS.md case 81): the same
// TypeError, from merge_defaults, before the file is read: logged, the post dropped (its content
// is nil; fixture front-matter-defaults-categories-unread), fatal with strict_front_matter.
test("defaults with categories: 5 drop the post with an error, and stop the build with strict_front_matter", () => {
  const files = {
    "_posts/2020-01-01-p.md": "---\ntitle: T\n---\nhi\n",
    "index.html": INDEX,
  };
  const defaults = "defaults:\n  - scope: {path: ''}\n    values: {categories: 5}\n";
  buildSiteCase("categories-type-", { ...files, "_config.yml": defaults }, (build) => {
    assertOutcome(build, null);
    assert.ok(build.out.includes("no implicit conversion of Integer into Array"), build.out);
    assert.equal(fs.readFileSync(path.join(build.dest, "index.html"), "utf8").trim(), "");
  });
  buildSiteCase("categories-type-", { ...files, "_config.yml": `strict_front_matter: true\n${defaults}` }, (build) => assertOutcome(build, "no implicit conversion of Integer into Array"));
});

// Front matter that is YAML but no mapping (ERRORS.md case 72): a page's or a layout's stops the
// build (Convertible#validate_data!: "Invalid YAML front matter"); a post's fails in
// Document#merge_data! (`other.key?`: NoMethodError) inside Document#read's rescue, which logs
// it, and the post is built without its front matter and without read_post_data.
for (const fm of ["- a list", "title:Hello #c\nlayout: post"]) {
  test(`a post whose front matter is ${JSON.stringify(fm)} is built without it, as in Jekyll`, () => {
    buildSiteCase("front-matter-not-mapping-", {
      "_config.yml": "time: 2026-12-01 00:00:00 +0000\n",
      "_posts/2020-01-01-p.md": `---\n${fm}\n---\nhi\n`,
      "index.html": INDEX,
    }, (build) => {
      assertOutcome(build, null);
      assert.ok(build.out.includes("_posts/2020-01-01-p.md:2: invalid YAML front matter"), build.out);
      assert.equal(fs.readFileSync(path.join(build.dest, "index.html"), "utf8").trim(), "/2026/12/01/2020-01-01-p.html||");
    });
  });

  test(`a page whose front matter is ${JSON.stringify(fm)} stops the build, as in Jekyll`, () => {
    buildSiteCase("front-matter-not-mapping-", { "about.md": `---\n${fm}\n---\nhi\n` }, (build) => {
      assertOutcome(build, "about.md:2: invalid YAML front matter: it must be a set of `key: value` lines");
    });
  });
}
