// A config value Jekyll 4.3.1 rejects (Configuration#check_include_exclude, #check_plugins: "'exclude'
// should be set as an array, but was: \"README.md\"", no file named; ERRORS.md case 45) is reported
// with the config file that set it, not the last file given to --config (a site built with
// `--config _config.yml,_time.yml` had its _config.yml mistake blamed on _time.yml).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ROOT } from "../../conformance/harness.js";
import { assertOutcome, buildSiteCase } from "./site-case.js";

const CLI = path.join(ROOT, "bin", "build-site.js");

const CASES = [
  { first: "plugins: jekyll-feed", says: `'plugins' should be set as an array of gem names, but was: "jekyll-feed"` },
  { first: "exclude: README.md", says: `'exclude' should be set as an array, but was: "README.md"` },
  // Values Jekyll's code calls a String's (or a Hash's) method on: it stops with NoMethodError
  // (ERRORS.md case 71): Reader#outside_configured_directory?, Converters::Markdown#extname_list,
  // FrontmatterDefaults#update_deprecated_types and #applies_type?.
  { first: "collections_dir: 5", says: "undefined method `empty?' for 5:Integer (NoMethodError)" },
  { first: "collections_dir: false", says: "undefined method `empty?' for false:FalseClass (NoMethodError)" },
  { first: "markdown_ext: [md]", says: `undefined method \`split' for ["md"]:Array (NoMethodError)` },
  { first: "markdown_ext: 5", says: "undefined method `split' for 5:Integer (NoMethodError)" },
  { first: "defaults: [{scope: x, values: {a: 1}}]", says: `defaults: undefined method \`key?' for "x":String (NoMethodError)` },
  { first: "defaults: [{scope: null, values: {a: 1}}]", says: "defaults: undefined method `key?' for nil:NilClass (NoMethodError)" },
  { first: "defaults: [{scope: {type: 5}, values: {a: 1}}]", says: "defaults: undefined method `to_sym' for 5:Integer (NoMethodError)" },
];

// The same keys where Jekyll builds: nil keeps the default, a list or a mapping has empty?, a set
// that is no mapping (or has no mapping of values) is skipped, a scope path that is no String
// matches everything.
for (const first of ["collections_dir: null", "collections_dir: {}", "markdown_ext: null", "defaults: [5]", "defaults: [{scope: {path: 5}, values: {a: 1}}]", "defaults: [{scope: {type: posts}, values: 5}]", "defaults: [{values: {a: 1}}]"]) {
  test(`${first}: builds, as in Jekyll`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "config-errors-"));
    try {
      fs.writeFileSync(path.join(work, "_config.yml"), `${first}\n`);
      fs.mkdirSync(path.join(work, "_posts"));
      fs.writeFileSync(path.join(work, "_posts", "2020-01-01-p.md"), "---\n---\nhi\n");
      fs.writeFileSync(path.join(work, "index.html"), "---\n---\n{{ site.posts.first.url }}\n");
      const r = spawnSync(process.execPath, [CLI, "build"], { cwd: work, encoding: "utf8" });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.equal(fs.readFileSync(path.join(work, "_site", "index.html"), "utf8").trim(), "/2020/01/01/p.html");
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}

for (const c of CASES) {
  test(`${c.first}: the error names the config file that set it`, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "config-errors-"));
    try {
      fs.writeFileSync(path.join(work, "_config.yml"), `${c.first}\n`);
      fs.writeFileSync(path.join(work, "_more.yml"), "title: x\n");
      fs.writeFileSync(path.join(work, "index.html"), "x\n");
      const r = spawnSync(process.execPath, [CLI, "build", "--config", "_config.yml,_more.yml"], { cwd: work, encoding: "utf8" });
      const out = r.stdout + r.stderr;
      assert.equal(r.status, 1, out);
      assert.ok(out.includes(`_config.yml: ${c.says}`), out);
      assert.ok(!out.includes("_more.yml:"), out);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}

// collections_dir: a list (ERRORS.md case 82): posts are not read (fixture
// config-collections-dir-list), and a collection whose folder (File.join flattens the list:
// a/_recipes) holds an entry stops the build where Collection#collection_dir passes the list to
// sanitized_path (start_with?: NoMethodError).
test("collections_dir: [a] with a collection folder that holds a file fails as in Jekyll", () => {
  const files = { "_config.yml": "collections_dir: [a]\ncollections: [recipes]\n", "a/_recipes/soup.md": "---\n---\nhi\n" };
  buildSiteCase("config-errors-", files, (build) => {
    assertOutcome(build, `a/_recipes: undefined method \`start_with?' for ["a"]:Array (NoMethodError)`);
  });
});

// collections_dir: a mapping (ERRORS.md case 94): posts are not read (fixture
// config-collections-dir-hash), and any collection besides posts stops the build at
// Collection#directory, whose File.join takes no Hash (TypeError), folder or not.
test("collections_dir: {a: b} with a collection fails as in Jekyll", () => {
  const files = { "_config.yml": "collections_dir: {a: b}\ncollections: [recipes]\n", "index.html": "x\n" };
  buildSiteCase("config-errors-", files, (build) => {
    assertOutcome(build, "no implicit conversion of Hash into String (TypeError), reading the collection 'recipes'");
  });
});
