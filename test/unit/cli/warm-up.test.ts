// The warm-up blog (src/cli/warm-up.ts) is what the code cache is made from: if it stopped building,
// or stopped reaching the features it is there for, bundling would only warn and every first build
// would start slower. It must build cleanly and produce what each of its parts is for.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { main } from "../../../src/cli/main.js";
import { writeLazyPackageSite, writeWarmUpSite } from "../../../src/cli/warm-up.js";

/**
 * Writes a warm-up site with `writeSite`, builds it with the CLI, asserts that the build succeeded
 * without a warning on stdout or stderr, and hands its output folder to `check`.
 */
async function buildCleanly(prefix: string, writeSite: (dir: string) => void, check: (out: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const out = path.join(dir, "_out");
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  const writeOut = process.stdout.write.bind(process.stdout);
  try {
    writeSite(dir);
    process.stderr.write = ((chunk: string | Uint8Array) => { lines.push(String(chunk)); return true; }) as typeof process.stderr.write;
    process.stdout.write = ((chunk: string | Uint8Array) => { lines.push(String(chunk)); return true; }) as typeof process.stdout.write;
    let code: number;
    try {
      code = await main(["build", "-s", dir, "-d", out]);
    } finally {
      process.stderr.write = write;
      process.stdout.write = writeOut;
    }
    assert.equal(code, 0, lines.join(""));
    assert.doesNotMatch(lines.join(""), /warn|error|deprecat/i);
    check(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("the warm-up blog builds without warnings and reaches its features", () =>
  buildCleanly("warm-up-test-", writeWarmUpSite, (out) => {
    for (const f of ["feed.xml", "sitemap.xml", "page2/index.html", "projects/one/index.html", "blog/index.html", "about/index.html"]) {
      assert.ok(fs.existsSync(path.join(out, f)), f);
    }
    const post = fs.readFileSync(path.join(out, "posts/post-1/index.html"), "utf8");
    for (const needle of ["language-python", "language-bash", "language-javascript", 'class="highlight"', 'class="footnotes"', "<abbr", "<dl>", 'class="note"', "Jekyll SEO tag", "application/atom+xml", "{{ not liquid }}"]) {
      assert.ok(post.includes(needle), `${needle} in a post`);
    }
  }));

test("the lazily loaded packages' warm-up site builds without warnings and uses KaTeX, jemoji and Sass", () =>
  buildCleanly("warm-up-lazy-test-", writeLazyPackageSite, (out) => {
    const page = fs.readFileSync(path.join(out, "index.html"), "utf8");
    for (const needle of ['class="katex"', 'class="katex-display"', 'class="emoji"']) assert.ok(page.includes(needle), `${needle} in the page`);
    assert.match(fs.readFileSync(path.join(out, "assets/main.css"), "utf8"), /body \.card \{\s*padding: 1rem;/);
  }));
