// The read stage's cheap path arithmetic must agree with Node's path functions it replaces.
import assert from "node:assert/strict";
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
      const f = new EntryFilter(source, [], [rel], false);
      assert.equal(f.isExcluded(entry), true, `exclude ${rel} from ${source} + ${entry}`);
      const g = new EntryFilter(source, [], [`${rel}x`], false);
      assert.equal(g.isExcluded(entry), false, `exclude ${rel}x from ${source} + ${entry}`);
    }
  }
});
