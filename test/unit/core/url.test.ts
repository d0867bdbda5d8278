// URL sanitising (Jekyll's URL#sanitize_url) keeps its exact result with the shortcut for clean URLs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sanitizeUrl } from "../../../src/site/url.js";

/** Jekyll's steps, written out as Ruby does them. */
function reference(s: string): string {
  return `/${s}`.split("..").join("/").split("./").join("").replace(/\/{2,}/g, "/");
}

test("sanitizeUrl equals Jekyll's steps on every short string over '.', '/', 'a'", () => {
  const alphabet = [".", "/", "a"];
  let all = [""];
  for (let len = 1; len <= 7; len++) {
    all = all.flatMap((s) => (s.length === len - 1 ? alphabet.map((c) => s + c) : []));
    for (const s of all) assert.equal(sanitizeUrl(s), reference(s), JSON.stringify(s));
  }
  for (const s of ["posts/hello/", "/posts/a.html", "a/../b", "./x", "x//y", "2020/01/01/t.html", "ü/é/"]) {
    assert.equal(sanitizeUrl(s), reference(s), s);
  }
});
