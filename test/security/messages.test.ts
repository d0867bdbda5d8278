// Issue 14, item 7: the messages that were cut or unhelpful, as the CLI prints them now.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { runCli, sandbox } from "./helpers.js";

function cli(files: Record<string, string | Buffer>): string {
  const box = sandbox({ "_config.yml": "title: t\n", ...files });
  try {
    const r = runCli(box, ["build"]);
    assert.equal(r.code, 1, r.out + r.err);
    return r.err;
  } finally {
    box.remove();
  }
}

test("an include-path error prints the whole message: the bad name and the valid syntax", () => {
  const err = cli({ "index.html": "---\n---\n{% include ../../etc/passwd %}\n" });
  assert.match(err, /index\.html:3:\d+: Liquid Exception: Invalid syntax for include tag\. File contains invalid characters or sequences:/);
  assert.match(err, /\.\.\/\.\.\/etc\/passwd/);
  assert.match(err, /Valid syntax:/);
  assert.match(err, /\{% include file\.ext param='value' param2='value' %\}/);
});

test("include recursion says Nesting too deep (as Ruby Liquid), not a JavaScript stack overflow", () => {
  const err = cli({ "_includes/r.html": "{% include r.html %}", "index.html": "---\n---\n{% include r.html %}\n" });
  assert.match(err, /_includes\/r\.html:1:\d+: Liquid Exception: Nesting too deep/);
  assert.doesNotMatch(err, /call stack/i);
});

test("a JSON data error says JSON, at the place Psych names", () => {
  const err = cli({ "_data/x.json": '{"a": 1,\n "b": [1, 2\n}\n' });
  assert.match(err, /_data\/x\.json:2:7: invalid JSON/);
  assert.doesNotMatch(err, /invalid YAML/);
});

test("an unclosed [ on line 5 of _config.yml is reported at line 5, where it opens", () => {
  const err = cli({ "_config.yml": "title: x\nurl: y\nlist: a\nfoo: bar\nnav: [a, b\nnext: 1\nlast: 2\n" });
  assert.match(err, /_config\.yml:5:6: invalid YAML: did not find expected ',' or '\]'/);
});

test("Liquid errors carry a what-to-do line", () => {
  const err = cli({ "index.html": "---\n---\n{% if x %}\n" });
  const lines = err.split("\n");
  const at = lines.findIndex((l) => /index\.html:3:\d+: Liquid Exception: Liquid syntax error \(line 2\): 'if' tag was never closed/.test(l));
  assert.ok(at >= 0, err);
  assert.match(lines[at + 1]!, /needs its \{% end… %\}/);
  const unknown = cli({ "index.html": "---\n---\n{% katexmm %}\n" });
  assert.match(unknown, /plugin build-site does not run/);
});

test("a binary .md is called not UTF-8", () => {
  const err = cli({ "bin.md": Buffer.concat([Buffer.from("---\n---\n"), Buffer.from([0, 0xff, 0xfe, 0, 0x80])]) });
  assert.match(err, /bin\.md:3:2: not UTF-8/);
  assert.match(err, /binary file/);
});

test("a post_url or link that names nothing says how to name a post or file, not to check the Liquid syntax", () => {
  const post = cli({ "index.html": "---\n---\n{% post_url ../../../x %}\n" });
  assert.match(post, /index\.html:3:\d+: Liquid Exception: Could not parse name of post "\.\.\/\.\.\/\.\.\/x" in tag 'post_url'/);
  assert.match(post, /Give the post's file name without its extension/);
  assert.doesNotMatch(post, /Check the Liquid syntax/);
  const link = cli({ "index.html": "---\n---\n{% link ../../etc/passwd %}\n" });
  assert.match(link, /index\.html:3:\d+: Liquid Exception: Could not find document '\.\.\/\.\.\/etc\/passwd' in tag 'link'/);
  assert.match(link, /Give the path of a page, post, document or file as it is in the site's source/);
});

test("sort over numbers and strings says so, not that a < compares them", () => {
  const err = cli({ "index.html": "---\n---\n{% assign a = \"b,1\" | split: \",\" | push: 3 %}{{ a | sort | join }}\n" });
  assert.match(err, /index\.html:3:\d+: Liquid Exception: Liquid error \(line 1\): comparison of String with 3 failed/);
  assert.match(err, /A sort met a String and 3 in one list/);
});

test("include_relative of a file that is not there names the page's folder as Jekyll does (in_source_dir: <source>/ for a top-level page)", () => {
  const box = sandbox({ "_config.yml": "title: t\n", "i.html": "---\n---\n{% include_relative /etc/hostname %}\n" });
  try {
    const r = runCli(box, ["build"]);
    assert.equal(r.code, 1, r.out + r.err);
    assert.ok(r.err.includes(`Could not locate the included file '/etc/hostname' in any of ["${box.site}/"]`), r.err);
    box.write("sub/i.html", "---\n---\n{% include_relative nope.html %}\n");
    fs.rmSync(path.join(box.site, "i.html"));
    const sub = runCli(box, ["build"]);
    assert.ok(sub.err.includes(`in any of ["${box.site}/sub"]`), sub.err);
  } finally {
    box.remove();
  }
});
