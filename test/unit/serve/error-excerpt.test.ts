// The source lines serve's error overlay shows: the lines around the error's line, read only from
// the site's source or its theme, within the size bound.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { errorExcerpt } from "../../../src/serve/error-excerpt.js";

describe("errorExcerpt", () => {
  let dir: string;
  let source: string;
  let themeRoot: string;
  const roots = () => ({ source, themeRoot, maxBytes: 1000 });

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "error-excerpt-"));
    source = path.join(dir, "site");
    themeRoot = path.join(dir, "gems", "minima-2.5.1");
    fs.mkdirSync(path.join(source, "_posts"), { recursive: true });
    fs.mkdirSync(path.join(themeRoot, "_layouts"), { recursive: true });
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i + 1}`);
    fs.writeFileSync(path.join(source, "_posts", "2025-05-30-a.md"), `${lines.join("\n")}\n`);
    fs.writeFileSync(path.join(source, "crlf.html"), "one\r\ntwo\r\nthree\r\n");
    fs.writeFileSync(path.join(source, "big.html"), "x".repeat(2000));
    fs.writeFileSync(path.join(source, "long.html"), `${"y".repeat(500)}\n`);
    fs.writeFileSync(path.join(themeRoot, "_layouts", "home.html"), "<h1>\n{% if %}\n</h1>\n");
    fs.writeFileSync(path.join(dir, "secret.txt"), "secret 1\nsecret 2\n");
    fs.symlinkSync(path.join(dir, "secret.txt"), path.join(source, "link.txt"));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("three lines on each side of the error's line, numbered from the file's first line", async () => {
    assert.deepEqual(await errorExcerpt("_posts/2025-05-30-a.md", 6, roots()), [3, 4, 5, 6, 7, 8, 9].map((n) => ({ number: n, text: `line ${n}` })));
  });

  test("cut at the file's ends; the newline ending the file is no line", async () => {
    assert.deepEqual((await errorExcerpt("_posts/2025-05-30-a.md", 1, roots()))?.map((l) => l.number), [1, 2, 3, 4]);
    assert.deepEqual((await errorExcerpt("_posts/2025-05-30-a.md", 10, roots()))?.map((l) => l.number), [7, 8, 9, 10]);
    assert.equal(await errorExcerpt("_posts/2025-05-30-a.md", 11, roots()), undefined);
    assert.deepEqual(await errorExcerpt("crlf.html", 3, roots()), [{ number: 1, text: "one" }, { number: 2, text: "two" }, { number: 3, text: "three" }]);
  });

  test("an absolute path inside the source, and a theme file named from the theme's folder", async () => {
    assert.equal((await errorExcerpt(path.join(source, "crlf.html"), 2, roots()))?.length, 3);
    assert.deepEqual(await errorExcerpt("minima-2.5.1/_layouts/home.html", 2, roots()), [
      { number: 1, text: "<h1>" }, { number: 2, text: "{% if %}" }, { number: 3, text: "</h1>" },
    ]);
  });

  test("nothing outside the source and the theme is read", async () => {
    assert.equal(await errorExcerpt("../secret.txt", 1, roots()), undefined);
    assert.equal(await errorExcerpt(path.join(dir, "secret.txt"), 1, roots()), undefined);
    assert.equal(await errorExcerpt("link.txt", 1, roots()), undefined, "a symlink out of the source");
    assert.equal(await errorExcerpt("minima-2.5.1/../../secret.txt", 1, roots()), undefined);
    assert.equal(await errorExcerpt("_posts", 1, roots()), undefined, "a folder");
  });

  test("bounds: files over the size bound are not read, long lines are cut", async () => {
    assert.equal(await errorExcerpt("big.html", 1, roots()), undefined);
    const [only] = (await errorExcerpt("long.html", 1, roots()))!;
    assert.equal(only!.text, `${"y".repeat(240)}…`);
    assert.equal(await errorExcerpt("crlf.html", 0, roots()), undefined);
  });
});
