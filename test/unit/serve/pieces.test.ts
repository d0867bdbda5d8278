// The pure pieces of the server: request-target parsing, range/conditional logic, MIME table,
// and the HTML injection.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { normalizeBaseurl, parseRequestTarget } from "../../../src/serve/resolve.js";
import { ifRangeMatches, isNotModified, parseRange } from "../../../src/serve/conditional.js";
import { contentTypeFor, isHtmlPage, mediaTypeFor } from "../../../src/serve/mime.js";
import { LIVERELOAD_SNIPPET, injectLiveReload } from "../../../src/serve/livereload.js";

describe("parseRequestTarget", () => {
  test("splits path, query and decoded segments", () => {
    assert.deepEqual(parseRequestTarget("/a%20b/c/?q=1#x"), { rawPath: "/a%20b/c/", query: "?q=1", segments: ["a b", "c"], trailingSlash: true });
  });
  for (const target of ["/../x", "/a/..", "/%2e%2e/x", "/.%2E/x", "/a%2fb", "/a%5cb", "/a\\b", "/a%00b", "/./x"]) {
    test(`forbids ${target}`, () => assert.equal(parseRequestTarget(target), "forbidden"));
  }
  test("malformed encoding and non-path targets are bad requests", () => {
    assert.equal(parseRequestTarget("/%zz"), "bad-request");
    assert.equal(parseRequestTarget("x/y"), "bad-request");
  });
  test("%252e decodes once, to a literal name", () => {
    assert.deepEqual((parseRequestTarget("/%252e%252e/") as { segments: string[] }).segments, ["%2e%2e"]);
  });
});

test("normalizeBaseurl", () => {
  assert.equal(normalizeBaseurl(""), "");
  assert.equal(normalizeBaseurl("/"), "");
  assert.equal(normalizeBaseurl("blog"), "/blog");
  assert.equal(normalizeBaseurl("/a/b/"), "/a/b");
});

describe("parseRange", () => {
  test("spans", () => {
    assert.deepEqual(parseRange("bytes=0-0", 10), { start: 0, end: 0 });
    assert.deepEqual(parseRange("bytes=5-", 10), { start: 5, end: 9 });
    assert.deepEqual(parseRange("bytes=-3", 10), { start: 7, end: 9 });
    assert.deepEqual(parseRange("bytes=-30", 10), { start: 0, end: 9 });
    assert.deepEqual(parseRange("bytes=8-100", 10), { start: 8, end: 9 });
  });
  test("unsatisfiable and ignored", () => {
    assert.equal(parseRange("bytes=10-", 10), "unsatisfiable");
    assert.equal(parseRange("bytes=-0", 10), "unsatisfiable");
    assert.equal(parseRange(undefined, 10), null);
    assert.equal(parseRange("bytes=5-4", 10), null);
    assert.equal(parseRange("bytes=0-1, 3-4", 10), null);
    assert.equal(parseRange("lines=0-1", 10), null);
  });
});

describe("validators", () => {
  const mtime = Date.parse("2024-05-01T10:00:00.700Z");
  test("If-Modified-Since compares whole seconds", () => {
    assert.equal(isNotModified({ "if-modified-since": "Wed, 01 May 2024 10:00:00 GMT" }, '"t"', mtime), true);
    assert.equal(isNotModified({ "if-modified-since": "Wed, 01 May 2024 09:59:59 GMT" }, '"t"', mtime), false);
  });
  test("If-None-Match weak comparison; no headers → false", () => {
    assert.equal(isNotModified({ "if-none-match": 'W/"t"' }, '"t"', mtime), true);
    assert.equal(isNotModified({ "if-none-match": '"u"' }, '"t"', mtime), false);
    assert.equal(isNotModified({}, '"t"', mtime), false);
  });
  test("If-Range: strong ETag or exact date", () => {
    assert.equal(ifRangeMatches(undefined, '"t"', mtime), true);
    assert.equal(ifRangeMatches('"t"', '"t"', mtime), true);
    assert.equal(ifRangeMatches('W/"t"', '"t"', mtime), false);
    assert.equal(ifRangeMatches("Wed, 01 May 2024 10:00:00 GMT", '"t"', mtime), true);
    assert.equal(ifRangeMatches("Wed, 01 May 2024 09:00:00 GMT", '"t"', mtime), false);
  });
});

test("MIME table: extension case, dotfiles, no extension", () => {
  assert.equal(mediaTypeFor("A/B/PHOTO.JPG"), "image/jpeg");
  assert.equal(mediaTypeFor(".nojekyll"), "application/octet-stream");
  assert.equal(mediaTypeFor("CNAME"), "application/octet-stream");
  assert.equal(contentTypeFor("x.csv"), "text/csv; charset=utf-8");
  assert.equal(contentTypeFor("x.wasm"), "application/wasm");
  assert.equal(isHtmlPage("x.htm"), true);
  assert.equal(isHtmlPage("x.xhtml"), false);
});

describe("injectLiveReload", () => {
  test("the snippet can be inlined safely", () => {
    const inner = LIVERELOAD_SNIPPET.replace(/^<script[^>]*>/, "").replace(/<\/script>\n$/, "");
    assert.ok(!/<\/script|<!--/i.test(inner));
  });
  test("inserts before the last </body> and leaves other bytes alone (non-UTF-8 too)", () => {
    const page = Buffer.concat([Buffer.from("<body>caf"), Buffer.from([0xe9]), Buffer.from("</body></html>")]);
    const out = injectLiveReload(page);
    const snippet = Buffer.from(LIVERELOAD_SNIPPET);
    assert.equal(out.length, page.length + snippet.length);
    assert.deepEqual(out.subarray(0, 10), page.subarray(0, 10));
    assert.deepEqual(out.subarray(10, 10 + snippet.length), snippet);
    assert.deepEqual(out.subarray(10 + snippet.length), page.subarray(10));
  });
});
