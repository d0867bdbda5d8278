// The read stage's cheap path arithmetic must agree with Node's path functions it replaces.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { EntryFilter } from "../../../src/read/entry-filter.js";
import { relativeTo } from "../../../src/site/paths.js";

const FROMS = ["/src", "/src/", "/", "/a/b", "/a/../b", "/a//b", "/work/site/_collections"];
const TAILS = ["x", "x/y.md", ".hidden", "..foo", "a/", "./a", "a/./b", "a/../b", "a//b", "", "../up", "_posts/2020-01-01-a.md", "ü/é.md"];

test("relativeTo is path.relative", () => {
  for (const from of FROMS) {
    for (const tail of TAILS) {
      for (const to of [`${from}/${tail}`, `${from}${tail}`, path.join(from, tail), "/elsewhere/x"]) {
        assert.equal(relativeTo(from, to), path.relative(from, to), `relativeTo(${from}, ${to})`);
      }
    }
  }
});

test("the entry filter's joined paths match path.posix.join: includes and excludes by full path", () => {
  // Patterns that only match when the entry is joined to the source exactly as path.posix.join would.
  const entries = ["a.md", "sub/a.md", "./a.md", "sub//a.md", "sub/", "sub/../a.md", "..a", ".htaccess", "x/./y"];
  for (const source of ["/site", "/site/", "/", "/s/../site"]) {
    for (const entry of entries) {
      const joined = path.posix.join(source, entry);
      const rel = joined.startsWith("/site/") ? joined.slice("/site/".length) : joined.replace(/^\//, "");
      const f = new EntryFilter(source, [], [rel]);
      assert.equal(f.isExcluded(entry), true, `exclude ${rel} from ${source} + ${entry}`);
      const g = new EntryFilter(source, [], [`${rel}x`]);
      assert.equal(g.isExcluded(entry), false, `exclude ${rel}x from ${source} + ${entry}`);
    }
  }
});

test("exclude patterns: prefixes, fnmatch wildcards, and 'dir/' only for a folder", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "entry-filter-"));
  try {
    fs.mkdirSync(path.join(root, "vendor", "bundle"), { recursive: true });
    fs.writeFileSync(path.join(root, "vendor", "bundler"), "");
    fs.writeFileSync(path.join(root, "vendor", "cache"), "");
    const f = new EntryFilter(root, [], ["vendor/bundle/", "vendor/cache/", "*.log", "Gemfile", "docs/[ab]*", "a+b(c)"]);
    const excluded = (e: string) => f.isExcluded(e);
    assert.equal(excluded("vendor/bundle"), true, "the folder named by 'vendor/bundle/'");
    assert.equal(excluded("vendor/bundle/x.rb"), true, "below it, by prefix");
    assert.equal(excluded("vendor/bundler"), false);
    assert.equal(excluded("vendor/cache"), false, "'vendor/cache/' names a folder; this is a file");
    assert.equal(excluded("a.log"), true);
    assert.equal(excluded("x/y.log"), true, "fnmatch's * crosses /");
    assert.equal(excluded("Gemfile"), true);
    assert.equal(excluded("Gemfile.lock"), true, "a plain prefix, as Jekyll's start_with?");
    assert.equal(excluded("docs/alpha.md"), true);
    assert.equal(excluded("docs/c.md"), false);
    assert.equal(excluded("a+b(c)"), true, "regex characters in a literal pattern");
    assert.equal(excluded("a+b(d)"), false);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
